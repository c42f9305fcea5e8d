"""Answers files as written: readable, diff-friendly, and read back the same."""

from __future__ import annotations

from pathlib import Path

from coprod_assess.answers.writer import answers_text, block_yaml
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


def test_text_that_looks_like_a_number_to_our_reader_stays_text() -> None:
    """PyYAML writes `1e5` bare; our YAML 1.2 reader would take it for 100000.0."""
    from coprod_assess.answers.editor import flow_text
    from coprod_assess.loading.document import document_from_text

    notes = ["1e5", "0E0", "+.5", "-.inf", "2026", "true", "~", "12", "1.0.0", "r1"]
    data = {"respondents": [{"id": "r1", "role": "staff", "name": n} for n in notes]}
    assert document_from_text(block_yaml(data), "x").data == data
    for note in notes:
        entry = {"value": 1, "note": note}
        assert document_from_text(f"a: {flow_text(entry)}\n", "x").data == {"a": entry}


def test_a_new_answers_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """It holds names and notes; a file that exists keeps the mode it has."""
    from coprod_assess.answers.writer import save_answers

    new = tmp_path / "new.yaml"
    save_answers(new, {"respondents": []})
    assert new.stat().st_mode & 0o777 == 0o600
    shared = tmp_path / "shared.yaml"
    shared.write_text("respondents: []\n", encoding="utf-8")
    shared.chmod(0o644)
    save_answers(shared, {"respondents": []})
    assert shared.stat().st_mode & 0o777 == 0o644
