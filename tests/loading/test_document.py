"""Documents: whole-file errors, and positions of any path inside the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.loading.document import document_from_text, load_document

TEXT = """\
id: demo
dimensions:
  - id: one
    questions:
      - id: q1
        text: "Hello"
      - {id: q2, text: Bye}
"""


def test_position_of_values_and_keys() -> None:
    doc = document_from_text(TEXT, "f.yaml")
    assert doc.position(("id",)) == (1, 5)
    assert doc.position(("id",), at_key=True) == (1, 1)
    assert doc.position(("dimensions", 0, "questions", 1, "text")) == (7, 24)
    assert doc.position(("dimensions", 0, "questions", 1, "text"), at_key=True) == (7, 18)


def test_missing_path_gives_nearest_parent() -> None:
    doc = document_from_text(TEXT, "f.yaml")
    assert doc.position(("dimensions", 0, "title")) == (3, 5)
    assert doc.position(("dimensions", 5)) == (3, 3)


def test_numeric_keys_are_found() -> None:
    doc = document_from_text("answers:\n  3: x\n  '3': y\n", "f.yaml")
    assert doc.position(("answers", 3)) == (2, 6)
    assert doc.position(("answers", "3")) == (3, 8)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("", "file-empty"),
        ("# nothing but a comment\n", "file-empty"),
        ("- a\n- b\n", "not-mapping"),
        ("just words\n", "not-mapping"),
    ],
)
def test_whole_file_problems(write: Callable[..., Path], content: str, code: str) -> None:
    path = write("f.yaml", content)
    with pytest.raises(CoprodError) as caught:
        load_document(path)
    assert [(p.code, p.line, p.column) for p in caught.value.problems] == [(code, 1, 1)]
