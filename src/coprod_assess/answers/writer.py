"""Writing answers files: plain, stable YAML that people can read and diff."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from coprod_assess.atomic import write_atomic
from coprod_assess.yaml_out import Dumper

HEADER = (
    "# Answers for coprod-assess. Plain YAML: edit by hand if you like, then run\n"
    "# `coprod score` or `coprod report` on this file.\n"
)


ASSESSMENT_ORDER = ("organisation", "period", "date", "form", "rubrics", "next_steps", "contact")
TOP_ORDER = ("assessment", "sense_check", "respondents")


class _Inline(dict[str, Any]):
    """A mapping written on one line, like `{value: 1, note: ...}`."""


class _Dumper(Dumper):
    """Answers inline, text quoted where it must be."""


def _represent_inline(dumper: yaml.SafeDumper, data: _Inline) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


_Dumper.add_representer(_Inline, _represent_inline)


_ANSWER_KEYS = {"value", "skip", "note"}


def _inline(value: Any) -> Any:
    """Answers (`{value, note}`, `{skip}`) marked to be written on one line, at any depth."""
    if isinstance(value, dict):
        if value and set(value) <= _ANSWER_KEYS:
            return _Inline(value)
        return {key: _inline(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_inline(item) for item in value]
    return value


def storable(value: Any) -> Any:
    """The value as a file can keep it: a lone surrogate (a byte that was not UTF-8, from a
    command line or a prompt) becomes U+FFFD, which YAML can hold and read back."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if isinstance(value, dict):
        return {storable(key): storable(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value


def block_yaml(value: Any) -> str:
    """Block YAML with every answer on one line."""
    return yaml.dump(
        _inline(storable(value)),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )


def flow_yaml(value: Any) -> str:
    """Flow YAML on one line, text quoted where our reader would take it for a number."""
    return yaml.dump(
        storable(value),
        Dumper=_Dumper,
        default_flow_style=True,
        sort_keys=False,
        allow_unicode=True,
        width=2**31,
    )


def answers_text(data: dict[str, Any]) -> str:
    """The answers as YAML: one answer a line; `{value, note}` and skips inline."""
    shaped = copy.deepcopy(data)
    block = shaped.get("assessment")
    if isinstance(block, dict):
        first = [key for key in ASSESSMENT_ORDER if key in block]
        shaped["assessment"] = {key: block[key] for key in [*first, *block]}
    # The sections a session edits in place come before the respondents (see `editor`).
    order = [key for key in TOP_ORDER if key in shaped]
    shaped = {key: shaped[key] for key in [*order, *shaped]}
    return HEADER + block_yaml(shaped)


def save_answers(path: Path, data: dict[str, Any]) -> None:
    """Save atomically: a crash or a kill leaves the old file or the new one, never half.
    A new answers file is readable by its owner only: it holds names and notes."""
    write_atomic(path, answers_text(data), private=True)
