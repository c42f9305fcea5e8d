"""Reading files: UTF-8 with or without a byte-order mark; everything else a clear error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import read_text


def code_of(path: Path, **kwargs: int) -> tuple[str, int, int, str]:
    with pytest.raises(CoprodError) as caught:
        read_text(path, **kwargs)
    (problem,) = caught.value.problems
    return problem.code, problem.line, problem.column, problem.message


def test_utf8_with_bom(write: Callable[..., Path]) -> None:
    path = write("a.yaml", "\ufeffid: café\n".encode())
    assert read_text(path) == "id: café\n"


def test_not_utf8_names_line_and_column(write: Callable[..., Path]) -> None:
    path = write("a.yaml", b"id: x\ntitle: caf\xe9\n")
    code, line, column, message = code_of(path)
    assert (code, line, column) == ("not-utf8", 2, 11)
    assert "0xe9" in message and "UTF-8" in message


def test_missing_file(tmp_path: Path) -> None:
    assert code_of(tmp_path / "nope.yaml")[0] == "file-missing"


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    assert code_of(tmp_path)[0] == "not-a-file"


def test_huge_file_is_refused_before_reading(write: Callable[..., Path]) -> None:
    path = write("big.yaml", "a: " + "x" * 2000 + "\n")
    code, _, _, message = code_of(path, max_bytes=1000)
    assert code == "file-too-large"
    assert "1,000" in message
