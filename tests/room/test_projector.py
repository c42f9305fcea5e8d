"""The facilitator's pages: live counts only, closing (the report through the privacy
step), answering refused once closed, opening again, and the report's own page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from coprod_assess.scoring.from_file import scored_from_file
from tests.conftest import DATA
from tests.privacy.conftest import figures
from tests.room.conftest import Phone, RoomUnderTest, csrf_of, make_room, shown

SECRET_NOTE = "NOTE-ZEBRA-4471"
SECRET_NAME = "Quentin Okonkwo-Vasquez"


def joined(room: RoomUnderTest, role: str = "staff", name: str | None = None) -> Phone:
    phone = room.phone()
    phone.join(role, name)
    return phone


def token(facilitator: TestClient) -> str:
    """The facilitator's CSRF token, from whichever of their pages has a form now."""
    for url in ("/projector/close", "/projector"):
        page = facilitator.get(url).text
        if 'name="csrf"' in page:
            return csrf_of(page)
    raise AssertionError("no form on the facilitator's pages")


def close(facilitator: TestClient) -> httpx.Response:
    data = {"csrf": token(facilitator)}
    return facilitator.post("/projector/close", data=data, follow_redirects=False)


def reopen(facilitator: TestClient) -> httpx.Response:
    data = {"csrf": token(facilitator)}
    return facilitator.post("/projector/reopen", data=data, follow_redirects=False)


# Counts only


def test_the_projector_shows_the_way_in_and_the_counts(room: RoomUnderTest) -> None:
    carer = joined(room, "family-carer")
    for number in range(1, 5):
        carer.answer(number, "v1")
    joined(room, "staff").answer(1, "v2")
    joined(room, "manager")
    joined(room, "not-said")
    facilitator = room.projector()
    page = facilitator.get("/projector").text
    assert "<svg" in page and 'aria-label="QR code: scan it to join"' in page
    assert room.keys.code in page and "http://192.0.2.20:8765" in page
    # The join token is only inside the QR code; the facilitator's never shows.
    assert room.keys.join_token not in page and room.keys.control_token not in page
    assert 'data-count="joined">4<' in page and 'data-count="finished">1<' in page
    # Each side is a number only from --min-group people: nobody sees which side one
    # late joiner chose.
    assert 'data-count="lived">fewer than 3<' in page
    assert 'data-count="professional">fewer than 3<' in page
    counts = facilitator.get("/projector/counts")
    assert counts.json() == {
        "joined": 4,
        "finished": 1,
        "lived": "fewer than 3",
        "professional": "fewer than 3",
        "closed": False,
        "checking": False,
    }


def test_the_projector_never_shows_an_answer_a_note_or_a_name(tmp_path: Path) -> None:
    room = make_room(tmp_path, names=True)
    phone = joined(room, "family-carer", name=SECRET_NAME)
    phone.answer(1, "v3", note=SECRET_NOTE)
    phone.answer(2, "dont-know", note=SECRET_NOTE + " again")
    facilitator = room.projector()
    replies = [
        facilitator.get("/projector"),
        facilitator.get("/projector/counts"),
        facilitator.get("/projector/close"),
    ]
    close(facilitator)
    replies += [facilitator.get("/projector"), facilitator.get("/projector/counts")]
    for reply in replies:
        text = shown(reply)
        assert SECRET_NOTE not in text and "ZEBRA" not in text
        assert SECRET_NAME not in text and "Okonkwo" not in text
        assert "Established" not in text and "Embedded" not in text  # no option's words
    json = replies[1].json()
    assert set(json) == {"joined", "finished", "lived", "professional", "closed", "checking"}
    # Nor does the report the room sees show the name.
    report = facilitator.get("/report").text
    assert "Okonkwo" not in report


def test_the_counts_are_for_the_facilitator_only(room: RoomUnderTest) -> None:
    phone = joined(room)
    reply = phone.client.get("/projector/counts")
    assert reply.status_code == 403 and reply.json() == {"error": "facilitator only"}


# Closing


def test_closing_asks_first_then_writes_the_report_and_tells_the_terminal(
    room: RoomUnderTest,
) -> None:
    for role in ("staff", "staff", "staff", "manager"):
        phone = joined(room, role)
        for number in range(1, 5):
            phone.answer(number, "v2")
    unfinished = joined(room, "staff")
    unfinished.answer(1, "v1")
    facilitator = room.projector()
    ask = facilitator.get("/projector/close")
    assert ask.status_code == 200 and "Close answering now?" in ask.text
    asked = shown(ask)
    assert "Results from groups of fewer than 3 people are left out of it." in asked
    assert "anonymity threshold" not in asked
    assert "To come back to this page, use the browser's Back button." in asked
    assert "1 person has not finished" in ask.text
    assert not room.room.closed and not room.room.settings.report.exists()
    reply = close(facilitator)
    assert reply.status_code == 303 and reply.headers["location"] == "/report"
    assert room.room.closed
    report = room.room.settings.report
    assert report.exists() and "<html" in report.read_text("utf-8")
    assert room.said == [
        f"Answering closed. The answers are in {room.path}; the report is in {report}."
    ]
    shown_report = facilitator.get("/report")
    assert shown_report.status_code == 200 and shown_report.text == report.read_text("utf-8")
    again = facilitator.get("/projector/close")
    assert "Answering is already closed" in again.text
    projector = facilitator.get("/projector").text
    assert 'href="/report"' in projector and "Open answering again" in projector


def test_closing_with_no_answers_makes_no_report_and_says_so(room: RoomUnderTest) -> None:
    joined(room)  # joined, answered nothing
    facilitator = room.projector()
    reply = close(facilitator)
    assert reply.headers["location"] == "/projector"
    assert room.room.closed and not room.room.settings.report.exists()
    assert room.said == ["Answering closed. Nobody had answered anything, so there is no report."]
    assert "there is no report" in facilitator.get("/projector").text
    page = facilitator.get("/report")
    assert page.status_code == 404 and "nothing to report" in page.text


def test_the_report_keeps_small_groups_hidden(room: RoomUnderTest) -> None:
    """Three staff and one carer: the carer's scores, or anything that gives them away
    (the staff's, subtracted from everyone's), are not in the report."""
    for role in ("staff", "staff", "staff", "family-carer"):
        phone = joined(room, role)
        for number in range(1, 5):
            phone.answer(number, "v3" if role == "staff" else "v0")
    close(room.projector())
    shared = scored_from_file(room.path, [DATA / "rubrics"], min_group=3).shared
    for figure in figures(shared):
        assert "family-carer" not in figure.roles and "lived" not in figure.perspectives
        assert "staff" not in figure.roles
    html = room.room.settings.report.read_text("utf-8")
    assert any("are not shown" in line for line in shared.withheld)
    for line in shared.withheld:
        assert line.split(":", 1)[1].strip().rstrip(".")[:40] in shown_text(html)
    assert "professional minus lived" not in html


def test_a_report_of_two_people_shows_no_scores(room: RoomUnderTest) -> None:
    for role in ("staff", "family-carer"):
        phone = joined(room, role)
        for number in range(1, 5):
            phone.answer(number, "v2")
    close(room.projector())
    shared = scored_from_file(room.path, [DATA / "rubrics"], min_group=3).shared
    for figure in figures(shared):
        assert figure.everyone.value is None and figure.roles == {}
    assert "no scores are shown" in shown_text(room.room.settings.report.read_text("utf-8"))


def test_the_rooms_own_threshold_is_the_reports(tmp_path: Path) -> None:
    room = make_room(tmp_path, min_group=5)
    for role in ("staff",) * 4:
        phone = joined(room, role)
        for number in range(1, 5):
            phone.answer(number, "v2")
    facilitator = room.projector()
    assert "groups of fewer than 5 people" in shown(facilitator.get("/projector/close"))
    close(facilitator)
    assert "fewer than 5" in shown_text(room.room.settings.report.read_text("utf-8"))


def shown_text(html: str) -> str:
    import html as entities

    return entities.unescape(html)


# Answering once closed, and opening again


def test_answering_after_closing_is_refused_and_saves_nothing(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    token = csrf_of(phone.client.get("/q/2").text)
    newcomer = room.phone()
    newcomer.scan()
    newcomer_token = csrf_of(newcomer.client.get("/").text)
    close(room.projector())
    before = room.files()
    reply = phone.client.post("/q/2", data={"csrf": token, "answer": "v2"})
    assert reply.status_code == 200 and "Answering has closed" in reply.text
    assert (
        "Answering closed before this answer arrived, so it was not saved. "
        "Your earlier answers are saved." in shown(reply)
    )
    assert 'href="/report"' in reply.text
    for url in ("/", "/q/1", "/q/2", "/done"):
        page = shown(phone.client.get(url))
        assert "Answering has closed" in page and "Your answers are saved." in page
        assert "not saved" not in page
    reply = newcomer.client.post("/start", data={"csrf": newcomer_token, "role": "staff"})
    assert "Answering has closed" in reply.text
    assert room.files() == before and len(room.people()) == 1


def test_an_answer_that_arrives_as_answering_closes_is_said_not_to_be_saved(
    room: RoomUnderTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    newcomer = joined(room)
    writer = room.room.writer
    write = writer.write

    def closed_first(change: Any) -> Any:  # the facilitator closes as the answer arrives
        room.room.close()
        return write(change)

    monkeypatch.setattr(writer, "write", closed_first)
    before = room.path.read_bytes()
    reply = phone.answer(2, "v3")
    page = shown(reply)
    assert reply.status_code == 200 and "Answering has closed" in page
    assert "Answering closed before this answer arrived, so it was not saved." in page
    assert "Your earlier answers are saved." in page
    assert room.path.read_bytes() == before
    # The first question had no earlier answers to speak of.
    room.room.reopen()
    page = shown(newcomer.answer(1, "v2"))
    assert "so it was not saved." in page and "earlier answers" not in page


def test_opening_again_lets_people_carry_on(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    facilitator = room.projector()
    close(facilitator)
    reply = reopen(facilitator)
    assert reply.headers["location"] == "/projector"
    assert not room.room.closed and room.said[-1] == "Answering is open again."
    assert phone.client.get("/", follow_redirects=False).headers["location"] == "/q/2"
    assert phone.answer(2, "v3").status_code == 303
    assert room.people()[0]["answers"]["sharing-power"] == {"money-1": 1, "money-2": 3}
    page = phone.client.get("/report")
    assert page.status_code == 404 and "when answering closes" in page.text
    close(facilitator)
    assert facilitator.get("/report").status_code == 200


def test_reopening_an_open_room_or_closing_twice_does_no_harm(room: RoomUnderTest) -> None:
    joined(room).answer(1, "v2")
    facilitator = room.projector()
    reopen(facilitator)
    assert not room.room.closed
    close(facilitator)
    close(facilitator)
    assert room.room.closed and room.room.settings.report.exists()


# The report's page


def test_the_report_waits_for_closing(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v2")
    reply = phone.client.get("/report")
    assert reply.status_code == 404 and "No report yet" in reply.text
    assert room.projector().get("/report").status_code == 404


def test_the_report_is_for_the_room_and_the_facilitator_only(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v2")
    close(room.projector())
    stranger = room.phone()
    reply = stranger.client.get("/report", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    assert "<html" not in stranger.client.get("/report", follow_redirects=False).text
    assert phone.client.get("/report").status_code == 200
    assert room.projector().get("/report").status_code == 200
    stranger.scan()  # the room's own QR code lets them see it
    assert stranger.client.get("/report").status_code == 200


def test_a_stranger_at_a_closed_room_is_not_offered_a_report_they_cannot_open(
    room: RoomUnderTest,
) -> None:
    joined(room).answer(1, "v2")
    close(room.projector())
    stranger = room.phone()
    page = stranger.client.get("/")
    assert "Answering has closed" in page.text and "Thank you." in page.text
    assert "Your answers are saved" not in page.text  # they have none
    for link in page.text.split('href="')[1:]:
        target = link.split('"', 1)[0]
        if not target.startswith("/static/"):
            reply = stranger.client.get(target, follow_redirects=False)
            assert reply.status_code == 200, target


def test_someone_who_scanned_but_never_started_is_not_told_their_answers_are_saved(
    room: RoomUnderTest,
) -> None:
    joined(room).answer(1, "v2")
    newcomer = room.phone()
    newcomer.scan()
    close(room.projector())
    page = shown(newcomer.client.get("/"))
    assert "Answering has closed" in page and "Thank you." in page
    assert "Your answers are saved" not in page and 'href="/report"' in page


def test_a_restart_after_closing_still_serves_the_report(tmp_path: Path) -> None:
    room = make_room(tmp_path)
    phone = joined(room)
    phone.answer(1, "v2")
    close(room.projector())
    room.room.settings.report.unlink()
    again = make_room(tmp_path)
    assert again.room.closed
    phone.move_to(again.app())
    reply = phone.client.get("/report")
    assert reply.status_code == 200 and again.room.settings.report.exists()


@pytest.mark.parametrize("route", ["/projector/close", "/projector/reopen"])
def test_closing_and_opening_need_the_facilitator(room: RoomUnderTest, route: str) -> None:
    phone = joined(room)
    phone.answer(1, "v2")
    if route.endswith("reopen"):
        room.room.close()
    before = (room.files(), room.room.closed)
    token = csrf_of(phone.client.get("/pause").text)
    reply = phone.client.post(route, data={"csrf": token})
    assert reply.status_code == 403 and "This page is for the facilitator" in reply.text
    assert (room.files(), room.room.closed) == before


def test_a_second_report_that_would_give_one_late_person_away_is_held_back(
    room: RoomUnderTest,
) -> None:
    for role in ["family-carer"] * 3 + ["staff"] * 3:
        phone = joined(room, role)
        for number in range(1, 5):
            phone.answer(number, "v3" if role == "staff" else "v1")
    close(room.projector())
    first = room.room.report()
    assert first is not None
    reopen(room.projector())
    late = joined(room, "staff")
    for number in range(1, 5):
        late.answer(number, "v0")
    close(room.projector())
    assert room.room.report() == first, "the room would subtract one report from the other"
    assert "Only 1 person has answered or changed answers since the last report" in room.said[-1]
    reopen(room.projector())
    for _ in range(2):
        phone = joined(room, "manager")
        for number in range(1, 5):
            phone.answer(number, "v2")
    close(room.projector())
    assert room.room.report() != first, "three people since: the report is updated"
    assert room.said[-1].startswith("Answering closed. The answers are in")
    restarted = make_room(room.path.parent)
    assert restarted.room.report() == room.room.report(), "a restart shows the same report"


def test_someone_who_joined_and_answered_nothing_does_not_count_as_a_change(
    room: RoomUnderTest,
) -> None:
    for role in ["family-carer"] * 3 + ["staff"] * 3:
        phone = joined(room, role)
        for number in range(1, 5):
            phone.answer(number, "v3" if role == "staff" else "v1")
    close(room.projector())
    first = room.room.report()
    reopen(room.projector())
    for _ in range(2):
        late = joined(room, "staff")
        for number in range(1, 5):
            late.answer(number, "v0")
    joined(room, "manager")  # scans the code, picks a role, answers nothing
    close(room.projector())
    assert room.room.report() == first, "two real changes and an empty one would be subtracted"
    assert "Only 2 people have answered or changed answers" in room.said[-1]


def test_one_device_adding_people_is_told_and_cannot_fill_the_room(tmp_path: Path) -> None:
    from coprod_assess.room.state import PER_DEVICE

    room = make_room(tmp_path)
    tablet = room.phone(address="192.0.2.99")
    tablet.join("staff")
    tablet.post("/leave", {}, page="/done")
    tablet.join("manager")
    assert room.said[-1].startswith("2 people have joined from one device (192.0.2.99)")
    for _ in range(PER_DEVICE - 2):
        room.room.join("staff", None, "192.0.2.99")
    tablet.post("/leave", {}, page="/done")
    tablet.scan()
    reply = tablet.post("/start", {"role": "staff"}, page="/")
    assert getattr(reply, "status_code", None) == 503
    assert len(room.people()) == PER_DEVICE
    other = room.phone()
    other.join("staff")
    assert len(room.people()) == PER_DEVICE + 1
