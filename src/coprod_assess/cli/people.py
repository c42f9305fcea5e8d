"""Who is at the keyboard: carry on with someone unfinished, or start someone new."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import Catalog


def _where(session: Session, catalog: Catalog, person: dict[str, Any]) -> str:
    role = catalog.roles.get(str(person.get("role")))
    label = role.label if role else str(person.get("role"))
    return f"{person['id']} ({label}, {session.answered(person)} of {len(session.steps)} answered)"


def choose(
    session: Session, screen: Screen, catalog: Catalog, wanted: str | None, role: str | None
) -> dict[str, Any]:
    """The person answering now: asked for by id or name, picked from the unfinished, or new."""
    if wanted:
        found = session.find(wanted)
        if found is not None:
            screen.say(f"Resuming {_where(session, catalog, found)}.")
            return found
        if re.fullmatch(r"r[0-9]+", wanted.strip()):
            import typer

            ids = ", ".join(str(p["id"]) for p in session.respondents) or "none yet"
            raise typer.BadParameter(
                f"no respondent has the id '{wanted}' (ids: {ids}); give a name to add someone new",
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
    screen.say(f"Resuming {_where(session, catalog, waiting[chosen])}.")
    return waiting[chosen]


def pick_waiting(screen: Screen, waiting: list[str]) -> int | None:
    """Who is at the keyboard, of those listed (as id and role, never a name): their
    index, or None for someone new."""
    screen.say("Not finished yet:")
    for number, where in enumerate(waiting, start=1):
        screen.say(f"{number}. {where}")
    while True:
        typed = screen.ask(
            "Who is at the keyboard? Type their number to carry on, or press Enter for "
            "someone new: "
        ).strip()
        if not typed:
            return None
        if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(waiting):
            return int(typed) - 1
        screen.say(f"Type a number from 1 to {len(waiting)}, or press Enter.")


def new_person(
    session: Session, screen: Screen, catalog: Catalog, name: str | None, role: str | None
) -> dict[str, Any]:
    """Add someone: a name nobody else in the file has (or none), a role, a group's size."""
    from coprod_assess.cli.questionnaire import ask_role

    while name is None:
        typed = screen.ask_text("Name (optional, never shown in reports; press Enter to skip): ")
        if not typed or session.named(typed) is None:
            name = typed
        else:
            screen.say("Someone in this file already has that name. Type another, or press Enter.")
    if role is None:
        role = ask_role(screen, [(r.id, r.label) for r in catalog.roles.values()])
    group = _group_size(screen) if role == "group" else None
    return session.add(role, name or None, group)


def _group_size(screen: Screen) -> tuple[int, int]:
    people = _count(screen, "How many people are answering together? ", 1)
    lived = _count(
        screen,
        "How many of them use the service, or care for someone who does? ",
        0,
        people,
    )
    return people, lived


def _count(screen: Screen, prompt: str, least: int, most: int = 100_000) -> int:
    while True:
        typed = screen.ask(prompt).strip()
        if typed.isascii() and typed.isdigit() and least <= int(typed) <= most:
            return int(typed)
        screen.say(f"Type a whole number from {least} to {most}.")
