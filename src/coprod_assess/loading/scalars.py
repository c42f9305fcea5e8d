"""How plain YAML scalars become values.

The YAML 1.2 core schema, narrowed on purpose: null, true/false, decimal
integers and floats. Everything else stays the string that was written, so a
date stays "2026-11-22" and `yes`, `no`, `on`, `off` stay words.
"""

from __future__ import annotations

import re

Scalar = str | int | float | bool | None

# No count, value or weight needs more; Python itself refuses to read ints past 4,300 digits.
MAX_INT_DIGITS = 100

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    ".nan": float("nan"),
}

STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
SCALAR_TAGS = frozenset({STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG})


def resolve_plain(text: str) -> Scalar:
    """The value of an unquoted, untagged scalar; ValueError for an integer too long to use."""
    if text in _NULLS:
        return None
    if text in _TRUES:
        return True
    if text in _FALSES:
        return False
    first = text[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(text):
            if len(text.lstrip("+-")) > MAX_INT_DIGITS:
                raise ValueError(
                    f"a number of {len(text.lstrip('+-')):,} digits is too long: at most "
                    f"{MAX_INT_DIGITS} digits (put quotes around it if it is text)"
                )
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        special = _SPECIAL_FLOATS.get(text.lower())
        if special is not None:
            return special
    return text


def resolve_tagged(tag: str, text: str) -> Scalar:
    """The value of a scalar with an explicit standard tag; ValueError if it does not fit."""
    if tag == STR_TAG:
        return text
    value = resolve_plain(text)
    expected: tuple[type, ...] = {
        INT_TAG: (int,),
        FLOAT_TAG: (float, int),
        BOOL_TAG: (bool,),
        NULL_TAG: (type(None),),
    }[tag]
    if (isinstance(value, bool) and tag != BOOL_TAG) or not isinstance(value, expected):
        raise ValueError(f"{text!r} is not a valid {tag.rsplit(':', 1)[-1]}")
    if tag == FLOAT_TAG:
        return float(value)  # type: ignore[arg-type]
    return value
