"""The questionnaire session: answers saved to disk after every change, resumable."""

from __future__ import annotations

from pathlib import Path

import yaml

from coprod_assess.answers.models import AnswersFile
from coprod_assess.answers.session import Session, rubrics_to_ask
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

CATALOG = load_catalog([DATA / "rubrics"])


def new_session(path: Path) -> Session:
    return Session(path, {}, rubrics_to_ask(CATALOG, ["sharing-power"]))


def on_disk(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    AnswersFile.model_validate(data)
    return data


def test_every_change_is_on_disk_at_once(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    session = new_session(path)
    session.respondent = session.add("staff", "Sam")
    assert on_disk(path)["respondents"][0] == {
        "id": "r1",
        "role": "staff",
        "name": "Sam",
        "answers": {},
    }
    session.answer(0, 2)
    session.skip(1, "dont-know", note="Not sure who decides")
    session.answer(2, 3, note="Minutes of May")
    given = on_disk(path)["respondents"][0]["answers"]["sharing-power"]
    assert given == {
        "money-1": 2,
        "money-2": {"skip": "dont-know", "note": "Not sure who decides"},
        "decisions-1": {"value": 3, "note": "Minutes of May"},
    }
    assert on_disk(path)["assessment"]["rubrics"] == {"sharing-power": "1.0.0"}


def test_resume_at_first_unanswered(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    session = new_session(path)
    session.respondent = session.add("staff", "Sam")
    session.answer(0, 1)
    session.answer(1, 1)
    again = Session(path, on_disk(path), rubrics_to_ask(CATALOG, ["sharing-power"]))
    person = again.unfinished()
    assert person is not None and person["name"] == "Sam"
    assert again.first_open(person) == 2
    assert again.find("  sam ") is person


def test_changing_an_answer_keeps_its_note(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a.yaml")
    session.respondent = session.add("group", None)
    session.answer(0, 1)
    assert session.add_note(0, "Two of us disagreed")
    session.answer(0, 2)
    assert session.entry(0) == {"value": 2, "note": "Two of us disagreed"}
    assert not session.add_note(3, "nothing answered yet")


def test_ids_are_unique(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a.yaml")
    session.respondents.append({"id": "r2", "role": "staff", "answers": {}})
    first = session.add("staff", None)
    second = session.add("staff", None)
    assert (first["id"], second["id"]) == ("r3", "r4")
    assert "name" not in first


def test_answers_saved_counts_every_entry(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a.yaml")
    session.respondent = session.add("staff", None)
    session.answer(0, 1)
    session.skip(1, "not-applicable")
    assert session.answers_saved() == 2
