"""No command writes over an answers file or over its own input."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _
from coprod_assess.loading.reader import display_name

# Where a file cannot be read as YAML (too large, say), a look at its start: a
# `respondents` key written any way YAML or JSON allows, and no `tool_version`.
_ANSWERS = re.compile(rb"""^\s*(?:\?\s*)?["']?respondents["']?\s*:""", re.MULTILINE)
_RESULT = re.compile(rb"""["']?tool_version["']?\s*:""")
_PEEK = 1024 * 1024


def holds_answers(path: Path) -> bool:
    """Whether an existing file is an answers file: a mapping with `respondents` in it
    (in any YAML or JSON layout) that is not a result file."""
    if not path.is_file():
        return False
    from coprod_assess.loading.document import load_document

    try:
        data = load_document(path).data
    except CoprodError:
        return _looks_like_answers(path)
    return isinstance(data, dict) and "respondents" in data and "tool_version" not in data


def _looks_like_answers(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            start = stream.read(_PEEK)
    except OSError:
        return False
    start = start.removeprefix(b"\xef\xbb\xbf")
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
                _("is this command's input: write the output to another file"),
            )
    if holds_answers(output):
        raise CoprodError.single(
            display_name(output),
            "output-holds-answers",
            _(
                "holds answers (it has a `respondents` list): write the output to another "
                "file, so that no answers are lost"
            ),
        )
