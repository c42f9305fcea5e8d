"""`coprod merge`: answers from several laptops as one file, and nothing lost on the way."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
Write = Callable[..., Path]
RUBRICS = ["--rubric", str(DATA / "rubrics")]

LAPTOP = """\
assessment:
  organisation: Riverside Parent Carer Forum
  period: "2026"
  rubrics: {{sharing-power: 1.0.0}}
respondents:
  - id: r1
    role: {role}
    name: {name}
    answers:
      sharing-power:
        money-1: {{value: 2, note: "Said by {name}"}}
        money-2: {{skip: not-applicable}}
"""


def _laptops(write: Write) -> None:
    write("a.yaml", LAPTOP.format(role="staff", name="Ann"))
    write("b.yaml", LAPTOP.format(role="family-carer", name="Bo"))


def test_two_laptops_make_one_file(cli: Run, write: Write, tmp_path: Path) -> None:
    _laptops(write)
    workshop = (DATA / "answers" / "workshop.yaml").read_text(encoding="utf-8")
    write("c.yaml", workshop)
    result = cli("merge", "a.yaml", "b.yaml", "c.yaml", "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Merged 8 respondents from 3 files into all.yaml. Next: coprod report all.yaml\n"
    )
    merged = yaml.safe_load((tmp_path / "all.yaml").read_text(encoding="utf-8"))
    people = merged["respondents"]
    assert [p["id"] for p in people] == [f"r{n}" for n in range(1, 9)]
    assert [p.get("name") for p in people[:3]] == ["Ann", "Bo", "Sam"]
    assert people[1]["answers"]["sharing-power"] == {
        "money-1": {"value": 2, "note": "Said by Bo"},
        "money-2": {"skip": "not-applicable"},
    }
    assert merged["assessment"]["date"] == "2026-11-22"
    scored = cli("score", "all.yaml", *RUBRICS, "--format", "json")
    assert scored.exit_code == 0, scored.output


def test_different_assessments_write_nothing(cli: Run, write: Write, tmp_path: Path) -> None:
    _laptops(write)
    write("c.yaml", LAPTOP.format(role="staff", name="Cy").replace('"2026"', '"2025"'))
    result = cli("merge", "a.yaml", "b.yaml", "c.yaml", "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 1
    assert result.stderr == (
        "c.yaml:3:11: error[assessment-differs] period differs: '2025' in c.yaml but '2026' in "
        "a.yaml; only answers from one assessment can be combined\n"
    )
    assert not (tmp_path / "all.yaml").exists()


def test_each_file_is_checked_as_score_checks_it(cli: Run, write: Write, tmp_path: Path) -> None:
    _laptops(write)
    write("c.yaml", LAPTOP.format(role="carer", name="Cy"))
    result = cli("merge", "a.yaml", "b.yaml", "c.yaml", "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 1
    assert "c.yaml:7:11: error[unknown-role] no role has the id 'carer'" in result.stderr
    assert not (tmp_path / "all.yaml").exists()


def test_an_existing_output_needs_force(cli: Run, write: Write, tmp_path: Path) -> None:
    _laptops(write)
    write("all.yaml", "keep me\n")
    result = cli("merge", "a.yaml", "b.yaml", "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 1
    assert result.stderr == (
        "all.yaml: error[output-exists] already exists; nothing written: add --force to "
        "replace it, or choose another -o file\n"
    )
    assert (tmp_path / "all.yaml").read_text(encoding="utf-8") == "keep me\n"
    forced = cli("merge", "a.yaml", "b.yaml", "-o", "all.yaml", "--force", *RUBRICS)
    assert forced.exit_code == 0, forced.output
    assert (
        len(yaml.safe_load((tmp_path / "all.yaml").read_text(encoding="utf-8"))["respondents"]) == 2
    )


def test_the_output_is_never_an_input(cli: Run, write: Write, tmp_path: Path) -> None:
    _laptops(write)
    before = (tmp_path / "b.yaml").read_bytes()
    result = cli("merge", "a.yaml", "b.yaml", "-o", "./b.yaml", "--force", *RUBRICS)
    assert result.exit_code == 1
    assert result.stderr.startswith("b.yaml: error[output-is-input] is also a file being read")
    assert (tmp_path / "b.yaml").read_bytes() == before


def test_a_file_given_twice_would_count_twice(cli: Run, write: Write, tmp_path: Path) -> None:
    _laptops(write)
    result = cli("merge", "a.yaml", "b.yaml", str(tmp_path / "a.yaml"), "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 1
    assert "a.yaml: error[input-twice] is given twice" in result.stderr
    assert not (tmp_path / "all.yaml").exists()


def test_an_output_in_use_is_left_alone(cli: Run, write: Write, tmp_path: Path) -> None:
    from coprod_assess.answers.lock import locked

    _laptops(write)
    with locked(tmp_path / "all.yaml"):
        result = cli("merge", "a.yaml", "b.yaml", "-o", "all.yaml", *RUBRICS)
    assert result.exit_code == 1
    assert "all.yaml: error[file-in-use] is in use by another coprod command" in result.stderr
    assert not (tmp_path / "all.yaml").exists()


def test_help_lists_merge(cli: Run) -> None:
    listing = cli("--help").stdout
    assert re.search(
        r"\n  merge +Combine answers files from several laptops or forms into one\.\n", listing
    )


def test_files_whose_findings_were_checked_are_not_merged(cli: Run, tmp_path: Path) -> None:
    assert cli("demo", "d").exit_code == 0
    demo = tmp_path / "d" / "coprod-answers.yaml"
    other = tmp_path / "other.yaml"
    other.write_text(demo.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("merge", str(demo), str(other), "-o", "m.yaml")
    assert result.exit_code == 1
    assert "holds a sense-check of its findings" in result.stderr
    assert "d/coprod-answers.yaml:20:1: error[checked-findings] holds a sense-check" in (
        result.stderr
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "m.yaml").exists()


def test_next_steps_and_contact_are_kept_when_merging(cli: Run, tmp_path: Path) -> None:
    assert cli("demo", "d").exit_code == 0
    data = yaml.safe_load((tmp_path / "d" / "coprod-answers.yaml").read_text(encoding="utf-8"))
    del data["sense_check"]
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    data["assessment"]["next_steps"] = ["Meet again in six months to check what has changed."]
    data["assessment"]["contact"] = "Someone else"
    two.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert cli("merge", str(one), str(two), "-o", "m.yaml").exit_code == 0
    merged = yaml.safe_load((tmp_path / "m.yaml").read_text(encoding="utf-8"))["assessment"]
    assert merged["next_steps"][0].startswith("Pay people for their time")
    assert merged["next_steps"].count("Meet again in six months to check what has changed.") == 1
    assert merged["contact"].startswith("Talk to Sam")
