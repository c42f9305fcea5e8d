"""Questions, words on screen and minutes of a rubric, full and short."""

from __future__ import annotations

from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.rubric.forms import short_form
from coprod_assess.rubric.length import (
    WORDS_PER_MINUTE,
    Length,
    count_words,
    rubric_length,
    total_length,
)
from coprod_assess.rubric.models import Rubric
from tests.conftest import DATA


def test_a_word_is_a_run_of_letters_or_digits() -> None:
    assert count_words("Don't co-produce 3 things — or 4/5!") == 7  # 4 and 5 apart
    assert count_words("  ") == 0
    assert count_words("Don\u2019t stop") == 2
    assert count_words("Café, naïve; 2026-11-22") == 3


def _rubric(options_of_second: list[dict[str, object]] | None) -> Rubric:
    second: dict[str, object] = {"id": "q2", "text": "Are they paid?"}
    if options_of_second is not None:
        second["options"] = options_of_second
    return Rubric.model_validate(
        {
            "id": "tiny",
            "version": "1.0.0",
            "title": "Many words in the title are left out",
            "summary": "So are the words of the summary.",
            "source": {"citation": "Test (2026)."},
            "scale": [
                {"value": 0, "label": "Not yet", "description": "Nothing happens."},
                {"value": 1, "label": "Yes"},
            ],
            "dimensions": [
                {
                    "id": "d",
                    "title": "Dimension title",
                    "description": "Left out too.",
                    "questions": [
                        {"id": "q1", "text": "Do people decide?", "help": "Think of May."},
                        second,
                    ],
                }
            ],
        }
    )


def test_shared_scale_counts_once_and_own_options_with_their_question() -> None:
    # q1 3 + help 3, q2 3, the scale once: "Not yet" 2 + "Nothing happens" 2 + "Yes" 1.
    assert rubric_length(_rubric(None)) == Length(questions=2, words=14)
    own = [{"value": 0, "label": "Never"}, {"value": 1, "label": "Always, by law"}]
    # The scale still counts once for q1; q2's own options add 4.
    assert rubric_length(_rubric(own)) == Length(questions=2, words=18)


def test_minutes_round_up_at_the_pace() -> None:
    assert WORDS_PER_MINUTE == 200
    assert Length(10, 3000).minutes == 15
    assert Length(10, 3001).minutes == 16
    assert Length(0, 0).minutes == 0


def test_short_form_length_and_total() -> None:
    rubric = load_catalog([DATA / "short"]).rubric("core-power")
    full, short = rubric_length(rubric), rubric_length(short_form(rubric))
    assert (full.questions, short.questions) == (5, 3)
    assert short.words < full.words
    assert total_length([rubric, short_form(rubric)]) == full + short
