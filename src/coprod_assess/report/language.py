"""What language a report's passages are in, and dates written out in the report's."""

from __future__ import annotations

import datetime

from coprod_assess import i18n


def passage_lang(lang: str | None) -> str:
    """HTML's `lang` for a passage written in `lang` (cy for cy-easy), or "" where it is
    unknown or the report's own language (so a Welsh note in an English report is marked)."""
    if not lang:
        return ""
    written = i18n.base_language(lang)
    return "" if written == i18n.base_language(i18n.current()) else written


def date_words(date: str) -> str:
    """A date written out in the language in use (22 November 2026, 22 Tachwedd 2026), or
    as written when it is not an ISO date."""
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        return date
    return i18n.long_date(day)
