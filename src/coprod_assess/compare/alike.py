"""Comparing files asked in different forms: what both asked, and a note saying so.

When some assessments were asked the short form, the answers files asked the full
form are scored on the short form's core questions too, so every score compares
like with like. A result file cannot be scored again: `compare` and `trend` then
compare only the dimensions that asked the same questions, and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_assess.compare.diff import Diff, compare
from coprod_assess.compare.trend import Trend, trend
from coprod_assess.i18n import _
from coprod_assess.loading.reader import display_name
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.scoring.result import SharedResult


def scored_alike(
    paths: Sequence[Path], rubric_paths: Sequence[Path], *, min_group: int
) -> tuple[list[SharedResult], list[str]]:
    """Each file scored and shared; full-form answers files on the short form when any
    file was asked it. The notes name each file scored so."""
    scored = [scored_from_file(path, rubric_paths, min_group=min_group) for path in paths]
    if all(item.shared.assessment.form == "full" for item in scored):
        return [item.shared for item in scored], []
    results, notes = [], []
    for path, item in zip(paths, scored, strict=True):
        info = item.shared.assessment
        if info.form == "short" or item.from_result_file:
            results.append(item.shared)
            continue
        results.append(
            scored_from_file(path, rubric_paths, min_group=min_group, form="short").shared
        )
        notes.append(
            _(
                "{name} was asked the full form: its scores here count only the short form's "
                "core questions, which every assessment asked. Beside its own report they could "
                "hint at how people answered the other questions: share this comparison with "
                "care."
            ).format(name=info.period or info.date or display_name(path))
        )
    return results, notes


def diff_files(old: Path, new: Path, rubric_paths: Sequence[Path], *, min_group: int) -> Diff:
    """Two answers or result files compared on what both asked."""
    (before, after), notes = scored_alike([old, new], rubric_paths, min_group=min_group)
    found = compare(before, after)
    return found.model_copy(update={"warnings": [*notes, *found.warnings]}) if notes else found


def trend_files(paths: Sequence[Path], rubric_paths: Sequence[Path], *, min_group: int) -> Trend:
    """Several answers or result files side by side, on what they asked alike."""
    results, notes = scored_alike(paths, rubric_paths, min_group=min_group)
    found = trend(results)
    return found.model_copy(update={"notes": [*notes, *found.notes]}) if notes else found
