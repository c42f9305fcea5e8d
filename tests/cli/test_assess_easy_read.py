"""`coprod assess --lang en-easy`: the short form in Easy Read, each picture in words,
beside people who answered the full form in English."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import Result

from coprod_assess.i18n import using
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.rubric.forms import short_form

Run = Callable[..., Result]
RUBRIC = "nef-six-principles"
WHO = ["--organisation", "Forum", "--period", "2026"]


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    with using("en"):
        yield


def lines(*typed: str) -> str:
    return "".join(f"{t}\n" for t in typed)


def saved(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def easy_questions() -> list[tuple[str, str | None]]:
    """The short form's questions, as Easy Read words them: (id, the picture in words)."""
    with using("en-easy"):
        rubric = short_form(load_catalog().rubric(RUBRIC))
    return [(question.id, question.image_alt) for _, question in rubric.questions()]


def test_easy_read_in_a_full_form_file_asks_the_core_questions_and_says_so(
    cli: Run, tmp_path: Path
) -> None:
    full = cli(
        "assess", "a.yaml", "--only", RUBRIC, *WHO, "--plain", input=lines("Kim", "4", "2", "q")
    )
    assert full.exit_code == 0, full.output
    asked = easy_questions()
    typed = lines("", "1", *["1"] * len(asked), "n")
    result = cli("assess", "a.yaml", "--only", RUBRIC, "--plain", "--lang", "en-easy", input=typed)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "You will answer a short set of questions." in out
    assert f"Question 1 of {len(asked)}\n" in out
    assert f"Question {len(asked) + 1} of" not in out
    # Each question's picture, in words: the terminal cannot show it.
    pictured = [alt for _, alt in asked if alt]
    assert pictured
    for alt in pictured:
        assert f"Picture: {alt}\n" in out
    assert "Type ? for help. Type s to skip." in out
    assert f"Saved. {len(asked) + 1} answers are kept in a.yaml." in out
    data = saved(tmp_path / "a.yaml")
    assert data["assessment"].get("form") != "short"  # the file still asks the full form
    english, easy = data["respondents"]
    assert (english["lang"], "form" in english) == ("en", False)
    assert (easy["lang"], easy["form"]) == ("en-easy", "short")
    assert list(easy["answers"][RUBRIC]) == [question_id for question_id, _ in asked]
    # Scoring counts them as asked only the core questions.
    assert cli("score", "a.yaml").exit_code == 0


def test_easy_read_in_a_new_file_asks_the_short_form_as_short_does(
    cli: Run, tmp_path: Path
) -> None:
    asked = easy_questions()
    typed = lines("", "1", "1", "q")
    result = cli(
        "assess", "b.yaml", "--only", RUBRIC, *WHO, "--plain", "--lang", "en-easy", input=typed
    )
    assert result.exit_code == 0, result.output
    assert f"Question 1 of {len(asked)}" in result.stdout
    assert "Saved. 1 answer is kept in b.yaml." in result.stdout
    assert "To carry on later, type: coprod assess b.yaml --lang en-easy" in result.stdout
    data = saved(tmp_path / "b.yaml")
    assert data["assessment"]["form"] == "short"
    (person,) = data["respondents"]
    assert person["lang"] == "en-easy"
    assert "form" not in person  # the file's own form


def test_each_form_carries_on_in_its_own(cli: Run, tmp_path: Path) -> None:
    cli("assess", "a.yaml", "--only", RUBRIC, *WHO, "--plain", input=lines("Kim", "4", "2", "q"))
    easy = ["assess", "a.yaml", "--only", RUBRIC, "--plain", "--lang", "en-easy"]
    cli(*easy, input=lines("Jo", "1", "1", "q"))
    # English offers only Kim to carry on; Easy Read only Jo.
    english = cli("assess", "a.yaml", "--only", RUBRIC, "--plain", input=lines("1", "q"))
    assert "Not finished yet:\n1. r1 (" in english.stdout and "2. r2" not in english.stdout
    again = cli(*easy, input=lines("1", "q"))
    assert "These people have not finished:\n1. r2 (" in again.stdout
    assert f", 1 of {len(easy_questions())} answered)" in again.stdout
    # Asked for by name in the other form: a usage error that says how to carry on.
    wrong = cli("assess", "a.yaml", "--only", RUBRIC, "--respondent", "Jo")
    assert wrong.exit_code == 2
    assert "r2 answers the short form (Easy Read): carry on with --lang en-easy" in wrong.stderr
