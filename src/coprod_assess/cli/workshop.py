"""`coprod workshop [FILE]`: the room answers at once, each on their own phone."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from coprod_assess.cli.errors import EXIT_INTERRUPTED, handle_errors
from coprod_assess.cli.options import (
    MIN_GROUP_HELP,
    Lang,
    Only,
    Organisation,
    Period,
    RubricPaths,
    Short,
    chosen_rubrics,
)

if TYPE_CHECKING:
    from coprod_assess.room.state import Room


@handle_errors
def workshop(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The answers file to create or carry on.")
    ] = Path("coprod-answers.yaml"),
    rubric: RubricPaths = None,
    only: Only = None,
    short: Short = False,
    lang: Lang = "en",
    organisation: Organisation = None,
    period: Period = None,
    port: Annotated[
        int | None,
        typer.Option(help="The port to serve on [default: 8765].", min=1, max=65535),
    ] = None,
    local: Annotated[
        bool, typer.Option("--local", help="Serve this laptop only (127.0.0.1), to try it out.")
    ] = False,
    names: Annotated[
        bool, typer.Option("--names", help="Ask each person for a name (optional for them).")
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            help="Where the report goes when answering closes [default: FILE-report.html]."
        ),
    ] = None,
    new_room: Annotated[
        bool,
        typer.Option(
            "--new-room", help="A new address and room code (phones that joined must scan again)."
        ),
    ] = False,
    max_people: Annotated[
        int | None,
        typer.Option(help="The most people who can join [default: 300].", min=1, max=5000),
    ] = None,
    open_page: Annotated[
        bool, typer.Option("--open", help="Open the projector page in this laptop's browser.")
    ] = False,
    min_group: Annotated[
        int | None, typer.Option("--min-group", min=1, help=MIN_GROUP_HELP + " [default: 3]")
    ] = None,
) -> None:
    """Serve the questionnaire to the room: everyone answers privately on their own phone.

    Phones join by the QR code or the address and room code on the projector page.
    Every answer is saved on this laptop before the next question shows. Type
    "close" here (or use the projector page) to close answering and show the
    report. Then "check" (or the projector page) starts the sense-check: each
    phone shows the main findings one at a time and asks whether they match that
    person's experience; "end" ends it and makes the report again with what
    people said. Ctrl-C stops the server. Run `coprod workshop FILE` again to
    carry on: the room remembers its options (a lower --min-group is not taken).
    """
    import sys

    from coprod_assess.answers.lock import locked
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.assess import (
        existing_answers,
        form_asked,
        settle_assessment,
        stops_as_interrupts,
    )
    from coprod_assess.cli.output_guard import check_output
    from coprod_assess.i18n import _, ngettext, using
    from coprod_assess.room.keys import room_keys
    from coprod_assess.room.remembered import in_force
    from coprod_assess.room.serve import bind, listen_to_terminal, serve
    from coprod_assess.room.state import Room, Settings
    from coprod_assess.rubric.catalog import load_catalog

    with stops_as_interrupts():
        given: dict[str, Any] = {"only": only, "rubric": [str(p) for p in rubric or []]}
        given |= {"port": port, "local": local, "names": names, "max_people": max_people}
        given |= {"min_group": min_group, "report": str(report) if report else None}
        with locked(file, doing=_("run a workshop on it")):
            keys = room_keys(file, new=new_room)
            options, carried = in_force(given, keys.options)
            rubric_paths = [Path(p) for p in options["rubric"]]
            # The rubrics' own words: the room gives each phone its language from them.
            with using("en"):
                catalog = load_catalog(rubric_paths)
            only = options["only"] or None
            chosen_rubrics(catalog, only)  # an unknown id is a usage error first
            report_path = Path(options["report"] or file.with_name(f"{file.stem}-report.html"))
            check_output(report_path, [file])
            data, text = existing_answers(file, catalog)
            short = form_asked(file, data, short)
            rubrics = chosen_rubrics(catalog, only, short)
            session = Session(file, data, rubrics, text)
            if short:
                session.set_assessment(("form",), "short")
            ask = _ask if sys.stdin.isatty() else None
            settle_assessment(session, ask, organisation, period)
            local, port = options["local"], options["port"]
            addresses = _addresses(local)
            sock = bind("127.0.0.1" if local else "0.0.0.0", port)
            keys = keys.changed(options=options)
            urls = [f"http://{address}:{port}" for address in addresses]
            settings = Settings(
                answers=file,
                report=report_path,
                rubric_paths=rubric_paths,
                names=options["names"],
                max_people=options["max_people"],
                min_group=options["min_group"],
                join_urls=urls,
                say=_say,
                lang=lang,
            )
            room = Room(session, catalog, keys, settings)
            control = f"{urls[0]}/control/{keys.control_token}"
            if carried:
                _say(carried)
            _introduce(room, control, len(rubrics), short)
            if open_page:
                import webbrowser

                webbrowser.open(control)
            listen_to_terminal(room)
            with contextlib.suppress(KeyboardInterrupt):
                serve(room, sock)
        saved = session.answers_saved()
        if file.exists():
            _say(
                ngettext(
                    "Stopped. {count} answer saved in {file}.",
                    "Stopped. {count} answers saved in {file}.",
                    saved,
                ).format(count=saved, file=file)
            )
        else:
            _say(_("Stopped. Nobody answered, so {file} was not written.").format(file=file))
        again = _carry_on(file, lang)
        if not room.closed:
            _say(_("Answering was still open: run `{command}` to carry on.").format(command=again))
            raise typer.Exit(EXIT_INTERRUPTED)
        if room.sense_check.open:
            _say(
                _("The sense-check was still open: run `{command}` to carry on.").format(
                    command=again
                )
            )
            raise typer.Exit(EXIT_INTERRUPTED)


def _carry_on(file: Path, lang: str) -> str:
    """The command that carries on the workshop (the same language: it is not remembered)."""
    return f"coprod workshop {file}" + ("" if lang == "en" else f" --lang {lang}")


def _ask(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        return ""


def _say(text: str) -> None:
    with contextlib.suppress(OSError):
        typer.echo(text)


def _addresses(local: bool) -> list[str]:
    from coprod_assess.errors import CoprodError
    from coprod_assess.i18n import _
    from coprod_assess.room.addresses import LOCAL, room_addresses

    if local:
        return [LOCAL]
    found = room_addresses()
    if not found:
        raise CoprodError.single(
            "network",
            "no-network",
            _(
                "this laptop has no network address the room can reach: join a Wi-Fi network "
                "or a phone's hotspot (no internet needed), or use --local to try it on this "
                "laptop alone"
            ),
        )
    return found


def _introduce(room: Room, control: str, rubric_count: int, short: bool) -> None:
    from coprod_assess.i18n import _, ngettext

    steps = len(room.session.steps)
    urls = room.settings.join_urls
    rubrics = ngettext("{count} rubric", "{count} rubrics", rubric_count).format(count=rubric_count)
    questions = ngettext("{count} question", "{count} questions", steps).format(count=steps)
    if short:
        line = _("Workshop on {file}: {rubrics}, the short form, {questions}.")
    else:
        line = _("Workshop on {file}: {rubrics}, {questions}.")
    _say(line.format(file=room.settings.answers, rubrics=rubrics, questions=questions))
    # The labels are padded to one width, so the addresses line up.
    join, projector = _("Join:"), _("Projector:")
    width = max(len(join), len(projector)) + 1
    _say(
        join.ljust(width)
        + " "
        + _("{address}   room code {code}").format(address=urls[0], code=room.keys.code)
    )
    for other in urls[1:]:
        _say(" " * (width + 1) + other)
    _say(projector.ljust(width) + " " + control)
    _say(
        " " * (width + 1) + _("Open it on the screen the room sees; keep this address to yourself.")
    )
    if room.sense_check.open:
        _say(_('The sense-check is open. Type "end" and Enter to end it.'))
    elif room.closed:
        _say(
            _(
                'Answering is closed. Type "check" and Enter to start the sense-check, or '
                '"open" to open answering again.'
            )
        )
    else:
        _say(_('Type "close" and Enter to close answering.'))
    _say(_("Ctrl-C stops the server; every answer is saved. Run the same command to carry on."))
