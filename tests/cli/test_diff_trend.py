"""`coprod diff` and `coprod trend` through the CLI."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]
Years = Callable[[], dict[str, Path]]


def results_of(cli: Run, files: dict[str, Path]) -> dict[str, str]:
    out = {}
    for name, path in files.items():
        target = str(path.with_suffix(".json"))
        assert cli("score", str(path), "-o", target).exit_code == 0
        out[name] = target
    return out


@pytest.mark.parametrize("fmt", ["table", "md", "json", "html"])
def test_answers_and_results_give_identical_output(cli: Run, years: Years, fmt: str) -> None:
    files = years()
    results = results_of(cli, files)
    from_answers = cli("diff", str(files["2025"]), str(files["2026"]), "--format", fmt)
    from_results = cli("diff", results["2025"], results["2026"], "--format", fmt)
    mixed = cli("diff", str(files["2025"]), results["2026"], "--format", fmt)
    assert from_answers.exit_code == 0, from_answers.output
    assert from_answers.stdout == from_results.stdout == mixed.stdout


def test_table_uses_arrows_and_words(
    cli: Run, years: Years, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")  # wide enough that no cell wraps
    files = years()
    out = " ".join(cli("diff", str(files["2025"]), str(files["2026"])).stdout.split())
    assert "changes from 2025 to 2026" in out
    assert "▼ down" in out and "fell" in out
    assert "rung 3, Informing" in out or "rung 4, Consultation" in out


def test_markdown_and_json(cli: Run, years: Years, tmp_path: Path) -> None:
    files = years()
    result = cli("diff", str(files["2025"]), str(files["2026"]), "--format", "md", "-o", "d.md")
    assert result.exit_code == 0
    text = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert text.startswith("# Riverside Parent Carer Forum (sample): changes from 2025 to 2026")
    assert "| Framework | 2025 | 2026 | Change | Coverage |" in text
    assert (
        "| Money and budgets | 2.5, between rung 2, Therapy, and rung 3, Informing "
        "| rung 2, Therapy | ▼ down 6 points, fell |"
    ) in text
    data = json.loads(
        cli("diff", str(files["2025"]), str(files["2026"]), "--format", "json").stdout
    )
    assert {r["id"] for r in data["rubrics"]} >= {"arnstein-ladder", "nef-six-principles"}


def test_fail_on_drop(cli: Run, years: Years) -> None:
    files = years()
    failing = cli("diff", str(files["2025"]), str(files["2026"]), "--fail-on-drop", "5")
    assert failing.exit_code == 1
    assert "Dropped: Arnstein's ladder of citizen participation, Money and budgets fell by" in (
        failing.stderr
    )
    assert "(more than 5)" in failing.stderr
    passing = cli("diff", str(files["2025"]), str(files["2026"]), "--fail-on-drop", "60")
    assert passing.exit_code == 0
    assert passing.stderr == ""


def test_missing_file(cli: Run, years: Years) -> None:
    files = years()
    result = cli("diff", str(files["2025"]), "nowhere.json")
    assert result.exit_code == 1
    assert "nowhere.json: error[file-missing]" in result.stderr


def test_newer_result_file(cli: Run, years: Years, tmp_path: Path) -> None:
    files = years()
    results = results_of(cli, files)
    data = json.loads(Path(results["2026"]).read_text(encoding="utf-8"))
    data["tool_version"] = "3.0.0"
    data["format"] = 2
    data["verdict"] = "new field"
    future = tmp_path / "future.json"
    future.write_text(json.dumps(data), encoding="utf-8")
    result = cli("diff", results["2025"], str(future))
    assert result.exit_code == 1
    assert "error[newer-result] was written by coprod-assess 3.0.0, newer than this one" in (
        result.stderr
    )


def test_trend_formats(cli: Run, years: Years, tmp_path: Path) -> None:
    files = years()
    args = [str(files["2026"]), str(files["2024"]), str(files["2025"])]
    table = " ".join(cli("trend", *args).stdout.split())
    assert table.index("2024") < table.index("2025") < table.index("2026")
    md = cli("trend", *args, "--format", "md").stdout
    assert "| Dimension | 2024 | 2025 | 2026 |" in md
    assert cli("trend", *args, "--format", "html", "-o", "t.html").exit_code == 0
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    assert html.count('role="img"') == 5  # a small chart per rubric
    data = json.loads(cli("trend", *args, "--format", "json").stdout)
    assert [p["period"] for p in data["periods"]] == ["2024", "2025", "2026"]


def test_trend_names_rungs_and_counts_people_each_period(
    cli: Run, years: Years, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    monkeypatch.setenv("COLUMNS", "250")  # wide enough that no cell wraps
    files = years()
    fewer = yaml.safe_load(files["2024"].read_text(encoding="utf-8"))
    fewer["respondents"] = fewer["respondents"][:7]
    fewer.pop("sense_check")  # it names the people left out
    files["2024"].write_text(yaml.safe_dump(fewer, sort_keys=False), encoding="utf-8")
    args = [str(files[year]) for year in ("2024", "2025", "2026")]
    assert cli("trend", *args, "-o", "t.html").exit_code == 0
    shown = {
        "table": cli("trend", *args).stdout,
        "md": cli("trend", *args, "--format", "md").stdout,
        "html": html.unescape(re.sub("<[^>]+>", " ", (tmp_path / "t.html").read_text("utf-8"))),
    }
    for fmt, text in shown.items():
        text = " ".join(text.replace("|", " ").replace("│", " ").split())
        assert "Who answered: 2024, 7 people; 2025, 10 people; 2026, 10 people." in text, fmt
        assert "People who answered 7 people 10 people 10 people" in text, fmt
        # Money and budgets in 2025, then in 2026.
        assert "2.5, between rung 2, Therapy, and rung 3, Informing rung 2, Therapy " in text, fmt
    data = json.loads(cli("trend", *args, "--format", "json").stdout)
    assert data["respondents"] == [7, 10, 10]
    assert sorted(data["rungs"]) == ["arnstein-ladder", "tlap-ladder"]
    overall = next(r for r in data["rows"] if r["rubric"] == "arnstein-ladder")
    assert [point["respondents"] for point in overall["points"]] == [7, 10, 10]


def written_format(text: str) -> str:
    """Which format a written comparison is in, judged as a reader would."""
    if text.startswith("<!doctype html>"):
        return "html"
    if text.startswith("# "):
        return "md"
    json.loads(text)
    return "json"


@pytest.mark.parametrize("command", ["diff", "trend"])
@pytest.mark.parametrize(
    ("name", "options", "expected"),
    [
        ("out.md", [], "md"),
        ("out.markdown", [], "md"),
        ("out.json", [], "json"),
        ("OUT.JSON", [], "json"),
        ("out.html", [], "html"),
        ("out.htm", [], "html"),
        ("out.txt", [], "md"),
        ("out", [], "md"),
        ("out.json", ["--format", "html"], "html"),
        ("out.html", ["--format", "md"], "md"),
        ("out.html", ["--format", "table"], "md"),
    ],
)
def test_format_follows_the_output_suffix(
    cli: Run,
    years: Years,
    tmp_path: Path,
    command: str,
    name: str,
    options: list[str],
    expected: str,
) -> None:
    files = years()
    result = cli(command, str(files["2025"]), str(files["2026"]), "-o", name, *options)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert written_format((tmp_path / name).read_text(encoding="utf-8")) == expected


def test_diff_and_trend_say_when_the_forms_differ(cli: Run, write: Callable[..., Path]) -> None:
    import yaml

    from tests.compare.test_alike import FULL, RUBRICS, answers

    short = {"money-1": 3, "decisions-1": 1, "decisions-2": 3}
    old = write("2025.yaml", yaml.safe_dump(answers("2025", None, FULL)))
    new = write("2026.yaml", yaml.safe_dump(answers("2026", "short", short)))
    paths = [str(old), str(new), "--rubric", str(RUBRICS[0])]
    result = cli("diff", *paths, "--format", "md")
    assert result.exit_code == 0, result.output
    assert "> 2025 was asked the full form: its scores here count only the short form's core" in (
        result.stdout
    )
    assert "2025 was asked the full form" in " ".join(cli("diff", *paths).stdout.split())
    trend = cli("trend", *paths, "--format", "json")
    assert "2025 was asked the full form" in json.loads(trend.stdout)["notes"][0]
