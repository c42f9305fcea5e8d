"""Role cells: matched by id, label or alias; anything else stops the import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.importing.convert import Imported, Importer
from coprod_assess.importing.mapping import Mapping, load_mapping
from coprod_assess.importing.tables import read_table
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

CATALOG = load_catalog([DATA / "rubrics"])
ROLES = list(CATALOG.roles.values())
Write = Callable[..., Path]


def run(path: Path, mapping: Mapping | None = None) -> Imported:
    importer = Importer(
        read_table(path), [CATALOG.rubric("sharing-power")], ROLES, mapping or Mapping()
    )
    return importer.run({"organisation": "", "period": "", "date": ""})


def test_ids_labels_and_aliases_ignoring_case_spaces_and_punctuation(write: Write) -> None:
    said = {
        "Parent carer": "family-carer",
        "PARENT-CARER": "family-carer",
        "parentcarer": "family-carer",
        "Foster carer.": "family-carer",
        "Mum": "family-carer",
        "Service user": "person-using-services",
        "service-user": "person-using-services",
        "Young person": "person-using-services",
        "Social Worker": "staff",
        "Head of service": "manager",
        "Funder": "commissioner",
        "Neighbour": "community-member",
        "Partner organization": "partner",
        "staff member": "staff",
        "family carer": "family-carer",
        "Family member or carer": "family-carer",
    }
    source = "Role,money-1\n" + "".join(f"{cell},1\n" for cell in said)
    imported = run(write("form.csv", source))
    assert imported.problems == []
    assert [p["role"] for p in imported.data["respondents"]] == list(said.values())


def test_an_unmatched_role_is_an_error_whatever_the_options(write: Write) -> None:
    source = "Role,money-1\nGrandad,1\nstaff,2\nLollipop lady,1\ngrandad,3\n"
    imported = run(write("form.csv", source))
    assert [(p.line, p.column, p.code, p.severity) for p in imported.problems] == [
        (2, 1, "unmatched-role", "error"),
        (4, 1, "unmatched-role", "error"),
        (5, 1, "unmatched-role", "error"),
    ]
    assert imported.problems[0].message.startswith(
        "'Grandad' names no role (roles: person-using-services, family-carer,"
    )
    assert imported.unmatched_roles == ["Grandad", "Lollipop lady"]


def test_a_mapping_places_a_role_value(write: Write) -> None:
    mapping = write("map.yaml", "roles:\n  Grandad: family-carer\n  lollipop lady: staff\n")
    source = "Role,money-1\nGRANDAD,1\nLollipop-lady,1\n"
    imported = run(write("form.csv", source), load_mapping(mapping, CATALOG.roles))
    assert imported.problems == []
    assert [p["role"] for p in imported.data["respondents"]] == ["family-carer", "staff"]


def test_a_mapping_to_a_role_that_does_not_exist(write: Write) -> None:
    mapping = write("map.yaml", "roles:\n  Grandad: family-carer\n  Nan: grandparent\n")
    with pytest.raises(CoprodError) as caught:
        load_mapping(mapping, CATALOG.roles)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.code) == (3, 8, "unknown-role")
    assert problem.message.startswith(
        "no role has the id 'grandparent' (roles: person-using-services, family-carer,"
    )
