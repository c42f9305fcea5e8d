"""Reading a user's file as UTF-8 text, with a size limit and clear errors.

The limit is checked while reading, never trusted from the file's stated size:
a file can grow while it is read, and devices such as /dev/zero state no size.
Only regular files are read. A pipe (FIFO) could wait for ever for a writer and
a device may never end, so both are refused with a message; the file is opened
without blocking, so that even a pipe with no writer is refused at once.

The messages are in the language in use; what the operating system says of an
error it reports (its `strerror`) is shown as it says it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _

# Large enough for an answers file of tens of thousands of respondents; small
# enough that a mistaken or hostile file is refused before it is read.
MAX_FILE_BYTES = 256 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
_CHUNK = 1024 * 1024
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)


def display_name(path: Path) -> str:
    """The path as the user is best shown it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
    except OSError:
        return str(path)


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read `path` as UTF-8 (a byte-order mark is allowed), or raise a CoprodError."""
    return decode_utf8(read_bytes(path, max_bytes=max_bytes), display_name(path))


def read_bytes(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, refused once more than `max_bytes` have been read."""
    name = display_name(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise CoprodError.single(name, "file-missing", _("no such file")) from None
    except IsADirectoryError:
        raise _not_a_file(name, "a folder") from None
    except PermissionError:
        raise CoprodError.single(name, "file-unreadable", _("permission denied")) from None
    except OSError as err:
        raise CoprodError.single(name, "file-unreadable", err.strerror or str(err)) from None
    try:
        _check_regular(descriptor, name, max_bytes)
        return _read_at_most(descriptor, name, max_bytes)
    except OSError as err:
        raise CoprodError.single(name, "file-unreadable", err.strerror or str(err)) from None
    finally:
        os.close(descriptor)


def _not_a_file(name: str, kind: str) -> CoprodError:
    messages = {
        "a folder": _("is a folder, not a file"),
        "a pipe": _("is a pipe, not a file; save what it holds to a file and give that"),
        "a socket": _("is a socket, not a file; save what it holds to a file and give that"),
        "a device": _("is a device, not a file; save what it holds to a file and give that"),
    }
    return CoprodError.single(name, "not-a-file", messages[kind])


def _check_regular(descriptor: int, name: str, max_bytes: int) -> None:
    found = os.fstat(descriptor)
    mode = found.st_mode
    if stat.S_ISDIR(mode):
        raise _not_a_file(name, "a folder")
    if stat.S_ISFIFO(mode):
        raise _not_a_file(name, "a pipe")
    if stat.S_ISSOCK(mode):
        raise _not_a_file(name, "a socket")
    if not stat.S_ISREG(mode):
        raise _not_a_file(name, "a device")
    if found.st_size > max_bytes:
        raise _too_large(name, max_bytes)


def _read_at_most(descriptor: int, name: str, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(descriptor, min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(name, max_bytes)
        chunks.append(chunk)


def _too_large(name: str, max_bytes: int) -> CoprodError:
    return CoprodError.single(
        name,
        "file-too-large",
        _("is larger than the limit of {limit} bytes").format(limit=f"{max_bytes:,}"),
    )


def decode_utf8(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 (a byte-order mark is dropped), naming the first bad byte."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        line_start = data.rfind(b"\n", 0, err.start) + 1
        column = len(data[line_start : err.start].decode("utf-8")) + 1
        raise CoprodError.single(
            name,
            "not-utf8",
            _("is not UTF-8 text (byte {byte}); save it with UTF-8 encoding").format(
                byte=f"0x{data[err.start]:02x}"
            ),
            line,
            column,
        ) from None
