"""Rubric translations: other words for the same ids, checked field by field."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.i18n import using
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.rubric.check_run import check_paths, load_builtin
from coprod_assess.rubric.files import load_file
from coprod_assess.scoring.engine import content_hash
from tests.rubric.conftest import HEAD, Found

RUBRIC = (
    HEAD
    + """\
scale:
  - {value: 0, label: Never, description: It does not happen.}
  - {value: 1, label: Always}
scoring:
  bands:
    - {from: 0, label: Low}
dimensions:
  - id: power
    title: Power
    description: Who decides.
    actions:
      - text: Share the budget.
    questions:
      - id: power-1
        core: true
        text: People decide.
        help: Think of last year.
      - id: power-2
        text: People set the budget.
"""
)

WELSH = """\
translation:
  of: tiny
  lang: cy
  status: draft
title: Bach
summary: Fframwaith bach.
scale:
  "0": {label: Byth, description: Nid yw'n digwydd.}
  1: {label: Bob amser}
bands:
  "0": {label: Isel}
dimensions:
  power:
    title: Pŵer
    description: Pwy sy'n penderfynu.
    actions: [Rhannwch y gyllideb.]
questions:
  power-1:
    text: Pobl sy'n penderfynu.
    help: Meddyliwch am y llynedd.
  power-2:
    text: Pobl sy'n gosod y gyllideb.
"""

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>'


@pytest.fixture
def rubric_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rubrics"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(RUBRIC, encoding="utf-8")
    return folder


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def _problems(*paths: Path) -> Found:
    report = check_paths(list(paths))
    return [(Path(p.file).name, p.line, p.column, p.code) for p in report.problems]


def test_a_complete_translation_checks_clean_and_shows_in_its_language(rubric_dir: Path) -> None:
    _write(rubric_dir, "tiny.cy.yaml", WELSH)
    assert _problems(rubric_dir) == []
    english = load_catalog([rubric_dir]).rubric("tiny")
    with using("cy"):
        welsh = load_catalog([rubric_dir]).rubric("tiny")
    assert welsh.title == "Bach"
    assert welsh.lang == "cy"
    assert [o.label for o in welsh.scale] == ["Byth", "Bob amser"]
    assert welsh.scoring.bands[0].label == "Isel"
    dim = welsh.dimensions[0]
    assert (dim.title, dim.description, dim.actions[0].text) == (
        "Pŵer",
        "Pwy sy'n penderfynu.",
        "Rhannwch y gyllideb.",
    )
    assert [q.text for q in dim.questions] == [
        "Pobl sy'n penderfynu.",
        "Pobl sy'n gosod y gyllideb.",
    ]
    # The same ids, values and scoring: a Welsh answer is the same answer.
    assert [q.id for _, q in welsh.questions()] == [q.id for _, q in english.questions()]
    assert [o.value for o in welsh.scale] == [o.value for o in english.scale]
    assert content_hash(welsh) == content_hash(english)
    assert english.title == "Tiny"


def test_a_missing_field_is_named_at_its_line_with_its_english(rubric_dir: Path) -> None:
    _write(rubric_dir, "tiny.cy.yaml", WELSH.replace("    help: Meddyliwch am y llynedd.\n", ""))
    report = check_paths([rubric_dir])
    assert [(Path(p.file).name, p.line, p.code) for p in report.problems] == [
        ("tiny.cy.yaml", 18, "translation-incomplete")
    ]
    message = report.problems[0].message
    assert "the help of question 'power-1' has no Cymraeg (cy) words" in message
    assert "Think of last year." in message


def test_an_untranslated_field_falls_back_to_the_rubric_words(rubric_dir: Path) -> None:
    _write(rubric_dir, "tiny.cy.yaml", WELSH.replace("    help: Meddyliwch am y llynedd.\n", ""))
    # load_catalog refuses files with problems: build the catalog by hand to localise it.
    catalog = Catalog()
    for item in load_builtin():
        catalog.add(item)
    for path in sorted(rubric_dir.glob("*.yaml")):
        catalog.add(load_file(path))
    question = catalog.localised("cy").rubric("tiny").dimensions[0].questions[0]
    assert (question.text, question.help) == ("Pobl sy'n penderfynu.", "Think of last year.")


def test_ids_the_rubric_does_not_have_are_named(rubric_dir: Path) -> None:
    text = WELSH + "  power-9:\n    text: Dim.\n"
    text = text.replace("  1: {label: Bob amser}", "  1: {label: Bob amser}\n  7: {label: Saith}")
    _write(rubric_dir, "tiny.cy.yaml", text)
    found = {(line, code) for _, line, _, code in _problems(rubric_dir)}
    assert found == {(10, "unknown-id"), (24, "unknown-id")}


def test_a_short_translation_needs_only_the_core_questions(rubric_dir: Path) -> None:
    easy = """\
    translation: {of: tiny, lang: en-easy, covers: short}
    title: Small
    summary: A small list of questions.
    scale:
      "0": {label: No}
      "1": {label: Yes}
    dimensions:
      power: {title: Who decides}
    questions:
      power-1: {text: You decide things.}
    """
    _write(rubric_dir, "tiny.en-easy.yaml", easy)
    assert _problems(rubric_dir) == []


def test_a_language_given_twice_or_of_nothing_is_refused(rubric_dir: Path) -> None:
    _write(rubric_dir, "tiny.cy.yaml", WELSH)
    _write(rubric_dir, "tiny2.cy.yaml", WELSH)
    _write(rubric_dir, "other.cy.yaml", WELSH.replace("of: tiny", "of: nothing-here"))
    codes = sorted(code for *_, code in _problems(rubric_dir))
    assert codes == ["duplicate-id", "unknown-rubric"]


def test_an_unknown_language_is_an_error_at_its_line(rubric_dir: Path) -> None:
    _write(rubric_dir, "tiny.fr.yaml", WELSH.replace("lang: cy", "lang: fr"))
    found = _problems(rubric_dir)
    assert [(name, line) for name, line, _, _ in found] == [("tiny.fr.yaml", 3)]


def test_translations_inside_the_rubric_work_the_same(tmp_path: Path) -> None:
    body = textwrap.indent(WELSH.split("status: draft\n", 1)[1], "    ")
    inline = RUBRIC + "translations:\n  cy:\n" + body
    path = tmp_path / "tiny.yaml"
    path.write_text(inline, encoding="utf-8")
    assert _problems(path) == []
    with using("cy"):
        assert load_catalog([path]).rubric("tiny").title == "Bach"
    broken = inline.replace("    summary: Fframwaith bach.\n", "")
    path.write_text(broken, encoding="utf-8")
    assert [(line, code) for _, line, _, code in _problems(path)] == [
        (27, "translation-incomplete")
    ]


def test_pictures_must_exist_and_be_harmless(rubric_dir: Path) -> None:
    (rubric_dir / "pictures").mkdir()
    (rubric_dir / "pictures" / "ok.svg").write_text(SVG, encoding="utf-8")
    hostile = {
        "script.svg": SVG.replace("<circle", "<script>alert(1)</script><circle"),
        "entity.svg": '<!DOCTYPE svg [<!ENTITY a "aaaa">]>' + SVG,
        "handler.svg": SVG.replace("<circle", '<circle onload="alert(1)"'),
        "remote.svg": SVG.replace("<circle", '<image href="http://evil.example/x.png"/><circle'),
    }
    for name, text in hostile.items():
        (rubric_dir / "pictures" / name).write_text(text, encoding="utf-8")
    (rubric_dir / "pictures" / "big.svg").write_text(SVG + " " * 300_000, encoding="utf-8")
    (rubric_dir / "pictures" / "fake.png").write_text("not a png", encoding="utf-8")

    def with_picture(name: str, alt: bool = True) -> list[str]:
        picture = f"    image: pictures/{name}\n" + ("    image-alt: A circle.\n" if alt else "")
        text = WELSH.replace(
            "    help: Meddyliwch am y llynedd.\n", "    help: Meddyliwch.\n" + picture
        )
        _write(rubric_dir, "tiny.cy.yaml", text)
        return [p.message for p in check_paths([rubric_dir]).problems]

    assert with_picture("ok.svg") == []
    assert any("image-alt" in m for m in with_picture("ok.svg", alt=False))
    for name in hostile:
        assert any("shapes and text only" in m for m in with_picture(name)), name
    assert any("too big" in m for m in with_picture("big.svg"))
    assert any("not a PNG" in m for m in with_picture("fake.png"))
    assert any("no such file" in m for m in with_picture("missing.svg"))
    assert any("relative" in m for m in with_picture("../../etc/passwd.svg"))
    assert any(".svg or .png" in m for m in with_picture("ok.gif"))


def test_a_picture_is_found_beside_the_file_that_names_it(rubric_dir: Path) -> None:
    (rubric_dir / "pictures").mkdir()
    (rubric_dir / "pictures" / "ok.svg").write_text(SVG, encoding="utf-8")
    text = WELSH.replace(
        "    help: Meddyliwch am y llynedd.\n",
        "    help: Meddyliwch.\n    image: pictures/ok.svg\n    image-alt: Cylch.\n",
    )
    _write(rubric_dir, "tiny.cy.yaml", text)
    with using("cy"):
        question = load_catalog([rubric_dir]).rubric("tiny").dimensions[0].questions[0]
    assert question.image == str((rubric_dir / "pictures" / "ok.svg").resolve())
    assert question.image_alt == "Cylch."


def test_the_builtin_identity_is_unchanged_by_languages() -> None:
    # The hashes the built-in rubrics had before they had translations: a report from
    # last year compares with this year's without "content changed".
    catalog = load_catalog()
    for lang in ("cy", "en-easy"):
        other = catalog.localised(lang)
        for rubric_id, rubric in catalog.rubrics.items():
            assert content_hash(other.rubric(rubric_id)) == content_hash(rubric)
    assert content_hash(catalog.rubric("nef-six-principles")) == (
        "sha256:5695ed36d0786ff30af6055455cf86994475870df76fceebc9628908b2420e5f"
    )


def test_skeleton_lists_every_field_then_checks_clean_once_filled(
    rubric_dir: Path, cli: Callable[..., object]
) -> None:
    result = cli(
        "rubric",
        "translate",
        "tiny",
        "--lang",
        "cy",
        "--rubric",
        str(rubric_dir),
        "-o",
        str(rubric_dir / "tiny.cy.yaml"),
    )
    assert result.exit_code == 0
    text = (rubric_dir / "tiny.cy.yaml").read_text(encoding="utf-8")
    assert "# People decide." in text
    found = _problems(rubric_dir)
    # title, summary, 2 scale labels (the description waits for its label), band,
    # dimension title, description and actions, 2 question texts, 1 help.
    assert len(found) == 11
    assert {code for *_, code in found} == {"translation-incomplete"}


def test_skeleton_refuses_english_and_unknown_languages(cli: Callable[..., object]) -> None:
    for lang in ("en", "fr"):
        result = cli("rubric", "translate", "nef-six-principles", "--lang", lang)
        assert result.exit_code == 2


def test_role_names_in_every_language_are_aliases_whatever_the_language_in_use() -> None:
    english = load_catalog().roles["family-carer"]
    assert "rhiant" in english.aliases  # a Welsh form's role cell matches in English
    with using("cy"):
        welsh = load_catalog().roles["family-carer"]
    assert welsh.label != english.label
    assert english.label in welsh.aliases
    assert "rhiant" in welsh.aliases


@pytest.mark.parametrize(
    "inside",
    [
        '<rect style="fill:url(http://evil.example/x)"/>',
        "<style>@import url(http://evil.example/x.css);</style>",
        '<rect fill="url(http://evil.example/#g)"/>',
        '<rect style="fill:u\\72l(http://evil.example/x)"/>',
        '<set attributeName="href" to="javascript:alert(1)"/>',
        '<animate attributeName="href" values="javascript:alert(1)"/>',
    ],
)
def test_pictures_that_reach_out_through_css_or_animation_are_refused(
    rubric_dir: Path, inside: str
) -> None:
    (rubric_dir / "pictures").mkdir()
    (rubric_dir / "pictures" / "p.svg").write_text(
        SVG.replace("<circle", inside + "<circle"), encoding="utf-8"
    )
    text = WELSH.replace(
        "    help: Meddyliwch am y llynedd.\n",
        "    help: Meddyliwch.\n    image: pictures/p.svg\n    image-alt: Cylch.\n",
    )
    _write(rubric_dir, "tiny.cy.yaml", text)
    assert any("shapes and text only" in p.message for p in check_paths([rubric_dir]).problems)


def test_a_gradient_inside_the_picture_is_fine(rubric_dir: Path) -> None:
    (rubric_dir / "pictures").mkdir()
    (rubric_dir / "pictures" / "p.svg").write_text(
        SVG.replace("<circle", '<circle fill="url(#g)"'), encoding="utf-8"
    )
    text = WELSH.replace(
        "    help: Meddyliwch am y llynedd.\n",
        "    help: Meddyliwch.\n    image: pictures/p.svg\n    image-alt: Cylch.\n",
    )
    _write(rubric_dir, "tiny.cy.yaml", text)
    assert check_paths([rubric_dir]).problems == []


def test_a_png_too_large_to_draw_or_a_link_out_of_the_folder_is_refused(
    rubric_dir: Path, tmp_path: Path
) -> None:
    import struct
    import zlib

    (rubric_dir / "pictures").mkdir()
    header = struct.pack(">IIBBBBB", 12000, 7000, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    png = (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )
    (rubric_dir / "pictures" / "bomb.png").write_bytes(png)
    outside = tmp_path / "outside.svg"
    outside.write_text(SVG, encoding="utf-8")
    (rubric_dir / "pictures" / "link.svg").symlink_to(outside)

    def problems(name: str) -> list[str]:
        text = WELSH.replace(
            "    help: Meddyliwch am y llynedd.\n",
            f"    help: Meddyliwch.\n    image: pictures/{name}\n    image-alt: Cylch.\n",
        )
        _write(rubric_dir, "tiny.cy.yaml", text)
        return [p.message for p in check_paths([rubric_dir]).problems]

    assert any("12000 x 7000 pixels is too big" in m for m in problems("bomb.png"))
    assert any("must be a file in this folder" in m for m in problems("link.svg"))


def test_a_rubric_that_replaces_a_builtin_one_does_not_take_its_translations(
    tmp_path: Path,
) -> None:
    from coprod_assess.resources import rubrics_dir

    folder = tmp_path / "mine"
    folder.mkdir()
    source = (rubrics_dir() / "nef-six-principles.yaml").read_text(encoding="utf-8")
    changed = source.replace(
        "Staff ask people what they are good at, not only what they need.",
        "Staff ask people how much money they earn.",
    )
    assert changed != source
    (folder / "nef-six-principles.yaml").write_text(changed, encoding="utf-8")
    with using("cy"):
        mine = load_catalog([folder]).rubric("nef-six-principles")
        builtin = load_catalog().rubric("nef-six-principles")
    assert mine.dimensions[0].questions[0].text == "Staff ask people how much money they earn."
    assert builtin.title != mine.title  # the built-in rubric still has its Welsh


def test_a_translation_being_filled_in_does_not_stop_the_rubric_being_used(
    rubric_dir: Path,
) -> None:
    _write(rubric_dir, "tiny.cy.yaml", WELSH.replace("    help: Meddyliwch am y llynedd.\n", ""))
    assert not check_paths([rubric_dir]).ok
    assert load_catalog([rubric_dir]).rubric("tiny").title == "Tiny"
    with using("cy"):
        question = load_catalog([rubric_dir]).rubric("tiny").dimensions[0].questions[0]
    assert (question.text, question.help) == ("Pobl sy'n penderfynu.", "Think of last year.")


def test_a_catalog_in_one_language_gives_any_other() -> None:
    with using("cy"):
        welsh = load_catalog()
    english = welsh.localised("en")
    assert english.rubric("nef-six-principles").title == "NEF six principles of co-production"
    assert (
        english.localised("cy").rubric("nef-six-principles").title
        == welsh.rubric("nef-six-principles").title
    )
