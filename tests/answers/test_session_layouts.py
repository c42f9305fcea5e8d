"""Hand-written answers files in every layout YAML allows: a session keeps them readable.

Each file here once came out of a session broken or changed (an adversarial
review): a trailing comma, a block-scalar note, an empty `{}` in a flow
mapping, a hyphen in a comment on a dash line, answers shared by an alias.
Every change is now read back before it is written; what does not read back
as intended is written afresh from the data instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coprod_assess.answers.session import Session, rubrics_to_ask
from coprod_assess.answers.turn import Turn
from coprod_assess.loading.document import load_document
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.scoring.from_file import checked_answers
from tests.conftest import DATA

CATALOG = load_catalog([DATA / "rubrics"])
LAYOUTS = sorted((DATA / "answers" / "layouts").glob("*.yaml"))


def session_on(tmp_path: Path, layout: Path) -> Session:
    path = tmp_path / layout.name
    shutil.copy(layout, path)
    return Session(path, load_document(path).data, rubrics_to_ask(CATALOG, ["sharing-power"]))


def people(path: Path) -> list[dict]:
    answers, _ = checked_answers(load_document(path), CATALOG)
    return [p.model_dump(exclude_none=True) for p in answers.respondents]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda p: p.stem)
def test_answering_and_adding_people_keeps_the_file_readable(tmp_path: Path, layout: Path) -> None:
    session = session_on(tmp_path, layout)
    before = people(session.path)
    turn = Turn(session, session.respondents[0]["id"])
    for index, value in enumerate((3, 2, 1, 0)):
        turn.answer(index, value)
    turn.answer(0, 1, note="Changed my mind\nafter the break")
    turn = Turn(session, session.add("manager", "Zed-Ann")["id"])
    turn.answer(3, 2)
    session.set_assessment(("period",), "2027")
    after = people(session.path)
    first = after[0]["answers"]["sharing-power"]
    assert first["money-2"] == 2 and first["decisions-1"] == 1 and first["decisions-2"] == 0
    assert first["money-1"]["value"] == 1
    assert first["money-1"]["note"].startswith("Changed my mind")
    assert after[-1]["name"] == "Zed-Ann"
    assert after[-1]["answers"] == {"sharing-power": {"decisions-2": 2}}
    assert len(after) == len(before) + 1
    for old, new in zip(before[1:], after[1 : len(before)], strict=True):
        assert new == old, "someone else's answers changed"


def test_answers_shared_by_an_alias_stay_with_their_owner(tmp_path: Path) -> None:
    session = session_on(tmp_path, DATA / "answers" / "layouts" / "alias-answers.yaml")
    turn = Turn(session, session.respondents[1]["id"])
    turn.answer(1, 0)
    r1, r2 = people(session.path)
    assert r1["answers"] == {"sharing-power": {"money-1": 1}}
    assert r2["answers"] == {"sharing-power": {"money-1": 1, "money-2": 0}}


def test_text_the_file_cannot_hold_is_stored_as_it_can(tmp_path: Path) -> None:
    session = session_on(tmp_path, DATA / "answers" / "layouts" / "trailing-comma-answers.yaml")
    session.add("staff", "Zo\udcff")  # a byte that was not UTF-8
    session.set_assessment(("organisation",), "Org\udcfe")
    assert people(session.path)[-1]["name"] == "Zo\ufffd"
