"""The rich consoles the commands print with (rich honours NO_COLOR and TERM=dumb)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console() -> Console:
    """A console on standard output, without highlighting numbers and paths.

    No `:emoji:` codes either: user text such as ":fire:" prints as written.
    """
    from rich.console import Console

    return Console(highlight=False, emoji=False)
