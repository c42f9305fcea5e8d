"""User-facing problems: what went wrong, in which file, at which line and column.

Core code raises `CoprodError` for anything a user can cause; the CLI turns it
into calm messages and exit code 1. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file. `line` and `column` are 1-based; 0 means unknown."""

    file: str
    line: int
    column: int
    code: str
    message: str
    severity: str = "error"

    def location(self) -> str:
        """`file:line:column`, leaving out what is unknown."""
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        return f"{self.location()}: {self.severity}[{self.code}] {self.message}"


class CoprodError(Exception):
    """An error the user can fix: one or more problems with their input."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls, file: str, code: str, message: str, line: int = 0, column: int = 0
    ) -> CoprodError:
        """An error holding one problem."""
        return cls([Problem(file, line, column, code, message)])
