"""One person's turn at the questions: the rules both faces of the questionnaire share.

The terminal (`coprod assess`) and the room (`coprod workshop`) differ only in
how they ask; where a person starts and resumes, what Next, Back and skipping
do, and how a note joins an answer are decided here, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coprod_assess.answers.saved import SKIP_REASONS, Saved

if TYPE_CHECKING:
    from coprod_assess.answers.session import Session, Step


class Turn:
    """A respondent walking the session's questions, saved after every step."""

    def __init__(self, session: Session, person_id: str) -> None:
        self.session = session
        self.person_id = person_id

    @property
    def person(self) -> dict[str, Any]:
        """The respondent as the file holds them now."""
        return self.session.person(self.person_id)

    @property
    def total(self) -> int:
        """How many questions this session asks."""
        return len(self.session.steps)

    def step(self, index: int) -> Step:
        """The question at `index` (0-based)."""
        return self.session.steps[index]

    def saved(self, index: int) -> Saved | None:
        """The answer saved for `index`, or None."""
        return self.session.saved(index, self.person)

    def resume_at(self) -> int:
        """Where the person carries on: the first unanswered question, or `total` when
        every question has an answer."""
        found = self.session.first_open(self.person)
        return self.total if found is None else found

    @property
    def finished(self) -> bool:
        """Whether every question has an answer or a skip."""
        return self.resume_at() == self.total

    def answer(self, index: int, value: float, note: str | None = None) -> int:
        """Save an option's value (`note` None keeps the note saved); the next index."""
        if value not in {option.value for option in self.step(index).options}:
            raise ValueError(f"{value!r} is not an answer to question {index + 1}")
        self._save(index, Saved(value=value), note)
        return index + 1

    def skip(self, index: int, reason: str, note: str | None = None) -> int:
        """Save "don't know" or "not applicable"; the next index."""
        if reason not in SKIP_REASONS:
            raise ValueError(f"{reason!r} is not a way to skip")
        self._save(index, Saved(skip=reason), note)
        return index + 1

    def keep(self, index: int) -> int | None:
        """Move on keeping what is saved; None when nothing is saved to keep."""
        return None if self.saved(index) is None else index + 1

    def back(self, index: int) -> int | None:
        """The question before, or None at the first."""
        return index - 1 if index > 0 else None

    def note(self, index: int, text: str) -> bool:
        """Attach a note to the answer saved; False when nothing is saved yet."""
        saved = self.saved(index)
        if saved is None:
            return False
        self.session.save(self.person_id, index, saved.with_note(text))
        return True

    def _save(self, index: int, saved: Saved, note: str | None) -> None:
        if note is None:
            before = self.saved(index)
            note = before.note if before is not None else ""
        self.session.save(self.person_id, index, saved.with_note(note))
