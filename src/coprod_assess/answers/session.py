"""A questionnaire session: one respondent at a time, saved after every change.

Each change is made to the file's own text (see `editor`), so what the file
held before (comments, layout, answers added by hand while the session runs)
is kept, and a large file saves as fast as a small one. Pure state and file
writes; the terminal dialogue lives in the CLI, which also holds the lock.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from coprod_assess.answers.editor import AnswersText, Unchangeable, file_stamp
from coprod_assess.answers.saved import Saved
from coprod_assess.answers.writer import save_answers, storable
from coprod_assess.atomic import writable_target
from coprod_assess.i18n import _
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.models import Dimension, Option, Question, Rubric


@dataclass
class _Pending:
    """Changes made in a batch and not yet written."""

    changed: bool = False
    afresh: bool = False


@dataclass(frozen=True)
class Step:
    """One question in the walk, with where it sits."""

    rubric: Rubric
    dimension: Dimension
    question: Question

    @property
    def options(self) -> list[Option]:
        """The answer options, in the order shown."""
        return self.rubric.options_for(self.question)


class Session:
    """The answers file being filled in: its assessment block and its people.

    Who answers and in what order is a `Turn`'s business (see `turn`); this class
    keeps the file and the answers in step. It is not thread-safe: one caller at a
    time (the room holds a lock around it).
    """

    def __init__(
        self,
        path: Path,
        data: dict[str, Any],
        rubrics: Sequence[Rubric],
        text: str | None = None,
    ) -> None:
        """`data` as read from `path` ({} for a new file); `text`, the file's text, when
        it was read already (so it is not read twice)."""
        self.path = path
        self.data = unshared(data)
        self.data.setdefault("assessment", {})
        self.data.setdefault("respondents", [])
        self.steps = [Step(r, d, q) for r in rubrics for d, q in r.questions()]
        self._editor: AnswersText | None = None
        self._batch: _Pending | None = None
        self.issued = 0  # the highest respondent number this session has given out
        self.notices: list[str] = []  # what happened to the file that someone should know
        # The form each person this session adds is asked, where it differs from the
        # file's: "short" for Easy Read in a full-form file. Only people asked the same
        # form are offered to carry on.
        self.person_form: str | None = None
        self.person_lang: str | None = None  # the language each person added answers in
        self._seen: tuple[int, int, int] | None = None
        if path.exists():
            writable_target(path)  # a read-only file is refused before anyone answers
            self._open(text)
        declared = self.assessment.get("rubrics") or {}
        for rubric in rubrics:
            if rubric.id not in declared:
                self.set_assessment(("rubrics", rubric.id), rubric.version)

    @property
    def assessment(self) -> dict[str, Any]:
        """The assessment block, edited in place."""
        block: dict[str, Any] = self.data["assessment"]
        return block

    @property
    def respondents(self) -> list[dict[str, Any]]:
        """Everyone in the file."""
        people: list[dict[str, Any]] = self.data["respondents"]
        return people

    # Writing

    def _open(self, text: str | None = None) -> None:
        """Start editing the file as it is on disk now (its text, if already read)."""
        try:
            self._editor = (
                AnswersText.read(self.path) if text is None else AnswersText(self.path, text)
            )
        except Unchangeable:
            self._editor = None  # a layout not edited in place: written afresh on change
        self._seen = file_stamp(self.path)

    def _sync(self) -> None:
        """Take in a change someone made to the file by hand since the last write."""
        if self._batch is not None:
            return  # inside a batch the changes not yet written are the truth
        if self._seen is None:
            return
        stamp = file_stamp(self.path)
        if stamp == self._seen:
            return
        if stamp is None and not self.path.is_symlink():
            # Deleted or moved away while answers were being saved (a sync tool, a slip):
            # everything it held is here, so it is written again rather than lost.
            save_answers(self.path, self.data)
            self._open()
            self.notices.append(
                _(
                    "{file} was deleted or moved away while answers were being saved; "
                    "it was written again with every answer"
                ).format(file=self.path)
            )
            return
        self._reload()

    def refresh(self) -> None:
        """Take in what someone changed in the file by hand since the last write."""
        self._sync()

    def _reload(self) -> None:
        """Read the file afresh: what is on disk is what holds."""
        from coprod_assess.answers.models import AnswersFile
        from coprod_assess.loading.document import load_document
        from coprod_assess.loading.validate import validate

        doc = load_document(self.path)
        validate(AnswersFile, doc)  # a broken hand edit stops here, at its line
        data: dict[str, Any] = unshared(doc.data)
        data.setdefault("assessment", {})
        data.setdefault("respondents", [])
        self.data = data
        self._open(doc.text)

    def _write(self, change: Callable[[AnswersText], None]) -> None:
        """Make one change in the file's text (or mark the file to be written afresh where
        that can't be), and write it now, or at the end of the batch."""
        pending = self._batch
        afresh = self._editor is None or (pending is not None and pending.afresh)
        if not afresh and self._editor is not None:
            try:
                change(self._editor)
            except Unchangeable:
                afresh = True
        if pending is not None:
            pending.changed = True
            pending.afresh = afresh
            return
        self._flush(afresh)

    def _flush(self, afresh: bool) -> None:
        """Write the file: the edited text, or afresh from the data. A write that fails
        leaves what is on disk as the truth, so nothing unsaved is kept as if it were."""
        from coprod_assess.errors import CoprodError

        try:
            if afresh or self._editor is None:
                save_answers(self.path, self.data)
                self._open()
            else:
                self._editor.save()
                self._seen = file_stamp(self.path)
        except CoprodError:
            if self.path.exists():
                self._reload()
            raise

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Changes made inside are written together when the block ends: one atomic,
        synced write for many answers (the room's phones answering at once). Nothing
        inside is on disk until the block ends; a block inside a block joins it."""
        if self._batch is not None:
            yield
            return
        self._sync()
        self._batch = _Pending()
        try:
            yield
        finally:
            pending, self._batch = self._batch, None
            if pending.changed:
                self._flush(pending.afresh)

    def set_assessment(self, path: tuple[str, ...], value: Any) -> None:
        """Set an entry of the assessment block, e.g. ("period",) or ("rubrics", "nef")."""
        self.set_entry(("assessment", *path), value)

    def set_entry(self, path: tuple[str, ...], value: Any) -> None:
        """Set an entry above the respondents, such as ("assessment", "period") or
        ("sense_check", "people", "c1"), making the mappings on the way as needed."""
        self._sync()
        block = self.data
        for key in path[:-1]:
            inner = block.get(key)
            if not isinstance(inner, dict):
                inner = block[key] = {}
            block = inner
        value = storable(value)
        if path[-1] in block and block[path[-1]] == value:
            return
        block[path[-1]] = value
        if self._seen is None:
            return  # a new file: written whole with its first person
        top = self.data[path[0]]
        self._write(lambda editor: editor.set_top(path, value, top))

    def answers_saved(self) -> int:
        """How many answers (including skips) the file holds."""
        return sum(
            entry is not None
            for person in self.respondents
            for given in person.get("answers", {}).values()
            for entry in given.values()
        )

    # Choosing who answers

    def find(self, wanted: str) -> dict[str, Any] | None:
        """The respondent with this id, or else this name (case and spaces ignored)."""
        for person in self.respondents:
            if str(person.get("id")) == wanted.strip():
                return person
        return self.named(wanted)

    def named(self, name: str) -> dict[str, Any] | None:
        """The respondent with this name (case and spaces ignored), if any."""
        wanted = " ".join(name.split()).casefold()
        for person in self.respondents:
            if " ".join(str(person.get("name") or "").split()).casefold() == wanted:
                return person
        return None

    def begin(self, organisation: str | None, period: str | None, today: date) -> None:
        """Record what is assessed: the organisation and period given, and the date
        (today) when the file has none. Call `wanted` first to know what to ask."""
        if organisation is not None:
            self.set_assessment(("organisation",), organisation)
        if period is not None:
            self.set_assessment(("period",), period)
        if not self.assessment.get("date"):
            self.set_assessment(("date",), today.isoformat())

    def wanted(self, organisation: str | None, period: str | None) -> list[str]:
        """Which of organisation and period neither the options nor the file give."""
        given = {"organisation": organisation, "period": period}
        return [
            key for key, value in given.items() if value is None and not self.assessment.get(key)
        ]

    def unfinished(self) -> list[dict[str, Any]]:
        """The respondents asked this session's form with questions still to answer, in
        the file's order."""
        return [
            p
            for p in self.respondents
            if p.get("form") == self.person_form and self.first_open(p) is not None
        ]

    def answered(self, person: dict[str, Any]) -> int:
        """How many of this session's questions the person has answered or skipped."""
        return sum(self.entry(index, person) is not None for index in range(len(self.steps)))

    def finished(self, person: dict[str, Any]) -> bool:
        """Whether the person has answered or skipped every question of this session."""
        return self.first_open(person) is None

    def add(
        self,
        role: str,
        name: str | None,
        group: tuple[int, int] | None = None,
        *,
        lang: str | None = None,
        form: str | None = None,
    ) -> dict[str, Any]:
        """A new respondent, saved at once; a group with (people, with lived experience);
        the language they answer in (`lang`), and `form` "short" when they are asked the
        core questions only while the file asks the full form (Easy Read).

        Their id follows the highest rN in the file and any this session gave out
        (`issued`), so an id freed by a hand edit is never given to someone else."""
        self._sync()
        taken = {str(person.get("id")) for person in self.respondents}
        numbered = [int(i[1:]) for i in taken if re.fullmatch(r"r[0-9]{1,9}", i)]
        number = max([len(self.respondents), self.issued, *numbered]) + 1
        while f"r{number}" in taken:
            number += 1
        self.issued = number
        person: dict[str, Any] = {"id": f"r{number}", "role": role}
        if name:
            person["name"] = storable(name)
        if group is not None:
            person["people"], person["lived_experience"] = group
        lang = lang or self.person_lang
        form = form or self.person_form
        if lang is not None:
            person["lang"] = lang
        if form is not None:
            person["form"] = form
        person["answers"] = {}
        self.respondents.append(person)
        self._write(lambda editor: editor.add_person(person))
        return person

    def remove(self, person_id: str) -> None:
        """Take one respondent out of the file (a sheet typed in by mistake), their lines cut
        from its text and the rest kept as it is. An id this session gave out last is
        given out again: it was never seen elsewhere."""
        self._sync()
        place = next(i for i, p in enumerate(self.respondents) if str(p.get("id")) == person_id)
        del self.respondents[place]
        if person_id == f"r{self.issued}":
            self.issued -= 1
        self._write(lambda editor: editor.remove_person(place, self.data))

    # One person's answers

    def person(self, person_id: str) -> dict[str, Any]:
        """The respondent with this id, as the file holds them now."""
        self._sync()
        for person in self.respondents:
            if str(person.get("id")) == person_id:
                return person
        from coprod_assess.errors import CoprodError

        raise CoprodError.single(
            str(self.path),
            "respondent-removed",
            _(
                "respondent {person} was removed by hand while answering; nothing more "
                "was saved for them"
            ).format(person=person_id),
        )

    def saved(self, index: int, person: dict[str, Any]) -> Saved | None:
        """What the person has saved for step `index`, or None."""
        return Saved.read(self.entry(index, person))

    def entry(self, index: int, person: dict[str, Any]) -> Any:
        """The saved answer to step `index`, as the file keeps it, or None."""
        step = self.steps[index]
        answers = person.get("answers")
        given = answers.get(step.rubric.id) if isinstance(answers, dict) else None
        return given.get(step.question.id) if isinstance(given, dict) else None

    def first_open(self, person: dict[str, Any]) -> int | None:
        """The first step with no answer yet, or None when all are answered."""
        for index in range(len(self.steps)):
            if self.entry(index, person) is None:
                return index
        return None

    def save(self, person_id: str, index: int, saved: Saved) -> None:
        """Save one answer (or skip) of one person: on disk before this returns."""
        entry = storable(saved.stored())
        person = self.person(person_id)
        step = self.steps[index]
        answers = person.get("answers")
        if not isinstance(answers, dict):
            answers = person["answers"] = {}
        given = answers.get(step.rubric.id)
        if not isinstance(given, dict):
            given = answers[step.rubric.id] = {}
        given[step.question.id] = entry
        position = next(i for i, p in enumerate(self.respondents) if p is person)
        path = ("answers", step.rubric.id, step.question.id)
        self._write(lambda editor: editor.set_answer(position, path, entry, person))


def unshared(value: Any) -> Any:
    """A copy in which nothing is shared: YAML aliases load as one object, and an answer
    given to one respondent must never appear under another."""
    if isinstance(value, dict):
        return {key: unshared(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [unshared(item) for item in value]
    return value


def rubrics_to_ask(catalog: Catalog, only: Sequence[str]) -> list[Rubric]:
    """The rubrics named with --only (in that order), or every rubric installed."""
    if only:
        return [catalog.rubric(rubric_id) for rubric_id in only]
    return [catalog.rubrics[rubric_id] for rubric_id in sorted(catalog.rubrics)]
