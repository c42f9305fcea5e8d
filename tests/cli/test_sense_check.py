"""`coprod sense-check` with scripted input: drawing the findings, responding, resuming."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from tests.conftest import unchecked_demo

Run = Callable[..., Result]


def lines(*typed: str) -> str:
    return "".join(f"{t}\n" for t in typed)


def saved(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture
def demo(cli: Run, tmp_path: Path) -> Path:
    return unchecked_demo(cli, tmp_path)


def test_findings_drawn_once_then_each_response_saved(cli: Run, demo: Path) -> None:
    typed = lines("4", "1", "", "3", "Nobody asked <me>", "b", "", "2", "", "q")
    result = cli("sense-check", str(demo), "--plain", input=typed)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "findings to check, drawn from 10 people's answers." in out
    assert "Finding 1 of " in out and "Does this match your experience?" in out
    assert "1. Yes\n2. Partly\n3. No\n4. Not sure" in out
    assert "Saved: No. Press Enter to keep it." in out  # after going back
    assert "Comment: Nobody asked <me>" in out
    assert "Saved 3 sense-check responses to" in out
    assert f"Resume with: coprod sense-check {demo}" in out
    section = saved(demo)["sense_check"]
    ids = list(section["findings"])
    assert ids[0] == "ladder/arnstein-ladder"
    assert section["drawn_from"] == 10
    assert section["people"]["c1"] == {
        "role": "staff",
        "responses": {
            ids[0]: "yes",
            ids[1]: {"value": "no", "note": "Nobody asked <me>"},
            ids[2]: "partly",
        },
    }
    assert cli("score", str(demo)).exit_code == 0


def test_resume_the_unfinished_then_the_next_person(cli: Run, demo: Path) -> None:
    cli("sense-check", str(demo), "--plain", input=lines("1", "1", "", "q"))
    total = len(saved(demo)["sense_check"]["findings"])
    rest = ["4", ""] * (total - 1)
    typed = lines("1", *rest, "y", "2", *(["3", ""] * total), "n")
    result = cli("sense-check", str(demo), "--plain", input=typed)
    assert result.exit_code == 0, result.output
    assert f"1. c1 (Person who uses services, 1 of {total} done)" in result.stdout
    assert "Finding 2 of" in result.stdout
    assert f"All {total} findings checked. Thank you." in result.stdout
    assert "Resume with" not in result.stdout
    people = saved(demo)["sense_check"]["people"]
    assert [p["role"] for p in people.values()] == ["person-using-services", "family-carer"]
    assert set(people["c2"]["responses"].values()) == {"no"}


def test_the_findings_stay_as_first_drawn(cli: Run, demo: Path) -> None:
    cli("sense-check", str(demo), "--plain", "--role", "staff", input=lines("1", "", "q"))
    data = saved(demo)
    before = data["sense_check"]["findings"]
    data["respondents"] = data["respondents"][:8]
    demo.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = cli("sense-check", str(demo), "--plain", "--role", "staff", input=lines("q"))
    assert result.exit_code == 0, result.output
    assert "drawn from 10 people's answers; the file now has 8" in result.stdout
    assert saved(demo)["sense_check"]["findings"] == before


def test_role_option_skips_the_question(cli: Run, demo: Path) -> None:
    result = cli("sense-check", str(demo), "--plain", "--role", "family-carer", input=lines("q"))
    assert "Which role" not in result.stdout
    assert saved(demo)["sense_check"]["people"]["c1"]["role"] == "family-carer"


def test_nothing_typed_that_is_not_a_response_is_saved(cli: Run, demo: Path) -> None:
    typed = lines("", "7", "yes", "\x1b[2J", "q")
    result = cli("sense-check", str(demo), "--plain", "--role", "staff", input=typed)
    assert result.exit_code == 0
    assert result.stdout.count("Type 1 to 4, or: b back, q quit.") >= 4
    assert saved(demo)["sense_check"]["people"]["c1"]["responses"] == {}


def test_end_of_input_saves_and_says_how_to_resume(cli: Run, demo: Path) -> None:
    result = cli("sense-check", str(demo), "--plain", "--role", "staff", input=lines("2"))
    assert result.exit_code == 0
    assert "Resume with: coprod sense-check" in result.stdout


def test_a_missing_file_is_one_clear_error(cli: Run) -> None:
    result = cli("sense-check", "nope.yaml", "--plain")
    assert result.exit_code == 1
    assert "nope.yaml: error[no-answers] no such file" in result.stderr
    assert "coprod assess nope.yaml" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_with_no_answers_says_how_to_add_them(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "blank.yaml").write_text(
        "assessment: {organisation: Forum}\nrespondents:\n  - {id: r1, role: staff}\n",
        encoding="utf-8",
    )
    result = cli("sense-check", "blank.yaml", "--plain")
    assert result.exit_code == 1
    assert "has no answers yet, so there are no findings to check" in result.stderr
    assert "coprod workshop blank.yaml" in result.stderr


def test_an_unknown_role_is_a_usage_error(cli: Run, demo: Path) -> None:
    result = cli("sense-check", str(demo), "--role", "boss")
    assert result.exit_code == 2
    assert "no role has the id 'boss'" in result.stderr


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            {"findings": {"flag/x": "A sign."}, "people": {"c1": {"role": "boss"}}},
            "no role has the id 'boss'",
        ),
        (
            {
                "findings": {"flag/x": "A sign."},
                "people": {"c1": {"role": "staff", "responses": {"flag/y": "yes"}}},
            },
            "the sense-check has no finding 'flag/y'",
        ),
        (
            {
                "findings": {"flag/x": "A sign."},
                "people": {"c1": {"role": "staff", "responses": {"flag/x": "maybe"}}},
            },
            "flag/x",
        ),
        ({"findings": {"Not An Id": "x"}}, "is not a finding id"),
        (
            {
                "findings": {"flag/x": "A sign."},
                "people": {"c1": {"role": "staff", "respondent": "r99"}},
            },
            "no respondent has the id 'r99'",
        ),
    ],
)
def test_a_broken_section_is_named_at_its_line(
    cli: Run, demo: Path, section: dict, message: str
) -> None:
    data = saved(demo)
    data["sense_check"] = section
    demo.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    for command in (["sense-check", str(demo), "--plain"], ["score", str(demo)]):
        result = cli(*command, input=lines("q"))
        assert result.exit_code == 1, result.output
        assert message in result.stderr
        assert f"{demo.name}:" in result.stderr and "Traceback" not in result.output


def test_the_paper_sheet_saves_the_findings_it_prints(cli: Run, demo: Path, tmp_path: Path) -> None:
    data = saved(demo)
    data["assessment"]["organisation"] = "Forum <b>& Co</b>"
    demo.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = cli("template", "--sense-check", str(demo))
    assert result.exit_code == 0, result.output
    sheet = result.stdout
    findings = saved(demo)["sense_check"]["findings"]
    assert f"Saved the {len(findings)} findings in {demo}" in result.stderr
    assert sheet.startswith("# Do these findings match your experience?")
    assert "Forum \\<b\\>& Co\\</b\\>" in sheet
    assert sheet.count("**Does this match your experience?**") == len(findings)
    assert "- [ ] 1 = Yes\n- [ ] 2 = Partly\n- [ ] 3 = No\n- [ ] 4 = Not sure" in sheet
    assert "To enter the sheets, type: coprod sense-check " in sheet
    assert "coprod-answers\\.yaml (one sheet per person)" in sheet  # a path, escaped
    # Printed again: the same findings, not drawn afresh.
    again = cli("template", "--sense-check", str(demo), "--format", "html", "-o", "s.html")
    assert again.exit_code == 0 and "Saved the" not in again.stderr
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "Forum &lt;b&gt;&amp; Co&lt;/b&gt;" in html
    assert html.count("Does this match your experience?</strong>") == len(findings)
    # Typed in: the numbers on the sheet are the numbers the command takes.
    typed = lines("1", *(["3", ""] * len(findings)), "n")
    entered = cli("sense-check", str(demo), "--plain", input=typed)
    assert entered.exit_code == 0, entered.output
    assert set(saved(demo)["sense_check"]["people"]["c1"]["responses"].values()) == {"no"}


def test_the_sheet_is_md_or_html(cli: Run, demo: Path) -> None:
    result = cli("template", "--sense-check", str(demo), "--format", "csv")
    assert result.exit_code == 2
    assert "a sense-check sheet is md or html" in result.stderr


def test_the_sheet_of_a_file_with_no_answers_says_how_to_add_them(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "none.yaml").write_text("assessment: {}\nrespondents: []\n", encoding="utf-8")
    result = cli("template", "--sense-check", "none.yaml")
    assert result.exit_code == 1
    assert "has no answers yet" in result.stderr and "Traceback" not in result.output


def test_q_or_b_at_the_comment_is_a_command_not_a_comment(cli: Run, demo: Path) -> None:
    typed = lines("2", "b", "1", "q")
    result = cli("sense-check", str(demo), "--plain", "--role", "staff", input=typed)
    assert result.exit_code == 0, result.output
    responses = saved(demo)["sense_check"]["people"]["c1"]["responses"]
    assert list(responses.values()) == ["yes"], "b went back unsaved; q saved the choice, no note"
    assert "Resume with: coprod sense-check" in result.stdout
