"""Which languages a passage may be marked as written in (HTML's `lang`).

The mark follows the language a person answered in: a note marked Welsh when only
one person answered in Welsh would say who wrote it, even a note written in English.
So a language is marked only where at least `min_group` writers used it.
"""

from __future__ import annotations

from collections.abc import Iterable

from coprod_assess.i18n import base_language


def shown_languages(written: Iterable[tuple[object, str | None]], min_group: int) -> set[str]:
    """The languages (en-easy counted as en) at least `min_group` writers used, from each
    passage's (writer, language)."""
    writers: dict[str, set[object]] = {}
    for who, lang in written:
        if lang:
            writers.setdefault(base_language(lang), set()).add(who)
    return {lang for lang, people in writers.items() if len(people) >= min_group}


def lang_if_shown(lang: str | None, shown: set[str]) -> str | None:
    """The passage's language where it may be marked, else None."""
    return lang if lang and base_language(lang) in shown else None
