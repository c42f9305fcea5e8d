"""`coprod template`: blank answers, a printable question sheet, or a form to build online."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import Lang, MinGroup, RubricPaths, Short, chosen_rubrics
from coprod_assess.i18n import _, current, is_easy_read, language_name, ngettext
from coprod_assess.privacy import DEFAULT_MIN_GROUP

if TYPE_CHECKING:
    from coprod_assess.rubric.catalog import Catalog
    from coprod_assess.rubric.forms import Form
    from coprod_assess.rubric.models import Rubric


class TemplateFormat(StrEnum):
    yaml = "yaml"
    md = "md"
    html = "html"
    csv = "csv"
    xlsform = "xlsform"


@handle_errors
def template(
    output_format: Annotated[
        TemplateFormat | None,
        typer.Option(
            "--format",
            help="yaml (a blank answers file, the default), md or html (a printable question "
            "sheet; md by default with --sense-check), csv (a row a question, to copy into a "
            "Google or Microsoft form), xlsform (an XLSForm workbook for ODK and KoboToolbox; "
            "needs -o).",
        ),
    ] = None,
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Only this rubric (repeatable).")
    ] = None,
    short: Short = False,
    lang: Lang = "en",
    rubric: RubricPaths = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file.")
    ] = None,
    sense_check: Annotated[
        Path | None,
        typer.Option(
            "--sense-check",
            metavar="FILE",
            help="A paper sense-check sheet (md or html) of the findings of this answers file.",
        ),
    ] = None,
    min_group: MinGroup = DEFAULT_MIN_GROUP,
) -> None:
    """Write a blank answers file, a paper question sheet, or a form to build online.

    --format csv: a row a question (its title, description and answers, one a line) to
    copy into a Google or Microsoft form; `coprod import` reads the form's answers back
    without a mapping. --format xlsform -o form.xlsx: the same questions as an XLSForm for
    ODK Collect and KoboCollect, in English and Welsh (--lang picks the one shown first).

    With --sense-check FILE: a paper sheet of FILE's main findings, each with "does this
    match your experience?" boxes; the findings are saved in FILE (once) so the sheets
    match what `coprod sense-check FILE` asks when they are typed in.

    Sheets are in the language of --lang. Easy Read (--lang en-easy) is the short form,
    with --short or without, each question beside its picture.
    """
    if sense_check is not None:
        _check_sheet(
            sense_check, output_format or TemplateFormat.md, rubric or [], output, min_group
        )
        return
    output_format = output_format or TemplateFormat.yaml
    if output_format is TemplateFormat.xlsform:
        _check_workbook_options(output)
    from coprod_assess.answers.blank import blank_yaml
    from coprod_assess.cli.compare_output import emit
    from coprod_assess.control_chars import show_controls
    from coprod_assess.rubric.catalog import load_catalog

    catalog = load_catalog(rubric or [])
    if is_easy_read(current()) and not short:
        typer.echo(
            _("Easy Read asks the short form: only the core questions (as with --short)."),
            err=True,
        )
        short = True
    rubrics = chosen_rubrics(catalog, only, short)
    if output_format in (TemplateFormat.md, TemplateFormat.html):
        _say_which_words(catalog, rubrics)
    roles = list(catalog.roles.values())
    form: Form = "short" if short else "full"
    if output_format is TemplateFormat.yaml:
        text = blank_yaml(rubrics, roles, form)
    elif output_format is TemplateFormat.csv:
        from coprod_assess.online_forms.csv_template import form_template_csv

        whole = [catalog.rubric(chosen.id) for chosen in rubrics]
        text = form_template_csv(rubrics, roles, whole, short=short)
        # Excel reads a CSV file as UTF-8 (Welsh letters, curly quotes) only after a BOM.
        text = "\ufeff" + text if output is not None else text
    elif output_format is TemplateFormat.xlsform:
        from coprod_assess.online_forms.xlsform import build_xlsform, workbook_bytes

        assert output is not None
        xlsform = build_xlsform(catalog, rubrics, form, current())
        emit(workbook_bytes(xlsform, str(output)), output)
        return
    else:
        from coprod_assess.report.sheet import render_sheet

        text = render_sheet(
            rubrics, roles, "html" if output_format is TemplateFormat.html else "md", form
        )
    # Rubric text is copied in as written: its control characters are shown, not
    # sent, so the sheet is safe on a screen and the blank YAML stays loadable.
    emit(show_controls(text), output)


def _check_workbook_options(output: Path | None) -> None:
    """An XLSForm is a workbook in English and Welsh: it goes to a file, never the terminal,
    and has no Easy Read words (its pictures and large print are for paper and the room)."""
    if output is None:
        raise typer.BadParameter(
            _("an XLSForm is a workbook, not text to show: write it to a file with -o form.xlsx"),
            param_hint="--format xlsform",
        )
    if is_easy_read(current()):
        raise typer.BadParameter(
            _(
                "an XLSForm holds English and Welsh, not Easy Read: use --lang en or --lang cy "
                "(for Easy Read on paper: --format html --lang en-easy)"
            ),
            param_hint="--lang",
        )


def _check_sheet(
    file: Path,
    output_format: TemplateFormat,
    rubric_paths: list[Path],
    output: Path | None,
    min_group: int,
) -> None:
    """The sense-check sheet of FILE's findings, drawn into FILE first if it has none."""
    from coprod_assess.answers.checking import Checking
    from coprod_assess.answers.lock import locked
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.assess import existing_answers
    from coprod_assess.cli.compare_output import emit
    from coprod_assess.cli.sense_check import begin_findings, must_exist
    from coprod_assess.report.sheet import render_check_sheet
    from coprod_assess.rubric.catalog import load_catalog

    if output_format not in (TemplateFormat.md, TemplateFormat.html):
        raise typer.BadParameter(_("a sense-check sheet is md or html"), param_hint="--format")
    catalog = load_catalog(rubric_paths)
    must_exist(file)
    with locked(file, doing="save the findings into it"):
        data, text = existing_answers(file, catalog)
        check = Checking(Session(file, data, [], text))
        drawn = begin_findings(check, file, rubric_paths, min_group)
    if drawn:
        count = len(check.findings)
        saved = ngettext(
            "Saved the {count} finding in {file}.", "Saved the {count} findings in {file}.", count
        )
        typer.echo(saved.format(count=count, file=file), err=True)
    info = check.session.assessment
    sheet = render_check_sheet(
        check.findings,
        list(catalog.roles.values()),
        output_format.value,  # type: ignore[arg-type]
        source=str(file),
        organisation=str(info.get("organisation") or ""),
        period=str(info.get("period") or ""),
        findings_lang=check.lang,
    )
    emit(sheet, output)


def _say_which_words(catalog: Catalog, rubrics: list[Rubric]) -> None:
    """On stderr: each rubric on the sheet that has no words in the language in use (its
    own words are shown instead), so the facilitator knows before printing."""
    lang = current()
    if lang == "en":
        return
    for rubric in rubrics:
        if rubric.lang == lang:
            continue
        message = _(
            "{file}: rubric '{id}' has no words in this language ({language}): the sheet "
            "shows its questions as the rubric words them."
        ).format(
            file=catalog.sources.get(rubric.id, rubric.id),
            id=rubric.id,
            language=language_name(lang),
        )
        typer.echo(message, err=True)
