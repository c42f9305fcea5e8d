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
        "r.yaml:3:5: error[invalid] 50% of it, a: b next\n2 files checked: 1 problem in 1 file.\n"
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


FORGED = Problem(
    "evil\nx.yaml:9:9: error[fake] forged file.yaml",
    2,
    1,
    "invalid",
    "key 'a\r\nother.yaml:1:1: error[x] fake\x1b]8;;https://evil.example\x1b\\link\x07' \u202eend",
)


def test_text_cannot_forge_lines_or_send_escapes() -> None:
    text = format_text([FORGED], ["r.yaml"])
    assert text.splitlines() == [
        "evil x.yaml:9:9: error[fake] forged file.yaml:2:1: error[invalid] key 'a other.yaml:1:1: "
        "error[x] fake\\x1b]8;;https://evil.example\\x1b\\link\\x07' \\u202eend",
        "1 file checked: 1 problem in 1 file.",
    ]


def test_github_annotation_is_one_command_without_escapes() -> None:
    lines = format_github([FORGED], ["r.yaml"]).splitlines()
    assert lines == [
        "::error file=evil%0Ax.yaml%3A9%3A9%3A error[fake] forged file.yaml,line=2,col=1,"
        "title=invalid::key 'a%0Aother.yaml:1:1: error[x] fake\\x1b]8;;https://evil.example"
        "\\x1b\\link\\x07' \\u202eend",
        "1 file checked: 1 problem in 1 file.",
    ]


def test_json_keeps_the_text_and_escapes_every_control() -> None:
    text = format_json([Problem("r.yaml", 1, 1, "x", "del\x7f csi\x9b rlo\u202e esc\x1b")], [])
    assert "\x7f" not in text and "\x9b" not in text and "\u202e" not in text
    assert "\x1b" not in text
    document = json.loads(text)
    assert document["problems"][0]["message"] == "del\x7f csi\x9b rlo\u202e esc\x1b"
