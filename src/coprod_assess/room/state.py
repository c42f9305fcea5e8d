"""The room's state: the one writer of the answers file, who has joined, and whether
answering is open.

Every change to the answers goes through one lock, so the server's many
threads write one answer at a time; each is on disk (atomic, synced) before
the reply that says it is saved. Pages never see another person's answers:
they reach answers through a `Turn` for the person their cookie names.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_assess.answers.turn import Turn
from coprod_assess.errors import CoprodError
from coprod_assess.room.check_round import CheckRound
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
PER_DEVICE = 40  # people who can join from one phone, tablet or laptop


class RoomFull(Exception):
    """As many people have joined as the room allows."""


class CheckingOpen(Exception):
    """Answering cannot open again while the sense-check is open."""


@dataclass(frozen=True)
class Closed:
    """What closing answering did: where the report is (None: nobody had answered), how
    few people changed since the last report when it was held back, or that answering
    was closed already."""

    report: Path | None
    held: int = 0
    already: bool = False


@dataclass(frozen=True)
class Counts:
    """What the projector may show: how many, never what anyone answered. Each side is
    shown as a number only once it has --min-group people: the room must not see which
    side the one person who just joined chose."""

    joined: int
    finished: int
    lived: int
    professional: int
    min_group: int = 3

    def said(self, count: int) -> str:
        """A side's count as the projector shows it."""
        return f"fewer than {self.min_group}" if 0 < count < self.min_group else str(count)

    @property
    def lived_said(self) -> str:
        """People with lived experience, as shown."""
        return self.said(self.lived)

    @property
    def professional_said(self) -> str:
        """Professionals, as shown."""
        return self.said(self.professional)


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
        self.writer = Writer(session, self.lock, settings.say)
        session.issued = max(session.issued, keys.issued)
        self._report: str | None = None
        self.problems: list[str] = []
        self._devices: Counter[str] = Counter()
        self.sense_check = CheckRound(self)

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
        """What the room is assessing, for headings ("" when no organisation was given)."""
        return str(self.session.assessment.get("organisation") or "").strip()

    def roles(self) -> list[Role]:
        """The roles a person may pick on their own phone, 'prefer not to say' last."""
        roles = [r for r in self.catalog.roles.values() if r.id not in _NOT_ON_PHONES]
        return sorted(roles, key=lambda role: role.id == "not-said")

    def join(self, role: str, name: str | None, device: str = "") -> str:
        """Add a person (saved at once); their respondent id. `device` is the address the
        phone or tablet joined from: a second person from one device is told to the
        facilitator (a shared tablet, or someone joining twice), and one device cannot
        fill the room."""
        if role not in {r.id for r in self.roles()}:
            raise ValueError(f"{role!r} is not a role here")

        def add() -> str:
            if len(self.session.respondents) >= self.settings.max_people:
                raise RoomFull
            self.from_device(device)
            person = str(self.session.add(role, name or None)["id"])
            self.keys = self.keys.with_issued(self.session.issued)
            self.joined_from(device)
            return person

        person = self.writer.write(add)
        self.tell_shared(device)
        return person

    def from_device(self, device: str) -> None:
        """Refuse (RoomFull) one more person from a device that has brought in as many as one
        device may: one phone cannot fill the room."""
        if device and self._devices[device] >= PER_DEVICE:
            raise RoomFull

    def joined_from(self, device: str) -> None:
        """Count one more person joined from `device`."""
        if device:
            self._devices[device] += 1

    def tell_shared(self, device: str) -> None:
        """Tell the facilitator when a second person has joined from one device."""
        if device and self._devices[device] > 1:
            self.settings.say(
                f"{self._devices[device]} people have joined from one device ({device}). On a "
                "shared tablet that is expected; otherwise someone may be joining more than "
                "once, which could give a small group's answers away."
            )

    def turn(self, person_id: str) -> Turn | None:
        """The turn of the person with this id, or None when the file has no such person."""
        with self.lock:
            if not any(str(p.get("id")) == person_id for p in self.session.respondents):
                return None
        return Turn(self.session, person_id)

    def counts(self) -> Counts:
        """Joined, finished, and how many respondents of each perspective."""
        with self.lock:
            people = list(self.session.respondents)
            finished = sum(self.session.finished(person) for person in people)
        return self.counted([str(person.get("role")) for person in people], finished)

    def counted(self, roles: Sequence[str], finished: int) -> Counts:
        """The counts of people with these roles, `finished` of them done."""
        sides = {"lived": 0, "professional": 0}
        for role_id in roles:
            role = self.catalog.roles.get(role_id)
            if role is not None and role.perspective in sides:
                sides[role.perspective] += 1
        return Counts(
            len(roles), finished, sides["lived"], sides["professional"], self.settings.min_group
        )

    # Closing

    def close(self) -> Closed:
        """Close answering and make the report (through the privacy step).

        A report shown before is not updated when fewer than --min-group people answered
        or changed answers since: the two reports side by side would give them away."""
        with self.lock:
            if self.closed:
                return Closed(self.settings.report if self.has_report() else None, already=True)
            self.keys = self.keys.with_closed(True)
            if not self.session.answers_saved():
                self._report = None
                return Closed(None)
            return self.renewed()

    def renewed(self) -> Closed:
        """Make the report again, unless it would differ from the one shown last by fewer
        than --min-group people (then the last one stays, and `held` says how many)."""
        with self.lock:
            prints = self._fingerprints()
            shown = self.keys.shown
            last = self._last_report()
            held = _too_few_changed(prints, shown, self.settings.min_group)
            if shown and last is not None and held:
                self._report = last
                return Closed(self.settings.report, held=held)
            self._report = self._write_report()
            self.keys = self.keys.changed(shown=prints)
            return Closed(self.settings.report)

    def announce_closed(self, closed: Closed) -> None:
        """Tell the facilitator's terminal what closing did and where things are."""
        say = self.settings.say
        if closed.already:
            say("Answering is already closed. Type open to open it again.")
        elif closed.report is None:
            say("Answering closed. Nobody had answered anything, so there is no report.")
        elif closed.held:
            people = "person has" if closed.held == 1 else "people have"
            say(
                f"Answering closed. Only {closed.held} {people} answered or changed answers "
                f"since the last report, fewer than {self.settings.min_group}: the report was "
                "not updated, so it cannot give their answers away. It updates once "
                f"{self.settings.min_group} or more have. The answers are in "
                f"{self.settings.answers}; the report is in {closed.report}."
            )
        else:
            say(
                f"Answering closed. The answers are in {self.settings.answers}; the report "
                f"is in {closed.report}."
            )

    def announce_open(self, was_closed: bool) -> None:
        """Tell the facilitator's terminal that answering is open (again)."""
        self.settings.say(
            "Answering is open again." if was_closed else "Answering is already open."
        )

    def reopen(self) -> bool:
        """Let people answer again; whether answering had been closed. Refused (CheckingOpen)
        while the sense-check is open: ending it first makes its report, and the phones
        checking are told the round has ended rather than sent back to the questions."""
        with self.lock:
            if self.keys.checking:
                raise CheckingOpen
            was_closed = self.closed
            self.keys = self.keys.with_closed(False)
            self._report = None
            return was_closed

    def has_report(self) -> bool:
        """Whether answering is closed with answers to report (without making the report)."""
        with self.lock:
            return self.closed and self.session.answers_saved() > 0

    def report(self) -> str | None:
        """The report of the session, once answering is closed (the one last shown, after
        a restart)."""
        with self.lock:
            if not self.closed:
                return None
            if self._report is None and self.keys.shown:
                self._report = self._last_report()
            if self._report is None and self.session.answers_saved():
                self._report = self._write_report()
                self.keys = self.keys.changed(shown=self._fingerprints())
            return self._report

    def _last_report(self) -> str | None:
        try:
            return self.settings.report.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def _fingerprints(self) -> dict[str, str]:
        """What a report is made from, boiled down: each person's role and answers (key:
        their id), and each response to each finding (key: check:FINDING:PERSON). Someone
        who joined and said nothing adds nothing to the report, so has no fingerprint:
        counted as a change they would let through a report that gives the others away."""
        prints = {}
        for person in self.session.respondents:
            answers = person.get("answers")
            if not isinstance(answers, dict) or not any(
                isinstance(given, dict) and any(v is not None for v in given.values())
                for given in answers.values()
            ):
                continue
            prints[str(person.get("id"))] = _digest(
                [
                    person.get("role"),
                    person.get("people"),
                    person.get("lived_experience"),
                    person.get("answers"),
                ]
            )
        for checker_id, checker in self.sense_check.checking.people().items():
            responses = checker.get("responses") if isinstance(checker, dict) else None
            for finding_id, said in (responses or {}).items():
                if said is not None:
                    prints[f"check:{finding_id}:{checker_id}"] = _digest(
                        [checker.get("role"), said]
                    )
        return prints

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


def _too_few_changed(prints: Mapping[str, str], shown: Mapping[str, str], min_group: int) -> int:
    """How many people changed what a report is made from, when that is more than none
    but fewer than `min_group` in any one figure: the answers, or one finding's responses.
    Each is told apart on its own, so people who only checked the findings cannot make
    up the numbers for one late answer, nor responses to one finding for another's."""
    changed: dict[str, int] = {}
    for key in prints.keys() | shown.keys():
        if prints.get(key) != shown.get(key):
            figure = key.rsplit(":", 1)[0] if key.startswith("check:") else "answers"
            changed[figure] = changed.get(figure, 0) + 1
    few = [count for count in changed.values() if count < min_group]
    return min(few, default=0)


def _digest(value: object) -> str:
    """A short fingerprint of a value: the same value, the same text."""
    body = json.dumps(value, sort_keys=True, default=str)
    return hashlib.sha256(body.encode()).hexdigest()[:16]
