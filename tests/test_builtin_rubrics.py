"""The four built-in frameworks: faithful structure, plain English, and a clean check."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from coprod_assess.resources import rubrics_dir
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.rubric.check_run import check_paths
from coprod_assess.rubric.models import Rubric

FRAMEWORKS = ["arnstein-ladder", "nef-six-principles", "hunter-ritchie-rules", "five-p-levers"]
RUNGS = [
    ("Manipulation", "Nonparticipation"),
    ("Therapy", "Nonparticipation"),
    ("Informing", "Tokenism"),
    ("Consultation", "Tokenism"),
    ("Placation", "Tokenism"),
    ("Partnership", "Citizen power"),
    ("Delegated power", "Citizen power"),
    ("Citizen control", "Citizen power"),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_builtin_set_checks_clean() -> None:
    report = check_paths([rubrics_dir()])
    assert report.problems == []
    assert len(report.files) == 6


def test_the_four_frameworks_are_installed(catalog: Catalog) -> None:
    assert sorted(catalog.rubrics) == sorted(FRAMEWORKS)


def test_ladder_has_eight_rungs_in_order_with_groups(catalog: Catalog) -> None:
    ladder = catalog.rubric("arnstein-ladder")
    assert ladder.scoring.method == "ladder"
    assert [(o.value, o.label, o.group) for o in ladder.scale] == [
        (rung, name, group) for rung, (name, group) in enumerate(RUNGS, start=1)
    ]
    assert all(o.description for o in ladder.scale)


def test_ladder_decision_areas_map_practice_to_rungs(catalog: Catalog) -> None:
    ladder = catalog.rubric("arnstein-ladder")
    areas = {d.id for d in ladder.dimensions}
    assert {"defining-problems", "money", "evaluating", "governance"} <= areas
    assert len(areas) >= 6
    group_of = {o.value: o.group for o in ladder.scale}
    for _, question in ladder.questions():
        assert question.options is not None, question.id
        values = [o.value for o in question.options]
        assert values == sorted(values)
        assert len(values) >= 6
        for option in question.options:
            assert option.group == group_of[option.value], (question.id, option.label)
            assert option.label not in dict(RUNGS), "options describe practice, not rung names"


def test_nef_six_principles(catalog: Catalog) -> None:
    nef = catalog.rubric("nef-six-principles")
    assert [d.id for d in nef.dimensions] == [
        "assets",
        "capabilities",
        "mutuality",
        "networks",
        "blur-roles",
        "catalysts",
    ]
    assert all(3 <= len(d.questions) <= 5 for d in nef.dimensions)
    assert [o.value for o in nef.scale] == [0, 1, 2, 3, 4]
    assert all(o.description for o in nef.scale)
    assert nef.scoring.bands


def test_hunter_ritchie_rules_have_practice_and_belief(catalog: Catalog) -> None:
    rules = catalog.rubric("hunter-ritchie-rules")
    assert len(rules.dimensions) == 7
    for dim in rules.dimensions:
        assert {q.side for q in dim.questions} >= {"practice", "belief"}, dim.id


def test_five_p_levers(catalog: Catalog) -> None:
    levers = catalog.rubric("five-p-levers")
    assert [d.id for d in levers.dimensions] == [
        "people",
        "politics",
        "profitability",
        "principles",
        "partnerships",
    ]
    for _, question in levers.questions():
        options = levers.options_for(question)
        assert len(options) >= 3 and all(o.description or len(o.label) > 20 for o in options)


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_citation_and_paraphrase_note(catalog: Catalog, rubric_id: str) -> None:
    source = catalog.rubric(rubric_id).source
    assert re.search(r"\((19|20)\d\d\)", source.citation), source.citation
    assert "paraphrase" in source.notes.lower()


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_every_dimension_has_actions_and_every_question_help(
    catalog: Catalog, rubric_id: str
) -> None:
    rubric: Rubric = catalog.rubric(rubric_id)
    assert all(d.actions for d in rubric.dimensions)
    assert all(q.help for _, q in rubric.questions())


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_questions_are_plain_english(catalog: Catalog, rubric_id: str) -> None:
    texts = [q.text for _, q in catalog.rubric(rubric_id).questions()]
    grade = statistics.median(textstat.flesch_kincaid_grade(t) for t in texts)
    assert grade <= 8, f"median Flesch-Kincaid grade {grade:.1f}"
    assert all(len(t.split()) <= 30 for t in texts)


def test_builtin_flags(catalog: Catalog) -> None:
    assert {
        "principles-without-power",
        "illusion-of-co-production",
        "rules-without-world-view",
        "money-not-shared",
        "no-lived-experience",
    } <= set(catalog.flags)
    assert all(flag.actions and flag.explanation for flag in catalog.flags.values())
