"""Who is at the keyboard: carry on with someone unfinished, or start someone new."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from coprod_assess.i18n import _

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import Catalog


def _where(session: Session, catalog: Catalog, person: dict[str, Any]) -> str:
    role = catalog.roles.get(str(person.get("role")))
    label = role.label if role else str(person.get("role"))
    return _("{id} ({role}, {done} of {total} answered)").format(
        id=person["id"], role=label, done=session.answered(person), total=len(session.steps)
    )


def choose(
    session: Session, screen: Screen, catalog: Catalog, wanted: str | None, role: str | None
) -> dict[str, Any]:
    """The person answering now: asked for by id or name, picked from the unfinished, or new."""
    if wanted:
        found = session.find(wanted)
        if found is not None:
            _same_form(session, found)
            screen.say(_("Resuming {who}.").format(who=_where(session, catalog, found)))
            return found
        if re.fullmatch(r"r[0-9]+", wanted.strip()):
            import typer

            ids = ", ".join(str(p["id"]) for p in session.respondents) or _("none yet")
            raise typer.BadParameter(
                _(
                    "no respondent has the id '{id}' (ids: {ids}); give a name to add someone new"
                ).format(id=wanted, ids=ids),
                param_hint="--respondent",
            )
        return new_person(session, screen, catalog, wanted, role)
    waiting = session.unfinished()
    if not waiting:
        return new_person(session, screen, catalog, None, role)
    # Ids and roles only: the screen may be seen by the room, and names are private.
    chosen = pick_waiting(screen, [_where(session, catalog, person) for person in waiting])
    if chosen is None:
        return new_person(session, screen, catalog, None, role)
    screen.say(_("Resuming {who}.").format(who=_where(session, catalog, waiting[chosen])))
    return waiting[chosen]


def _same_form(session: Session, person: dict[str, Any]) -> None:
    """A person asked the short form (Easy Read) in a full-form file carries on in it, and
    someone asked the full form is not carried on in the short one: a usage error."""
    if person.get("form") == session.person_form:
        return
    import typer

    if person.get("form") == "short":
        message = _("{id} answers the short form (Easy Read): carry on with --lang en-easy").format(
            id=person["id"]
        )
    else:
        message = _(
            "{id} answers the full form, which Easy Read does not ask: carry on in another "
            "language (--lang en or cy)"
        ).format(id=person["id"])
    raise typer.BadParameter(message, param_hint="--respondent")


def pick_waiting(screen: Screen, waiting: list[str]) -> int | None:
    """Who is at the keyboard, of those listed (as id and role, never a name): their
    index, or None for someone new."""
    screen.say(_("Not finished yet:"))
    for number, where in enumerate(waiting, start=1):
        screen.say(f"{number}. {where}")
    while True:
        typed = screen.ask(
            _(
                "Who is at the keyboard? Type their number to carry on, or press Enter for "
                "someone new: "
            )
        ).strip()
        if not typed:
            return None
        if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(waiting):
            return int(typed) - 1
        screen.say(_("Type a number from 1 to {last}, or press Enter.").format(last=len(waiting)))


def new_person(
    session: Session, screen: Screen, catalog: Catalog, name: str | None, role: str | None
) -> dict[str, Any]:
    """Add someone: a name nobody else in the file has (or none), a role, a group's size."""
    from coprod_assess.cli.questionnaire import ask_role

    while name is None:
        typed = screen.ask_text(_("Name (optional, never shown in reports; press Enter to skip): "))
        if not typed or session.named(typed) is None:
            name = typed
        else:
            screen.say(
                _("Someone in this file already has that name. Type another, or press Enter.")
            )
    if role is None:
        role = ask_role(screen, [(r.id, r.label) for r in catalog.roles.values()])
    group = _group_size(screen) if role == "group" else None
    return session.add(role, name or None, group)


def _group_size(screen: Screen) -> tuple[int, int]:
    people = _count(screen, _("How many people are answering together? "), 1)
    lived = _count(
        screen,
        _("How many of them use the service, or care for someone who does? "),
        0,
        people,
    )
    return people, lived


def _count(screen: Screen, prompt: str, least: int, most: int = 100_000) -> int:
    while True:
        typed = screen.ask(prompt).strip()
        if typed.isascii() and typed.isdigit() and least <= int(typed) <= most:
            return int(typed)
        screen.say(_("Type a whole number from {least} to {most}.").format(least=least, most=most))
