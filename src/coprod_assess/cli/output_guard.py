"""No command writes over an answers file or over its own input."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import display_name

# An answers file has a top-level `respondents:` list near its start; a result
# file has `respondents:` too (who answered), and a `tool_version:`.
_ANSWERS = re.compile(rb"^respondents\s*:", re.MULTILINE)
_RESULT = re.compile(rb"^tool_version\s*:", re.MULTILINE)
_PEEK = 1024 * 1024


def holds_answers(path: Path) -> bool:
    """Whether an existing file looks like an answers file (a top-level `respondents:`)."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as stream:
            start = stream.read(_PEEK)
    except OSError:
        return False
    return _ANSWERS.search(start) is not None and _RESULT.search(start) is None


def check_output(output: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse to write `output` where that would lose answers or the command's own input."""
    for source in inputs:
        try:
            same = output.exists() and output.samefile(source)
        except OSError:
            same = False
        if same:
            raise CoprodError.single(
                display_name(output),
                "output-is-input",
                "is this command's input: write the output to another file",
            )
    if holds_answers(output):
        raise CoprodError.single(
            display_name(output),
            "output-holds-answers",
            "holds answers (it has a `respondents:` list): write the output to another file, "
            "so that no answers are lost",
        )
