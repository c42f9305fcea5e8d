"""Answers files as written: readable, diff-friendly, and read back the same."""

from __future__ import annotations

from coprod_assess.answers.writer import answers_text
from coprod_assess.loading.document import document_from_text

DATA = {
    "assessment": {"rubrics": {"r": "1.0.0"}, "date": "2026-11-22", "period": "2026"},
    "respondents": [
        {
            "id": "r1",
            "role": "staff",
            "name": "no",
            "answers": {"r": {"a": 3, "b": {"value": 1, "note": 'Said: "yes" | no'}}},
        }
    ],
}


def test_layout() -> None:
    text = answers_text(DATA)
    assert "  period: '2026'\n  date: '2026-11-22'\n  rubrics:\n" in text
    assert "      a: 3\n" in text
    assert "      b: {value: 1, note: 'Said: \"yes\" | no'}\n" in text


def test_round_trip_through_the_loader() -> None:
    doc = document_from_text(answers_text(DATA), "a.yaml")
    assert doc.data["respondents"] == DATA["respondents"]
    assert doc.data["assessment"]["period"] == "2026"
