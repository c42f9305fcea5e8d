"""A language is marked only where enough writers used it."""

from __future__ import annotations

from coprod_assess.privacy.languages import lang_if_shown, shown_languages


def test_a_language_needs_min_group_writers_and_easy_read_counts_as_its_base() -> None:
    written = [("r1", "cy"), ("r1", "cy"), ("r2", "cy-easy"), ("r3", "en"), ("r4", "en-easy")]
    assert shown_languages(written, 2) == {"cy", "en"}
    assert shown_languages(written, 3) == set()
    assert shown_languages([("r1", None), ("r2", None)], 1) == set()


def test_a_passage_keeps_its_language_only_where_shown() -> None:
    assert lang_if_shown("cy-easy", {"cy"}) == "cy-easy"
    assert lang_if_shown("cy", {"en"}) is None
    assert lang_if_shown(None, {"en"}) is None
