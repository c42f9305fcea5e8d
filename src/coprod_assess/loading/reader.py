"""Reading a user's file as UTF-8 text, with a size limit and clear errors."""

from __future__ import annotations

from pathlib import Path

from coprod_assess.errors import CoprodError

# Large enough for an answers file of tens of thousands of respondents; small
# enough that a mistaken or hostile file is refused before it is read.
MAX_FILE_BYTES = 256 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"


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
    name = display_name(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise CoprodError.single(name, "not-a-file", "is a folder, not a file")
        if size > max_bytes:
            raise CoprodError.single(
                name,
                "file-too-large",
                f"is {size:,} bytes; the limit is {max_bytes:,} bytes",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise CoprodError.single(name, "file-missing", "no such file") from None
    except PermissionError:
        raise CoprodError.single(name, "file-unreadable", "permission denied") from None
    except OSError as err:
        raise CoprodError.single(name, "file-unreadable", err.strerror or str(err)) from None
    return decode_utf8(data, name)


def decode_utf8(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 (a byte-order mark is dropped), naming the first bad byte."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise CoprodError.single(
            name,
            "not-utf8",
            f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save it with UTF-8 encoding",
            line,
            column,
        ) from None
