"""The room's secrets over HTTP: the join link, the room code and its rate limit, the
facilitator's address, signed cookies, and the key file that keeps them across restarts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coprod_assess.errors import CoprodError
from coprod_assess.room.guards import Attempts
from coprod_assess.room.keys import RoomKeys, keys_path, room_keys
from coprod_assess.room.state import Room
from tests.room.conftest import BASE, Phone, RoomUnderTest, csrf_of, make_room, moved, shown

PROJECTOR_GETS = ["/projector", "/projector/counts", "/projector/close"]
PROJECTOR_POSTS = ["/projector/close", "/projector/reopen"]


def type_code(phone: Phone, code: str) -> int:
    """Type a room code into the code form; the reply's status."""
    html = phone.client.get("/").text
    response = phone.client.post(
        "/code", data={"csrf": csrf_of(html), "code": code}, follow_redirects=False
    )
    return response.status_code


def let_in(phone: Phone) -> bool:
    """Whether the phone now sees the welcome page (it has joined the room)."""
    return "Which of these describes you best?" in phone.client.get("/").text


def wrong_code(keys: RoomKeys) -> str:
    """A code of the room's alphabet that is not the room's."""
    return "AAA-AAA" if keys.code != "AAA-AAA" else "CCC-CCC"


# The join link


def test_the_join_link_lets_a_phone_in(room: RoomUnderTest) -> None:
    phone = room.phone()
    assert not let_in(phone)
    reply = phone.client.get(f"/join/{room.keys.join_token}", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    assert let_in(phone)


@pytest.mark.parametrize(
    "token",
    ["wrong", "x" * 22, "projector", "%00", "A" * 5000],
)
def test_a_join_link_with_a_wrong_token_lets_nobody_in(room: RoomUnderTest, token: str) -> None:
    phone = room.phone()
    reply = phone.client.get(f"/join/{token}", follow_redirects=False)
    assert reply.status_code == 404
    assert "This is not the room's address" in shown(reply)
    assert phone.cookie("room") is None and not let_in(phone)


def test_the_join_token_of_another_room_or_the_control_token_is_not_the_join_token(
    tmp_path: Path, room: RoomUnderTest
) -> None:
    other = make_room(tmp_path / "other")
    for token in (other.keys.join_token, room.keys.control_token):
        phone = room.phone()
        assert phone.client.get(f"/join/{token}", follow_redirects=False).status_code == 404
        assert not let_in(phone)


def test_a_lowercased_join_token_is_refused(room: RoomUnderTest) -> None:
    token = room.keys.join_token
    changed = token.swapcase()
    assert changed != token
    assert room.phone().client.get(f"/join/{changed}", follow_redirects=False).status_code == 404


# The room code


@pytest.mark.parametrize("shape", ["exact", "lower", "no-dash", "spaces", "padded"])
def test_the_room_code_lets_a_phone_in_however_it_is_typed(room: RoomUnderTest, shape: str) -> None:
    code = room.keys.code
    typed = {
        "exact": code,
        "lower": code.lower(),
        "no-dash": code.replace("-", ""),
        "spaces": " ".join(code.replace("-", "")),
        "padded": f"  {code[:3]} - {code[4:].lower()}  ",
    }[shape]
    phone = room.phone()
    assert type_code(phone, typed) == 303
    assert let_in(phone)


@pytest.mark.parametrize("typed", ["", "AAA", "<script>", "x" * 500, "\u202e\x00"])
def test_a_wrong_room_code_is_refused_with_a_message(room: RoomUnderTest, typed: str) -> None:
    phone = room.phone()
    html = phone.client.get("/").text
    reply = phone.client.post(
        "/code", data={"csrf": csrf_of(html), "code": typed or wrong_code(room.keys)}
    )
    assert reply.status_code == 400
    assert "That is not the room code" in reply.text and 'aria-invalid="true"' in reply.text
    assert "<script>" not in reply.text
    assert not let_in(phone)


def test_the_room_code_plus_extra_letters_is_wrong(room: RoomUnderTest) -> None:
    phone = room.phone()
    assert type_code(phone, room.keys.code + "A") == 400
    assert type_code(phone, room.keys.code[:-1]) == 400
    assert not let_in(phone)


def test_the_eleventh_wrong_try_from_one_address_is_refused_even_with_the_right_code(
    room: RoomUnderTest,
) -> None:
    app = room.app()
    guesser = room.phone(app, address="192.0.2.66")
    for _ in range(10):
        assert type_code(guesser, wrong_code(room.keys)) == 400
    html = guesser.client.get("/").text
    reply = guesser.client.post("/code", data={"csrf": csrf_of(html), "code": room.keys.code})
    assert reply.status_code == 429
    assert "Too many wrong codes" in reply.text and "scan the QR code" in reply.text
    assert not let_in(guesser)
    # Another header does not make another address (the server ignores proxy headers).
    reply = guesser.client.post(
        "/code",
        data={"csrf": csrf_of(html), "code": room.keys.code},
        headers={"x-forwarded-for": "192.0.2.99", "x-real-ip": "192.0.2.99"},
    )
    assert reply.status_code == 429 and not let_in(guesser)
    # Someone else in the room types the right code as usual; the QR code still works.
    neighbour = room.phone(app, address="192.0.2.67")
    assert type_code(neighbour, room.keys.code) == 303 and let_in(neighbour)
    guesser.scan()
    assert let_in(guesser)


def test_a_right_code_does_not_count_against_the_address(room: RoomUnderTest) -> None:
    app = room.app()
    for _ in range(12):
        phone = room.phone(app, address="192.0.2.70")
        assert type_code(phone, room.keys.code) == 303


def test_wrong_codes_from_everyone_together_rest_the_code_form_for_the_guessers() -> None:
    attempts = Attempts(per_address=10, in_all=25)
    for n in range(25):
        assert not attempts.blocked(f"10.0.0.{n}")
        attempts.failed(f"10.0.0.{n}")
    assert attempts.blocked("10.0.0.3"), "an address that guessed wrong rests"
    assert not attempts.blocked("10.0.0.200"), "a phone that never guessed is let through"


def test_wrong_codes_are_forgotten_after_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr("coprod_assess.room.guards.time.monotonic", lambda: now[0])
    attempts = Attempts(per_address=2, in_all=100, window=600)
    attempts.failed("a")
    attempts.failed("a")
    assert attempts.blocked("a") and not attempts.blocked("b")
    now[0] += 601
    assert not attempts.blocked("a")


# The facilitator's address


def test_the_control_link_lets_the_facilitator_in_and_leaves_no_secret_in_the_address(
    room: RoomUnderTest,
) -> None:
    phone = room.phone()
    reply = phone.client.get(f"/control/{room.keys.control_token}", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/projector"
    page = phone.client.get("/projector")
    assert page.status_code == 200 and room.keys.code in page.text
    assert room.keys.control_token not in page.text


@pytest.mark.parametrize("how", ["none", "wrong-link", "join-link", "participant", "forged"])
def test_no_projector_or_control_route_opens_without_the_facilitator_cookie(
    tmp_path: Path, room: RoomUnderTest, how: str
) -> None:
    room.phone().join()  # someone is in the room, so there is something to see
    phone = room.phone()
    if how == "wrong-link":
        assert phone.client.get("/control/not-the-secret").status_code == 403
    elif how == "join-link":
        assert phone.client.get(f"/control/{room.keys.join_token}").status_code == 403
    elif how == "participant":
        phone.join()
    elif how == "forged":
        other = make_room(tmp_path / "other")
        phone.set_cookie("control", other.keys.sign("control", "facilitator"))
        phone.set_cookie("room", room.keys.sign("person", "in"))
    before = room.files()
    token = csrf_of(phone.client.get("/q/1" if how == "participant" else "/").text)
    for url in PROJECTOR_GETS:
        reply = phone.client.get(url, follow_redirects=False)
        assert reply.status_code == 403, url
        assert room.keys.code not in reply.text and "Joined" not in reply.text
    for url in PROJECTOR_POSTS:
        reply = phone.client.post(url, data={"csrf": token}, follow_redirects=False)
        assert reply.status_code == 403, url
    assert room.files() == before and not room.room.closed
    if how == "forged":
        assert not let_in(phone)  # a "room" cookie signed for another purpose is no way in


# Cookies


def test_a_forged_person_cookie_names_nobody(room: RoomUnderTest) -> None:
    victim = room.phone()
    victim.join()
    victim.answer(1, "v3", note="the victim's own note")
    thief = room.phone()
    thief.scan()
    for forged in ["r1", "r1.", "r1.AAAAAAAAAAAAAAAAAAAAAA", room.keys.sign("room", "r1")]:
        thief.set_cookie("person", forged)
        reply = thief.client.get("/q/1", follow_redirects=False)
        assert reply.status_code == 303 and reply.headers["location"] == "/"
        assert "the victim" not in thief.client.get("/").text
        assert "the victim" not in thief.client.get("/q/2").text


def test_only_the_signature_stands_between_a_phone_and_an_id(room: RoomUnderTest) -> None:
    """The control for the forgeries above: a cookie put in by hand is read, and one
    signed with this room's key does name that person (so the key must stay secret)."""
    victim = room.phone()
    victim.join()
    victim.answer(1, "v3", note="the victim's own note")
    holder = room.phone()
    holder.set_cookie("room", room.keys.sign("room", "in"))
    holder.set_cookie("person", room.keys.sign("person", "r1"))
    assert "the victim" in shown(holder.client.get("/q/1"))


def test_cookies_signed_by_another_room_are_worth_nothing_here(
    tmp_path: Path, room: RoomUnderTest
) -> None:
    victim = room.phone()
    victim.join()
    victim.answer(1, "v3", note="the victim's own note")
    other = make_room(tmp_path / "other")
    thief = room.phone()
    thief.set_cookie("room", other.keys.sign("room", "in"))
    thief.set_cookie("person", other.keys.sign("person", "r1"))
    assert not let_in(thief)
    assert thief.client.get("/q/1", follow_redirects=False).headers["location"] == "/"
    assert "the victim" not in thief.client.get("/q/1").text


def test_a_new_room_makes_every_old_cookie_and_link_worthless(tmp_path: Path) -> None:
    first = make_room(tmp_path)
    phone = first.phone()
    phone.join()
    phone.answer(1, "v2", note="said in the first room")
    facilitator = first.projector()
    old = first.keys
    new_keys = room_keys(first.path, new=True)
    assert new_keys.key != old.key
    assert {new_keys.join_token, new_keys.control_token, new_keys.code} & {
        old.join_token,
        old.control_token,
        old.code,
    } == set()
    again = Room(first.room.session, first.room.catalog, new_keys, first.room.settings)
    under_test = RoomUnderTest(again, first.path, first.said)
    app = under_test.app()
    # The same browsers, with the old room's cookies, on the new room's server.
    phone.move_to(app)
    facilitator = moved(facilitator, app)
    assert not let_in(phone)
    assert phone.client.get("/q/1", follow_redirects=False).headers["location"] == "/"
    assert phone.client.get(f"/join/{old.join_token}").status_code == 404
    assert facilitator.get("/projector").status_code == 403
    assert facilitator.get(f"/control/{old.control_token}").status_code == 403
    # Even cookies carried over by name are signed by the old key.
    for kind in ("room", "person", "control"):
        value = phone.client.cookies.get(f"coprod-{old.room_id}-{kind}") or (
            facilitator.cookies.get(f"coprod-{old.room_id}-{kind}")
        )
        if value is not None:
            phone.set_cookie(kind, value, new_keys.room_id)
    assert not let_in(phone)
    assert phone.client.get("/projector").status_code == 403
    # What was answered in the first room is still in the file.
    assert under_test.people()[0]["answers"]["sharing-power"]["money-1"] == {
        "value": 2,
        "note": "said in the first room",
    }


# The key file


def test_a_restart_on_the_same_files_keeps_the_address_the_code_and_the_phones(
    tmp_path: Path,
) -> None:
    first = make_room(tmp_path)
    phone = first.phone()
    phone.join()
    phone.answer(1, "v1")
    facilitator = first.projector()
    old = first.keys
    # The laptop crashes; the workshop runs again on the same answers file.
    again = make_room(tmp_path)
    assert again.keys.key == old.key
    assert (again.keys.join_token, again.keys.code, again.keys.control_token) == (
        old.join_token,
        old.code,
        old.control_token,
    )
    app = again.app()
    phone.move_to(app)
    facilitator = moved(facilitator, app)
    assert phone.client.get("/", follow_redirects=False).headers["location"] == "/q/2"
    assert phone.answer(2, "v0").headers["location"] == "/q/3"
    assert facilitator.get("/projector/counts").json()["joined"] == 1
    fresh = again.phone()
    assert type_code(fresh, old.code) == 303 and let_in(fresh)


def test_a_closed_room_stays_closed_after_a_restart(tmp_path: Path) -> None:
    first = make_room(tmp_path)
    first.room.close()
    assert make_room(tmp_path).room.closed


def test_the_key_file_is_readable_by_its_owner_only(room: RoomUnderTest) -> None:
    path = keys_path(room.path)
    assert path.name == ".answers.yaml.workshop.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    room.room.close()  # written again
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    room_keys(room.path, new=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_key_file_is_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        room_keys(tmp_path / "answers.yaml")
    finally:
        os.umask(old)
    assert stat.S_IMODE(keys_path(tmp_path / "answers.yaml").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"{}",
        b"[]",
        b"null",
        b'{"key": 5}',
        b'{"key": ["00"]}',
        b'{"key": "zz"}',
        b'{"key": "00"}',
        b'{"key": "' + b"00" * 31 + b'"}',
        b'{"key": "' + b"00" * 33 + b'"}',
        b"\xff\xfe\x00",
        b"[" * 3000 + b"]" * 3000,
        b'{"a":' * 1500 + b"1" + b"}" * 1500,
        b'{"key": "' + b"ab" * 32 + b'", "pad": "' + b"x" * (1 << 20) + b'"}',
        b"x" * (5 * 1024 * 1024),
    ],
    ids=lambda content: repr(content[:16]) + f"({len(content)})",
)
def test_a_broken_or_hostile_key_file_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    answers = tmp_path / "answers.yaml"
    keys_path(answers).write_bytes(content)
    with pytest.raises(CoprodError) as caught:
        room_keys(answers)
    text = str(caught.value)
    assert ".answers.yaml.workshop.json" in text and "--new-room" in text
    assert keys_path(answers).read_bytes() == content  # nothing written over
    assert room_keys(answers, new=True).key  # --new-room starts afresh


def test_a_key_file_that_is_not_a_file_is_one_clear_error(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    keys_path(answers).symlink_to("/dev/zero")
    with pytest.raises(CoprodError) as caught:
        room_keys(answers)
    assert ".answers.yaml.workshop.json" in str(caught.value)
    keys_path(answers).unlink()
    keys_path(answers).mkdir()
    with pytest.raises(CoprodError):
        room_keys(answers)


def test_a_fifo_as_key_file_does_not_hang(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    os.mkfifo(keys_path(answers))
    with pytest.raises(CoprodError):
        room_keys(answers)


def test_a_key_file_written_by_coprod_reads_back(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    made = room_keys(answers)
    read = room_keys(answers)
    assert read == made and len(read.key) == 32
    assert RoomKeys(made.key, made.path).code == made.code
    code = made.code
    assert len(code) == 7 and code[3] == "-"
    assert set(code.replace("-", "")) <= set("ACDEFGHJKMNPQRTUVWXY2345679")


def test_signed_values_do_not_cross_purposes(room: RoomUnderTest) -> None:
    keys = room.keys
    signed = keys.sign("person", "r1")
    assert keys.signed_value("person", signed) == "r1"
    for purpose in ("room", "control", "form"):
        assert keys.signed_value(purpose, signed) is None
    assert keys.signed_value("person", signed.replace("r1", "r2", 1)) is None
    assert keys.signed_value("person", signed + "x") is None
    assert keys.signed_value("person", None) is None
    assert keys.signed_value("person", "x" * 300) is None


def test_the_base_of_the_join_address_is_the_rooms(room: RoomUnderTest) -> None:
    page = room.projector().get("/projector").text
    assert BASE in page and room.keys.code in page
