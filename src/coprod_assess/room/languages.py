"""The languages a phone can choose, and what the pages need to show each one right.

One workshop serves every language at once: each phone keeps its choice in a signed
cookie (see `web`) and each of its requests is rendered in that language. The
projector and the facilitator's pages use the workshop's own language (`--lang`).
Easy Read asks the short form (the core questions) with a picture beside each.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_assess.i18n import LANGUAGES, base_language, fallbacks

if TYPE_CHECKING:
    from coprod_assess.rubric.catalog import Catalog

# The languages a phone is offered, in the order the picker shows them.
OFFERED: tuple[str, ...] = ("en", "cy", "en-easy")
# Each language's name in itself, as the picker shows it (LANGUAGES says "Easy Read
# (English)": on a phone, beside English, "Easy Read" says it).
NAMES: dict[str, str] = {"en": "English", "cy": "Cymraeg", "en-easy": "Easy Read"}
assert set(NAMES) <= set(LANGUAGES)

# Pages a change of language may come back to (any other: the room's address).
_BACK_TO = re.compile(r"/(?:q/[0-9]{1,4}|done|pause|check(?:/[0-9]{1,4}|/done|/pause)?|report)?")

_PICTURE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
}
PICTURE_MOST = 2 * 1024 * 1024  # a picture larger than this is left out, not sent to phones


def offered(lang: str | None) -> bool:
    """Whether a phone may choose this language."""
    return lang in OFFERED


def back_to(path: str | None) -> str:
    """Where choosing a language returns: the page it was chosen on, when that page can be
    shown again by opening its address; otherwise the room's address."""
    return path if path and _BACK_TO.fullmatch(path) else "/"


def picker(current: str) -> list[dict[str, str | bool]]:
    """The languages to offer on a phone's page, the current one marked: each with its
    name in itself and its `lang` for HTML."""
    return [
        {
            "code": code,
            "name": NAMES[code],
            "html_lang": base_language(code),
            "current": code == current,
        }
        for code in OFFERED
    ]


def words_language(catalog: Catalog, of: str, lang: str, own: str = "en") -> str:
    """The language of the words `lang` shows for a rubric, the roles or the flags (`of`):
    the first of `lang` and its fallbacks that has a translation, else the file's `own`
    language. For HTML's `lang` attribute on words that are not the page's language."""
    for code in fallbacks(lang):
        if code == own or (of, code) in catalog.translations:
            return code
    return own


def other_language(words: str, page: str) -> str:
    """The `lang` to mark words with on a page in `page` (as HTML names languages), or ""
    when they are in the page's own language."""
    found = base_language(words)
    return "" if found == base_language(page) else found


@cache
def picture_uri(path: str) -> str | None:
    """A picture file as a data: address, so a phone fetches nothing from elsewhere; None
    for a file that is missing, too large or not a picture a browser shows."""
    kind = _PICTURE_TYPES.get(Path(path).suffix.lower())
    if kind is None:
        return None
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(PICTURE_MOST + 1)
    except OSError:
        return None
    if not data or len(data) > PICTURE_MOST:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
