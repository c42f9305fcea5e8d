"""One writer at a time for an answers file, for as long as it writes.

The lock is an operating-system lock on a hidden file beside the answers
(`.NAME.lock`): a killed process lets go of it at once, so it never goes
stale. While holding it, temporary files left by a writer that was killed
mid-write are cleaned away.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _
from coprod_assess.loading.reader import display_name


def target_of(path: Path) -> Path:
    """The file a write really lands in: a symbolic link is followed to its target."""
    return path.resolve() if path.is_symlink() else path


def lock_path(path: Path) -> Path:
    """The hidden lock file beside an answers file."""
    target = target_of(path)
    return target.with_name(f".{target.name}.lock")


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary files a killed writer left beside `path` (they may hold whole answers)."""
    target = target_of(path)
    folder = target.parent if str(target.parent) else Path()
    return sorted(folder.glob(f".{target.name}.*.tmp"))


@contextlib.contextmanager
def locked(path: Path, *, doing: str | None = None) -> Iterator[None]:
    """Hold the answers file's lock, or raise a CoprodError saying who has it. `doing`
    says what this command cannot do, in the language in use ("write it")."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(path)), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise CoprodError.single(
            display_name(path),
            "file-in-use",
            _(
                "is in use by another coprod command, so this one cannot {doing}; finish that "
                "one first, or answer into another file and combine them with `coprod merge`"
            ).format(doing=doing or _("write it")),
        ) from None
    except OSError as err:
        raise CoprodError.single(
            display_name(path),
            "lock-failed",
            _("cannot lock: {reason}").format(reason=err.strerror or err),
        ) from None
    try:
        for leftover in stale_temporaries(path):
            with contextlib.suppress(OSError):
                leftover.unlink()
        yield
    finally:
        lock.release()
