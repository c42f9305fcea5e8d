"""`coprod template` and `coprod import` through the CLI, and the two commands to a report."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import yaml
from typer.testing import Result

from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

Run = Callable[..., Result]
RUBRICS = ["--rubric", str(DATA / "rubrics")]
IMPORTS = DATA / "imports"


def test_blank_yaml_lists_every_question_with_its_options(cli: Run, tmp_path: Path) -> None:
    result = cli("template", *RUBRICS, "--only", "sharing-power", "-o", "blank.yaml")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "blank.yaml").read_text(encoding="utf-8")
    assert "        # People who use the service help set the budget.\n" in text
    assert "        #   0 = Not yet; 1 = Emerging; 2 = Established; 3 = Embedded\n" in text
    assert "        money-1:\n" in text
    assert "    #   family-carer (Family member or carer)\n" in text
    filled = text.replace('role: ""', "role: staff").replace("money-1:\n", "money-1: 2\n")
    (tmp_path / "filled.yaml").write_text(filled, encoding="utf-8")
    scored = cli("score", "filled.yaml", *RUBRICS, "--min-coverage", "10", "--format", "json")
    assert scored.exit_code == 0, scored.output


def test_a_blank_template_has_no_answers_yet(cli: Run, tmp_path: Path) -> None:
    cli("template", *RUBRICS, "--only", "sharing-power", "-o", "blank.yaml")
    for command in ("score", "report"):
        result = cli(command, "blank.yaml", *RUBRICS)
        assert result.exit_code == 1
        assert result.stderr.startswith(
            "blank.yaml: error[no-answers] has no answers yet, so nothing to score: it is a "
            "blank template: type each person's role and the number of each answer into it"
        )
        assert "`coprod assess NEW.yaml`" in result.stderr
        assert result.stdout == ""
    assert not (tmp_path / "blank-report.html").exists()


def test_a_template_with_answers_points_at_the_empty_role(cli: Run, tmp_path: Path) -> None:
    cli("template", *RUBRICS, "--only", "sharing-power", "-o", "blank.yaml")
    text = (tmp_path / "blank.yaml").read_text(encoding="utf-8")
    (tmp_path / "blank.yaml").write_text(text.replace("money-1:\n", "money-1: 2\n"), "utf-8")
    result = cli("score", "blank.yaml", *RUBRICS)
    assert result.exit_code == 1
    line = next(
        number
        for number, text in enumerate((tmp_path / "blank.yaml").read_text().splitlines(), 1)
        if text.strip() == 'role: ""'
    )
    assert f"blank.yaml:{line}:11: error[invalid] respondents[0].role" in result.stderr


def form_columns(template: str) -> list[str]:
    """The questions of a form built from the CSV template, but "anything else"."""
    return [row["Form question"] for row in csv.DictReader(io.StringIO(template))][:-1]


def test_csv_template_imports_back_cleanly(cli: Run, tmp_path: Path) -> None:
    columns = form_columns(cli("template", "--format", "csv").stdout)
    assert columns[:2] == ["Your role", "Your name (optional)"]
    assert columns[2].startswith("[")
    row = ["Staff member", "Ann", "2"] + [""] * (len(columns) - 3)
    buffer = io.StringIO()
    csv.writer(buffer).writerows([columns, row])
    (tmp_path / "form.csv").write_text(buffer.getvalue(), encoding="utf-8")
    result = cli("import", "form.csv", "-o", "a.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    (person,) = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert (person["role"], person["name"]) == ("staff", "Ann")


def test_an_import_without_an_organisation_gives_a_report_titled_once(
    cli: Run, tmp_path: Path
) -> None:
    only = ["--only", "nef-six-principles"]
    columns = form_columns(cli("template", "--format", "csv", *only).stdout)
    rows = [["Staff member", "", *["2"] * (len(columns) - 2)]] * 3
    buffer = io.StringIO()
    csv.writer(buffer).writerows([columns, *rows])
    (tmp_path / "form.csv").write_text(buffer.getvalue(), encoding="utf-8")
    assert cli("import", "form.csv", "-o", "a.yaml").exit_code == 0
    assert cli("report", "a.yaml", "-o", "a.md").exit_code == 0
    assert cli("report", "a.yaml", "-o", "a.html").exit_code == 0
    md = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert md.startswith("# Co-production assessment\n\n3 people answered\n\n## Summary\n")
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert "<title>Co-production assessment</title>" in page
    assert "<h1>Co-production assessment</h1>" in page and 'class="kicker"' not in page
    assert '<p class="meta">3 people answered</p>' in page


def test_question_sheets(cli: Run, tmp_path: Path) -> None:
    md = cli("template", "--format", "md", "--only", "nef-six-principles").stdout
    assert md.startswith("# Question sheet")
    assert "- [ ] 2 Family member or carer" in md
    # NEF's questions share its scale: one table, the scale's words in a key above it.
    assert "- 0 = Not yet: This does not happen, or it is only talked about.\n" in md
    assert (
        "| | 0 Not yet | 1 Starting | 2 Developing | 3 Established | 4 Embedded "
        "| d Don't know | n Does not apply |\n" in md
    )
    assert (
        "| **1.** Staff ask people what they are good at, not only what they need. *Think of" in md
    )
    assert "(assets-1) | [ ] | [ ] | [ ] | [ ] | [ ] | [ ] | [ ] |\n" in md
    assert cli("template", "--format", "html", "-o", "sheet.html").exit_code == 0
    html = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    catalog = load_catalog()
    every = sum(len(rubric.questions()) for rubric in catalog.rubrics.values())
    on_scale = sum(
        q.options is None for rubric in catalog.rubrics.values() for _, q in rubric.questions()
    )
    assert every == 86 and on_scale == 46
    assert html.count('<tr class="statement">') == on_scale
    assert html.count('<div class="question ') == every - on_scale
    assert '<th scope="col"><span class="value">0</span> Not yet</th>' in html
    assert '<span class="box" aria-hidden="true"></span><span><strong>0 = Left out</strong>' in html


def test_a_sheet_ends_with_what_to_do_with_it(cli: Run, tmp_path: Path) -> None:
    md = cli("template", "--format", "md").stdout
    assert cli("template", "--format", "html", "-o", "sheet.html").exit_code == 0
    page = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    footer = page[page.index("<footer>") : page.index("</footer>")]
    for end in (md[md.rindex("\n---\n") :], footer):
        assert "Please give this sheet back to the person running the session." in end
        assert "coprod assess --entry" in end and "the role's number first" in end
        assert "(d = don't know, n = does not apply, s or - = left blank)" in end
    assert "percent points" not in md and "percent points" not in page


def test_every_number_shown_is_the_value_the_rubric_gives(cli: Run, tmp_path: Path) -> None:
    ladder = ["--only", "arnstein-ladder"]
    md = cli("template", "--format", "md", *ladder).stdout
    assert "- [ ] 0 = Left out: Managers choose alone." in md
    assert "- [ ] 8 = People in control: " in md
    # The rules question has no rung 2: after 1 comes 3, the rung, not the place in the list.
    assert "- [ ] 1 = Asked only to approve: People are asked to approve rules already " in md
    assert "with no real choice.\n- [ ] 3 = Told the rules: " in md
    assert cli("template", *ladder, "-o", "blank.yaml").exit_code == 0
    text = (tmp_path / "blank.yaml").read_text(encoding="utf-8")
    assert "#   0 = Left out; 1 = There for show; 2 = Told the problem is theirs" in text
    assert "the number before\n# '=' in the comment above it (not its place in the list)" in text


def test_two_commands_from_export_to_report(cli: Run, tmp_path: Path) -> None:
    export = str(IMPORTS / "microsoft-forms.csv")
    imported = cli(
        "import",
        export,
        *RUBRICS,
        "--only",
        "sharing-power",
        "-o",
        "a.yaml",
        "--organisation",
        "Forum",
        "--period",
        "2026",
    )
    assert imported.exit_code == 0, imported.output
    assert (
        "Imported 4 respondents (15 answers) into a.yaml. Date 2026-11-20, from the form's "
        "completion times. Next: coprod report a.yaml"
    ) in imported.stdout
    # "Any other comments?" is each person's general note, not a column left out.
    assert "unmatched-column" not in imported.stderr
    saved = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert "note: We were told, not asked, about the cuts" in saved
    assert "date: '2026-11-20'" in saved or 'date: "2026-11-20"' in saved
    report = cli("report", "a.yaml", *RUBRICS)
    assert report.exit_code == 0, report.output
    assert (tmp_path / "a-report.html").read_text(encoding="utf-8").count("<h1>Forum</h1>") == 1


def test_strict_import_writes_nothing(cli: Run, tmp_path: Path) -> None:
    result = cli(
        "import",
        str(IMPORTS / "google-forms.csv"),
        *RUBRICS,
        "--only",
        "sharing-power",
        "--strict",
        "-o",
        "a.yaml",
    )
    assert result.exit_code == 1
    assert "google-forms.csv:4:7: error[unmatched-answer] 'Sometimes' is not an option" in (
        result.stderr
    )
    assert "Nothing written" in result.stderr
    assert not (tmp_path / "a.yaml").exists()


def test_broken_mapping_file(cli: Run, write: Callable[..., Path]) -> None:
    mapping = write("map.yaml", "columns: {a: b}\nroles: {Parent: Family Carer}\n")
    result = cli("import", str(IMPORTS / "google-forms.csv"), *RUBRICS, "--mapping", str(mapping))
    assert result.exit_code == 1
    assert "map.yaml:2:17: error[invalid] roles.Parent" in result.stderr


def test_missing_export(cli: Run) -> None:
    result = cli("import", "nowhere.csv")
    assert result.exit_code == 1
    assert "nowhere.csv: error[file-missing]" in result.stderr


def _form(tmp_path: Path, text: str, name: str = "form.csv") -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return name


def test_a_one_to_five_scale_writes_nothing(cli: Run, tmp_path: Path) -> None:
    rows = "".join(f"2026/11/20,Staff member,{n}\n" for n in (1, 2, 3, 4, 5))
    form = _form(tmp_path, "Timestamp,Your role,[assets-1] Staff ask people\n" + rows)
    result = cli("import", form, "--only", "nef-six-principles", "-o", "a.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "form.csv:1:3: error[answer-numbers] column '[assets-1] Staff ask people' holds the "
        "numbers 1, 2, 3, 4, 5, but assets-1 takes only 0, 1, 2, 3, 4 (0 = Not yet; "
    )
    assert "Nothing written" in result.stderr
    assert not (tmp_path / "a.yaml").exists()


def test_a_value_and_label_that_disagree_write_nothing(cli: Run, tmp_path: Path) -> None:
    form = _form(tmp_path, "Role,assets-1\nstaff,3 - Not yet\n")
    result = cli("import", form, "--only", "nef-six-principles", "-o", "a.yaml")
    assert result.exit_code == 1
    assert (
        "form.csv:2:2: error[answer-disagrees] column 'assets-1' has '3 - Not yet', whose "
        "number and words name different options of assets-1; its options are 0 = Not yet; "
        "1 = Starting; 2 = Developing; 3 = Established; 4 = Embedded\n"
    ) in result.stderr
    assert not (tmp_path / "a.yaml").exists()


def test_unmatched_roles_print_the_mapping_to_write(cli: Run, tmp_path: Path) -> None:
    form = _form(tmp_path, 'Role,money-1\nParent carer,1\nGrandad,2\n"Nan, ""Gran""",1\n')
    result = cli("import", form, *RUBRICS, "--only", "sharing-power", "-o", "a.yaml")
    assert result.exit_code == 1
    assert "form.csv:3:1: error[unmatched-role] 'Grandad' names no role" in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-3:] == ["roles:", '  "Grandad": ???', '  "Nan, \\"Gran\\"": ???']
    assert not (tmp_path / "a.yaml").exists()
    mapping = "\n".join(lines[-3:]).replace("???", "family-carer") + "\n"
    (tmp_path / "map.yaml").write_text(mapping, encoding="utf-8")
    again = cli(
        "import", form, *RUBRICS, "--only", "sharing-power", "-o", "a.yaml", "--mapping", "map.yaml"
    )
    assert again.exit_code == 0, again.output
    people = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert [person["role"] for person in people] == ["family-carer"] * 3


def test_mapping_lines_carry_no_control_characters(cli: Run, tmp_path: Path) -> None:
    form = _form(tmp_path, "Role,money-1\nNan\x1b[31m \u202eGran\x9b,1\n")
    result = cli("import", form, *RUBRICS, "--only", "sharing-power", "-o", "a.yaml")
    assert result.exit_code == 1
    last = result.stderr.splitlines()[-1]
    assert last == '  "Nan\\u001b[31m \\u202eGran\\x9b": ???'
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    (tmp_path / "map.yaml").write_text(f"roles:\n{last.replace('???', 'staff')}\n", "utf-8")
    again = cli("import", form, *RUBRICS, "--only", "sharing-power", "--mapping", "map.yaml")
    assert again.exit_code == 0, again.output


def test_mapping_to_a_role_that_does_not_exist(cli: Run, write: Callable[..., Path]) -> None:
    mapping = write("map.yaml", "roles:\n  Parent: carer\n")
    result = cli("import", str(IMPORTS / "google-forms.csv"), *RUBRICS, "--mapping", str(mapping))
    assert result.exit_code == 1
    assert "map.yaml:2:11: error[unknown-role] no role has the id 'carer'" in result.stderr
    assert not Path("coprod-answers.yaml").exists()


def _workshop(tmp_path: Path) -> bytes:
    text = (DATA / "answers" / "workshop.yaml").read_bytes()
    (tmp_path / "a.yaml").write_bytes(text)
    return text


def _import(cli: Run, *options: str) -> Result:
    export = str(IMPORTS / "microsoft-forms.csv")
    return cli("import", export, *RUBRICS, "--only", "sharing-power", "-o", "a.yaml", *options)


def test_an_existing_answers_file_is_never_replaced_unasked(cli: Run, tmp_path: Path) -> None:
    before = _workshop(tmp_path)
    result = _import(cli)
    assert result.exit_code == 1
    assert result.stderr == (
        "a.yaml: error[output-exists] already exists; nothing written: add --append to add "
        "this form's people to it, or --force to replace it\n"
    )
    assert (tmp_path / "a.yaml").read_bytes() == before
    replaced = _import(cli, "--force")
    assert replaced.exit_code == 0, replaced.output
    assert "into a.yaml (replacing what it held)" in replaced.stdout
    people = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))["respondents"]
    assert len(people) == 4


def test_append_adds_the_form_after_the_people_already_there(cli: Run, tmp_path: Path) -> None:
    _workshop(tmp_path)
    result = _import(cli, "--append", "--organisation", "riverside parent carer  forum")
    assert result.exit_code == 0, result.output
    assert "Added 4 respondents (15 answers) to a.yaml, which now holds 10." in result.stdout
    data = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert data["assessment"]["organisation"] == "Riverside Parent Carer Forum"
    assert data["assessment"]["period"] == "2026"
    people = data["respondents"]
    assert [p["id"] for p in people] == [f"r{n}" for n in range(1, 11)]
    assert people[0]["name"] == "Sam"
    assert people[0]["answers"]["sharing-power"]["money-2"] == {
        "value": 0,
        "note": "Only staff are paid to attend",
    }
    assert people[6]["role"] == "family-carer"
    scored = cli("score", "a.yaml", *RUBRICS, "--format", "json")
    assert scored.exit_code == 0, scored.output


def test_append_keeps_the_comments_in_the_workshop_file(cli: Run, tmp_path: Path) -> None:
    _workshop(tmp_path)
    path = tmp_path / "a.yaml"
    path.write_text(
        "# Riverside workshop, typed up on the night\n" + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = _import(cli, "--append")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Riverside workshop, typed up on the night\n")
    assert len(yaml.safe_load(text)["respondents"]) == 10


def test_append_refuses_another_assessment(cli: Run, tmp_path: Path) -> None:
    before = _workshop(tmp_path)
    result = _import(cli, "--append", "--period", "2025")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "a.yaml:3:11: error[assessment-differs] period differs: '2025' in this import of "
        f"{IMPORTS / 'microsoft-forms.csv'} but '2026' in a.yaml; only answers from one "
        "assessment can be combined\n"
    )
    assert (tmp_path / "a.yaml").read_bytes() == before
    newer = before.replace(b"sharing-power: 1.0.0", b"sharing-power: 0.9.0")
    (tmp_path / "a.yaml").write_bytes(newer)
    result = _import(cli, "--append")
    assert result.exit_code == 1
    assert (
        "a.yaml:5:28: error[assessment-differs] the version of sharing-power differs: 1.0.0 in "
        "this import of"
    ) in result.stderr
    assert "but 0.9.0 in a.yaml" in result.stderr
    assert (tmp_path / "a.yaml").read_bytes() == newer


def test_append_and_force_together_is_a_usage_error(cli: Run, tmp_path: Path) -> None:
    _workshop(tmp_path)
    result = _import(cli, "--append", "--force")
    assert result.exit_code == 2
    assert "use --append or --force, not both" in result.stderr


def test_the_export_and_mapping_are_never_the_output(cli: Run, tmp_path: Path) -> None:
    form = _form(tmp_path, "Role,money-1\nstaff,1\n")
    result = cli("import", form, *RUBRICS, "-o", "./form.csv", "--force")
    assert result.exit_code == 1
    assert "form.csv: error[output-is-input] is also a file being read" in result.stderr
    assert (tmp_path / "form.csv").read_text(encoding="utf-8") == "Role,money-1\nstaff,1\n"
    (tmp_path / "map.yaml").write_text("roles: {Nan: family-carer}\n", encoding="utf-8")
    mapped = cli("import", form, *RUBRICS, "--mapping", "map.yaml", "-o", "map.yaml", "--force")
    assert mapped.exit_code == 1
    assert "map.yaml: error[output-is-input]" in mapped.stderr
    assert (tmp_path / "map.yaml").read_text(encoding="utf-8") == "roles: {Nan: family-carer}\n"


def test_an_answers_file_in_use_is_left_alone(cli: Run, tmp_path: Path) -> None:
    from coprod_assess.answers.lock import locked

    before = _workshop(tmp_path)
    with locked(tmp_path / "a.yaml"):
        result = _import(cli, "--append")
    assert result.exit_code == 1
    assert "a.yaml: error[file-in-use] is in use by another coprod command" in result.stderr
    assert (tmp_path / "a.yaml").read_bytes() == before


def test_append_keeps_the_files_sense_check(cli: Run, tmp_path: Path) -> None:
    _workshop(tmp_path)
    path = tmp_path / "a.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["assessment"]["next_steps"] = ["Meet again."]
    data["sense_check"] = {
        "drawn_from": 9,
        "findings": {"flag/x": "A sign."},
        "people": {"c1": {"role": "staff", "respondent": "r1", "responses": {"flag/x": "no"}}},
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = _import(cli, "--append")
    assert result.exit_code == 0, result.output
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert after["sense_check"] == data["sense_check"]
    assert after["assessment"]["next_steps"] == ["Meet again."]
    assert len(after["respondents"]) == 10
