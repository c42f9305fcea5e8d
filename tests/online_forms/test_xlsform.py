"""`coprod template --format xlsform`: a workbook the reference converter (pyxform) turns
into an XForm, with every question, its choices, both languages and the rubrics' versions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from pyxform.xls2xform import convert
from typer.testing import Result

from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

Run = Callable[..., Result]
NS = {"x": "http://www.w3.org/2002/xforms", "h": "http://www.w3.org/1999/xhtml"}
EN, CY = "English (en)", "Cymraeg (cy)"
SHORT_RUBRICS = ["--rubric", str(DATA / "short")]


class XForm:
    """The XForm pyxform makes of a workbook, read the way ODK Collect reads it."""

    def __init__(self, path: Path) -> None:
        warnings: list[str] = []
        self.xml = convert(xlsform=str(path), warnings=warnings).xform
        assert warnings == []
        self.root = ET.fromstring(self.xml)
        model = self.root.find("h:head/x:model", NS)
        assert model is not None
        self.model = model
        data = model.find("x:instance/x:data", NS)
        assert data is not None
        self.data = data

    def fields(self) -> dict[str, list[str]]:
        """Each top-level field, with the names of the fields inside it (a group's)."""
        return {
            child.tag.split("}")[1]: [c.tag.split("}")[1] for c in child] for child in self.data
        }

    def texts(self, lang: str) -> dict[str, str]:
        """Every label and hint in one language, by its itext id."""
        found = self.model.find(f"x:itext/x:translation[@lang='{lang}']", NS)
        assert found is not None
        return {
            text.attrib["id"]: "".join(value.itertext())
            for text in found
            for value in text.findall("x:value", NS)
        }

    def default_language(self) -> str:
        (found,) = self.model.findall("x:itext/x:translation[@default='true()']", NS)
        return found.attrib["lang"]

    def choices(self, ref: str) -> list[str]:
        """The names of the choices of the select at `ref` (/data/group/question)."""
        (select,) = [s for s in self.root.iter(f"{{{NS['x']}}}select1") if s.get("ref") == ref]
        itemset = select.find("x:itemset", NS)
        assert itemset is not None
        instance = itemset.attrib["nodeset"].split("'")[1]
        items = self.model.find(f"x:instance[@id='{instance}']/x:root", NS)
        assert items is not None
        return [item.findtext("x:name", namespaces=NS) or "" for item in items]

    def required(self) -> list[str]:
        return [
            bind.attrib["nodeset"]
            for bind in self.model.findall("x:bind", NS)
            if bind.get("required") == "true()"
        ]


def settings(path: Path) -> dict[str, str]:
    sheet = openpyxl.load_workbook(path)["settings"]
    header, row = sheet.iter_rows(values_only=True)
    return dict(zip(header, row, strict=True))


def test_the_whole_form_converts_with_every_question_in_its_rubric_group(
    cli: Run, tmp_path: Path
) -> None:
    result = cli("template", "--format", "xlsform", "-o", "form.xlsx")
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr == "Wrote form.xlsx\n"
    form = XForm(tmp_path / "form.xlsx")
    catalog = load_catalog()
    fields = form.fields()
    assert list(fields)[:4] == ["start", "end", "role", "name"]
    assert list(fields)[-2:] == ["anything_else", "meta"]
    groups = {name: inside for name, inside in fields.items() if inside and name != "meta"}
    assert groups == {
        rubric.id: [question.id for _, question in rubric.questions()]
        for rubric in catalog.rubrics.values()
    }
    assert form.required() == ["/data/role"]
    assert form.choices("/data/role") == list(catalog.roles)
    for rubric in catalog.rubrics.values():
        for _, question in rubric.questions():
            values = [f"{o.value:g}" for o in rubric.options_for(question)]
            choices = form.choices(f"/data/{rubric.id}/{question.id}")
            assert choices == [*values, "dont-know", "not-applicable"], question.id
    # The ladder's rules question has no rung 2: its choices are named by the rungs.
    assert form.choices("/data/arnstein-ladder/governance-2")[:3] == ["0", "1", "3"]


def test_english_and_welsh_words_with_english_first(cli: Run, tmp_path: Path) -> None:
    assert cli("template", "--format", "xlsform", "-o", "form.xlsx").exit_code == 0
    form = XForm(tmp_path / "form.xlsx")
    assert form.default_language() == EN
    english, welsh = form.texts(EN), form.texts(CY)
    assert english.keys() == welsh.keys()
    nef = load_catalog().rubric("nef-six-principles")
    cymraeg = load_catalog().localised("cy").rubric("nef-six-principles")
    question, cwestiwn = nef.dimensions[0].questions[0], cymraeg.dimensions[0].questions[0]
    assert cwestiwn.text != question.text
    label = f"/data/nef-six-principles/{question.id}:label"
    assert (english[label], welsh[label]) == (question.text, cwestiwn.text)
    hint = f"/data/nef-six-principles/{question.id}:hint"
    assert (english[hint], welsh[hint]) == (question.help, cwestiwn.help)
    assert welsh["/data/nef-six-principles:label"] == cymraeg.title
    assert english["/data/name:label"] == "Your name (optional)"
    assert welsh["/data/name:label"] == "Eich enw (dewisol)"
    assert english["/data/anything_else:label"] == "Anything else you want to tell us?"
    scale = [t for key, t in english.items() if key.startswith("nef-six-principles-")]
    assert scale == [
        "0 \u2013 Not yet: This does not happen, or it is only talked about.",
        "1 \u2013 Starting: It has happened once or twice.",
        "2 \u2013 Developing: It happens sometimes, or only in some places.",
        "3 \u2013 Established: It happens most of the time.",
        "4 \u2013 Embedded: It always happens. It is how the service works.",
        "Don't know",
        "Does not apply",
    ]
    ynteu = [t for key, t in welsh.items() if key.startswith("nef-six-principles-")]
    assert ynteu[-2:] == ["Ddim yn gwybod", "Ddim yn berthnasol"]
    assert ynteu[3].startswith(f"3 \u2013 {cymraeg.scale[3].label}: ")
    assert welsh["coprod_roles-3"] == "Aelod o staff"


def test_welsh_first_with_lang_cy(cli: Run, tmp_path: Path) -> None:
    result = cli("template", "--format", "xlsform", "-o", "form.xlsx", "--lang", "cy")
    assert result.exit_code == 0, result.output
    assert XForm(tmp_path / "form.xlsx").default_language() == CY
    assert settings(tmp_path / "form.xlsx")["default_language"] == CY


def test_settings_carry_the_rubrics_and_their_versions(cli: Run, tmp_path: Path) -> None:
    assert cli("template", "--format", "xlsform", "-o", "form.xlsx").exit_code == 0
    found = settings(tmp_path / "form.xlsx")
    catalog = load_catalog()
    assert found["coprod_rubrics"] == "; ".join(
        f"{rubric.id} {rubric.version}" for rubric in catalog.rubrics.values()
    )
    assert (found["form_id"], found["coprod_form"]) == ("coprod-assess", "full")
    assert found["form_title"] == "Co-production assessment"
    form = XForm(tmp_path / "form.xlsx")
    assert form.data.attrib == {"id": "coprod-assess", "version": found["version"]}


def test_a_changed_rubric_changes_the_version(
    cli: Run, tmp_path: Path, write: Callable[..., Path]
) -> None:
    text = (DATA / "rubrics" / "sharing-power.yaml").read_text(encoding="utf-8")
    write("a/sharing-power.yaml", text)
    write("b/sharing-power.yaml", text.replace("version: 1.0.0", "version: 1.1.0"))
    versions = []
    for folder in ("a", "b", "a"):
        options = ["--rubric", folder, "--only", "sharing-power", "-o", f"{folder}.xlsx"]
        assert cli("template", "--format", "xlsform", *options).exit_code == 0
        found = settings(tmp_path / f"{folder}.xlsx")
        assert found["form_id"] == "coprod-assess-sharing-power"
        versions.append((found["version"], found["coprod_rubrics"]))
    assert versions[0] == versions[2] != versions[1]
    assert versions[1][1] == "sharing-power 1.1.0"


def test_the_short_form_asks_only_the_core_questions(cli: Run, tmp_path: Path) -> None:
    result = cli("template", "--format", "xlsform", "--short", "-o", "form.xlsx")
    assert result.exit_code == 0, result.output
    fields = XForm(tmp_path / "form.xlsx").fields()
    catalog = load_catalog()
    for rubric in catalog.rubrics.values():
        core = [question.id for _, question in rubric.questions() if question.core]
        assert fields[rubric.id] == core
    found = settings(tmp_path / "form.xlsx")
    assert (found["form_id"], found["coprod_form"]) == ("coprod-assess-short", "short")
    assert found["form_title"] == "Co-production assessment (short form)"


def test_only_one_rubric(cli: Run, tmp_path: Path) -> None:
    options = ["--only", "nef-six-principles", "--short", "-o", "form.xlsx"]
    assert cli("template", "--format", "xlsform", *options).exit_code == 0
    fields = XForm(tmp_path / "form.xlsx").fields()
    assert [name for name, inside in fields.items() if inside] == ["nef-six-principles", "meta"]
    found = settings(tmp_path / "form.xlsx")
    assert found["form_id"] == "coprod-assess-nef-six-principles-short"
    assert found["coprod_rubrics"].startswith("nef-six-principles ")


HOSTILE = """\
id: 2-hostile
version: 1.0.0
title: "=HYPERLINK(\\"http://evil.example\\") \\e[31m"
summary: S.
source: {citation: "C (2026)."}
scale:
  - {value: -1, label: "${role} <b>&amp;", description: "_x0041_ \\u202e"}
  - {value: 0.5, label: "+1", description: "@SUM(A1)"}
dimensions:
  - id: d
    title: D
    questions:
      - id: 1-first
        text: "What about ${name}?\\x07"
        help: "Line one\\nLine two"
      - id: meta
        text: "=1+1"
        options:
          - {value: 1, label: "Yes"}
          - {value: 2, label: "No"}
"""


def test_hostile_rubric_text_round_trips(
    cli: Run, tmp_path: Path, write: Callable[..., Path]
) -> None:
    write("own/hostile.yaml", HOSTILE)
    options = ["--rubric", "own", "--only", "2-hostile", "-o", "form.xlsx"]
    result = cli("template", "--format", "xlsform", *options)
    assert result.exit_code == 0, result.output
    form = XForm(tmp_path / "form.xlsx")
    # Names XLSForm cannot take get a `_` in front: a digit first, and `meta`.
    assert form.fields()["_2-hostile"] == ["_1-first", "_meta"]
    assert form.choices("/data/_2-hostile/_1-first") == ["-1", "0.5", "dont-know", "not-applicable"]
    assert form.choices("/data/_2-hostile/_meta") == ["1", "2", "dont-know", "not-applicable"]
    english = form.texts(EN)
    assert english["/data/_2-hostile:label"] == '=HYPERLINK("http://evil.example") \\x1b[31m'
    assert english["/data/_2-hostile/_1-first:label"] == "What about $\u2060{name}?\\x07"
    assert english["/data/_2-hostile/_1-first:hint"] == "Line one\nLine two"
    assert english["/data/_2-hostile/_meta:label"] == "=1+1"
    assert english["_2-hostile-0"] == "-1 \u2013 $\u2060{role} <b>&amp;: _x0041_ \\u202e"
    assert english["_2-hostile-1"] == "0.5 \u2013 +1: @SUM(A1)"
    # A rubric with no Welsh words gives its own words in the Welsh column too.
    assert form.texts(CY)["/data/_2-hostile/_meta:label"] == "=1+1"
    assert "<output" not in form.xml


@pytest.mark.parametrize("rubric_id", ["role", "name", "start", "end"])
def test_a_rubric_named_like_a_field_of_the_form(
    cli: Run, tmp_path: Path, write: Callable[..., Path], rubric_id: str
) -> None:
    text = (DATA / "rubrics" / "sharing-power.yaml").read_text(encoding="utf-8")
    write("own/r.yaml", text.replace("id: sharing-power", f"id: {rubric_id}"))
    options = ["--rubric", "own", "--only", rubric_id, "-o", "form.xlsx"]
    assert cli("template", "--format", "xlsform", *options).exit_code == 0
    fields = XForm(tmp_path / "form.xlsx").fields()
    assert fields[f"_{rubric_id}"][0] == "money-1"
    assert fields[rubric_id] == []


def test_a_workbook_is_never_printed(cli: Run, tmp_path: Path) -> None:
    result = cli("template", "--format", "xlsform")
    assert result.exit_code == 2
    assert result.stdout == ""
    message = " ".join(result.stderr.replace("│", " ").split())
    assert (
        "Invalid value for --format xlsform: an XLSForm is a workbook, not text to show: write "
        "it to a file with -o form.xlsx" in message
    )
    assert list(tmp_path.iterdir()) == []


def test_easy_read_is_no_column_of_a_workbook(cli: Run, tmp_path: Path) -> None:
    result = cli("template", "--format", "xlsform", "-o", "form.xlsx", "--lang", "en-easy")
    assert result.exit_code == 2
    message = " ".join(result.stderr.replace("│", " ").split())
    assert "an XLSForm holds English and Welsh, not Easy Read: use --lang en or --lang cy" in (
        message
    )
    assert not (tmp_path / "form.xlsx").exists()


def test_an_answers_file_is_never_replaced_by_a_workbook(cli: Run, tmp_path: Path) -> None:
    answers = (DATA / "answers" / "workshop.yaml").read_bytes()
    (tmp_path / "a.yaml").write_bytes(answers)
    result = cli("template", "--format", "xlsform", "-o", "a.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("a.yaml: error[output-holds-answers] holds answers")
    assert (tmp_path / "a.yaml").read_bytes() == answers
    (tmp_path / "old.xlsx").write_bytes(b"an old form")
    assert cli("template", "--format", "xlsform", "-o", "old.xlsx").exit_code == 0
    XForm(tmp_path / "old.xlsx")


def test_a_text_too_long_for_a_cell_writes_nothing(
    cli: Run, tmp_path: Path, write: Callable[..., Path]
) -> None:
    text = (DATA / "rubrics" / "sharing-power.yaml").read_text(encoding="utf-8")
    longer = "Think of the last budget round." + " And again." * 3000
    write("own/sharing-power.yaml", text.replace("Think of the last budget round.", longer))
    options = ["--rubric", "own", "--only", "sharing-power", "-o", "form.xlsx"]
    result = cli("template", "--format", "xlsform", *options)
    assert result.exit_code == 1
    assert result.stderr == (
        "form.xlsx: error[text-too-long] a rubric's text is longer than a workbook cell holds "
        "(32,767 characters): 'Think of the last budget round. And again. And again. And ag...'; "
        "shorten it\n"
    )
    assert not (tmp_path / "form.xlsx").exists()
