"""Ids and versions are exactly what they look like: nothing hides after them."""

from __future__ import annotations

import pytest

from coprod_assess.fields import check_id


@pytest.mark.parametrize("value", ["blur-roles\n", "a--b", "A", "-a", "a-", ""])
def test_ids_are_refused_with_anything_around_them(value: str) -> None:
    with pytest.raises(ValueError, match="is not a valid id"):
        check_id(value)


def test_a_plain_id_is_kept() -> None:
    assert check_id("mutuality-1") == "mutuality-1"
