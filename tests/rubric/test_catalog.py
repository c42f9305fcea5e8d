"""The catalog: built-in files plus the user's, where the same id replaces."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA


def test_builtin_roles_and_perspectives() -> None:
    catalog = load_catalog()
    perspectives = {role.id: role.perspective for role in catalog.roles.values()}
    assert perspectives == {
        "person-using-services": "lived",
        "family-carer": "lived",
        "community-member": None,
        "staff": "professional",
        "peer-worker": "professional",
        "manager": "professional",
        "commissioner": "professional",
        "partner": "professional",
        "group": None,
        "other": None,
        "not-said": None,
    }
    # Lived experience is kept for people who use the service and their carers: a peer
    # worker answers from inside the service, and says so in the role's description.
    assert "professional" in catalog.roles["peer-worker"].description


def test_added_rubric_and_replacement(write: Callable[..., Path]) -> None:
    original = (DATA / "rubrics" / "sharing-power.yaml").read_text(encoding="utf-8")
    first = write("one/sharing-power.yaml", original)
    second = write("two/sharing-power.yaml", original.replace("version: 1.0.0", "version: 2.0.0"))
    assert load_catalog([first]).rubric("sharing-power").version == "1.0.0"
    with pytest.raises(CoprodError) as caught:
        load_catalog([first, second])
    assert caught.value.problems[0].code == "duplicate-id"


def test_project_roles_add_to_builtin(write: Callable[..., Path]) -> None:
    roles = write(
        "roles.yaml", "roles:\n  - {id: governor, label: Governor, perspective: professional}\n"
    )
    catalog = load_catalog([roles])
    assert catalog.roles["governor"].perspective == "professional"
    assert "staff" in catalog.roles
