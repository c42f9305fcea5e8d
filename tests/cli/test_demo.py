"""`coprod demo`: a realistic sample workshop and its reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

Run = Callable[..., Result]


def test_demo_writes_answers_and_reports(cli: Run, tmp_path: Path) -> None:
    result = cli("demo")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "coprod-demo"
    names = ("coprod-answers.yaml", "result.json", "report.html", "report.md")
    for name in (*names, "participants.html", "participants.md"):
        assert (folder / name).is_file(), name
        assert str(Path("coprod-demo") / name) in result.stdout
    data = yaml.safe_load((folder / "coprod-answers.yaml").read_text(encoding="utf-8"))
    people = data["respondents"]
    assert len(people) >= 8
    assert len({person["role"] for person in people}) >= 4
    for person in people:
        assert set(person["answers"]) == {
            "arnstein-ladder",
            "five-p-levers",
            "hunter-ritchie-rules",
            "nef-six-principles",
            "tlap-ladder",
        }
    notes = [
        entry["note"]
        for person in people
        for given in person["answers"].values()
        for entry in given.values()
        if isinstance(entry, dict) and "note" in entry
    ]
    assert len(notes) >= 8
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "Warning sign:" in html
    # The forum calls some areas co-production that sit at placation or below.
    assert "Called co-production, but the organisation keeps the final say" in html
    for person in people:
        assert person["name"] not in html
    # The room checked the findings; people with lived experience disputed some.
    checkers = data["sense_check"]["people"]
    assert {p["respondent"] for p in checkers.values()} == {p["id"] for p in people}
    assert "People with lived experience disputed" in html
    assert data["assessment"]["next_steps"]
    participants = (folder / "participants.html").read_text(encoding="utf-8")
    assert data["assessment"]["next_steps"][0] in participants
    for person in people:
        assert person["name"] not in participants


def test_demo_into_a_named_folder_scores_cleanly(cli: Run, tmp_path: Path) -> None:
    assert cli("demo", "sample").exit_code == 0
    result = cli("score", "sample/coprod-answers.yaml")
    assert result.exit_code == 0
    assert result.stderr == ""
