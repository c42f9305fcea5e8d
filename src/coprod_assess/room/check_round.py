"""The sense-check round: once answering has closed, the room checks the main findings.

The facilitator opens the round from the projector or the terminal. The findings are
drawn once, through the privacy step, into the answers file's own `sense_check`
section (a file that holds findings already keeps them), and each response goes
through the room's one writer, like an answer: on disk before the phone is told it
is saved. Ending the round makes the report again, held back like any report that
would differ from the last one shown by fewer than --min-group people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from coprod_assess.answers.checking import Checking, Said
from coprod_assess.i18n import _, ngettext, using

if TYPE_CHECKING:
    from coprod_assess.room.state import Closed, Counts, Room

Refusal = Literal["", "answering", "nobody", "nothing"]


@dataclass(frozen=True)
class Started:
    """What opening the round did: how many findings (drawn from how many people; `now`, how
    many the file has now), whether they were in the file already (`again`) or the round
    was open already; or why it did not open: answering still open, nobody answered, or
    no finding could be shown."""

    findings: int = 0
    drawn_from: int = 0
    now: int = 0
    again: bool = False
    already: bool = False
    refused: Refusal = ""


class CheckRound:
    """The sense-check round of one room."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.checking = Checking(room.session)
        self.checking.issued = room.keys.check_issued

    @property
    def open(self) -> bool:
        """Whether the round is open now."""
        return self.room.keys.checking

    @property
    def total(self) -> int:
        """How many findings there are to check."""
        return len(self.checking.findings)

    def finding(self, index: int, lang: str = "en") -> tuple[str, str]:
        """The words of finding `index` for a phone in `lang`, and the language they are in.

        The answers file keeps each finding's words as they were drawn (in the workshop's
        language), keyed by its id; they are shown as kept until `finding_words` gives
        words in `lang`."""
        finding_id, text = self.checking.findings[index]
        words = finding_words(finding_id, text, lang)
        return words if words is not None else (text, self.checking.lang)

    # The facilitator

    def start(self) -> Started:
        """Open the round: draw the findings into the file, or keep those it holds."""
        room = self.room
        with room.lock:
            self.checking.people()  # takes in a hand edit first
            if self.open:
                return Started(self.total, self._drawn_from(), already=True)
            if not room.closed:
                return Started(refused="answering")
            if not room.session.answers_saved():
                return Started(refused="nobody")
            again = bool(self.checking.findings)
            if not again:
                from coprod_assess.sensecheck.draw import draw_findings

                settings = room.settings
                # In the workshop's language (recorded as `sense_check.lang`), keyed by
                # ids: everyone checks the same words, and each phone shows them through
                # `finding_words`, marked with their language where the phone's differs.
                with using(room.lang):
                    findings, drawn_from = draw_findings(
                        settings.answers, settings.rubric_paths, min_group=settings.min_group
                    )
                    if not findings:
                        return Started(refused="nothing")
                    pairs = [(finding.id, finding.text) for finding in findings]
                    self.checking.begin(pairs, drawn_from, date.today(), settings.min_group)
            room.keys = room.keys.changed(checking=True)
            now = len(room.session.respondents)
            return Started(self.total, self._drawn_from(), now, again=again)

    def _drawn_from(self) -> int:
        drawn = (self.checking.section or {}).get("drawn_from")
        return drawn if isinstance(drawn, int) else 0

    def end(self) -> Closed:
        """End the round and make the report again (held back as any report is)."""
        from coprod_assess.room.state import Closed

        room = self.room
        with room.lock:
            if not self.open:
                return Closed(room.settings.report if room.has_report() else None, already=True)
            room.keys = room.keys.changed(checking=False)
            return room.renewed()

    def _people(self) -> list[dict[str, Any]]:
        """The people of the round as the room holds them (a count does not read the file
        again: a broken hand edit shows on the pages that save, not on the projector)."""
        found = (self.checking.section or {}).get("people")
        people = found.values() if isinstance(found, dict) else []
        return [person for person in people if isinstance(person, dict)]

    def counts(self) -> Counts:
        """How many people are checking, how many have responded to every finding, and of
        each perspective: numbers only, never a response."""
        with self.room.lock:
            people = self._people()
            wanted = {finding_id for finding_id, _text in self.checking.findings}
            finished = sum(
                wanted <= set(person.get("responses") or {}) and bool(wanted) for person in people
            )
        return self.room.counted([str(person.get("role")) for person in people], finished)

    def responded(self) -> int:
        """How many people have responded to at least one finding."""
        with self.room.lock:
            return sum(bool(person.get("responses")) for person in self._people())

    # The phones

    def checker_of(self, respondent: str) -> str | None:
        """The person checking on behalf of a respondent who answered on this phone."""
        with self.room.lock:
            return self.checking.of_respondent(respondent)

    def exists(self, person_id: str) -> bool:
        """Whether the file has a sense-check person with this id."""
        with self.room.lock:
            return isinstance(self.checking.people().get(person_id), dict)

    def join(self, role: str, respondent: str | None = None, device: str = "") -> str | None:
        """A person starting the round (saved at once): a respondent who answered on this
        phone, once, with the role they answered as; or someone new, with the role they
        picked. Their id, or None when the round had ended. Raises RoomFull as joining
        does: the room's most people, or as many as one device may bring in."""
        room = self.room
        if respondent is None and role not in {r.id for r in room.roles()}:
            raise ValueError(f"{role!r} is not a role here")

        def add() -> str | None:
            if not self.open:
                return None
            chosen = role
            if respondent is not None:
                found = self.checking.of_respondent(respondent)
                if found is not None:
                    return found
                chosen = str(room.session.person(respondent).get("role"))
            elif len(self.checking.people()) >= room.settings.max_people:
                from coprod_assess.room.state import RoomFull

                raise RoomFull
            else:
                room.from_device(device)
            person = self.checking.add(chosen, respondent)
            room.keys = room.keys.changed(
                check_issued=max(room.keys.check_issued, self.checking.issued)
            )
            if respondent is None:
                room.joined_from(device)
            return person

        person = room.writer.write(add)
        if respondent is None and person is not None:
            room.tell_shared(device)
        return person

    def at(self, person_id: str) -> int:
        """Where the person carries on: the first finding not responded to (the total when
        every finding has a response)."""
        with self.room.lock:
            found = self.checking.first_open(person_id)
        return self.total if found is None else found

    def said(self, person_id: str, index: int) -> Said | None:
        """What the person said of finding `index`, if anything."""
        with self.room.lock:
            return self.checking.said(person_id, index)

    def save(self, person_id: str, index: int, said: Said) -> int | None:
        """Save one response through the writer; the index to show next, or None when the
        round ended before it arrived (nothing saved)."""

        def change() -> int | None:
            if not self.open:
                return None
            self.checking.save(person_id, index, said)
            return index + 1

        return self.room.writer.write(change)

    # The terminal

    def announce_started(self, started: Started) -> None:
        """Tell the facilitator's terminal what opening the round did."""
        say = self.room.settings.say
        if started.already:
            say(_("The sense-check is already open. Type end to end it."))
        elif started.refused == "answering":
            say(
                _(
                    "Answering is still open. Type close to close it, then check to start the "
                    "sense-check."
                )
            )
        elif started.refused == "nobody":
            say(_("Nobody has answered anything, so there are no findings to check."))
        elif started.refused == "nothing":
            say(
                _(
                    "There are too few answers to draw findings from (with --min-group "
                    "{min_group}), so there is nothing to check."
                ).format(min_group=self.room.settings.min_group)
            )
        elif started.again:
            # Whole sentences, one line.
            lines = [
                ngettext(
                    "The sense-check is open again, with the same {count} finding.",
                    "The sense-check is open again, with the same {count} findings.",
                    started.findings,
                ).format(count=started.findings)
            ]
            if started.drawn_from != started.now:
                lines.append(
                    _(
                        "They were drawn from {drawn} people's answers; the file now has "
                        "{now}. Everyone checks the same findings, so they are kept as they "
                        "were."
                    ).format(drawn=started.drawn_from, now=started.now)
                )
            lines.append(_("Type end to end it."))
            say(" ".join(lines))
        else:
            say(
                ngettext(
                    "The sense-check is open: {count} finding to check, drawn from {drawn} "
                    "people's answers. Phones that answered show Check the findings; anyone "
                    "else can scan the code. Type end to end it.",
                    "The sense-check is open: {count} findings to check, drawn from {drawn} "
                    "people's answers. Phones that answered show Check the findings; anyone "
                    "else can scan the code. Type end to end it.",
                    started.findings,
                ).format(count=started.findings, drawn=started.drawn_from)
            )

    def announce_ended(self, ended: Closed) -> None:
        """Tell the facilitator's terminal what ending the round did and where things are."""
        settings = self.room.settings
        say = settings.say
        if ended.already:
            say(_("The sense-check is not open. Type check to start it."))
            return
        count = self.responded()
        # Whole sentences, one line.
        lines = [
            ngettext(
                "The sense-check ended: {count} person checked the findings.",
                "The sense-check ended: {count} people checked the findings.",
                count,
            ).format(count=count)
        ]
        if ended.report is None:
            lines.append(_("Nobody had answered, so there is no report."))
            say(" ".join(lines))
            return
        if ended.held:
            lines.append(
                ngettext(
                    "Only {count} person has answered, changed answers or checked the "
                    "findings since the last report, fewer than {min_group}: the report was "
                    "not updated, so it cannot give them away.",
                    "Only {count} people have answered, changed answers or checked the "
                    "findings since the last report, fewer than {min_group}: the report was "
                    "not updated, so it cannot give them away.",
                    ended.held,
                ).format(count=ended.held, min_group=settings.min_group)
            )
        lines.append(
            _("The answers and responses are in {answers}; the report is in {report}.").format(
                answers=settings.answers, report=ended.report
            )
        )
        say(" ".join(lines))


def finding_words(finding_id: str, text: str, lang: str) -> tuple[str, str] | None:
    """A finding's words in `lang` and their language, or None to show them as the answers
    file keeps them (in the language they were drawn in, `sense_check.lang`).

    The hook for translated findings: the findings are drawn in the workshop's language
    and kept so in the answers file, keyed by ids (`sensecheck.draw`); words that give a
    finding in another language from its id (and the words kept) belong here. None yet."""
    del finding_id, text, lang
    return None
