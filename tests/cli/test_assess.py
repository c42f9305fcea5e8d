"""`coprod assess` with scripted input: the whole flow, resuming, several people, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from tests.conftest import DATA

Run = Callable[..., Result]
BASE = ["--rubric", str(DATA / "rubrics"), "--only", "sharing-power"]
WHO = ["--organisation", "Forum", "--period", "2026"]


def lines(*typed: str) -> str:
    return "".join(f"{t}\n" for t in typed)


def saved(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_answer_help_note_back_skip_and_quit(cli: Run, tmp_path: Path) -> None:
    typed = lines("Sam", "2", "?", "0", "n", "Only staff are paid", "1", "b", "", "s", "d", "q")
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=typed)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Sharing power (test rubric), Money, question 1 of 4" in out
    assert "Think of the last budget round." in out
    assert "0. Not yet: Nothing like this happens." in out  # the number in the file
    assert "Type the number of your answer (0 to 3)" in out
    assert "Note kept: it is saved with the answer you give next." in out
    assert "Saved answer: Emerging. Press Enter to keep it." in out
    assert "Saved 3 answers to a.yaml." in out
    assert "Resume with: coprod assess a.yaml" in out
    data = saved(tmp_path / "a.yaml")
    assert data["assessment"]["organisation"] == "Forum"
    (person,) = data["respondents"]
    assert (person["name"], person["role"]) == ("Sam", "family-carer")
    assert person["answers"]["sharing-power"] == {
        "money-1": 0,
        "money-2": {"value": 1, "note": "Only staff are paid"},
        "decisions-1": {"skip": "dont-know"},
    }


def test_resume_where_it_stopped_then_next_person(cli: Run, tmp_path: Path) -> None:
    cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("Sam", "4", "0", "1", "q"))
    typed = lines("1", "2", "3", "y", "", "9", "12", "5", "0", "1", "2", "3", "n")
    result = cli("assess", "a.yaml", *BASE, "--plain", input=typed)
    assert result.exit_code == 0, result.output
    assert "Not finished yet:\n1. r1 (Staff member, 2 of 4 answered)" in result.stdout
    assert "Resuming r1 (Staff member, 2 of 4 answered)." in result.stdout
    assert "Decisions, question 3 of 4" in result.stdout
    assert "Answering as a group: use n to note any disagreement." in result.stdout
    assert "Resume with" not in result.stdout
    people = saved(tmp_path / "a.yaml")["respondents"]
    assert [p["role"] for p in people] == ["staff", "group"]
    assert (people[1]["people"], people[1]["lived_experience"]) == (12, 5)
    assert people[0]["answers"]["sharing-power"] == {
        "money-1": 0,
        "money-2": 1,
        "decisions-1": 2,
        "decisions-2": 3,
    }
    assert "name" not in people[1]
    assert "Scores" in result.stdout


def test_named_respondent_is_added_then_resumed(cli: Run, tmp_path: Path) -> None:
    args = ["assess", "a.yaml", *BASE, *WHO, "--plain", "--respondent", "Ann", "--role", "staff"]
    cli(*args, input=lines("0", "q"))
    cli(
        "assess", "a.yaml", *BASE, "--plain", "--respondent", "Bo", "--role", "manager", input="q\n"
    )
    result = cli(*args, input=lines("1", "q"))
    assert "Resuming r1 (Staff member, 1 of 4 answered)." in result.stdout
    by_id = cli("assess", "a.yaml", *BASE, "--plain", "--respondent", "r2", input="q\n")
    assert "Resuming r2 (Manager, 0 of 4 answered)." in by_id.stdout
    people = saved(tmp_path / "a.yaml")["respondents"]
    assert [(p["name"], len(p["answers"].get("sharing-power", {}))) for p in people] == [
        ("Ann", 2),
        ("Bo", 0),
    ]


def test_nothing_typed_can_crash_it(cli: Run, tmp_path: Path) -> None:
    typed = lines(
        "", "99", "staff", "", "x", "-1", "1e9", "4", "\u0661", "\x00", "s", "maybe", "", "0", "q"
    )
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=typed)
    assert result.exit_code == 0, result.output
    assert "Type a number from 1 to 11." in result.stdout
    assert result.stdout.count("Type the number of your answer (0 to 3), or:") >= 7
    assert "Type d for don't know, n for not applicable, or press Enter." in result.stdout
    assert saved(tmp_path / "a.yaml")["respondents"][0]["answers"]["sharing-power"] == {
        "money-1": 0
    }


def test_end_of_input_saves_and_says_how_to_resume(cli: Run, tmp_path: Path) -> None:
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("", "4", "1"))
    assert result.exit_code == 0
    assert "Saved 1 answer to a.yaml.\nResume with: coprod assess a.yaml" in result.stdout


def test_plain_output_has_no_escape_codes(cli: Run) -> None:
    result = cli(
        "assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("", "4", "0", "1", "2", "3", "n")
    )
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_no_color_and_dumb_terminals_get_the_plain_screen(
    cli: Run, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = cli("assess", "a.yaml", *BASE, *WHO, input=lines("", "4", "q"))
    assert "Sharing power (test rubric), Money, question 1 of 4" in result.stdout


def test_report_at_the_end(cli: Run, tmp_path: Path) -> None:
    typed = lines("", "4", "0", "1", "2", "3", "n")
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", "--report", "r.md", input=typed)
    assert result.exit_code == 0, result.output
    assert "Wrote r.md" in result.stdout
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Forum")


def test_unknown_role_and_rubric(cli: Run) -> None:
    result = cli("assess", "a.yaml", *BASE, "--role", "wizard")
    assert result.exit_code == 2  # a usage error
    assert "no role has the id 'wizard'" in result.stderr
    result = cli("assess", "a.yaml", "--only", "nope")
    assert result.exit_code == 2
    assert "no rubric has the id 'nope'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["import", str(DATA / "imports" / "google-forms.csv"), "--role", "wizard"],
        ["import", str(DATA / "imports" / "google-forms.csv"), "--only", "nope"],
        ["template", "--only", "nope"],
    ],
)
def test_an_unknown_role_or_rubric_is_a_usage_error_everywhere(cli: Run, args: list[str]) -> None:
    result = cli(*args, "--rubric", str(DATA / "rubrics"))
    assert result.exit_code == 2, result.output
    assert "no role has the id 'wizard'" in result.stderr or "no rubric has the id" in result.stderr


def test_broken_existing_file_is_not_overwritten(cli: Run, write: Callable[..., Path]) -> None:
    path = write("a.yaml", "respondents:\n  - {id: r1, role: wizard}\n")
    before = path.read_text(encoding="utf-8")
    result = cli("assess", str(path), *BASE, input="q\n")
    assert result.exit_code == 1
    assert "a.yaml:2:20: error[unknown-role]" in result.stderr
    assert path.read_text(encoding="utf-8") == before


def test_one_persons_session_ends_without_their_scores(cli: Run) -> None:
    typed = lines("Sam", "1", "3", "3", "3", "3", "n")
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=typed)
    assert result.exit_code == 0, result.output
    summary = " ".join(result.stdout.partition("Saved 4 answers to a.yaml.")[2].split())
    # The summary after one person would be that person's answers: it is withheld.
    assert "Scores" in summary and "of 0-3" not in summary and "Embedded" not in summary
    out = summary
    assert "only 1 person answered, fewer than 3: no scores are shown" in out


def test_plain_mode_marks_a_clear_break_between_people(cli: Run) -> None:
    typed = lines("Sam", "1", "3", "3", "3", "3", "y", "", "4", "0", "0", "0", "0", "n")
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=typed)
    assert result.exit_code == 0, result.output
    first, _, rest = result.stdout.partition("Next person. The answers above are saved.")
    assert rest and "Answering: r1" in first and "Answering: r2" in rest
    assert "only 2 people answered" in " ".join(rest.split())


def test_the_final_summary_takes_the_threshold(cli: Run) -> None:
    typed = lines("Sam", "1", "3", "3", "3", "3", "n")
    result = cli("assess", "a.yaml", *BASE, *WHO, "--plain", "--min-group", "1", input=typed)
    assert "can show one person's answers" in " ".join(result.stdout.split())


def test_a_name_already_in_the_file_is_refused(cli: Run, tmp_path: Path) -> None:
    cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("Sam", "4", "0", "q"))
    typed = lines("", "sam", "Kim", "2", "q")
    result = cli("assess", "a.yaml", *BASE, "--plain", input=typed)
    assert "Someone in this file already has that name." in result.stdout
    people = saved(tmp_path / "a.yaml")["respondents"]
    assert [p.get("name") for p in people] == ["Sam", "Kim"]


def test_a_killed_writers_copies_are_cleaned_away(cli: Run, tmp_path: Path) -> None:
    cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("Sam", "4", "0", "q"))
    leftover = tmp_path / ".a.yaml.x1y2.tmp"
    leftover.write_text("respondents: [{id: r1, role: staff, name: Sam}]\n", encoding="utf-8")
    cli("assess", "a.yaml", *BASE, "--plain", input="q\n")
    assert not leftover.exists()


def test_a_read_only_answers_file_is_not_touched(cli: Run, tmp_path: Path) -> None:
    cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("Sam", "4", "0", "q"))
    path = tmp_path / "a.yaml"
    before = path.read_text(encoding="utf-8")
    path.chmod(0o444)
    result = cli("assess", "a.yaml", *BASE, "--plain", input=lines("1", "2", "q"))
    assert result.exit_code == 1
    assert "Your answer" not in result.stdout  # refused before anyone answers
    assert "a.yaml: error[read-only] is read-only: nothing was written" in result.stderr
    assert path.read_text(encoding="utf-8") == before


def test_an_id_that_is_not_in_the_file_is_a_usage_error(cli: Run) -> None:
    cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=lines("Sam", "4", "0", "q"))
    result = cli("assess", "a.yaml", *BASE, "--plain", "--respondent", "r9", input="q\n")
    assert result.exit_code == 2
    assert "no respondent has the id 'r9' (ids: r1)" in result.stderr
