"""Result files: written as JSON or YAML, byte-identical for the same inputs; read back safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coprod_assess import __version__
from coprod_assess.errors import CoprodError
from coprod_assess.loading.document import YamlDocument, load_document
from coprod_assess.loading.validate import validate
from coprod_assess.scoring.result import RESULT_FORMAT, SharedResult


def result_data(result: SharedResult) -> dict[str, Any]:
    """The shared result as plain JSON-ready data."""
    return result.model_dump(mode="json", by_alias=True)


def result_json(result: SharedResult) -> str:
    """The shared result as indented JSON text."""
    return result.model_dump_json(indent=2, by_alias=True) + "\n"


def result_yaml(result: SharedResult) -> str:
    """The result as YAML text, keys in the model's order."""
    from coprod_assess.yaml_out import dump

    return dump(result_data(result), sort_keys=False, allow_unicode=True, width=100)


def is_result(doc: YamlDocument) -> bool:
    """Whether a loaded file is a result file (rather than an answers file)."""
    return "tool_version" in doc.data and "rubrics" in doc.data


def _version_key(version: str) -> tuple[tuple[int, str], ...]:
    """A version's numbers in a form that compares as numbers, however many digits they have."""
    parts = []
    for part in version.split("."):
        digits = "".join(c for c in part if c.isdigit()).lstrip("0")
        parts.append((len(digits), digits))
    return tuple(parts)


def result_from(doc: YamlDocument) -> SharedResult:
    """Validate a loaded result file; one from a newer or an older tool gets a clear message."""
    written_by = str(doc.data.get("tool_version", ""))
    newer = _version_key(written_by) > _version_key(__version__)
    file_format = doc.data.get("format")
    if isinstance(file_format, int) and file_format > RESULT_FORMAT:
        newer = True
    if isinstance(file_format, int) and file_format < RESULT_FORMAT:
        line, column = doc.position(("format",))
        raise CoprodError.single(
            doc.name,
            "old-result",
            f"is a result file of format {file_format}, which kept every group, even groups "
            "of one person; score the answers file again with `coprod score`",
            line,
            column,
        )
    try:
        return validate(SharedResult, doc)
    except CoprodError:
        if newer:
            line, column = doc.position(("tool_version",))
            raise CoprodError.single(
                doc.name,
                "newer-result",
                f"was written by coprod-assess {written_by}, newer than this one "
                f"({__version__}); upgrade coprod-assess to read it",
                line,
                column,
            ) from None
        raise


def load_result(path: Path) -> SharedResult:
    """Read a result file written by `coprod score` (JSON is read as YAML, its superset)."""
    return result_from(load_document(path))
