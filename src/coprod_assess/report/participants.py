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

# What each built-in framework asks, in everyday words.
ASKED = {
    "arnstein-ladder": "Who makes the decisions? How much say do people who use the service have?",
    "tlap-ladder": "Does the service do things to people, for them, or with them?",
    "nef-six-principles": "Are people seen as having a lot to give? Does help go both ways?",
    "hunter-ritchie-rules": "Do staff work with people in fair, open ways? Do they believe in it?",
    "five-p-levers": "Where do power and money sit, and how much of it is shared?",
}

# How people could respond to a finding, in the order told, and what that was in words
# ("this" or "it" for the finding).
SAID = {
    "yes": "said {} is true",
    "partly": "said {} is partly true",
    "no": "said {} is not true",
    "not_sure": "were not sure",
}
GROUPS = {"lived": "people with lived experience", "professional": "staff"}
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Heard:
    """One finding, and how the room responded to it, in words."""

    text: str
    said: list[str] = field(default_factory=list)


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
            return f"on {clip(date, LONGEST_NAME)}"
        return f"in {clip(period, LONGEST_NAME)}" if period else ""
    return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"


def _took_part(shared: SharedResult) -> list[str]:
    mix = shared.respondents
    total = mix.people if mix.people is not None else mix.total
    lines = [f"{total} {'person' if total == 1 else 'people'} took part."]
    lived = mix.perspectives.get("lived", 0) + mix.lived_in_groups
    staff = mix.perspectives.get("professional", 0)
    if lived:
        one = lived == 1
        lines.append(
            f"{lived} of them {'uses' if one else 'use'} the service, "
            f"or {'cares' if one else 'care'} for someone who does."
        )
    if staff:
        lines.append(
            f"{staff} of them {'is' if staff == 1 else 'are'} staff, "
            f"or {'works' if staff == 1 else 'work'} with the service."
        )
    return lines


def _how_many(count: int, total: int, group: str = "people") -> str:
    """How many of a group, in words: "Everyone", "Most people", "Half of the staff"."""
    if count == total:
        return "Everyone" if group == "people" else f"All the {group}"
    if count * 2 > total:
        return f"Most {group}"
    if count * 2 == total:
        return f"Half of the {group}"
    return f"Many {group}" if count * 3 >= total else f"Some {group}"


# Where two responses tie, the one that questions the finding is said first: a tie must
# never read as agreement.
FIRST_IN_A_TIE = ("no", "partly", "yes", "not_sure")


def _counts(tally: Tally) -> list[tuple[str, int]]:
    """The responses given, most first (where they tie, the one that questions it)."""
    given = [(key, getattr(tally, key)) for key in FIRST_IN_A_TIE]
    return sorted((pair for pair in given if pair[1]), key=lambda pair: -pair[1])


def _main(tally: Tally, group: str = "people", finding: str = "this") -> str:
    """The main response of a group in a sentence: "Most people said this is true"."""
    key, count = _counts(tally)[0]
    return f"{_how_many(count, tally.people, group)} {SAID[key].format(finding)}."


def said_words(finding: CheckedFinding) -> list[str]:
    """How the room responded to a finding, in words, never a number: the main response,
    the next one when the main one is not from most people, and each group shown apart
    whose main response was not the room's."""
    everyone = finding.everyone
    if everyone is None or everyone.people == 0:
        return ["Too few people answered this for us to show what they said."]
    found = _counts(everyone)
    said = [_main(everyone)]
    groups = [
        _main(tally, GROUPS.get(key, key), "it")
        for key, tally in finding.perspectives.items()
        if tally.people and _counts(tally)[0][0] != found[0][0]
    ]
    if len(found) > 1 and found[0][1] * 2 <= everyone.people and not groups:
        key, count = found[1]
        said.append(f"{_how_many(count, everyone.people)} {SAID[key].format('this')}.")
    return said + [f"But {line[:1].lower()}{line[1:]}" for line in groups]


def _asked(shared: SharedResult) -> list[Asked]:
    """Each framework's question in everyday words: the built-in ones' own, another's
    summary, or else its title alone."""
    asked = []
    for rubric in shared.rubrics:
        name = clip(rubric.title, LONGEST_NAME)
        words = ASKED.get(rubric.id) or clip(rubric.summary, LONGEST_ASKED)
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
        heard = [Heard(finding.text, said_words(finding)) for finding in ordered]
        people = f"{check.people} {'person' if check.people == 1 else 'people'}"
        return heard, (
            "We showed the room what the answers said. We asked: does this match your "
            f"experience? {people} answered."
        )
    if check is not None and check.findings:
        heard = [Heard(finding.text) for finding in check.findings]
    else:
        heard = [Heard(finding.text) for finding in main_findings(shared, catalog)]
    if not heard:
        return [], (
            "Too few people answered for us to say more without showing what one person said."
        )
    return heard, "These are the main things the answers said. The room has not checked them yet."


def _privacy(min_group: int) -> str:
    if min_group == 1:
        return "This page may show what one person said. Do not hand it out."
    return (
        f"This page shows no names. It shows what people said only when {min_group} "
        "or more of them answered."
    )


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
    heard = [Heard(clip(item.text, LONGEST_FINDING), item.said) for item in heard]
    lengths = [len(item.text) + len(" ".join(item.said)) for item in heard]
    findings = heard[: _fit(lengths, MOST_FINDINGS, FINDINGS_FIT)]
    steps = [clip(step, LONGEST_STEP) for step in info.next_steps if step.strip()]
    shown_steps = steps[: _fit([len(step) for step in steps], MOST_STEPS, STEPS_FIT)]
    return ParticipantsView(
        organisation=clip(info.organisation, LONGEST_NAME),
        when=when_words(info.date, info.period),
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
