"""Combining answers: one assessment, everyone kept, renumbered or continued."""

from __future__ import annotations

from typing import Any

import pytest

from coprod_assess.answers.merge import (
    MergeConflict,
    Source,
    agreed_assessment,
    append_answers,
    merge_answers,
)
from coprod_assess.answers.models import AnswersFile
from coprod_assess.loading.document import document_from_text


def source(name: str, text: str) -> Source:
    doc = document_from_text(text, name)
    return Source(name, AnswersFile.model_validate(doc.data), doc)


LAPTOP_A = """\
assessment:
  organisation: Riverside Forum
  period: "2026"
  date: "2026-11-22"
  rubrics: {nef-six-principles: 1.0.0}
respondents:
  - id: r1
    role: family-carer
    name: Sam
    answers:
      nef-six-principles:
        assets-1: 3
        assets-2: {value: 1, note: "Only staff are paid"}
        networks-1: {skip: dont-know}
        networks-2:
  - id: ann
    role: staff
    answers: {nef-six-principles: {assets-1: 2}}
"""
LAPTOP_B = """\
assessment:
  organisation: "riverside  forum"
  period: ""
  rubrics: {nef-six-principles: 1.0.0, arnstein-ladder: 1.0.0}
respondents:
  - id: r1
    role: group
    answers:
      arnstein-ladder:
        money-1: {value: 5, note: "We disagreed: two said 3"}
"""


def test_merge_renumbers_and_keeps_everything_said() -> None:
    merged = merge_answers([source("a.yaml", LAPTOP_A), source("b.yaml", LAPTOP_B)])
    assert merged["assessment"] == {
        "organisation": "Riverside Forum",
        "period": "2026",
        "date": "2026-11-22",
        "rubrics": {"nef-six-principles": "1.0.0", "arnstein-ladder": "1.0.0"},
    }
    people: list[dict[str, Any]] = merged["respondents"]
    assert [(p["id"], p["role"], p.get("name")) for p in people] == [
        ("r1", "family-carer", "Sam"),
        ("r2", "staff", None),
        ("r3", "group", None),
    ]
    assert people[0]["answers"] == {
        "nef-six-principles": {
            "assets-1": 3,
            "assets-2": {"value": 1, "note": "Only staff are paid"},
            "networks-1": {"skip": "dont-know"},
            "networks-2": None,
        }
    }
    assert people[2]["answers"]["arnstein-ladder"]["money-1"] == {
        "value": 5,
        "note": "We disagreed: two said 3",
    }


def test_different_assessments_are_refused_at_their_lines() -> None:
    other = LAPTOP_B.replace('"riverside  forum"', "Hillside Forum").replace(
        "arnstein-ladder: 1.0.0", "arnstein-ladder: 1.0.0, nef-six-principles: 2.0.0"
    )
    other = other.replace("{nef-six-principles: 1.0.0, ", "{")
    with pytest.raises(MergeConflict) as caught:
        merge_answers([source("a.yaml", LAPTOP_A), source("b.yaml", other)])
    assert [(p.file, p.line, p.column, p.code, p.message) for p in caught.value.problems] == [
        (
            "b.yaml",
            2,
            17,
            "assessment-differs",
            "organisation differs: 'Hillside Forum' in b.yaml but 'Riverside Forum' in a.yaml; "
            "only answers from one assessment can be combined",
        ),
        (
            "b.yaml",
            4,
            57,
            "assessment-differs",
            "the version of nef-six-principles differs: 2.0.0 in b.yaml but 1.0.0 in a.yaml; "
            "only answers from one assessment can be combined",
        ),
    ]


def test_blank_fields_agree_with_anything() -> None:
    blank = source("blank.yaml", "respondents: []\n")
    dated = source("dated.yaml", "assessment: {period: '2025', date: '2025-01-02'}\n")
    assert agreed_assessment([blank, dated]) == {
        "organisation": "",
        "period": "2025",
        "date": "2025-01-02",
        "rubrics": {},
    }


def test_append_continues_the_ids_after_the_highest() -> None:
    existing = source(
        "a.yaml",
        "respondents:\n  - {id: r2, role: staff}\n  - {id: r10, role: staff}\n"
        "  - {id: zoe, role: manager}\n",
    )
    new = Source(
        "the form",
        AnswersFile.model_validate(
            {"respondents": [{"id": "r1", "role": "other"}, {"id": "r2", "role": "group"}]}
        ),
    )
    appended = append_answers(existing, new)
    people = appended["respondents"]
    assert [(p["id"], p["role"]) for p in people] == [
        ("r2", "staff"),
        ("r10", "staff"),
        ("zoe", "manager"),
        ("r11", "other"),
        ("r12", "group"),
    ]


def test_a_conflict_with_answers_made_in_memory_is_placed_in_the_file() -> None:
    existing = source("a.yaml", "assessment:\n  period: '2026'\n")
    new = Source(
        "this import of form.csv", AnswersFile.model_validate({"assessment": {"period": "2027"}})
    )
    with pytest.raises(MergeConflict) as caught:
        append_answers(existing, new)
    (problem,) = caught.value.problems
    assert str(problem) == (
        "a.yaml:2:11: error[assessment-differs] period differs: '2027' in this import of "
        "form.csv but '2026' in a.yaml; only answers from one assessment can be combined"
    )


def test_a_groups_size_and_mix_are_kept() -> None:
    group = source(
        "g.yaml",
        "respondents:\n  - {id: x, role: group, people: 8, lived_experience: 5, answers: {}}\n",
    )
    merged = merge_answers([source("a.yaml", LAPTOP_A), group])
    person = merged["respondents"][-1]
    assert (person["people"], person["lived_experience"]) == (8, 5)


def test_everything_a_person_said_is_kept_and_differing_notes_never_conflict() -> None:
    said = """\
respondents:
  - id: x
    role: family-carer
    lang: cy
    form: short
    answers: {nef-six-principles: {assets-1: {value: 2, note: "Dim arian"}}}
    note: "Doedd neb yn gofyn i ni."
  - id: y
    role: staff
    note: "We meet in the evening."
"""
    also = said.replace("Doedd neb yn gofyn i ni.", "Something else entirely.")
    merged = merge_answers([source("a.yaml", said), source("b.yaml", also)])
    first, second, third, fourth = merged["respondents"]
    assert first == {
        "id": "r1",
        "role": "family-carer",
        "lang": "cy",
        "form": "short",
        "answers": {"nef-six-principles": {"assets-1": {"value": 2, "note": "Dim arian"}}},
        "note": "Doedd neb yn gofyn i ni.",
    }
    assert second == {"id": "r2", "role": "staff", "answers": {}, "note": "We meet in the evening."}
    assert (third["note"], fourth["note"]) == (
        "Something else entirely.",
        "We meet in the evening.",
    )
    appended = append_answers(source("a.yaml", said), source("b.yaml", also))
    assert [p.get("note") for p in appended["respondents"]] == [
        "Doedd neb yn gofyn i ni.",
        "We meet in the evening.",
        "Something else entirely.",
        "We meet in the evening.",
    ]
    assert "note" not in merge_answers([source("f.yaml", FULL)])["respondents"][0]


SHORT = """\
assessment:
  period: "2026"
  form: short
  rubrics: {nef-six-principles: 1.0.0}
respondents:
  - id: r1
    role: staff
    answers: {nef-six-principles: {assets-1: 2}}
"""
FULL = """\
assessment:
  period: "2026"
  rubrics: {nef-six-principles: 1.0.0}
respondents:
  - id: r1
    role: staff
    answers: {nef-six-principles: {assets-1: 3}}
"""


def test_files_asked_the_short_form_merge_as_the_short_form() -> None:
    merged = merge_answers([source("a.yaml", SHORT), source("b.yaml", SHORT)])
    assert merged["assessment"]["form"] == "short"
    assert (
        "form" not in merge_answers([source("a.yaml", FULL), source("b.yaml", FULL)])["assessment"]
    )


def test_short_and_full_forms_are_refused_in_the_full_form_file() -> None:
    with pytest.raises(MergeConflict) as caught:
        merge_answers([source("a.yaml", SHORT), source("b.yaml", FULL)])
    assert str(caught.value) == (
        "b.yaml:2:3: error[assessment-differs] the form differs: the full form in b.yaml but "
        "the short form in a.yaml; coverage counts what each form asked, so they cannot be "
        "combined. To combine them as the short form, write `form: short` in the assessment "
        "block of b.yaml: its answers to other questions are kept, but not scored"
    )
    written = FULL.replace('  period: "2026"\n', '  period: "2026"\n  form: full\n')
    with pytest.raises(MergeConflict) as caught:
        merge_answers([source("b.yaml", written), source("a.yaml", SHORT)])
    assert [(p.file, p.line, p.column) for p in caught.value.problems] == [("b.yaml", 3, 9)]
