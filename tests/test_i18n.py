"""The language in use, its catalogs and fallbacks."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from coprod_assess import i18n


def test_english_is_the_default_and_messages_are_themselves() -> None:
    assert i18n.current() == "en"
    assert i18n._("Lived experience") == "Lived experience"


def test_using_sets_the_language_inside_the_block_only() -> None:
    with i18n.using("cy"):
        assert i18n.current() == "cy"
        with i18n.using("en-easy"):
            assert i18n.current() == "en-easy"
        assert i18n.current() == "cy"
    assert i18n.current() == "en"


def test_an_unknown_language_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r"no language 'fr'.*en, cy, en-easy"):
        i18n.set_language("fr")


def test_each_thread_keeps_its_own_language() -> None:
    seen: dict[str, str] = {}

    def answer(lang: str) -> None:
        with i18n.using(lang):
            seen[lang] = i18n.current()

    threads = [threading.Thread(target=answer, args=(lang,)) for lang in ("cy", "en-easy")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == {"cy": "cy", "en-easy": "en-easy"}
    assert i18n.current() == "en"


def test_easy_read_falls_back_to_its_base_language() -> None:
    assert i18n.fallbacks("cy-easy") == ["cy-easy", "cy"]
    assert i18n.fallbacks("en-easy") == ["en-easy", "en"]
    assert i18n.base_language("en-easy") == "en"
    assert i18n.is_easy_read("cy-easy")
    assert not i18n.is_easy_read("cy")


def test_every_language_has_a_name_in_itself() -> None:
    assert i18n.language_name("cy") == "Cymraeg"
    assert set(i18n.LANGUAGES) == {"en", "cy", "en-easy", "cy-easy"}


def test_dates_are_written_in_the_language() -> None:
    day = date(2026, 11, 22)
    assert i18n.long_date(day, "en") == "22 November 2026"
    assert i18n.long_date(day, "en-easy") == "22 November 2026"
    assert i18n.long_date(day, "cy") == "22 Tachwedd 2026"


def test_a_message_the_welsh_catalog_has_is_shown_in_welsh() -> None:
    translations = i18n.translations("cy")
    catalog = getattr(translations, "_catalog", {})
    pairs = [(k, v) for k, v in catalog.items() if isinstance(k, str) and k and v and k != v]
    if not pairs:
        pytest.fail("the Welsh catalogs hold no messages: run make catalogs and translate")
    english, welsh = pairs[0]
    with i18n.using("cy"):
        assert i18n._(english) == welsh
    assert i18n._(english) == english
