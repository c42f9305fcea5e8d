"""The report's summary: where the organisation stands and what matters most, in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_assess.i18n import _, ngettext
from coprod_assess.report.numbers import number, percent
from coprod_assess.wording import (
    and_words,
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
        parts.append(
            _("{n} with lived experience of the services").format(n=mix["lived"]),
        )
    if mix.get("professional"):
        parts.append(
            ngettext("{n} professional", "{n} professionals", mix["professional"]).format(
                n=mix["professional"]
            )
        )
    if mix.get("none"):
        parts.append(_("{n} answering as a group or in another role").format(n=mix["none"]))
    if shared.respondents.lived_in_groups:
        parts.append(
            _("{n} more with lived experience in groups").format(
                n=shared.respondents.lived_in_groups
            )
        )
    total = shared.respondents.total
    if not parts:
        return ngettext("{n} person answered.", "{n} people answered.", total).format(n=total)
    return ngettext("{n} person answered: {who}.", "{n} people answered: {who}.", total).format(
        n=total, who=", ".join(parts)
    )


def _rubric_sentence(rubric: RubricResult) -> str:
    everyone = rubric.scores.everyone
    if everyone.status == "withheld":
        return _("{framework}: not shown, because too few people answered.").format(
            framework=rubric.title
        )
    if everyone.value is None:
        return _(
            "{framework}: not enough answers to give a score ({percent} of the questions "
            "were answered)."
        ).format(framework=rubric.title, percent=percent(everyone.coverage))
    ladder = rubric.ladder
    if ladder is not None and ladder.typical is not None:
        typical = ladder.typical.value
        group = rung_group_words(typical, ladder.rungs).lower()
        place = rung_words(typical, ladder.rungs)
        if group:
            text = _("On {framework}, decisions typically sit at {place}, which is {group}.")
        else:
            text = _("On {framework}, decisions typically sit at {place}.")
        text = text.format(framework=rubric.title, place=place, group=group)
        if ladder.weakest:
            areas = and_words([a.title.lower() for a in ladder.weakest])
            lowest = rung_words(ladder.weakest[0].rung.value, ladder.rungs)
            text += " " + ngettext(
                "Power is only as strong as its weakest link: {areas} sits lowest, at {place}.",
                "Power is only as strong as its weakest link: {areas} sit lowest, at {place}.",
                len(ladder.weakest),
            ).format(areas=areas, place=lowest)
        return text
    low, high = rubric.range
    fields = {
        "framework": rubric.title,
        "value": number(everyone.value),
        "scale": scale_words(low, high),
        "percent": percent(everyone.percent),
        "band": (everyone.band or "").lower(),
    }
    if everyone.band:
        return _("{framework}: {value} {scale} ({percent} of the range, {band}).").format(**fields)
    return _("{framework}: {value} {scale} ({percent} of the range).").format(**fields)


def _gap_sentence(view: ReportView) -> str:
    if not view.gaps:
        return view.perspectives_hidden
    average = sum(row.gap for row in view.gaps) / len(view.gaps)
    if abs(average) < 5:
        return _(
            "People with lived experience and professionals see things much the same, on average."
        )
    largest = view.gaps[0]
    fields = {
        "points": points_words(abs(average)),
        "dimension": largest.dimension.lower(),
        "framework": largest.rubric,
        "professional": percent(largest.professional),
        "lived": percent(largest.lived),
    }
    if average > 0:
        text = _(
            "Professionals rate co-production {points} higher than people with lived "
            "experience, on average. The largest gap is on {dimension} ({framework}): "
            "{professional} against {lived}."
        )
    else:
        text = _(
            "Professionals rate co-production {points} lower than people with lived "
            "experience, on average. The largest gap is on {dimension} ({framework}): "
            "{professional} against {lived}."
        )
    return text.format(**fields)


def summary_sentences(shared: SharedResult, view: ReportView) -> list[str]:
    """Short paragraphs: who answered, each framework, the two perspectives, flags, priorities."""
    info = shared.assessment
    if info.organisation and info.period:
        opening = _("{organisation} assessed how real its co-production is in {period}.")
    elif info.organisation:
        opening = _("{organisation} assessed how real its co-production is.")
    elif info.period:
        opening = _("This organisation assessed how real its co-production is in {period}.")
    else:
        opening = _("This organisation assessed how real its co-production is.")
    opening = opening.format(organisation=info.organisation, period=info.period)
    paragraphs = [f"{opening} {_who(shared)}"]
    paragraphs += [_rubric_sentence(rubric) for rubric in shared.rubrics]
    paragraphs.append(_gap_sentence(view))
    if shared.flags:
        titles = "; ".join(flag.title.lower() for flag in shared.flags)
        paragraphs.append(
            ngettext(
                "{n} warning sign came up: {titles}.",
                "{n} warning signs came up: {titles}.",
                len(shared.flags),
            ).format(n=len(shared.flags), titles=titles)
        )
    else:
        paragraphs.append(_("None of the warning signs came up."))
    if shared.unchecked_flags:
        paragraphs.append(
            ngettext(
                "{n} warning sign could not be checked, because it needs scores of groups "
                "too small to show.",
                "{n} warning signs could not be checked, because they need scores of groups "
                "too small to show.",
                len(shared.unchecked_flags),
            ).format(n=len(shared.unchecked_flags))
        )
    if view.priorities:
        first = view.priorities[0]
        paragraphs.append(
            _(
                "What matters most: start with {dimension} ({framework}), the lowest score. "
                "The priorities below suggest what to do."
            ).format(dimension=first.title.lower(), framework=first.rubric)
        )
    return paragraphs
