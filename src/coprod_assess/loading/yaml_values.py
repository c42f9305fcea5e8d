"""Build plain Python values from YAML parser events.

Working from events (not a composed node tree) keeps memory to the values
themselves, which matters for answers files with thousands of respondents.
Positions are looked up again only when there is an error to report
(see `document.py`).
"""

from __future__ import annotations

import sys
from typing import Any

import yaml
from yaml import events

from coprod_assess.errors import CoprodError
from coprod_assess.loading.scalars import (
    MAP_TAG,
    SCALAR_TAGS,
    SEQ_TAG,
    resolve_plain,
    resolve_tagged,
)

# Aliases may reuse a scale or a list of options; they may not blow up into a
# billion values ("billion laughs"), nor repeat a long note into a huge file.
MAX_ALIAS_EXPANSION = 100_000
# The size aliases may add: each value counts 1, a string also its length.
MAX_ALIAS_SIZE = 10_000_000
MAX_DEPTH = 100

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_KEY = object()


class _Collection:
    __slots__ = ("anchor", "key", "key_marks", "start_count", "start_size", "value")

    def __init__(
        self, value: dict[Any, Any] | list[Any], anchor: str | None, count: int, size: int
    ) -> None:
        self.value = value
        self.anchor = anchor
        self.start_count = count
        self.start_size = size
        self.key: Any = _NO_KEY
        self.key_marks: dict[Any, Any] = {}


def _size(value: Any) -> int:
    return 1 + len(value) if isinstance(value, str) else 1


class _Builder:
    def __init__(self, name: str) -> None:
        self.name = name
        self.stack: list[_Collection] = []
        # anchor -> (value, how many values it holds, their size)
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.count = 0
        self.size = 0
        self.expanded = 0
        self.expanded_size = 0
        self.documents = 0
        self.root: Any = None

    def fail(self, mark: Any, code: str, message: str) -> CoprodError:
        return CoprodError.single(self.name, code, message, mark.line + 1, mark.column + 1)

    def add(self, value: Any, mark: Any, size: int = 1) -> None:
        self.count += 1
        self.size += size
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            top.value.append(value)
        elif top.key is _NO_KEY:
            self.add_key(top, value, mark)
        else:
            top.value[top.key] = value
            top.key = _NO_KEY

    def add_key(self, top: _Collection, key: Any, mark: Any) -> None:
        if isinstance(key, dict | list):
            raise self.fail(mark, "yaml-key", "a key must be plain text, not a list or mapping")
        if key == "<<":
            raise self.fail(mark, "yaml-merge", "merge keys (<<) are not supported")
        first = top.key_marks.get(key)
        if first is not None:
            raise self.fail(
                mark,
                "duplicate-key",
                f"duplicate key {key!r}: first defined at line {first.line + 1}, "
                f"column {first.column + 1}",
            )
        if isinstance(key, str):
            # Answers files repeat the same ids thousands of times: share one string.
            key = sys.intern(key)
        top.key_marks[key] = mark
        top.key = key

    def bad_tag(self, event: events.NodeEvent, tag: str) -> CoprodError:
        short = tag.replace("tag:yaml.org,2002:", "!!")
        return self.fail(
            event.start_mark,
            "yaml-tag",
            f"tag {short} is not allowed: only plain values, lists and mappings are",
        )

    def scalar(self, event: events.ScalarEvent) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            plain = event.implicit[0] and tag is None
            if not plain:
                return event.value
            try:
                return resolve_plain(event.value)
            except ValueError as err:
                raise self.fail(event.start_mark, "yaml-number", str(err)) from None
        if tag not in SCALAR_TAGS:
            raise self.bad_tag(event, tag)
        try:
            return resolve_tagged(tag, event.value)
        except ValueError as err:
            raise self.fail(event.start_mark, "yaml-tag", str(err)) from None

    def start(self, event: events.CollectionStartEvent, value: dict[Any, Any] | list[Any]) -> None:
        expected = MAP_TAG if isinstance(value, dict) else SEQ_TAG
        if event.tag not in (None, "!", expected):
            raise self.bad_tag(event, event.tag or "")
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(event.start_mark, "yaml-depth", f"nested deeper than {MAX_DEPTH}")
        self.add(value, event.start_mark)
        self.stack.append(_Collection(value, event.anchor, self.count, self.size))

    def end(self) -> None:
        done = self.stack.pop()
        if done.anchor is not None:
            self.anchors[done.anchor] = (
                done.value,
                self.count - done.start_count + 1,
                self.size - done.start_size + 1,
            )

    def alias(self, event: events.AliasEvent) -> None:
        found = self.anchors.get(event.anchor or "")
        if found is None:
            raise self.fail(event.start_mark, "yaml-alias", f"unknown alias *{event.anchor}")
        value, count, size = found
        self.expanded += count
        self.expanded_size += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            raise self.fail(
                event.start_mark,
                "yaml-alias",
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} values; refusing to load",
            )
        if self.expanded_size > MAX_ALIAS_SIZE:
            raise self.fail(
                event.start_mark,
                "yaml-alias",
                f"aliases expand to more than {MAX_ALIAS_SIZE:,} characters; refusing to load",
            )
        self.add(value, event.start_mark, size)
        self.count += count - 1

    def feed(self, event: events.Event) -> None:
        if isinstance(event, events.ScalarEvent):
            value = self.scalar(event)
            self.add(value, event.start_mark, _size(value))
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1, _size(value))
        elif isinstance(event, events.MappingStartEvent):
            self.start(event, {})
        elif isinstance(event, events.SequenceStartEvent):
            self.start(event, [])
        elif isinstance(event, events.MappingEndEvent | events.SequenceEndEvent):
            self.end()
        elif isinstance(event, events.AliasEvent):
            self.alias(event)
        elif isinstance(event, events.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise self.fail(
                    event.start_mark, "yaml-documents", "holds more than one YAML document"
                )


def _text_before(text: str, position: int) -> str:
    """The text before a reader error: libyaml counts its position in UTF-8 bytes."""
    if _Loader is yaml.SafeLoader:
        return text[:position]
    return text.encode("utf-8")[:position].decode("utf-8", errors="ignore")


def parse_yaml(text: str, name: str) -> Any:
    """Parse one YAML document into dicts, lists and scalars; raise CoprodError on any problem."""
    builder = _Builder(name)
    loader = _Loader(text)
    try:
        while loader.check_event():
            builder.feed(loader.get_event())
    except yaml.reader.ReaderError as err:
        before = _text_before(text, err.position)
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        code = err.character if isinstance(err.character, int) else ord(err.character)
        raise CoprodError.single(
            name,
            "yaml-syntax",
            f"the control character U+{code:04X} is not allowed in YAML: remove it",
            line,
            column,
        ) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = err.problem or "is not valid YAML"
        if err.context:
            message = f"{message} ({err.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise CoprodError.single(name, "yaml-syntax", message, line, column) from None
    except yaml.YAMLError as err:
        raise CoprodError.single(name, "yaml-syntax", str(err)) from None
    finally:
        loader.dispose()
    return builder.root
