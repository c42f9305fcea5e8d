"""Field types shared by every file a user writes: ids, versions, numbers, text."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SEMVER_PATTERN = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"
)
_ID = re.compile(ID_PATTERN)
_SEMVER = re.compile(SEMVER_PATTERN)


class UserModel(BaseModel):
    """A model for a file people write by hand: unknown keys are errors, types are exact."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, allow_inf_nan=False)


def check_id(value: str) -> str:
    if not _ID.fullmatch(value) or len(value) > 80:
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case letters, digits and single hyphens, "
            "like 'blur-roles' or 'mutuality-1'"
        )
    return value


def _check_semver(value: str) -> str:
    if not _SEMVER.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a version: use three numbers like 1.0.0 (major.minor.patch)"
        )
    return value


def _check_number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


Id = Annotated[
    str,
    AfterValidator(check_id),
    Field(json_schema_extra={"pattern": ID_PATTERN}, max_length=80),
]
Version = Annotated[
    str, AfterValidator(_check_semver), Field(json_schema_extra={"pattern": SEMVER_PATTERN})
]
Number = Annotated[int | float, PlainValidator(_check_number), WithJsonSchema({"type": "number"})]
Text = Annotated[str, Field(min_length=1)]


def _check_positive(value: int | float) -> int | float:
    if value <= 0:
        raise ValueError(f"must be greater than 0, got {value:g}")
    return value


PositiveNumber = Annotated[
    int | float,
    PlainValidator(_check_number),
    AfterValidator(_check_positive),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0}),
]
