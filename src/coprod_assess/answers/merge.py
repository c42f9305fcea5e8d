"""Combining answers files from several laptops or forms into one assessment.

Pure: answers in, answers data out. Files combine only when they are the same
assessment: organisation and period agree (a blank one agrees with anything),
each rubric was answered in one version, and all were asked the same form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from coprod_assess.answers.models import Answer, AnswerEntry, AnswersFile, Respondent
from coprod_assess.errors import CoprodError, Problem
from coprod_assess.loading.document import Loc, YamlDocument

_NEUTRAL_ID = re.compile(r"^r([0-9]+)$")


class MergeConflict(CoprodError):
    """Answers that are not from the same assessment, so they cannot be combined."""


@dataclass(frozen=True)
class Source:
    """Answers to combine, the name to call them by, and their file for positions."""

    name: str
    answers: AnswersFile
    doc: YamlDocument | None = None

    def problem(self, loc: Loc, message: str) -> Problem:
        """A conflict placed in this source's file, or naming it when it has none."""
        if self.doc is None:
            return Problem(self.name, 0, 0, "assessment-differs", message)
        return self.doc.problem(loc, "assessment-differs", message)


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


def agreed_assessment(sources: Sequence[Source]) -> dict[str, Any]:
    """The one assessment block the sources share, or MergeConflict naming what differs.

    Organisation and period compare ignoring case and spacing; the first spelling
    given is kept, as is the first date given. Rubric versions must be equal, and so
    must the form asked (full or short).
    """
    block: dict[str, Any] = {"organisation": "", "period": "", "date": "", "rubrics": {}}
    origin: dict[str, Source] = {}
    conflicts: list[Problem] = []
    for source in sources:
        given = source.answers.assessment
        for name, value in (("organisation", given.organisation), ("period", given.period)):
            if not value.strip():
                continue
            if not block[name]:
                block[name], origin[name] = value, source
            elif _same(value) != _same(block[name]):
                conflicts.append(
                    _conflict(
                        (source, f"'{value}'"),
                        (origin[name], f"'{block[name]}'"),
                        ("assessment", name),
                        name,
                    )
                )
        if given.date and not block["date"]:
            block["date"] = given.date
        for step in given.next_steps:
            if step not in block.setdefault("next_steps", []):
                block["next_steps"].append(step)
        if given.contact and not block.get("contact"):
            block["contact"] = given.contact
        for rubric_id, version in given.rubrics.items():
            first = block["rubrics"].setdefault(rubric_id, version)
            where = origin.setdefault(f"rubrics/{rubric_id}", source)
            if first != version:
                conflicts.append(
                    _conflict(
                        (source, version),
                        (where, first),
                        ("assessment", "rubrics", rubric_id),
                        f"the version of {rubric_id}",
                    )
                )
    conflicts += _form_conflicts(sources)
    if conflicts:
        raise MergeConflict(conflicts)
    if sources and sources[0].answers.assessment.form == "short":
        block["form"] = "short"
    return block


def _form_conflicts(sources: Sequence[Source]) -> list[Problem]:
    """Files asked the short form combine only with each other: coverage counts what was asked.

    The problem is placed in each full-form file, where `form: short` would combine them.
    """
    short = next((s for s in sources if s.answers.assessment.form == "short"), None)
    if short is None:
        return []
    return [
        source.problem(
            ("assessment", "form")
            if "form" in source.answers.assessment.model_fields_set
            else ("assessment",),
            f"the form differs: the full form in {source.name} but the short form in "
            f"{short.name}; coverage counts what each form asked, so they cannot be combined. "
            f"To combine them as the short form, write `form: short` in the assessment block "
            f"of {source.name}: its answers to other questions are kept, but not scored",
        )
        for source in sources
        if source.answers.assessment.form == "full"
    ]


def _conflict(
    later: tuple[Source, str], earlier: tuple[Source, str], loc: Loc, what: str
) -> Problem:
    """Placed in the later file, or in the earlier one when the later is no file."""
    message = (
        f"{what} differs: {later[1]} in {later[0].name} but {earlier[1]} in "
        f"{earlier[0].name}; only answers from one assessment can be combined"
    )
    placed = earlier[0] if later[0].doc is None and earlier[0].doc is not None else later[0]
    return placed.problem(loc, message)


def _no_sense_check(sources: Sequence[Source]) -> None:
    """Files whose findings the room checked are not combined: the findings came from
    their answers alone, and their people's links would point at renumbered respondents."""
    message = (
        "holds a sense-check of its findings, drawn from its answers alone: combine the "
        "answers files before the room checks the findings, or keep this file as it is"
    )
    checked = [source for source in sources if source.answers.sense_check is not None]
    if checked:
        raise MergeConflict(
            [
                source.doc.problem(("sense_check",), "checked-findings", message, at_key=True)
                if source.doc is not None
                else Problem(source.name, 0, 0, "checked-findings", message)
                for source in checked
            ]
        )


def _no_repeated_submissions(sources: Sequence[Source]) -> None:
    """A form submission (its ODK or KoboToolbox id) in two files is the same person
    imported twice: counted twice, a lone person's answers could stand as a group."""
    first: dict[str, Source] = {}
    repeated: list[Problem] = []
    for source in sources:
        for place, person in enumerate(source.answers.respondents):
            if not person.submission:
                continue
            if person.submission in first:
                message = (
                    f"{person.id} is submission {person.submission}, which "
                    f"{first[person.submission].name} holds too: the same form export "
                    "imported twice? Keep each submission in one file"
                )
                repeated.append(
                    source.doc.problem(
                        ("respondents", place, "submission"), "same-submission", message
                    )
                    if source.doc is not None
                    else Problem(source.name, 0, 0, "same-submission", message)
                )
            else:
                first[person.submission] = source
    if repeated:
        raise MergeConflict(repeated)


def held_submissions(answers: AnswersFile) -> set[str]:
    """The form submissions whose answers a file holds."""
    return {person.submission for person in answers.respondents if person.submission}


def merge_answers(sources: Sequence[Source]) -> dict[str, Any]:
    """One answers file from several: everyone renumbered r1..rN in the order given."""
    _no_sense_check(sources)
    _no_repeated_submissions(sources)
    assessment = agreed_assessment(sources)
    people = [person for source in sources for person in source.answers.respondents]
    return {
        "assessment": assessment,
        "respondents": [respondent_data(p, f"r{n}") for n, p in enumerate(people, 1)],
    }


def append_answers(existing: Source, new: Source) -> dict[str, Any]:
    """The existing answers with the new respondents after them, given the next free ids;
    the existing file's sense-check is kept as it is (its people keep their ids)."""
    _no_sense_check([new])
    assessment = agreed_assessment([existing, new])
    people = [respondent_data(person, person.id) for person in existing.answers.respondents]
    numbers = [int(m.group(1)) for p in people if (m := _NEUTRAL_ID.match(p["id"]))]
    last = max(numbers, default=0)
    for number, person in enumerate(new.answers.respondents, last + 1):
        people.append(respondent_data(person, f"r{number}"))
    check = existing.answers.sense_check
    if check is None:
        return {"assessment": assessment, "respondents": people}
    section = check.model_dump(mode="json", exclude_defaults=True)
    return {"assessment": assessment, "sense_check": section, "respondents": people}


def respondent_data(person: Respondent, respondent_id: str) -> dict[str, Any]:
    """A respondent as answers data, under a new id: everything they said kept (role, name,
    a group's size, language, form, answers, notes, and anything else they said).

    Two people who said different things are two people: nothing of one respondent is
    weighed against another's, so a note never conflicts.
    """
    data: dict[str, Any] = person.model_dump(mode="json", exclude_defaults=True)
    data["id"] = respondent_id
    data["answers"] = {
        rubric_id: {question_id: _entry(entry) for question_id, entry in given.items()}
        for rubric_id, given in person.answers.items()
    }
    if person.note:
        data["note"] = data.pop("note")  # after the answers, as a form asks it last
    return data


def _entry(entry: AnswerEntry) -> Any:
    if not isinstance(entry, Answer):
        return entry
    detail: dict[str, Any] = (
        {"value": entry.value} if entry.value is not None else {"skip": entry.skip}
    )
    if entry.note:
        detail["note"] = entry.note
    return detail
