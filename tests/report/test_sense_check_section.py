"""The board report shows how the room responded to the findings, within the privacy rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import Result

from tests.conftest import unchecked_demo

Run = Callable[..., Result]
LIVED = "person-using-services"
STAFF = "staff"


def with_check(path: Path, people: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Give the file a sense-check of its own findings; `people` as (role, responses by
    finding number). Returns the finding ids."""
    from coprod_assess.sensecheck.draw import draw_findings

    findings, drawn = draw_findings(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = [f.id for f in findings]
    data["sense_check"] = {
        "date": "2026-11-22",
        "drawn_from": drawn,
        "findings": {f.id: f.text for f in findings},
        "people": {
            f"c{i}": {"role": role, "responses": {ids[n]: said for n, said in given.items()}}
            for i, (role, given) in enumerate(people, 1)
        },
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return ids


@pytest.fixture
def demo(cli: Run, tmp_path: Path) -> Path:
    return unchecked_demo(cli, tmp_path)


def report(cli: Run, path: Path, fmt: str, *extra: str) -> str:
    out = path.with_name(f"out.{fmt}")
    result = cli("report", str(path), "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_findings_disputed_by_lived_experience_are_named_in_the_summary(
    cli: Run, demo: Path
) -> None:
    people = [(LIVED, {0: "no", 1: "yes"})] * 3 + [(STAFF, {0: "yes", 1: "yes"})] * 3
    with_check(demo, people)
    text = report(cli, demo, "md")
    summary = text.split("## Summary", 1)[1].split("\n## ", 1)[0]
    assert (
        "6 people checked the findings (3 people with lived experience, 3 professionals)" in summary
    )
    assert "People with lived experience disputed 1 finding: “On Arnstein" in summary
    section = text.split("## Does the room recognise the findings?", 1)[1]
    assert "**Disputed by people with lived experience.**" in section
    disputed = "Disputed: most said it does not match their experience"
    assert f"| Lived experience | 0 | 0 | 3 | 0 | {disputed} |" in section
    assert "| Professional | 3 | 0 | 0 | 0 | Most said it matches their experience |" in section
    assert "| Everyone | 3 | 0 | 3 | 0 | Views were mixed |" in section


def test_a_small_group_is_not_shown_apart_nor_named_as_disputing(cli: Run, demo: Path) -> None:
    people = [(LIVED, {0: "no"})] * 2 + [(STAFF, {0: "yes"})] * 3
    with_check(demo, people)
    for fmt in ("md", "html"):
        text = report(cli, demo, fmt)
        assert "disputed 1 finding" not in text
        section = text.split("Does the room recognise the findings?")[-1].split("What people said")[
            0
        ]
        assert "Lived experience" not in section and "Professional" not in section
        assert "lived experience and professional responses are not shown apart" in section
    assert "| Everyone | 3 | 0 | 2 | 0 |" in report(cli, demo, "md")


def test_too_few_responses_are_not_shown(cli: Run, demo: Path) -> None:
    with_check(demo, [(LIVED, {0: {"value": "no", "note": "Never asked"}}), (STAFF, {0: "yes"})])
    text = report(cli, demo, "md")
    assert "Fewer than 3 people responded to this finding" in text
    assert "> Never asked\n>\n> Someone in the room" in text
    assert "| Everyone |" not in text


def test_comments_are_escaped_and_names_never_shown(cli: Run, demo: Path) -> None:
    hostile = "<script>alert(1)</script> [link](javascript:x) | pipe"
    with_check(demo, [(LIVED, {0: {"value": "partly", "note": hostile}})] * 3)
    html = report(cli, demo, "html", "--show-names")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = report(cli, demo, "md")
    assert "<script>" not in md and "\\<script\\>" in md


def test_the_contents_list_the_section_only_when_there_is_one(cli: Run, demo: Path) -> None:
    assert 'href="#sense-check"' not in report(cli, demo, "html")
    assert "Does the room recognise" not in report(cli, demo, "md")
    with_check(demo, [(STAFF, {0: "yes"})] * 3)
    html = report(cli, demo, "html")
    assert 'href="#sense-check"' in html and 'id="sense-check"' in html


def test_findings_drawn_from_fewer_people_than_now_say_so(cli: Run, demo: Path) -> None:
    with_check(demo, [(STAFF, {0: "yes"})] * 3)
    data = yaml.safe_load(demo.read_text(encoding="utf-8"))
    data["sense_check"]["drawn_from"] = 8
    demo.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert "The findings were drawn from 8 people's answers; the report now counts 10." in report(
        cli, demo, "md"
    )


def test_a_result_file_carries_the_sense_check(cli: Run, demo: Path, tmp_path: Path) -> None:
    with_check(demo, [(LIVED, {0: "no"})] * 3 + [(STAFF, {0: "yes"})] * 3)
    assert cli("score", str(demo), "-o", "r.json").exit_code == 0
    assert "People with lived experience disputed 1 finding" in report(
        cli, tmp_path / "r.json", "md"
    )
    # A higher threshold on the result file withholds the split too.
    text = report(cli, tmp_path / "r.json", "md", "--min-group", "4")
    section = text.split("## Does the room recognise the findings?")[1].split("## What people")[0]
    assert "disputed 1 finding" not in text and "| Lived experience |" not in section


def test_findings_drawn_at_a_lower_threshold_tell_no_more_than_the_report(
    cli: Run, demo: Path
) -> None:
    """The room drew its findings at --min-group 3; a report at 6 withholds the comparison
    of 5 and 5 people, so the findings about that comparison are left out too."""
    with_check(demo, [(STAFF, {0: "yes"})] * 6)
    data = yaml.safe_load(demo.read_text(encoding="utf-8"))
    data["sense_check"]["min_group"] = 3
    demo.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    gaps = [key for key in data["sense_check"]["findings"] if key.startswith("gap/")]
    assert gaps
    text = report(cli, demo, "md", "--min-group", "6")
    section = text.split("## Does the room recognise the findings?")[1].split("## What people")[0]
    for key in gaps:
        assert data["sense_check"]["findings"][key] not in section
    assert "checked are not shown: they were drawn with --min-group 3" in section
    at_three = report(cli, demo, "md")
    assert all(data["sense_check"]["findings"][key] in at_three for key in gaps)
