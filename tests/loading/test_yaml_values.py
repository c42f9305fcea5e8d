"""The YAML loader: values as written, duplicates and hostile input refused at their position."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_assess.errors import CoprodError
from coprod_assess.loading.yaml_values import MAX_ALIAS_EXPANSION, MAX_ALIAS_SIZE, parse_yaml


def problem_at(text: str) -> tuple[int, int, str, str]:
    with pytest.raises(CoprodError) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    return problem.line, problem.column, problem.code, problem.message


def test_scalars_keep_dates_and_words_as_written() -> None:
    data = parse_yaml(
        "date: 2026-11-22\nanswer: yes\nno: off\nn: 3\nx: 2.5\nt: true\nnothing: ~\nv: 1.0.0\n",
        "f",
    )
    assert data == {
        "date": "2026-11-22",
        "answer": "yes",
        "no": "off",
        "n": 3,
        "x": 2.5,
        "t": True,
        "nothing": None,
        "v": "1.0.0",
    }


def test_quoted_scalars_stay_text() -> None:
    assert parse_yaml("a: '3'\nb: \"true\"\nc: !!str 4\n", "f") == {"a": "3", "b": "true", "c": "4"}


def test_standard_tags_convert() -> None:
    assert parse_yaml("a: !!int '3'\nb: !!float 2\n", "f") == {"a": 3, "b": 2.0}


def test_duplicate_key_names_both_positions() -> None:
    line, column, code, message = problem_at("id: a\ntitle: x\n  \nid: b\n")
    assert (line, column, code) == (4, 1, "duplicate-key")
    assert "first defined at line 1, column 1" in message


def test_duplicate_key_in_nested_mapping() -> None:
    assert problem_at("a:\n  - x: 1\n    x: 2\n")[:3] == (3, 5, "duplicate-key")


def test_python_tags_are_refused() -> None:
    line, column, code, message = problem_at("a: !!python/object/apply:os.system ['echo hi']\n")
    assert (line, column, code) == (1, 4, "yaml-tag")
    assert "python/object/apply:os.system" in message


def test_unknown_local_tag_is_refused() -> None:
    assert problem_at("a: !secret x\n")[:3] == (1, 4, "yaml-tag")


def test_bad_value_for_tag() -> None:
    assert problem_at("a: !!int three\n")[:3] == (1, 4, "yaml-tag")


def test_billion_laughs_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    line, _, code, message = problem_at("\n".join(lines) + "\n")
    assert code == "yaml-alias"
    assert f"{MAX_ALIAS_EXPANSION:,}" in message
    assert line <= 9


def test_a_long_note_aliased_many_times_is_refused_at_the_alias() -> None:
    note = "x" * 1_000_000
    text = f"note: &n {note}\n" + "".join(f"k{i}: *n\n" for i in range(272))
    line, column, code, message = problem_at(text)
    # Each alias adds the note's 1,000,000 characters (and 1 for the value): the tenth passes.
    assert (line, column, code) == (11, 5, "yaml-alias")
    assert message == (
        f"aliases expand to more than {MAX_ALIAS_SIZE:,} characters; refusing to load"
    )


def test_aliased_collections_count_their_strings() -> None:
    words = ", ".join(["y" * 1000] * 1000)
    text = f"list: &l [{words}]\n" + "".join(f"k{i}: *l\n" for i in range(20))
    assert problem_at(text)[:3] == (11, 5, "yaml-alias")


def test_small_aliases_are_allowed() -> None:
    data = parse_yaml("scale: &s [1, 2]\nother: *s\n", "f")
    assert data == {"scale": [1, 2], "other": [1, 2]}


def test_unknown_alias() -> None:
    assert problem_at("a: *nowhere\n")[2] in {"yaml-alias", "yaml-syntax"}


def test_merge_keys_are_refused() -> None:
    assert problem_at("base: &b {x: 1}\nother:\n  <<: *b\n")[:3] == (3, 3, "yaml-merge")


def test_complex_keys_are_refused() -> None:
    assert problem_at("? [a, b]\n: 1\n")[2] == "yaml-key"


def test_a_number_too_long_to_use_is_refused_at_its_position() -> None:
    line, column, code, message = problem_at("a: 1\ncount: " + "9" * 5000 + "\n")
    assert (line, column, code) == (2, 8, "yaml-number")
    assert message == (
        "a number of 5,000 digits is too long: at most 100 digits "
        "(put quotes around it if it is text)"
    )
    assert parse_yaml("n: -" + "9" * 100 + "\n", "f") == {"n": -int("9" * 100)}


@pytest.mark.parametrize(
    ("text", "position"),
    [("a: 1\nb: x\x01y\n", (2, 5)), ("a: 1\nb: ééé\x07\n", (2, 7)), ("\x1f: 1\n", (1, 1))],
)
def test_control_character_is_refused_at_its_column(text: str, position: tuple[int, int]) -> None:
    line, column, code, message = problem_at(text)
    assert ((line, column), code) == (position, "yaml-syntax")
    assert message.startswith("the control character U+00")


def test_syntax_error_has_position() -> None:
    line, _, code, _ = problem_at("a: 1\nb: [1, 2\nc: 3\n")
    assert code == "yaml-syntax"
    assert line >= 2


def test_tab_indentation_is_a_syntax_error() -> None:
    assert problem_at("a:\n\tb: 1\n")[2] == "yaml-syntax"


def test_two_documents_are_refused() -> None:
    assert problem_at("a: 1\n---\nb: 2\n")[:3] == (2, 1, "yaml-documents")


def test_deep_nesting_is_refused() -> None:
    assert problem_at("[" * 200 + "]" * 200 + "\n")[2] == "yaml-depth"


def test_empty_text_is_none() -> None:
    assert parse_yaml("# only a comment\n", "f") is None


keys = st.text(alphabet="abcdefghij-", min_size=1, max_size=8).filter(
    lambda k: not k.startswith("-")
)
values = st.one_of(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.text(alphabet="abc xyz", min_size=1, max_size=10).map(str.strip).filter(bool),
    st.booleans(),
)


@given(st.dictionaries(keys, st.one_of(values, st.lists(values, max_size=4)), max_size=8))
def test_round_trip_of_generated_documents(data: dict[str, object]) -> None:
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert parse_yaml(text, "f") == data


yaml_ish = st.lists(
    st.sampled_from(
        [
            "a:",
            " b",
            "- ",
            "[",
            "]",
            "{",
            "}",
            ":",
            "&x ",
            "*x",
            "!!str ",
            "\n",
            "  ",
            "'",
            '"',
            "#",
        ]
    ),
    max_size=40,
).map("".join)


@given(st.one_of(st.text(max_size=200), yaml_ish))
def test_any_text_gives_plain_values_or_one_located_error(text: str) -> None:
    try:
        value = parse_yaml(text, "f.yaml")
    except CoprodError as err:
        (problem,) = err.problems
        assert problem.file == "f.yaml"
        assert problem.line >= 1, problem
    else:
        assert value is None or isinstance(value, dict | list | str | int | float | bool)
