"""The `coprod` program itself: version, help, `python -m`, and a light start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import pytest
from typer.testing import Result

from coprod_assess import __version__

Run = Callable[..., Result]


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"coprod-assess {__version__}\n"


def test_help_lists_commands(cli: Run) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "rubric" in result.stdout


def test_python_dash_m_is_coprod() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_assess", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == f"coprod-assess {__version__}\n"


def _modules_after(*args: str) -> list[str]:
    probe = (
        "import sys, json\n"
        "from coprod_assess.cli.app import app\n"
        "try:\n"
        f"    app({list(args)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout.splitlines()[-1]))


OURS_HEAVY = ("coprod_assess.rubric", "coprod_assess.loading", "coprod_assess.scoring")


def _heavy(modules: list[str], roots: set[str]) -> list[str]:
    return [
        m
        for m in modules
        if m.split(".")[0] in roots or m.startswith((*OURS_HEAVY, "coprod_assess.report"))
    ]


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_stay_light(args: list[str]) -> None:
    modules = _modules_after(*args)
    room = {"starlette", "uvicorn", "multipart", "python_multipart", "segno", "anyio", "h11"}
    assert _heavy(modules, {"jinja2", "pydantic", "yaml", "rich", *room}) == []
    assert [m for m in modules if m.startswith("coprod_assess.room")] == []
    commands = [m for m in modules if m.startswith("coprod_assess.cli.")]
    assert sorted(commands) == ["coprod_assess.cli.app", "coprod_assess.cli.lazy"]


def test_workshop_help_loads_no_server() -> None:
    modules = _modules_after("workshop", "--help")
    room = {"starlette", "uvicorn", "multipart", "python_multipart", "segno", "jinja2", "yaml"}
    assert _heavy(modules, room) == []
    assert [m for m in modules if m.startswith("coprod_assess.room")] == []


def test_subcommand_help_loads_no_core_code() -> None:
    # typer itself imports pydantic to coerce options; our core stays unloaded.
    assert _heavy(_modules_after("rubric", "--help"), {"jinja2", "yaml", "rich"}) == []
