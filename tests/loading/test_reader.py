"""Reading files: UTF-8 with or without a byte-order mark; everything else a clear error."""

from __future__ import annotations

import os
import threading
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


def test_non_utf8_column_counts_characters(write: Callable[..., Path]) -> None:
    path = write("a.yaml", "title: café ".encode() + b"\xff\n")
    assert code_of(path)[:3] == ("not-utf8", 1, 13)


def test_dev_zero_is_refused_as_a_device() -> None:
    code, _, _, message = code_of(Path("/dev/zero"))
    assert code == "not-a-file"
    assert message == "is a device, not a file; save what it holds to a file and give that"


def test_a_pipe_with_no_writer_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    found: list[tuple[str, int, int, str]] = []
    reading = threading.Thread(target=lambda: found.append(code_of(fifo)), daemon=True)
    reading.start()
    reading.join(timeout=10)
    if reading.is_alive():
        # Release the reader so the test run can end, then fail.
        with fifo.open("w"):
            pass
        pytest.fail("reading a pipe with no writer waited for one")
    assert found[0][0] == "not-a-file"
    assert found[0][3].startswith("is a pipe, not a file")


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "answers.yaml"
    link.symlink_to("/dev/zero")
    assert code_of(link)[3].startswith("is a device")


def test_size_is_checked_while_reading_not_trusted_from_stat(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that says it is empty (as /proc files do, or one growing) is still measured."""
    path = write("grows.yaml", b"a: " + b"x" * 10_000_000 + b"\n")
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []

    def says_empty(descriptor: int) -> os.stat_result:
        found = real_fstat(descriptor)
        return os.stat_result((found.st_mode, *found[1:6], 0, *found[7:10]))

    def counted(descriptor: int, size: int) -> bytes:
        chunk = real_read(descriptor, size)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "fstat", says_empty)
    monkeypatch.setattr(os, "read", counted)
    code, _, _, message = code_of(path, max_bytes=3_000_000)
    assert code == "file-too-large"
    assert message == "is larger than the limit of 3,000,000 bytes"
    assert sum(read) == 3_000_001, "reads at most one byte past the limit"


def test_a_file_within_the_limit_is_read_whole(write: Callable[..., Path]) -> None:
    path = write("a.yaml", b"a: " + b"x" * 3_000_000 + b"\n")
    assert len(read_text(path, max_bytes=3_000_004)) == 3_000_004
