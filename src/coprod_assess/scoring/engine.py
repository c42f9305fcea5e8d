"""Scores from a tally: questions, dimensions, sides and the rubric, for every group."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from coprod_assess.rubric.models import Dimension, Option, Question, Rubric
from coprod_assess.rubric.ranges import (
    Range,
    questions_range,
    rubric_range,
    scored_questions,
    sides_beside_rungs,
)
from coprod_assess.scoring.aggregate import (
    band_for,
    combine,
    mean,
    median,
    percent_of,
    rung_for,
    weighted_mean,
)
from coprod_assess.scoring.result import (
    AreaRung,
    BandResult,
    DimensionResult,
    GroupScores,
    Ladder,
    QuestionResult,
    RubricResult,
    Rung,
    Score,
    Status,
)
from coprod_assess.scoring.tally import EVERYONE, RubricTally

DEFAULT_MIN_COVERAGE = 50.0
WHOLE_RUBRIC = ""


def content_hash(rubric: Rubric) -> str:
    """A hash of what the rubric asks (not how its file is laid out, nor its language)."""
    return rubric.identity()


def question_value(rubric: Rubric, values: Sequence[float]) -> float | None:
    """A group's value for a question: the mean, or the median for ladder rubrics."""
    if not values:
        return None
    return median(values) if rubric.scoring.method == "ladder" else mean(values)


def ladder_rungs(rubric: Rubric) -> list[Option]:
    """The named rungs of a ladder: its scale, or else every option its rung questions offer."""
    if rubric.scale:
        return rubric.scale
    seen: dict[float, Option] = {}
    for question in scored_questions(rubric, [q for _, q in rubric.questions()]):
        for option in rubric.options_for(question):
            seen.setdefault(option.value, option)
    return list(seen.values())


class RubricScorer:
    """Turns one rubric's tally into its result, for every group present."""

    def __init__(self, tally: RubricTally, min_coverage: float) -> None:
        self.tally = tally
        self.rubric = tally.rubric
        self.method = tally.rubric.scoring.method
        self.min_coverage = min_coverage
        self.groups = sorted(tally.asked)

    def by_group(self, score_for: Callable[[str], Score]) -> GroupScores:
        """One score for everyone, each role and each perspective present."""
        roles = {}
        perspectives = {}
        for group in self.groups:
            if group.startswith("role:"):
                roles[group.removeprefix("role:")] = score_for(group)
            elif group.startswith("perspective:"):
                perspectives[group.removeprefix("perspective:")] = score_for(group)
        return GroupScores(everyone=score_for(EVERYONE), roles=roles, perspectives=perspectives)

    def combine_questions(self, questions: Sequence[Question], group: str) -> float | None:
        """The value of some questions together for a group, by the rubric's method."""
        pairs = []
        for question in questions:
            value = question_value(self.rubric, self.tally.given(question.id, group))
            if value is not None:
                pairs.append((value, question.weight))
        if not pairs:
            return None
        if self.method == "checklist":
            threshold = self.rubric.scoring.threshold or 0
            return sum(1 for value, _ in pairs if value >= threshold) / len(pairs) * 100
        combined = weighted_mean(pairs)
        if self.method == "sum":
            # Skipped questions count as the mean of the answered ones.
            combined *= math.fsum(q.weight for q in questions)
        return combined

    def score(
        self,
        value: float | None,
        questions: Sequence[Question],
        group: str,
        key: str,
        possible: Range | None,
        banded: bool,
    ) -> Score:
        """A Score with coverage, status, percent and band."""
        counts = [len(self.tally.given(q.id, group)) for q in questions]
        answered = sum(counts)
        asked = sum(self.tally.asked_question(q, group) for q in questions)
        coverage = answered / asked * 100 if asked else 0.0
        status: Status = "ok"
        if not answered or value is None:
            status, value = "no-answers", None
        elif coverage < self.min_coverage:
            status, value = "not-enough-answers", None
        percent = band = None
        if value is not None and possible is not None:
            percent = round(percent_of(value, *possible), 2)
            if banded:
                band = band_for(value, self.rubric.scoring.bands)
        return Score(
            value=None if value is None else round(value, 4),
            percent=percent,
            band=band,
            answered=answered,
            asked=asked,
            coverage=round(coverage, 2),
            respondents=self.tally.respondents[key][group],
            people=self.tally.asked[group],
            fewest=min((n for n in counts if n), default=0),
            status=status,
        )

    def questions_scores(
        self, questions: Sequence[Question], key: str, banded: bool
    ) -> GroupScores:
        """Scores of a set of questions combined, for every group."""
        possible = questions_range(self.rubric, list(questions))

        def score_for(group: str) -> Score:
            value = self.combine_questions(questions, group)
            return self.score(value, questions, group, key, possible, banded)

        return self.by_group(score_for)

    def sides(self, questions: Sequence[Question], key: str) -> dict[str, GroupScores]:
        """Scores per side tag (e.g. practice and belief), where the questions carry one."""
        tags = sorted({q.side for q in questions if q.side})
        return {
            tag: self.questions_scores(
                [q for q in questions if q.side == tag], f"{key}#{tag}", False
            )
            for tag in tags
        }

    def rest(self, questions: Sequence[Question], key: str) -> GroupScores | None:
        """Scores of the questions with no side, where others have one. Never shown: the
        whole less its sides could single them out, so the privacy step weighs them too.
        A ladder that scores its sides beside the rungs has no such whole to weigh."""
        untagged = [q for q in questions if not q.side]
        if not untagged or len(untagged) == len(questions) or sides_beside_rungs(self.rubric):
            return None
        return self.questions_scores(untagged, f"{key}#", False)

    def dimension(self, dim: Dimension) -> DimensionResult:
        """One dimension's result."""
        banded = self.method in ("mean", "median", "min", "ladder")
        scored = scored_questions(self.rubric, dim.questions)
        scores = self.questions_scores(scored, _part(dim.id, scored, dim.questions), banded)
        sides = self.sides(dim.questions, dim.id)
        rest = self.rest(dim.questions, dim.id)
        value = scores.everyone.value
        return DimensionResult(
            id=dim.id,
            title=dim.title,
            range=questions_range(self.rubric, scored) or (0.0, 0.0),
            scores=scores,
            gap=scores.gap(),
            sides=sides,
            side_gap=side_gap(sides),
            rest=rest,
            rung=None
            if self.method != "ladder" or value is None
            else rung_for(value, ladder_rungs(self.rubric)),
            actions=[action.text for action in dim.actions],
            questions=[self.question(q) for q in dim.questions],
        )

    def question(self, question: Question) -> QuestionResult:
        """One question's value for everyone, and how it was answered."""
        given = self.tally.given(question.id, EVERYONE)
        value = question_value(self.rubric, given)
        skips = self.tally.skips.get(question.id) or Counter()
        return QuestionResult(
            id=question.id,
            text=question.text,
            side=question.side,
            value=None if value is None else round(value, 4),
            answered=len(given),
            dont_know=skips.get("dont-know", 0),
            not_applicable=skips.get("not-applicable", 0),
        )

    def rubric_value(self, dims: Sequence[DimensionResult], group: str) -> float | None:
        """The rubric's value for a group, from its dimensions' values."""
        if self.method == "checklist":
            return self.combine_questions([q for _, q in self.rubric.questions()], group)
        scored = []
        for dim in dims:
            found = dim.scores.for_group(group)
            scored.append((dim, found.value if found else None))
        present = [value for _, value in scored if value is not None]
        if not present:
            return None
        if self.method == "sum":
            # A dimension without answers counts at the others' average place in its range.
            share = mean([_fraction(d, v) for d, v in scored if v is not None])
            present += [
                d.range[0] + share * (d.range[1] - d.range[0]) for d, v in scored if v is None
            ]
        return combine(self.method, present)

    def result(self, version_hash: str) -> RubricResult:
        """The whole rubric result."""
        rubric = self.rubric
        dims = [self.dimension(dim) for dim in rubric.dimensions]
        everything = [q for _, q in rubric.questions()]
        scored = scored_questions(rubric, everything)
        key = _part(WHOLE_RUBRIC, scored, everything)
        possible = rubric_range(rubric) or (0.0, 0.0)

        def score_for(group: str) -> Score:
            value = self.rubric_value(dims, group)
            return self.score(value, scored, group, key, possible, True)

        scores = self.by_group(score_for)
        sides = self.sides(everything, WHOLE_RUBRIC)
        rest = self.rest(everything, WHOLE_RUBRIC)
        return RubricResult(
            id=rubric.id,
            version=rubric.version,
            content_hash=version_hash,
            title=rubric.title,
            summary=rubric.summary,
            citation=rubric.source.citation,
            method=self.method,
            threshold=rubric.scoring.threshold,
            range=possible,
            bands=[BandResult(from_=b.from_, label=b.label) for b in rubric.scoring.bands],
            scores=scores,
            gap=scores.gap(),
            sides=sides,
            side_gap=side_gap(sides),
            rest=rest,
            ladder=self.ladder(dims, scores) if self.method == "ladder" else None,
            dimensions=dims,
        )

    def ladder(self, dims: Sequence[DimensionResult], scores: GroupScores) -> Ladder:
        """The typical rung, and the weakest and strongest decision areas."""
        rungs = ladder_rungs(self.rubric)
        placed = [
            AreaRung(dimension=d.id, title=d.title, rung=d.rung) for d in dims if d.rung is not None
        ]
        typical = scores.everyone.value
        named = [
            Rung(value=o.value, name=o.label, group=o.group)
            for o in sorted(rungs, key=lambda o: o.value)
        ]
        weakest, strongest = extremes(placed)
        return Ladder(
            typical=None if typical is None or not placed else rung_for(typical, rungs),
            rungs=named,
            weakest=weakest,
            strongest=strongest,
        )


def _part(key: str, scored: Sequence[Question], questions: Sequence[Question]) -> str:
    """The tally part whose respondents a score counts: all of `key`, or, when the score
    leaves out the questions with a side, those who answered its questions with none."""
    return key if len(scored) == len(questions) else f"{key}#"


def extremes(placed: Sequence[AreaRung]) -> tuple[list[AreaRung], list[AreaRung]]:
    """The decision areas on the lowest rung and those on the highest."""
    if not placed:
        return [], []
    low = min(area.rung.value for area in placed)
    high = max(area.rung.value for area in placed)
    return (
        [area for area in placed if area.rung.value == low],
        [area for area in placed if area.rung.value == high],
    )


def _fraction(dim: DimensionResult, value: float) -> float:
    low, high = dim.range
    return 1.0 if high == low else (value - low) / (high - low)


def side_gap(sides: dict[str, GroupScores]) -> float | None:
    """Practice minus belief for everyone, in percent points, when both have a score."""
    practice = sides.get("practice")
    belief = sides.get("belief")
    if practice is None or belief is None:
        return None
    if practice.everyone.percent is None or belief.everyone.percent is None:
        return None
    return round(practice.everyone.percent - belief.everyone.percent, 2)
