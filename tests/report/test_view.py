"""What a report shows: anonymity thresholds, attributions, priorities and strengths."""

from __future__ import annotations

from coprod_assess.report.view import build_view
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result import SharedResult
from tests.report.conftest import HOSTILE, RUBRICS


def hostile(min_group: int = 3, *, show_names: bool = False) -> SharedResult:
    return scored_from_file(HOSTILE, RUBRICS, min_group=min_group, show_names=show_names).shared


def test_small_groups_are_suppressed_with_a_line(hostile_result: SharedResult) -> None:
    view = build_view(hostile_result)
    (section,) = view.rubrics
    # Two family carers and one person using services: no role reaches three but staff.
    assert [row.role for row in section.roles] == ["Staff member"]
    assert section.hidden_roles == ["family member or carer", "person who uses services"]
    assert view.gaps and view.perspectives_hidden == ""
    strict = build_view(hostile(4))
    assert strict.gaps == []
    assert "each needs answers from at least 4 people" in strict.perspectives_hidden


def test_quotes_attributed_only_as_far_as_anonymity_allows(hostile_result: SharedResult) -> None:
    view = build_view(hostile_result)
    # Two family carers: too few to name the role; three people with lived experience.
    assert {quote.who for quote in view.quotes} == {"Someone with lived experience"}
    # Two family carers reach a threshold of 2, but shown beside everyone with lived
    # experience they would give away the one person who uses services: both stay hidden.
    assert {q.who for q in build_view(hostile(2)).quotes} == {"Someone with lived experience"}
    assert {q.who for q in build_view(hostile(9)).quotes} == {"A respondent"}


def test_names_replace_nothing_unless_given(hostile_result: SharedResult) -> None:
    assert not any(q.who.startswith("Zebedee") for q in build_view(hostile_result).quotes)
    named = build_view(hostile(show_names=True))
    assert any(q.who.startswith("Zebedee Secretname (") for q in named.quotes)


def test_three_to_five_priorities_with_actions(demo_result: SharedResult) -> None:
    view = build_view(demo_result)
    assert 3 <= len(view.priorities) <= 5
    assert all(item.actions for item in view.priorities)
    assert view.priorities[0].title == "Money and budgets"
    assert view.summary[0].startswith("Riverside Parent Carer Forum (sample) assessed")
