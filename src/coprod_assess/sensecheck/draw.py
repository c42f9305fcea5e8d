"""Drawing the findings of an answers file as it is now, through the privacy step."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_assess.privacy import DEFAULT_MIN_GROUP
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.sensecheck.findings import Finding, main_findings


def draw_findings(
    path: Path, rubric_paths: Sequence[Path] = (), *, min_group: int = DEFAULT_MIN_GROUP
) -> tuple[list[Finding], int]:
    """The main findings of the answers in `path`, and how many respondents they come from."""
    from coprod_assess.scoring.from_file import scored_from_file

    shared = scored_from_file(path, rubric_paths, min_group=min_group).shared
    return main_findings(shared, load_catalog(rubric_paths)), shared.respondents.total
