"""The participant pages: joining, a role and a name, each question and its rules, notes,
the next person on a shared device, and nobody reaching anyone else's answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.room.conftest import BASE, Phone, RoomUnderTest, csrf_of, make_room, shown

HOSTILE = '</textarea><script>alert("x")</script><b onmouseover=alert(1)>bold</b>'


def joined(room: RoomUnderTest, role: str = "staff") -> Phone:
    phone = room.phone()
    phone.join(role)
    return phone


def answers(room: RoomUnderTest, index: int = 0) -> dict[str, object]:
    """What the file on disk holds for one person, by question id."""
    given: dict[str, object] = room.people()[index]["answers"].get("sharing-power", {})
    return given


# Coming in and choosing a role


def test_a_phone_that_has_not_joined_sees_only_the_code_form(room: RoomUnderTest) -> None:
    phone = room.phone()
    page = phone.client.get("/")
    assert page.status_code == 200 and "Room code" in page.text and 'name="role"' not in page.text
    for url in ("/q/1", "/done", "/pause", "/report"):
        reply = phone.client.get(url, follow_redirects=False)
        assert reply.status_code == 303 and reply.headers["location"] == "/", url


def test_the_organisations_name_is_text_on_every_page(room: RoomUnderTest) -> None:
    hostile = '<img src=x onerror=alert(1)>"</title>'
    room.room.session.set_assessment(("organisation",), hostile)
    phone = joined(room)
    pages = [phone.client.get(url) for url in ("/", "/q/1", "/pause")]
    pages.append(room.projector().get("/projector"))
    for page in pages:
        assert "<img" not in page.text and page.text.count("</title>") == 1
        assert "&lt;img src=x onerror=alert(1)&gt;" in page.text


def test_the_welcome_offers_the_phone_roles_with_prefer_not_to_say_last(
    room: RoomUnderTest,
) -> None:
    phone = room.phone()
    phone.scan()
    page = phone.client.get("/").text
    roles = [part.split('"', 1)[0] for part in page.split('name="role" value="')[1:]]
    assert roles[-1] == "not-said" and "group" not in roles and "staff" in roles
    assert "4 questions" in page and "fewer than 3 people" in page
    assert 'name="name"' not in page  # names are off unless the facilitator turns them on


def welcome_of(tmp_path: Path, *, short: bool) -> str:
    """The welcome of a room asking every built-in rubric, full or short form."""
    from coprod_assess.answers.session import Session
    from coprod_assess.cli.options import chosen_rubrics
    from coprod_assess.room.keys import room_keys
    from coprod_assess.room.state import Room, Settings
    from coprod_assess.rubric.catalog import load_catalog

    catalog = load_catalog([])
    path = tmp_path / ("short.yaml" if short else "full.yaml")
    session = Session(path, {}, chosen_rubrics(catalog, None, short))
    settings = Settings(answers=path, report=tmp_path / "report.html", join_urls=[BASE])
    under_test = RoomUnderTest(Room(session, catalog, room_keys(path), settings), path)
    phone = under_test.phone()
    phone.scan()
    return shown(phone.client.get("/"))


def test_the_welcome_says_how_long_as_rubric_list_reckons_it(tmp_path: Path) -> None:
    """Words on screen at 200 a minute over the rubrics asked (`coprod rubric list`),
    to the minute up to 10 and to the nearest 5 above."""
    from coprod_assess.rubric.catalog import load_catalog
    from coprod_assess.rubric.forms import has_short_form, short_form
    from coprod_assess.rubric.length import Length, rubric_length

    def about(minutes: int) -> int:
        return minutes if minutes <= 10 else 5 * round(minutes / 5)

    rubrics = load_catalog([]).rubrics.values()
    full = sum((rubric_length(r) for r in rubrics), Length())
    short = sum((rubric_length(short_form(r)) for r in rubrics if has_short_form(r)), Length())
    assert full.minutes > 10
    forms = [(welcome_of(tmp_path, short=False), full)]
    if short.questions:  # the short form: only where built-in rubrics mark core questions
        assert short.minutes < full.minutes
        forms.append((welcome_of(tmp_path, short=True), short))
    for page, length in forms:
        minutes = about(length.minutes)
        assert f"{length.questions} questions, one on each screen: about {minutes} minutes." in page


def test_a_short_questionnaire_says_about_one_minute(room: RoomUnderTest) -> None:
    phone = room.phone()
    phone.scan()
    assert "4 questions, one on each screen: about 1 minute." in shown(phone.client.get("/"))


def test_the_welcome_says_who_can_tell_which_answers_are_yours(tmp_path: Path) -> None:
    for names, who in ((False, "Nobody sees"), (True, "Only the facilitator can see")):
        room = make_room(tmp_path / str(names), names=names)
        phone = room.phone()
        phone.scan()
        page = shown(phone.client.get("/"))
        assert f"Your answers are private. {who} which answers are yours," in page
        assert "Notes you add may be shown in the report, without your name." in page
        assert "Nobody in the room sees them" not in page


def test_the_code_hint_is_a_code_the_room_could_have(room: RoomUnderTest) -> None:
    from coprod_assess.room.keys import CODE_ALPHABET

    page = shown(room.phone().client.get("/"))
    assert "like K7M-4QX." in page
    assert all(letter in CODE_ALPHABET for letter in "K7M4QX")


def test_with_no_organisation_the_pages_are_headed_co_production_check(
    room: RoomUnderTest,
) -> None:
    room.room.session.set_assessment(("organisation",), "")
    phone = joined(room)
    pages = [shown(phone.client.get(url)) for url in ("/q/1", "/pause")]
    pages.append(shown(room.projector().get("/projector")))
    for page in pages:
        assert '<header class="top"><p>Co-production check</p></header>' in page
        assert " \N{EN DASH} Co-production check</title>" in page
        assert "this service" not in page.split("</header>")[0]
    room.room.session.set_assessment(("organisation",), "Riverside Forum")
    page = shown(phone.client.get("/q/1"))
    assert "<p>Riverside Forum: co-production check</p>" in page
    assert " \N{EN DASH} Riverside Forum: co-production check</title>" in page


@pytest.mark.parametrize("role", ["", "group", "nobody", "<script>", "staff "])
def test_a_role_that_is_not_offered_is_asked_again(room: RoomUnderTest, role: str) -> None:
    phone = room.phone()
    phone.scan()
    reply = phone.post("/start", {"role": role}, page="/")
    assert reply.status_code == 400
    assert (
        "There is a problem" in reply.text and "Choose the answer that describes you" in reply.text
    )
    assert "<script>" not in reply.text
    assert room.people() == []


def test_starting_twice_adds_nobody_new(room: RoomUnderTest) -> None:
    phone = joined(room)
    reply = phone.post("/start", {"role": "manager"}, page="/q/1")
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    assert [p["role"] for p in room.people()] == ["staff"]


def test_the_person_cookie_lasts_the_workshop_and_scripts_cannot_read_it(
    room: RoomUnderTest,
) -> None:
    phone = room.phone()
    phone.scan()
    token = csrf_of(phone.client.get("/").text)
    reply = phone.client.post(
        "/start", data={"csrf": token, "role": "staff"}, follow_redirects=False
    )
    cookie = reply.headers["set-cookie"].lower()
    assert f"coprod-{room.keys.room_id}-person=".lower() in cookie
    assert "httponly" in cookie and "samesite=lax" in cookie and "max-age=2592000" in cookie


# Names


def test_names_are_asked_only_when_the_facilitator_turns_them_on(tmp_path: Path) -> None:
    off = make_room(tmp_path / "off")
    phone = off.phone()
    phone.join(name="Should Not Be Kept")
    assert "name" not in off.people()[0]
    on = make_room(tmp_path / "on", names=True)
    phone = on.phone()
    phone.scan()
    assert 'name="name"' in phone.client.get("/").text
    phone.join(name="  Ann   Example ")
    assert on.people()[0]["name"] == "Ann   Example"


def test_a_name_may_be_left_out(tmp_path: Path) -> None:
    room = make_room(tmp_path, names=True)
    room.phone().join()
    room.phone().join(name="   ")
    assert [("name" in p) for p in room.people()] == [False, False]


def test_a_name_over_the_limit_is_asked_again_and_nobody_joins(tmp_path: Path) -> None:
    room = make_room(tmp_path, names=True)
    phone = room.phone()
    phone.scan()
    reply = phone.post("/start", {"role": "staff", "name": "N" * 81}, page="/")
    assert reply.status_code == 400 and "at most 80 characters" in reply.text
    assert room.people() == []
    assert phone.post("/start", {"role": "staff", "name": "N" * 80}, page="/").status_code == 303
    assert room.people()[0]["name"] == "N" * 80


def test_a_name_already_in_the_file_is_taken_so_nobody_can_test_who_is_there(
    tmp_path: Path,
) -> None:
    """A refusal would tell anyone in the room whether a name is in the file."""
    room = make_room(tmp_path, names=True)
    room.phone().join(name="Ann Example")
    phone = room.phone()
    phone.scan()
    reply = phone.post("/start", {"role": "staff", "name": " ann   EXAMPLE "}, page="/")
    assert reply.status_code == 303
    assert [p.get("name") for p in room.people()] == ["Ann Example", "ann   EXAMPLE"]


def test_after_a_name_error_the_role_and_the_name_are_kept_and_the_error_points_at_the_name(
    tmp_path: Path,
) -> None:
    room = make_room(tmp_path, names=True)
    phone = room.phone()
    phone.scan()
    reply = phone.post("/start", {"role": "staff", "name": 'N"><script>' * 10}, page="/")
    assert reply.status_code == 400
    page = reply.text
    assert 'href="#name"' in page and 'aria-invalid="true"' in page
    assert 'value="staff" checked' in page and page.count(" checked") == 1
    assert "&#34;&gt;&lt;script&gt;" in page and "<script>" not in page
    reply = phone.post("/start", {"name": "Bo"}, page="/")
    assert 'href="#role-person-using-services"' in reply.text and 'value="Bo"' in reply.text
    assert 'aria-invalid="true"' not in reply.text


def test_a_name_with_controls_and_markup_is_kept_as_plain_text(tmp_path: Path) -> None:
    room = make_room(tmp_path, names=True)
    room.phone().join(name="Ann\u202e\x1b[31m <i>Ex</i>")
    assert room.people()[0]["name"] == "Ann[31m <i>Ex</i>"


def test_when_the_room_is_full_the_next_person_is_told(tmp_path: Path) -> None:
    room = make_room(tmp_path, max_people=2)
    room.phone().join()
    room.phone().join()
    phone = room.phone()
    phone.scan()
    reply = phone.post("/start", {"role": "staff"}, page="/")
    assert reply.status_code == 503 and "The room is full" in reply.text
    assert len(room.people()) == 2


# One question per screen


def test_a_question_page_has_its_parts(room: RoomUnderTest) -> None:
    phone = joined(room)
    page = phone.client.get("/q/1")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    text = shown(page)
    assert "Question 1 of 4" in text and "People who use the service help set the budget." in text
    assert "More about this" in text and "Think of the last budget round." in text
    for label in ("Not yet", "Emerging", "Established", "Embedded", "Don't know"):
        assert label in text
    assert 'value="v0"' in text and 'value="dont-know"' in text and 'value="not-applicable"' in text
    assert "<fieldset" in text and "<legend>" in text
    assert (
        "Anything you want to add. Notes may be shown in the report for everyone to read, "
        "without your name." in text
    )


def test_there_is_no_back_from_the_first_question(room: RoomUnderTest) -> None:
    phone = joined(room)
    assert ">Back<" not in phone.client.get("/q/1").text
    phone.answer(1, "v1")
    assert 'href="/q/1">Back<' in phone.client.get("/q/2").text


@pytest.mark.parametrize(
    "chosen",
    ["v9", "v1.5", "v-1", "v01", "V1", " v1", "v1 ", "1", "", "<script>", "skip", "Don't know"],
)
def test_an_answer_that_is_not_an_option_shows_the_question_again(
    room: RoomUnderTest, chosen: str
) -> None:
    phone = joined(room)
    before = room.files()
    reply = phone.answer(1, chosen, note="kept while I fix it")
    assert reply.status_code == 400
    text = reply.text
    assert "There is a problem" in text and 'href="#answer-1"' in text
    assert "Question 1 of 4" in text and "kept while I fix it" in text
    assert " checked" not in text  # nothing pretends to be chosen
    assert "<script>" not in text
    assert room.files() == before


def test_next_with_nothing_chosen_asks_for_an_answer(room: RoomUnderTest) -> None:
    phone = joined(room)
    before = room.files()
    token = csrf_of(phone.client.get("/q/1").text)
    reply = phone.client.post("/q/1", data={"csrf": token, "note": "only a note"})
    assert reply.status_code == 400 and "Choose an answer" in reply.text
    assert "only a note" in reply.text
    assert room.files() == before


@pytest.mark.parametrize("url", ["/q/2", "/q/3", "/q/4", "/q/5", "/q/0", "/q/999999999999"])
def test_jumping_past_the_first_unanswered_question_goes_back_to_it(
    room: RoomUnderTest, url: str
) -> None:
    phone = joined(room)
    reply = phone.client.get(url, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/q/1"
    token = csrf_of(phone.client.get("/q/1").text)
    before = room.files()
    reply = phone.client.post(url, data={"csrf": token, "answer": "v1"}, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/q/1"
    assert room.files() == before


@pytest.mark.parametrize("url", ["/q/-1", "/q/one", "/q/1.5", "/q/"])
def test_a_question_address_that_is_no_number_is_no_such_page(
    room: RoomUnderTest, url: str
) -> None:
    phone = joined(room)
    reply = phone.client.get(url)
    assert reply.status_code == 404 and "There is no such page" in reply.text


def test_once_everything_is_answered_the_way_on_is_done(room: RoomUnderTest) -> None:
    phone = joined(room)
    assert phone.client.get("/done", follow_redirects=False).headers["location"] == "/q/1"
    for number in range(1, 5):
        phone.answer(number, "v1")
    for url in ("/", "/q/5", "/q/99"):
        assert phone.client.get(url, follow_redirects=False).headers["location"] == "/done"
    assert phone.client.get("/q/4").status_code == 200  # every answer can still be changed
    assert "You have reached the end" in phone.client.get("/done").text


# Notes


def test_a_skip_keeps_its_note(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "not-applicable", note="We have no budget")
    assert answers(room) == {"money-1": {"skip": "not-applicable", "note": "We have no budget"}}
    page = phone.client.get("/q/1").text
    assert 'value="not-applicable" checked' in page and "We have no budget" in page


def test_changing_an_answer_on_back_keeps_or_replaces_the_note_as_the_form_says(
    room: RoomUnderTest,
) -> None:
    phone = joined(room)
    phone.answer(1, "v1", note="first thoughts")
    phone.answer(2, "v2")
    page = phone.client.get("/q/1").text
    assert 'value="v1" checked' in page and "first thoughts" in page
    # The form sends the note it shows: kept as it was, with a new answer.
    reply = phone.answer(1, "v3", note="first thoughts")
    assert reply.headers["location"] == "/q/2"
    assert answers(room)["money-1"] == {"value": 3, "note": "first thoughts"}
    phone.answer(1, "dont-know", note="second thoughts")
    assert answers(room)["money-1"] == {"skip": "dont-know", "note": "second thoughts"}
    phone.answer(1, "v0", note="")
    assert answers(room)["money-1"] == 0
    assert answers(room)["money-2"] == 2  # the question after is untouched


def test_control_characters_and_bidi_overrides_in_notes_are_dropped(
    room: RoomUnderTest,
) -> None:
    phone = joined(room)
    note = "a\x1b[31mb\u202ec\u2066d\x00e\x7ff\r\ng\rh\u2028i\tj  "
    phone.answer(1, "v1", note=note)
    assert answers(room)["money-1"] == {"value": 1, "note": "a[31mbcdef\ng\nh\ni j"}


def test_a_note_of_only_spaces_is_no_note(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v1", note=" \r\n\t ")
    assert answers(room)["money-1"] == 1


def test_a_note_over_a_thousand_characters_is_shown_back_and_not_saved(
    room: RoomUnderTest,
) -> None:
    phone = joined(room)
    before = room.files()
    note = "n" * 1001
    reply = phone.answer(1, "v2", note=note)
    assert reply.status_code == 400
    assert "at most 1,000 characters: this one has 1,001" in reply.text
    assert note in reply.text  # nothing typed is lost: it can be shortened
    assert room.files() == before
    assert phone.answer(1, "v2", note="n" * 1000).status_code == 303
    # Control characters do not count: they are dropped before the length is taken.
    assert phone.answer(2, "v2", note="n" * 1000 + "\x00" * 50).status_code == 303
    assert answers(room)["money-2"] == {"value": 2, "note": "n" * 1000}


def test_html_in_a_note_is_text_on_every_page_that_shows_it(room: RoomUnderTest) -> None:
    phone = joined(room)
    phone.answer(1, "v2", note=HOSTILE)
    assert answers(room)["money-1"] == {"value": 2, "note": HOSTILE}
    pages = [
        phone.client.get("/q/1"),  # the note shown again on Back
        phone.answer(1, "v9", note=HOSTILE),  # shown again beside an error
    ]
    for reply in pages:
        assert "<script>" not in reply.text and "<b onmouseover" not in reply.text
        assert "&lt;/textarea&gt;&lt;script&gt;" in reply.text
        assert reply.text.count("</textarea>") == 1
    for number in range(2, 5):
        phone.answer(number, "v2")
    room.room.close()
    report = phone.client.get("/report")
    assert report.status_code == 200
    assert "<script>" not in report.text and "<b onmouseover" not in report.text


# Next person on a shared device


def test_next_person_ends_the_turn_and_the_next_starts_afresh(room: RoomUnderTest) -> None:
    phone = joined(room, "family-carer")
    phone.answer(1, "v3", note="first person's private note")
    phone.answer(2, "dont-know")
    pause = phone.client.get("/pause")
    assert "Next person" in pause.text and 'href="/q/3"' in pause.text
    assert (
        "To carry on later, open this page again on this phone, or scan the code again."
        in shown(pause)
    )
    reply = phone.post("/leave", {}, page="/pause")
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    assert phone.cookie("person") is None and phone.cookie("room") is not None
    # Back or refresh on the pages the first person saw shows nothing of theirs.
    for url in ("/q/1", "/q/2", "/q/3", "/done", "/pause"):
        again = phone.client.get(url, follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"] == "/", url
        assert "first person" not in phone.client.get(url).text
    welcome = phone.client.get("/")
    assert "Which of these describes you best?" in welcome.text
    assert "first person" not in welcome.text
    phone.join("staff")
    page = phone.client.get("/q/1").text
    assert "first person" not in page and " checked" not in page
    phone.answer(1, "v0")
    people = room.people()
    assert [p["id"] for p in people] == ["r1", "r2"]
    assert people[0]["answers"]["sharing-power"] == {
        "money-1": {"value": 3, "note": "first person's private note"},
        "money-2": {"skip": "dont-know"},
    }
    assert people[1]["answers"]["sharing-power"] == {"money-1": 0}


def test_the_first_persons_form_sent_again_after_next_person_changes_nothing_of_theirs(
    room: RoomUnderTest,
) -> None:
    phone = joined(room)
    token = csrf_of(phone.client.get("/q/1").text)
    phone.answer(1, "v3")
    phone.post("/leave", {}, page="/pause")
    before = room.files()
    reply = phone.client.post("/q/1", data={"csrf": token, "answer": "v0"}, follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    assert room.files() == before


def test_the_done_page_offers_the_next_person_too(room: RoomUnderTest) -> None:
    phone = joined(room)
    for number in range(1, 5):
        phone.answer(number, "v1")
    done = shown(phone.client.get("/done"))
    assert 'action="/leave"' in done
    # Someone on their own phone is told they are finished before anything about the
    # next person, and the next person comes only under its own question.
    assert "<h1>You have reached the end</h1>" in done
    assert "<p>Your answers are saved. You can close this page.</p>" in done
    assert 'Change an answer: <a href="/q/4">go back to the last question</a>' in done
    ask = "<h2>Is someone else using this phone or tablet next?</h2>"
    assert done.index("You can close this page") < done.index(ask) < done.index("Next person")
    assert "questions answered" not in done
    assert phone.post("/leave", {}, page="/done").status_code == 303
    assert "Which of these describes you best?" in phone.client.get("/").text


# Nobody reaches anyone else's answers


def test_one_phone_never_sees_or_changes_anothers_answers(room: RoomUnderTest) -> None:
    alice = joined(room, "family-carer")
    alice.answer(1, "v3", note="ALICE-PRIVATE")
    alice.answer(2, "v3")
    bob = joined(room, "staff")
    assert bob.client.get("/", follow_redirects=False).headers["location"] == "/q/1"
    page = bob.client.get("/q/1").text
    assert "ALICE-PRIVATE" not in page and " checked" not in page
    assert bob.client.get("/q/2", follow_redirects=False).headers["location"] == "/q/1"
    bob.answer(1, "v0", note="bob")
    alice_before = room.people()[0]
    # Bob's cookie names Bob; another id in it, signed or not, names nobody.
    own = bob.cookie("person")
    assert own is not None and own.startswith("r2.")
    for forged in ("r1", "r1." + own.split(".", 1)[1], own.replace("r2", "r1", 1), "r1.r2"):
        bob.set_cookie("person", forged)
        token = csrf_of(bob.client.get("/").text)
        for url in ("/q/1", "/q/2", "/q/3", "/done", "/pause"):
            assert "ALICE-PRIVATE" not in bob.client.get(url).text
        bob.client.post("/q/1", data={"csrf": token, "answer": "v0", "note": "bob was here"})
        bob.client.post("/q/3", data={"csrf": token, "answer": "v0"})
    assert room.people()[0] == alice_before
    assert "ALICE-PRIVATE" in alice.client.get("/q/1").text


def test_swapped_cookies_each_answer_only_as_the_person_they_name(room: RoomUnderTest) -> None:
    alice = joined(room)
    bob = joined(room)
    alice_cookie, bob_cookie = alice.cookie("person"), bob.cookie("person")
    assert alice_cookie and bob_cookie
    alice.set_cookie("person", bob_cookie)
    bob.set_cookie("person", alice_cookie)
    alice.answer(1, "v1", note="from the first phone")
    bob.answer(1, "v2", note="from the second phone")
    first, second = room.people()
    assert first["answers"]["sharing-power"]["money-1"]["note"] == "from the second phone"
    assert second["answers"]["sharing-power"]["money-1"]["note"] == "from the first phone"
