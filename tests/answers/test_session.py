"""The questionnaire session: answers saved to disk after every change, resumable."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coprod_assess.answers.models import AnswersFile
from coprod_assess.answers.session import Session, rubrics_to_ask
from coprod_assess.answers.turn import Turn
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
    turn = Turn(session, session.add("staff", "Sam")["id"])
    assert on_disk(path)["respondents"][0] == {
        "id": "r1",
        "role": "staff",
        "name": "Sam",
        "answers": {},
    }
    turn.answer(0, 2)
    turn.skip(1, "dont-know", note="Not sure who decides")
    turn.answer(2, 3, note="Minutes of May")
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
    turn = Turn(session, session.add("staff", "Sam")["id"])
    turn.answer(0, 1)
    turn.answer(1, 1)
    again = Session(path, on_disk(path), rubrics_to_ask(CATALOG, ["sharing-power"]))
    (person,) = again.unfinished()
    assert person["name"] == "Sam"
    assert again.first_open(person) == 2
    assert again.find("  sam ") is person


def test_changing_an_answer_keeps_its_note(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a.yaml")
    turn = Turn(session, session.add("group", None)["id"])
    turn.answer(0, 1)
    assert turn.note(0, "Two of us disagreed")
    turn.answer(0, 2)
    assert session.entry(0, turn.person) == {"value": 2, "note": "Two of us disagreed"}
    assert not turn.note(3, "nothing answered yet")


def test_ids_are_unique(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a.yaml")
    session.respondents.append({"id": "r2", "role": "staff", "answers": {}})
    first = session.add("staff", None)
    second = session.add("staff", None)
    assert (first["id"], second["id"]) == ("r3", "r4")
    assert "name" not in first


def test_answers_saved_counts_every_entry(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a.yaml")
    turn = Turn(session, session.add("staff", None)["id"])
    turn.answer(0, 1)
    turn.skip(1, "not-applicable")
    assert session.answers_saved() == 2


def test_a_session_keeps_comments_aliases_and_the_rest_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    note = "n" * 5000
    path.write_text(
        "# The forum's 2026 workshop.\n"
        "assessment: {organisation: Forum, rubrics: {sharing-power: 1.0.0}}\n"
        "respondents:\n"
        "  - id: r1   # answered on paper\n"
        "    role: staff\n"
        "    answers:\n"
        "      sharing-power:\n"
        f"        money-1: {{value: 1, note: &long {note}}}\n"
        "        money-2: {value: 1, note: *long}\n",
        encoding="utf-8",
    )
    session = Session(path, on_disk(path), rubrics_to_ask(CATALOG, ["sharing-power"]))
    (person,) = session.unfinished()
    turn = Turn(session, person["id"])
    turn.answer(2, 3)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# The forum's 2026 workshop.\n")
    assert "# answered on paper" in text and text.count(note) == 1
    assert on_disk(path)["respondents"][0]["answers"]["sharing-power"]["decisions-1"] == 3


def test_a_new_person_in_a_hand_written_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(
        "respondents:\n  - id: r1\n    role: staff\n    answers: {}\n  # more to come\n",
        encoding="utf-8",
    )
    session = Session(path, on_disk(path), rubrics_to_ask(CATALOG, ["sharing-power"]))
    turn = Turn(session, session.add("group", None, (8, 5))["id"])
    turn.answer(0, 2)
    people = on_disk(path)["respondents"]
    assert people[1] == {
        "id": "r2",
        "role": "group",
        "people": 8,
        "lived_experience": 5,
        "answers": {"sharing-power": {"money-1": 2}},
    }
    assert "# more to come" in path.read_text(encoding="utf-8")


def test_a_batch_writes_many_answers_at_once_and_none_before(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    session = new_session(path)
    first = Turn(session, session.add("staff", None)["id"])
    second = Turn(session, session.add("manager", None)["id"])
    written = path.stat().st_mtime_ns
    with session.batch():
        first.answer(0, 1)
        second.skip(0, "dont-know", "not my area")
        assert path.stat().st_mtime_ns == written, "nothing is written inside the batch"
    people = on_disk(path)["respondents"]
    assert people[0]["answers"] == {"sharing-power": {"money-1": 1}}
    assert people[1]["answers"] == {
        "sharing-power": {"money-1": {"skip": "dont-know", "note": "not my area"}}
    }


def test_a_write_that_fails_keeps_nothing_unsaved_as_if_saved(tmp_path: Path) -> None:
    from coprod_assess.errors import CoprodError

    path = tmp_path / "a.yaml"
    session = new_session(path)
    turn = Turn(session, session.add("staff", None)["id"])
    turn.answer(0, 1)
    path.chmod(0o444)
    try:
        with pytest.raises(CoprodError, match="read-only"):
            turn.answer(1, 2)
    finally:
        path.chmod(0o644)
    assert turn.saved(1) is None, "the answer that failed to save is not kept in memory"
    assert turn.saved(0) is not None
    turn.answer(2, 3)
    assert on_disk(path)["respondents"][0]["answers"] == {
        "sharing-power": {"money-1": 1, "decisions-1": 3}
    }
