"""One person's turn in the room, over the questions they are asked.

Everyone in a room answers the same session, but not always all of it: someone who
answers in Easy Read while the workshop asks the full form is asked the short form
(the core questions), and their respondent entry says so (`form: short`). Their turn
walks those questions only, numbered 1, 2, 3... for them, saved where the session
keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from coprod_assess.answers.turn import Turn

if TYPE_CHECKING:
    from coprod_assess.answers.saved import Saved
    from coprod_assess.answers.session import Session, Step


def asked(session: Session, person: dict[str, Any]) -> list[int]:
    """The session's question indices the person is asked: the core ones for someone
    asked the short form in a full-form session, else every one."""
    every = list(range(len(session.steps)))
    if person.get("form") != "short" or session.assessment.get("form") == "short":
        return every
    core = [index for index in every if session.steps[index].question.core]
    return core or every


def short_form_differs(session: Session) -> bool:
    """Whether asking someone the short form here asks them less than the session asks
    (a full-form session with core questions)."""
    if session.assessment.get("form") == "short":
        return False
    return any(step.question.core for step in session.steps)


class PersonTurn(Turn):
    """A respondent's turn over the questions they are asked (`indices` into the session's
    steps, in order)."""

    def __init__(self, session: Session, person_id: str, indices: Sequence[int]) -> None:
        super().__init__(session, person_id)
        self.indices = list(indices)

    @property
    def total(self) -> int:
        """How many questions this person is asked."""
        return len(self.indices)

    def step(self, index: int) -> Step:
        """The person's question at `index` (0-based)."""
        return self.session.steps[self.indices[index]]

    def saved(self, index: int) -> Saved | None:
        """The answer saved for the person's question `index`, or None."""
        return self.session.saved(self.indices[index], self.person)

    def resume_at(self) -> int:
        """The first of the person's questions with no answer yet (`total` when none)."""
        person = self.person
        for at, index in enumerate(self.indices):
            if self.session.entry(index, person) is None:
                return at
        return self.total

    def note(self, index: int, text: str) -> bool:
        """Attach a note to the answer saved; False when nothing is saved yet."""
        saved = self.saved(index)
        if saved is None:
            return False
        self.session.save(self.person_id, self.indices[index], saved.with_note(text))
        return True

    def _save(self, index: int, saved: Saved, note: str | None) -> None:
        if note is None:
            before = self.saved(index)
            note = before.note if before is not None else ""
        self.session.save(self.person_id, self.indices[index], saved.with_note(note))
