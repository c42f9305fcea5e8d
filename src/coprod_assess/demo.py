"""A realistic sample workshop: ten people answering the built-in frameworks.

The answers follow a pattern the sources describe again and again: staff see
more co-production than the people it is for; money and mutuality are the
weakest; rules are in place before the beliefs behind them; and the forum
calls some areas co-production that sit no higher than placation. They are
made from seeded tendencies, so the demo is the same every time and always
in step with the installed rubrics.
"""

from __future__ import annotations

import random
from typing import Any

from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.models import Question, Rubric

PEOPLE = [
    ("r1", "person-using-services", "Aisha"),
    ("r2", "person-using-services", "Ben"),
    ("r3", "family-carer", "Chloe"),
    ("r4", "family-carer", "Dev"),
    ("r5", "family-carer", "Ellen"),
    ("r6", "staff", "Femi"),
    ("r7", "staff", "Grace"),
    ("r8", "staff", "Hamid"),
    ("r9", "manager", "Isla"),
    ("r10", "commissioner", "Jon"),
]

# Where each perspective tends to place things, as a share of each question's range.
LEVEL = {"lived": 0.33, "professional": 0.62}
# Dimensions everyone rates lower or higher than the rest.
ADJUST = {
    "money": -0.25,
    "mutuality": -0.22,
    "profitability": -0.25,
    "evaluating": -0.1,
    "recruiting": -0.12,
    "networks": 0.12,
    "delivering": 0.08,
    "people-who-know-them": 0.1,
}
# Practice is ahead of belief on some rules: the "bolt-on" risk.
BELIEF_BEHIND = {"ordinary-language": 0.35, "open-about-tensions": 0.2, "wider-community": 0.12}
# The decision areas the forum's leaflets and newsletter call co-production.
CALLED = {"designing-services", "delivering", "governance"}

NOTES = {
    ("r3", "nef-six-principles", "mutuality-1"): (
        "I have never been paid for a meeting. Staff are paid to be there."
    ),
    ("r1", "arnstein-ladder", "money-1"): "We were told about the cuts after they were decided.",
    ("r6", "arnstein-ladder", "money-1"): (
        "The budget is set by the commissioner; we explain it at the forum."
    ),
    ("r4", "hunter-ritchie-rules", "define-the-problem-1"): (
        "They ask what we think of their plan, not what the problem is."
    ),
    ("r9", "nef-six-principles", "assets-1"): (
        "We now start reviews by asking what the family is good at."
    ),
    ("r5", "nef-six-principles", "networks-1"): (
        "The parent group keeps me going. It was set up by parents, not the service."
    ),
    ("r2", "hunter-ritchie-rules", "ordinary-language-1"): (
        "Letters still come full of initials I do not understand."
    ),
    ("r7", "hunter-ritchie-rules", "ordinary-language-3"): (
        "Some of us still hide behind jargon when meetings get hard."
    ),
    ("r10", "five-p-levers", "profitability-2"): (
        "Parents are offered vouchers, but only for the big events."
    ),
    ("r8", "arnstein-ladder", "governance-1"): (
        "Parents sit on the board, but the agenda is set before they see it."
    ),
    ("r4", "arnstein-ladder", "governance-claim"): (
        "The newsletter says the board is co-produced. We see the papers on the day."
    ),
    ("r6", "tlap-ladder", "designing-services-1"): (
        "Parents helped design the short breaks offer, then we ran it without them."
    ),
}


NEXT_STEPS = [
    "Pay people for their time at every meeting, from January.",
    "Set the budget for the short breaks service with the forum, not only tell the forum.",
    "Stop calling the newsletter and the governance group co-production until decisions "
    "there are shared.",
    "Meet again in six months to check what has changed.",
]
CONTACT = "Talk to Sam at the forum: 01632 960123, or sam@example.org."
# Comments given in the sense-check, by person and kind of finding.
CHECK_NOTES = {
    ("r1", "ladder"): "We are asked, but nothing changes. It feels lower than that.",
    ("r3", "gap"): "Staff think it is going well because they run it.",
    ("r7", "gap"): "I did not expect the gap to be so big.",
    ("r4", "flag"): "I paid for the bus to every meeting.",
}


def _value(question: Question, rubric: Rubric, share: float, pick: random.Random) -> float:
    values = sorted(option.value for option in rubric.options_for(question))
    share = min(1.0, max(0.0, share + pick.uniform(-0.16, 0.16)))
    return values[round(share * (len(values) - 1))]


def _called(area: str, pick: random.Random) -> int:
    """Whether someone says the service calls an area co-production: most have seen
    the leaflets, whatever their role."""
    return int((area in CALLED) != (pick.random() < 0.1))


def demo_answers(catalog: Catalog, seed: int = 2026) -> dict[str, Any]:
    """The sample workshop as answers-file data."""
    pick = random.Random(seed)
    rubrics = [catalog.rubrics[r] for r in sorted(catalog.rubrics)]
    respondents = []
    for person_id, role, name in PEOPLE:
        perspective = catalog.roles[role].perspective or "professional"
        answers: dict[str, dict[str, Any]] = {}
        for rubric in rubrics:
            given: dict[str, Any] = {}
            for dim, question in rubric.questions():
                share = LEVEL[perspective] + ADJUST.get(dim.id, 0.0)
                if question.side == "belief":
                    share -= BELIEF_BEHIND.get(dim.id, 0.0)
                elif question.side == "practice":
                    share += BELIEF_BEHIND.get(dim.id, 0.0) / 2
                if pick.random() < 0.04:
                    given[question.id] = {"skip": "dont-know"}
                    continue
                value: float = (
                    _called(dim.id, pick)
                    if question.side == "claim"
                    else _value(question, rubric, share, pick)
                )
                note = NOTES.get((person_id, rubric.id, question.id))
                given[question.id] = {"value": value, "note": note} if note else value
            answers[rubric.id] = given
        respondents.append({"id": person_id, "role": role, "name": name, "answers": answers})
    data: dict[str, Any] = {
        "assessment": {
            "organisation": "Riverside Parent Carer Forum (sample)",
            "period": "2026",
            "date": "2026-11-22",
            "rubrics": {rubric.id: rubric.version for rubric in rubrics},
            "next_steps": NEXT_STEPS,
            "contact": CONTACT,
        },
        "respondents": respondents,
    }
    data["sense_check"] = demo_sense_check(data, catalog, pick)
    return {key: data[key] for key in ("assessment", "sense_check", "respondents")}


def _response(kind: str, lived: bool, pick: random.Random) -> str:
    """How someone responds to a finding of a kind: people with lived experience find the
    ladder's picture too kind; staff doubt that they see more than others do."""
    if kind == "ladder":
        weights = [1, 2, 4, 1] if lived else [5, 2, 0, 1]
    elif kind == "gap":
        weights = [5, 1, 0, 1] if lived else [1, 3, 2, 1]
    else:
        weights = [5, 2, 0, 1] if lived else [4, 2, 1, 1]
    return pick.choices(["yes", "partly", "no", "not-sure"], weights)[0]


def demo_sense_check(data: dict[str, Any], catalog: Catalog, pick: random.Random) -> dict[str, Any]:
    """The room checking the findings on their phones after answering closed."""
    from coprod_assess.answers.models import AnswersFile
    from coprod_assess.privacy import DEFAULT_MIN_GROUP
    from coprod_assess.privacy.redact import share
    from coprod_assess.scoring.assessment import score_assessment
    from coprod_assess.sensecheck.findings import main_findings

    answers = AnswersFile.model_validate(data)
    shared = share(score_assessment(answers, catalog), flags=catalog.flags.values())
    findings = main_findings(shared, catalog)
    people = {}
    for number, (person_id, role, _) in enumerate(PEOPLE, start=1):
        lived = catalog.roles[role].perspective == "lived"
        responses: dict[str, Any] = {}
        for finding in findings:
            kind = finding.id.split("/")[0]
            said = _response(kind, lived, pick)
            first = finding is next(f for f in findings if f.id.startswith(f"{kind}/"))
            note = CHECK_NOTES.get((person_id, kind)) if first else None
            responses[finding.id] = {"value": said, "note": note} if note else said
        people[f"c{number}"] = {"role": role, "respondent": person_id, "responses": responses}
    return {
        "date": "2026-11-22",
        "drawn_from": len(PEOPLE),
        "min_group": DEFAULT_MIN_GROUP,
        "findings": {finding.id: finding.text for finding in findings},
        "people": people,
    }
