"""The text, github and json renderings of problems."""

from __future__ import annotations

import json

from coprod_assess.errors import Problem
from coprod_assess.problem_formats import format_github, format_json, format_text

PROBLEMS = [
    Problem("r.yaml", 3, 5, "invalid", "50% of it, a: b\nnext"),
    Problem("odd,name:x.yaml", 0, 0, "file-empty", "is empty"),
]


def test_text() -> None:
    assert format_text(PROBLEMS[:1], ["r.yaml", "s.yaml"]) == (
        "r.yaml:3:5: error[invalid] 50% of it, a: b\nnext\n2 files checked: 1 problem in 1 file.\n"
    )


def test_text_clean() -> None:
    assert format_text([], ["r.yaml"]) == "1 file checked: no problems found.\n"


def test_github_escapes_data_and_properties() -> None:
    lines = format_github(PROBLEMS, ["r.yaml", "odd,name:x.yaml"]).splitlines()
    assert lines[0] == "::error file=r.yaml,line=3,col=5,title=invalid::50%25 of it, a: b%0Anext"
    assert lines[1] == "::error file=odd%2Cname%3Ax.yaml,title=file-empty::is empty"
    assert lines[2] == "2 files checked: 2 problems in 2 files."


def test_json() -> None:
    document = json.loads(format_json(PROBLEMS, ["r.yaml"]))
    assert document["problems"][1] == {
        "file": "odd,name:x.yaml",
        "line": None,
        "column": None,
        "code": "file-empty",
        "message": "is empty",
    }
    assert document["files"] == ["r.yaml"]
