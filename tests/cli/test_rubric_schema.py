"""`coprod rubric schema`: draft-07 schemas, committed and fresh, that accept the built-in files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import Result

from coprod_assess.json_schema import MODELS, schema_filename, schema_text
from coprod_assess.resources import rubrics_dir, schema_dir
from tests.conftest import DATA

Run = Callable[..., Result]


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_committed_schema_is_fresh(kind: str) -> None:
    committed = (schema_dir() / schema_filename(kind)).read_text(encoding="utf-8")
    assert committed == schema_text(kind), "stale schema: run `make schema` and commit schema/"


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_schema_is_draft_07(cli: Run, kind: str) -> None:
    result = cli("rubric", "schema", "--kind", kind)
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def _kind(data: dict[str, object]) -> str:
    if "translation" in data:
        return "translation"
    return "roles" if "roles" in data else "flags" if "flags" in data else "rubric"


def _files() -> list[Path]:
    return sorted([*rubrics_dir().glob("*.yaml"), *(DATA / "rubrics").glob("*.yaml")])


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_valid_files_pass_their_schema_and_name_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    kind = _kind(data)
    jsonschema.Draft7Validator(json.loads(schema_text(kind))).validate(data)
    assert text.startswith("# yaml-language-server: $schema=")
    assert text.splitlines()[0].endswith(f"schema/{schema_filename(kind)}")


def test_default_kind_is_rubric(cli: Run) -> None:
    assert json.loads(cli("rubric", "schema").stdout)["title"] == "Rubric"
