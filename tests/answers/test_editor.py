"""Answers files changed in place: the data is right, and everything else is as it was."""

from __future__ import annotations

import copy
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_assess.answers.editor import AnswersText, Unchangeable
from coprod_assess.loading.document import document_from_text

WRITTEN = """\
# Answers for coprod-assess.
assessment:
  organisation: Forum
  period: "2026"
  rubrics:
    sharing-power: 1.0.0
respondents:
- id: r1
  role: staff
  answers:
    sharing-power:
      money-1: 1
      money-2: {value: 2, note: Seen it}
- id: r2
  role: family-carer
  answers: {}
"""

BY_HAND = """\
# Kept by hand: every comment here must survive.
assessment:
  organisation: Forum   # the forum, not the council
  period: "2026"
respondents:
  - id: r1              # Sam, who left early
    role: staff
    answers:
      sharing-power: {money-1: 1, money-2: 0}
      other-rubric:
        q1:
          value: 2
          note: >-
            A long note
            over two lines
  # the next person filled in a paper sheet
  - id: r2
    role: family-carer
    answers:
  -
    id: r3
    role: manager
    answers:
      sharing-power:
        # MONEY
        money-1:
        money-2: ~   # not answered yet
trailing: kept  # a key after the list
"""

BLANK = "\n".join(
    line
    for line in """\
assessment:
  organisation: ""
respondents:
  - id: r1
    role: staff
    answers:
      sharing-power:
        # People are paid for their time.
        #   0 = Not yet, 1 = Emerging
        money-1:
        money-2:
""".splitlines()
)


def loaded(text: str) -> Any:
    """The data as every command reads it (dates and yes/no kept as written)."""
    return document_from_text(text, "a.yaml").data


def comments(text: str) -> list[str]:
    return [line.split("#", 1)[1] for line in text.splitlines() if "#" in line]


def open_text(tmp_path: Path, text: str) -> AnswersText:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return AnswersText.read(path)


@pytest.mark.parametrize("text", [WRITTEN, BY_HAND, BLANK])
def test_an_answer_changes_one_value_and_nothing_else(tmp_path: Path, text: str) -> None:
    editor = open_text(tmp_path, text)
    expected = loaded(text)
    person = expected["respondents"][0]
    person["answers"]["sharing-power"]["money-1"] = 3
    editor.set_answer(0, ("answers", "sharing-power", "money-1"), 3, person)
    person["answers"]["sharing-power"]["decisions-1"] = {"skip": "dont-know"}
    path = ("answers", "sharing-power", "decisions-1")
    editor.set_answer(0, path, {"skip": "dont-know"}, person)
    editor.save()
    saved = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert loaded(saved) == expected
    assert comments(saved) == comments(text)


def test_every_kind_of_place_an_answer_can_go(tmp_path: Path) -> None:
    editor = open_text(tmp_path, BY_HAND)
    expected = loaded(BY_HAND)
    changes: list[tuple[int, tuple[str, ...], Any]] = [
        (0, ("answers", "other-rubric", "q1"), {"value": 3, "note": 'He said "no" & left'}),
        (0, ("answers", "sharing-power", "decisions-1"), 2),  # into a flow mapping
        (1, ("answers", "sharing-power", "money-1"), 0),  # under a bare `answers:`
        (2, ("answers", "sharing-power", "money-1"), 1),  # `money-1:` left blank
        (2, ("answers", "sharing-power", "money-2"), 2),  # `money-2: ~`
        (2, ("answers", "new-rubric", "x"), {"skip": "not-applicable"}),
        (2, ("name",), "Ann: the manager"),
    ]
    for person, path, value in changes:
        target = expected["respondents"][person]
        for key in path[:-1]:
            if not isinstance(target.get(key), dict):
                target[key] = {}
            target = target[key]
        target[path[-1]] = value
        editor.set_answer(person, path, value, expected["respondents"][person])
        assert loaded(editor.text) == expected, path
    assert comments(editor.text) == comments(BY_HAND)


def test_a_new_person_is_laid_out_like_the_others(tmp_path: Path) -> None:
    for text in (WRITTEN, BY_HAND):
        editor = open_text(tmp_path, text)
        expected = loaded(text)
        person = {"id": "r9", "role": "group", "answers": {}}
        editor.add_person(person)
        done = {"id": "r9", "role": "group", "answers": {"r": {"q": 4}}}
        editor.set_answer(len(expected["respondents"]), ("answers", "r", "q"), 4, done)
        expected["respondents"].append(done)
        assert loaded(editor.text) == expected
        assert comments(editor.text) == comments(text)
        assert "  r:\n" in editor.text.replace(" " * 4, "  ")  # a block, not one long line


def test_the_assessment_block_changes_in_place(tmp_path: Path) -> None:
    editor = open_text(tmp_path, BY_HAND)
    expected = loaded(BY_HAND)
    block = expected["assessment"]
    block["period"] = "2027"
    editor.set_top(("assessment", "period"), "2027", block)
    block["rubrics"] = {"sharing-power": "1.0.0"}
    editor.set_top(("assessment", "rubrics", "sharing-power"), "1.0.0", block)
    person = expected["respondents"][2]
    person["answers"]["sharing-power"]["money-1"] = 3
    editor.set_answer(2, ("answers", "sharing-power", "money-1"), 3, person)
    data = loaded(editor.text)
    assert data["assessment"] == {
        "organisation": "Forum",
        "period": "2027",
        "rubrics": {"sharing-power": "1.0.0"},
    }
    assert data["respondents"][2]["answers"]["sharing-power"]["money-1"] == 3
    assert comments(editor.text) == comments(BY_HAND)


def test_a_flow_list_of_respondents_is_not_edited_in_place(tmp_path: Path) -> None:
    with pytest.raises(Unchangeable):
        open_text(tmp_path, "respondents: [{id: r1, role: staff}]\n")


def test_aliases_stay_aliases(tmp_path: Path) -> None:
    note = "x" * 1000
    text = textwrap.dedent(
        f"""\
        respondents:
        - id: r1
          role: staff
          answers:
            s: {{a: {{value: 1, note: &long {note}}}, b: {{value: 1, note: *long}}}}
        """
    )
    editor = open_text(tmp_path, text)
    person = loaded(text)["respondents"][0]
    person["answers"]["s"]["c"] = 2
    editor.set_answer(0, ("answers", "s", "c"), 2, person)
    assert editor.text.count(note) == 1 and "*long" in editor.text


ENTRIES = st.one_of(
    st.integers(0, 8),
    st.sampled_from([{"skip": "dont-know"}, {"skip": "not-applicable"}]),
    st.builds(
        lambda v, n: {"value": v, "note": n},
        st.integers(0, 8),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
    ),
)
OPS = st.lists(
    st.tuples(
        st.sampled_from(["answer", "answer", "answer", "person", "top"]),
        st.integers(0, 3),
        st.sampled_from(["sharing-power", "other-rubric", "new-rubric"]),
        st.sampled_from(["money-1", "money-2", "q1", "z"]),
        ENTRIES,
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(start=st.sampled_from([WRITTEN, BY_HAND, BLANK]), ops=OPS)
def test_any_sequence_of_changes_keeps_data_and_comments(
    tmp_path_factory: pytest.TempPathFactory, start: str, ops: list[Any]
) -> None:
    editor = open_text(tmp_path_factory.mktemp("e"), start)
    expected = copy.deepcopy(loaded(start))
    people = expected["respondents"]
    for kind, who, rubric, question, entry in ops:
        if kind == "person":
            person = {"id": f"n{len(people)}", "role": "staff", "answers": {}}
            editor.add_person(copy.deepcopy(person))
            people.append(person)
        elif kind == "top":
            block = expected["assessment"]
            if not isinstance(block.get("rubrics"), dict):
                block["rubrics"] = {}
            block["rubrics"][rubric] = "1.0.0"
            editor.set_top(("assessment", "rubrics", rubric), "1.0.0", block)
        else:
            index = who % len(people)
            person = people[index]
            if not isinstance(person.get("answers"), dict):
                person["answers"] = {}
            if not isinstance(person["answers"].get(rubric), dict):
                person["answers"][rubric] = {}
            person["answers"][rubric][question] = entry
            editor.set_answer(index, ("answers", rubric, question), entry, person)
        assert loaded(editor.text) == expected
    assert all("#" + comment in editor.text for comment in comments(start))


def test_a_file_with_windows_line_endings_keeps_them(tmp_path: Path) -> None:
    editor = open_text(tmp_path, WRITTEN.replace("\n", "\r\n"))
    expected = loaded(WRITTEN)
    person = expected["respondents"][1]
    person["answers"] = {"sharing-power": {"money-1": 2}}
    editor.set_answer(1, ("answers", "sharing-power", "money-1"), 2, person)
    editor.add_person({"id": "r3", "role": "staff", "answers": {}})
    assert "\n" not in editor.text.replace("\r\n", "")
    assert len(loaded(editor.text)["respondents"]) == 3
