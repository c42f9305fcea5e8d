"""What a report shows of the sense-check: how the room responded to each finding.

It reads only the shared sense-check (what the privacy step let through).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_assess.i18n import _, ngettext
from coprod_assess.report.language import passage_lang
from coprod_assess.scoring.result import SenseCheckResult, Tally
from coprod_assess.wording import and_words, people_name, perspective_name

MOSTLY = 0.75  # agreement at or above this: most said it matches


def _mix_part(key: str, count: int) -> str:
    if key == "lived":
        return ngettext(
            "{n} person with lived experience", "{n} people with lived experience", count
        ).format(n=count)
    return ngettext("{n} professional", "{n} professionals", count).format(n=count)


def response_words(tally: Tally) -> str:
    """How a group responded, in words: most said it matches, mixed, or disputed."""
    agreement = tally.agreement()
    if agreement is None:
        return _("Nobody was sure")
    if agreement >= MOSTLY:
        return _("Most said it matches their experience")
    if agreement >= 0.5:
        return _("Views were mixed")
    return _("Disputed: most said it does not match their experience")


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
    comments: list[tuple[str, str, str]]  # text, who, HTML lang ("" for the report's own)
    lang: str = ""  # the finding's words' HTML lang ("" for the report's own)

    @property
    def disputed_words(self) -> str:
        """Disputed by people with lived experience and everyone."""
        return _("Disputed by {who}.").format(who=and_words(self.disputed_by))


@dataclass
class SenseCheckView:
    """The sense-check as a report shows it."""

    people: str
    saying: str  # the same, for the summary: saying whether each matches their experience
    drawn: str
    findings: list[CheckedView]
    withheld: list[str]
    disputed_lived: list[str] = field(default_factory=list)
    disputed_all: list[str] = field(default_factory=list)


def _group(key: str) -> str:
    return _("Everyone") if key == "everyone" else perspective_name(key)


def _commenter(perspective: str | None) -> str:
    if perspective == "lived":
        return _("Someone with lived experience")
    if perspective == "professional":
        return _("A professional")
    return _("Someone in the room")


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
            else _(
                "Fewer than {n} people responded to this finding: their responses are not shown."
            ).format(n=min_group)
        )
        findings.append(
            CheckedView(
                id=finding.id,
                text=finding.text,
                rows=rows,
                hidden=hidden,
                disputed_by=[
                    _("everyone") if key == "everyone" else people_name(key)
                    for key in finding.disputed_by
                ],
                comments=[
                    (comment.text, _commenter(comment.perspective), passage_lang(comment.lang))
                    for comment in finding.comments
                ],
                lang=passage_lang(check.lang or "en"),
            )
        )
    mix = ", ".join(
        _mix_part(key, count)
        for key, count in check.perspectives.items()
        if key in ("lived", "professional")
    )
    if mix:
        people = ngettext(
            "{n} person checked the findings ({mix}).",
            "{n} people checked the findings ({mix}).",
            check.people,
        ).format(n=check.people, mix=mix)
        saying = ngettext(
            "{n} person checked the findings ({mix}), saying whether each matches their "
            "experience.",
            "{n} people checked the findings ({mix}), saying whether each matches their "
            "experience.",
            check.people,
        ).format(n=check.people, mix=mix)
    else:
        people = ngettext(
            "{n} person checked the findings.", "{n} people checked the findings.", check.people
        ).format(n=check.people)
        saying = ngettext(
            "{n} person checked the findings, saying whether each matches their experience.",
            "{n} people checked the findings, saying whether each matches their experience.",
            check.people,
        ).format(n=check.people)
    drawn = ""
    if check.drawn_from is not None and check.drawn_from != total:
        drawn = ngettext(
            "The findings were drawn from {n} person's answers; the report now counts {total}. "
            "The findings below are as the room saw them.",
            "The findings were drawn from {n} people's answers; the report now counts {total}. "
            "The findings below are as the room saw them.",
            check.drawn_from,
        ).format(n=check.drawn_from, total=total)
    return SenseCheckView(
        people=people,
        saying=saying,
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
    lines = [view.saying]
    if view.disputed_lived:
        count = len(view.disputed_lived)
        lines.append(
            ngettext(
                "People with lived experience disputed {n} finding: {findings}",
                "People with lived experience disputed {n} findings: {findings}",
                count,
            ).format(n=count, findings=_quoted(view.disputed_lived))
        )
    if view.disputed_all:
        count = len(view.disputed_all)
        lines.append(
            ngettext(
                "The room disputed {n} finding: {findings}",
                "The room disputed {n} findings: {findings}",
                count,
            ).format(n=count, findings=_quoted(view.disputed_all))
        )
    if not view.disputed_lived and not view.disputed_all:
        lines.append(_("No finding was disputed by any group large enough to show."))
    return lines


def _quoted(texts: list[str]) -> str:
    """Findings in quotation marks, one after another."""
    return " ".join(_("“{text}”").format(text=text) for text in texts)
