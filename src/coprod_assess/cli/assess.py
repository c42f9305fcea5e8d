"""`coprod assess [FILE]`: the workshop questionnaire.

Everything it shows is in the language of `--lang` (the catalogs' cli area); the
typer `--help` texts stay in English, for the people who set the tool up.
`--lang en-easy` asks the short form in Easy Read, as if `--short` were given:
in a file that asks the full form, that person alone is asked the short form
(their entry records `form: short`, and scoring counts them as asked only the
core questions). Every new person's entry records the language they answered in.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coprod_assess.cli.errors import EXIT_INTERRUPTED, EXIT_PROBLEMS, handle_errors
from coprod_assess.cli.options import (
    Lang,
    MinGroup,
    Only,
    Organisation,
    Period,
    Plain,
    RubricPaths,
    Short,
    checked_role,
    chosen_rubrics,
)
from coprod_assess.i18n import _, current, is_easy_read, ngettext
from coprod_assess.privacy import DEFAULT_MIN_GROUP

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import Catalog


def plain_wanted(flag: bool) -> bool:
    """Plain output when asked, or when NO_COLOR is set or the terminal is dumb."""
    return flag or "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb"


@handle_errors
def assess(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The answers file to create or resume.")
    ] = Path("coprod-answers.yaml"),
    rubric: RubricPaths = None,
    only: Only = None,
    short: Short = False,
    respondent: Annotated[
        str | None, typer.Option(help="The person answering: resumes them, or adds them.")
    ] = None,
    role: Annotated[str | None, typer.Option(help="Their role id, e.g. family-carer.")] = None,
    organisation: Organisation = None,
    period: Period = None,
    plain: Plain = False,
    lang: Lang = "en",
    report: Annotated[
        Path | None, typer.Option(help="Write a report here at the end (.html or .md).")
    ] = None,
    min_group: MinGroup = DEFAULT_MIN_GROUP,
    entry: Annotated[
        bool,
        typer.Option(
            "--entry",
            help="Type in paper sheets: one line a sheet, the role's number then every "
            "answer in sheet order (3 4 2 s 1 ...; d don't know, n does not apply, s or - "
            "blank). Each good line is saved at once as a new person; ? shows the key.",
        ),
    ] = False,
) -> None:
    """Run the questionnaire: saved after every answer, resumable, one person after another.

    At each question: a number answers; ? help; s skip; b back; n note; q save and quit.
    The screen is cleared between people; the summary at the end leaves out small groups.
    With --entry, paper sheets are typed in instead, one line a sheet.
    """
    from coprod_assess.answers.lock import locked
    from coprod_assess.cli.entry import SheetEntry
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import load_catalog

    if entry and (respondent is not None or role is not None):
        raise typer.BadParameter(
            _("each sheet gives its role on its line: leave out --respondent and --role"),
            param_hint="--entry",
        )
    with stops_as_interrupts():
        catalog = load_catalog(rubric or [])
        checked_role(catalog, role)
        if report is not None:
            from coprod_assess.cli.output_guard import check_output

            check_output(report, [file])
        chosen_rubrics(catalog, only)  # an unknown id is a usage error before anything else
        screen = Screen(plain_wanted(plain))
        sheets: SheetEntry | None = None
        with locked(file, doing=_("answer into it")):
            session = open_session(file, catalog, only, short, screen)
            if entry:
                typing = sheets = SheetEntry(session, screen, catalog)
                saving_walk(
                    lambda: typing.run(organisation, period),
                    typing.saved_words,
                    entry_command(file, rubric or [], only or [], session),
                    typing.tell_unsaved,
                )
            else:
                saving_walk(
                    lambda: _run(session, screen, catalog, respondent, role, organisation, period),
                    lambda: _saved(session, file),
                    resume_command("assess", file),
                )
        if session.answers_saved():
            _finish(file, rubric or [], screen, report, min_group)
        if sheets is not None and sheets.tell_unsaved():
            raise typer.Exit(EXIT_PROBLEMS)  # the saved sheets stay saved


def open_session(
    file: Path, catalog: Catalog, only: list[str] | None, short: bool, screen: Screen
) -> Session:
    """The answers file opened for answering (the lock held): the answers in it checked, the
    form it asks (Easy Read asks the short one), its rubrics' versions, and the language
    each person added answers in."""
    from coprod_assess.answers.session import Session

    data, text = existing_answers(file, catalog)
    person_form = None
    if is_easy_read(current()):
        # Easy Read asks the short form. A file asking the full form keeps it, and
        # records that this person was asked the short one.
        person_form = "short" if asks_full_form(data) else None
        short = True
        screen.say(_("Easy Read asks the short form: only the core questions."))
    else:
        short = form_asked(file, data, short)
    session = Session(file, data, chosen_rubrics(catalog, only, short), text)
    if short and person_form is None:
        session.set_assessment(("form",), "short")
    session.person_form = person_form
    session.person_lang = current()
    return session


def saving_walk(
    walk: Callable[[], bool],
    saved: Callable[[], str],
    resume: str,
    left_out: Callable[[], bool] | None = None,
) -> None:
    """Run a questionnaire's walk, then say what is saved and, if it stopped early (q, the
    end of input, Ctrl-C: exit 130), the command that carries on; on Ctrl-C, last, what
    `left_out` lists as not saved (a walk that ends otherwise lists it after the summary)."""
    from coprod_assess.cli.questionnaire import Quit

    try:
        finished = walk()
    except KeyboardInterrupt:
        tell("\n" + saved() + " " + _("Resume with: {command}").format(command=resume))
        if left_out is not None:
            left_out()
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Quit:
        finished = False
    tell(saved())
    if not finished:
        tell(_("Resume with: {command}").format(command=resume))


def resume_command(command: str, file: Path) -> str:
    """The command that carries on, in the language in use: `--lang` is given when it is
    not English (the keys typed are the same in every language)."""
    lang = current()
    return f"coprod {command} {file}" + ("" if lang == "en" else f" --lang {lang}")


def entry_command(file: Path, rubric: list[Path], only: list[str], session: Session) -> str:
    """The command that carries on typing sheets in: the same rubrics in the same order and
    the same form, so the lines keep their length (--short too, for a file not yet written)."""
    import shlex

    extra = [f"--rubric {shlex.quote(str(path))}" for path in rubric]
    extra += [f"--only {shlex.quote(rubric_id)}" for rubric_id in only]
    if session.assessment.get("form") == "short":
        extra.append("--short")
    command = resume_command("assess", file)
    return " ".join([command, "--entry", *extra])


def tell(text: str) -> None:
    """Say how things stand; a terminal already closed (SIGHUP) cannot be told, and the
    answers are saved all the same."""
    with contextlib.suppress(OSError):
        typer.echo(text)


@contextlib.contextmanager
def stops_as_interrupts() -> Iterator[None]:
    """A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends the session like Ctrl-C:
    the answer being written is finished or left out whole, and nothing is left behind."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _saved(session: Session, file: Path) -> str:
    count = session.answers_saved()
    return ngettext(
        "Saved {count} answer to {file}.", "Saved {count} answers to {file}.", count
    ).format(count=count, file=file)


def asks_full_form(data: dict[str, Any]) -> bool:
    """Whether the file asks the full form: it says so, or someone has answered and it does
    not say short."""
    recorded = (data.get("assessment") or {}).get("form")
    if recorded is not None:
        return bool(recorded == "full")
    return any(person.get("answers") for person in data.get("respondents") or [])


def form_asked(file: Path, data: dict[str, Any], short: bool) -> bool:
    """Whether to ask the short form: when --short says so, or when the file was asked it
    (carrying on keeps the form). A file already asked the full form is not mixed with the
    short one: its coverage would count every question the short form leaves out."""
    recorded = (data.get("assessment") or {}).get("form")  # the file is checked already
    if recorded == "short":
        return True
    answered = any(person.get("answers") for person in data.get("respondents") or [])
    if short and (recorded == "full" or answered):
        from coprod_assess.errors import CoprodError
        from coprod_assess.loading.reader import display_name

        raise CoprodError.single(
            display_name(file),
            "mixed-forms",
            _(
                "was asked the full form, so the short form cannot be added to it: answer the "
                "short form into another file (`coprod diff` compares the two), or leave out "
                "--short"
            ),
        )
    return short


def existing_answers(path: Path, catalog: Catalog) -> tuple[dict[str, Any], str | None]:
    """The answers already in the file (checked like `coprod score`) and its text, or a
    new file's start."""
    if not path.exists():
        return {}, None
    from coprod_assess.loading.document import load_document
    from coprod_assess.scoring.from_file import checked_answers

    doc = load_document(path)
    checked_answers(doc, catalog)  # any problem in the file stops us here, at its line
    data: dict[str, Any] = doc.data
    return data, doc.text


def _run(
    session: Session,
    screen: Screen,
    catalog: Catalog,
    name: str | None,
    role: str | None,
    organisation: str | None,
    period: str | None,
) -> bool:
    """Ask until everyone who is coming has answered; False when stopped early."""
    from coprod_assess.answers.turn import Turn
    from coprod_assess.cli.people import choose, new_person
    from coprod_assess.cli.questionnaire import ask_next_person, ask_questions

    settle_assessment(session, screen.ask, organisation, period)
    person = choose(session, screen, catalog, name, role)
    while True:
        turn = Turn(session, str(person["id"]))
        if not turn.finished:
            role_label = catalog.roles[person["role"]].label
            screen.say(
                _("Answering: {id} ({role}).").format(id=person["id"], role=role_label), "bold"
            )
            ask_questions(screen, turn, turn.resume_at(), person["role"] == "group")
        screen.say(
            ngettext(
                "The question is answered. Thank you.",
                "All {count} questions answered. Thank you.",
                turn.total,
            ).format(count=turn.total),
            "bold",
        )
        again = ask_next_person(screen)
        screen.between_people()
        if not again:
            return True
        person = new_person(session, screen, catalog, None, None)


def settle_assessment(
    session: Session,
    ask: Callable[[str], str] | None,
    organisation: str | None,
    period: str | None,
) -> None:
    """Record the organisation, period and date: from the options, the file, or by asking
    (when `ask` is given); the period defaults to this year and the date to today."""
    from datetime import date

    wanted = session.wanted(organisation, period)
    default = str(date.today().year)
    if "organisation" in wanted and ask is not None:
        organisation = ask(_("Organisation being assessed: ")).strip()
    if "period" in wanted:
        prompt = _("Period (the label comparisons use) [{default}]: ").format(default=default)
        typed = ask(prompt) if ask else ""
        period = typed.strip() or default
    session.begin(organisation, period, date.today())


def _finish(
    file: Path, rubric_paths: list[Path], screen: Screen, report: Path | None, min_group: int
) -> None:
    """The score summary, through the privacy step, and the report when one was asked for."""
    from coprod_assess.cli.score_table import render_summary
    from coprod_assess.scoring.from_file import scored_from_file

    result = scored_from_file(file, rubric_paths, min_group=min_group).shared
    if screen.console is not None:
        render_summary(result, screen.console)
    else:
        from rich.console import Console

        render_summary(result, Console(color_system=None, highlight=False), plain=True)
    if report is not None:
        from coprod_assess.atomic import write_atomic
        from coprod_assess.report.render import render_report

        markdown = report.suffix.lower() in (".md", ".markdown")
        write_atomic(report, render_report(result, "md" if markdown else "html"))
        typer.echo(_("Wrote {file}").format(file=report))
