"""Every command that shows scores, on a workshop with a group of one: nothing gives it away.

Three staff, three family carers and one commissioner whose id is a name. With
everyone, the carers and the staff shown, 7 x everyone - 3 x carers - 3 x staff
would be the commissioner's score; so one of the larger groups is withheld too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
RUBRICS = ["--rubric", str(DATA / "rubrics")]
LONE = "Maria Onlyparent"


def workshop(period: str, commissioner: dict[str, object]) -> dict[str, object]:
    staff = {"money-1": 3, "money-2": 3, "decisions-1": 3, "decisions-2": 2}
    carer = {"money-1": 0, "money-2": 1, "decisions-1": 1, "decisions-2": 0}
    people = [{"id": f"s{i}", "role": "staff", "answers": {"sharing-power": staff}} for i in "123"]
    people += [
        {"id": f"c{i}", "role": "family-carer", "answers": {"sharing-power": carer}} for i in "123"
    ]
    people.append(
        {
            "id": LONE,
            "role": "commissioner",
            "name": "Maria",
            "answers": {"sharing-power": commissioner},
        }
    )
    return {
        "assessment": {"organisation": "Forum", "period": period, "date": f"{period}-11-22"},
        "respondents": people,
    }


LONE_ANSWERS = {
    "money-1": 2,
    "money-2": {"value": 0, "note": "I set the budget before the forum meets."},
    "decisions-1": 1,
    "decisions-2": 3,
}


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "2025.yaml"
    new = tmp_path / "2026.yaml"
    old.write_text(yaml.safe_dump(workshop("2025", {"money-1": 3, "money-2": 3})), "utf-8")
    new.write_text(yaml.safe_dump(workshop("2026", LONE_ANSWERS)), "utf-8")
    return old, new


def shown_roles(data: dict[str, object]) -> set[str]:
    (rubric,) = data["rubrics"]  # type: ignore[misc]
    return set(rubric["scores"]["roles"])  # type: ignore[index]


def test_result_files_are_shared_by_default(cli: Run, files: tuple[Path, Path]) -> None:
    _, new = files
    for name in ("r.json", "r.yaml"):
        assert cli("score", str(new), *RUBRICS, "-o", name).exit_code == 0
        text = Path(name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        assert data["min_group"] == 3
        assert "commissioner" not in shown_roles(data)
        assert len(shown_roles(data)) <= 1  # staff or carers, never both beside the total
        assert LONE not in text and "Maria" not in text
        assert any("worked out by subtraction" in line for line in data["withheld"])


def test_keeping_every_group_must_be_asked_for_and_says_so(
    cli: Run, files: tuple[Path, Path]
) -> None:
    _, new = files
    assert cli("score", str(new), *RUBRICS, "--min-group", "1", "-o", "all.json").exit_code == 0
    data = json.loads(Path("all.json").read_text(encoding="utf-8"))
    assert data["min_group"] == 1
    assert "commissioner" in shown_roles(data)
    assert "can show one person's answers" in data["withheld"][0]
    # Read back at the default threshold, the file is shared again before it is shown.
    report = cli("report", "all.json", *RUBRICS, "--format", "md", "-o", "r.md")
    assert report.exit_code == 0
    text = Path("r.md").read_text(encoding="utf-8")
    assert "Commissioner or funder | 1 | " not in text
    assert "commissioner or funder" in text.lower()


@pytest.mark.parametrize("fmt", ["table", "json", "yaml"])
def test_score_never_shows_the_lone_commissioner(
    cli: Run, files: tuple[Path, Path], fmt: str
) -> None:
    _, new = files
    out = cli("score", str(new), *RUBRICS, "--format", fmt).stdout
    assert LONE not in out and "Maria" not in out
    if fmt != "table":
        assert "commissioner" not in shown_roles(yaml.safe_load(out))
    assert "not shown" in out


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_names_nobody_and_shows_no_small_group(
    cli: Run, files: tuple[Path, Path], fmt: str
) -> None:
    _, new = files
    assert cli("report", str(new), *RUBRICS, "-o", f"r.{fmt}").exit_code == 0
    text = Path(f"r.{fmt}").read_text(encoding="utf-8")
    assert LONE not in text and "Maria" not in text
    assert "I set the budget before the forum meets." in text
    assert "A commissioner" not in text
    named = cli("report", str(new), *RUBRICS, "--show-names", "-o", f"n.{fmt}")
    assert named.exit_code == 0
    assert "Maria" in Path(f"n.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["table", "md", "json", "html"])
def test_diff_shows_no_gap_of_a_group_below_the_threshold(
    cli: Run, files: tuple[Path, Path], fmt: str
) -> None:
    old, new = files

    def gap_new(*extra: str) -> object:
        result = cli("diff", str(old), str(new), *RUBRICS, "--format", fmt, *extra)
        assert result.exit_code == 0, result.output
        assert LONE not in result.stdout
        if fmt == "json":
            gap = json.loads(result.stdout)["rubrics"][0]["gap_new"]
            return gap if gap is None else round(gap) == 60
        return "+60 points" in " ".join(result.stdout.split())

    # Three staff, a commissioner and three carers: the gap of 60 points is shown.
    assert gap_new() is True
    # With a threshold of four, the three carers are too few to compare.
    assert gap_new("--min-group", "4") in (False, None)


@pytest.mark.parametrize("fmt", ["table", "md", "json", "html"])
def test_trend_takes_the_threshold(cli: Run, files: tuple[Path, Path], fmt: str) -> None:
    old, new = files
    result = cli("trend", str(old), str(new), *RUBRICS, "--format", fmt, "--min-group", "8")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "8" in out and LONE not in out
    if fmt == "json":
        data = json.loads(out)
        assert data["min_group"] == 8
        assert all(p is None or p["value"] is None for row in data["rows"] for p in row["points"])


def test_a_lower_threshold_cannot_undo_a_result_file(cli: Run, files: tuple[Path, Path]) -> None:
    _, new = files
    cli("score", str(new), *RUBRICS, "--min-group", "4", "-o", "r4.json")
    out = cli("score", "r4.json", "--min-group", "2", "--format", "json").stdout
    assert json.loads(out)["min_group"] == 4
