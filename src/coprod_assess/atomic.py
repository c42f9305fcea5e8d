"""Writing files so that a crash, a kill or a closed lid never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import display_name


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` via a synced temporary file in the same folder and a rename."""
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise CoprodError.single(
            display_name(path), "write-failed", f"cannot write here: {err.strerror or err}"
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
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
