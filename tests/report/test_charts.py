"""The charts: bars in the order their captions give, each ladder area level with its mark."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from coprod_assess.report.charts import bar_chart, ladder_chart, period_chart
from coprod_assess.scoring.result import RubricResult, SharedResult


def _rubric(shared: SharedResult, rubric_id: str) -> RubricResult:
    found = shared.rubric(rubric_id)
    assert found is not None
    return found


def test_bars_are_highest_first_as_the_title_says(demo_result: SharedResult) -> None:
    for rubric in demo_result.rubrics:
        if rubric.method == "ladder":
            continue
        chart = bar_chart(rubric)
        first = [row.bars[0].percent for row in chart.rows]
        shown = [value for value in first if value is not None]
        assert shown == sorted(shown, reverse=True), rubric.id
        assert first[: len(shown)] == shown, "rows without a score come last"
        series = chart.series[0].lower()
        assert chart.title.endswith("highest first" if series == "score" else f"{series} first")


def test_practice_and_belief_are_ordered_by_practice(demo_result: SharedResult) -> None:
    rubric = _rubric(demo_result, "hunter-ritchie-rules")
    chart = bar_chart(rubric)
    assert chart.series == ["Practice", "Belief"]
    assert chart.title.endswith("percent of the range, highest practice first")
    practice = {
        dim.title: dim.sides["practice"].everyone.percent
        for dim in rubric.dimensions
        if "practice" in dim.sides
    }
    assert [row.label for row in chart.rows] == sorted(practice, key=lambda t: -(practice[t] or 0))
    # The description reads in the same order as the bars.
    positions = [chart.description.index(f"{row.label}:") for row in chart.rows]
    assert positions == sorted(positions)


def test_periods_keep_their_order(demo_result: SharedResult) -> None:
    chart = period_chart("trend-x", "NEF: overall", ["2024", "2025", "2026"], [50.0, None, 40.0])
    assert [row.label for row in chart.rows] == ["2024", "2025", "2026"]
    assert [row.bars[0].text for row in chart.rows] == ["50%", "no score", "40%"]
    assert chart.title == "NEF: overall, percent of the range, by period"


def test_each_ladder_area_sits_in_exactly_one_row_at_its_value(demo_result: SharedResult) -> None:
    rubric = _rubric(demo_result, "arnstein-ladder")
    chart = ladder_chart(rubric)
    values = [row.value for row in chart.rows]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
    for dim in rubric.dimensions:
        assert dim.rung is not None
        holding = [row for row in chart.rows if any(a.startswith(dim.title) for a in row.areas)]
        assert [row.value for row in holding] == [dim.rung.value], dim.title
    # Every rung has its row; areas between two rungs get a row of their own, labelled
    # with their value; the typical rung (3.5 here) is marked in exactly one row.
    rows = {row.value: row for row in chart.rows}
    assert all(rows[rung.value].rung is rung for rung in chart.rungs)
    assert rows[3.75].rung is None and rows[3.75].areas == ["Governance (3.75)"]
    assert rows[4].areas == ["Designing services"]
    assert [row.value for row in chart.rows if row.typical] == [3.5]
    assert chart.typical_text == (
        "Decisions typically sit at 3.5, between rung 3, Informing, and rung 4, Consultation "
        "(Tokenism)"
    )
    assert "Governance: 3.75, between rung 3, Informing, and rung 4, Consultation" in (
        chart.description
    )


def _open(browser: Any, path: Path, width: int) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


# Each bar chart as the reader sees it: its caption, and the percents on each row.
SHOWN_BARS = """() => [...document.querySelectorAll('.chart.bars')].map(chart => ({
  caption: chart.closest('figure').querySelector('figcaption').textContent.trim(),
  rows: [...chart.querySelectorAll('.bar-row')].map(row =>
    [...row.querySelectorAll('.bar-value')].map(value => parseInt(value.textContent))),
}))"""


@pytest.mark.parametrize("width", [320, 1280])
def test_the_page_shows_bars_in_the_order_their_caption_says(
    browser: Any, reports: dict[str, Path], width: int
) -> None:
    page = _open(browser, reports["demo.html"], width)
    charts = page.evaluate(SHOWN_BARS)
    page.close()
    orders = {}
    for chart in charts:
        order = chart["caption"].rsplit(", ", 1)[-1]
        if order == "largest first":
            # A gap worked out from two rounded percents can be one point off.
            keys = [abs(pro - lived) for lived, pro in chart["rows"]]
            assert all(b <= a + 1 for a, b in itertools.pairwise(keys)), chart
        else:
            keys = [row[0] for row in chart["rows"]]
            assert keys == sorted(keys, reverse=True), chart
        orders[order] = orders.get(order, 0) + 1
    assert orders == {"highest first": 2, "highest practice first": 1, "largest first": 1}


# Each decision area as the reader sees it: the band of its row on the rails, where
# its mark's centre is, and where its label's first line is centred.
SHOWN_LADDER = """() => [...document.querySelectorAll('.ladder-row.placed')].map(row => {
  const rails = row.querySelector('.ladder-rails').getBoundingClientRect();
  const mark = row.querySelector('.ladder-mark').getBoundingClientRect();
  const lines = [...row.querySelectorAll('.ladder-area')].map(area => {
    const range = document.createRange();
    range.selectNodeContents(area);
    const boxes = [...range.getClientRects()];
    return {text: area.textContent, top: boxes[0].top, bottom: boxes.at(-1).bottom,
            middle: (boxes[0].top + boxes[0].bottom) / 2};
  });
  return {top: rails.top, bottom: rails.bottom, mark: (mark.top + mark.bottom) / 2, lines};
})"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_each_ladder_label_is_level_with_its_mark_in_its_own_row(
    browser: Any, reports: dict[str, Path], width: int
) -> None:
    page = _open(browser, reports["demo.html"], width)
    rows = page.evaluate(SHOWN_LADDER)
    page.close()
    # Seven decision areas on each of the two ladders, at 5 and 5 places.
    assert sum(len(row["lines"]) for row in rows) == 14 and len(rows) == 10
    for row in rows:
        first = row["lines"][0]
        assert abs(first["middle"] - row["mark"]) <= 2, row
        for line in row["lines"]:
            assert row["top"] <= line["top"] and line["bottom"] <= row["bottom"], row
    bands = sorted((row["top"], row["bottom"]) for row in rows)
    assert all(above[1] <= below[0] for above, below in itertools.pairwise(bands))


def test_a_ladder_without_a_typical_rung_says_so_once(demo_result: SharedResult) -> None:
    from coprod_assess.report.render import render_report

    rubric = _rubric(demo_result, "arnstein-ladder")
    assert rubric.ladder is not None
    unplaced = rubric.model_copy(
        update={
            "ladder": rubric.ladder.model_copy(update={"typical": None}),
            "dimensions": [d.model_copy(update={"rung": None}) for d in rubric.dimensions],
        }
    )
    chart = ladder_chart(unplaced)
    assert not any(row.typical or row.areas for row in chart.rows)
    assert chart.description == (
        "A ladder of 9 rungs, from Citizen control at the top to Left out. "
        "Not enough answers to place the typical rung."
    )
    shared = demo_result.model_copy(update={"rubrics": [unplaced]})
    page = render_report(shared, "html")
    assert "<strong>Not enough answers to place the typical rung</strong>.</p>" in page
