"""Placing an export's columns: a question, a note, the role, the name, a time, or nothing.

A column is placed, in this order, by the mapping file; as a form service's own
column; by a tag in square brackets anywhere in its header (`[assets-1]`,
`[nef-six-principles/assets-1]`, `[note]`, `[note: assets-1]`); by a question id,
alone or at the end of a group path (`arnstein-ladder-money-1`,
`arnstein-ladder/money-1`, `_2-rubric-_1-first` where XLSForm needs a `_`); by a
question's whole text, alone, in brackets or after a title (grids); and last by
the usual wordings of a role, name or general-note column. Text is compared after
normal(); nothing is matched by a shared word, and a column that could be two
things is ambiguous, never guessed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from coprod_assess.importing.grids import readings, tags
from coprod_assess.importing.mapping import PLAIN_TARGETS, Mapping
from coprod_assess.importing.services import (
    FORM_COLUMNS,
    GROUP_SEPARATORS,
    MICROSOFT_ACCOUNT,
    MICROSOFT_MARKS,
    ODK_MARKS,
    SUBMISSION_IDS,
    TIMESTAMPS,
    group_suffixes,
    is_service_column,
)
from coprod_assess.importing.tables import clipped
from coprod_assess.rubric.models import Question, Rubric

Pair = tuple[Rubric, Question]

# The usual wordings of a name, role and general-note column, compared after normal().
NAME_HEADERS = {
    "name",
    "your name",
    "name optional",
    "your name optional",
    "full name",
    "your full name",
    "what is your name",
    "first name",
    "participant name",
    "participants name",
    "respondent name",
    "respondents name",
    "name of participant",
    "name of respondent",
    # Welsh
    "enw",
    "eich enw",
    "enw dewisol",
    "eich enw dewisol",
    "beth yw eich enw",
}
ROLE_HEADERS = {
    "role",
    "your role",
    "what is your role",
    "which role best describes you",
    "rol",
    "eich rol",
    "beth yw eich rol",
}
NOTE_HEADERS = {
    "anything else",
    "anything else you want to tell us",
    "anything else you would like to tell us",
    "anything else you want to add",
    "anything else you would like to add",
    "anything else in your own words",
    "is there anything else you want to tell us",
    "is there anything else you would like to tell us",
    "any other comments",
    "any comments",
    "other comments",
    "comments",
    "comment",
    "additional comments",
    "further comments",
    "general comments",
    "notes",
    "note",
    # Welsh
    "unrhyw beth arall",
    "unrhyw beth arall rydych am ei ddweud wrthym",
    "unrhyw sylwadau eraill",
    "sylwadau eraill",
    "sylwadau",
    "nodiadau",
}


def normal(text: str) -> str:
    """Lower case, accents and punctuation gone, spaces single: for comparing text."""
    text = unicodedata.normalize("NFKD", text).casefold()
    text = text.replace("\u2019", "").replace("'", "")
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


@dataclass(frozen=True)
class Target:
    """What a column holds.

    `kind` is one of: question, question-note (a note on `question`), note (the
    general note), role, name, date (a mapped time column), timestamp (a form's
    own time column; `detail` says what the summary calls its times), ignore,
    unmatched and ambiguous (`detail` says why).
    """

    kind: str
    rubric: Rubric | None = None
    question: Question | None = None
    detail: str = ""

    def names(self) -> str:
        """What the column holds, as a message names it."""
        asked = f"{self.rubric.id}/{self.question.id}" if self.rubric and self.question else ""
        return {"question": asked, "question-note": f"a note on {asked}"}.get(self.kind, self.kind)


class ColumnMatcher:
    """Knows the questions and the mapping, and places each header."""

    def __init__(
        self, rubrics: Sequence[Rubric], mapping: Mapping, worded: Sequence[Rubric] = ()
    ) -> None:
        self.by_key: dict[str, list[Pair]] = {}
        self.by_path: dict[str, list[Pair]] = {}
        self.by_text: dict[str, list[Pair]] = {}
        longest = 0
        for rubric in rubrics:
            for _, question in rubric.questions():
                pair = (rubric, question)
                self.by_key.setdefault(question.id, []).append(pair)
                self.by_key.setdefault(f"{rubric.id}/{question.id}", []).append(pair)
                # An XLSForm name may carry a `_` in front of the id (one starting with a
                # digit, or `meta`).
                for group in (rubric.id, f"_{rubric.id}"):
                    for name in (question.id, f"_{question.id}"):
                        for separator in GROUP_SEPARATORS:
                            key = f"{group}{separator}{name}"
                            self.by_path.setdefault(key, []).append(pair)
                self.by_text.setdefault(normal(question.text), []).append(pair)
                longest = max(longest, len(question.text))
        # The questions' words in the rubrics' other languages: a Welsh labels export.
        own = {rubric.id: rubric for rubric in rubrics}
        for other in worded:
            mine = own.get(other.id)
            if mine is None:
                continue
            asked = {q.id: q for _, q in mine.questions()}
            for _, worded_question in other.questions():
                same = asked.get(worded_question.id)
                if same is None:
                    continue
                texts = self.by_text.setdefault(normal(worded_question.text), [])
                if not any(r is mine and q is same for r, q in texts):
                    texts.append((mine, same))
                longest = max(longest, len(worded_question.text))
        self.longest_path = max(map(len, self.by_path), default=0)
        # Room for the spaces and marks a form may add to a question's text.
        self.longest_text = 2 * longest + 40
        self.mapped = {normal(header): target for header, target in mapping.columns.items()}
        self.odk = True
        self.microsoft = False

    def for_export(self, headers: Sequence[str]) -> None:
        """Learn which service wrote the export from its header: ODK Central's everyday
        column names ("Status") are its own only in its exports, and Microsoft Forms'
        "Name" and "Email" are the account's, not a name the person gave."""
        self.odk = bool({header.strip() for header in headers} & ODK_MARKS)
        self.microsoft = {normal(header) for header in headers} >= MICROSOFT_MARKS

    def column(self, header: str) -> Target:
        """Where a column's cells go."""
        key = normal(header)
        mapped = self.mapped.get(key)
        if mapped is not None:
            return self._mapped(mapped)
        if header.strip() in SUBMISSION_IDS and (self.odk or header.strip() != "KEY"):
            return Target("submission")
        if is_service_column(header, self.odk):
            said = TIMESTAMPS.get(key)
            return Target("timestamp", detail=said) if said else Target("ignore")
        for find in (self._tagged, self._by_path, self._by_text):
            found = find(header)
            if found is not None:
                return found
        if key in TIMESTAMPS:
            return Target("timestamp", detail=TIMESTAMPS[key])
        if self.microsoft and key in MICROSOFT_ACCOUNT:
            return Target("ignore")
        for kind, wordings in (
            ("role", ROLE_HEADERS),
            ("name", NAME_HEADERS),
            ("note", NOTE_HEADERS),
            ("ignore", FORM_COLUMNS),
        ):
            if key in wordings:
                return Target(kind)
        return Target("unmatched")

    def _by_id(self, key: str) -> Target:
        found = self.by_key.get(key.strip().lower(), [])
        if len(found) == 1:
            return Target("question", *found[0])
        if len(found) > 1:
            rubrics = ", ".join(f"{r.id}/{q.id}" for r, q in found)
            return Target(
                "ambiguous",
                detail=f"'{clipped(key)}' is a question in more than one rubric ({rubrics})",
            )
        return Target("unmatched")

    def _mapped(self, said: str) -> Target:
        """The target a mapping file gives: a plain one, a question, or a note on one."""
        if said in PLAIN_TARGETS:
            return Target(said)
        about = said.removeprefix("note:") if said.startswith("note:") else None
        target = self._by_id(about if about is not None else said)
        if target.kind == "unmatched":
            return Target(
                "unmatched", detail=f"the mapping names '{clipped(said)}', which is no question"
            )
        if about is not None and target.kind == "question":
            return Target("question-note", target.rubric, target.question)
        return target

    def _tagged(self, header: str) -> Target | None:
        """The one thing the header's tags name; None when no tag names anything."""
        found: dict[str, Target] = {}
        for tag in tags(header):
            if tag.note and tag.about is None:
                target = Target("note")
            else:
                target = self._by_id(tag.about or tag.key)
                if target.kind == "unmatched":
                    if tag.note:
                        return Target(
                            "unmatched", detail=f"its tag [{clipped(tag.key)}] names no question"
                        )
                    continue
                if target.kind == "ambiguous":
                    return target
                if tag.note:
                    target = Target("question-note", target.rubric, target.question)
            found.setdefault(target.names(), target)
        if len(found) > 1:
            return Target(
                "ambiguous",
                detail=f"its tags name more than one thing ({', '.join(found)}); a note on a "
                "question is tagged [note: question-id]",
            )
        return next(iter(found.values()), None)

    def _by_path(self, header: str) -> Target | None:
        """The question a header names by id, alone or after its groups' names."""
        whole = self._by_id(header)
        if whole.kind != "unmatched":
            return whole
        found: dict[str, Pair] = {}
        for end in group_suffixes(header.strip().lower(), self.longest_path):
            for rubric, question in self.by_path.get(end, []):
                found.setdefault(f"{rubric.id}/{question.id}", (rubric, question))
        if len(found) > 1:
            return Target("ambiguous", detail=f"its path could name {', '.join(found)}")
        return Target("question", *next(iter(found.values()))) if found else None

    def _by_text(self, header: str) -> Target | None:
        """The question whose whole text the header is, holds in brackets, or ends with."""
        for title_end, text in readings(header, self.longest_text):
            found = self.by_text.get(normal(text))
            if not found:
                continue
            if len(found) > 1 and title_end:
                title = header[:title_end]
                found = [pair for pair in found if _titled(title, pair[0])] or found
            if len(found) == 1:
                return Target("question", *found[0])
            return Target("ambiguous", detail="the same question text is in more than one rubric")
        return None


def _titled(title: str, rubric: Rubric) -> bool:
    """Whether a grid's or group's title is the rubric's title (a group path's last part)."""
    said, own = normal(title), normal(rubric.title)
    return bool(own) and (said == own or said.endswith(f" {own}"))
