"""Templates from --template-dir run in Jinja's sandbox; their errors name file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.report.render import render_report
from coprod_assess.scoring.result import SharedResult

Write = Callable[..., Path]

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ report.__class__.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].getcwd() }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{% set seen = report.summary %}{{ seen.append('changed') }}",
]


@pytest.mark.parametrize("body", ESCAPES)
def test_reaching_for_python_is_an_error_at_its_line(
    write: Write, demo_result: SharedResult, body: str
) -> None:
    folder = write("mine/report.md.j2", f"# Report\n\n{body}\n").parent
    with pytest.raises(CoprodError) as caught:
        render_report(demo_result, "md", template_dir=folder)
    (problem,) = caught.value.problems
    assert problem.file.endswith("mine/report.md.j2")
    assert (problem.line, problem.code) == (3, "template")
    assert "is unsafe" in problem.message


def test_an_included_partial_is_named(write: Write, demo_result: SharedResult) -> None:
    write("mine/_evil.html.j2", "<p>\n{{ ''.__class__ }}</p>\n")
    folder = write("mine/report.html.j2", "{% include '_evil.html.j2' %}\n").parent
    with pytest.raises(CoprodError) as caught:
        render_report(demo_result, "html", template_dir=folder)
    (problem,) = caught.value.problems
    assert problem.file.endswith("mine/_evil.html.j2") and problem.line == 2
    assert problem.message == "access to attribute '__class__' of 'str' object is unsafe."


def test_any_failure_of_a_user_template_is_an_error(
    write: Write, demo_result: SharedResult
) -> None:
    folder = write("mine/report.md.j2", "# {{ report.total }}\n{{ report.total / 0 }}\n").parent
    with pytest.raises(CoprodError) as caught:
        render_report(demo_result, "md", template_dir=folder)
    (problem,) = caught.value.problems
    assert (problem.line, problem.message) == (2, "ZeroDivisionError: division by zero")


def test_built_in_templates_work_in_the_sandbox(demo_result: SharedResult) -> None:
    assert "## Priorities and actions" in render_report(demo_result, "md")
    assert "Priorities and actions</h2>" in render_report(demo_result, "html")
