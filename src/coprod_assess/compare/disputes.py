"""What became of the findings the room disputed last time: still disputed, no longer, or
not checked this time; and the findings disputed for the first time."""

from __future__ import annotations

from typing import Literal

from coprod_assess.i18n import N_, _
from coprod_assess.scoring.result import CheckedFinding, ResultModel, SharedResult
from coprod_assess.wording import and_words, people_name

Now = Literal["still", "no-longer", "not-checked", "new"]
# What became of a finding, a whole sentence each: {who} disputed it, {finding} is its words.
NOW_WORDS = {
    "still": N_("Still disputed by {who}: {finding}"),
    "no-longer": N_("No longer disputed (last time by {who}): {finding}"),
    "not-checked": N_("Not checked this time (last time by {who}): {finding}"),
    "new": N_("Newly disputed by {who}: {finding}"),
}


class Dispute(ResultModel):
    """A finding disputed in one of the two assessments, and what it is in the other."""

    id: str
    text: str
    now: Now
    by_then: list[str]
    by_now: list[str]

    def words(self) -> str:
        """Still disputed by people with lived experience: <the finding>."""
        by = self.by_now if self.now in ("still", "new") else self.by_then
        who = and_words([_("the room") if g == "everyone" else people_name(g) for g in by])
        return _(NOW_WORDS[self.now]).format(who=who, finding=self.text)


def _findings(result: SharedResult) -> dict[str, CheckedFinding]:
    check = result.sense_check
    return {f.id: f for f in check.findings} if check else {}


def _shown(finding: CheckedFinding, group: str) -> bool:
    """Whether a group's responses to the finding are shown: everyone, or one side."""
    if group == "everyone":
        return finding.everyone is not None
    return group in finding.perspectives


def disputes(old: SharedResult, new: SharedResult) -> list[Dispute]:
    """Last time's disputed findings first, in their order, then the newly disputed ones."""
    before, after = _findings(old), _findings(new)
    found = []
    for finding in before.values():
        if not finding.disputed_by:
            continue
        later = after.get(finding.id)
        # Only a group shown this time can say whether it still disputes the finding.
        seen = [g for g in finding.disputed_by if later is not None and _shown(later, g)]
        if not seen or later is None:
            now: Now = "not-checked"
        else:
            now = "still" if any(g in later.disputed_by for g in seen) else "no-longer"
        found.append(
            Dispute(
                id=finding.id,
                text=later.text if later else finding.text,
                now=now,
                by_then=finding.disputed_by,
                by_now=[g for g in seen if later and g in later.disputed_by],
            )
        )
    for finding in after.values():
        earlier = before.get(finding.id)
        if finding.disputed_by and not (earlier and earlier.disputed_by):
            found.append(
                Dispute(
                    id=finding.id,
                    text=finding.text,
                    now="new",
                    by_then=[],
                    by_now=finding.disputed_by,
                )
            )
    return found
