"""Plain-English descriptions of how a rubric is scored, for `rubric show` and reports."""

from __future__ import annotations

from coprod_assess.i18n import N_, _
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.ranges import rubric_range

_METHODS = {
    "mean": N_(
        "Each dimension scores the weighted average of its questions; the rubric scores "
        "the average of its dimensions."
    ),
    "median": N_(
        "Each dimension scores the weighted average of its questions; the rubric scores "
        "the middle value (median) of its dimensions."
    ),
    "min": N_(
        "Each dimension scores the weighted average of its questions; the rubric scores "
        "its weakest dimension, because a chain is as strong as its weakest link."
    ),
    "sum": N_(
        "Each dimension scores the weighted total of its questions; the rubric scores the "
        "total of its dimensions. A skipped question counts as the average of the answered "
        "ones, so totals stay comparable."
    ),
    "ladder": N_(
        "Each decision area is placed on a rung of the ladder; the rubric reports the "
        "typical (median) rung, and the weakest and strongest areas."
    ),
    "checklist": N_(
        "The rubric scores the share of questions, in percent, whose answer is at "
        "or above the threshold."
    ),
}


def explain_method(rubric: Rubric) -> str:
    """One or two sentences on how the rubric turns answers into scores."""
    scoring = rubric.scoring
    return explain(scoring.method, rubric_range(rubric), scoring.threshold)


def explain(method: str, possible: tuple[float, float] | None, threshold: float | None) -> str:
    """How a method turns answers into scores, with the threshold and range where known."""
    text = _(_METHODS[method])
    if method == "checklist" and threshold is not None:
        text += " " + _("The threshold is {threshold}.").format(threshold=f"{threshold:g}")
    if possible is not None:
        text += " " + _("Scores run from {low} to {high}.").format(
            low=f"{possible[0]:g}", high=f"{possible[1]:g}"
        )
    return text
