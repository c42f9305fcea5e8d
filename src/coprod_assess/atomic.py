"""Writing files so that a crash, a kill or a closed lid never leaves half a file.

The file written keeps what the old one had: a symbolic link is followed and
stays a link, the permissions stay as they were (a new file gets the usual
ones for the user's umask), and a read-only file, a folder or a device is
refused rather than replaced.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import display_name


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def writable_target(path: Path, *, private: bool = False) -> tuple[Path, int]:
    """Where a write to `path` lands and the mode it should have (a new `private` file is
    readable by its owner only); refuses what is not a file."""
    name = display_name(path)
    target = path.resolve() if path.is_symlink() else path
    try:
        found = target.stat()
    except FileNotFoundError:
        return target, (0o600 if private else 0o666) & ~_umask()
    except OSError as err:
        raise CoprodError.single(
            name, "write-failed", f"cannot write: {err.strerror or err}"
        ) from None
    if stat.S_ISDIR(found.st_mode):
        raise CoprodError.single(name, "not-a-file", "is a folder: give a file name to write")
    if not stat.S_ISREG(found.st_mode):
        raise CoprodError.single(name, "not-a-file", "is not a regular file: nothing was written")
    mode = stat.S_IMODE(found.st_mode)
    if not mode & 0o222:
        raise CoprodError.single(name, "read-only", "is read-only: nothing was written")
    return target, mode


def write_atomic(path: Path, text: str | bytes, *, private: bool = False) -> None:
    """Write `text` (UTF-8, or bytes as they are, e.g. a workbook) to `path` via a synced
    temporary file in the same folder and a rename. A new `private` file (answers: names
    and notes) is readable by its owner only; an existing file keeps its mode."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    target, mode = writable_target(path, private=private)
    folder = target.parent if str(target.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise CoprodError.single(
            display_name(path), "write-failed", f"cannot write here: {err.strerror or err}"
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except OSError as err:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise CoprodError.single(
            display_name(path), "write-failed", f"cannot write: {err.strerror or err}"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    # The rename itself survives power loss only once the folder is synced.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
