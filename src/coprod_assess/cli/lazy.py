"""A command group that imports and builds a command only when it runs.

Typer would otherwise import every command module and inspect every
signature for `coprod --version`. The listing in `--help` comes from the
table's short help lines, which a test keeps equal to the commands' own.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from typer._click import Context, HelpFormatter


@dataclass(frozen=True)
class Entry:
    """Where a command lives, and its one-line help for the listing."""

    module: str
    attribute: str
    short_help: str


COMMANDS: dict[str, Entry] = {
    "assess": Entry(
        "coprod_assess.cli.assess",
        "assess",
        "Run the questionnaire: saved after every answer, resumable, one person after another.",
    ),
    "workshop": Entry(
        "coprod_assess.cli.workshop",
        "workshop",
        "Serve the questionnaire to the room: everyone answers privately on their own phone.",
    ),
    "sense-check": Entry(
        "coprod_assess.cli.sense_check",
        "sense_check",
        "The room tests the findings: does each match your experience? Saved with the answers.",
    ),
    "score": Entry(
        "coprod_assess.cli.score",
        "score",
        "Score an answers file: per rubric, dimension, role and perspective, with flags.",
    ),
    "report": Entry(
        "coprod_assess.cli.report",
        "report",
        "Write a report: summary, ladder, charts, gaps, flags, priorities, notes and sources.",
    ),
    "demo": Entry(
        "coprod_assess.cli.demo",
        "demo",
        "Write a sample workshop (ten people, five frameworks) with its HTML and Markdown reports.",
    ),
    "diff": Entry(
        "coprod_assess.cli.diff",
        "diff",
        "Compare two assessments: scores, rungs, bands, flags, coverage and who answered.",
    ),
    "trend": Entry(
        "coprod_assess.cli.trend",
        "trend",
        "Several periods side by side, ordered by period label and date.",
    ),
    "template": Entry(
        "coprod_assess.cli.template",
        "template",
        "Write a blank answers file, a paper question sheet, or a form to build online.",
    ),
    "import": Entry(
        "coprod_assess.cli.import_answers",
        "import_answers",
        "Turn a form export into an answers file: one row a respondent.",
    ),
    "merge": Entry(
        "coprod_assess.cli.merge",
        "merge",
        "Combine answers files from several laptops or forms into one.",
    ),
    "rubric": Entry(
        "coprod_assess.cli.rubric",
        "rubric_app",
        "Check, list and show rubric files, start a translation, and print their JSON Schema.",
    ),
}


def build(name: str, entry: Entry) -> Any:
    """The click command for one table entry: a function, or a Typer group."""
    target = getattr(importlib.import_module(entry.module), entry.attribute)
    if isinstance(target, typer.Typer):
        command = typer.main.get_command(target)
    else:
        single = typer.Typer(rich_markup_mode=None, add_completion=False)
        single.command(name)(target)
        command = typer.main.get_command(single)
    command.name = name
    return command


class LazyGroup(TyperGroup):
    """Lists commands from COMMANDS; imports one only when it is invoked or asked for."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Any:
        entry = COMMANDS.get(cmd_name)
        return None if entry is None else build(cmd_name, entry)

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        rows = [(name, entry.short_help) for name, entry in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)
