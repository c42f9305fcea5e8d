"""`coprod assess` and `coprod sense-check` in Welsh (`--lang cy`): every word the program
says is Welsh, the rubric's words come from its Welsh translation, and the file saved is
the one an English run saves, with the language each person answered in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from typer.testing import Result

from coprod_assess.i18n import LOCALE_DIR, using
from tests.conftest import DATA, unchecked_demo

Run = Callable[..., Result]

WELSH = """\
translation:
  of: sharing-power
  lang: cy
  status: draft
title: Rhannu pŵer (fframwaith prawf)
summary: Fframwaith bach ar gyfer y profion.
scale:
  "0": {label: Dim eto, description: Does dim byd fel hyn yn digwydd.}
  "1": {label: Yn dechrau, description: Mae'n digwydd o bryd i'w gilydd.}
  "2": {label: Wedi sefydlu, description: Mae'n digwydd y rhan fwyaf o'r amser.}
  "3": {label: Wedi gwreiddio, description: Dyma sut rydyn ni'n gweithio bob amser.}
bands:
  "0": {label: Heb ddechrau}
  "1": {label: Yn dechrau}
  "2": {label: Cryf}
dimensions:
  money:
    title: Arian
    description: Pwy sy'n penderfynu sut mae arian yn cael ei wario.
    actions: [Cytuno ar bolisi talu gyda'r bobl dan sylw.]
  decisions:
    title: Penderfyniadau
questions:
  money-1:
    text: Mae pobl sy'n defnyddio'r gwasanaeth yn helpu i osod y gyllideb.
    help: Meddyliwch am y rownd gyllideb ddiwethaf.
  money-2:
    text: Mae pobl yn cael eu talu am eu hamser.
  decisions-1:
    text: Mae penderfyniadau'n cael eu gwneud gyda'n gilydd.
  decisions-2:
    text: Mae staff yn credu bod pobl sy'n defnyddio gwasanaethau yn arbenigwyr.
"""


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """Whatever a command sets, the next test starts in English."""
    with using("en"):
        yield


@pytest.fixture
def rubrics(tmp_path: Path) -> Path:
    """The test rubric with its Welsh translation beside it."""
    folder = tmp_path / "rubrics"
    folder.mkdir()
    source = DATA / "rubrics" / "sharing-power.yaml"
    (folder / "sharing-power.yaml").write_text(source.read_text(encoding="utf-8"), "utf-8")
    (folder / "sharing-power.cy.yaml").write_text(WELSH, encoding="utf-8")
    return folder


def lines(*typed: str) -> str:
    return "".join(f"{t}\n" for t in typed)


def saved(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def english_sentences() -> list[str]:
    """The English words of every message of the cli catalog, cut at its placeholders:
    pieces of three words or more, which no Welsh screen may show."""
    with (LOCALE_DIR / "cli.pot").open("rb") as handle:
        catalog = read_po(handle)
    pieces: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            for piece in re.split(r"\{[^}]*\}", text):
                piece = piece.strip(" .:,;()[]")
                if len(piece.split()) >= 3:
                    pieces.add(piece)
    return sorted(pieces)


def english_left(out: str) -> list[str]:
    return [piece for piece in english_sentences() if piece in out]


FIRST = ("Sam", "2", "?", "0", "n", "Evidence: the minutes", "1", "s", "d", "q")
RESUMED = ("1", "3", "n")


def answer_twice(cli: Run, rubrics: Path, name: str, *lang: str) -> tuple[Result, Result]:
    """Answer three questions and stop, then carry on and finish, as one person."""
    args = ["assess", name, "--rubric", str(rubrics), "--only", "sharing-power", "--plain"]
    first = cli(*args, "--organisation", "Fforwm", "--period", "2026", *lang, input=lines(*FIRST))
    resumed = cli(*args, *lang, input=lines(*RESUMED))
    return first, resumed


def test_a_whole_welsh_run_speaks_welsh_and_saves_what_english_saves(
    cli: Run, rubrics: Path, tmp_path: Path
) -> None:
    first, resumed = answer_twice(cli, rubrics, "cy.yaml", "--lang", "cy")
    assert first.exit_code == 0, first.output
    assert resumed.exit_code == 0, resumed.output
    out = first.stdout
    # The program's words, in Welsh.
    assert "Rhannu pŵer (fframwaith prawf), Arian, cwestiwn 1 o 4" in out
    assert "Teipiwch rif eich ateb (0 i 3), neu: ? cymorth, s sgipio" in out
    assert "Meddyliwch am y rownd gyllideb ddiwethaf." in out  # the help, from the rubric
    assert "Mae'r nodyn wedi'i gadw: caiff ei gadw gyda'r ateb a roddwch nesaf." in out
    assert "Sgipio fel d) ddim yn gwybod neu n) ddim yn berthnasol?" in out
    assert "Cadwyd 3 o atebion yn cy.yaml.\nI barhau: coprod assess cy.yaml --lang cy" in out
    # The rubric's words, from its Welsh translation: the numbers typed are the same.
    assert "0. Dim eto: Does dim byd fel hyn yn digwydd." in out
    again = resumed.stdout
    assert "Heb orffen eto:\n1. r1 (" in again
    assert "3 o 4 wedi'u hateb)" in again
    assert "Penderfyniadau, cwestiwn 4 o 4" in again
    assert "Atebwyd pob un o'r 4 cwestiwn. Diolch." in again
    assert "Pasiwch y gliniadur: ychwanegu'r person nesaf? (i/n)" in again
    assert "I barhau" not in again
    # No English sentence of the program is left, in either run.
    assert english_left(out + again) == []

    english, english_resumed = answer_twice(cli, rubrics, "en.yaml")
    assert english.exit_code == 0 and english_resumed.exit_code == 0
    assert "Saved 3 answers to en.yaml.\nResume with: coprod assess en.yaml\n" in english.stdout
    assert english_left(english.stdout)  # the check above can see English when it is there
    # The same ids and values as the English run, and the language they answered in.
    welsh_file, english_file = saved(tmp_path / "cy.yaml"), saved(tmp_path / "en.yaml")
    (welsh_person,) = welsh_file["respondents"]
    (english_person,) = english_file["respondents"]
    assert welsh_person.pop("lang") == "cy"
    assert english_person.pop("lang") == "en"
    assert welsh_file == english_file
    assert welsh_person["answers"]["sharing-power"] == {
        "money-1": 0,
        "money-2": {"value": 1, "note": "Evidence: the minutes"},
        "decisions-1": {"skip": "dont-know"},
        "decisions-2": 3,
    }


def test_welsh_with_no_color_and_no_plain_option(
    cli: Run, rubrics: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    args = ["assess", "a.yaml", "--rubric", str(rubrics), "--only", "sharing-power"]
    result = cli(
        *args, "--organisation", "O", "--period", "1", "--lang", "cy", input=lines("", "4", "q")
    )
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout
    assert "Rhannu pŵer (fframwaith prawf), Arian, cwestiwn 1 o 4" in result.stdout
    assert "Does dim atebion" not in result.stdout
    assert english_left(result.stdout) == []


def test_coprod_lang_chooses_welsh_and_the_english_keys_still_work(
    cli: Run, rubrics: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COPROD_LANG", "cy")
    args = ["assess", "a.yaml", "--rubric", str(rubrics), "--only", "sharing-power", "--plain"]
    typed = lines("", "4", "help", "nodyn", "Nodyn cyntaf", "2", "b", "", "sgipio", "n", "gadael")
    result = cli(*args, "--organisation", "O", "--period", "1", input=typed)
    assert result.exit_code == 0, result.output
    assert "Eich ateb: Meddyliwch am y rownd gyllideb ddiwethaf." in result.stdout  # help
    assert "Ateb wedi'i gadw: Wedi sefydlu. Pwyswch Enter i'w gadw." in result.stdout
    person = saved(tmp_path / "a.yaml")["respondents"][0]
    assert person["lang"] == "cy"
    assert person["answers"]["sharing-power"] == {
        "money-1": {"value": 2, "note": "Nodyn cyntaf"},
        "money-2": {"skip": "not-applicable"},
    }


def test_a_welsh_sense_check(cli: Run, tmp_path: Path) -> None:
    demo = unchecked_demo(cli, tmp_path)
    typed = lines("4", "2", "", "3", "Ni ofynnodd neb i mi", "b", "", "2", "", "q")
    result = cli("sense-check", str(demo), "--plain", "--lang", "cy", input=typed)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "o ganfyddiadau i'w gwirio, o atebion 10 o bobl." in out
    assert "Canfyddiad 1 o " in out
    assert "Ydy hyn yn cyd-fynd â'ch profiad chi?" in out
    assert "1. Ydy\n2. Yn rhannol\n3. Nac ydy\n4. Ddim yn siŵr" in out
    assert "Wedi'i gadw: Nac ydy. Pwyswch Enter i'w gadw." in out
    assert "Sylw: Ni ofynnodd neb i mi" in out
    assert "Cadwyd 3 o ymatebion i'r gwirio yn" in out
    assert f"I barhau: coprod sense-check {demo} --lang cy" in out
    assert english_left(out) == []
    section = saved(demo)["sense_check"]
    ids = list(section["findings"])
    # The findings are shown as the file stores them (in English, keyed by id), and the
    # responses are saved as ids, whatever the language.
    assert section["findings"][ids[0]] in out
    assert section["people"]["c1"]["responses"] == {
        ids[0]: "partly",
        ids[1]: {"value": "no", "note": "Ni ofynnodd neb i mi"},
        ids[2]: "partly",
    }


def test_errors_in_welsh_name_the_file_and_exit_non_zero(cli: Run, tmp_path: Path) -> None:
    missing = cli("sense-check", "dim-yma.yaml", "--lang", "cy")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("dim-yma.yaml: error[no-answers] does dim ffeil o'r fath:")
    assert "`coprod assess dim-yma.yaml`" in missing.stderr

    (tmp_path / "a.yaml").write_bytes(b"assessment: {organisation: Caf\xe9}\n")
    broken = cli("assess", "a.yaml", "--lang", "cy", input="q\n")
    assert broken.exit_code == 1
    assert "a.yaml:1:31: error[not-utf8] nid testun UTF-8 yw hwn (beit 0xe9)" in broken.stderr

    unknown = cli("assess", "a.yaml", "--lang", "cy", "--only", "dim-fath")
    assert unknown.exit_code == 2
    assert "does dim fframwaith â'r id 'dim-fath'" in unknown.stderr
