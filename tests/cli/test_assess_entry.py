"""`coprod assess --entry`: paper sheets typed in one line a sheet, with piped input, as the
typist sees it and as the file keeps it after each step."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml
from typer.testing import Result

from coprod_assess.cli.questionnaire import Screen
from coprod_assess.i18n import using
from tests.conftest import DATA

Run = Callable[..., Result]
BASE = ["--rubric", str(DATA / "rubrics"), "--only", "sharing-power"]
WHO = ["--organisation", "Forum", "--period", "2026"]
RESUME = f"coprod assess a.yaml --entry --rubric {DATA / 'rubrics'} --only sharing-power"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Whatever a command sets, the next test starts in English."""
    with using("en"):
        yield


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines typed by a person at a terminal (the runner's input is no terminal)."""
    monkeypatch.setattr("coprod_assess.cli.entry._at_a_terminal", lambda: True)


def lines(*typed: str) -> str:
    return "".join(f"{t}\n" for t in typed)


def saved(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def people(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """Each respondent as (id, role, answers to the test rubric)."""
    return [
        (p["id"], p["role"], p["answers"].get("sharing-power", {}))
        for p in saved(path)["respondents"]
    ]


def enter(cli: Run, *typed: str, extra: tuple[str, ...] = ()) -> Result:
    return cli("assess", "a.yaml", *BASE, *WHO, "--entry", "--plain", *extra, input=lines(*typed))


def said(result: Result) -> str:
    return " ".join(result.stdout.split())


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[tuple[str, str]]]:
    """The people in a.yaml (id, role) each time a sheet's line is asked for."""
    seen: list[list[tuple[str, str]]] = []
    ask = Screen.ask

    def asked(screen: Screen, prompt: str) -> str:
        if prompt.startswith("Sheet "):
            path = tmp_path / "a.yaml"
            held = saved(path)["respondents"] if path.exists() else []
            seen.append([(p["id"], p["role"]) for p in held])
        return ask(screen, prompt)

    monkeypatch.setattr(Screen, "ask", asked)
    return seen


def test_several_sheets_each_saved_at_once(
    cli: Run, tmp_path: Path, steps: list[list[tuple[str, str]]]
) -> None:
    result = enter(cli, "4 0 1 2 3", "2 d,n,s,-", "staff member 3210", "q")
    assert result.exit_code == 0, result.output
    out = result.stdout
    # The key, once: the order, the role numbers, the codes.
    assert "One line a sheet: the role, then the 4 answers in sheet order" in out
    assert "Roles: 1 Person who uses services, 2 Family member or carer, 3 Community" in out
    assert "11 Prefer not to say" in out
    assert "Answers 1 to 4: Sharing power (test rubric) (0 to 3)" in out
    assert "d don't know, n does not apply, s or - left blank" in out
    assert "type them in runs without spaces (34201 22310)" in out
    assert "For example: 1 0 1 2 d, or 1 012d" in out
    # Each sheet, said and echoed to compare with the paper.
    assert (
        "Sheet 1 saved as r1 (Staff member): 4 answered, 0 don't know, 0 does not apply, "
        "0 left blank.\n  1 to 4: 0 1 2 3\n" in out
    )
    assert (
        "Sheet 2 saved as r2 (Family member or carer): 0 answered, 1 don't know, "
        "1 does not apply, 2 left blank.\n  1 to 4: d n s s\n" in out
    )
    assert "Sheet 3 saved as r3 (Staff member): 4 answered" in out
    assert "Entered 3 sheets into a.yaml." in out
    assert "Resume with" not in out  # q finishes
    assert "Scores" in out  # the privacy-safe summary, as assess gives
    # Saved after each line, before the next is asked for.
    assert steps == [
        [],
        [("r1", "staff")],
        [("r1", "staff"), ("r2", "family-carer")],
        [("r1", "staff"), ("r2", "family-carer"), ("r3", "staff")],
    ]
    data = saved(tmp_path / "a.yaml")
    assert data["assessment"]["organisation"] == "Forum"
    assert data["assessment"]["rubrics"] == {"sharing-power": "1.0.0"}
    assert people(tmp_path / "a.yaml") == [
        ("r1", "staff", {"money-1": 0, "money-2": 1, "decisions-1": 2, "decisions-2": 3}),
        (
            "r2",
            "family-carer",
            {"money-1": {"skip": "dont-know"}, "money-2": {"skip": "not-applicable"}},
        ),
        ("r3", "staff", {"money-1": 3, "money-2": 2, "decisions-1": 1, "decisions-2": 0}),
    ]
    for person in data["respondents"]:
        assert person["lang"] == "en" and "name" not in person


def test_a_bad_line_shows_every_problem_then_a_correction_saves_it(
    cli: Run, tmp_path: Path, steps: list[list[tuple[str, str]]]
) -> None:
    result = enter(cli, "wizard 7 1 x 2", "1=3 3=d", "r=5", "q")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert (
        "Not saved: 3 problems.\n"
        "  wizard is not a role: start the line with the role's number, 1 to 11, or its id "
        "(? lists them)\n"
        "  answer 1 (sharing-power/money-1): 7 is not an option; 0 to 3, d, n, s\n"
        "  answer 3 (sharing-power/decisions-1): x is not an option; 0 to 3, d, n, s\n"
    ) in out
    assert "  1 to 4: 7 1 x 2\n" in out  # what was understood, to find where it went wrong
    assert "Type the sheet again, or correct answers as 12=3" in out
    # The answers corrected, the role still wrong: one problem left, nothing saved.
    assert "Not saved: 1 problem.\n  wizard is not a role" in out
    assert "Sheet 1 saved as r1 (Manager): 3 answered, 1 don't know" in out
    assert steps == [[], [], [], [("r1", "manager")]]
    assert people(tmp_path / "a.yaml") == [
        (
            "r1",
            "manager",
            {"money-1": 3, "money-2": 1, "decisions-1": {"skip": "dont-know"}, "decisions-2": 2},
        )
    ]


def test_a_line_with_answers_missing_is_typed_again(
    cli: Run, tmp_path: Path, at_a_terminal: None
) -> None:
    result = enter(cli, "4 0 1 2", "4=1", "4 0 1 2 3 3", "12=1", "4 0 1 2 1", "q")
    out = result.stdout
    assert "3 answers typed, 4 expected: 1 missing" in out
    assert "answer 4 was not typed (the line has 3): an answer left out or typed twice" in out
    assert "5 answers typed, 4 expected: 1 too many (5 on: 3)" in out
    assert "answer 12 was not typed (the line has 5)" in out
    assert [p[0] for p in people(tmp_path / "a.yaml")] == ["r1"]
    # The sheet typed again until it was saved: no line is left out.
    assert result.exit_code == 0, result.output
    assert "was not saved" not in out


def test_corrections_with_no_line_to_correct(cli: Run, tmp_path: Path) -> None:
    result = enter(cli, "2=3", "4 0 1 2 3", "2=3", "q")
    assert result.stdout.count("There is no line with problems to correct") == 2
    assert people(tmp_path / "a.yaml")[0][2]["money-2"] == 1


def test_undo_takes_back_the_last_sheets_after_a_yes(
    cli: Run, tmp_path: Path, steps: list[list[tuple[str, str]]]
) -> None:
    typed = ("4 0 1 2 3", "2 3 3 3 3", "u", "n", "u", "y", "u", "y", "u", "1 1 1 1 1", "q")
    result = enter(cli, *typed)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Take back sheet 2 (r2, Family member or carer)? (y/n) Kept." in out
    assert "Sheet 2 (r2) taken back: it is no longer in a.yaml." in out
    assert "Sheet 1 (r1) taken back: it is no longer in a.yaml." in out
    assert "No sheet entered in this session to take back." in out
    # The ids freed are given again: the next sheet is r1 once more.
    assert "Sheet 1 saved as r1 (Person who uses services)" in out
    assert steps == [
        [],
        [("r1", "staff")],
        [("r1", "staff"), ("r2", "family-carer")],
        [("r1", "staff"), ("r2", "family-carer")],
        [("r1", "staff")],
        [],
        [],
        [("r1", "person-using-services")],
    ]
    assert saved(tmp_path / "a.yaml")["assessment"]["organisation"] == "Forum"


def test_undo_keeps_the_files_comments_and_other_people(
    cli: Run, tmp_path: Path, write: Callable[..., Path]
) -> None:
    path = write(
        "a.yaml",
        """\
        # Kept by hand.
        assessment:
          organisation: Forum  # the whole forum
          period: '2026'
          rubrics:
            sharing-power: 1.0.0
        respondents:
          - id: r1
            role: staff
            name: Ann
            answers:
              sharing-power: {money-1: 2}  # asked at the door
        """,
    )
    result = cli(
        "assess", "a.yaml", *BASE, "--entry", "--plain", input=lines("3 0123", "u", "y", "q")
    )
    assert result.exit_code == 0, result.output
    assert "Sheet 1 saved as r2 (Community member)" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert "# Kept by hand." in text and "# asked at the door" in text and "r2" not in text
    assert people(path) == [("r1", "staff", {"money-1": 2})]


def test_q_then_resume_keeps_the_sheets_and_numbers_on(cli: Run, tmp_path: Path) -> None:
    first = enter(cli, "4 0 1 2 3", "5 1 1 1 1", "q")
    assert "Entered 2 sheets into a.yaml." in first.stdout
    resumed = cli("assess", "a.yaml", *BASE, "--entry", "--plain", input=lines("u", "6 2222", "q"))
    assert resumed.exit_code == 0, resumed.output
    # Sheets of an earlier session are not taken back by this one.
    assert "No sheet entered in this session to take back." in resumed.stdout
    assert "Sheet 1 saved as r3 (Commissioner or funder)" in resumed.stdout
    assert "Entered 1 sheet into a.yaml." in resumed.stdout
    assert [(p[0], p[1]) for p in people(tmp_path / "a.yaml")] == [
        ("r1", "staff"),
        ("r2", "manager"),
        ("r3", "commissioner"),
    ]


def test_the_end_of_input_keeps_every_sheet_saved_and_says_how_to_resume(
    cli: Run, tmp_path: Path
) -> None:
    result = enter(cli, "4 0 1 2 3", "5 1 1 1 1", "6 9 9")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert f"Sheet 3: \nEntered 2 sheets into a.yaml.\nResume with: {RESUME}\n" in out
    # The last line, with problems, ends the run listed as not saved, after the summary.
    assert out.index("Scores") < out.index("1 line typed was not saved")
    assert out.endswith(
        "1 line typed was not saved (it had problems):\n  line 3 of the input: 6 9 9\n"
    )
    assert [p[0] for p in people(tmp_path / "a.yaml")] == ["r1", "r2"]


def test_a_bad_line_then_a_good_one_piped_is_listed_and_fails(cli: Run, tmp_path: Path) -> None:
    result = enter(cli, "4 0 1 2 3", "5 0 1", "6 2 2 2 2", "q")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "Not saved: 1 problem." in out
    # The next line is a sheet of its own; the saved sheets stay saved.
    assert "Sheet 2 saved as r2 (Commissioner or funder)" in out
    assert "Entered 2 sheets into a.yaml." in out
    assert "Resume with" not in out  # q finishes
    assert out.endswith(
        "1 line typed was not saved (it had problems):\n  line 2 of the input: 5 0 1\n"
    )
    assert [(p[0], p[1]) for p in people(tmp_path / "a.yaml")] == [
        ("r1", "staff"),
        ("r2", "commissioner"),
    ]


def test_another_sheet_after_a_bad_line_leaves_it_listed(
    cli: Run, tmp_path: Path, at_a_terminal: None
) -> None:
    # Each bad line is its own sheet when the next is not it typed again (another role,
    # or other answers): every one is listed, in order; the same sheet typed again is not.
    typed = ("4 0 1 9 3", "5 3 3 3 x", "4 3 3 3 3", "6 1 2 3", "6 1 2 3 0", "q")
    result = enter(cli, *typed)
    assert result.exit_code == 1, result.output
    assert result.stdout.endswith(
        "2 lines typed were not saved (they had problems):\n"
        "  line 1 of the input: 4 0 1 9 3\n"
        "  line 2 of the input: 5 3 3 3 x\n"
    )
    assert [(p[0], p[1]) for p in people(tmp_path / "a.yaml")] == [
        ("r1", "staff"),
        ("r2", "commissioner"),
    ]


def test_a_bad_line_corrected_is_saved_and_not_listed(cli: Run, tmp_path: Path) -> None:
    result = enter(cli, "4 0 1 7 3", "3=2", "5 x 1 y 1", "1=0", "3=d", "q")
    assert result.exit_code == 0, result.output
    assert "was not saved" not in result.stdout
    assert "of the input" not in result.stdout
    assert [p[2] for p in people(tmp_path / "a.yaml")] == [
        {"money-1": 0, "money-2": 1, "decisions-1": 2, "decisions-2": 3},
        {"money-1": 0, "money-2": 1, "decisions-1": {"skip": "dont-know"}, "decisions-2": 1},
    ]


def test_places_in_the_input_count_every_line_read(cli: Run, tmp_path: Path) -> None:
    # The period asked, a yes/no, the key and an empty line are lines of the input too;
    # a sheet taken back or refused as a double entry is no line left out.
    args = ["assess", "a.yaml", *BASE, "--organisation", "Forum", "--entry", "--plain"]
    typed = ["2026", "4 0123", "4 0123", "n", "?", "", "1 0 1 \u202e", "u", "y", "q"]
    result = cli(*args, input=lines(*typed))
    assert result.exit_code == 1, result.output
    assert result.stdout.endswith("  line 7 of the input: 1 0 1 \\u202e\n")
    assert people(tmp_path / "a.yaml") == []


def test_ctrl_c_keeps_every_sheet_saved_and_exits_130(
    cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask = Screen.ask

    def interrupted(screen: Screen, prompt: str) -> str:
        if prompt == "Sheet 3: ":
            raise KeyboardInterrupt
        return ask(screen, prompt)

    monkeypatch.setattr(Screen, "ask", interrupted)
    result = enter(cli, "4 0 1 2 3", "5 1 1 1 1", "6 2 2 2 2")
    assert result.exit_code == 130
    assert f"Entered 2 sheets into a.yaml. Resume with: {RESUME}" in result.stdout
    assert [p[0] for p in people(tmp_path / "a.yaml")] == ["r1", "r2"]


def test_a_sheet_like_one_before_is_saved_only_after_a_yes(cli: Run, tmp_path: Path) -> None:
    result = enter(cli, "4 0 1 2 3", "4 0123", "n", "4 0123", "y", "5 0123", "q")
    out = result.stdout
    question = (
        "This sheet is the same as r1 (Staff member), entered before. Save it again all the "
        "same? (y/n) "
    )
    assert out.count(question) == 2
    assert f"{question}Not saved." in out
    # The same answers from someone in another role are no double entry.
    assert out.count("This sheet is the same") == 2
    assert [(p[0], p[1]) for p in people(tmp_path / "a.yaml")] == [
        ("r1", "staff"),
        ("r2", "staff"),
        ("r3", "manager"),
    ]


def test_the_key_again_empty_lines_and_control_characters(cli: Run, tmp_path: Path) -> None:
    result = enter(cli, "?", "", "   ", "4 0\x001 2 3", "HELP", "q")
    assert result.exit_code == 0, result.output
    assert result.stdout.count("One line a sheet: the role, then the 4 answers") == 3
    assert "Sheet 1 saved as r1 (Staff member)" in result.stdout
    assert result.stdout.count("Sheet 1: ") == 4


def test_the_short_form_types_its_core_questions(
    cli: Run, tmp_path: Path, at_a_terminal: None
) -> None:
    typed = lines("3 " + "0" * 49, "3 " + "0" * 42 + "1234567")
    result = cli("assess", "b.yaml", "--short", *WHO, "--entry", "--plain", input=typed)
    assert result.exit_code == 0, result.output
    out = said(result)
    assert "the role, then the 49 answers in sheet order" in out
    assert "Answers 1 to 15: Arnstein's ladder of citizen participation (0 to 8)" in out
    assert "Answers 43 to 49: Think Local Act Personal's ladder of co-production (1 to 7)" in out
    # TLAP starts at 1: the line does not fit from answer 43 on.
    assert "answer 43 (tlap-ladder/defining-problems-1): 0 is not an option; 1 to 7, d, n, s" in out
    assert "Sheet 1 saved as r1 (Community member): 49 answered" in out
    assert "Resume with: coprod assess b.yaml --entry --short" in out
    # The file asks the short form: carrying on without --short keeps it.
    again = cli("assess", "b.yaml", "--entry", "--plain", input=lines("1 " + "d" * 49, "q"))
    assert again.exit_code == 0, again.output
    assert "the 49 answers" in again.stdout
    assert "Sheet 1 saved as r2 (Person who uses services): 0 answered, 49 don't know" in (
        again.stdout
    )
    data = saved(tmp_path / "b.yaml")
    assert data["assessment"]["form"] == "short"
    first = data["respondents"][0]["answers"]
    assert sum(len(given) for given in first.values()) == 49
    assert list(first["tlap-ladder"].values()) == [1, 2, 3, 4, 5, 6, 7]


def test_only_chooses_the_rubrics_and_their_order(cli: Run, tmp_path: Path) -> None:
    args = ["--only", "tlap-ladder", "--only", "nef-six-principles"]
    result = cli(
        "assess", "c.yaml", *args, *WHO, "--entry", "--plain", input=lines("1 7654321 " + "4" * 25)
    )
    assert result.exit_code == 0, result.output
    out = said(result)
    assert "Answers 1 to 7: Think Local Act Personal's ladder" in out
    assert "Answers 8 to 32: NEF six principles of co-production (0 to 4)" in out
    assert "Sheet 1 saved as r1 (Person who uses services): 32 answered" in out
    assert "Resume with: coprod assess c.yaml --entry --only tlap-ladder --only " in out
    (person,) = saved(tmp_path / "c.yaml")["respondents"]
    assert list(person["answers"]) == ["tlap-ladder", "nef-six-principles"]
    assert list(person["answers"]["tlap-ladder"].values()) == [7, 6, 5, 4, 3, 2, 1]


def test_an_existing_file_with_other_people_keeps_them(cli: Run, tmp_path: Path) -> None:
    typed = lines("Sam", "2", "0", "0", "0", "0", "n")
    assert cli("assess", "a.yaml", *BASE, *WHO, "--plain", input=typed).exit_code == 0
    result = cli("assess", "a.yaml", *BASE, "--entry", "--plain", input=lines("9 3333", "q"))
    assert result.exit_code == 0, result.output
    assert "Sheet 1 saved as r2 (Group answering together)" in result.stdout
    data = saved(tmp_path / "a.yaml")
    assert data["respondents"][0]["name"] == "Sam"
    assert [(p[0], p[1]) for p in people(tmp_path / "a.yaml")] == [
        ("r1", "family-carer"),
        ("r2", "group"),
    ]
    # A file asked the full form is not typed into with the short one.
    refused = cli("assess", "a.yaml", *BASE, "--short", "--entry", input="q\n")
    assert refused.exit_code == 1
    assert "error[mixed-forms]" in refused.stderr


def test_entry_takes_each_role_from_its_line(cli: Run) -> None:
    for option in (["--role", "staff"], ["--respondent", "Sam"]):
        result = cli("assess", "a.yaml", *BASE, "--entry", *option, input="q\n")
        assert result.exit_code == 2
        assert "each sheet gives its role on its line" in result.stderr


def test_where_answers_take_two_characters_spaces_are_needed(
    cli: Run, tmp_path: Path, write: Callable[..., Path], at_a_terminal: None
) -> None:
    write(
        "wide/wide.yaml",
        """\
        id: wide
        version: 1.0.0
        title: Wide scale
        summary: Values of more than one character.
        source: {citation: "Test (2026)."}
        scale:
          - {value: 0, label: None}
          - {value: 10, label: All}
        dimensions:
          - id: d
            title: D
            questions:
              - {id: q1, text: One.}
              - {id: q2, text: Two.}
        """,
    )
    args = ["assess", "w.yaml", "--rubric", "wide", "--only", "wide", *WHO, "--entry", "--plain"]
    result = cli(*args, input=lines("1 100", "1 10,0", "q"))
    assert result.exit_code == 0, result.output
    out = said(result)
    assert "Put a space or a comma between answers: some answers here have more than one" in out
    assert "For example: 1 0 10" in out
    assert "answer 1 (wide/q1): 100 is not an option; 0, 10, d, n, s" in out
    assert saved(tmp_path / "w.yaml")["respondents"][0]["answers"] == {"wide": {"q1": 10, "q2": 0}}


def test_plain_and_no_color_write_no_escape_codes(
    cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = enter(cli, "wizard 9 9 9 9", "4 0 1 2 3", "q")
    assert "\x1b" not in plain.stdout
    monkeypatch.setenv("NO_COLOR", "1")
    typed = lines("4 0 1 2 3", "q")
    styled = cli("assess", "b.yaml", *BASE, *WHO, "--entry", input=typed)
    assert "\x1b" not in styled.stdout
    assert "Sheet 1 saved as r1 (Staff member)" in styled.stdout


def test_welsh_words_and_the_language_recorded(cli: Run, tmp_path: Path) -> None:
    welsh = tmp_path / "rubrics"
    welsh.mkdir()
    source = DATA / "rubrics" / "sharing-power.yaml"
    (welsh / "sharing-power.yaml").write_text(source.read_text(encoding="utf-8"), "utf-8")
    (welsh / "sharing-power.cy.yaml").write_text(
        "translation: {of: sharing-power, lang: cy, status: draft}\n"
        "title: Rhannu pŵer (fframwaith prawf)\n",
        encoding="utf-8",
    )
    args = ["assess", "cy.yaml", "--rubric", str(welsh), "--only", "sharing-power", *WHO]
    result = cli(*args, "--entry", "--plain", "--lang", "cy", input=lines("rhiant 0 1 2 d"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    # The rubric's and the roles' words in Welsh, and the program's words already in the
    # Welsh catalog; the letters typed are the same as in English.
    assert "Rhannu pŵer (fframwaith prawf) (0 i 3)" in out
    assert "2 Aelod o'r teulu neu ofalwr" in out
    assert "1 i 4: 0 1 2 d" in out
    assert "I barhau: coprod assess cy.yaml --lang cy --entry --rubric" in out
    (person,) = saved(tmp_path / "cy.yaml")["respondents"]
    assert (person["role"], person["lang"]) == ("family-carer", "cy")


def test_a_file_typed_in_scores_and_reports(cli: Run, tmp_path: Path) -> None:
    typed = ["4 0123", "4 1233", "5 2 2 2 2", "1 3 3 d 3", "2 0 1 s s", "3 3 3 3 3", "q"]
    result = cli(
        "assess", "a.yaml", *BASE, *WHO, "--entry", "--plain", "--report", "r.md",
        input=lines(*typed),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Entered 6 sheets into a.yaml." in result.stdout
    assert "Wrote r.md" in result.stdout
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Forum")
    score = cli("score", "a.yaml", "--rubric", str(DATA / "rubrics"))
    assert score.exit_code == 0, score.output
    assert "6 respondents" in said(score)
    report = cli("report", "a.yaml", "--rubric", str(DATA / "rubrics"), "-o", "again.html")
    assert report.exit_code == 0, report.output
    assert "Sharing power (test rubric)" in (tmp_path / "again.html").read_text(encoding="utf-8")


def test_ctrl_c_in_a_real_terminal_keeps_the_sheets(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"})
    args = ["-m", "coprod_assess", "assess", "a.yaml", *BASE, *WHO, "--entry"]
    child = pexpect.spawn(
        sys.executable, args, env=env, cwd=str(tmp_path), encoding="utf-8", timeout=20
    )
    child.expect("Sheet 1: ")
    child.sendline("4 0123")
    child.expect("Sheet 2: ")
    child.sendline("5 3210")
    child.expect("Sheet 3: ")
    child.kill(signal.SIGINT)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Entered 2 sheets into a.yaml." in (child.before or "")
    assert [(p[0], p[1]) for p in people(tmp_path / "a.yaml")] == [
        ("r1", "staff"),
        ("r2", "manager"),
    ]


def test_welsh_words_for_the_lines_not_saved(cli: Run, tmp_path: Path) -> None:
    result = enter(cli, "4 0 1 2 3", "5 0 1", extra=("--lang", "cy"))
    assert result.exit_code == 1, result.output
    assert result.stdout.endswith(
        "1 llinell heb ei chadw (roedd problemau ynddi):\n  llinell 2 o'r mewnbwn: 5 0 1\n"
    )
    assert [p[0] for p in people(tmp_path / "a.yaml")] == ["r1"]


def test_from_a_file_every_bad_line_is_listed(cli: Run, tmp_path: Path) -> None:
    """Lines from a file or a pipe are each a sheet: a short line followed by another
    person's sheet with the same role is listed, never taken as typed again."""
    result = enter(cli, "4 0 1", "4 0 1 2 1", "q")
    assert result.exit_code == 1, result.output
    assert "line 1 of the input: 4 0 1\n" in result.stdout + result.stderr
    assert len(people(tmp_path / "a.yaml")) == 1
