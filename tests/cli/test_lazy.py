"""The lazy command table stays true to the commands it lists."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import Result

from coprod_assess.cli.lazy import COMMANDS, build

Run = Callable[..., Result]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_listed_help_is_the_commands_own_first_line(name: str) -> None:
    command = build(name, COMMANDS[name])
    assert command.name == name
    first_line = (command.help or "").strip().splitlines()[0]
    assert COMMANDS[name].short_help == first_line


def test_every_command_answers_help(cli: Run) -> None:
    for name in COMMANDS:
        result = cli(name, "--help")
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: coprod {name} ")


def test_unknown_command_is_a_usage_error(cli: Run) -> None:
    result = cli("scroe")
    assert result.exit_code == 2
    assert "No such command" in result.output
