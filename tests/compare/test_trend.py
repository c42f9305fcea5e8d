"""Several periods side by side."""

from __future__ import annotations

from coprod_assess.compare.trend import period_key, trend
from coprod_assess.scoring.result import AssessmentInfo
from tests.compare.conftest import YEAR_2026, earlier, score


def test_ordered_by_period_then_date() -> None:
    results = [
        score(YEAR_2026),
        score(earlier("2024", "2024-11-19")),
        score(earlier("2025", "2025-11-20")),
    ]
    built = trend(results)
    assert [p.period for p in built.periods] == ["2024", "2025", "2026"]
    overall = next(r for r in built.rows if r.rubric == "arnstein-ladder" and r.dimension is None)
    assert len(overall.points) == 3
    assert built.notes == []


def test_natural_period_order() -> None:
    labels = ["2025-Q10", "2025-Q2", "2024", "2025-Q2"]
    infos = [
        AssessmentInfo(period=p, date=d) for p, d in zip(labels, ["a", "b", "c", "a"], strict=True)
    ]
    ordered = sorted(infos, key=period_key)
    assert [(i.period, i.date) for i in ordered] == [
        ("2024", "c"),
        ("2025-Q2", "a"),
        ("2025-Q2", "b"),
        ("2025-Q10", "a"),
    ]


def test_major_version_change_is_noted() -> None:
    old = score(earlier("2025", "2025-11-20"))
    # Last year's answers were given against the first version of the 5P levers.
    changed = [
        r.model_copy(update={"version": "1.0.0"}) if r.id == "five-p-levers" else r
        for r in old.rubrics
    ]
    built = trend([old.model_copy(update={"rubrics": changed}), score(YEAR_2026)])
    assert len(built.notes) == 1
    assert "The 5P power levers changed major version (2025: 1.0.0, 2026: 2.0.0)" in built.notes[0]


def test_a_period_only_one_person_joined_is_pointed_out() -> None:
    import copy

    from tests.compare.conftest import YEAR_2026, score

    fewer = copy.deepcopy(YEAR_2026)
    fewer["respondents"] = fewer["respondents"][:-1]
    fewer["assessment"]["period"] = "2025"
    built = trend([score(fewer), score(YEAR_2026)])
    assert any(line.startswith("2026: Only 1 person more than before") for line in built.notes)
