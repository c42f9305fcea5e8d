"""The lowest and highest score a question, dimension or rubric can take."""

from __future__ import annotations

from statistics import median

from coprod_assess.rubric.models import Dimension, Question, Rubric

Range = tuple[float, float]
PERCENT_RANGE: Range = (0.0, 100.0)


def question_range(rubric: Rubric, question: Question) -> Range | None:
    """The lowest and highest option value, or None when the question has no options."""
    values = [option.value for option in rubric.options_for(question)]
    if not values:
        return None
    return (float(min(values)), float(max(values)))


def sides_beside_rungs(rubric: Rubric) -> bool:
    """Whether a ladder scores its questions with a side beside the rung, not in it: so
    when every area has a question with no side to read the rung from, and some questions
    have a side (such as whether the service calls the area co-production)."""
    if rubric.scoring.method != "ladder":
        return False
    every_area = all(any(not q.side for q in dim.questions) for dim in rubric.dimensions)
    return every_area and any(question.side for _, question in rubric.questions())


def scored_questions(rubric: Rubric, questions: list[Question]) -> list[Question]:
    """The questions a score combines: all of them, or on a ladder whose sides are scored
    beside the rungs, those with no side."""
    if not sides_beside_rungs(rubric):
        return questions
    return [question for question in questions if not question.side]


def dimension_range(rubric: Rubric, dimension: Dimension) -> Range | None:
    """The range of a dimension's score under the rubric's method."""
    return questions_range(rubric, scored_questions(rubric, dimension.questions))


def questions_range(rubric: Rubric, questions: list[Question]) -> Range | None:
    """The range of a score combining these questions under the rubric's method."""
    if rubric.scoring.method == "checklist":
        return PERCENT_RANGE
    weighted = []
    for question in questions:
        found = question_range(rubric, question)
        if found is None:
            return None
        weighted.append((question.weight, found))
    low = sum(w * lo for w, (lo, _) in weighted)
    high = sum(w * hi for w, (_, hi) in weighted)
    if rubric.scoring.method != "sum":
        total = sum(w for w, _ in weighted)
        low, high = low / total, high / total
    return (low, high)


def rubric_range(rubric: Rubric) -> Range | None:
    """The range of the rubric score, or None when some question has no options."""
    method = rubric.scoring.method
    if method == "checklist":
        return PERCENT_RANGE
    ranges = [dimension_range(rubric, dim) for dim in rubric.dimensions]
    if any(found is None for found in ranges):
        return None
    lows = [found[0] for found in ranges if found]
    highs = [found[1] for found in ranges if found]
    if method == "sum":
        return (sum(lows), sum(highs))
    if method == "min":
        return (min(lows), min(highs))
    if method in ("median", "ladder"):
        return (float(median(lows)), float(median(highs)))
    return (sum(lows) / len(lows), sum(highs) / len(highs))
