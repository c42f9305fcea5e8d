"""The privacy step for the sense-check: what may be shown of the room's responses.

A finding's responses are shown only when at least `min_group` people gave
them. They are split into lived experience and professional only where each
part shown has at least `min_group` people and what is left over (the other
side, groups, other roles) is nobody or at least `min_group` people too, so no
small group can be worked out by subtraction. A comment names a perspective
only where that perspective's responses are shown, and if one comment on a
finding cannot, none does.
"""

from __future__ import annotations

from collections.abc import Mapping

from coprod_assess.i18n import _, ngettext
from coprod_assess.privacy.languages import lang_if_shown, shown_languages
from coprod_assess.scoring.result import CheckComment, CheckedFinding, SenseCheckResult, Tally

SPLIT = ("lived", "professional")  # the perspectives a sense-check is shown by


def safe_split(counts: Mapping[str, int], total: int, min_group: int) -> list[str]:
    """The perspectives that may be shown apart: each from `min_group` people or more,
    leaving nobody or `min_group` people or more in the rest. Lived experience first."""
    shown: list[str] = []
    rest = total
    for key in SPLIT:
        count = counts.get(key, 0)
        if count >= min_group and (rest - count == 0 or rest - count >= min_group):
            shown.append(key)
            rest -= count
    return shown


def _finding(finding: CheckedFinding, min_group: int) -> CheckedFinding:
    everyone = finding.everyone
    if everyone is None or everyone.people < min_group:
        everyone, perspectives = None, {}
    else:
        counts = {key: tally.people for key, tally in finding.perspectives.items()}
        keep = safe_split(counts, everyone.people, min_group)
        perspectives = {key: finding.perspectives[key] for key in keep}
    # Each comment counts as a writer of its own: one Welsh comment among English ones,
    # marked, would point at the one Welsh speaker.
    langs = shown_languages(enumerate(c.lang for c in finding.comments), min_group)
    comments = [
        CheckComment(
            text=comment.text,
            perspective=comment.perspective if comment.perspective in perspectives else None,
            lang=lang_if_shown(comment.lang, langs),
        )
        for comment in finding.comments
    ]
    if any(comment.perspective is None for comment in comments):
        comments = [CheckComment(text=comment.text, lang=comment.lang) for comment in comments]
    shown: dict[str, Tally] = {"everyone": everyone} if everyone else {}
    shown.update(perspectives)
    return CheckedFinding(
        id=finding.id,
        text=finding.text,
        everyone=everyone,
        perspectives=perspectives,
        disputed_by=[key for key, tally in shown.items() if tally.disputed()],
        comments=sorted(comments, key=lambda c: (c.text, c.perspective or "")),
    )


def _lines(shared: list[CheckedFinding], min_group: int, apart_withheld: set[str]) -> list[str]:
    if min_group == 1:
        return [
            _("Every response is shown, even from one person (--min-group 1). Do not share it.")
        ]
    lines = []
    hidden = sum(1 for finding in shared if finding.everyone is None)
    if hidden:
        lines.append(
            ngettext(
                "Responses to {count} finding are not shown: fewer than {min_group} people "
                "responded.",
                "Responses to {count} findings are not shown: fewer than {min_group} people "
                "responded.",
                hidden,
            ).format(count=hidden, min_group=min_group)
        )
    unsplit = sum(1 for finding in shared if finding.id in apart_withheld)
    if unsplit:
        lines.append(
            ngettext(
                "For {count} finding, lived experience and professional responses are not "
                "shown apart: each side, and everyone else, needs at least {min_group} people, "
                "so that no smaller group can be worked out by subtraction.",
                "For {count} findings, lived experience and professional responses are not "
                "shown apart: each side, and everyone else, needs at least {min_group} people, "
                "so that no smaller group can be worked out by subtraction.",
                unsplit,
            ).format(count=unsplit, min_group=min_group)
        )
    return lines


def share_sense_check(
    check: SenseCheckResult, min_group: int, drawable: set[str]
) -> SenseCheckResult:
    """What may be shown of the sense-check for `min_group` (see the module's rules).

    Findings drawn at a lower threshold than `min_group` are kept only if this result
    would draw them too (`drawable`, their ids): the words of the others could tell what
    this report withholds, such as the side of a gap too small to show."""
    lower = check.min_group is None or check.min_group < min_group
    kept = [f for f in check.findings if not lower or f.id in drawable]
    findings = [_finding(finding, min_group) for finding in kept]
    keep = safe_split(check.perspectives, check.people, min_group)
    return SenseCheckResult(
        date=check.date,
        drawn_from=check.drawn_from,
        people=check.people,
        perspectives={key: check.perspectives[key] for key in keep},
        findings=findings,
        min_group=max(min_group, check.min_group or 1),
        lang=check.lang,
        withheld=_left_out(len(check.findings) - len(kept), check.min_group, min_group)
        + _lines(findings, min_group, _split_withheld(kept, findings)),
    )


def _split_withheld(full: list[CheckedFinding], shown: list[CheckedFinding]) -> set[str]:
    """Findings shown whose lived experience or professional responses were left out."""
    return {
        before.id
        for before, after in zip(full, shown, strict=True)
        if after.everyone is not None
        and any(
            key in SPLIT and tally.people and key not in after.perspectives
            for key, tally in before.perspectives.items()
        )
    }


def _left_out(count: int, drawn_at: int | None, min_group: int) -> list[str]:
    if not count:
        return []
    if drawn_at:
        line = ngettext(
            "{count} finding the room checked is not shown: it was drawn with --min-group "
            "{drawn_at}, and would tell more than this report may show with --min-group "
            "{min_group}.",
            "{count} findings the room checked are not shown: they were drawn with --min-group "
            "{drawn_at}, and would tell more than this report may show with --min-group "
            "{min_group}.",
            count,
        )
    else:
        line = ngettext(
            "{count} finding the room checked is not shown: it was drawn by hand or at a lower "
            "threshold, and would tell more than this report may show with --min-group "
            "{min_group}.",
            "{count} findings the room checked are not shown: they were drawn by hand or at a "
            "lower threshold, and would tell more than this report may show with --min-group "
            "{min_group}.",
            count,
        )
    return [line.format(count=count, drawn_at=drawn_at, min_group=min_group)]
