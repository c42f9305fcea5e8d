"""Validating a loaded document against a pydantic model, with errors at `file:line:column`."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from coprod_assess.errors import CoprodError, Problem
from coprod_assess.loading.document import YamlDocument

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate(model: type[ModelT], doc: YamlDocument) -> ModelT:
    """The document's data as `model`, or a CoprodError naming every problem's position."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        raise CoprodError(problems_from(err, doc)) from None


def problems_from(err: ValidationError, doc: YamlDocument) -> list[Problem]:
    """One problem per distinct location and message in a pydantic ValidationError."""
    details = err.errors(include_url=False, include_context=True)
    missing: dict[tuple[Any, ...], list[str]] = {}
    cleaned = []
    for detail in details:
        loc = real_loc(doc.data, detail["loc"] + within(detail), detail["type"])
        cleaned.append((loc, detail))
        if detail["type"] == "missing":
            missing.setdefault(tuple(loc[:-1]), []).append(str(loc[-1]))
    problems: dict[tuple[Any, ...], Problem] = {}
    for loc, detail in cleaned:
        problem = _problem(doc, loc, detail, missing.get(tuple(loc[:-1]), []))
        problems.setdefault((tuple(loc), problem.message), problem)
    return list(problems.values())


def within(detail: ErrorDetails) -> tuple[int | str, ...]:
    """The part of a model a model-wide validator blamed, as `at` in its error's context."""
    at = detail.get("ctx", {}).get("at", ())
    return tuple(at) if isinstance(at, tuple | list) else ()


def real_loc(data: Any, loc: tuple[int | str, ...], kind: str) -> list[int | str]:
    """The error location with pydantic's union and validator steps removed.

    Only steps that exist in the data are kept, plus a final missing or unknown key.
    """
    kept: list[int | str] = []
    node = data
    for index, part in enumerate(loc):
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            node = node[part]  # type: ignore[index]  # guarded above
            kept.append(part)
        elif index == len(loc) - 1 and kind == "missing":
            kept.append(part)
    return kept


def dotted(loc: list[int | str]) -> str:
    """`dimensions[0].questions[2].weight` from a location."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _problem(
    doc: YamlDocument, loc: list[int | str], detail: ErrorDetails, missing_here: list[str]
) -> Problem:
    kind = detail["type"]
    where = dotted(loc)
    if kind == "missing":
        parent = dotted(loc[:-1])
        inside = f" in {parent}" if parent else ""
        return doc.problem(loc[:-1], "missing-key", f"missing required key '{loc[-1]}'{inside}")
    if kind == "extra_forbidden":
        message = f"unknown key '{loc[-1]}'"
        close = difflib.get_close_matches(str(loc[-1]), missing_here, n=1)
        if close:
            message += f": did you mean '{close[0]}'?"
        return doc.problem(loc, "unknown-key", message, at_key=True)
    message = _message(detail)
    return doc.problem(loc, "invalid", f"{where}: {message}" if where else message)


def _message(detail: ErrorDetails) -> str:
    message = detail["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    value = detail.get("input")
    if (
        detail["type"] == "string_type"
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        message += " (put quotes around the value to make it text)"
    return message[:1].lower() + message[1:]
