"""`coprod assess --entry`: paper sheets typed in, one line a sheet.

Each line is checked whole (see `answers.entry_line`): a line with problems is
shown every problem and saved not at all, and is kept so single answers can be
corrected (`12=3`). A good line is saved at once, in one atomic write, as a new
respondent with no name; what was saved is echoed in groups of ten to compare
with the sheet. `u` takes back the last sheet of this session, `?` shows the key,
`q` finishes. Nothing is asked between sheets, so piped input works as typing does.
A line with problems that neither a correction nor the same sheet typed again saved (the
next line another sheet, or the input ending) is listed at the end, by its place in the
input, and the run fails.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from coprod_assess.i18n import _, ngettext

if TYPE_CHECKING:
    from coprod_assess.answers.entry_line import EnteredSheet, LineProblem, SheetOrder, TypedLine
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.questionnaire import Screen
    from coprod_assess.rubric.catalog import Catalog

# The commands, in English and Welsh words (the letters are the same in every language).
HELP = ("?", "help", "cymorth")
UNDO = ("u", "undo", "dadwneud")
QUIT = ("q", "quit", "gadael")


class SheetEntry:
    """The typist's session: the sheets entered so far, and a line kept to be corrected."""

    def __init__(self, session: Session, screen: Screen, catalog: Catalog) -> None:
        from coprod_assess.answers.entry_line import SheetOrder

        self.session = session
        self.screen = screen
        self.catalog = catalog
        self.order: SheetOrder = SheetOrder(session.steps, list(catalog.roles.values()))
        self.entered: list[str] = []  # the ids of the sheets entered this session, in order
        self.kept: TypedLine | None = None  # the last line with problems, to be corrected
        self.read = 0  # the lines of input read so far
        # Each sheet line not saved (its place in the input, the text typed), in order;
        # `kept_entry` is the kept line's, taken out when a correction saves it.
        self.unsaved: list[tuple[int, str]] = []
        self.kept_entry: tuple[int, str] | None = None
        self.kept_problems = 0  # how many problems the kept line had

    def saved_words(self) -> str:
        """How many sheets this session entered, and where."""
        count = len(self.entered)
        return ngettext(
            "Entered {count} sheet into {file}.", "Entered {count} sheets into {file}.", count
        ).format(count=count, file=self.session.path)

    def run(self, organisation: str | None, period: str | None) -> bool:
        """Take sheets until `q` (True) or the end of input (Quit: stopped early)."""
        from coprod_assess.cli.assess import settle_assessment
        from coprod_assess.cli.questionnaire import Quit, clean_typed

        settle_assessment(self.session, self._ask, organisation, period)
        self.show_key()
        try:
            while True:
                typed, _changed = clean_typed(self._ask(self._prompt()))
                command = typed.lower()
                if command in QUIT:
                    return True
                if command in HELP:
                    self.show_key()
                elif command in UNDO:
                    self.undo()
                elif command:
                    self.take(typed)
        except (Quit, KeyboardInterrupt):
            # The prompt's line is still open: what follows starts on a line of its own.
            with contextlib.suppress(OSError):
                self.screen.say()
            raise

    def _ask(self, prompt: str) -> str:
        """One line of input, counted (the end of input is Quit, as `Screen.ask` says)."""
        typed = self.screen.ask(prompt)
        self.read += 1
        return typed

    def tell_unsaved(self) -> bool:
        """List each sheet line never saved, by its place in the input and as typed; say
        whether there was any (the run then fails)."""
        from coprod_assess.control_chars import plain_text

        if not self.unsaved:
            return False
        with contextlib.suppress(OSError):  # a terminal closed (SIGHUP) cannot be told
            count = len(self.unsaved)
            self.screen.say(
                ngettext(
                    "{count} line typed was not saved (it had problems):",
                    "{count} lines typed were not saved (they had problems):",
                    count,
                ).format(count=count),
                "bold red",
            )
            for number, text in self.unsaved:
                shown = _("line {number} of the input: {text}").format(
                    number=number, text=plain_text(text)
                )
                self.screen.say("  " + shown, "red")
        return True

    def _prompt(self) -> str:
        return _("Sheet {number}: ").format(number=len(self.entered) + 1)

    def show_key(self) -> None:
        """The order of the answers, the role numbers, the codes and the commands."""
        order, say = self.order, self.screen.say
        self.screen.rule(
            _("One line a sheet: the role, then the {total} answers in sheet order").format(
                total=order.total
            )
        )
        roles = ", ".join(f"{n} {role.label}" for n, role in enumerate(order.roles, start=1))
        say(_("Roles: {roles}").format(roles=roles))
        for block in order.blocks():
            say(
                _("Answers {first} to {last}: {rubric} ({values})").format(
                    first=block.first, last=block.last, rubric=block.title, values=block.values
                )
            )
        say(
            _(
                "Each answer is the number beside the ticked box; d don't know, n does not "
                "apply, s or - left blank."
            )
        )
        if order.runs:
            say(
                _(
                    "Put spaces or commas between answers, or type them in runs without spaces "
                    "(34201 22310): every answer here is one character."
                )
            )
        else:
            say(
                _(
                    "Put a space or a comma between answers: some answers here have more than "
                    "one character, so answers cannot run together."
                )
            )
        say(_("For example: {example}").format(example=self._example()))
        say(
            _(
                "Correct a line with problems as 12=3 (several: 12=3 15=d; r=2 for the role). "
                "u takes back the last sheet, ? shows this key again, q finishes."
            ),
            "dim",
        )

    def _example(self) -> str:
        """A made-up line for this sheet: role 1, then answers from its first questions, a
        don't know and a blank; in runs too where the sheet allows them."""
        codes = [
            f"{step.options[min(k, len(step.options) - 1)].value:g}"
            for k, step in enumerate(self.order.steps[:3])
            if step.options
        ]
        codes = [*codes, "d", "s"][: self.order.total]
        more = " ..." if self.order.total > len(codes) else ""
        spaced = "1 " + " ".join(codes) + more
        if not self.order.runs:
            return spaced
        return _("{spaced}, or {run}").format(spaced=spaced, run="1 " + "".join(codes) + more)

    def take(self, typed: str) -> None:
        """A whole line, or corrections to the line kept: saved when it has no problem."""
        from coprod_assess.answers.entry_line import EnteredSheet

        fixes = self.order.corrections(typed)
        if fixes is None:
            line = self.order.read(typed)
        elif self.kept is None:
            self.screen.say(
                _("There is no line with problems to correct: type the whole sheet."), "red"
            )
            return
        elif fixes.problems:
            self._problems(list(fixes.problems), None)
            return
        else:
            changed = self.order.corrected(self.kept, fixes.fixes)
            if isinstance(changed, list):
                self._problems(changed, None)
                return
            line = changed
        checked = self.order.check(line)
        if fixes is None:  # a whole line: the kept one typed again, or another sheet
            if self.kept_entry is not None and self._typed_again(line):
                self.unsaved.remove(self.kept_entry)
            self.kept_entry = None
            if not isinstance(checked, EnteredSheet):  # left out unless corrected or typed again
                self.kept_entry = (self.read, typed)
                self.unsaved.append(self.kept_entry)
        if isinstance(checked, EnteredSheet):
            if self.kept_entry is not None:  # corrected: not left out
                self.unsaved.remove(self.kept_entry)
            self.kept, self.kept_entry = None, None
            self.save(checked)
        else:
            self.kept, self.kept_problems = line, len(checked)
            self._problems(checked, line)

    def _typed_again(self, line: TypedLine) -> bool:
        """Whether a whole line is the kept line's sheet typed again: at a terminal only,
        the same role (or the kept one's was wrong), and no more answers typed, left out
        or changed than it had problems and answers missing or extra. Another sheet is
        taken as a new one."""
        kept = self.kept
        # Lines read from a file or a pipe are each a sheet: a bad one is never taken
        # as typed again by the next (another person's), so none is left out unsaid.
        if not _at_a_terminal():
            return False
        if kept is None or len(kept.answers) > 4 * self.order.total:
            return False
        was = self.order.role_of(kept.role)
        if was is not None and was != self.order.role_of(line.role):
            return False
        budget = self.kept_problems + abs(len(kept.answers) - self.order.total)
        changed = (was is None) + _changes(
            [a.lower() for a in kept.answers], [a.lower() for a in line.answers]
        )
        return changed <= budget

    def _problems(self, problems: list[LineProblem], line: TypedLine | None) -> None:
        from coprod_assess.answers.entry_line import ROLE

        self.screen.say(
            ngettext(
                "Not saved: {count} problem.", "Not saved: {count} problems.", len(problems)
            ).format(count=len(problems)),
            "bold red",
        )
        for problem in problems:
            self.screen.say("  " + problem.message, "red")
        if line is not None and any(p.number != ROLE for p in problems):
            self._echo(list(line.answers))
        self.screen.say(
            _(
                "Type the sheet again, or correct answers as 12=3 (several: 12=3 15=d; r=2 "
                "the role)."
            )
        )

    def _echo(self, codes: list[str]) -> None:
        from coprod_assess.answers.entry_line import in_tens

        groups = in_tens(codes)
        labels = [_("{first} to {last}").format(first=g[0], last=g[1]) for g in groups]
        width = max((len(label) for label in labels), default=0)
        for label, (_first, _last, shown) in zip(labels, groups, strict=True):
            self.screen.say(f"  {label + ':':<{width + 1}} {shown}", "dim")

    def save(self, sheet: EnteredSheet) -> None:
        """Save the sheet as a new respondent, after a yes where it repeats a sheet in the
        file (a likely double entry), and say what was saved."""
        from coprod_assess.cli.questionnaire import YES

        same = self._same_as(sheet)
        if same is not None:
            asked = _(
                "This sheet is the same as {id} ({role}), entered before. Save it again all the "
                "same? (y/n) "
            ).format(id=same["id"], role=self._role_label(str(same.get("role"))))
            if self._ask(asked).strip().lower() not in YES:
                self.screen.say(_("Not saved."))
                return
        with _whole(), self.session.batch():
            person = self.session.add(sheet.role, None)
            person_id = str(person["id"])
            for index, saved in enumerate(sheet.answers):
                if saved is not None:
                    self.session.save(person_id, index, saved)
            self.entered.append(person_id)
        counts = sheet.counts()
        self.screen.say(
            _(
                "Sheet {number} saved as {id} ({role}): {answered} answered, {dont_know} don't "
                "know, {not_applicable} does not apply, {blank} left blank."
            ).format(
                number=len(self.entered),
                id=person_id,
                role=self._role_label(sheet.role),
                answered=counts.answered,
                dont_know=counts.dont_know,
                not_applicable=counts.not_applicable,
                blank=counts.blank,
            ),
            "green",
        )
        self._echo(sheet.codes())
        self._notices()

    def _same_as(self, sheet: EnteredSheet) -> dict[str, Any] | None:
        """The person in the file whose role and answers are this sheet's, if any."""
        from coprod_assess.answers.entry_line import EnteredSheet
        from coprod_assess.answers.saved import Saved

        for person in reversed(self.session.respondents):
            if person.get("role") != sheet.role:
                continue
            given = []
            for index in range(self.order.total):
                saved = self.session.saved(index, person)
                given.append(None if saved is None else Saved(saved.value, saved.skip))
            if EnteredSheet(sheet.role, tuple(given)) == sheet:
                found: dict[str, Any] = person
                return found
        return None

    def undo(self) -> None:
        """Take the last sheet of this session out of the file, after a yes."""
        from coprod_assess.cli.questionnaire import YES

        if not self.entered:
            self.screen.say(_("No sheet entered in this session to take back."))
            return
        person_id = self.entered[-1]
        person = self.session.person(person_id)
        asked = _("Take back sheet {number} ({id}, {role})? (y/n) ").format(
            number=len(self.entered), id=person_id, role=self._role_label(str(person.get("role")))
        )
        if self._ask(asked).strip().lower() not in YES:
            self.screen.say(_("Kept."))
            return
        with _whole():
            self.session.remove(person_id)
            self.entered.pop()
        self.screen.say(
            _("Sheet {number} ({id}) taken back: it is no longer in {file}.").format(
                number=len(self.entered) + 1, id=person_id, file=self.session.path
            )
        )
        self._notices()

    def _role_label(self, role_id: str) -> str:
        role = self.catalog.roles.get(role_id)
        return role.label if role is not None else role_id

    def _notices(self) -> None:
        while self.session.notices:
            self.screen.say(self.session.notices.pop(0))


def _at_a_terminal() -> bool:
    """Whether a person is typing the lines (not a file or a pipe giving them)."""
    import sys

    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _changes(before: list[str], after: list[str]) -> int:
    """How many answers typed, left out or changed turn `before` into `after`."""
    row = list(range(len(after) + 1))
    for i, old in enumerate(before, start=1):
        last, row[0] = row[0], i
        for j, new in enumerate(after, start=1):
            last, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, last + (old != new))
    return row[-1]


@contextlib.contextmanager
def _whole() -> Iterator[None]:
    """Ctrl-C, a closed terminal or a polite kill while a sheet is written waits until it
    is written whole (and is then acted on as usual): half a sheet is never saved."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
