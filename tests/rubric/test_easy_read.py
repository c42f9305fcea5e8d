"""The built-in Easy Read English (en-easy): short sentences, everyday words, a picture
beside every core question, and the same questions as everyone else answers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat

from coprod_assess.loading.document import YamlDocument
from coprod_assess.resources import rubrics_dir
from coprod_assess.rubric.catalog import Catalog, load_catalog
from coprod_assess.rubric.check_run import check_paths
from coprod_assess.rubric.files import load_file
from coprod_assess.rubric.forms import short_form
from coprod_assess.rubric.models import Option, Rubric
from coprod_assess.rubric.translation import OptionText, TranslationFile, value_key
from coprod_assess.rubric.translation_checks import check_picture
from coprod_assess.scoring.engine import content_hash

RUBRICS = [
    "arnstein-ladder",
    "nef-six-principles",
    "hunter-ritchie-rules",
    "five-p-levers",
    "tlap-ladder",
]
EASY_FILES = [f"{rid}.en-easy.yaml" for rid in RUBRICS] + ["roles.en-easy.yaml"]
PICTURES = rubrics_dir() / "pictures"
MAX_WORDS = 15  # Easy Read guidance (Mencap, CHANGE): 15 words or fewer a sentence
MAX_PICTURE_BYTES = 4 * 1024
# Words of the trade that Easy Read says in everyday words instead. A word in quotes is
# named, not used (the claim questions tell people which word to look for in leaflets).
TERMS_OF_ART = [
    "co-produc",
    "coproduc",
    "co-design",
    "stakeholder",
    "commissioner",
    "commissioning",
    "tokenism",
    "delegated",
    "placation",
    "manipulation",
    "consultation",
    "governance",
    "lived experience",
    "service user",
    "budget",
    "jargon",
    "initials",
    "panel",
    "recruit",
    "mutuality",
    "catalyst",
    "assets",
]


@pytest.fixture(scope="module")
def english() -> Catalog:
    return load_catalog().localised("en")


@pytest.fixture(scope="module")
def easy() -> Catalog:
    return load_catalog().localised("en-easy")


def _easy_file(name: str) -> TranslationFile:
    model = load_file(rubrics_dir() / name).model
    assert isinstance(model, TranslationFile)
    return model


def _options(options: dict[str, OptionText], where: str) -> Iterator[tuple[str, str]]:
    for key, option in options.items():
        if option.label:
            yield f"{where} {key} label", option.label
        if option.description:
            yield f"{where} {key} description", option.description


def _texts(words: TranslationFile) -> Iterator[tuple[str, str]]:
    """(where, text) for every Easy Read text field a person may read."""
    if words.title:
        yield "title", words.title
    if words.summary:
        yield "summary", words.summary
    yield from _options(words.scale, "scale")
    for dim_id, dim in words.dimensions.items():
        if dim.title:
            yield f"{dim_id} title", dim.title
    for q_id, question in words.questions.items():
        for name in ("text", "help", "image_alt"):
            value = getattr(question, name)
            if value:
                yield f"{q_id} {name}", value
        yield from _options(question.options, q_id)
    for role_id, role in words.roles.items():
        if role.label:
            yield f"{role_id} label", role.label
        if role.description:
            yield f"{role_id} description", role.description


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def _words(sentence: str) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", sentence)


@pytest.mark.parametrize("name", EASY_FILES)
def test_every_sentence_has_fifteen_words_or_fewer(name: str) -> None:
    texts = list(_texts(_easy_file(name)))
    assert texts
    long = [
        (where, sentence, len(_words(sentence)))
        for where, text in texts
        for sentence in _sentences(text)
        if len(_words(sentence)) > MAX_WORDS
    ]
    assert long == []


@pytest.mark.parametrize("name", EASY_FILES)
def test_easy_read_uses_everyday_words(name: str) -> None:
    found = [
        (where, term)
        for where, text in _texts(_easy_file(name))
        for term in TERMS_OF_ART
        if term in re.sub(r'"[^"]*"', "", text).lower()
    ]
    assert found == []


@pytest.mark.parametrize("name", EASY_FILES)
def test_the_files_are_drafts_until_easy_read_users_have_checked_them(name: str) -> None:
    header = _easy_file(name).translation
    assert header.lang == "en-easy"
    assert header.status == "draft"
    assert "learning disability" in header.note


def test_rubric_check_finds_nothing_wrong_in_the_easy_read_files() -> None:
    report = check_paths([rubrics_dir() / name for name in EASY_FILES])
    assert [p.message for p in report.problems] == []


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_every_core_question_has_easy_read_words_and_a_picture(
    english: Catalog, rubric_id: str
) -> None:
    """The Easy Read file gives its own words for everything the short form shows (so
    nothing falls back to the English), and a picture with words saying what it shows."""
    words = _easy_file(f"{rubric_id}.en-easy.yaml")
    asked = list(short_form(english.rubric(rubric_id)).questions())
    assert asked
    assert {q.id for _, q in asked} == set(words.questions)
    for _, question in asked:
        given = words.questions[question.id]
        assert given.text and given.help, question.id
        assert given.image is not None, question.id
        picture = rubrics_dir() / given.image
        assert picture.is_file() and picture.parent == PICTURES, question.id
        assert picture.suffix == ".svg"
        assert given.image_alt and given.image_alt[0].isupper(), question.id
        for option in question.options or []:
            text = given.options[value_key(option.value)]
            assert text.label, (question.id, option.value)
            assert text.description or not option.description, (question.id, option.value)
    for option in english.rubric(rubric_id).scale:
        text = words.scale[value_key(option.value)]
        assert text.label and (text.description or not option.description), option.value


def _values(options: list[Option] | None) -> list[float] | None:
    return None if options is None else [o.value for o in options]


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_the_short_form_in_easy_read_asks_the_same_questions(
    english: Catalog, easy: Catalog, rubric_id: str
) -> None:
    """Someone answering in Easy Read answers the same questions, with the same option
    values, as the person beside them answering in English: only the words differ."""
    plain = short_form(english.rubric(rubric_id))
    read = short_form(easy.rubric(rubric_id))
    words = _easy_file(f"{rubric_id}.en-easy.yaml")

    assert content_hash(easy.rubric(rubric_id)) == content_hash(english.rubric(rubric_id))
    assert [d.id for d in read.dimensions] == [d.id for d in plain.dimensions]
    assert _values(read.scale) == _values(plain.scale)
    assert read.title == words.title
    assert [o.label for o in read.scale] == [words.scale[k].label for k in words.scale]
    pairs = list(zip(read.questions(), plain.questions(), strict=True))
    for (dim, question), (plain_dim, plain_question) in pairs:
        assert question.id == plain_question.id
        assert dim.id == plain_dim.id
        assert dim.title == words.dimensions[dim.id].title
        assert question.side == plain_question.side
        assert _values(question.options) == _values(plain_question.options)
        given = words.questions[question.id]
        assert question.text == given.text
        assert question.help == given.help
        assert question.image_alt == given.image_alt
        assert [o.label for o in question.options or []] == [
            o.label for o in given.options.values()
        ]


def _grade(rubric: Rubric) -> float:
    return float(textstat.flesch_kincaid_grade(" ".join(q.text for _, q in rubric.questions())))


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_the_easy_read_questions_are_easy_to_read(
    english: Catalog, easy: Catalog, rubric_id: str
) -> None:
    """Flesch-Kincaid grade of a rubric's Easy Read questions, read one after another.

    The limit is grade 5 (a reading age of about 10, the end of a UK primary school's
    Year 5): Easy Read is for adults who read at or below that level, often with some
    support. The formula is rough on a few short sentences, and a word like "service"
    (which every question needs) costs syllables, so a tighter limit would push the
    words away from what people actually say. The built-in English is already plain
    (grade 4 to 7), so the Easy Read must also come out no harder than the English of
    the same questions.
    """
    read = _grade(short_form(easy.rubric(rubric_id)))
    plain = _grade(short_form(english.rubric(rubric_id)))
    assert read <= 5, f"Easy Read questions at grade {read:.1f}"
    assert read <= plain, f"Easy Read grade {read:.1f} is above the English {plain:.1f}"


def test_the_roles_say_who_you_are_in_easy_read(english: Catalog, easy: Catalog) -> None:
    assert easy.roles["person-using-services"].label == "I use the service"
    assert easy.roles["staff"].label == "I am paid staff"
    for role_id, role in easy.roles.items():
        plain = english.roles[role_id]
        assert role.label != plain.label, role_id
        assert role.description and role.description != plain.description, role_id
        assert role.perspective == plain.perspective


def _svg_files() -> list[Path]:
    return sorted(PICTURES.glob("*.svg"))


def test_there_is_a_small_set_of_pictures_and_each_is_used(easy: Catalog) -> None:
    used = {
        Path(q.image).name
        for rubric_id in RUBRICS
        for _, q in short_form(easy.rubric(rubric_id)).questions()
        if q.image
    }
    names = {p.name for p in _svg_files()}
    assert used == names
    assert 15 <= len(names) <= 30


@pytest.mark.parametrize("picture", _svg_files(), ids=lambda p: p.name)
def test_each_picture_is_a_small_safe_plain_svg(picture: Path) -> None:
    data = picture.read_bytes()
    assert len(data) < MAX_PICTURE_BYTES
    doc = YamlDocument(name="pictures", text=f"image: {picture.name}\n", data={})
    assert list(check_picture(f"pictures/{picture.name}", rubrics_dir(), doc, ("image",))) == []
    text = data.decode("utf-8")
    assert 'viewBox="0 0 120 120"' in text
    assert 'width="120"' in text and 'height="120"' in text
    # No words inside a picture: the words are beside it, and in its alt text.
    assert "<text" not in text
    assert "<image" not in text
    # Dark on white, and one accent colour with at least 4.5:1 contrast on white.
    colours = set(re.findall(r"#[0-9a-fA-F]{3,6}\b", text))
    assert colours <= {"#fff", "#1a1a1a", "#005ea5"}, colours


def test_the_pictures_are_dedicated_to_the_public_domain_and_listed() -> None:
    assert "CC0 1.0" in (PICTURES / "LICENSE").read_text(encoding="utf-8")
    readme = (PICTURES / "README.md").read_text(encoding="utf-8")
    for picture in _svg_files():
        assert f"| {picture.name} |" in readme, picture.name


def test_every_easy_read_description_and_help_ends_its_sentence() -> None:
    # A sentence cut short ("Or we can stop staff") reads as a different rule.
    import yaml

    from coprod_assess.resources import rubrics_dir

    def texts(node: object, key: str = "") -> list[tuple[str, str]]:
        if isinstance(node, dict):
            return [pair for k, v in node.items() for pair in texts(v, str(k))]
        if isinstance(node, list):
            return [pair for item in node for pair in texts(item, key)]
        return [(key, node)] if isinstance(node, str) else []

    unfinished = [
        (path.name, text)
        for path in sorted(rubrics_dir().glob("*.en-easy.yaml"))
        for key, text in texts(yaml.safe_load(path.read_text(encoding="utf-8")))
        if key in ("description", "help", "summary", "text")
        and not text.rstrip().endswith((".", "?", "!", '"', "'"))
    ]
    assert unfinished == []
