"""The sense-check section, written one response at a time through the answers session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from coprod_assess.answers.checking import Checking, Said
from coprod_assess.answers.models import AnswersFile
from coprod_assess.answers.session import Session
from coprod_assess.errors import CoprodError
from coprod_assess.loading.document import load_document

FINDINGS = [("ladder/arnstein-ladder", "Most decisions: consultation."), ("flag/x", "A sign.")]
ANSWERS = """\
# kept: a comment the facilitator wrote
assessment:
  organisation: Riverside
respondents:
  - id: r1
    role: staff
    answers: {}
"""


def opened(path: Path) -> Checking:
    doc = load_document(path)
    return Checking(Session(path, doc.data, [], doc.text))


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    return path


def test_responses_are_on_disk_at_once_and_the_file_keeps_its_text(answers: Path) -> None:
    check = opened(answers)
    assert check.begin(FINDINGS, 1, date(2026, 11, 22), 3)
    person = check.add("staff", respondent="r1")
    check.save(person, 0, Said("partly", 'Only "sometimes": 1e5'))
    text = answers.read_text(encoding="utf-8")
    assert text.startswith("# kept: a comment")
    data = yaml.safe_load(text)
    AnswersFile.model_validate(load_document(answers).data)
    assert data["sense_check"]["people"]["c1"] == {
        "role": "staff",
        "respondent": "r1",
        "responses": {
            "ladder/arnstein-ladder": {"value": "partly", "note": 'Only "sometimes": 1e5'}
        },
    }
    assert data["sense_check"]["findings"] == dict(FINDINGS)
    assert data["sense_check"]["drawn_from"] == 1
    assert data["sense_check"]["min_group"] == 3


def test_a_second_round_reuses_the_findings_and_resumes(answers: Path) -> None:
    first = opened(answers)
    first.begin(FINDINGS, 1, date(2026, 11, 22), 3)
    person = first.add("family-carer")
    first.save(person, 0, Said("no"))
    again = opened(answers)
    assert not again.begin([("flag/other", "Something else.")], 5, date(2027, 1, 1), 3)
    assert again.findings == FINDINGS
    assert again.first_open(person) == 1
    assert again.said(person, 0) == Said("no")
    again.save(person, 1, Said("yes"))
    assert again.first_open(person) is None


def test_ids_are_never_reused_after_a_hand_edit(answers: Path) -> None:
    check = opened(answers)
    check.begin(FINDINGS, 1, date(2026, 11, 22), 3)
    check.add("staff")
    second = check.add("staff")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    del data["sense_check"]["people"][second]
    answers.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert check.add("staff") == "c3"


def test_a_person_removed_by_hand_is_a_clear_error(answers: Path) -> None:
    check = opened(answers)
    check.begin(FINDINGS, 1, date(2026, 11, 22), 3)
    person = check.add("staff")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    data["sense_check"]["people"] = {}
    answers.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(CoprodError, match="removed by hand"):
        check.save(person, 0, Said("yes"))


def test_responses_in_a_batch_are_written_once(answers: Path) -> None:
    check = opened(answers)
    check.begin(FINDINGS, 1, date(2026, 11, 22), 3)
    people = [check.add("staff") for _ in range(3)]
    before = answers.stat().st_mtime_ns
    with check.session.batch():
        for person in people:
            check.save(person, 0, Said("yes"))
        assert answers.stat().st_mtime_ns == before
    saved = yaml.safe_load(answers.read_text(encoding="utf-8"))["sense_check"]["people"]
    assert all(saved[p]["responses"] == {"ladder/arnstein-ladder": "yes"} for p in people)


def test_a_value_that_is_not_a_response_is_refused(answers: Path) -> None:
    check = opened(answers)
    check.begin(FINDINGS, 1, date(2026, 11, 22), 3)
    person = check.add("staff")
    with pytest.raises(ValueError, match="not a response"):
        check.save(person, 0, Said("maybe"))


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("yes", Said("yes")),
        ({"value": "no", "note": "x"}, Said("no", "x")),
        ("maybe", None),
        (None, None),
        (3, None),
    ],
)
def test_said_reads_what_the_file_keeps(entry: object, expected: Said | None) -> None:
    assert Said.read(entry) == expected
