"""YAML as this tool writes it: text that reads back as the same text.

PyYAML writes by YAML 1.1's rules and our reader reads by YAML 1.2's, which
take more bare words for numbers (`1e5`, `0E0`). Every YAML writer here uses
this dumper, so a note or a label like that is quoted and stays text.
"""

from __future__ import annotations

from typing import Any

import yaml


class Dumper(yaml.SafeDumper):
    """PyYAML's safe dumper, quoting text our reader would take for something else."""


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    from coprod_assess.loading.scalars import resolve_plain

    style = "'" if not isinstance(resolve_plain(data), str) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


Dumper.add_representer(str, _represent_text)


def dump(data: Any, **options: Any) -> str:
    """`data` as YAML text (options as for `yaml.dump`)."""
    text: str = yaml.dump(data, Dumper=Dumper, **options)
    return text
