"""What every request passes: body caps, methods, and the security headers on every page."""

from __future__ import annotations

from collections.abc import Iterator

import httpx2 as httpx
import pytest

from coprod_assess.room.guards import BODY_LIMIT, PAGE_POLICY, REPORT_POLICY
from tests.room.conftest import Phone, RoomUnderTest, csrf_of

POST_ROUTES = ["/code", "/start", "/q/1", "/leave", "/projector/close", "/projector/reopen"]


def joined(room: RoomUnderTest) -> Phone:
    phone = room.phone()
    phone.join()
    return phone


# Caps


@pytest.mark.parametrize("url", POST_ROUTES)
def test_a_body_over_16_kib_is_refused_before_it_is_read(room: RoomUnderTest, url: str) -> None:
    phone = joined(room)
    token = csrf_of(phone.client.get("/q/1").text)
    before = room.files()
    note = "x" * BODY_LIMIT
    reply = phone.client.post(url, data={"csrf": token, "answer": "v1", "note": note})
    assert reply.status_code == 413
    assert "more than a form here can hold" in reply.text
    assert room.files() == before


@pytest.mark.parametrize("letter", ["é", "語", "ह"])
def test_a_note_of_a_thousand_letters_in_any_script_is_saved(
    room: RoomUnderTest, letter: str
) -> None:
    """A thousand letters of three bytes each are 9,000 bytes once a browser encodes them:
    within the body cap, and saved like any other note."""
    phone = joined(room)
    note = letter * 1000
    reply = phone.answer(1, "v1", note=note)
    assert reply.status_code == 303 and reply.headers["location"] == "/q/2"
    assert room.people()[0]["answers"]["sharing-power"]["money-1"] == {"value": 1, "note": note}
    too_long = phone.answer(1, "v2", note=note + letter)
    assert too_long.status_code == 400 and "at most 1,000 characters" in too_long.text
    assert room.people()[0]["answers"]["sharing-power"]["money-1"] == {"value": 1, "note": note}


def _chunks(body: bytes) -> Iterator[bytes]:
    yield body


@pytest.mark.parametrize("url", POST_ROUTES)
def test_a_post_that_does_not_say_its_length_is_refused(room: RoomUnderTest, url: str) -> None:
    phone = joined(room)
    token = csrf_of(phone.client.get("/q/1").text)
    before = room.files()
    body = f"csrf={token}&answer=v1".encode()
    reply = phone.client.post(
        url,
        content=_chunks(body),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert reply.status_code == 411
    assert room.files() == before


@pytest.mark.parametrize("length", ["-1", "1e3", "0x10", " 12", "99999999999999999999"])
def test_a_post_with_a_strange_length_is_refused(room: RoomUnderTest, length: str) -> None:
    phone = joined(room)
    before = room.files()
    request = phone.client.build_request("POST", "/q/1", content=b"answer=v1")
    request.headers["content-length"] = length
    reply = phone.client.send(request)
    assert reply.status_code in (411, 413)
    assert room.files() == before


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"])
@pytest.mark.parametrize("url", ["/", "/q/1", "/projector", "/static/room.css"])
def test_methods_other_than_get_post_and_head_are_refused(
    room: RoomUnderTest, method: str, url: str
) -> None:
    phone = joined(room)
    before = room.files()
    reply = phone.client.request(method, url, content=b"answer=v1")
    assert reply.status_code == 405 and reply.headers["allow"] == "GET, HEAD, POST"
    assert room.files() == before


@pytest.mark.parametrize("url", ["/", "/q/1", "/done", "/pause", "/static/room.css"])
def test_head_answers_like_get_without_a_body(room: RoomUnderTest, url: str) -> None:
    phone = joined(room)
    reply = phone.client.head(url, follow_redirects=False)
    assert reply.status_code in (200, 303) and reply.content == b""


def test_head_on_the_projector_pages_changes_nothing(room: RoomUnderTest) -> None:
    joined(room).answer(1, "v1")
    facilitator = room.projector()
    before = room.files()
    for url in ("/projector", "/projector/counts", "/projector/close"):
        reply = facilitator.head(url)
        assert reply.status_code == 200 and reply.content == b""
    assert room.files() == before and not room.room.closed


def test_get_on_a_post_only_route_is_no_such_page(room: RoomUnderTest) -> None:
    phone = joined(room)
    for url in ("/code", "/start", "/leave", "/projector/reopen"):
        reply = phone.client.get(url)
        assert reply.status_code == 405 and "There is no such page" in reply.text


# Security headers


def _strict(reply: httpx.Response, policy: str = PAGE_POLICY, store: bool = False) -> None:
    headers = reply.headers
    assert headers["content-security-policy"] == policy, reply.url
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["referrer-policy"] in ("same-origin", "no-referrer")
    if not store:
        assert headers["cache-control"] == "no-store", reply.url


def test_every_participant_page_has_the_strict_headers(room: RoomUnderTest) -> None:
    phone = room.phone()
    replies = [
        phone.client.get("/"),
        phone.client.get("/join/wrong"),
        phone.client.get("/nowhere"),
        phone.client.get("/q/1", follow_redirects=False),
        phone.client.get(f"/join/{room.keys.join_token}", follow_redirects=False),
        phone.client.get("/"),
        phone.client.post("/start", data={"role": "staff"}),  # refused: no token
        phone.post("/start", {"role": "nobody"}, page="/"),  # the welcome with an error
    ]
    replies.append(phone.post("/start", {"role": "staff"}, page="/"))
    for number in range(1, 5):
        replies.append(phone.client.get(f"/q/{number}"))
        replies.append(phone.post(f"/q/{number}", {"answer": "v9"}))  # an error shown
        replies.append(phone.answer(number, "v1"))
    replies += [
        phone.client.get("/done"),
        phone.client.get("/pause"),
        phone.client.get("/report"),
        phone.post("/leave", {}, page="/pause"),
        phone.client.head("/"),
    ]
    for reply in replies:
        _strict(reply)


def test_every_projector_page_has_the_strict_headers(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    facilitator = room.projector()
    replies = [
        facilitator.get("/control/wrong"),
        facilitator.get(f"/control/{room.keys.control_token}", follow_redirects=False),
        facilitator.get("/projector"),
        facilitator.get("/projector/counts"),
        facilitator.get("/projector/close"),
        room.phone().client.get("/projector/counts"),  # refused, as JSON
    ]
    token = csrf_of(facilitator.get("/projector/close").text)
    replies.append(facilitator.post("/projector/close", data={"csrf": token}))
    replies.append(facilitator.get("/projector"))
    token = csrf_of(facilitator.get("/projector").text)
    replies.append(facilitator.post("/projector/reopen", data={"csrf": token}))
    for reply in replies:
        if reply.url.path == "/report":
            continue  # the report's own policy: below
        _strict(reply)


def test_the_refusals_of_the_guards_have_the_strict_headers_too(room: RoomUnderTest) -> None:
    phone = joined(room)
    replies = [
        phone.client.put("/q/1"),
        phone.client.post("/q/1", content=_chunks(b"answer=v1")),
        phone.client.post("/q/1", data={"note": "x" * BODY_LIMIT}),
    ]
    for reply in replies:
        assert reply.status_code in (405, 411, 413)
        _strict(reply)


def test_the_report_has_its_own_policy_with_no_script(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v2")
    room.room.close()
    reply = phone.client.get("/report")
    assert reply.status_code == 200 and "<html" in reply.text
    _strict(reply, REPORT_POLICY)
    policy = reply.headers["content-security-policy"]
    assert "script-src" not in policy and "default-src 'none'" in policy
    assert "<script" not in reply.text.lower()


def test_a_page_shown_at_the_reports_address_keeps_its_style_sheet(room: RoomUnderTest) -> None:
    """Before answering closes /report is a message page styled by /static/room.css: the
    report's policy (no style sheets from the room) would leave it unstyled."""
    phone = joined(room)
    reply = phone.client.get("/report")
    assert reply.status_code == 404 and 'href="/static/room.css"' in reply.text
    _strict(reply, PAGE_POLICY)


def test_static_files_are_cached_but_still_guarded(room: RoomUnderTest) -> None:
    phone = room.phone()
    for name, kind in (("room.css", "text/css"), ("room.js", "text/javascript")):
        reply = phone.client.get(f"/static/{name}")
        assert reply.status_code == 200 and reply.headers["content-type"].startswith(kind)
        _strict(reply, store=True)
        assert reply.headers["cache-control"] == "max-age=3600"
    for name in ("../pages.py", "room.css.bak", "_page.html.j2", "%2e%2e%2fkeys.py"):
        assert phone.client.get(f"/static/{name}").status_code == 404


def test_no_page_loads_anything_from_elsewhere(room: RoomUnderTest) -> None:
    phone = joined(room)
    pages = [phone.client.get(url).text for url in ("/q/1", "/pause")]
    pages.append(room.projector().get("/projector").text)
    for page in pages:
        for attribute in ('src="', 'href="', 'action="'):
            for found in page.split(attribute)[1:]:
                target = found.split('"', 1)[0]
                assert target.startswith(("/", "#")), target
