"""The privacy step on anything else people said, about no one question (`Respondent.note`).

Such a note passes the step a note on a question passes: it names a role or a perspective
only where that group is large enough, a name only when names are asked for, and a
language only where enough people wrote in it.
"""

from __future__ import annotations

from typing import Any

from coprod_assess.answers.models import AnswersFile
from coprod_assess.privacy.redact import share
from coprod_assess.report.render import render_report
from coprod_assess.scoring.result import SharedResult
from tests.scoring.conftest import catalog_of, rubric, score

HIGH = {"a1": 4, "a2": 4, "b1": 4}
LOW = {"a1": 0, "a2": 1, "b1": 0}
# Three staff and three family carers: every group shown.
EVEN = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 3
# And one commissioner: four professionals in all, and staff withheld (seven times everyone
# less the carers and the staff would be the commissioner).
ROOM = [*EVEN, ("commissioner", LOW)]
LONE = 6  # the commissioner's place in ROOM


def answers(
    rows: list[tuple[str, dict[str, Any]]],
    notes: dict[int, str],
    *,
    langs: dict[int, str] | None = None,
    names: dict[int, str] | None = None,
) -> AnswersFile:
    """Answers from (role, {question: entry}) rows, with a general note, a language and a
    name for the people at these places."""
    people = []
    for index, (role, given) in enumerate(rows):
        person: dict[str, Any] = {"id": f"p{index}", "role": role, "answers": {"r": given}}
        if index in notes:
            person["note"] = notes[index]
        if langs and index in langs:
            person["lang"] = langs[index]
        if names and index in names:
            person["name"] = names[index]
        people.append(person)
    return AnswersFile.model_validate({"respondents": people})


def shared(given: AnswersFile, min_group: int = 3, *, show_names: bool = False) -> SharedResult:
    catalog = catalog_of(rubric("mean"))
    names = {p.id: p.name for p in given.respondents if p.name} if show_names else None
    return share(score(catalog, given), min_group, flags=[], names=names)


def test_a_general_note_from_a_small_group_does_not_name_its_role() -> None:
    given = answers(ROOM, {LONE: "The budget is fixed before we meet."})
    (note,) = shared(given).general_notes
    # One commissioner: too few to name the role; four professionals are enough.
    assert (note.role, note.perspective, note.name) == (None, "professional", None)
    assert "respondent" not in note.model_dump()
    (strict,) = shared(given, min_group=5).general_notes
    assert (strict.role, strict.perspective) == (None, None)


def test_a_general_note_names_a_group_shown_everywhere() -> None:
    (note,) = shared(answers(EVEN, {0: "Staff want this to work."})).general_notes
    assert (note.role, note.perspective) == ("staff", "professional")
    # Beside the lone commissioner, staff are withheld to protect them: not named either.
    (beside,) = shared(answers(ROOM, {0: "Staff want this to work."})).general_notes
    assert (beside.role, beside.perspective) == (None, "professional")


def test_one_unnamed_note_leaves_every_note_unnamed() -> None:
    # Were the staff's note named and the commissioner's not, the unnamed one would be told
    # apart by elimination.
    given = answers(ROOM, {0: "Staff want this to work.", LONE: "The budget is fixed."})
    notes = shared(given).general_notes
    assert [(n.text, n.role, n.perspective) for n in notes] == [
        ("Staff want this to work.", None, "professional"),
        ("The budget is fixed.", None, "professional"),
    ]


def test_a_role_withheld_in_a_framework_is_not_named_by_a_general_note() -> None:
    # Three staff took part, but only one answered the rubric: its figures withhold staff,
    # and a note naming staff would sit beside them.
    rows = [("staff", HIGH), ("staff", {}), ("staff", {})]
    rows += [("family-carer", LOW)] * 3 + [("manager", HIGH)] * 3
    result = shared(answers(rows, {1: "I could not come to the meetings."}))
    assert "role:staff" in result.rubrics[0].scores.withheld
    (note,) = result.general_notes
    assert note.role is None and note.perspective == "professional"


def test_names_only_when_asked_for() -> None:
    given = answers(EVEN, {0: "Staff want this to work."}, names={0: "Zebedee Secretname"})
    assert shared(given).general_notes[0].name is None
    assert "Zebedee" not in render_report(shared(given), "md")
    named = shared(given, show_names=True)
    assert named.general_notes[0].name == "Zebedee Secretname"
    assert "Zebedee Secretname (staff member)" in render_report(named, "md")


def test_a_lone_welsh_writer_is_not_marked_but_three_are() -> None:
    note = "Doedd neb yn gofyn i ni."
    lone = shared(answers(ROOM, {3: note}, langs={3: "cy"}))
    assert lone.general_notes[0].lang is None
    # Writers of notes on questions and of general notes are counted together.
    rows = list(ROOM)
    rows[4] = ("family-carer", {**LOW, "a1": {"value": 0, "note": "Dim arian."}})
    rows[5] = ("family-carer", {**LOW, "b1": {"value": 0, "note": "Dim llais."}})
    three = shared(answers(rows, {3: note}, langs={3: "cy", 4: "cy", 5: "cy"}))
    assert three.general_notes[0].lang == "cy"
    assert {n.lang for n in three.notes} == {"cy"}


def test_sharing_again_only_ever_withholds_more() -> None:
    rows = [("staff", HIGH)] * 3 + [("family-carer", LOW)] * 4
    first = shared(answers(rows, {0: "Staff want this to work.", 3: "Carers too."}))
    assert [(n.role, n.perspective) for n in first.general_notes] == [
        ("family-carer", "lived"),
        ("staff", "professional"),
    ]
    assert share(first, 1, flags=[]).general_notes == first.general_notes
    higher = share(first, 4, flags=[]).general_notes
    assert [(n.role, n.perspective) for n in higher] == [(None, None), (None, None)]


def test_people_with_nothing_else_to_say_add_no_notes() -> None:
    assert shared(answers(ROOM, {0: "", 1: "  \n "})).general_notes == []
