"""`coprod demo [DIR]`: a sample workshop and its reports, on the built-in defaults."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from coprod_assess.cli.errors import handle_errors


@handle_errors
def demo(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="Where to write the sample and its reports.")
    ] = Path("coprod-demo"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace answers in DIR that the demo did not write.")
    ] = False,
) -> None:
    """Write a sample workshop (ten people, five frameworks) with its HTML and Markdown reports."""

    from coprod_assess.answers.models import AnswersFile
    from coprod_assess.atomic import write_atomic
    from coprod_assess.demo import demo_answers
    from coprod_assess.errors import CoprodError
    from coprod_assess.loading.reader import display_name
    from coprod_assess.privacy.redact import share
    from coprod_assess.report.participants import render_participants
    from coprod_assess.report.render import render_report
    from coprod_assess.rubric.catalog import load_catalog
    from coprod_assess.scoring.assessment import score_assessment
    from coprod_assess.scoring.result_io import result_json
    from coprod_assess.yaml_out import dump

    answers = folder / "coprod-answers.yaml"
    catalog = load_catalog()
    data = demo_answers(catalog)
    sample = (
        "# A sample workshop written by `coprod demo`. Edit it and run `coprod report` again.\n"
        + dump(data, sort_keys=False, allow_unicode=True)
    )
    if not force and answers.exists() and not _unchanged(answers, sample):
        raise CoprodError.single(
            display_name(answers),
            "output-holds-answers",
            "holds answers the demo did not write, or changed since: choose another folder "
            "for the demo (or --force to replace them)",
        )
    write_atomic(answers, sample)
    full = score_assessment(AnswersFile.model_validate(data), catalog)
    result = share(full, flags=catalog.flags.values())
    written = [answers]
    for name, text in (
        ("result.json", result_json(result)),
        ("report.html", render_report(result, "html")),
        ("report.md", render_report(result, "md")),
        ("participants.html", render_participants(result, catalog, "html")),
        ("participants.md", render_participants(result, catalog, "md")),
    ):
        write_atomic(folder / name, text)
        written.append(folder / name)
    from coprod_assess.cli.terminal_text import inert

    typer.echo("Sample workshop written:")
    for path in written:
        typer.echo(inert(f"  {path}", markup=False))
    typer.echo(
        inert(
            f"Open {folder / 'report.html'} in a browser to read the report; "
            f"{folder / 'participants.html'} is the two pages for the people who took part.",
            markup=False,
        )
    )


def _unchanged(path: Path, sample: str) -> bool:
    """Whether the file is still the demo's own sample, as the demo would write it now."""
    try:
        return path.read_text(encoding="utf-8") == sample
    except (OSError, UnicodeDecodeError):
        return False
