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


def test_blank_short_form_records_the_form_and_asks_the_core_questions() -> None:
    from coprod_assess.answers.models import AnswersFile
    from coprod_assess.rubric.forms import short_form
    from tests.answers.test_form_check import short_rubric

    short = short_form(Rubric.model_validate(short_rubric()))
    text = blank_yaml([short], list(ROLES.values()), "short")
    assert "  form: short          # the short form: only the core questions are asked\n" in text
    loaded = yaml.safe_load(text)
    assert loaded["respondents"][0]["answers"]["r"] == {"a1": None, "a2": None, "b1": None}
    assessment = AnswersFile.model_validate({"assessment": loaded["assessment"]}).assessment
    assert assessment.form == "short"
    assert "form:" not in blank_yaml([short], list(ROLES.values()))
