"""The blank answers file stays a file the tools can read, whatever the rubric's text holds."""

from __future__ import annotations

import yaml

from coprod_assess.answers.blank import blank_yaml
from coprod_assess.rubric.models import Rubric
from tests.scoring.conftest import ROLES, rubric


def test_line_breaks_and_controls_in_rubric_text_stay_inside_comments() -> None:
    data = rubric()
    data["dimensions"][0]["title"] = "Money\nb1: 3"
    data["dimensions"][0]["questions"][0]["text"] = "Who decides?\nrespondents: []\x1b[2J"
    text = blank_yaml([Rubric.model_validate(data)], list(ROLES.values()))
    loaded = yaml.safe_load(text)
    assert loaded["respondents"][0]["answers"]["r"] == {"a1": None, "a2": None, "b1": None}
    assert "\x1b" not in text and "# Who decides? respondents: []\\x1b[2J" in text
