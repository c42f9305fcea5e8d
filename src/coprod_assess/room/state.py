"""The room's state: the one writer of the answers file, who has joined, and whether
answering is open.

Every change to the answers goes through one lock, so the server's many
threads write one answer at a time; each is on disk (atomic, synced) before
the reply that says it is saved. Pages never see another person's answers:
they reach answers through a `Turn` for the person their cookie names.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_assess.answers.turn import Turn
from coprod_assess.errors import CoprodError
from coprod_assess.room.keys import RoomKeys
from coprod_assess.room.writer import Writer

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session
    from coprod_assess.rubric.catalog import Catalog
    from coprod_assess.rubric.roles import Role

# The role a whole room answering together uses: not for one person's phone.
_NOT_ON_PHONES = {"group"}
NAME_LIMIT = 80
NOTE_LIMIT = 1000


class RoomFull(Exception):
    """As many people have joined as the room allows."""


class NameTaken(Exception):
    """Someone in the answers file already has the name given."""


@dataclass(frozen=True)
class Counts:
    """What the projector may show: how many, never what anyone answered."""

    joined: int
    finished: int
    lived: int
    professional: int


@dataclass
class Settings:
    """How the facilitator set the room up."""

    answers: Path
    report: Path
    rubric_paths: Sequence[Path] = ()
    names: bool = False
    max_people: int = 300
    min_group: int = 3
    join_urls: Sequence[str] = field(default_factory=list)
    say: Callable[[str], None] = print


class Room:
    """The workshop: its session (the answers file), its keys and its settings."""

    def __init__(
        self, session: Session, catalog: Catalog, keys: RoomKeys, settings: Settings
    ) -> None:
        self.session = session
        self.catalog = catalog
        self.keys = keys
        self.settings = settings
        self.lock = threading.RLock()
        self.writer = Writer(session, self.lock)
        session.issued = max(session.issued, keys.issued)
        self._report: str | None = None
        self.problems: list[str] = []

    def problem(self, err: CoprodError) -> None:
        """An answer that could not be saved: told to the facilitator's terminal at once."""
        from coprod_assess.cli.errors import echo_problem

        with self.lock:
            self.problems.append(str(err))
        for found in err.problems:
            echo_problem(found)

    @property
    def closed(self) -> bool:
        """Whether answering has been closed."""
        return self.keys.closed

    @property
    def title(self) -> str:
        """What the room is assessing, for headings."""
        organisation = str(self.session.assessment.get("organisation") or "").strip()
        return organisation or "this service"

    def roles(self) -> list[Role]:
        """The roles a person may pick on their own phone, 'prefer not to say' last."""
        roles = [r for r in self.catalog.roles.values() if r.id not in _NOT_ON_PHONES]
        return sorted(roles, key=lambda role: role.id == "not-said")

    def join(self, role: str, name: str | None) -> str:
        """Add a person (saved at once); their respondent id."""
        if role not in {r.id for r in self.roles()}:
            raise ValueError(f"{role!r} is not a role here")

        def add() -> str:
            if len(self.session.respondents) >= self.settings.max_people:
                raise RoomFull
            if name and self.session.named(name) is not None:
                raise NameTaken
            person = str(self.session.add(role, name or None)["id"])
            self.keys = self.keys.with_issued(self.session.issued)
            return person

        return self.writer.write(add)

    def turn(self, person_id: str) -> Turn | None:
        """The turn of the person with this id, or None when the file has no such person."""
        with self.lock:
            if not any(str(p.get("id")) == person_id for p in self.session.respondents):
                return None
        return Turn(self.session, person_id)

    def counts(self) -> Counts:
        """Joined, finished, and how many of each perspective (groups by their members)."""
        with self.lock:
            people = list(self.session.respondents)
            finished = sum(self.session.finished(person) for person in people)
        sides = {"lived": 0, "professional": 0}
        for person in people:
            role = self.catalog.roles.get(str(person.get("role")))
            if role is not None and role.perspective in sides:
                sides[role.perspective] += 1
        return Counts(len(people), finished, sides["lived"], sides["professional"])

    # Closing

    def close(self) -> Path | None:
        """Close answering and write the report (through the privacy step); its path, or
        None when nobody has answered anything yet."""
        with self.lock:
            self.keys = self.keys.with_closed(True)
            if not self.session.answers_saved():
                self._report = None
                return None
            self._report = self._write_report()
            return self.settings.report

    def announce_closed(self, report: Path | None) -> None:
        """Tell the facilitator's terminal where the answers and the report are."""
        where = f"the report is in {report}" if report else "nobody had answered, so no report"
        self.settings.say(f"Answering closed. The answers are in {self.settings.answers}; {where}.")

    def announce_open(self) -> None:
        """Tell the facilitator's terminal that answering is open again."""
        self.settings.say("Answering is open again.")

    def reopen(self) -> None:
        """Let people answer again (the report is made afresh when answering closes)."""
        with self.lock:
            self.keys = self.keys.with_closed(False)
            self._report = None

    def has_report(self) -> bool:
        """Whether answering is closed with answers to report (without making the report)."""
        with self.lock:
            return self.closed and self.session.answers_saved() > 0

    def report(self) -> str | None:
        """The report of the session, once answering is closed."""
        with self.lock:
            if not self.closed:
                return None
            if self._report is None and self.session.answers_saved():
                self._report = self._write_report()
            return self._report

    def _write_report(self) -> str:
        from coprod_assess.atomic import write_atomic
        from coprod_assess.report.render import render_report
        from coprod_assess.scoring.from_file import scored_from_file

        settings = self.settings
        shared = scored_from_file(
            settings.answers, settings.rubric_paths, min_group=settings.min_group
        ).shared
        html = render_report(shared, "html")
        write_atomic(settings.report, html)
        return html
