"""One saved answer, typed: an option's value or a skip, and a note.

The answers file keeps an answer as a bare number, `{value, note}` or
`{skip, note}`; everything that walks the questions reads and writes it as a
`Saved`, so the terminal and the room agree on what an answer is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

SkipReason = Literal["dont-know", "not-applicable"]
SKIP_REASONS: tuple[SkipReason, ...] = ("dont-know", "not-applicable")
# In English; `skip_words` gives them in the language in use.
SKIP_WORDS: dict[str, str] = {"dont-know": "Don't know", "not-applicable": "Not applicable"}


def skip_words(reason: str, *, lower: bool = True) -> str:
    """A skip as a person reads it, in the language in use: "don't know" (or "Don't know"
    with `lower=False`, as a choice's label). A reason not known is shown as written."""
    from coprod_assess.i18n import pgettext

    if reason == "dont-know":
        return pgettext("skip", "don't know") if lower else pgettext("skip", "Don't know")
    if reason == "not-applicable":
        return pgettext("skip", "not applicable") if lower else pgettext("skip", "Not applicable")
    return reason


@dataclass(frozen=True)
class Saved:
    """An answer as given: `value` (an option's value) or `skip`, and an optional note."""

    value: float | None = None
    skip: str | None = None
    note: str = ""

    @staticmethod
    def read(raw: Any) -> Saved | None:
        """The answer as the file keeps it, typed; None when there is none."""
        if raw is None:
            return None
        if isinstance(raw, dict):
            note = raw.get("note")
            note = note if isinstance(note, str) else ""
            if raw.get("skip") is not None:
                return Saved(skip=str(raw["skip"]), note=note)
            return Saved(value=_number(raw.get("value")), note=note)
        return Saved(value=_number(raw))

    def stored(self) -> Any:
        """The answer as the file keeps it: a bare value when there is no note."""
        if self.skip is not None:
            body: dict[str, Any] = {"skip": self.skip}
        elif not self.note:
            return self.value
        else:
            body = {"value": self.value}
        if self.note:
            body["note"] = self.note
        return body

    def with_note(self, note: str | None) -> Saved:
        """The same answer with `note` (None keeps the note it has; "" removes it)."""
        return self if note is None else Saved(self.value, self.skip, note)


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None
    return raw
