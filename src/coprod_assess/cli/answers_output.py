"""The answers file a command writes: never one of its inputs, never replaced unasked."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from coprod_assess.answers.lock import locked
from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _
from coprod_assess.loading.reader import display_name


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return one.resolve() == other.resolve()


def refuse_inputs(output: Path, inputs: Sequence[Path]) -> None:
    """A CoprodError when `output` is one of the files being read."""
    if any(_same_file(path, output) for path in inputs):
        raise CoprodError.single(
            display_name(output),
            "output-is-input",
            _("is also a file being read: write the answers to another file"),
        )


def refuse_repeats(inputs: Sequence[Path]) -> None:
    """A CoprodError when a file is given twice, so its answers would count twice."""
    for number, path in enumerate(inputs):
        if any(_same_file(path, earlier) for earlier in inputs[:number]):
            raise CoprodError.single(
                display_name(path),
                "input-twice",
                _("is given twice: its answers would count twice"),
            )


@contextlib.contextmanager
def claimed(output: Path, *, replace: bool, how: str, doing: str) -> Iterator[bool]:
    """Hold the output's lock for the whole write; yield whether the file exists.

    An existing file is refused unless `replace` (the user asked to append or
    replace); `how` tells them how to ask.
    """
    with locked(output, doing=doing):
        exists = output.exists() or output.is_symlink()
        if exists and not replace:
            raise CoprodError.single(
                display_name(output),
                "output-exists",
                _("already exists; nothing written: {how}").format(how=how),
            )
        yield exists
