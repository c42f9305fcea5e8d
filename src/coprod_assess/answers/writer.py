"""Writing answers files: plain, stable YAML that people can read and diff."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from coprod_assess.atomic import write_atomic

HEADER = (
    "# Answers for coprod-assess. Plain YAML: edit by hand if you like, then run\n"
    "# `coprod score` or `coprod report` on this file.\n"
)


ASSESSMENT_ORDER = ("organisation", "period", "date", "rubrics")


class _Inline(dict[str, Any]):
    """A mapping written on one line, like `{value: 1, note: ...}`."""


class _Dumper(yaml.SafeDumper):
    pass


def _inline(dumper: yaml.SafeDumper, data: _Inline) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


_Dumper.add_representer(_Inline, _inline)


def _with_inline_answers(data: dict[str, Any]) -> dict[str, Any]:
    shaped = copy.deepcopy(data)
    block = shaped.get("assessment")
    if isinstance(block, dict):
        first = [key for key in ASSESSMENT_ORDER if key in block]
        shaped["assessment"] = {key: block[key] for key in [*first, *block]}
    for respondent in shaped.get("respondents", []):
        for given in respondent.get("answers", {}).values():
            for question, entry in given.items():
                if isinstance(entry, dict):
                    given[question] = _Inline(entry)
    return shaped


def answers_text(data: dict[str, Any]) -> str:
    """The answers as YAML: one answer a line; `{value, note}` and skips inline."""
    body = yaml.dump(
        _with_inline_answers(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=4096,
    )
    return HEADER + body


def save_answers(path: Path, data: dict[str, Any]) -> None:
    """Save atomically: a crash or a kill leaves the old file or the new one, never half."""
    write_atomic(path, answers_text(data))
