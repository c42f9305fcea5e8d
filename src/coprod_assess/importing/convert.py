"""Turning a form export into answers data, reporting everything it could not place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from coprod_assess.errors import Problem
from coprod_assess.importing.mapping import Mapping
from coprod_assess.importing.matching import Matcher, Target
from coprod_assess.importing.tables import Table
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import Role


@dataclass
class Imported:
    """The answers made, and the problems met (warnings, or errors with --strict)."""

    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def respondents(self) -> int:
        """How many respondents were imported."""
        return len(self.data["respondents"])


@dataclass
class Importer:
    """One export turned into answers, with the settings that shape it."""

    table: Table
    rubrics: Sequence[Rubric]
    roles: Sequence[Role]
    mapping: Mapping = field(default_factory=Mapping)
    strict: bool = False
    default_role: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, column: int, code: str, message: str) -> None:
        """Record a problem: an error under --strict, else a warning."""
        severity = "error" if self.strict else "warning"
        self.problems.append(Problem(self.table.name, line, column, code, message, severity))

    def columns(self, targets: list[Target]) -> None:
        """Report the columns that cannot be imported, and questions asked twice."""
        seen: dict[tuple[str, str], int] = {}
        line = self.table.header_line
        for index, (header, target) in enumerate(zip(self.table.header, targets, strict=True)):
            if target.kind in ("unmatched", "ambiguous"):
                why = f": {target.detail}" if target.detail else ""
                self.problem(
                    line,
                    index + 1,
                    f"{target.kind}-column",
                    f"column '{header}' matches no question, role or name{why}; it is left "
                    "out (map it with --mapping, or to 'ignore')",
                )
            elif target.kind == "question" and target.rubric and target.question:
                key = (target.rubric.id, target.question.id)
                if key in seen:
                    self.problem(
                        line,
                        index + 1,
                        "duplicate-column",
                        f"column '{header}' asks {target.question.id} again (first in column "
                        f"{seen[key] + 1}); it is left out",
                    )
                    targets[index] = Target("ignore")
                else:
                    seen[key] = index

    def run(self, assessment: dict[str, Any]) -> Imported:
        """The answers data for every row with at least one answer."""
        matcher = Matcher(self.rubrics, self.roles, self.mapping)
        targets = [matcher.column(header) for header in self.table.header]
        self.columns(targets)
        role_column = next((i for i, t in enumerate(targets) if t.kind == "role"), None)
        name_column = next((i for i, t in enumerate(targets) if t.kind == "name"), None)
        fallback = self.default_role or "other"
        if role_column is None and self.default_role is None:
            self.problem(
                self.table.header_line,
                0,
                "no-role-column",
                "no column says each person's role (a header like 'Role' or 'Your role'): "
                "everyone is imported as 'other'; use --role or a mapping",
            )
        known = ", ".join(role.id for role in self.roles)
        people: list[dict[str, Any]] = []
        used: set[str] = set()
        for row in self.table.rows:
            role = fallback
            if role_column is not None and row.cell(role_column):
                found = matcher.role(row.cell(role_column))
                if found is None:
                    self.problem(
                        row.line,
                        role_column + 1,
                        "unmatched-role",
                        f"'{row.cell(role_column)}' is not a role (roles: {known}); "
                        f"imported as '{fallback}'",
                    )
                else:
                    role = found
            answers: dict[str, dict[str, Any]] = {}
            for index, target in enumerate(targets):
                said = row.cell(index)
                if target.kind != "question" or not said or not target.rubric:
                    continue
                question = target.question
                assert question is not None
                options = target.rubric.options_for(question)
                value = matcher.answer(said, options)
                if value is None:
                    allowed = "; ".join(f"{o.value:g} {o.label}" for o in options)
                    self.problem(
                        row.line,
                        index + 1,
                        "unmatched-answer",
                        f"'{said}' is not an option for {question.id} (options: {allowed}; "
                        "or don't know, not applicable)",
                    )
                    continue
                entry = {"skip": value} if isinstance(value, str) else value
                answers.setdefault(target.rubric.id, {})[question.id] = entry
                used.add(target.rubric.id)
            if not answers:
                self.problem(row.line, 0, "no-answers", "this row has no answers; it is left out")
                continue
            person: dict[str, Any] = {"id": f"r{len(people) + 1}", "role": role}
            if name_column is not None and row.cell(name_column):
                person["name"] = row.cell(name_column)
            person["answers"] = answers
            people.append(person)
        declared = {r.id: r.version for r in self.rubrics if r.id in used}
        data = {"assessment": {**assessment, "rubrics": declared}, "respondents": people}
        return Imported(data, sorted(self.problems))
