"""Languages: every message goes through gettext catalogs, in the language chosen.

The program's own words are in English in the code, marked with `_()` (or
`N_()` where a string is defined before the language is known, and
`ngettext()` where a number changes the words). `make catalogs` extracts them
with babel into `locale/messages.pot` and keeps one catalog per language and
area (`locale/cy/LC_MESSAGES/report.po`, ...). At run time the compiled `.mo`
files are read with the standard library's gettext, so asking for `--help`
loads none of this.

The language is chosen per command (`--lang`, or COPROD_LANG) and, in the
room, per phone: it is held in a context variable, so one workshop serves
each request in its own language. Easy Read is a language of its own
(`en-easy`): where it has no words of its own it falls back to plain English,
as `cy-easy` falls back to Welsh.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

# Each language: its name in itself, as a phone or a menu offers it.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "cy": "Cymraeg",
    "en-easy": "Easy Read (English)",
    "cy-easy": "Hawdd ei Deall (Cymraeg)",
}
DEFAULT = "en"
# Where a language has no words for something, the words of this one are used.
FALLBACK: dict[str, str] = {"en-easy": "en", "cy-easy": "cy"}
DOMAINS = ("cli", "report", "compare", "sheet", "room")
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_current: ContextVar[str] = ContextVar("coprod_language", default=DEFAULT)


def is_easy_read(lang: str) -> bool:
    """Whether a language is an Easy Read one."""
    return lang.endswith("-easy")


def base_language(lang: str) -> str:
    """The language as HTML's `lang` attribute and date formats know it: en-easy is en."""
    return lang.removesuffix("-easy")


def fallbacks(lang: str) -> list[str]:
    """The language, then each it falls back to: cy-easy, cy."""
    chain = [lang]
    while chain[-1] in FALLBACK:
        chain.append(FALLBACK[chain[-1]])
    return chain


def check_language(lang: str) -> str:
    """The language code, or ValueError naming the ones there are."""
    if lang not in LANGUAGES:
        raise ValueError(f"no language {lang!r} (there are: {', '.join(LANGUAGES)})")
    return lang


@cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The program's messages in one language, every area's catalog together."""
    found: _gettext.NullTranslations | None = None
    for domain in DOMAINS:
        path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
        if not path.is_file():
            continue
        with path.open("rb") as handle:
            catalog = _gettext.GNUTranslations(handle)
        if found is None:
            found = catalog
        else:
            found.add_fallback(catalog)
    if found is None:
        found = _gettext.NullTranslations()
    if lang in FALLBACK:
        found.add_fallback(translations(FALLBACK[lang]))
    return found


def current() -> str:
    """The language in use here: the command's, or in the room the phone's."""
    return _current.get()


def set_language(lang: str) -> None:
    """Use this language from now on (a command, once it has read --lang)."""
    _current.set(check_language(lang))


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Use this language inside the block (one request in the room, one report)."""
    token = _current.set(check_language(lang))
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """The message in the language in use."""
    return translations(_current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message for `n` things in the language in use (Welsh has six forms)."""
    return translations(_current.get()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """The message in the language in use, where the same English means two things."""
    return translations(_current.get()).pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it yet (it is translated
    with `_()` where it is shown, once the language is known)."""
    return message


def language_name(lang: str) -> str:
    """The language's name in itself: Cymraeg."""
    return LANGUAGES.get(lang, lang)


def long_date(value: date, lang: str | None = None) -> str:
    """A date written out in the language: 22 November 2026, 22 Tachwedd 2026."""
    from babel.dates import format_date

    base = base_language(lang or current())
    return format_date(value, format="long", locale="en_GB" if base == "en" else base)
