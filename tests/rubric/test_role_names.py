"""Role ids, labels and aliases each name one role, as an import matches them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.rubric.check_run import check_paths
from coprod_assess.rubric.roles import role_key
from tests.rubric.conftest import Found

Check = Callable[..., Found]


def test_builtin_roles_have_the_common_words_as_aliases() -> None:
    roles = load_catalog().roles
    assert "parent carer" in roles["family-carer"].aliases
    assert "service user" in roles["person-using-services"].aliases
    assert "social worker" in roles["staff"].aliases
    assert check_paths([]).ok


def test_alias_used_by_two_roles_in_one_file(check: Check) -> None:
    source = """\
    roles:
      - id: kin
        label: Kin
        aliases: [aunt, uncle]
      - id: neighbour-group
        label: Neighbours
        aliases: [street, "Uncle!"]
    """
    assert check(roles=source) == [("roles", 7, 23, "role-name-clash")]


def test_alias_naming_a_builtin_role(check: Check, tmp_path: Path) -> None:
    source = """\
    roles:
      - id: kinship-carer
        label: Kinship carer
        aliases:
          - grandparent
          - Staff Member
    """
    assert check(roles=source) == [
        ("roles", 5, 9, "role-name-clash"),
        ("roles", 6, 9, "role-name-clash"),
    ]
    with pytest.raises(CoprodError) as caught:
        load_catalog([tmp_path / "roles.yaml"])
    messages = [p.message for p in caught.value.problems]
    assert messages[0].startswith(
        "alias 'grandparent' of role 'kinship-carer' also names role 'family-carer' (its alias at"
    )
    assert (
        "alias 'Staff Member' of role 'kinship-carer' also names role 'staff' (its label"
        in (messages[1])
    )


def test_a_replaced_role_has_only_its_new_words_and_an_id_is_a_name(check: Check) -> None:
    source = """\
    roles:
      - id: staff
        label: Staff member
        aliases: [worker, support worker]
      - id: grandparent
        label: Grandparent
    """
    assert check(roles=source) == [("roles", 5, 9, "role-name-clash")]


def test_alias_with_no_letters(check: Check) -> None:
    assert check(roles="roles:\n  - {id: a, label: A, aliases: ['--']}\n") == [
        ("roles", 2, 33, "role-name-empty")
    ]


def test_role_key_ignores_case_spaces_and_punctuation() -> None:
    assert role_key("Parent-Carer") == role_key("  parent carer ") == role_key("PARENT/CARER")
    assert role_key("Family member or carer") == role_key("family member, or carer.")
    assert role_key("Parent carer") != role_key("Parent")
