"""The report for the people who took part: two pages in plain words, in HTML or Markdown.

What was asked, what the room said, what the organisation has agreed to do
next and how to say more. It reads only a `SharedResult`, so it shows nothing
the privacy step held back, and never a name. It shows no scores: how people
responded to a finding is said in words ("Most people said this is true").
What is shown is capped, so the page always fits on two sides of A4.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from coprod_assess.i18n import N_, _, long_date, ngettext
from coprod_assess.report.language import passage_lang
from coprod_assess.report.templating import render
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.scoring.result import CheckedFinding, SharedResult, Tally
from coprod_assess.sensecheck.findings import main_findings

Format = Literal["html", "md"]
TEMPLATES: dict[str, str] = {"html": "participants.html.j2", "md": "participants.md.j2"}

# What fits on two sides of A4 at the report's type size, whatever the file holds: at
# most so many findings and next steps, and as many of them as fit in so many characters.
MOST_ASKED = 5
MOST_FINDINGS = 6
MOST_STEPS = 5
FINDINGS_FIT = 1500
STEPS_FIT = 600
LONGEST_FINDING = 320
LONGEST_STEP = 200
LONGEST_CONTACT = 160
LONGEST_NAME = 60
LONGEST_ASKED = 80

# What each built-in framework asks, in everyday words (translated where shown).
ASKED = {
    "arnstein-ladder": N_(
        "Who makes the decisions? How much say do people who use the service have?"
    ),
    "tlap-ladder": N_("Does the service do things to people, for them, or with them?"),
    "nef-six-principles": N_("Are people seen as having a lot to give? Does help go both ways?"),
    "hunter-ritchie-rules": N_(
        "Do staff work with people in fair, open ways? Do they believe in it?"
    ),
    "five-p-levers": N_("Where do power and money sit, and how much of it is shared?"),
}

# How people could respond to a finding, in the order told, as whole sentences: the room's
# main response ("this" is the finding), and a group's that differs ("But ... it ...").
# {who} is how many of them, in words: "most people", "all the staff".
SAID = {
    "yes": N_("{who} said this is true."),
    "partly": N_("{who} said this is partly true."),
    "no": N_("{who} said this is not true."),
    "not_sure": N_("{who} were not sure."),
}
BUT_SAID = {
    "yes": N_("But {who} said it is true."),
    "partly": N_("But {who} said it is partly true."),
    "no": N_("But {who} said it is not true."),
    "not_sure": N_("But {who} were not sure."),
}
# How many of a group, in words, by share: all, most, half, many, some.
HOW_MANY = {
    "people": {
        "all": N_("everyone"),
        "most": N_("most people"),
        "half": N_("half of the people"),
        "many": N_("many people"),
        "some": N_("some people"),
    },
    "lived": {
        "all": N_("all the people with lived experience"),
        "most": N_("most people with lived experience"),
        "half": N_("half of the people with lived experience"),
        "many": N_("many people with lived experience"),
        "some": N_("some people with lived experience"),
    },
    "professional": {
        "all": N_("all the staff"),
        "most": N_("most staff"),
        "half": N_("half of the staff"),
        "many": N_("many staff"),
        "some": N_("some staff"),
    },
}


@dataclass(frozen=True)
class Heard:
    """One finding, and how the room responded to it, in words."""

    text: str
    said: list[str] = field(default_factory=list)
    lang: str = ""  # HTML lang of the words, where they are not in the page's language


@dataclass(frozen=True)
class Asked:
    """What one framework asked, in everyday words, and its name ("" when the words are it)."""

    words: str
    name: str = ""


@dataclass(frozen=True)
class ParticipantsView:
    """Everything the participants' report shows."""

    organisation: str
    when: str
    met: str
    took_part: list[str]
    asked: list[Asked]
    more_asked: int
    checked: str
    findings: list[Heard]
    more_findings: int
    next_steps: list[str]
    more_steps: int
    contact: str
    privacy: str
    tool_version: str


def clip(text: str, most: int) -> str:
    """Text of at most `most` characters, cut at a space with "…" when it is longer."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[: most - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def when_words(date: str, period: str) -> str:
    """When it happened, to follow "We met": "on 22 November 2026" from an ISO date, else
    the date or "in" the period as written, or nothing."""
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        if date:
            return _("on {date}").format(date=clip(date, LONGEST_NAME))
        return _("in {period}").format(period=clip(period, LONGEST_NAME)) if period else ""
    return _("on {date}").format(date=long_date(day))


def met_words(date: str, period: str) -> str:
    """When it happened, in a sentence: "We met on 22 November 2026." (the date written out
    in the language in use), or on the date or in the period as written, or nothing."""
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        if date:
            return _("We met on {date}.").format(date=clip(date, LONGEST_NAME))
        if period:
            return _("We met in {period}.").format(period=clip(period, LONGEST_NAME))
        return ""
    return _("We met on {date}.").format(date=long_date(day))


def _took_part(shared: SharedResult) -> list[str]:
    mix = shared.respondents
    total = mix.people if mix.people is not None else mix.total
    lines = [ngettext("{n} person took part.", "{n} people took part.", total).format(n=total)]
    lived = mix.perspectives.get("lived", 0) + mix.lived_in_groups
    staff = mix.perspectives.get("professional", 0)
    if lived:
        lines.append(
            ngettext(
                "{n} of them uses the service, or cares for someone who does.",
                "{n} of them use the service, or care for someone who does.",
                lived,
            ).format(n=lived)
        )
    if staff:
        lines.append(
            ngettext(
                "{n} of them is staff, or works with the service.",
                "{n} of them are staff, or work with the service.",
                staff,
            ).format(n=staff)
        )
    return lines


def _how_many(count: int, total: int, group: str = "people") -> str:
    """How many of a group, in words: "everyone", "most people", "half of the staff"."""
    if count == total:
        share = "all"
    elif count * 2 > total:
        share = "most"
    elif count * 2 == total:
        share = "half"
    else:
        share = "many" if count * 3 >= total else "some"
    return _(HOW_MANY.get(group, HOW_MANY["people"])[share])


def _sentence(text: str) -> str:
    """A sentence with its first letter a capital."""
    return text[:1].upper() + text[1:]


# Where two responses tie, the one that questions the finding is said first: a tie must
# never read as agreement.
FIRST_IN_A_TIE = ("no", "partly", "yes", "not_sure")


def _counts(tally: Tally) -> list[tuple[str, int]]:
    """The responses given, most first (where they tie, the one that questions it)."""
    given = [(key, getattr(tally, key)) for key in FIRST_IN_A_TIE]
    return sorted((pair for pair in given if pair[1]), key=lambda pair: -pair[1])


def _main(tally: Tally, group: str = "people", but: bool = False) -> str:
    """The main response of a group in a sentence: "Most people said this is true.", or
    for a group apart from the room's, "But all the staff said it is not true."."""
    key, count = _counts(tally)[0]
    said = BUT_SAID if but else SAID
    return _sentence(_(said[key]).format(who=_how_many(count, tally.people, group)))


def said_words(finding: CheckedFinding) -> list[str]:
    """How the room responded to a finding, in words, never a number: the main response,
    the next one when the main one is not from most people, and each group shown apart
    whose main response was not the room's."""
    everyone = finding.everyone
    if everyone is None or everyone.people == 0:
        return [_("Too few people answered this for us to show what they said.")]
    found = _counts(everyone)
    said = [_main(everyone)]
    groups = [
        _main(tally, key, but=True)
        for key, tally in finding.perspectives.items()
        if tally.people and _counts(tally)[0][0] != found[0][0]
    ]
    if len(found) > 1 and found[0][1] * 2 <= everyone.people and not groups:
        key, count = found[1]
        said.append(_sentence(_(SAID[key]).format(who=_how_many(count, everyone.people))))
    return said + groups


def _asked(shared: SharedResult) -> list[Asked]:
    """Each framework's question in everyday words: the built-in ones' own, another's
    summary, or else its title alone."""
    asked = []
    for rubric in shared.rubrics:
        name = clip(rubric.title, LONGEST_NAME)
        words = _(ASKED[rubric.id]) if rubric.id in ASKED else clip(rubric.summary, LONGEST_ASKED)
        asked.append(Asked(words, name) if words else Asked(name))
    return asked


def _findings(shared: SharedResult, catalog: Catalog) -> tuple[list[Heard], str]:
    """The findings with how the room responded; those people with lived experience
    disputed first, so that they are never the ones left out to fit two pages."""
    check = shared.sense_check
    if check is not None and check.findings and check.people:
        ordered = sorted(
            check.findings,
            key=lambda finding: "lived" not in finding.disputed_by,
        )
        written = passage_lang(check.lang or "en")
        heard = [Heard(finding.text, said_words(finding), written) for finding in ordered]
        return heard, ngettext(
            "We showed the room what the answers said. We asked: does this match your "
            "experience? {n} person answered.",
            "We showed the room what the answers said. We asked: does this match your "
            "experience? {n} people answered.",
            check.people,
        ).format(n=check.people)
    if check is not None and check.findings:
        written = passage_lang(check.lang or "en")
        heard = [Heard(finding.text, [], written) for finding in check.findings]
    else:
        heard = [Heard(finding.text) for finding in main_findings(shared, catalog)]
    if not heard:
        return [], _(
            "Too few people answered for us to say more without showing what one person said."
        )
    return heard, _(
        "These are the main things the answers said. The room has not checked them yet."
    )


def _privacy(min_group: int) -> str:
    if min_group == 1:
        return _("This page may show what one person said. Do not hand it out.")
    return _(
        "This page shows no names. It shows what people said only when {n} or more of them "
        "answered."
    ).format(n=min_group)


def _fit(lengths: list[int], most: int, room: int) -> int:
    """How many of the first items, of these lengths, to show: at most `most`, and no more
    than fit in `room` characters together (but always the first)."""
    shown = used = 0
    for length in lengths[:most]:
        used += length
        if shown and used > room:
            break
        shown += 1
    return shown


def participants_view(shared: SharedResult, catalog: Catalog) -> ParticipantsView:
    """The participants' report, from what the privacy step let through. The catalog gives
    the words of the main findings when the room did not check them."""
    info = shared.assessment
    asked = _asked(shared)
    heard, checked = _findings(shared, catalog)
    heard = [Heard(clip(item.text, LONGEST_FINDING), item.said, item.lang) for item in heard]
    lengths = [len(item.text) + len(" ".join(item.said)) for item in heard]
    findings = heard[: _fit(lengths, MOST_FINDINGS, FINDINGS_FIT)]
    steps = [clip(step, LONGEST_STEP) for step in info.next_steps if step.strip()]
    shown_steps = steps[: _fit([len(step) for step in steps], MOST_STEPS, STEPS_FIT)]
    return ParticipantsView(
        organisation=clip(info.organisation, LONGEST_NAME),
        when=when_words(info.date, info.period),
        met=met_words(info.date, info.period),
        took_part=_took_part(shared),
        asked=asked[:MOST_ASKED],
        more_asked=max(0, len(asked) - MOST_ASKED),
        checked=checked,
        findings=findings,
        more_findings=len(heard) - len(findings),
        next_steps=shown_steps,
        more_steps=len(steps) - len(shown_steps),
        contact=clip(info.contact, LONGEST_CONTACT),
        privacy=_privacy(shared.min_group),
        tool_version=shared.tool_version,
    )


def render_participants(
    shared: SharedResult,
    catalog: Catalog,
    output_format: Format = "html",
    *,
    template_dir: Path | None = None,
) -> str:
    """The participants' report text, from what the privacy step let through."""
    view = participants_view(shared, catalog)
    return render(output_format, TEMPLATES[output_format], {"report": view}, template_dir)
