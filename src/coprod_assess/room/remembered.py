"""The room's options, remembered: running `coprod workshop FILE` again carries on with
the same port, questions, threshold and report, however the command is typed the
second time.

An option given again wins, except `--min-group`: the room never shows a figure the
threshold it was shown under would have held back, so a lower one is not taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coprod_assess.i18n import _
from coprod_assess.privacy import DEFAULT_MIN_GROUP

DEFAULT_PORT = 8765
DEFAULT_MAX_PEOPLE = 300
DEFAULTS: dict[str, Any] = {
    "only": [],
    "rubric": [],
    "port": DEFAULT_PORT,
    "local": False,
    "names": False,
    "max_people": DEFAULT_MAX_PEOPLE,
    "min_group": DEFAULT_MIN_GROUP,
    "report": None,
}
_FLAGS = {key: "--" + key.replace("_", "-") for key in DEFAULTS}


def _valid(key: str, value: Any) -> bool:
    """Whether a remembered value can be used (the room file may have been edited)."""
    if key in ("only", "rubric"):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if key in ("local", "names"):
        return isinstance(value, bool)
    if key == "report":
        return value is None or isinstance(value, str)
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    bounds = {"port": (1, 65535), "max_people": (1, 5000), "min_group": (1, 10**6)}
    low, high = bounds[key]
    return low <= value <= high


def _given(value: Any) -> bool:
    return value is not None and value is not False and value != []


def in_force(given: Mapping[str, Any], stored: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    """The options to run with, and a line saying which were carried over ("" if none)."""
    options: dict[str, Any] = {}
    carried: list[str] = []
    for key, default in DEFAULTS.items():
        mine = given.get(key)
        kept = stored.get(key, default)
        kept = kept if _valid(key, kept) else default
        if key == "min_group":
            options[key] = max(mine or default, kept)
            if options[key] != (mine or default):
                carried.append(f"--min-group {kept}")
            continue
        options[key] = mine if _given(mine) else kept
        if not _given(mine) and kept != default:
            carried.append(_said(key, kept))
    said = " ".join(carried)
    line = (
        _("Carrying on with this room's settings: {options}.").format(options=said)
        if carried
        else ""
    )
    return options, line


def _said(key: str, value: Any) -> str:
    flag = _FLAGS[key]
    if value is True:
        return flag
    if isinstance(value, list):
        return " ".join(f"{flag} {item}" for item in value)
    return f"{flag} {value}"
