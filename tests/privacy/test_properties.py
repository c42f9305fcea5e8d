"""Random workshops with groups of every size: no output lets a small group be told apart.

Three properties, over every output in every format:
1. every figure shown comes from at least `min_group` people;
2. no group smaller than that can be recovered by subtraction from the figures
   shown (checked here by reduced row echelon form, apart from the code under test);
3. two workshops that differ only inside the withheld groups give byte-identical
   outputs: the answers of two people whose shown groups are the same are swapped,
   so every shown figure stays what it was while the withheld ones change.
"""

from __future__ import annotations

import io
import itertools
from fractions import Fraction
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from coprod_assess.answers.models import AnswersFile
from coprod_assess.cli.score_table import render_summary
from coprod_assess.compare.diff import compare
from coprod_assess.compare.render import render_diff, render_trend
from coprod_assess.compare.trend import trend
from coprod_assess.privacy.redact import share
from coprod_assess.report.render import render_report
from coprod_assess.rubric.flags import Flag
from coprod_assess.scoring.assessment import score_assessment
from coprod_assess.scoring.result import GroupScores, Result, SharedResult
from coprod_assess.scoring.result_io import result_json, result_yaml
from tests.privacy.conftest import figures
from tests.scoring.conftest import ROLES, catalog_of, rubric

LADDER = {**rubric("ladder"), "id": "l", "title": "L"}
CATALOG = catalog_of(
    rubric("mean"),
    LADDER,
    flags=[
        Flag.model_validate(data)
        for data in (
            {"metric": "gap", "rubric": "*", "dimension": "*", "at-least": 10},
            {"metric": "percent", "rubric": "r", "role": "family-carer", "below": 60},
            {"metric": "percent", "rubric": "r", "perspective": "lived", "at-most": 50},
            {"metric": "side-gap", "rubric": "r", "dimension": "*", "at-least": 10},
            {"metric": "rung", "rubric": "l", "at-most": 2},
            {"metric": "respondents", "perspective": "lived", "below": 1},
        )
        for data in [
            {
                "id": f"flag-{data['metric']}-{data.get('rubric', 'x')}".replace("*", "any"),
                "title": f"Flag on {data['metric']}",
                "explanation": "A test flag.",
                "when": {"any": [data]},
            }
        ]
    ],
)
QUESTIONS = ("a1", "a2", "b1")
# Which questions a person answers; the rest are "don't know".
PATTERNS = (QUESTIONS, QUESTIONS, QUESTIONS, ("a1", "a2"), ("b1",))
ROLE_IDS = sorted(ROLES)


@st.composite
def workshops(draw: st.DrawFn) -> list[dict[str, Any]]:
    """People in every role, zero to four of each, with answers, skips and notes (on
    questions, and about no one question)."""
    people = []
    for role in ROLE_IDS:
        for _ in range(draw(st.integers(0, 4))):
            pattern = draw(st.sampled_from(PATTERNS))
            answers: dict[str, dict[str, Any]] = {}
            for rubric_id in ("r", "l"):
                given_: dict[str, Any] = {}
                for question in QUESTIONS:
                    if question not in pattern:
                        given_[question] = {"skip": "dont-know"}
                        continue
                    value = draw(st.integers(0, 4))
                    note = draw(st.sampled_from(("", "", "", "note one", "note two")))
                    given_[question] = {"value": value, "note": note} if note else value
                answers[rubric_id] = given_
            said = draw(st.sampled_from(("", "", "anything else")))
            people.append({"role": role, "answers": answers, "note": said})
    assume(people)
    return people


def answers_file(people: list[dict[str, Any]]) -> AnswersFile:
    return AnswersFile.model_validate(
        {
            "assessment": {"organisation": "Org", "period": "2026", "date": "2026-11-22"},
            "respondents": [{"id": f"r{i + 1}", **person} for i, person in enumerate(people)],
        }
    )


def full_and_shared(people: list[dict[str, Any]], min_group: int) -> tuple[Result, SharedResult]:
    full = score_assessment(answers_file(people), CATALOG, min_coverage=0)
    return full, share(full, min_group, flags=CATALOG.flags.values())


def counts(scores: GroupScores) -> dict[str, int]:
    found = {"everyone": scores.everyone.respondents}
    found |= {f"role:{k}": s.respondents for k, s in scores.roles.items()}
    found |= {f"perspective:{k}": s.respondents for k, s in scores.perspectives.items()}
    return {group: n for group, n in found.items() if n > 0}


def rank(matrix: list[list[Fraction]]) -> int:
    """Rank by reduced row echelon form."""
    rows = [row[:] for row in matrix]
    pivot_row = 0
    for column in range(len(rows[0]) if rows else 0):
        found = next((i for i in range(pivot_row, len(rows)) if rows[i][column]), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][column]
        rows[pivot_row] = [value / lead for value in rows[pivot_row]]
        for i, row in enumerate(rows):
            if i != pivot_row and row[column]:
                factor = row[column]
                rows[i] = [a - factor * b for a, b in zip(row, rows[pivot_row], strict=True)]
        pivot_row += 1
    return pivot_row


def as_roles(group: str, cells: dict[str, int]) -> dict[str, int]:
    """A group as the roles it is made of, weighted by how many answered."""
    roles = {g: n for g, n in cells.items() if g.startswith("role:")}
    if group == "everyone":
        return roles
    if group.startswith("perspective:"):
        name = group.removeprefix("perspective:")
        return {g: n for g, n in roles.items() if ROLES[g[5:]].perspective == name}
    return {group: cells[group]}


def gives_away(together: tuple[str, ...], shown: list[str], cells: dict[str, int]) -> bool:
    """Some combination of the shown sums is made of `together` alone: exactly when
    dropping those roles' columns lowers the rank of the shown sums."""
    atoms = sorted(g for g in cells if g.startswith("role:"))
    known = [[Fraction(as_roles(g, cells).get(a, 0)) for a in atoms] for g in shown]
    if not known:
        return False
    outside = [[v for a, v in zip(atoms, row, strict=True) if a not in together] for row in known]
    return rank(known) > (rank(outside) if outside[0] else 0)


def with_scores(scores: GroupScores) -> dict[str, tuple[int, Any]]:
    found = {"everyone": scores.everyone}
    found |= {f"role:{k}": s for k, s in scores.roles.items()}
    found |= {f"perspective:{k}": s for k, s in scores.perspectives.items()}
    return {g: (s.respondents, s) for g, s in found.items() if s.respondents > 0}


def outputs(shared: SharedResult) -> dict[str, str]:
    """Every output the tool makes from a shared result, as text."""
    buffer = io.StringIO()
    render_summary(shared, Console(file=buffer, width=120, no_color=True))
    texts = {
        "table": buffer.getvalue(),
        "json": result_json(shared),
        "yaml": result_yaml(shared),
        "html": render_report(shared, "html"),
        "md": render_report(shared, "md"),
    }
    for fmt in ("md", "json", "html"):
        texts[f"diff.{fmt}"] = render_diff(compare(shared, shared), fmt)
        texts[f"trend.{fmt}"] = render_trend(trend([shared]), fmt)
    return texts


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(people=workshops(), min_group=st.integers(2, 4))
def test_every_shown_figure_comes_from_enough_people(
    people: list[dict[str, Any]], min_group: int
) -> None:
    _, shared = full_and_shared(people, min_group)
    for figure in figures(shared):
        for score in [*figure.roles.values(), *figure.perspectives.values(), figure.everyone]:
            if score.status == "withheld":
                continue
            # Every question behind a figure was answered by enough people; a group
            # shown with nobody behind a figure says only that none answered it.
            fewest = min(score.respondents, score.fewest or score.respondents)
            assert fewest >= min_group or (score.respondents == 0 and score.value is None)
    for r in shared.rubrics:
        for dim in r.dimensions:
            assert all(q.value is None or q.answered >= min_group for q in dim.questions)
    for note in shared.notes:
        rubric = shared.rubric(note.rubric)
        assert rubric is not None
        if note.role:
            assert rubric.scores.roles[note.role].respondents >= min_group
        if note.perspective:
            assert rubric.scores.perspectives[note.perspective].respondents >= min_group
    mix = shared.respondents
    for said in shared.general_notes:
        # A note about no one question names a group of enough people that no framework
        # withholds.
        for kind, name, counted in (
            ("role", said.role, mix.roles),
            ("perspective", said.perspective, mix.perspectives),
        ):
            if name is not None:
                assert counted[name] >= min_group
                assert all(f"{kind}:{name}" not in r.scores.withheld for r in shared.rubrics)


@SETTINGS
@given(people=workshops(), min_group=st.integers(2, 4))
def test_no_small_group_can_be_recovered_by_subtraction(
    people: list[dict[str, Any]], min_group: int
) -> None:
    full, shared = full_and_shared(people, min_group)
    for before, after in zip(figures(full), figures(shared), strict=True):
        cells = counts(before)
        shown = [g for g in counts(after) if g in cells]
        if after.everyone.status == "withheld" and "everyone" in shown:
            shown.remove("everyone")
        fewest = {g: min(n, score.fewest or n) for g, (n, score) in with_scores(before).items()}
        small = [g for g in cells if g.startswith("role:") and fewest[g] < min_group]
        for size in range(1, len(small) + 1):
            for together in itertools.combinations(small, size):
                if sum(fewest[g] for g in together) < min_group:
                    assert not gives_away(together, shown, cells), (together, shown, cells)


def swappable(shared: SharedResult, people: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs of people in different roles whose shown groups and skips are the same."""

    def shown_groups(person: dict[str, Any]) -> tuple[frozenset[str], ...]:
        role = ROLES[person["role"]]
        mine = {f"role:{role.id}"} | (
            {f"perspective:{role.perspective}"} if role.perspective else set()
        )
        return tuple(
            frozenset(g for g in mine if g not in r.scores.withheld) for r in shared.rubrics
        )

    def skips(person: dict[str, Any]) -> tuple[str, ...]:
        return tuple(
            question
            for rubric_id in ("r", "l")
            for question, entry in person["answers"][rubric_id].items()
            if isinstance(entry, dict) and "skip" in entry
        )

    return [
        (i, j)
        for i, p in enumerate(people)
        for j, q in enumerate(people)
        if i < j
        and p["role"] != q["role"]
        and shown_groups(p) == shown_groups(q)
        and skips(p) == skips(q)
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(people=workshops(), min_group=st.integers(2, 4), data=st.data())
def test_outputs_are_the_same_whatever_the_withheld_groups_answered(
    people: list[dict[str, Any]], min_group: int, data: st.DataObject
) -> None:
    full, shared = full_and_shared(people, min_group)
    pairs = swappable(shared, people)
    assume(pairs)
    i, j = data.draw(st.sampled_from(pairs))
    swapped = [dict(person) for person in people]
    swapped[i]["answers"], swapped[j]["answers"] = people[j]["answers"], people[i]["answers"]
    full_after, shared_after = full_and_shared(swapped, min_group)
    assume(full_after != full)
    before, after = outputs(shared), outputs(shared_after)
    for name, text in before.items():
        assert after[name] == text, name
