"""One typed line of `coprod assess --entry`: a paper sheet's role and answers, read and checked.

A line is the role (its number on the sheet, 1..R in the catalog's order, or its
id, label or another of its names), then every answer in sheet order: an
option's value as the sheet prints it, `d` don't know, `n` does not apply,
`s` or `-` left blank. Spaces and commas separate them (several count as one).
Where every answer of the sheet is a single digit, answers may also run together
without spaces (`34201 22310`): a word made only of digits and `d n s -` is then
split into one answer a character. Where any answer has more than one character
(a 10, a 2.5, a -1), nothing is split and every answer needs its space.

Corrections (`12=3 15=d`, `r=4` for the role) change single answers of a line
kept from before. Pure: no terminal and no file; the messages are in the
language in use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coprod_assess.answers.saved import Saved, SkipReason
from coprod_assess.i18n import _
from coprod_assess.rubric.roles import Role, role_key

if TYPE_CHECKING:
    from coprod_assess.answers.session import Step

_SEPARATORS = re.compile(r"[\s,]+")
_NUMBER = re.compile(r"-?[0-9]{1,6}(?:\.[0-9]{1,6})?")
_CORRECTION = re.compile(r"(r|[0-9]{1,6})=(\S+)")
# The codes typed for what is not an option's value: None is a blank (no answer saved).
CODES: dict[str, SkipReason | None] = {
    "d": "dont-know",
    "n": "not-applicable",
    "s": None,
    "-": None,
}
_RUN = frozenset("0123456789") | frozenset(CODES)
# A role written in words may take this many words (e.g. "I am paid staff").
_ROLE_WORDS = 8
ROLE = 0  # where a correction or a problem is about the role, not an answer


@dataclass(frozen=True)
class TypedLine:
    """A line as typed: the role's words and one text per answer (runs already split)."""

    role: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class LineProblem:
    """Why a line cannot be saved: about answer `number` (ROLE: the role; None: the line)."""

    number: int | None
    message: str


@dataclass(frozen=True)
class Corrections:
    """A line of corrections: (answer number, what to type there; ROLE for the role), and
    the parts that are not corrections."""

    fixes: tuple[tuple[int, str], ...]
    problems: tuple[LineProblem, ...]


@dataclass(frozen=True)
class SheetCounts:
    """How a sheet was answered."""

    answered: int
    dont_know: int
    not_applicable: int
    blank: int


@dataclass(frozen=True)
class EnteredSheet:
    """A line that passed every check: the role's id and one answer a question (None: blank)."""

    role: str
    answers: tuple[Saved | None, ...]

    def counts(self) -> SheetCounts:
        """How many were answered, not known, not applicable and left blank."""
        skips = [saved.skip for saved in self.answers if saved is not None]
        return SheetCounts(
            answered=sum(skip is None for skip in skips),
            dont_know=skips.count("dont-know"),
            not_applicable=skips.count("not-applicable"),
            blank=sum(saved is None for saved in self.answers),
        )

    def codes(self) -> list[str]:
        """Each answer as it would be typed: 3, d, n, s."""
        return [code_of(saved) for saved in self.answers]


def code_of(saved: Saved | None) -> str:
    """An answer as it is typed: its value, d, n, or s for a blank."""
    if saved is None:
        return "s"
    if saved.skip is not None:
        return "d" if saved.skip == "dont-know" else "n"
    return "" if saved.value is None else f"{saved.value:g}"


@dataclass(frozen=True)
class Block:
    """One rubric's stretch of the sheet, for the key: answers `first` to `last` (1-based)."""

    first: int
    last: int
    title: str
    values: str


class SheetOrder:
    """The questions in the paper sheet's order and the roles by their number on it: what
    every typed line is read and checked against."""

    def __init__(self, steps: Sequence[Step], roles: Sequence[Role]) -> None:
        self.steps = list(steps)
        self.roles = list(roles)
        self._names = {
            role_key(name): role.id
            for role in self.roles
            for name in role.names()
            if role_key(name)
        }
        # Runs are read only where no answer can take two characters: then each character
        # is one answer, and a run can be split one way only.
        self.runs = all(
            len(f"{option.value:g}") == 1 for step in self.steps for option in step.options
        )

    @property
    def total(self) -> int:
        """How many answers a line holds."""
        return len(self.steps)

    def role_of(self, typed: str) -> str | None:
        """The role's id for its number on the sheet, its id, label or another name."""
        text = typed.strip()
        if text.isascii() and text.isdigit():
            number = int(text)
            return self.roles[number - 1].id if 1 <= number <= len(self.roles) else None
        key = role_key(text)
        return self._names.get(key) if key else None

    def read(self, text: str) -> TypedLine:
        """The line split into its role and its answers. The role is the first word, or the
        longest run of first words that names a role (`staff member 3 4 ...`)."""
        words = [word for word in _SEPARATORS.split(text.strip()) if word]
        if not words:
            return TypedLine("", ())
        taken = 1
        for count in range(min(len(words), _ROLE_WORDS), 1, -1):
            if self.role_of(" ".join(words[:count])) is not None:
                taken = count
                break
        answers: list[str] = []
        for word in words[taken:]:
            answers.extend(self._split(word))
        return TypedLine(" ".join(words[:taken]), tuple(answers))

    def _split(self, word: str) -> list[str]:
        if self.runs and len(word) > 1 and set(word.lower()) <= _RUN:
            return list(word)
        return [word]

    def check(self, line: TypedLine) -> EnteredSheet | list[LineProblem]:
        """The sheet, or every problem the line has (the role, the count, each answer)."""
        problems: list[LineProblem] = []
        role = self.role_of(line.role)
        if role is None:
            problems.append(LineProblem(ROLE, self._role_problem(line.role)))
        answers: list[Saved | None] = []
        misfits: list[LineProblem] = []
        for index, typed in enumerate(line.answers[: self.total]):
            understood = self.answer(index, typed)
            if isinstance(understood, LineProblem):
                misfits.append(understood)
            else:
                answers.append(understood)
        count = len(line.answers)
        if count != self.total:
            first = misfits[0].number if misfits else None
            problems.append(LineProblem(None, self._count_problem(line, first)))
        problems.extend(misfits)
        if problems or role is None:
            return problems
        return EnteredSheet(role, tuple(answers))

    def answer(self, index: int, typed: str) -> Saved | LineProblem | None:
        """One answer understood: an option's own value, a skip, None for a blank."""
        text = typed.strip().lower()
        if text in CODES:
            reason = CODES[text]
            return None if reason is None else Saved(skip=reason)
        step = self.steps[index]
        if _NUMBER.fullmatch(text):
            for option in step.options:
                if float(text) == option.value:
                    return Saved(value=option.value)
        return LineProblem(
            index + 1,
            _("answer {number} ({question}): {typed} is not an option; {options}").format(
                number=index + 1,
                question=f"{step.rubric.id}/{step.question.id}",
                typed=typed,
                options=self.options_words(index),
            ),
        )

    def options_words(self, index: int) -> str:
        """What answer `index` takes, as the key and the problems say it: 0 to 4, d, n, s."""
        values = [option.value for option in self.steps[index].options]
        return ", ".join([*value_words(values), "d", "n", "s"])

    def _role_problem(self, typed: str) -> str:
        if not typed:
            return _("the line has no role: start it with the role's number")
        return _(
            "{typed} is not a role: start the line with the role's number, 1 to {last}, or its "
            "id (? lists them)"
        ).format(typed=typed, last=len(self.roles))

    def _count_problem(self, line: TypedLine, misfit: int | None) -> str:
        count = len(line.answers)
        if count < self.total:
            said = _("{count} answers typed, {total} expected: {missing} missing").format(
                count=count, total=self.total, missing=self.total - count
            )
        else:
            extra = line.answers[self.total :]
            said = _(
                "{count} answers typed, {total} expected: {extra} too many ({first} on: {typed})"
            ).format(
                count=count,
                total=self.total,
                extra=len(extra),
                first=self.total + 1,
                typed=" ".join(extra),
            )
        if misfit is not None:
            said += "; " + _(
                "answer {number} is the first that does not fit its question: look just "
                "before it for an answer left out or typed twice"
            ).format(number=misfit)
        return said

    def corrections(self, text: str) -> Corrections | None:
        """A line of corrections (`12=3 15=d`, `r=4` for the role); None when the line holds
        no `=` (it is a whole line, not corrections)."""
        if "=" not in text:
            return None
        fixes: list[tuple[int, str]] = []
        problems: list[LineProblem] = []
        for word in _SEPARATORS.split(text.strip()):
            found = _CORRECTION.fullmatch(word.lower())
            if found is not None:
                where, typed = found.groups()
                fixes.append((ROLE if where == "r" else int(where), typed))
            elif word:
                message = _("{typed} is not a correction: write one as 12=3").format(typed=word)
                problems.append(LineProblem(None, message))
        return Corrections(tuple(fixes), tuple(problems))

    def corrected(
        self, line: TypedLine, fixes: Sequence[tuple[int, str]]
    ) -> TypedLine | list[LineProblem]:
        """The line with the corrections made; a correction can change an answer typed, not
        add or take one away (a line with answers missing or extra is typed again)."""
        role = line.role
        answers = list(line.answers)
        problems: list[LineProblem] = []
        for number, typed in fixes:
            if number == ROLE:
                role = typed
            elif 1 <= number <= len(answers):
                answers[number - 1] = typed
            else:
                problems.append(
                    LineProblem(
                        number,
                        _(
                            "answer {number} was not typed (the line has {count}): an answer "
                            "left out or typed twice needs the line typed again"
                        ).format(number=number, count=len(answers)),
                    )
                )
        return problems or TypedLine(role, tuple(answers))

    def blocks(self) -> list[Block]:
        """Each rubric's stretch of the line, with the values its questions take."""
        found: list[Block] = []
        first = 1
        for number, step in enumerate(self.steps, start=1):
            following = self.steps[number] if number < len(self.steps) else None
            if following is not None and following.rubric.id == step.rubric.id:
                continue
            stretch = self.steps[first - 1 : number]
            values = sorted({o.value for s in stretch for o in s.options})
            found.append(Block(first, number, step.rubric.title, ", ".join(value_words(values))))
            first = number + 1
        return found


def value_words(values: Sequence[float]) -> list[str]:
    """Values as the key says them: three or more whole numbers in a row as a range
    (0 to 8), the rest one by one: 0, 1, 3 to 8."""
    words: list[str] = []
    ordered = sorted(set(values))
    start = 0
    while start < len(ordered):
        end = start
        while (
            end + 1 < len(ordered)
            and float(ordered[end]).is_integer()
            and ordered[end + 1] == ordered[end] + 1
        ):
            end += 1
        if end - start >= 2:
            words.append(
                _("{first} to {last}").format(first=f"{ordered[start]:g}", last=f"{ordered[end]:g}")
            )
        else:
            words.extend(f"{value:g}" for value in ordered[start : end + 1])
        start = end + 1
    return words


def in_tens(codes: Sequence[str]) -> list[tuple[int, int, str]]:
    """The answers in groups of ten, as (first number, last number, the codes spaced), so
    the typist can compare them with the sheet."""
    return [
        (start + 1, min(start + 10, len(codes)), " ".join(codes[start : start + 10]))
        for start in range(0, len(codes), 10)
    ]
