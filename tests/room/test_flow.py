"""A whole turn over HTTP: join, answer, back, skip, note, done, resume, next person."""

from __future__ import annotations

import yaml

from tests.room.conftest import RoomUnderTest


def on_disk(under_test: RoomUnderTest) -> list[dict]:
    return yaml.safe_load(under_test.path.read_text(encoding="utf-8"))["respondents"]


def test_a_phone_answers_everything_and_each_answer_is_on_disk_first(room: RoomUnderTest) -> None:
    phone = room.phone()
    phone.join("family-carer")
    page = phone.client.get("/q/1")
    assert "Question 1 of 4" in page.text and "More about this" in page.text
    assert phone.answer(1, "v2").headers["location"] == "/q/2"  # type: ignore[attr-defined]
    assert on_disk(room)[0]["answers"] == {"sharing-power": {"money-1": 2}}
    phone.answer(2, "dont-know", note="Never seen the budget")
    back = phone.client.get("/q/2").text
    assert 'value="dont-know" checked' in back and "Never seen the budget" in back
    phone.answer(3, "v0")
    assert phone.answer(4, "not-applicable").headers["location"] == "/done"  # type: ignore[attr-defined]
    assert on_disk(room)[0] == {
        "id": "r1",
        "role": "family-carer",
        "lang": "en",
        "answers": {
            "sharing-power": {
                "money-1": 2,
                "money-2": {"skip": "dont-know", "note": "Never seen the budget"},
                "decisions-1": 0,
                "decisions-2": {"skip": "not-applicable"},
            }
        },
    }
    assert "You have reached the end" in phone.client.get("/done").text


def test_a_phone_that_comes_back_carries_on_where_it_stopped(room: RoomUnderTest) -> None:
    phone = room.phone()
    phone.join()
    phone.answer(1, "v1")
    phone.answer(2, "v1")
    again = phone.client.get("/", follow_redirects=False)
    assert again.headers["location"] == "/q/3"
    assert phone.client.get("/q/4", follow_redirects=False).headers["location"] == "/q/3"
