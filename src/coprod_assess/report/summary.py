"""The report's summary: where the organisation stands and what matters most, in plain English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_assess.report.numbers import number, percent
from coprod_assess.wording import (
    count_words,
    points_words,
    rung_group_words,
    rung_words,
    scale_words,
)

if TYPE_CHECKING:
    from coprod_assess.report.view import ReportView
    from coprod_assess.scoring.result import RubricResult, SharedResult


def _who(shared: SharedResult) -> str:
    mix = shared.respondents.perspectives
    parts = []
    if mix.get("lived"):
        parts.append(f"{mix['lived']} with lived experience of the services")
    if mix.get("professional"):
        parts.append(count_words(mix["professional"], "professional", "professionals"))
    if mix.get("none"):
        parts.append(f"{mix['none']} answering as a group or in another role")
    if shared.respondents.lived_in_groups:
        parts.append(f"{shared.respondents.lived_in_groups} more with lived experience in groups")
    total = count_words(shared.respondents.total, "person", "people")
    return f"{total} answered" + (f": {', '.join(parts)}." if parts else ".")


def _rubric_sentence(rubric: RubricResult) -> str:
    everyone = rubric.scores.everyone
    if everyone.status == "withheld":
        return f"{rubric.title}: not shown, because too few people answered."
    if everyone.value is None:
        return (
            f"{rubric.title}: not enough answers to give a score "
            f"({percent(everyone.coverage)} of the questions were answered)."
        )
    ladder = rubric.ladder
    if ladder is not None and ladder.typical is not None:
        typical = ladder.typical.value
        group = rung_group_words(typical, ladder.rungs).lower()
        which = f", which is {group}" if group else ""
        text = (
            f"On {rubric.title}, decisions typically sit at "
            f"{rung_words(typical, ladder.rungs)}{which}."
        )
        if ladder.weakest:
            areas = " and ".join(a.title.lower() for a in ladder.weakest)
            lowest = rung_words(ladder.weakest[0].rung.value, ladder.rungs)
            text += (
                f" Power is only as strong as its weakest link: {areas} "
                f"{'sits' if len(ladder.weakest) == 1 else 'sit'} lowest, at {lowest}."
            )
        return text
    low, high = rubric.range
    band = f", {everyone.band.lower()}" if everyone.band else ""
    scale = scale_words(low, high)
    return (
        f"{rubric.title}: {number(everyone.value)} {scale} "
        f"({percent(everyone.percent)} of the range{band})."
    )


def _gap_sentence(view: ReportView) -> str:
    if not view.gaps:
        return view.perspectives_hidden
    average = sum(row.gap for row in view.gaps) / len(view.gaps)
    if abs(average) < 5:
        return (
            "People with lived experience and professionals see things much the same, on average."
        )
    higher = "higher" if average > 0 else "lower"
    largest = view.gaps[0]
    return (
        f"Professionals rate co-production {points_words(abs(average))} {higher} than people "
        f"with lived experience, on average. The largest gap is on {largest.dimension.lower()} "
        f"({largest.rubric}): {percent(largest.professional)} against "
        f"{percent(largest.lived)}."
    )


def summary_sentences(shared: SharedResult, view: ReportView) -> list[str]:
    """Short paragraphs: who answered, each framework, the two perspectives, flags, priorities."""
    info = shared.assessment
    organisation = info.organisation or "This organisation"
    when = f" in {info.period}" if info.period else ""
    paragraphs = [f"{organisation} assessed how real its co-production is{when}. {_who(shared)}"]
    paragraphs += [_rubric_sentence(rubric) for rubric in shared.rubrics]
    paragraphs.append(_gap_sentence(view))
    if shared.flags:
        titles = "; ".join(flag.title.lower() for flag in shared.flags)
        came = count_words(len(shared.flags), "warning sign came", "warning signs came")
        paragraphs.append(f"{came} up: {titles}.")
    else:
        paragraphs.append("None of the warning signs came up.")
    if shared.unchecked_flags:
        paragraphs.append(
            f"{count_words(len(shared.unchecked_flags), 'warning sign', 'warning signs')} "
            "could not be checked, because they need scores of groups too small to show."
        )
    if view.priorities:
        first = view.priorities[0]
        paragraphs.append(
            f"What matters most: start with {first.title.lower()} ({first.rubric}), "
            "the lowest score. The priorities below suggest what to do."
        )
    return paragraphs
