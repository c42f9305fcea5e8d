"""A person's turn: the rules of Next, Back, skips and notes that both faces share."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coprod_assess.answers.saved import Saved
from coprod_assess.answers.session import Session, rubrics_to_ask
from coprod_assess.answers.turn import Turn
from coprod_assess.errors import CoprodError
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

CATALOG = load_catalog([DATA / "rubrics"])


def turn_in(path: Path) -> Turn:
    session = Session(path, {}, rubrics_to_ask(CATALOG, ["sharing-power"]))
    return Turn(session, session.add("staff", None)["id"])


def answers_on_disk(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["respondents"][0]["answers"]


def test_next_back_and_resume(tmp_path: Path) -> None:
    turn = turn_in(tmp_path / "a.yaml")
    assert (turn.total, turn.resume_at(), turn.back(0)) == (4, 0, None)
    assert turn.keep(0) is None, "nothing saved: Next without an answer stays put"
    assert turn.answer(0, 2) == 1
    assert turn.skip(1, "not-applicable") == 2
    assert turn.back(2) == 1 and turn.keep(1) == 2
    assert turn.resume_at() == 2 and not turn.finished
    turn.answer(2, 0)
    turn.answer(3, 3)
    assert turn.finished and turn.resume_at() == 4


def test_a_note_joins_the_answer_and_stays_until_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    turn = turn_in(path)
    assert not turn.note(0, "before any answer"), "a note needs an answer to sit with"
    turn.answer(0, 1, "Minutes of May")
    turn.answer(0, 2)  # None: the note is kept
    assert turn.saved(0) == Saved(value=2, note="Minutes of May")
    turn.skip(0, "dont-know")
    assert answers_on_disk(path)["sharing-power"]["money-1"] == {
        "skip": "dont-know",
        "note": "Minutes of May",
    }
    turn.answer(0, 3, "")  # an emptied note box removes the note
    assert answers_on_disk(path)["sharing-power"]["money-1"] == 3


def test_only_the_questions_own_answers_are_taken(tmp_path: Path) -> None:
    turn = turn_in(tmp_path / "a.yaml")
    with pytest.raises(ValueError, match="not an answer"):
        turn.answer(0, 7)
    with pytest.raises(ValueError, match="not a way to skip"):
        turn.skip(0, "bored")
    assert turn.saved(0) is None


def test_a_person_removed_by_hand_stops_their_turn(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    turn = turn_in(path)
    turn.answer(0, 1)
    path.write_text("respondents: []\n", encoding="utf-8")
    with pytest.raises(CoprodError, match="removed by hand"):
        turn.answer(1, 1)


@pytest.mark.parametrize(
    ("raw", "saved"),
    [
        (None, None),
        (2, Saved(value=2)),
        ({"value": 1.5, "note": "n"}, Saved(value=1.5, note="n")),
        ({"skip": "dont-know"}, Saved(skip="dont-know")),
        ({"skip": "not-applicable", "note": "n"}, Saved(skip="not-applicable", note="n")),
    ],
)
def test_saved_reads_and_writes_the_files_forms(raw: object, saved: Saved | None) -> None:
    assert Saved.read(raw) == saved
    if saved is not None:
        assert saved.stored() == raw
