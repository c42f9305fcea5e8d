"""Turning a form export into answers data, reporting everything it could not place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from coprod_assess.errors import Problem
from coprod_assess.importing.columns import Target, normal
from coprod_assess.importing.dates import Times, form_date
from coprod_assess.importing.mapping import Mapping
from coprod_assess.importing.matching import Matcher, Misfit, number_in
from coprod_assess.importing.services import TIMESTAMPS
from coprod_assess.importing.tables import Row, Table, clipped
from coprod_assess.rubric.models import Option, Question, Rubric
from coprod_assess.rubric.roles import Role, role_key

# What one answer cell says: an option value, a skip, a near miss, or nothing known.
Reading = float | str | Misfit | None


@dataclass
class Imported:
    """The answers made, the problems met, the role values no role matched, and where
    the date came from (`Date 2026-11-22, from the form's timestamps`) if the form gave it."""

    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    unmatched_roles: list[str] = field(default_factory=list)
    dated: str = ""

    @property
    def respondents(self) -> int:
        """How many respondents were imported."""
        return len(self.data["respondents"])

    @property
    def answers(self) -> int:
        """How many answers (skips included) were imported."""
        people = self.data["respondents"]
        return sum(len(given) for person in people for given in person["answers"].values())


def pairs(options: Sequence[Option]) -> str:
    """The options as a person would write them: "0 = Not yet; 1 = Emerging"."""
    return "; ".join(f"{o.value:g} = {o.label}" for o in options)


@dataclass
class Importer:
    """One export turned into answers, with the settings that shape it."""

    table: Table
    rubrics: Sequence[Rubric]
    roles: Sequence[Role]
    mapping: Mapping = field(default_factory=Mapping)
    strict: bool = False
    default_role: str | None = None
    # The rubrics as worded in their other languages: a form built in Welsh is read too.
    worded: Sequence[Rubric] = ()
    problems: list[Problem] = field(default_factory=list)
    unmatched_roles: dict[str, str] = field(default_factory=dict)
    matcher: Matcher = field(init=False)

    def __post_init__(self) -> None:
        self.matcher = Matcher(self.rubrics, self.roles, self.mapping, self.worded)
        self.worded_options: dict[tuple[str, str], list[Option]] = {}
        for other in self.worded:
            for _, asked in other.questions():
                options = self.worded_options.setdefault((other.id, asked.id), [])
                options.extend(other.options_for(asked))
        self.matcher.columns.for_export(self.table.header)

    def problem(self, line: int, column: int, code: str, message: str) -> None:
        """Record a problem: an error under --strict, else a warning."""
        severity = "error" if self.strict else "warning"
        self.problems.append(Problem(self.table.name, line, column, code, message, severity))

    def error(self, line: int, column: int, code: str, message: str) -> None:
        """Record a problem that stops the import whatever the options."""
        self.problems.append(Problem(self.table.name, line, column, code, message))

    def columns(self, targets: list[Target]) -> None:
        """Report the columns that cannot be imported, and questions asked twice."""
        seen: dict[tuple[str, str], int] = {}
        line = self.table.header_line
        for index, (header, target) in enumerate(zip(self.table.header, targets, strict=True)):
            filled = any(row.cell(index) for row in self.table.rows)
            if target.kind == "ambiguous" and filled:
                # Answers that could belong to two questions: never guessed, never dropped.
                self.error(
                    line,
                    index + 1,
                    "ambiguous-column",
                    f"column '{clipped(header)}' could be more than one thing: "
                    f"{target.detail}; map it to one (e.g. rubric-id/question-id) with "
                    "--mapping, or to 'ignore'",
                )
            elif target.kind in ("unmatched", "ambiguous"):
                why = f": {target.detail}" if target.detail else ""
                self.problem(
                    line,
                    index + 1,
                    f"{target.kind}-column",
                    f"column '{clipped(header)}' matches no question, role, name or note{why}; "
                    "it is left out (map it with --mapping, or to 'ignore')",
                )
            elif target.kind == "question" and target.rubric and target.question:
                key = (target.rubric.id, target.question.id)
                if key in seen:
                    self.problem(
                        line,
                        index + 1,
                        "duplicate-column",
                        f"column '{clipped(header)}' asks {target.question.id} again (first "
                        f"in column {seen[key] + 1}); it is left out",
                    )
                    targets[index] = Target("ignore")
                else:
                    seen[key] = index

    def other_words(self, rubric: Rubric, question: Question) -> list[Option]:
        """The question's options as its rubric's other languages word them."""
        return self.worded_options.get((rubric.id, question.id), [])

    def read_column(
        self, index: int, question: Question, options: list[Option], other: Sequence[Option] = ()
    ) -> list[Reading]:
        """Each row's answer in one question's column.

        A column whose numbers are not option values, or whose "value - label" answers
        name two different options, is an error: a shifted scale must never slip in.
        """
        cells = [row.cell(index) for row in self.table.rows]
        read = [self.matcher.answer(said, options, other) if said else None for said in cells]
        header = self.table.header[index]
        if any(isinstance(r, Misfit) and r.kind == "number" for r in read):
            seen = sorted({n for said in cells if (n := number_in(said)) is not None})
            numbers = ", ".join(f"{n:g}" for n in seen)
            self.error(
                self.table.header_line,
                index + 1,
                "answer-numbers",
                f"column '{clipped(header)}' holds the numbers {numbers}, but "
                f"{question.id} takes only {', '.join(f'{o.value:g}' for o in options)} "
                f"({pairs(options)}): a number is the option's value, not its place in the "
                "list. Change the column to these values, or map each number under `answers:` "
                'in a --mapping file (e.g. "5": 4)',
            )
        disagree = [
            (row, said)
            for row, said, r in zip(self.table.rows, cells, read, strict=True)
            if isinstance(r, Misfit) and r.kind == "pair"
        ]
        if disagree:
            texts = ", ".join(dict.fromkeys(f"'{clipped(said)}'" for _, said in disagree))
            self.error(
                disagree[0][0].line,
                index + 1,
                "answer-disagrees",
                f"column '{clipped(header)}' has {texts}, whose number and words name different "
                f"options of {question.id}; its options are {pairs(options)}",
            )
        return read

    def role_of(self, row: Row, column: int | None) -> str:
        """The role a row names, or the default; a value no role matches is an error."""
        said = row.cell(column) if column is not None else ""
        if not said:
            return self.default_role or "other"
        found = self.matcher.role(said)
        if found is not None:
            return found
        self.unmatched_roles.setdefault(role_key(said), said)
        known = ", ".join(role.id for role in self.roles)
        self.error(
            row.line,
            (column or 0) + 1,
            "unmatched-role",
            f"'{said}' names no role (roles: {known}); map it to one with --mapping",
        )
        return "other"

    def run(self, assessment: dict[str, Any], *, form_date: bool = True) -> Imported:
        """The answers data for every row with at least one answer.

        Without a date in `assessment`, the form's times give it, unless `form_date`
        is False (when adding to a file that has its own).
        """
        targets = [self.matcher.column(header) for header in self.table.header]
        self.columns(targets)
        role_column = next((i for i, t in enumerate(targets) if t.kind == "role"), None)
        if role_column is None and self.default_role is None:
            self.problem(
                self.table.header_line,
                0,
                "no-role-column",
                "no column says each person's role (a header like 'Role' or 'Your role'): "
                "everyone is imported as 'other'; use --role or a mapping",
            )
        dated = ""
        if form_date and not assessment.get("date"):
            day, dated = self.form_date(targets)
            assessment = {**assessment, "date": day}
        people = self.people(targets, role_column)
        used = {rubric_id for person in people for rubric_id in person["answers"]}
        declared = {r.id: r.version for r in self.rubrics if r.id in used}
        data = {"assessment": {**assessment, "rubrics": declared}, "respondents": people}
        return Imported(data, sorted(self.problems), list(self.unmatched_roles.values()), dated)

    def people(self, targets: list[Target], role_column: int | None) -> list[dict[str, Any]]:
        """Each row with at least one answer as a respondent: role, name, answers, notes."""
        questions = [
            (index, target.rubric, target.question)
            for index, target in enumerate(targets)
            if target.kind == "question" and target.rubric and target.question
        ]
        readings = [
            self.read_column(
                index, question, rubric.options_for(question), self.other_words(rubric, question)
            )
            for index, rubric, question in questions
        ]
        names = [i for i, t in enumerate(targets) if t.kind == "name"]
        submissions = [i for i, t in enumerate(targets) if t.kind == "submission"]
        seen: dict[str, int] = {}
        notes = [i for i, t in enumerate(targets) if t.kind in ("note", "question-note")]
        people: list[dict[str, Any]] = []
        for number, row in enumerate(self.table.rows):
            # ODK writes `uuid:...` where Kobo's `_uuid` has the same id without it.
            submission = next(
                (row.cell(i).removeprefix("uuid:") for i in submissions if row.cell(i)), ""
            )
            if submission in seen:
                self.problem(
                    row.line,
                    submissions[0] + 1,
                    "same-submission",
                    f"this submission ({clipped(submission)}) is in the export already, at "
                    f"line {seen[submission]}; it is left out",
                )
                continue
            if submission:
                seen[submission] = row.line
            role = self.role_of(row, role_column)
            answers: dict[str, dict[str, Any]] = {}
            for (index, rubric, question), read in zip(questions, readings, strict=True):
                value = read[number]
                if value is None and row.cell(index):
                    self.unmatched_answer(row, index, rubric, question)
                if value is None or isinstance(value, Misfit):
                    continue
                entry = {"skip": value} if isinstance(value, str) else value
                answers.setdefault(rubric.id, {})[question.id] = entry
            if not answers:
                # A row whose answers are all in refused columns is no empty row.
                if not any(isinstance(read[number], Misfit) for read in readings):
                    noted = any(row.cell(i) for i in notes)
                    self.problem(
                        row.line,
                        0,
                        "no-answers",
                        "this row has no answers; it is left out"
                        + (", and its notes with it" if noted else ""),
                    )
                continue
            person: dict[str, Any] = {"id": f"r{len(people) + 1}", "role": role}
            name = self.name_of(row, names)
            if name:
                person["name"] = name
            if submission:
                person["submission"] = submission[:200]
            person["answers"] = answers
            note = self.notes_of(row, [(i, targets[i]) for i in notes], answers)
            if note:
                person["note"] = note
            people.append(person)
        return people

    def name_of(self, row: Row, columns: list[int]) -> str:
        """The first name a row gives; a different one in a later column is reported."""
        # "anonymous" is what a form service writes for nobody's name, never a name.
        given = [
            (index, row.cell(index))
            for index in columns
            if row.cell(index) and normal(row.cell(index)) != "anonymous"
        ]
        if not given:
            return ""
        first_column, first = given[0]
        for index, said in given[1:]:
            if normal(said) != normal(first):
                # The names themselves are not repeated: messages are no place for them.
                self.problem(
                    row.line,
                    index + 1,
                    "second-name",
                    f"column '{clipped(self.table.header[index])}' gives this person another "
                    f"name than column {first_column + 1} does; the first is kept",
                )
        return first

    def notes_of(
        self, row: Row, columns: list[tuple[int, Target]], answers: dict[str, dict[str, Any]]
    ) -> str:
        """The row's general note; its notes on questions are put on its answers.

        A note on a question the person did not answer cannot go on an answer (an answer
        needs a value or a skip), so it joins the general note as `[question-id] note`.
        """
        general: list[str] = []
        unanswered: list[str] = []
        for index, target in columns:
            said = row.cell(index)
            if not said:
                continue
            if target.kind == "note" or not target.rubric or not target.question:
                general.append(said)
                continue
            rubric, question = target.rubric, target.question
            given = answers.get(rubric.id, {}).get(question.id)
            if given is not None:
                entry = given if isinstance(given, dict) else {"value": given}
                entry["note"] = f"{entry['note']}\n{said}" if entry.get("note") else said
                answers[rubric.id][question.id] = entry
                continue
            shared = len(self.matcher.columns.by_key.get(question.id, [])) > 1
            label = f"{rubric.id}/{question.id}" if shared else question.id
            unanswered.append(f"[{label}] {said}")
            self.problem(
                row.line,
                index + 1,
                "note-without-answer",
                f"this person gave no answer to {label}, so their note on it is kept in their "
                f"general note, as '[{label}] ...'",
            )
        return "\n".join(general + unanswered)

    def form_date(self, targets: list[Target]) -> tuple[str, str]:
        """The date the form's times give, and the words saying so; or "", ""."""
        order = list(TIMESTAMPS.values())
        mapped = [
            Times(i, header, self.table.header_line, f"column '{clipped(header)}'")
            for i, (header, t) in enumerate(zip(self.table.header, targets, strict=True))
            if t.kind == "date"
        ]
        own = sorted(
            (
                Times(i, header, self.table.header_line, t.detail)
                for i, (header, t) in enumerate(zip(self.table.header, targets, strict=True))
                if t.kind == "timestamp"
            ),
            key=lambda times: order.index(times.called),
        )
        for times in mapped + own:
            if any(row.cell(times.index) for row in self.table.rows):
                return form_date(times, self.table.rows, self.table.epoch, self.problem)
        return "", ""

    def unmatched_answer(self, row: Row, index: int, rubric: Rubric, question: Question) -> None:
        """A warning (an error under --strict) for an answer that names no option."""
        said = row.cell(index)
        foreign = any(c.isdigit() and not c.isascii() for c in said)
        self.problem(
            row.line,
            index + 1,
            "unmatched-answer",
            f"'{clipped(said)}' is not an option for {question.id} (options: "
            f"{pairs(rubric.options_for(question))}; or don't know, not applicable)"
            + ("; only the digits 0-9 are read as numbers" if foreign else ""),
        )
