"""A loaded YAML file: its values, and the line and column of any path inside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from coprod_assess.errors import CoprodError, Problem
from coprod_assess.loading.reader import MAX_FILE_BYTES, display_name, read_text
from coprod_assess.loading.scalars import resolve_plain
from coprod_assess.loading.yaml_values import parse_yaml

Loc = Sequence[str | int]

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """The values of one YAML file, with positions looked up on demand."""

    name: str
    text: str
    data: Any
    _root: yaml.Node | None = field(default=None, repr=False)
    # id of a mapping node -> its keys' values -> (key node, value node), built on first use
    # so that locating thousands of problems in one mapping stays linear.
    _keys: dict[int, dict[Any, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False
    )

    def position(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of the value at `loc`, or of its key with `at_key`.

        Where the path stops short (a missing key), the nearest enclosing value is given.
        """
        if self._root is None:
            self._root = yaml.compose(self.text, Loader=_Loader)
        node = self._root
        if node is None:
            return (1, 1)
        mark = node.start_mark
        for part in loc:
            key_node, child = self._child(node, part)
            if child is None:
                break
            mark = key_node.start_mark if at_key and part == loc[-1] and key_node else None
            mark = mark or child.start_mark
            node = child
        return (mark.line + 1, mark.column + 1)

    def problem(
        self, loc: Loc, code: str, message: str, *, at_key: bool = False, severity: str = "error"
    ) -> Problem:
        """A problem located at `loc` in this file."""
        line, column = self.position(loc, at_key=at_key)
        return Problem(self.name, line, column, code, message, severity)

    def _child(self, node: yaml.Node, part: str | int) -> tuple[Any, yaml.Node | None]:
        if isinstance(node, yaml.MappingNode):
            keys = self._keys.get(id(node))
            if keys is None:
                keys = self._keys[id(node)] = _keys_of(node)
            return keys.get(part, (None, None))
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            return None, node.value[part]
        return None, None


def _keys_of(node: yaml.MappingNode) -> dict[Any, tuple[yaml.Node, yaml.Node]]:
    keys: dict[Any, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            keys.setdefault(_key_value(key_node), (key_node, value_node))
    return keys


def _key_value(node: yaml.ScalarNode) -> Any:
    # Plain scalars have no style (None from the Python parser, "" from the C one).
    return resolve_plain(node.value) if not node.style else node.value


def load_document(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> YamlDocument:
    """Read and parse one YAML file; an empty file or one that is not a mapping is an error."""
    name = display_name(path)
    text = read_text(path, max_bytes=max_bytes)
    return document_from_text(text, name)


def document_from_text(text: str, name: str) -> YamlDocument:
    """Parse YAML text already read; the file must hold one mapping."""
    data = parse_yaml(text, name)
    if data is None:
        raise CoprodError.single(name, "file-empty", "is empty: expected a YAML mapping", 1, 1)
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        raise CoprodError.single(
            name, "not-mapping", f"holds {kind}; expected a YAML mapping of keys to values", 1, 1
        )
    return YamlDocument(name, text, data)
