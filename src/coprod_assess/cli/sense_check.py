"""`coprod sense-check [FILE]`: the room tests the findings, one person at a time.

Everything the program says is in the language of `--lang`; the responses are
saved as ids (yes, partly, no, not-sure) whatever the language. The findings
are stored in the answers file in English, keyed by ids, when they are first
drawn, and are shown as stored: `finding_text` is the one place to show them in
another language (see its note).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from coprod_assess.cli.assess import (
    plain_wanted,
    resume_command,
    saving_walk,
    stops_as_interrupts,
    tell,
)
from coprod_assess.cli.errors import handle_errors
from coprod_assess.cli.options import Lang, MinGroup, Plain, RubricPaths, checked_role
from coprod_assess.i18n import N_, _, ngettext
from coprod_assess.privacy import DEFAULT_MIN_GROUP

if TYPE_CHECKING:
    from coprod_assess.answers.checking import Checking
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import Catalog

QUESTION = N_("Does this match your experience?")
CHOICES = ("yes", "partly", "no", "not-sure")
HINT = N_("Type 1 to 4, or: b back, q quit. Enter keeps a saved response.")
BACK = ("b", "back", "nôl", "yn ôl")  # the Welsh words work too, in any language
QUIT = ("q", "quit", "gadael")


@handle_errors
def sense_check(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The answers file whose findings to check.")
    ] = Path("coprod-answers.yaml"),
    rubric: RubricPaths = None,
    role: Annotated[
        str | None, typer.Option(help="The role of the person checking, e.g. family-carer.")
    ] = None,
    plain: Plain = False,
    lang: Lang = "en",
    min_group: MinGroup = DEFAULT_MIN_GROUP,
) -> None:
    """The room tests the findings: does each match your experience? Saved with the answers.

    Each main finding is shown in plain words; each person says yes, partly, no or not
    sure, with a comment if they like, one person after another. The findings are drawn
    from the answers once, through the privacy step, and saved in FILE's sense_check
    section with every response; `coprod report` shows how the room responded. Saved
    after every response, resumable. At each finding: 1-4 answers; b back; q save and quit.
    """
    from coprod_assess.answers.checking import Checking
    from coprod_assess.answers.lock import locked
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.assess import existing_answers
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import load_catalog

    with stops_as_interrupts():
        catalog = load_catalog(rubric or [])
        checked_role(catalog, role)
        must_exist(file)
        screen = Screen(plain_wanted(plain))
        with locked(file, doing=_("save the sense-check into it")):
            data, text = existing_answers(file, catalog)
            check = Checking(Session(file, data, [], text))
            _begin(check, file, rubric or [], min_group, screen)
            saving_walk(
                lambda: _run(check, screen, catalog, role),
                lambda: _saved(check, file),
                resume_command("sense-check", file),
            )
        tell(
            _("See how the room responded with: {command}").format(command=f"coprod report {file}")
        )


def must_exist(file: Path) -> None:
    if file.exists():
        return
    from coprod_assess.errors import CoprodError
    from coprod_assess.loading.reader import display_name

    raise CoprodError.single(
        display_name(file),
        "no-answers",
        _(
            "no such file: the sense-check checks the findings of answers already given; "
            "collect them first with `coprod assess {file}` or `coprod workshop {file}`"
        ).format(file=file),
    )


def _saved(check: Checking, file: Path) -> str:
    count = sum(
        len(person.get("responses") or {})
        for person in check.people().values()
        if isinstance(person, dict)
    )
    return ngettext(
        "Saved {count} sense-check response to {file}.",
        "Saved {count} sense-check responses to {file}.",
        count,
    ).format(count=count, file=file)


def _begin(
    check: Checking, file: Path, rubric_paths: list[Path], min_group: int, screen: Screen
) -> None:
    """Draw the findings into the file, or carry on with those it holds."""
    if begin_findings(check, file, rubric_paths, min_group):
        count = len(check.findings)
        # whose: "10 people's" (or "1 person's"), from the message below.
        screen.say(
            ngettext(
                "{count} finding to check, drawn from {whose} answers.",
                "{count} findings to check, drawn from {whose} answers.",
                count,
            ).format(count=count, whose=_whose((check.section or {}).get("drawn_from")))
        )
        return
    drawn = (check.section or {}).get("drawn_from")
    now = len(check.session.respondents)
    if isinstance(drawn, int) and drawn != now:
        screen.say(
            ngettext(
                "These findings were drawn from {drawn} person's answers; the file now has "
                "{now}. Everyone checks the same findings, so they are kept as they were.",
                "These findings were drawn from {drawn} people's answers; the file now has "
                "{now}. Everyone checks the same findings, so they are kept as they were.",
                drawn,
            ).format(drawn=drawn, now=now)
        )


def _whose(count: object) -> str:
    """3 people's, 1 person's: whose answers the findings were drawn from."""
    n = count if isinstance(count, int) else 0
    return ngettext("{count} person's", "{count} people's", n).format(count=count)


def begin_findings(check: Checking, file: Path, rubric_paths: list[Path], min_group: int) -> bool:
    """Draw the findings into the file unless it holds them already; True if drawn now.
    A file with no answers, or too few to draw findings from, is a clear error."""
    from datetime import date

    from coprod_assess.errors import CoprodError
    from coprod_assess.loading.reader import display_name
    from coprod_assess.sensecheck.draw import draw_findings

    if check.findings:
        return False
    if not check.session.answers_saved():
        raise CoprodError.single(
            display_name(file),
            "no-answers",
            _(
                "has no answers yet, so there are no findings to check: add answers with "
                "`coprod assess {file}`, `coprod workshop {file}` or `coprod import`"
            ).format(file=file),
        )
    findings, drawn_from = draw_findings(file, rubric_paths, min_group=min_group)
    if not findings:
        raise CoprodError.single(
            display_name(file),
            "no-findings",
            _(
                "has too few answers to draw findings from (with --min-group {min_group}): "
                "add more answers first"
            ).format(min_group=min_group),
        )
    pairs = [(f.id, f.text) for f in findings]
    return check.begin(pairs, drawn_from, date.today(), min_group)


def _run(check: Checking, screen: Screen, catalog: Catalog, role: str | None) -> bool:
    """Ask until everyone who is coming has checked the findings; False when stopped early."""
    from coprod_assess.cli.questionnaire import ask_next_person

    person = _choose(check, screen, catalog, role)
    while True:
        start = check.first_open(person)
        if start is not None:
            screen.say(_("Checking the findings: {id}.").format(id=person), "bold")
            _walk(check, screen, person, start)
        total = len(check.findings)
        screen.say(
            ngettext(
                "The finding is checked. Thank you.",
                "All {count} findings checked. Thank you.",
                total,
            ).format(count=total),
            "bold",
        )
        again = ask_next_person(screen)
        screen.between_people()
        if not again:
            return True
        person = _new(check, screen, catalog, None)


def _choose(check: Checking, screen: Screen, catalog: Catalog, role: str | None) -> str:
    """Carry on with someone unfinished, or start someone new."""
    total = len(check.findings)
    waiting = []
    for person_id, person in check.people().items():
        if isinstance(person, dict) and (start := check.first_open(str(person_id))) is not None:
            found = catalog.roles.get(str(person.get("role")))
            label = found.label if found else str(person.get("role"))
            where = _("{id} ({role}, {done} of {total} done)").format(
                id=person_id, role=label, done=start, total=total
            )
            waiting.append((str(person_id), where))
    if role is not None or not waiting:
        return _new(check, screen, catalog, role)
    from coprod_assess.cli.people import pick_waiting

    chosen = pick_waiting(screen, [where for _, where in waiting])
    return _new(check, screen, catalog, None) if chosen is None else waiting[chosen][0]


def _new(check: Checking, screen: Screen, catalog: Catalog, role: str | None) -> str:
    from coprod_assess.cli.questionnaire import ask_role

    if role is None:
        role = ask_role(screen, [(r.id, r.label) for r in catalog.roles.values()])
    return check.add(role)


def show_finding(screen: Screen, check: Checking, person: str, index: int) -> None:
    """The finding, its number, the four responses, and what is already saved."""
    from coprod_assess.answers.checking import match_label

    total = len(check.findings)
    screen.rule(_("Finding {number} of {total}").format(number=index + 1, total=total))
    screen.say(finding_text(*check.findings[index]), "bold")
    screen.say(_(QUESTION))
    for number, value in enumerate(CHOICES, start=1):
        screen.say(f"{number}. {match_label(value)}")
    said = check.said(person, index)
    if said is not None:
        screen.say(
            _("Saved: {response}. Press Enter to keep it.").format(
                response=match_label(said.value)
            ),
            "green",
        )
        if said.note:
            screen.say(_("Comment: {comment}").format(comment=said.note), "dim")
    screen.say(_(HINT), "dim")


def finding_text(finding_id: str, stored: str) -> str:
    """A finding as shown to the person checking it: as stored in the answers file.

    The findings are drawn once, in English, and stored with their ids, so that everyone
    checks the same words. To show them in the language in use, look the finding up
    here by its id (for example, draw it again in the language with the same id and
    show that when the stored text matches the English draw); until then, the stored
    text is shown, whatever the language.
    """
    return stored


def _walk(check: Checking, screen: Screen, person: str, start: int) -> None:
    """From `start` to the last finding; Quit propagates when asked to stop."""
    from coprod_assess.answers.checking import Said
    from coprod_assess.cli.questionnaire import Quit

    index = start
    shown = -1
    while index < len(check.findings):
        if shown != index:
            show_finding(screen, check, person, index)
            shown = index
        typed = screen.ask(_("Your response: ")).strip().lower()
        if typed in QUIT:
            raise Quit
        if typed in BACK:
            if index == 0:
                screen.say(_("This is the first finding."))
            else:
                index -= 1
            continue
        saved = check.said(person, index)
        if not typed:
            if saved is None:
                screen.say(_(HINT))
            else:
                index += 1
            continue
        if not (typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(CHOICES)):
            screen.say(_(HINT))
            continue
        if saved and saved.note:
            prompt = _(
                "Comment, if you want to add one (Enter keeps: {comment}) (Enter to skip, "
                "b back, q quit): "
            ).format(comment=saved.note)
        else:
            prompt = _("Comment, if you want to add one (Enter to skip, b back, q quit): ")
        note = screen.ask_text(prompt)
        command = note.strip().lower()
        if command in BACK:
            continue  # the finding again, nothing saved
        if not note or command in QUIT:
            note = saved.note if saved is not None else ""
        check.save(person, index, Said(CHOICES[int(typed) - 1], note))
        if command in QUIT:
            raise Quit
        index += 1
