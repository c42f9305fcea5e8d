"""CSRF on every form of the room: a post that did not come from this browser's own page
is refused (403) and changes nothing, on disk or in the browser's cookies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from starlette.testclient import TestClient

from tests.room.conftest import BASE, RoomUnderTest, csrf_of, shown


@dataclass
class Post:
    """A form ready to post: the browser, where to, its fields, and a page holding its token."""

    client: TestClient
    url: str
    data: dict[str, str]
    page: str


def _code(room: RoomUnderTest) -> Post:
    phone = room.phone()
    return Post(phone.client, "/code", {"code": room.keys.code}, "/")


def _start(room: RoomUnderTest) -> Post:
    phone = room.phone()
    phone.scan()
    return Post(phone.client, "/start", {"role": "staff"}, "/")


def _answer(room: RoomUnderTest) -> Post:
    phone = room.phone()
    phone.join()
    return Post(phone.client, "/q/1", {"answer": "v2", "note": "posted"}, "/q/1")


def _leave(room: RoomUnderTest) -> Post:
    phone = room.phone()
    phone.join()
    phone.answer(1, "v1")
    return Post(phone.client, "/leave", {}, "/pause")


def _close(room: RoomUnderTest) -> Post:
    phone = room.phone()
    phone.join()
    phone.answer(1, "v1")
    return Post(room.projector(), "/projector/close", {}, "/projector/close")


def _reopen(room: RoomUnderTest) -> Post:
    room.room.close()
    return Post(room.projector(), "/projector/reopen", {}, "/projector")


ROUTES: dict[str, Callable[[RoomUnderTest], Post]] = {
    "code": _code,
    "start": _start,
    "answer": _answer,
    "leave": _leave,
    "close": _close,
    "reopen": _reopen,
}


def state(room: RoomUnderTest, client: TestClient) -> tuple[object, ...]:
    """What a post could change: the files, the room's state and the browser's cookies
    (but its CSRF key, which any page sets afresh when it has none)."""
    cookies = sorted((k, v) for k, v in client.cookies.items() if not k.endswith("-form"))
    return room.files(), room.room.closed, cookies


@pytest.mark.parametrize("route", ROUTES)
def test_each_form_works_from_its_own_page(room: RoomUnderTest, route: str) -> None:
    post = ROUTES[route](room)
    before = state(room, post.client)
    token = csrf_of(post.client.get(post.page).text)
    reply = post.client.post(post.url, data={"csrf": token, **post.data}, follow_redirects=False)
    assert reply.status_code == 303
    assert state(room, post.client) != before  # so the refusals below are not empty


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    "forgery", ["no token", "empty token", "another browser's token", "no form cookie"]
)
def test_a_form_without_this_browsers_token_is_refused_and_changes_nothing(
    room: RoomUnderTest, route: str, forgery: str
) -> None:
    post = ROUTES[route](room)
    token = csrf_of(post.client.get(post.page).text)
    data = dict(post.data)
    if forgery == "empty token":
        data["csrf"] = ""
    elif forgery == "another browser's token":
        data["csrf"] = csrf_of(room.projector().get(post.page).text)
        assert data["csrf"] != token
    elif forgery == "no form cookie":
        data["csrf"] = token
        post.client.cookies.delete(f"coprod-{room.keys.room_id}-form")
    before = state(room, post.client)
    reply = post.client.post(post.url, data=data, follow_redirects=False)
    assert reply.status_code == 403
    assert "That did not go through" in reply.text and "Nothing was changed" in reply.text
    assert state(room, post.client) == before


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    "origin",
    ["http://evil.example", "http://192.0.2.20:8766", "https://192.0.2.20:8765", "NULL"],
)
def test_a_form_posted_from_another_site_is_refused_even_with_the_token(
    room: RoomUnderTest, route: str, origin: str
) -> None:
    post = ROUTES[route](room)
    token = csrf_of(post.client.get(post.page).text)
    before = state(room, post.client)
    reply = post.client.post(
        post.url,
        data={"csrf": token, **post.data},
        headers={"origin": origin},
        follow_redirects=False,
    )
    assert reply.status_code == 403
    assert state(room, post.client) == before


def test_a_form_from_the_rooms_own_origin_goes_through(room: RoomUnderTest) -> None:
    post = _answer(room)
    token = csrf_of(post.client.get(post.page).text)
    reply = post.client.post(
        post.url,
        data={"csrf": token, **post.data},
        headers={"origin": BASE},
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert room.people()[0]["answers"]["sharing-power"]["money-1"] == {"value": 2, "note": "posted"}


@pytest.mark.parametrize("route", ROUTES)
def test_a_hidden_origin_leaves_it_to_the_token(room: RoomUnderTest, route: str) -> None:
    """A browser that hides where a form came from says Origin: null; a page elsewhere
    saying so still has no token of this browser's (and no SameSite cookie)."""
    post = ROUTES[route](room)
    before = state(room, post.client)
    null = {"origin": "null"}
    reply = post.client.post(post.url, data=post.data, headers=null, follow_redirects=False)
    assert reply.status_code == 403 and state(room, post.client) == before
    token = csrf_of(post.client.get(post.page).text)
    data = {"csrf": token, **post.data}
    reply = post.client.post(post.url, data=data, headers=null, follow_redirects=False)
    assert reply.status_code == 303 and state(room, post.client) != before


def test_a_token_signed_for_another_form_key_or_purpose_is_refused(room: RoomUnderTest) -> None:
    post = _answer(room)
    form_key = post.client.cookies.get(f"coprod-{room.keys.room_id}-form")
    assert form_key is not None
    before = state(room, post.client)
    for token in (
        room.keys.sign("form", "0" * 32),
        room.keys.sign("person", form_key),
        form_key,
        f"{form_key}.",
    ):
        reply = post.client.post(post.url, data={"csrf": token, **post.data})
        assert reply.status_code == 403
    assert state(room, post.client) == before


def test_a_malformed_body_is_refused_like_a_forged_form(room: RoomUnderTest) -> None:
    post = _answer(room)
    before = state(room, post.client)
    for content, kind in [
        (b"\xff\xfe%%%", "application/x-www-form-urlencoded"),
        (b"--x\r\nbroken", "multipart/form-data; boundary=x"),
        (b'{"answer": "v2"}', "application/json"),
    ]:
        reply = post.client.post(post.url, content=content, headers={"content-type": kind})
        assert reply.status_code == 403
    assert state(room, post.client) == before


def test_a_form_with_too_many_fields_is_refused(room: RoomUnderTest) -> None:
    post = _answer(room)
    token = csrf_of(post.client.get(post.page).text)
    before = state(room, post.client)
    data = {"csrf": token, **post.data} | {f"extra{n}": "x" for n in range(30)}
    reply = post.client.post(post.url, data=data)
    assert reply.status_code == 403
    assert state(room, post.client) == before


def test_the_refusal_page_says_what_to_do(room: RoomUnderTest) -> None:
    phone = room.phone()
    reply = phone.client.post("/code", data={"code": room.keys.code})
    assert reply.status_code == 403
    text = shown(reply)
    assert "Go back, reload the page and try again." in text and 'href="/"' in reply.text
