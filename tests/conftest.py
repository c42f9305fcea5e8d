"""Shared helpers: writing YAML files and running the CLI."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from coprod_assess.cli.app import app
from tests.browser import browser  # noqa: F401 (a fixture for every browser test)

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Each test starts in English: a command run in-process with --lang sets the language
    for the rest of its thread, as it should for the one command a process runs."""
    from coprod_assess import i18n

    token = i18n._current.set(i18n.DEFAULT)
    yield
    i18n._current.reset(token)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write dedented text (or bytes) to a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Run `coprod ARGS` in tmp_path and return the Result (stdout and stderr apart)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()

    def _run(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return _run


def unchecked_demo(cli: Callable[..., Result], tmp_path: Path) -> Path:
    """The demo's answers file (written by `coprod demo` into tmp_path/d), before the room
    checked the findings: its sense-check section taken out."""
    import yaml

    assert cli("demo", "d").exit_code == 0
    path = tmp_path / "d" / "coprod-answers.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["sense_check"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def years(tmp_path: Path) -> Callable[[], dict[str, Path]]:
    """Answers files for 2024, 2025 and 2026 of the sample workshop."""
    import yaml

    from tests.compare.conftest import YEAR_2026, earlier

    def _write() -> dict[str, Path]:
        files = {}
        for name, data in (
            ("2024", earlier("2024", "2024-11-19", money_up=2)),
            ("2025", earlier("2025", "2025-11-20")),
            ("2026", YEAR_2026),
        ):
            path = tmp_path / f"answers-{name}.yaml"
            path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
            files[name] = path
        return files

    return _write
