"""What a report shows of the sense-check: how the room responded to each finding.

It reads only the shared sense-check (what the privacy step let through).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_assess.scoring.result import SenseCheckResult, Tally
from coprod_assess.wording import PEOPLE, count_words, perspective_name

ONE_OR_MANY = {
    "lived": ("person with lived experience", "people with lived experience"),
    "professional": ("professional", "professionals"),
}
MOSTLY = 0.75  # agreement at or above this: most said it matches


def response_words(tally: Tally) -> str:
    """How a group responded, in words: most said it matches, mixed, or disputed."""
    agreement = tally.agreement()
    if agreement is None:
        return "Nobody was sure"
    if agreement >= MOSTLY:
        return "Most said it matches their experience"
    if agreement >= 0.5:
        return "Views were mixed"
    return "Disputed: most said it does not match their experience"


@dataclass
class CheckRow:
    """One group's responses to one finding."""

    group: str
    tally: Tally
    words: str


@dataclass
class CheckedView:
    """One finding, how the room responded, and the comments."""

    id: str
    text: str
    rows: list[CheckRow]
    hidden: str
    disputed_by: list[str]
    comments: list[tuple[str, str]]  # text, who


@dataclass
class SenseCheckView:
    """The sense-check as a report shows it."""

    people: str
    drawn: str
    findings: list[CheckedView]
    withheld: list[str]
    disputed_lived: list[str] = field(default_factory=list)
    disputed_all: list[str] = field(default_factory=list)


def _group(key: str) -> str:
    return "Everyone" if key == "everyone" else perspective_name(key)


def sense_check_view(
    check: SenseCheckResult | None, min_group: int, total: int
) -> SenseCheckView | None:
    """The sense-check part of a report, or None when the room did not check the findings."""
    if check is None or not check.findings:
        return None
    findings = []
    for finding in check.findings:
        groups = {"everyone": finding.everyone} if finding.everyone else {}
        groups.update(finding.perspectives)
        rows = [
            CheckRow(_group(key), tally, response_words(tally)) for key, tally in groups.items()
        ]
        hidden = (
            ""
            if finding.everyone
            else f"Fewer than {min_group} people responded to this finding: their responses "
            "are not shown."
        )
        findings.append(
            CheckedView(
                id=finding.id,
                text=finding.text,
                rows=rows,
                hidden=hidden,
                disputed_by=[
                    "everyone" if key == "everyone" else PEOPLE.get(key, key)
                    for key in finding.disputed_by
                ],
                comments=[
                    (
                        comment.text,
                        "Someone with lived experience"
                        if comment.perspective == "lived"
                        else "A professional"
                        if comment.perspective == "professional"
                        else "Someone in the room",
                    )
                    for comment in finding.comments
                ],
            )
        )
    mix = ", ".join(
        count_words(count, *ONE_OR_MANY[key])
        for key, count in check.perspectives.items()
        if key in ONE_OR_MANY
    )
    people = (
        count_words(check.people, "person", "people")
        + " checked the findings"
        + (f" ({mix})" if mix else "")
        + "."
    )
    drawn = ""
    if check.drawn_from is not None and check.drawn_from != total:
        drawn = (
            f"The findings were drawn from {count_words(check.drawn_from, 'person', 'people')}'s "
            f"answers; the report now counts {total}. The findings below are as the room saw them."
        )
    return SenseCheckView(
        people=people,
        drawn=drawn,
        findings=findings,
        withheld=list(check.withheld),
        disputed_lived=[f.text for f in check.findings if "lived" in f.disputed_by],
        disputed_all=[
            f.text
            for f in check.findings
            if "everyone" in f.disputed_by and "lived" not in f.disputed_by
        ],
    )


def sense_check_sentences(view: SenseCheckView | None) -> list[str]:
    """For the summary: which findings the room, and above all people with lived
    experience, did not recognise. Named here, not left in a section further down."""
    if view is None:
        return []
    lines = [view.people.removesuffix(".") + ", saying whether each matches their experience."]
    if view.disputed_lived:
        listed = " ".join(f"“{text}”" for text in view.disputed_lived)
        lines.append(
            "People with lived experience disputed "
            f"{count_words(len(view.disputed_lived), 'finding', 'findings')}: {listed}"
        )
    if view.disputed_all:
        listed = " ".join(f"“{text}”" for text in view.disputed_all)
        lines.append(
            f"The room disputed {count_words(len(view.disputed_all), 'finding', 'findings')}: "
            f"{listed}"
        )
    if not view.disputed_lived and not view.disputed_all:
        lines.append("No finding was disputed by any group large enough to show.")
    return lines
