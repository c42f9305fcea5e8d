"""Changing an answers file in place, one answer at a time, keeping everything else as written.

A session never rewrites the file from memory: each change is made to the
file's own text, so comments, layout, aliases and a hand edit made while the
session runs all survive, and a file of ten thousand people takes one small
edit, not a full rewrite. Where the text has a shape this editor does not
change in place (a flow-style list of respondents, say), the file is written
afresh from its data instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from coprod_assess.atomic import write_atomic

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Node:
    """A YAML node with where it stands in the text: `end` is the end of its last character."""

    kind: str  # "map", "seq", "scalar" or "alias"
    flow: bool
    start: int
    end: int
    column: int
    value: str = ""
    plain: bool = False
    anchored: bool = False  # it, or something in it, carries an anchor (`&name`)
    keys: list[tuple[str, int, int, Node]] = field(default_factory=list)  # key, start, end, value
    items: list[Node] = field(default_factory=list)

    def get(self, key: str) -> Node | None:
        """The value under `key` in a mapping."""
        return next((value for name, _, _, value in self.keys if name == key), None)

    def key_end(self, key: str) -> int:
        """Where the key's own text ends."""
        return next(end for name, _, end, _ in self.keys if name == key)

    @property
    def empty(self) -> bool:
        """A null value: `key:` with nothing after it, `~` or `null`."""
        return (
            self.kind == "scalar" and self.plain and self.value in ("", "~", "null", "Null", "NULL")
        )


def file_stamp(path: Path) -> tuple[int, int, int] | None:
    """What changes when anyone writes the file: its time, size and inode; None if missing."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


class Unchangeable(Exception):
    """The text has a shape not changed in place; the file is written afresh instead."""


def _start(event: yaml.Event) -> int:
    assert event.start_mark is not None  # the parser marks every event
    return int(event.start_mark.index)


def _end(event: yaml.Event) -> int:
    assert event.end_mark is not None
    return int(event.end_mark.index)


def _tree(events: Iterator[yaml.Event], offset: int) -> Node:
    event = next(events)
    start = _start(event) - offset
    column = int(event.start_mark.column) if event.start_mark else 0
    anchored = bool(getattr(event, "anchor", None))
    if isinstance(event, yaml.ScalarEvent):
        end = _end(event) - offset
        return Node("scalar", False, start, end, column, event.value, not event.style, anchored)
    if isinstance(event, yaml.AliasEvent):
        return Node("alias", False, start, _end(event) - offset, column)
    if anchored and isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
        # Aliases elsewhere share this collection: a change here would change them too.
        raise Unchangeable("a mapping or list with an anchor")
    if isinstance(event, yaml.MappingStartEvent):
        node = Node("map", bool(event.flow_style), start, start, column)
        while True:
            peek = next(events)
            if isinstance(peek, yaml.MappingEndEvent):
                node.end = _end(peek) - offset if node.flow else _last(node, start)
                return node
            if not isinstance(peek, yaml.ScalarEvent):
                raise Unchangeable("a mapping key that is not plain text")
            value = _tree(events, offset)
            node.anchored = node.anchored or value.anchored
            key_start = _start(peek) - offset
            node.keys.append((peek.value, key_start, _end(peek) - offset, value))
    if isinstance(event, yaml.SequenceStartEvent):
        node = Node("seq", bool(event.flow_style), start, start, column)
        while True:
            peek = next(events)
            if isinstance(peek, yaml.SequenceEndEvent):
                node.end = _end(peek) - offset if node.flow else _last(node, start)
                return node
            item = _tree(_chain(peek, events), offset)
            node.anchored = node.anchored or item.anchored
            node.items.append(item)
    raise Unchangeable(f"unexpected {type(event).__name__}")


def _chain(first: yaml.Event, rest: Iterator[yaml.Event]) -> Iterator[yaml.Event]:
    yield first
    yield from rest


def _last(node: Node, start: int) -> int:
    ends = [value.end for _, _, _, value in node.keys] + [item.end for item in node.items]
    return max([start, *ends])


def parse(text: str, offset: int = 0) -> Node:
    """The document's root node; positions less `offset` (for a part parsed with padding)."""
    events = yaml.parse(text, Loader=_Loader)
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            return _tree(events, offset)
    raise Unchangeable("an empty document")


def flow_text(value: Any) -> str:
    """A value as YAML on one line: 3, {value: 1, note: "..."}, {skip: dont-know}."""
    from coprod_assess.answers.writer import flow_yaml

    return flow_yaml(value).removesuffix("\n").removesuffix("\n...").strip()


def block_text(value: Any, indent: int) -> str:
    """A value as block YAML, answers inline, every line indented by `indent` spaces."""
    from coprod_assess.answers.writer import block_yaml

    pad = " " * max(indent, 0)
    return "\n".join(pad + line for line in block_yaml(value).rstrip("\n").split("\n"))


def _line_end(text: str, index: int) -> int:
    found = text.find("\n", index)
    return len(text) if found < 0 else found


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _column(text: str, index: int) -> int:
    return index - _line_start(text, index)


def _tail(text: str, start: int, end: int) -> str:
    """The line breaks a node's span ends with: a block scalar (`note: |`) runs to the
    start of the next line, and what replaces it must end the line the same way."""
    span = text[start:end]
    return span[len(span.rstrip("\r\n")) :]


def set_in(text: str, root: Node, path: Sequence[str], value: Any) -> str:
    """The text with the mapping entry at `path` set to `value`, created as needed."""
    node = root
    owner = -2  # the column of the key that holds `node`: the root is held by none
    in_flow = False  # `node` stands inside a `{...}`, where no block may open
    for depth, key in enumerate(path):
        if node.empty:
            if in_flow:
                raise Unchangeable("a null value inside a flow collection")
            return _fill_empty(text, node, owner, path[depth:], value)
        if node.kind != "map":
            raise Unchangeable("a value where a mapping was expected")
        found = node.get(key)
        if found is None:
            return _insert(text, node, owner, path[depth:], value, in_flow)
        in_flow = in_flow or node.flow
        if depth == len(path) - 1:
            if found.empty and found.start == found.end:
                # `key:` with nothing after it: the value goes after the colon.
                return text[: found.start] + " " + flow_text(value) + text[found.start :]
            if found.anchored:
                raise Unchangeable("an anchor that aliases elsewhere may point at")
            tail = _tail(text, found.start, found.end)
            return text[: found.start] + flow_text(value) + tail + text[found.end :]
        owner = _column(text, next(start for name, start, _, _ in node.keys if name == key))
        node = found
    raise Unchangeable("an empty path")


def _nested(path: Sequence[str], value: Any) -> Any:
    for key in reversed(path):
        value = {key: value}
    return value


def _insert(
    text: str, mapping: Node, owner: int, path: Sequence[str], value: Any, in_flow: bool
) -> str:
    """Add `path: value` to a mapping that lacks its first key."""
    entry = _nested(path, value)
    if not mapping.flow:
        block = block_text(entry, mapping.column)
        if _tail(text, mapping.start, mapping.end):
            # The last value was a block scalar that ends at the start of a line.
            return text[: mapping.end] + block + "\n" + text[mapping.end :]
        at = _line_end(text, mapping.end)
        return text[:at] + "\n" + block + text[at:]
    if not mapping.keys:
        if in_flow:
            return text[: mapping.start] + flow_text(entry) + text[mapping.end :]
        # An empty `{}` opens into a block, so the answers that follow read one a line.
        block = "\n" + block_text(entry, owner + 2)
        return text[: mapping.start].rstrip(" ") + block + text[mapping.end :]
    close = mapping.end - 1
    before = text[:close].rstrip(" \t")
    joiner = " " if before.endswith(",") else ", "  # `{a: 1, }` has its comma already
    return before + joiner + flow_text(entry)[1:-1] + text[close:]


def _fill_empty(text: str, node: Node, owner: int, path: Sequence[str], value: Any) -> str:
    """Give a null value (`key:`, `~`) the block mapping `path: value`."""
    block = "\n" + block_text(_nested(path, value), owner + 2)
    before = text[: node.start].rstrip(" ")
    after = text[node.end :]
    if node.start == node.end:
        at = _line_end(text, node.start)  # keep a comment on the key's line where it is
        return text[:at] + block + text[at:]
    return before + block + after


class AnswersText:
    """An answers file's text, with where each respondent stands, changed in place."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.people: list[int] = []
        self.people_end = 0
        self._key = ""
        self._people_key = -1  # where the `respondents` key starts
        self._after: set[str] = set()  # top-level keys written after the respondents
        self._dash = 0  # the column of the dashes before the respondents
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self._index()

    @classmethod
    def read(cls, path: Path) -> AnswersText:
        """The file as it is on disk now."""
        from coprod_assess.loading.reader import read_text

        return cls(path, read_text(path))

    def _index(self) -> None:
        """Find the respondents list and where each respondent starts, in one pass."""
        events = yaml.parse(self.text, Loader=_Loader)
        depth = 0
        key_next = True
        in_people = False
        for event in events:
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if in_people and depth == 2:
                    if not isinstance(event, yaml.MappingStartEvent):
                        raise Unchangeable("a respondent that is not a mapping")
                    self.people.append(_start(event))
                if depth == 1 and not key_next and isinstance(event, yaml.SequenceStartEvent):
                    in_people = self._key == "respondents"
                    if in_people and event.flow_style:
                        raise Unchangeable("a flow-style list of respondents")
                    if in_people and event.start_mark is not None:
                        self._dash = int(event.start_mark.column)  # a block list starts at a dash
                depth += 1
                if depth == 2:
                    key_next = True
                continue
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
                if depth == 1:
                    if in_people:
                        self.people_end = _start(event)
                        in_people = False
                    key_next = True
                continue
            if depth == 1 and isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                if key_next and isinstance(event, yaml.ScalarEvent):
                    self._key = event.value
                    if event.value == "respondents":
                        self._people_key = _start(event)
                    elif self._people_key >= 0:
                        self._after.add(event.value)
                key_next = not key_next
        if self._people_key < 0 or (not self.people and self.people_end == 0):
            raise Unchangeable("no block list of respondents")

    def _region(self, person: int) -> tuple[int, int]:
        """Where one respondent's mapping stands: from its first key to the next one's dash."""
        start = self.people[person]
        if person + 1 < len(self.people):
            following = self.people[person + 1]
            dash = len(self.text[:following].rstrip(" \t\r\n")) - 1
            end = _line_start(self.text, dash if self.text[dash] == "-" else following)
        else:
            end = self.people_end
        return start, max(start, end)

    def set_answer(
        self, person: int, path: Sequence[str], value: Any, expected: dict[str, Any]
    ) -> None:
        """Set `path` (e.g. answers, rubric, question) inside one respondent's mapping;
        `expected` is the whole respondent as it must read afterwards."""
        start, end = self._region(person)
        column = _column(self.text, start)
        root = parse(" " * column + self.text[start:end], offset=column)
        changed = self._lines(set_in(self.text[start:end], root, path, value))
        self._check(" " * column + changed, expected)
        self._splice(start, end, changed, after=person)

    def add_person(self, person: dict[str, Any]) -> None:
        """Append a respondent at the end of the list, laid out like the others."""
        if not self.people:
            raise Unchangeable("no respondent yet to lay a new one out like")
        block = self._lines(block_text([person], self._dash))
        self._check("respondents:" + self.newline + block, {"respondents": [person]})
        at = self.people_end
        before = self.text[:at]
        lead = "" if before.endswith("\n") or not before else self.newline
        insert = lead + block + self.newline
        self.text = before + insert + self.text[at:]
        self.people.append(at + len(lead) + self._dash + 2)
        self.people_end = at + len(insert)

    def remove_person(self, person: int, expected: dict[str, Any]) -> None:
        """Take one respondent's lines out of the list; `expected` is the whole file as it
        must read afterwards (the last one out leaves no list to keep: written afresh)."""
        start, end = self._region(person)
        start = _line_start(self.text, start)
        changed = self.text[:start] + self.text[end:]
        self._check(changed, expected)
        self._splice(start, end, "", after=person)
        del self.people[person]

    def set_top(self, path: Sequence[str], value: Any, expected: dict[str, Any]) -> None:
        """Set an entry above the respondents, such as `assessment: organisation`;
        `expected` is the whole entry (`assessment`) as it must read afterwards."""
        if path[0] in self._after:
            raise Unchangeable(f"`{path[0]}` written after the respondents")
        head = self.text[: self._people_key]
        try:
            root = parse(head)
        except Unchangeable:  # nothing above the respondents but comments
            changed = head + block_text(_nested(path, value), 0) + "\n"
        else:
            changed = set_in(head, root, path, value)
        changed = self._lines(changed)
        self._check(changed + "respondents: []\n", expected, key=path[0])
        self._people_key += len(changed) - len(head)
        self._splice(0, len(head), changed, after=-1)

    def _lines(self, changed: str) -> str:
        """Changed text with the file's own line endings."""
        if self.newline == "\n":
            return changed
        return changed.replace("\r\n", "\n").replace("\n", "\r\n")

    def _check(self, text: str, expected: Any, key: str | None = None) -> None:
        """Read the changed part back as every command will; anything but `expected`
        (an odd layout, an alias to elsewhere) means: write the file afresh instead."""
        from coprod_assess.errors import CoprodError
        from coprod_assess.loading.document import document_from_text

        try:
            found = document_from_text(text, str(self.path)).data
        except (CoprodError, yaml.YAMLError):
            raise Unchangeable("the changed part does not read back") from None
        if key is not None:
            found = found.get(key) if isinstance(found, dict) else None
        if found != expected:
            raise Unchangeable("the changed part reads back differently")

    def _splice(self, start: int, end: int, changed: str, *, after: int) -> None:
        delta = len(changed) - (end - start)
        self.text = self.text[:start] + changed + self.text[end:]
        for index in range(after + 1, len(self.people)):
            self.people[index] += delta
        self.people_end += delta

    def save(self) -> None:
        """Write the text atomically."""
        write_atomic(self.path, self.text)


def write_added(path: Path, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Write `after`: `before` (what the file holds) with people added and the assessment
    filled in. Only that changes in the file's text, so its comments stay; where the text
    cannot be changed in place, the file is written afresh."""
    from coprod_assess.answers.writer import save_answers

    try:
        editor = AnswersText.read(path)
        held = dict(before.get("assessment") or {})
        for key, value in (after.get("assessment") or {}).items():
            if held.get(key) != value:
                held[key] = value
                editor.set_top(("assessment", key), value, held)
        for person in after["respondents"][len(before.get("respondents") or []) :]:
            editor.add_person(person)
        editor.save()
    except Unchangeable:
        save_answers(path, after)
