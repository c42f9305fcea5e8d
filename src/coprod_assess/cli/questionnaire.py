"""The question-by-question dialogue of `coprod assess`.

Two screens: plain (linear numbered text, no escape codes: for screen readers,
projectors and logs) and styled (calm colour and rules). Nothing typed can
crash it: anything unexpected gets a short hint and the question again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console

    from coprod_assess.answers.session import Session, Step

HINT = "Type a number from 1 to {n}, or: ? help, s skip, b back, n note, q save and quit."
SKIPS = {"d": "dont-know", "n": "not-applicable", "1": "dont-know", "2": "not-applicable"}
SKIP_NAMES = {"dont-know": "don't know", "not-applicable": "not applicable"}

Kind = Literal["answer", "keep", "help", "skip", "back", "note", "quit", "invalid"]


@dataclass(frozen=True)
class Choice:
    """What the person typed at a question, understood."""

    kind: Kind
    option: int = 0


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
}


def parse_choice(text: str, options: int) -> Choice:
    """An option number (1-based), a command letter or word, Enter, or something invalid."""
    typed = text.strip().lower()
    if not typed:
        return Choice("keep")
    if typed in _WORDS:
        return Choice(_WORDS[typed])
    if typed.isdigit() and 1 <= int(typed) <= options:
        return Choice("answer", int(typed))
    return Choice("invalid")


class Quit(Exception):
    """The person asked to stop, or the input ended."""


class Screen:
    """Where the dialogue writes and reads."""

    def __init__(self, plain: bool) -> None:
        self.plain = plain
        self.console: Console | None = None
        if not plain:
            from rich.console import Console

            self.console = Console(highlight=False)

    def say(self, text: str = "", style: str = "") -> None:
        """Write a line (styled only on the styled screen)."""
        if self.console is None:
            print(text, flush=True)
        else:
            from rich.markup import escape

            self.console.print(f"[{style}]{escape(text)}[/{style}]" if style else escape(text))

    def rule(self, text: str) -> None:
        """A heading line: a rule on the styled screen, a plain line otherwise."""
        if self.console is None:
            print(f"\n{text}", flush=True)
        else:
            from rich.markup import escape

            self.console.print()
            self.console.rule(f"[bold]{escape(text)}[/bold]", align="left", style="blue")

    def between_people(self) -> None:
        """Clear what the last person answered before the laptop passes on.

        The styled screen is wiped, scrollback too; plain output (a screen reader,
        a log) cannot be wiped, so it gets a clear break instead.
        """
        if self.console is None:
            print("\n" + "=" * 60 + "\nNext person. The answers above are saved.\n" + "=" * 60)
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


def _position(step: Step, index: int, total: int, plain: bool) -> str:
    joiner = ", " if plain else " · "
    return joiner.join(
        [step.rubric.title, step.dimension.title, f"question {index + 1} of {total}"]
    )


def _current(entry: object) -> str:
    if isinstance(entry, dict):
        if "skip" in entry:
            return SKIP_NAMES.get(str(entry["skip"]), str(entry["skip"]))
        entry = entry.get("value")
    return "" if entry is None else f"{entry:g}" if isinstance(entry, float) else str(entry)


def show_question(screen: Screen, session: Session, index: int, group: bool) -> None:
    """The position, the question, its numbered options, and what is already saved."""
    step = session.steps[index]
    screen.rule(_position(step, index, len(session.steps), screen.plain))
    screen.say(step.question.text, "bold")
    for number, option in enumerate(step.options, start=1):
        text = f"{number}. {option.label}"
        if option.description:
            text += f": {option.description}"
        screen.say(text)
    saved = session.entry(index)
    if saved is not None:
        label = _current(saved)
        for option in step.options:
            if (isinstance(saved, int | float) and option.value == saved) or (
                isinstance(saved, dict) and saved.get("value") == option.value
            ):
                label = option.label
        screen.say(f"Saved answer: {label}. Press Enter to keep it.", "green")
    note = session.note_of(index)
    if note:
        screen.say(f"Note: {note}", "dim")
    if group:
        screen.say("Answering as a group: use n to note any disagreement.", "dim")
    screen.say(HINT.format(n=len(step.options)), "dim")


def ask_questions(screen: Screen, session: Session, start: int, group: bool) -> None:
    """Walk the questions from `start` to the end; Quit propagates when asked to stop."""
    index = start
    pending_note = ""
    shown = -1
    while index < len(session.steps):
        if shown != index:
            show_question(screen, session, index, group)
            shown = index
        step = session.steps[index]
        choice = parse_choice(screen.ask("Your answer: "), len(step.options))
        if choice.kind == "answer":
            session.answer(index, step.options[choice.option - 1].value, pending_note)
            pending_note = ""
            index += 1
        elif choice.kind == "keep":
            if session.entry(index) is None:
                screen.say(HINT.format(n=len(step.options)))
            else:
                index += 1
        elif choice.kind == "help":
            screen.say(step.question.help or "There is no extra help for this question.")
        elif choice.kind == "skip":
            reason = _ask_skip(screen)
            if reason:
                session.skip(index, reason, pending_note)
                pending_note = ""
                index += 1
        elif choice.kind == "back":
            if index == 0:
                screen.say("This is the first question.")
            else:
                index -= 1
                pending_note = ""
        elif choice.kind == "note":
            note = screen.ask("Note or evidence (one line): ").strip()
            if note and session.add_note(index, note):
                screen.say("Note saved with the answer.")
            elif note:
                pending_note = note
                screen.say("Note kept: it is saved with the answer you give next.")
        elif choice.kind == "quit":
            raise Quit
        else:
            screen.say(HINT.format(n=len(step.options)))


def _ask_skip(screen: Screen) -> str | None:
    while True:
        typed = screen.ask("Skip as d) don't know or n) not applicable? (Enter to go back) ")
        typed = typed.strip().lower()
        if not typed:
            return None
        if typed in SKIPS:
            return SKIPS[typed]
        screen.say("Type d for don't know, n for not applicable, or press Enter.")


def ask_role(screen: Screen, roles: list[tuple[str, str]]) -> str:
    """A role chosen by number or id from (id, label) pairs."""
    screen.say("Which role best describes this person (or group)?")
    for number, (role_id, label) in enumerate(roles, start=1):
        screen.say(f"{number}. {label} ({role_id})")
    while True:
        typed = screen.ask("Role number: ").strip().lower()
        if typed.isdigit() and 1 <= int(typed) <= len(roles):
            return roles[int(typed) - 1][0]
        for role_id, _ in roles:
            if typed == role_id:
                return role_id
        screen.say(f"Type a number from 1 to {len(roles)}.")
