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

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _, is_easy_read, ngettext, using
from coprod_assess.room.check_round import CheckRound
from coprod_assess.room.keys import RoomKeys
from coprod_assess.room.turn import PersonTurn, asked, short_form_differs
from coprod_assess.room.writer import Writer

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session, Step
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
        if 0 < count < self.min_group:
            return _("fewer than {count}").format(count=self.min_group)
        return str(count)

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
    lang: str = "en"  # the workshop's language: the projector's, and a phone's at first


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
        self._words: dict[str, Catalog] = {catalog.lang: catalog}
        self.sense_check = CheckRound(self)

    def problem(self, err: CoprodError) -> None:
        """An answer that could not be saved: told to the facilitator's terminal at once."""
        from coprod_assess.cli.errors import echo_problem

        with self.lock:
            self.problems.append(str(err))
        for found in err.problems:
            echo_problem(found)

    @property
    def lang(self) -> str:
        """The workshop's language (`--lang`): the projector's and the terminal's."""
        return self.settings.lang

    def words(self, lang: str) -> Catalog:
        """The rubrics, roles and flags in `lang` (one catalog a language, made once)."""
        found = self._words.get(lang)
        if found is None:
            found = self._words[lang] = self.catalog.localised(lang)
        return found

    def short_for(self, lang: str) -> bool:
        """Whether someone answering in `lang` is asked the short form while the workshop
        asks the full form (Easy Read)."""
        return is_easy_read(lang) and short_form_differs(self.session)

    def steps_for(self, lang: str) -> list[Step]:
        """The questions someone answering in `lang` is asked."""
        form = "short" if self.short_for(lang) else None
        return [self.session.steps[i] for i in asked(self.session, {"form": form})]

    @property
    def closed(self) -> bool:
        """Whether answering has been closed."""
        return self.keys.closed

    @property
    def title(self) -> str:
        """What the room is assessing, for headings ("" when no organisation was given)."""
        return str(self.session.assessment.get("organisation") or "").strip()

    def roles(self, lang: str | None = None) -> list[Role]:
        """The roles a person may pick on their own phone, in `lang` (else the workshop's),
        'prefer not to say' last."""
        catalog = self.words(lang or self.lang)
        roles = [r for r in catalog.roles.values() if r.id not in _NOT_ON_PHONES]
        return sorted(roles, key=lambda role: role.id == "not-said")

    def join(self, role: str, name: str | None, device: str = "", lang: str | None = None) -> str:
        """Add a person (saved at once); their respondent id. `device` is the address the
        phone or tablet joined from: a second person from one device is told to the
        facilitator (a shared tablet, or someone joining twice), and one device cannot
        fill the room. `lang` is the language they answer in (the workshop's if not
        given), recorded with them; Easy Read in a full-form workshop is asked, and
        recorded as asked, the short form."""
        if role not in {r.id for r in self.roles()}:
            raise ValueError(f"{role!r} is not a role here")
        lang = lang or self.lang
        form = "short" if self.short_for(lang) else None

        def add() -> str:
            if len(self.session.respondents) >= self.settings.max_people:
                raise RoomFull
            self.from_device(device)
            added = self.session.add(role, name or None, lang=lang, form=form)
            person = str(added["id"])
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
                _(
                    "{count} people have joined from one device ({device}). On a shared "
                    "tablet that is expected; otherwise someone may be joining more than "
                    "once, which could give a small group's answers away."
                ).format(count=self._devices[device], device=device)
            )

    def turn(self, person_id: str) -> PersonTurn | None:
        """The turn of the person with this id (over the questions they are asked), or None
        when the file has no such person."""
        with self.lock:
            for person in self.session.respondents:
                if str(person.get("id")) == person_id:
                    return PersonTurn(self.session, person_id, asked(self.session, person))
        return None

    def counts(self) -> Counts:
        """Joined, finished (each over the questions they are asked), and how many
        respondents of each perspective."""
        with self.lock:
            people = list(self.session.respondents)
            finished = sum(
                all(self.session.entry(i, person) is not None for i in asked(self.session, person))
                for person in people
            )
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
            say(_("Answering is already closed. Type open to open it again."))
        elif closed.report is None:
            say(_("Answering closed. Nobody had answered anything, so there is no report."))
        elif closed.held:
            say(
                ngettext(
                    "Answering closed. Only {count} person has answered or changed answers "
                    "since the last report, fewer than {min_group}: the report was not "
                    "updated, so it cannot give their answers away. It updates once "
                    "{min_group} or more have. The answers are in {answers}; the report is "
                    "in {report}.",
                    "Answering closed. Only {count} people have answered or changed answers "
                    "since the last report, fewer than {min_group}: the report was not "
                    "updated, so it cannot give their answers away. It updates once "
                    "{min_group} or more have. The answers are in {answers}; the report is "
                    "in {report}.",
                    closed.held,
                ).format(
                    count=closed.held,
                    min_group=self.settings.min_group,
                    answers=self.settings.answers,
                    report=closed.report,
                )
            )
        else:
            say(
                _(
                    "Answering closed. The answers are in {answers}; the report is in {report}."
                ).format(answers=self.settings.answers, report=closed.report)
            )

    def announce_open(self, was_closed: bool) -> None:
        """Tell the facilitator's terminal that answering is open (again)."""
        self.settings.say(
            _("Answering is open again.") if was_closed else _("Answering is already open.")
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
        # In the workshop's language, whoever asked first (a phone may ask in another).
        with using(self.lang):
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
