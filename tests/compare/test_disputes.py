"""Last year's disputed findings: still disputed, no longer, not checked; and new ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from typer.testing import Result

from coprod_assess.compare.disputes import disputes
from coprod_assess.scoring.result import (
    CheckedFinding,
    SenseCheckResult,
    SharedResult,
    Tally,
)
from tests.compare.conftest import YEAR_2026, score

AGREE = Tally(yes=3)
DISAGREE = Tally(no=3)


def checked(**findings: Any) -> SharedResult:
    """The 2026 assessment with a sense-check of these findings: id=(everyone, disputed_by),
    with lived experience shown apart (the same tally) unless a third item says hidden."""
    base = score(YEAR_2026)
    return base.model_copy(
        update={
            "sense_check": SenseCheckResult(
                people=6,
                findings=[
                    CheckedFinding(
                        id=key.replace("__", "/"),
                        text=f"Finding {key}",
                        everyone=tally,
                        perspectives={"lived": tally} if tally and lived else {},
                        disputed_by=by,
                    )
                    for key, (tally, by, *hidden) in findings.items()
                    for lived in [not hidden]
                ],
            )
        }
    )


def test_each_disputed_finding_is_followed_up() -> None:
    old = checked(
        ladder__a=(DISAGREE, ["everyone", "lived"]),
        flag__b=(DISAGREE, ["lived"]),
        gap__c=(DISAGREE, ["lived"]),
        priority__d=(AGREE, []),
    )
    new = checked(
        ladder__a=(DISAGREE, ["lived"]),
        flag__b=(AGREE, []),
        priority__d=(DISAGREE, ["everyone"]),
    )
    found = {d.id: d for d in disputes(old, new)}
    assert found["ladder/a"].now == "still"
    assert found["ladder/a"].words() == (
        "Still disputed by people with lived experience: Finding ladder__a"
    )
    assert found["flag/b"].words() == (
        "No longer disputed (last time by people with lived experience): Finding flag__b"
    )
    assert found["gap/c"].now == "not-checked"
    assert found["priority/d"].words() == "Newly disputed by the room: Finding priority__d"
    assert [d.id for d in disputes(old, new)] == ["ladder/a", "flag/b", "gap/c", "priority/d"]


def test_a_side_not_shown_this_time_has_not_checked_it() -> None:
    """Last year lived experience disputed it; this year that side is too small to show:
    the room as a whole recognises it, but that says nothing of lived experience."""
    old = checked(ladder__a=(DISAGREE, ["lived"]))
    new = checked(ladder__a=(AGREE, [], "hidden"))
    assert [d.now for d in disputes(old, new)] == ["not-checked"]


def test_a_finding_too_few_responded_to_is_not_checked() -> None:
    old = checked(ladder__a=(DISAGREE, ["lived"]))
    new = checked(ladder__a=(None, []))
    assert [d.now for d in disputes(old, new)] == ["not-checked"]


def test_no_sense_check_on_either_side_says_nothing() -> None:
    unchecked = score(YEAR_2026).model_copy(update={"sense_check": None})
    assert disputes(unchecked, unchecked) == []
    old = checked(ladder__a=(DISAGREE, ["lived"]))
    assert [d.now for d in disputes(old, unchecked)] == ["not-checked"]


def test_diff_says_what_became_of_last_years_disputed_findings(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    assert cli("demo", "d").exit_code == 0
    new = tmp_path / "d" / "coprod-answers.yaml"
    data = yaml.safe_load(new.read_text(encoding="utf-8"))
    data["assessment"].update(period="2025", date="2025-11-20")
    for person in data["sense_check"]["people"].values():
        if person["role"] in ("person-using-services", "family-carer"):
            person["responses"]["flag/out-of-pocket"] = {"value": "no", "note": "<b>x</b>"}
    old = tmp_path / "old.yaml"
    old.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    md = cli("diff", str(old), str(new), "--format", "md").stdout
    section = md.split("## Findings the room disputed", 1)[1]
    assert (
        "- No longer disputed (last time by the room and people with lived experience): "
        "A warning sign came up: People pay to take part." in section
    )
    assert "- Still disputed by people with lived experience: On Arnstein" in section
    html = cli("diff", str(old), str(new), "--format", "html").stdout
    assert '<h2 id="disputes-heading">Findings the room disputed</h2>' in html
    table = cli("diff", str(old), str(new)).stdout
    assert "No longer disputed" in table
    assert cli("diff", str(old), str(new), "--format", "json").exit_code == 0
