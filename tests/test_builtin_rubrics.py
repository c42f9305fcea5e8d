"""The five built-in rubrics: faithful structure, plain English, a short form, a clean check."""

from __future__ import annotations

import re
import statistics

import pytest
import textstat

from coprod_assess.resources import rubrics_dir
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.rubric.check_run import check_paths
from coprod_assess.rubric.forms import short_form
from coprod_assess.rubric.length import total_length
from coprod_assess.rubric.models import Rubric

ORIGINAL = ["arnstein-ladder", "nef-six-principles", "hunter-ritchie-rules", "five-p-levers"]
FRAMEWORKS = [*ORIGINAL, "tlap-ladder"]
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
TLAP_STEPS = [
    ("Coercion", "Doing to"),
    ("Educating", "Doing to"),
    ("Informing", "Doing for"),
    ("Consultation", "Doing for"),
    ("Engagement", "Doing for"),
    ("Co-design", "Doing with"),
    ("Co-production", "Doing with"),
]
DECISION_AREAS = [
    "defining-problems",
    "designing-services",
    "money",
    "delivering",
    "evaluating",
    "governance",
    "recruiting",
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_builtin_set_checks_clean() -> None:
    report = check_paths([rubrics_dir()])
    assert report.problems == []
    # Seven rubric, roles and flags files; translations (ID.LANG.yaml) sit beside them.
    assert len([f for f in report.files if f.rsplit("/", 1)[-1].count(".") == 1]) == 7


def test_the_five_frameworks_are_installed(catalog: Catalog) -> None:
    assert sorted(catalog.rubrics) == sorted(FRAMEWORKS)


def test_ladder_has_eight_rungs_in_order_with_groups_above_a_floor(catalog: Catalog) -> None:
    ladder = catalog.rubric("arnstein-ladder")
    assert ladder.scoring.method == "ladder"
    floor, *rungs = ladder.scale
    assert [(o.value, o.label, o.group) for o in rungs] == [
        (rung, name, group) for rung, (name, group) in enumerate(RUNGS, start=1)
    ]
    # Being left out altogether is not one of Arnstein's rungs: it sits below them.
    assert (floor.value, floor.group) == (0, "Nonparticipation")
    assert "below" in floor.description
    assert all(o.description for o in ladder.scale)


def test_ladder_decision_areas_map_practice_to_rungs(catalog: Catalog) -> None:
    ladder = catalog.rubric("arnstein-ladder")
    assert [d.id for d in ladder.dimensions] == DECISION_AREAS
    group_of = {o.value: o.group for o in ladder.scale}
    for dim in ladder.dimensions:
        rung_questions = [q for q in dim.questions if not q.side]
        assert rung_questions, dim.id
        for question in rung_questions:
            assert question.options is not None, question.id
            values = [o.value for o in question.options]
            assert values == sorted(values)
            assert len(values) >= 7
            for option in question.options:
                assert option.group == group_of[option.value], (question.id, option.label)
                assert option.label not in dict(RUNGS), "options describe practice, not rungs"


def test_ladder_final_say_separates_the_top_rungs(catalog: Catalog) -> None:
    """Partnership: neither side decides alone. Delegated power: a final say (a majority,
    or a veto the organisation does not also hold). Placation: seats or advice, but the
    organisation can decide without them. Left out: no part, and not told, so it does not
    overlap Informing. Who chose the people is asked on its own, beside the rung, so no
    option combines conditions that real situations split."""
    ladder = catalog.rubric("arnstein-ladder")
    for _, question in ladder.questions():
        if question.side:
            continue
        by_rung = {o.value: o.description.lower() for o in ladder.options_for(question)}
        assert "not told" in by_rung[0], question.id
        if question.id != "governance-2":  # about the rules, not about seats
            assert "without them" in by_rung[5], question.id
            assert "neither side can decide alone" in by_rung[6], question.id
        assert "alone" in by_rung[6], question.id
        assert not any("user-led" in text or "forum" in text for text in by_rung.values())
        assert not re.search(r"\bboth agree\b", by_rung[6]), question.id  # a shared veto
        assert "veto" not in by_rung[6], question.id
        assert "veto" not in by_rung[5], question.id
        # A veto, in plain words: a power to block that the organisation does not also hold.
        assert "veto" not in by_rung[7], question.id
        if "block" in by_rung[7]:
            assert re.search(r"block .*(not also hold|cannot)", by_rung[7]), question.id
        else:
            assert "final say" in by_rung[7], question.id
        assert "the highest that holds for most decisions" in question.help, question.id
        if "votes" in by_rung[7] or "seats" in by_rung[7] or "places" in by_rung[7]:
            # A majority the organisation can overrule is not a final say.
            assert "cannot overrule" in by_rung[7], question.id


def test_ladder_asks_who_chose_the_people_beside_the_rung(catalog: Catalog) -> None:
    ladder = catalog.rubric("arnstein-ladder")
    (chosen,) = [q for _, q in ladder.questions() if q.side == "chosen"]
    assert chosen.id == "governance-chosen" and chosen.core
    assert "report back" in chosen.text and "its own support" in chosen.text


def test_each_decision_area_asks_whether_it_is_called_co_production(catalog: Catalog) -> None:
    ladder = catalog.rubric("arnstein-ladder")
    for dim in ladder.dimensions:
        (claim,) = [q for q in dim.questions if q.side == "claim"]
        assert "co-production" in claim.text and claim.core
        assert [o.value for o in ladder.options_for(claim)] == [0, 1]


def test_tlap_ladder_has_seven_steps_over_the_same_areas(catalog: Catalog) -> None:
    tlap = catalog.rubric("tlap-ladder")
    assert tlap.scoring.method == "ladder"
    assert [(o.value, o.label, o.group) for o in tlap.scale] == [
        (step, name, group) for step, (name, group) in enumerate(TLAP_STEPS, start=1)
    ]
    assert [d.id for d in tlap.dimensions] == DECISION_AREAS
    for _, question in tlap.questions():
        assert [o.value for o in tlap.options_for(question)] == list(range(1, 8))
        group_of = {o.value: o.group for o in tlap.scale}
        assert all(o.group == group_of[o.value] for o in tlap.options_for(question))
    notes = tlap.source.notes
    assert "one to one" in notes and "Arnstein" in notes
    assert tlap.source.url and "thinklocalactpersonal" in tlap.source.url


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
    # The short labels come from the 2012 catalogue; the longer wording from 2010.
    assert "People Powered Health Co-production Catalogue" in nef.source.citation
    assert "Public Services Inside Out" in nef.source.citation
    for synonym in ("capacity", "shared roles", "peer support networks"):
        assert synonym in nef.source.notes


def test_hunter_ritchie_rules_have_practice_and_belief(catalog: Catalog) -> None:
    rules = catalog.rubric("hunter-ritchie-rules")
    assert len(rules.dimensions) == 7
    for dim in rules.dimensions:
        assert {q.side for q in dim.questions} >= {"practice", "belief"}, dim.id
    side_of = {q.id: q.side for _, q in rules.questions()}
    assert side_of["quality-of-life-3"] == "practice"  # honesty is something staff do
    assert "single right answer" not in rules.dimensions[0].questions[1].text


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
    assert "Is the term 'Co-production' just another way" in levers.source.citation
    assert levers.source.citation.startswith("Kaur-Stubbs")


def test_five_p_agrees_with_the_ladder_about_seats(catalog: Catalog) -> None:
    """One or two outnumbered seats are Placation, not a share of power; holding power
    means a final say, not half the seats or the chair."""
    levers = catalog.rubric("five-p-levers")
    (seats,) = [q for _, q in levers.questions() if q.id == "people-1"]
    words = {o.value: f"{o.label} {o.description}".lower() for o in levers.options_for(seats)}
    assert "outnumbered" in words[2]
    assert "without their agreement" in words[3]
    assert "chair" not in words[4] and "half" not in words[4]
    assert "veto the organisation does not have" in words[4]


def test_five_p_puts_sharing_behind_people_s_backs_lowest(catalog: Catalog) -> None:
    levers = catalog.rubric("five-p-levers")
    questions = {q.id: q for _, q in levers.questions()}
    sharing = levers.options_for(questions["partnerships-1"])
    assert "without telling them" in sharing[0].description
    reward = levers.options_for(questions["profitability-2"])[-1].description
    assert "a choice: fair pay or another reward" in reward


def test_five_p_partnerships_agree_with_the_ladder_about_seats(catalog: Catalog) -> None:
    levers = catalog.rubric("five-p-levers")
    (seats,) = [q for _, q in levers.questions() if q.id == "partnerships-2"]
    words = {o.value: f"{o.label} {o.description}".lower() for o in levers.options_for(seats)}
    assert "outnumbered" in words[2]
    assert "without that group's agreement" in words[3]
    assert "final say" in words[4] and "chair" not in words[4]


def test_out_of_pocket_reads_costs_apart_from_rewards(catalog: Catalog) -> None:
    """Unpaid costs raise the flag however well time is rewarded: the costs question has a
    side of its own, asked in the short form too."""
    levers = catalog.rubric("five-p-levers")
    side_of = {q.id: (q.side, q.core) for _, q in levers.questions()}
    assert side_of["profitability-4"] == ("costs", True)
    assert side_of["profitability-2"] == ("payment", True)
    flag = catalog.flags["out-of-pocket"]
    assert "side: costs" in repr(flag.when) or "costs" in str(flag.when)


def test_who_is_not_in_the_room_is_asked(catalog: Catalog) -> None:
    texts = [q.text + " " + q.help for r in catalog.rubrics.values() for _, q in r.questions()]
    assert any("reflect everyone who uses the service" in t and "easy read" in t for t in texts)


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_citation_and_paraphrase_note(catalog: Catalog, rubric_id: str) -> None:
    source = catalog.rubric(rubric_id).source
    assert re.search(r"\(((19|20)\d\d|n\.d\.)[^)]*\)", source.citation), source.citation
    assert "paraphrase" in source.notes.lower()


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_every_dimension_has_actions_and_every_question_help(
    catalog: Catalog, rubric_id: str
) -> None:
    rubric: Rubric = catalog.rubric(rubric_id)
    assert all(d.actions for d in rubric.dimensions)
    assert all(q.help for _, q in rubric.questions())


def _fields(rubric: Rubric) -> dict[str, list[str]]:
    """The text a respondent reads, by kind: each option once (the scale and each
    question's own), each question and each help text."""
    options = [*rubric.scale, *(o for _, q in rubric.questions() for o in q.options or [])]
    return {
        "option": [f"{o.label}: {o.description}" if o.description else o.label for o in options],
        "question": [q.text for _, q in rubric.questions()],
        "help": [q.help for _, q in rubric.questions()],
    }


@pytest.mark.parametrize("kind", ["option", "question", "help"])
@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_plain_english(catalog: Catalog, rubric_id: str, kind: str) -> None:
    texts = _fields(catalog.rubric(rubric_id))[kind]
    grade = statistics.median(textstat.flesch_kincaid_grade(t) for t in texts)
    assert grade <= 8, f"median Flesch-Kincaid grade of {kind} texts {grade:.1f}"
    if kind == "question":
        assert all(len(t.split()) <= 30 for t in texts)


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_a_person_who_uses_the_service_is_not_asked_as_the_organisation(
    catalog: Catalog, rubric_id: str
) -> None:
    """Nothing a respondent reads speaks as the organisation ("we", "our"), or asks how
    staff talk in private, so people who use the service can answer every question from
    what they see. (Words quoted, such as staff saying "we know best", are left aside.)"""
    for kind, texts in _fields(catalog.rubric(rubric_id)).items():
        for text in texts:
            unquoted = re.sub(r'"[^"]*"', "", text)
            assert not re.search(r"\b(we|our|us)\b", unquoted, re.IGNORECASE), (kind, text)
            assert not re.search(r"\btalk.*in private", text), (kind, text)


@pytest.mark.parametrize("rubric_id", FRAMEWORKS)
def test_one_core_question_per_dimension_and_side(catalog: Catalog, rubric_id: str) -> None:
    rubric = catalog.rubric(rubric_id)
    for dim in rubric.dimensions:
        sides = {q.side for q in dim.questions}
        core = [q.side for q in dim.questions if q.core]
        assert sorted(core, key=str) == sorted(sides, key=str), dim.id


def test_the_short_form_of_the_four_frameworks_fits_fifteen_minutes(catalog: Catalog) -> None:
    length = total_length(short_form(catalog.rubric(r)) for r in ORIGINAL)
    assert length.words <= 3000, f"{length.words} words on screen"
    assert length.minutes <= 15


def test_builtin_flags(catalog: Catalog) -> None:
    assert {
        "principles-without-power",
        "co-production-in-name-only",
        "illusion-of-co-production",
        "rules-without-world-view",
        "money-not-shared",
        "money-not-seen",
        "out-of-pocket",
        "no-lived-experience",
    } <= set(catalog.flags)
    assert all(flag.actions and flag.explanation for flag in catalog.flags.values())


def test_five_whys_is_suggested_once(catalog: Catalog) -> None:
    actions = [a.text for r in catalog.rubrics.values() for d in r.dimensions for a in d.actions]
    actions += [a.text for flag in catalog.flags.values() for a in flag.actions]
    assert sum("Five Whys" in text for text in actions) == 1


def test_tlap_engagement_and_co_design_never_describe_the_same_thing(catalog: Catalog) -> None:
    """Engagement: people comment on what staff draw up. Co-design: people draw it up with
    them. Where staff keep the last word, both used to fit."""
    ladder = catalog.rubric("tlap-ladder")
    for _, question in ladder.questions():
        if question.side:
            continue
        by_step = {o.value: o.description.lower() for o in ladder.options_for(question)}
        assert "comment" in by_step[5], question.id
        assert "comment" not in by_step[6], question.id
        assert re.search(r"with (staff|managers|board members)", by_step[6]), question.id
