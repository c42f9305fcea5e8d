"""JSON Schemas (draft-07) of the files users write, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from coprod_assess.answers.models import AnswersFile
from coprod_assess.rubric.flags import FlagsFile
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import RolesFile
from coprod_assess.rubric.translation import TranslationFile

Kind = Literal["rubric", "roles", "flags", "translation", "answers"]
MODELS: dict[str, type[BaseModel]] = {
    "rubric": Rubric,
    "roles": RolesFile,
    "flags": FlagsFile,
    "translation": TranslationFile,
    "answers": AnswersFile,
}
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def json_schema(kind: str) -> dict[str, Any]:
    """The draft-07 JSON Schema of one kind of file."""
    schema = MODELS[kind].model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", None)
    result: dict[str, Any] = {"$schema": DRAFT_07, **schema}
    if definitions:
        result["definitions"] = definitions
    return result


def schema_text(kind: str) -> str:
    """The schema as the JSON text committed under `schema/`."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"


def schema_filename(kind: str) -> str:
    """The committed file name, e.g. `rubric.schema.json`."""
    return f"{kind}.schema.json"
