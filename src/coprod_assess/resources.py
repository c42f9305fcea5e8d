"""Where the built-in rubrics, templates and schemas are.

In an installed wheel they sit inside the package; in a source checkout
(including an editable install) they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    packaged = _PACKAGE / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parents[1] / name


def rubrics_dir() -> Path:
    """The folder of built-in rubric, roles and flags files."""
    return _data_dir("rubrics")


def templates_dir() -> Path:
    """The folder of built-in Jinja templates."""
    return _data_dir("templates")


def schema_dir() -> Path:
    """The folder of generated JSON Schemas."""
    return _data_dir("schema")
