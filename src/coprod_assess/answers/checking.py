"""The sense-check section of an answers file, filled in one person and one finding at a time.

It writes through the same `Session` as the answers (so the same lock, the same
in-place edits and the same atomic, synced writes), into a section of its own:

    sense_check:
      date: "2026-11-22"
      drawn_from: 12
      findings:
        ladder/arnstein-ladder: On Arnstein's ladder ...
      people:
        c1:
          role: person-using-services
          responses:
            ladder/arnstein-ladder: partly
            flag/out-of-pocket: {value: "no", note: "I was paid for my bus fare"}
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from coprod_assess.answers.models import MATCHES
from coprod_assess.answers.session import Session
from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _, current

SECTION = "sense_check"
# In English; `match_label` gives them in the language in use.
MATCH_LABELS = {
    "yes": "Yes",
    "partly": "Partly",
    "no": "No",
    "not-sure": "Not sure",
}


def match_label(value: str) -> str:
    """A response to "Does this match your experience?" in the language in use (Welsh
    answers the question with its verb: Ydy, Yn rhannol, Nac ydy, Ddim yn siŵr)."""
    from coprod_assess.i18n import pgettext

    labels = {
        "yes": pgettext("does it match", "Yes"),
        "partly": pgettext("does it match", "Partly"),
        "no": pgettext("does it match", "No"),
        "not-sure": pgettext("does it match", "Not sure"),
    }
    return labels.get(value, value)


@dataclass(frozen=True)
class Said:
    """What one person said of one finding."""

    value: str
    note: str = ""

    def stored(self) -> Any:
        """As the file keeps it: the bare word, or {value, note} with a comment."""
        return {"value": self.value, "note": self.note} if self.note else self.value

    @classmethod
    def read(cls, entry: Any) -> Said | None:
        """From the file's entry; None for nothing or something not understood."""
        if isinstance(entry, str) and entry in MATCHES:
            return cls(entry)
        if isinstance(entry, dict) and entry.get("value") in MATCHES:
            return cls(str(entry["value"]), str(entry.get("note") or ""))
        return None


class Checking:
    """The sense-check round of one answers file, kept by a `Session`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.issued = 0  # the highest person number this round has given out

    @property
    def section(self) -> dict[str, Any] | None:
        """The file's sense-check section, if it has one."""
        found = self.session.data.get(SECTION)
        return found if isinstance(found, dict) else None

    @property
    def findings(self) -> list[tuple[str, str]]:
        """The findings, in the order shown: (id, text)."""
        section = self.section or {}
        found = section.get("findings")
        return [(str(k), str(v)) for k, v in found.items()] if isinstance(found, dict) else []

    @property
    def lang(self) -> str:
        """The language the findings were written in (English in files that do not say)."""
        found = (self.section or {}).get("lang")
        return found if isinstance(found, str) and found else "en"

    def begin(
        self,
        findings: Sequence[tuple[str, str]],
        drawn_from: int,
        today: date,
        min_group: int,
    ) -> bool:
        """Write the findings to check (drawn at `min_group`), unless the file holds them
        already. True if written."""
        if self.findings:
            return False
        self.session.set_entry(
            (SECTION,),
            {
                "date": today.isoformat(),
                "drawn_from": drawn_from,
                "min_group": min_group,
                "findings": dict(findings),
                "lang": current(),
                "people": {},
            },
        )
        return True

    def people(self) -> dict[str, Any]:
        """Everyone who has checked the findings, by id, as the file holds them now."""
        self.session.refresh()
        section = self.section or {}
        found = section.get("people")
        return found if isinstance(found, dict) else {}

    def add(self, role: str, respondent: str | None = None) -> str:
        """A new person checking the findings, saved at once; their id (c1, c2, ...) follows
        the highest in the file and any this round gave out, so none is ever reused."""
        people = self.people()
        numbered = [int(i[1:]) for i in map(str, people) if re.fullmatch(r"c[0-9]{1,9}", i)]
        number = max([len(people), self.issued, *numbered]) + 1
        while f"c{number}" in people:
            number += 1
        self.issued = number
        person: dict[str, Any] = {"role": role}
        if respondent is not None:
            person["respondent"] = respondent
        person["responses"] = {}
        self.session.set_entry((SECTION, "people", f"c{number}"), person)
        return f"c{number}"

    def of_respondent(self, respondent: str) -> str | None:
        """The person checking on behalf of a respondent (the same phone in the room)."""
        for person_id, person in self.people().items():
            if isinstance(person, dict) and str(person.get("respondent")) == respondent:
                return str(person_id)
        return None

    def person(self, person_id: str) -> dict[str, Any]:
        """The person with this id, or a clear error if they were removed by hand."""
        person = self.people().get(person_id)
        if not isinstance(person, dict):
            raise CoprodError.single(
                str(self.session.path),
                "checker-removed",
                _(
                    "sense-check person {person} was removed by hand; nothing more was saved "
                    "for them"
                ).format(person=person_id),
            )
        return person

    def _responses(self, person_id: str) -> dict[str, Any]:
        responses = self.person(person_id).get("responses")
        return responses if isinstance(responses, dict) else {}

    def said(self, person_id: str, index: int) -> Said | None:
        """What the person said of finding `index`, if anything."""
        return Said.read(self._responses(person_id).get(self.findings[index][0]))

    def first_open(self, person_id: str) -> int | None:
        """The first finding the person has not responded to, or None when all are done.
        The file is looked at once, not once a finding."""
        responses = self._responses(person_id)
        for index, (finding_id, _text) in enumerate(self.findings):
            if Said.read(responses.get(finding_id)) is None:
                return index
        return None

    def save(self, person_id: str, index: int, said: Said) -> None:
        """Save one response: on disk before this returns (or at the end of a batch)."""
        if said.value not in MATCHES:
            raise ValueError(f"not a response: {said.value!r}")
        self.person(person_id)
        finding_id = self.findings[index][0]
        self.session.set_entry(
            (SECTION, "people", person_id, "responses", finding_id), said.stored()
        )
