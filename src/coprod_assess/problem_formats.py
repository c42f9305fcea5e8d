"""Problems written out for people (`text`), GitHub Actions (`github`) and tools (`json`).

File names, codes and messages carry text from the files checked, so every
format keeps it inert: a text problem is one line, a GitHub annotation one
command, and control characters show as escapes, never act.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from coprod_assess.control_chars import CONTROL, plain_text
from coprod_assess.errors import Problem

Format = Literal["text", "github", "json"]


def summary(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """One line: how many files were checked and how many problems were found where."""
    checked = f"{len(files)} file{'s' if len(files) != 1 else ''} checked"
    if not problems:
        return f"{checked}: no problems found."
    count = len(problems)
    with_problems = len({p.file for p in problems})
    return (
        f"{checked}: {count} problem{'s' if count != 1 else ''} "
        f"in {with_problems} file{'s' if with_problems != 1 else ''}."
    )


def format_text(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """`file:line:col: error[CODE] message` lines, one line a problem, then the summary."""
    lines = [plain_text(str(p)) for p in problems]
    lines.append(summary(problems, files))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    # GitHub's escaping of workflow commands, after `inert`: no escape sequence
    # reaches the log, and every line break (CR too) is written %0A.
    text = plain_text(text, multiline=True)
    return text.replace("%", "%25").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """GitHub Actions workflow commands, one `::error` a problem, then the summary."""
    lines = []
    for p in problems:
        props = [f"file={_escape_property(p.file)}"]
        if p.line > 0:
            props.append(f"line={p.line}")
        if p.column > 0:
            props.append(f"col={p.column}")
        props.append(f"title={_escape_property(p.code)}")
        lines.append(f"::error {','.join(props)}::{_escape_data(p.message)}")
    lines.append(summary(problems, files))
    return "\n".join(lines) + "\n"


def format_json(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """A JSON object with the files checked and a list of problems."""
    document = {
        "files": list(files),
        "problems": [
            {
                "file": p.file,
                "line": p.line or None,
                "column": p.column or None,
                "code": p.code,
                "message": p.message,
            }
            for p in problems
        ],
        "summary": summary(problems, files),
    }
    # json.dumps writes C0 as \u escapes; DEL, C1 and bidi controls get them too,
    # which leaves the same JSON and a terminal that shows it unharmed.
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
