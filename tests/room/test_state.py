"""The room's one writer and the answers file: a hand edit while the room runs is taken in;
a broken one, or a person removed, stops saving with a page that says so and a line on the
facilitator's terminal, and nothing already saved is lost."""

from __future__ import annotations

from pathlib import Path

import httpx2 as httpx
import pytest

from coprod_assess.room.state import Counts
from tests.room.conftest import Phone, RoomUnderTest, csrf_of, make_room, shown


def joined(room: RoomUnderTest, role: str = "staff") -> Phone:
    phone = room.phone()
    phone.join(role)
    return phone


def edit_by_hand(room: RoomUnderTest, old: str, new: str) -> str:
    """Change the answers file the way an editor would (a new file renamed over it)."""
    text = room.path.read_text("utf-8")
    assert old in text, text
    changed = text.replace(old, new, 1)
    temporary = room.path.with_name("edited.tmp")
    temporary.write_text(changed, encoding="utf-8")
    temporary.replace(room.path)
    return changed


def send(phone: Phone, token: str, number: int, answer: str) -> httpx.Response:
    """Press Next on a question page that was shown before the file changed."""
    return phone.client.post(
        f"/q/{number}", data={"csrf": token, "answer": answer}, follow_redirects=False
    )


def not_saved(reply: httpx.Response, room: RoomUnderTest) -> None:
    """The page for a file that cannot be read or written: an answer sent is said not to
    be saved; a page only asked for says something is wrong, not that anything was lost."""
    assert reply.status_code == 500
    text = shown(reply)
    if reply.request.method == "POST":
        assert "Your answer was not saved" in text and "Please tell the facilitator" in text
    else:
        assert "Something is wrong on the facilitator's laptop" in text
        assert "Please tell the facilitator. Answers already given are safe." in text
        assert "not saved" not in text
    assert "Traceback" not in text and str(room.path.parent) not in text


# A hand edit that is valid


def test_a_valid_hand_edit_while_the_room_runs_is_taken_in(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    edit_by_hand(
        room,
        "      money-1: 1\n",
        "      money-1: {value: 3, note: changed by hand}\n"
        "- id: paper-1\n  role: family-carer\n  answers:\n    sharing-power:\n"
        "      money-1: 0\n",
    )
    page = phone.client.get("/q/1").text
    assert 'value="v3" checked' in page and "changed by hand" in page
    assert phone.answer(2, "v2").headers["location"] == "/q/3"
    first, paper = room.people()
    assert first["answers"]["sharing-power"] == {
        "money-1": {"value": 3, "note": "changed by hand"},
        "money-2": 2,
    }
    assert paper == {
        "id": "paper-1",
        "role": "family-carer",
        "answers": {"sharing-power": {"money-1": 0}},
    }
    assert room.room.counts() == Counts(joined=2, finished=0, lived=1, professional=1)
    joined(room, "manager")
    assert [p["id"] for p in room.people()] == ["r1", "paper-1", "r3"]


def test_a_hand_edit_that_adds_comments_is_kept_word_for_word(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    edit_by_hand(room, "respondents:\n", "# typed in from the paper sheets\nrespondents:\n")
    phone.answer(2, "v0")
    text = room.path.read_text("utf-8")
    assert "# typed in from the paper sheets\nrespondents:\n" in text
    assert room.people()[0]["answers"]["sharing-power"] == {"money-1": 1, "money-2": 0}


# A hand edit that is broken


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("      money-1: 1\n", "      money-1: banana\n"),
        ("      money-1: 1\n", "      money-1: [1\n"),
        ("  role: staff\n", "  role: staff\n  role: manager\n"),
    ],
    ids=["not a number", "not YAML", "a key twice"],
)
def test_a_broken_hand_edit_is_not_saved_over_and_the_terminal_is_told(
    room: RoomUnderTest, capsys: pytest.CaptureFixture[str], old: str, new: str
) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    token = csrf_of(phone.client.get("/q/2").text)
    edited = edit_by_hand(room, old, new)
    capsys.readouterr()
    not_saved(send(phone, token, 2, "v2"), room)
    not_saved(phone.client.get("/q/2"), room)
    not_saved(phone.client.get("/", follow_redirects=False), room)
    assert room.path.read_text("utf-8") == edited  # the hand edit is not written over
    assert room.room.problems and str(room.path.name) in room.room.problems[0]
    assert "answers.yaml" in capsys.readouterr().err
    newcomer = room.phone()
    newcomer.scan()
    newcomer_token = csrf_of(newcomer.client.get("/").text)
    reply = newcomer.client.post("/start", data={"csrf": newcomer_token, "role": "staff"})
    not_saved(reply, room)
    assert room.path.read_text("utf-8") == edited
    # The projector still shows its counts, and the facilitator fixes the file.
    assert room.projector().get("/projector").status_code == 200
    edit_by_hand(room, new, old)
    assert phone.answer(2, "v2").headers["location"] == "/q/3"
    assert room.people()[0]["answers"]["sharing-power"] == {"money-1": 1, "money-2": 2}


def test_a_person_removed_by_hand_is_told_and_nobody_else_loses_anything(
    room: RoomUnderTest, capsys: pytest.CaptureFixture[str]
) -> None:
    removed = joined(room, "staff")
    removed.answer(1, "v1")
    other = joined(room, "family-carer")
    other.answer(1, "v3", note="kept")
    token = csrf_of(removed.client.get("/q/2").text)
    text = room.path.read_text("utf-8")
    start, end = text.index("- id: r1"), text.index("- id: r2")
    edit_by_hand(room, text[start:end], "")
    capsys.readouterr()
    not_saved(send(removed, token, 2, "v2"), room)
    assert "respondent-removed" in capsys.readouterr().err
    assert [p["id"] for p in room.people()] == ["r2"]
    assert other.answer(2, "v0").headers["location"] == "/q/3"
    assert room.people() == [
        {
            "id": "r2",
            "role": "family-carer",
            "lang": "en",
            "answers": {"sharing-power": {"money-1": {"value": 3, "note": "kept"}, "money-2": 0}},
        }
    ]
    # The phone of the person removed starts afresh, as a new person.
    assert "Which of these describes you best?" in removed.client.get("/").text


def test_a_person_removed_by_hand_whose_page_is_shown_again_is_told_too(
    room: RoomUnderTest,
) -> None:
    phone = joined(room)
    phone.answer(1, "v1")
    token = csrf_of(phone.client.get("/q/2").text)
    text = room.path.read_text("utf-8")
    edit_by_hand(room, "respondents:\n" + text.split("respondents:\n", 1)[1], "respondents: []\n")
    not_saved(phone.client.get("/q/2"), room)
    reply = phone.client.post("/q/2", data={"csrf": token, "answer": "v2"})
    assert "Which of these describes you best?" in reply.text  # starts afresh
    assert room.people() == []


def test_a_file_that_cannot_be_written_is_not_saved_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    room = make_room(tmp_path)
    phone = joined(room)
    phone.answer(1, "v1")
    before = room.path.read_bytes()
    room.path.chmod(0o444)
    try:
        not_saved(phone.answer(2, "v2"), room)
    finally:
        room.path.chmod(0o644)
    assert room.path.read_bytes() == before
    assert phone.answer(2, "v2").headers["location"] == "/q/3"
    assert room.people()[0]["answers"]["sharing-power"] == {"money-1": 1, "money-2": 2}


def test_an_id_freed_by_a_hand_edit_is_never_given_to_someone_else(room: RoomUnderTest) -> None:
    first = joined(room)
    first.answer(1, "v3", note="the first person's note")
    head = room.path.read_text("utf-8").split("respondents:")[0]
    room.path.write_text(head + "respondents: []\n", encoding="utf-8")  # r1 removed by hand
    second = joined(room)
    second.answer(1, "v1", note="the second person's note")
    page = first.client.get("/q/1")
    assert "the second person's note" not in page.text
    assert "Welcome" in first.client.get("/").text, "the removed person starts afresh"
    again = make_room(room.path.parent)
    assert again.room.session.issued == 2, "a restart remembers the ids given out"


def test_an_answers_file_deleted_while_the_room_runs_is_written_again_whole(
    room: RoomUnderTest,
) -> None:
    first = joined(room)
    first.answer(1, "v2", note="kept in memory")
    room.path.unlink()  # a sync tool, or a slip
    second = joined(room, "family-carer")
    second.answer(1, "v1")
    people = room.people()
    assert [p["id"] for p in people] == ["r1", "r2"]
    assert people[0]["answers"]["sharing-power"]["money-1"] == {
        "value": 2,
        "note": "kept in memory",
    }
    assert people[1]["answers"] == {"sharing-power": {"money-1": 1}}
    assert any("was deleted or moved away" in line for line in room.said)
