"""The question-by-question dialogue of `coprod assess`.

Two screens: plain (linear numbered text, no escape codes: for screen readers,
projectors and logs) and styled (calm colour and rules). Nothing typed can
crash it: anything unexpected gets a short hint and the question again.

Every word the program shows is in the language in use (`coprod_assess.i18n`);
the rubric's words come localised from the catalog. The keys people type are
the same in every language (numbers, and ? s b n q), so the paper sheet, the
facilitator's instructions and a room that mixes languages agree; the Welsh
words for the commands (cymorth, sgipio, nôl, nodyn, gadael) work too, in any
language, as the English words do.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from coprod_assess.i18n import N_, _, current, is_easy_read

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.answers.saved import Saved
    from coprod_assess.answers.session import Step
    from coprod_assess.answers.turn import Turn

HINT = N_("Type the number of your answer ({numbers}), or: ? help, s skip, b back, n note, q quit.")
# The numbers a question takes, in the hint: "0 to 3", "1 or 2".
NUMBERS_RANGE = N_("{first} to {last}")
NUMBERS_EITHER = N_("{first} or {last}")
SKIPS = {"d": "dont-know", "n": "not-applicable"}
# Yes at "add the next person?": English and Welsh, in any language.
YES = ("y", "yes", "i", "ie", "ydw", "oes", "do")
# What a keyboard can send that is not text: control characters (tab aside) and
# what an undecodable byte becomes (a lone surrogate).
_UNTYPED = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")

Kind = Literal["answer", "keep", "help", "skip", "back", "note", "quit", "invalid"]


@dataclass(frozen=True)
class Choice:
    """What the person typed at a question, understood: `value` is the option's own value."""

    kind: Kind
    value: float = 0


_WORDS: dict[str, Kind] = {
    "?": "help",
    "h": "help",
    "help": "help",
    "s": "skip",
    "skip": "skip",
    "b": "back",
    "back": "back",
    "n": "note",
    "note": "note",
    "q": "quit",
    "quit": "quit",
    # The same commands in Welsh words (the letters above are the same in every language).
    "cymorth": "help",
    "sgipio": "skip",
    "nôl": "back",
    "yn ôl": "back",
    "nodyn": "note",
    "gadael": "quit",
}


_NUMBER = re.compile(r"-?[0-9]{1,6}(?:\.[0-9]{1,6})?")


def number_words(value: float) -> str:
    """An option's number as a person types it: 0, 4, 2.5."""
    return f"{value:g}"


def parse_choice(text: str, values: Sequence[float]) -> Choice:
    """An option's number (its value, as the file keeps it), a command, Enter, or invalid.

    One number per answer: the number typed here is the number on the paper
    sheet and in the answers file. Only ASCII digits count.
    """
    typed = text.strip().lower()
    if not typed:
        return Choice("keep")
    if typed in _WORDS:
        return Choice(_WORDS[typed])
    if _NUMBER.fullmatch(typed):
        for value in values:
            if float(typed) == value:
                return Choice("answer", value)
    return Choice("invalid")


def clean_typed(text: str) -> tuple[str, bool]:
    """What was typed, as text a file can keep: bytes that are not UTF-8 become U+FFFD and
    control characters are dropped. Also says whether anything had to change."""
    fixed = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    fixed = _UNTYPED.sub("", fixed).strip()
    return fixed, fixed != text.strip()


class Quit(Exception):
    """The person asked to stop, or the input ended."""


class Screen:
    """Where the dialogue writes and reads."""

    def __init__(self, plain: bool) -> None:
        self.plain = plain
        # Bytes that are not text in the terminal's encoding must not end the session:
        # they arrive as surrogates, which `clean_typed` turns into U+FFFD.
        if isinstance(sys.stdin, io.TextIOWrapper):
            sys.stdin.reconfigure(errors="surrogateescape")
        self.console: Console | None = None
        if not plain:
            from rich.console import Console

            self.console = Console(highlight=False, emoji=False)

    def say(self, text: str = "", style: str = "") -> None:
        """Write text from rubrics or people, made inert (styled only on the styled screen)."""
        from coprod_assess.cli.terminal_text import inert

        if self.console is None:
            print(inert(text, multiline=True, markup=False), flush=True)
        else:
            shown = inert(text, multiline=True)
            self.console.print(f"[{style}]{shown}[/{style}]" if style else shown)

    def rule(self, text: str) -> None:
        """A heading line: a rule on the styled screen, a plain line otherwise."""
        from coprod_assess.cli.terminal_text import inert

        if self.console is None:
            print(f"\n{inert(text, markup=False)}", flush=True)
        else:
            self.console.print()
            self.console.rule(f"[bold]{inert(text)}[/bold]", align="left", style="blue")

    def between_people(self) -> None:
        """Clear what the last person answered before the laptop passes on.

        The styled screen is wiped, scrollback too; plain output (a screen reader,
        a log) cannot be wiped, so it gets a clear break instead.
        """
        if self.console is None:
            line = "=" * 60
            said = _("Next person. The answers above are saved.")
            print(f"\n{line}\n{said}\n{line}")
            print(flush=True)
            return
        self.console.clear()
        if self.console.is_terminal:
            self.console.file.write("\x1b[3J")
            self.console.file.flush()

    def ask(self, prompt: str) -> str:
        """Read one line; the end of input counts as quitting."""
        try:
            return input(prompt)
        except EOFError:
            raise Quit from None

    def ask_text(self, prompt: str) -> str:
        """Read free text (a note, a name) that the answers file can always keep."""
        text, changed = clean_typed(self.ask(prompt))
        if changed:
            self.say(_("Some characters could not be read; they were left out or shown as \ufffd."))
        return text


def _position(step: Step, index: int, total: int, plain: bool) -> str:
    joiner = ", " if plain else " · "
    if is_easy_read(current()):  # Easy Read: one thing at a time
        return _("Question {number} of {total}").format(number=index + 1, total=total)
    where = _("question {number} of {total}").format(number=index + 1, total=total)
    return joiner.join([step.rubric.title, step.dimension.title, where])


def _current(step: Step, saved: Saved) -> str:
    """What is saved, in words: the option's label, or the skip."""
    from coprod_assess.answers.saved import skip_words

    if saved.skip is not None:
        return skip_words(saved.skip)
    for option in step.options:
        if option.value == saved.value:
            return option.label
    return "" if saved.value is None else number_words(saved.value)


def show_question(screen: Screen, turn: Turn, index: int, group: bool) -> None:
    """The position, the question, its numbered options, and what is already saved."""
    step = turn.step(index)
    screen.rule(_position(step, index, turn.total, screen.plain))
    if step.question.image_alt:
        # The terminal cannot show the picture: its words stand in for it.
        screen.say(_("Picture: {alt}").format(alt=step.question.image_alt), "dim")
    screen.say(step.question.text, "bold")
    for option in step.options:
        text = f"{number_words(option.value)}. {option.label}"
        if option.description:
            text += f": {option.description}"
        screen.say(text)
    saved = turn.saved(index)
    if saved is not None:
        screen.say(
            _("Saved answer: {answer}. Press Enter to keep it.").format(
                answer=_current(step, saved)
            ),
            "green",
        )
        if saved.note:
            screen.say(_("Note: {note}").format(note=saved.note), "dim")
    if group:
        screen.say(_("Answering as a group: use n to note any disagreement."), "dim")
    screen.say(_hint(step), "dim")


def _hint(step: Step) -> str:
    numbers = [number_words(option.value) for option in step.options]
    if len(numbers) == 1:
        listed = numbers[0]
    else:
        joined = NUMBERS_RANGE if len(numbers) > 2 else NUMBERS_EITHER
        listed = _(joined).format(first=numbers[0], last=numbers[-1])
    return _(HINT).format(numbers=listed)


def ask_questions(screen: Screen, turn: Turn, start: int, group: bool) -> None:
    """Walk the questions from `start` to the end; Quit propagates when asked to stop.

    A note typed before the answer is held until the answer is given (the file keeps
    notes with answers); the rules of Next, Back and skipping are the `Turn`'s.
    """
    index: int | None = start
    pending: str | None = None
    shown = -1
    while index is not None and index < turn.total:
        if shown != index:
            show_question(screen, turn, index, group)
            shown = index
        step = turn.step(index)
        choice = parse_choice(screen.ask(_("Your answer: ")), [o.value for o in step.options])
        if choice.kind == "answer":
            index, pending = turn.answer(index, choice.value, pending), None
        elif choice.kind == "keep":
            moved = turn.keep(index)
            if moved is None:
                screen.say(_hint(step))
            index = moved if moved is not None else index
        elif choice.kind == "help":
            screen.say(step.question.help or _("There is no extra help for this question."))
        elif choice.kind == "skip":
            reason = _ask_skip(screen)
            if reason:
                index, pending = turn.skip(index, reason, pending), None
        elif choice.kind == "back":
            moved = turn.back(index)
            if moved is None:
                screen.say(_("This is the first question."))
            else:
                index, pending = moved, None
        elif choice.kind == "note":
            note = screen.ask_text(_("Note or evidence (one line): "))
            if note and turn.note(index, note):
                screen.say(_("Note saved with the answer."))
            elif note:
                pending = note
                screen.say(_("Note kept: it is saved with the answer you give next."))
        elif choice.kind == "quit":
            raise Quit
        else:
            screen.say(_hint(step))


def _ask_skip(screen: Screen) -> str | None:
    while True:
        typed = screen.ask(_("Skip as d) don't know or n) not applicable? (Enter to go back) "))
        typed = typed.strip().lower()
        if not typed:
            return None
        if typed in SKIPS:
            return SKIPS[typed]
        screen.say(_("Type d for don't know, n for not applicable, or press Enter."))


def ask_role(screen: Screen, roles: list[tuple[str, str]]) -> str:
    """A role chosen by number or id from (id, label) pairs."""
    screen.say(_("Which role best describes this person (or group)?"))
    for number, (role_id, label) in enumerate(roles, start=1):
        screen.say(f"{number}. {label} ({role_id})")
    while True:
        typed = screen.ask(_("Role number: ")).strip().lower()
        if typed.isdigit() and 1 <= int(typed) <= len(roles):
            return roles[int(typed) - 1][0]
        for role_id, _label in roles:
            if typed == role_id:
                return role_id
        screen.say(_("Type a number from 1 to {last}.").format(last=len(roles)))


def ask_next_person(screen: Screen) -> bool:
    """Whether someone else is to answer after this person: y (or yes, or the Welsh i, ie,
    ydw, oes) in any language."""
    again = screen.ask(_("Pass the laptop: add the next person? (y/n) ")).strip().lower()
    return again in YES
