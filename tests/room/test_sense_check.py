"""The sense-check round in the room: opened from the projector once answering has closed,
the findings drawn once into the answers file, each phone checking them one per screen
(resumable, its own responses only), and the report made again when the round ends,
held back like any other."""

from __future__ import annotations

import html
import threading
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import yaml
from starlette.testclient import TestClient

from coprod_assess.room.keys import room_keys
from coprod_assess.scoring.from_file import scored_from_file
from coprod_assess.sensecheck.draw import draw_findings
from tests.conftest import DATA
from tests.room.conftest import Phone, RoomUnderTest, csrf_of, make_room, moved, shown

# Three people with lived experience rate the service low, three professionals high: the
# findings then include gaps, a warning sign and priorities.
ROLES = ["staff", "staff", "manager", "person-using-services", "family-carer"]
ROLES += ["person-using-services"]
LIVED = {"person-using-services", "family-carer"}


def answered(room: RoomUnderTest, roles: list[str] = ROLES) -> list[Phone]:
    """Phones that answered every question."""
    phones = []
    for role in roles:
        phone = room.phone()
        phone.join(role)
        for number in range(1, 5):
            phone.answer(number, "v3" if role not in LIVED else f"v{number % 2}")
        phones.append(phone)
    return phones


def facilitator_post(facilitator: TestClient, url: str) -> httpx.Response:
    """Press a button on the projector page (or a form posted from a page shown earlier:
    any of the facilitator's pages gives the browser's token)."""
    pages = [facilitator.get(page).text for page in ("/projector", "/projector/close")]
    token = csrf_of(next(page for page in pages if 'name="csrf"' in page))
    return facilitator.post(url, data={"csrf": token}, follow_redirects=False)


def close(facilitator: TestClient) -> httpx.Response:
    token = csrf_of(facilitator.get("/projector/close").text)
    return facilitator.post("/projector/close", data={"csrf": token}, follow_redirects=False)


def start(facilitator: TestClient) -> httpx.Response:
    return facilitator_post(facilitator, "/projector/check")


def end(facilitator: TestClient) -> httpx.Response:
    return facilitator_post(facilitator, "/projector/check/end")


def in_round(tmp_path: Path, **settings: Any) -> tuple[RoomUnderTest, list[Phone], TestClient]:
    """A room where six people answered, answering closed and the sense-check open."""
    room = make_room(tmp_path, **settings)
    phones = answered(room)
    facilitator = room.projector()
    assert close(facilitator).status_code == 303
    assert start(facilitator).headers["location"] == "/projector"
    return room, phones, facilitator


def section(room: RoomUnderTest) -> dict[str, Any]:
    """The answers file's sense-check section, as on disk."""
    found: dict[str, Any] = yaml.safe_load(room.path.read_text("utf-8"))["sense_check"]
    return found


def respond(phone: Phone, number: int, match: str, note: str = "") -> httpx.Response:
    """Press Next on finding `number` having chosen `match`."""
    return phone.post(f"/check/{number}", {"match": match, "note": note})


def begin(phone: Phone, role: str | None = None) -> httpx.Response:
    """Press 'Check the findings' on the round's first page."""
    return phone.post("/check/start", {"role": role} if role else {}, page="/check")


# Opening the round


def test_the_round_opens_only_after_answering_closes_and_draws_the_findings_once(
    room: RoomUnderTest,
) -> None:
    answered(room)
    facilitator = room.projector()
    assert "Start the sense-check" not in facilitator.get("/projector").text
    early = start(facilitator)
    assert early.status_code == 409
    assert "Answering is still open: close answering first." in shown(early)
    assert "sense_check" not in yaml.safe_load(room.path.read_text("utf-8"))

    close(facilitator)
    page = shown(facilitator.get("/projector"))
    assert "Start the sense-check" in page and "Open answering again" in page
    assert start(facilitator).headers["location"] == "/projector"

    findings, drawn_from = draw_findings(room.path, [DATA / "rubrics"], min_group=3)
    saved = section(room)
    assert saved["findings"] == {finding.id: finding.text for finding in findings}
    assert saved["drawn_from"] == drawn_from == 6 and saved["people"] == {}
    assert len(findings) >= 3
    assert room.said[-1] == (
        f"The sense-check is open: {len(findings)} findings to check, drawn from 6 people's "
        "answers. Phones that answered show Check the findings; anyone else can scan the "
        "code. Type end to end it."
    )
    page = shown(facilitator.get("/projector"))
    assert "Do the findings match your experience?" in page
    assert "refresh its page and tap <strong>Check the findings</strong>" in page
    assert 'aria-label="QR code: scan it to join"' in page, "new phones can join the round"
    assert "End the sense-check" in page and "Open answering again" not in page
    assert room_keys(room.path).checking, "a restart finds the round open"

    start(facilitator)
    assert room.said[-1] == "The sense-check is already open. Type end to end it."
    end(facilitator)
    before = room.path.read_bytes()
    start(facilitator)
    assert room.path.read_bytes() == before, "the findings are drawn once"
    assert room.said[-1] == (
        f"The sense-check is open again, with the same {len(findings)} findings. "
        "Type end to end it."
    )


def test_no_round_without_answers_or_without_a_finding_that_can_be_shown(
    tmp_path: Path,
) -> None:
    room = make_room(tmp_path / "empty")
    facilitator = room.projector()
    close(facilitator)
    assert "Start the sense-check" not in facilitator.get("/projector").text
    refused = start(facilitator)
    assert refused.status_code == 409
    assert "Nobody has answered anything, so there are no findings to check." in shown(refused)

    # One person with lived experience: the privacy step lets no finding through.
    few = make_room(tmp_path / "few")
    answered(few, ["family-carer"])
    facilitator = few.projector()
    close(facilitator)
    refused = start(facilitator)
    assert refused.status_code == 409
    assert "too few answers to draw findings from" in shown(refused)
    assert few.said[-1] == (
        "There are too few answers to draw findings from (with --min-group 3), so there is "
        "nothing to check."
    )
    assert "sense_check" not in yaml.safe_load(few.path.read_text("utf-8"))
    assert not few.keys.checking


# A phone that answered


def test_a_phone_that_answered_checks_every_finding_back_and_forth(tmp_path: Path) -> None:
    room, phones, _ = in_round(tmp_path)
    total = len(section(room)["findings"])
    carer = phones[4]
    home = carer.client.get("/")
    assert "Answering has closed" in shown(home)
    assert "Now, do the main findings match your experience?" in shown(home)
    assert 'href="/check"' in home.text and "Check the findings" in home.text

    first = shown(carer.client.get("/check"))
    assert "Do the findings match your experience?" in first
    assert f"{total} findings, one on each screen" in first
    assert "Which of these describes you best?" not in first, "their role is known"
    assert begin(carer).headers["location"] == "/check/1"

    page = shown(carer.client.get("/check/1"))
    finding_ids = list(section(room)["findings"])
    texts = list(section(room)["findings"].values())
    assert f"Finding 1 of {total}" in page and texts[0] in page
    assert "<legend><h2>Does this match your experience?</h2></legend>" in page
    for label in ("Yes", "Partly", "No", "Not sure"):
        assert f'<span class="label">{label}</span>' in page
    assert "Add a comment (optional)" in page and 'href="/check/pause"' in page
    assert 'class="button secondary" href="/check/' not in page, "no Back on the first"

    nothing = respond(carer, 1, "")
    assert nothing.status_code == 400
    assert "Choose Yes, Partly, No or Not sure." in shown(nothing)

    assert respond(carer, 1, "yes").headers["location"] == "/check/2"
    assert respond(carer, 2, "partly", "Only for some of us").headers["location"] == "/check/3"
    back = shown(carer.client.get("/check/2"))
    assert 'value="partly" checked' in back and "Only for some of us" in back
    assert 'href="/check/1"' in back  # Back
    assert respond(carer, 2, "no").headers["location"] == "/check/3"

    # The same phone, its browser closed and opened again: it carries on where it stopped.
    again = moved(carer.client, room.app(), carer.address)
    assert again.get("/", follow_redirects=False).headers["location"] == "/check/3"
    carer.client = again
    for number in range(3, total + 1):
        respond(carer, number, "not-sure")
    assert carer.client.get("/", follow_redirects=False).headers["location"] == "/check/done"
    done = shown(carer.client.get("/check/done"))
    assert "You have checked every finding" in done and "Next person" in done

    person = section(room)["people"]["c1"]
    assert person == {
        "role": "family-carer",
        "respondent": "r5",
        "responses": {
            finding_ids[0]: "yes",
            finding_ids[1]: "no",
            **dict.fromkeys(finding_ids[2:], "not-sure"),
        },
    }
    # Starting again from a stale page adds nobody: one person per phone.
    begin(carer)
    assert list(section(room)["people"]) == ["c1"]


def test_stop_for_now_and_carry_on(tmp_path: Path) -> None:
    _, phones, _ = in_round(tmp_path)
    phone = phones[0]
    begin(phone)
    respond(phone, 1, "yes")
    pause = shown(phone.client.get("/check/pause"))
    assert "Your responses so far are saved" in pause
    assert 'href="/check/2">Carry on checking' in pause


# A phone new to the room


def test_a_late_phone_joins_for_the_round_without_answering(tmp_path: Path) -> None:
    room, _, facilitator = in_round(tmp_path)
    late = room.phone()
    late.scan()
    assert late.client.get("/", follow_redirects=False).headers["location"] == "/check"
    page = shown(late.client.get("/check"))
    assert "Which of these describes you best?" in page and "Prefer not to say" in page
    assert "Group" not in page and 'id="name"' not in page, "no names in this round"
    refused = begin(late)
    assert refused.status_code == 400
    assert "Choose the answer that describes you best." in shown(refused)
    assert begin(late, "person-using-services").headers["location"] == "/check/1"
    respond(late, 1, "no", "Nobody asked us")
    assert late.client.get("/q/1", follow_redirects=False).status_code == 200
    assert "Answering has closed" in shown(late.client.get("/q/1"))
    assert len(room.people()) == 6, "checking the findings is not answering"
    assert section(room)["people"]["c1"] == {
        "role": "person-using-services",
        "responses": {
            next(iter(section(room)["findings"])): {
                "value": "no",
                "note": "Nobody asked us",
            }
        },
    }
    counts = facilitator.get("/projector/counts").json()
    assert counts == {
        "joined": 1,
        "finished": 0,
        "lived": "fewer than 3",
        "professional": "0",
        "closed": True,
        "checking": True,
    }
    page = shown(facilitator.get("/projector"))
    assert "Checking the" in page and "Checked them all" in page


def test_a_phone_that_types_the_code_can_join_the_round(tmp_path: Path) -> None:
    room, _, _ = in_round(tmp_path)
    late = room.phone()
    assert "Room code" in shown(late.client.get("/"))
    typed = late.post("/code", {"code": room.keys.code}, page="/")
    assert typed.headers["location"] == "/"
    assert late.client.get("/", follow_redirects=False).headers["location"] == "/check"


# Ending the round


def test_ending_the_round_makes_the_report_again_held_back_below_min_group(
    tmp_path: Path,
) -> None:
    room, phones, facilitator = in_round(tmp_path)
    report = room.room.settings.report
    shown_first = report.read_bytes()
    first_made = report.stat().st_ino
    for phone in phones[:2]:
        begin(phone)
        respond(phone, 1, "yes")
    assert end(facilitator).headers["location"] == "/projector"
    assert room.said[-1] == (
        "The sense-check ended: 2 people checked the findings. Only 2 people have answered, "
        "changed answers or checked the findings since the last report, fewer than 3: the "
        "report was not updated, so it cannot give them away. The answers and responses are "
        f"in {room.path}; the report is in {report}."
    )
    assert report.read_bytes() == shown_first and report.stat().st_ino == first_made
    page = shown(facilitator.get("/projector"))
    assert "The sense-check has ended: 2 people checked the findings." in page
    assert "Show the report" in page and "Open the sense-check again" in page

    start(facilitator)
    begin(phones[3])
    respond(phones[3], 1, "no")
    end(facilitator)
    assert room.said[-1] == (
        "The sense-check ended: 3 people checked the findings. The answers and responses "
        f"are in {room.path}; the report is in {report}."
    )
    assert report.stat().st_ino != first_made, "the report was made again"
    first_finding = next(iter(section(room)["findings"].values()))
    assert first_finding in html.unescape(report.read_text("utf-8")), "with the sense-check"
    check = scored_from_file(room.path, [DATA / "rubrics"], min_group=3).shared.sense_check
    assert check is not None and check.people == 3
    assert room.room.report() == report.read_text("utf-8")


def test_phones_are_told_the_round_has_ended_and_a_late_response_is_not_saved(
    tmp_path: Path,
) -> None:
    room, phones, facilitator = in_round(tmp_path)
    phone = phones[0]
    begin(phone)
    respond(phone, 1, "yes")
    token = csrf_of(phone.client.get("/check/2").text)
    end(facilitator)
    before = room.path.read_bytes()
    late = phone.client.post(
        "/check/2", data={"csrf": token, "match": "no"}, follow_redirects=False
    )
    text = shown(late)
    assert "The sense-check has ended" in text
    assert "ended before this response arrived, so it was not saved" in text
    assert "Your earlier responses are saved." in text
    assert room.path.read_bytes() == before
    home = shown(phone.client.get("/"))
    assert "The sense-check has ended" in home
    assert "Thank you for checking the findings. Your responses are saved." in home
    # A phone that answered but did not check is thanked for its answers, as before.
    assert "Thank you for taking part. Your answers are saved." in shown(phones[1].client.get("/"))


def test_answering_does_not_open_again_while_the_round_is_open(tmp_path: Path) -> None:
    from coprod_assess.room.serve import obey

    room, phones, facilitator = in_round(tmp_path)
    refused = facilitator_post(facilitator, "/projector/reopen")
    assert refused.status_code == 409
    assert "End the sense-check first" in shown(refused)
    obey(room.room, "open")
    assert room.said[-1] == (
        "The sense-check is open. Type end to end it first, then open to open answering again."
    )
    assert room.room.closed
    end(facilitator)
    assert facilitator_post(facilitator, "/projector/reopen").headers["location"] == "/projector"
    assert not room.room.closed
    assert phones[0].client.get("/", follow_redirects=False).headers["location"] == "/done"


# The file


def test_the_saved_file_validates_and_coprod_report_shows_it(tmp_path: Path, cli: Any) -> None:
    room, phones, facilitator = in_round(tmp_path)
    for number, phone in enumerate(phones):
        begin(phone)
        respond(phone, 1, ["yes", "partly", "no"][number % 3], f"comment {number}")
    end(facilitator)
    from coprod_assess.answers.models import AnswersFile
    from coprod_assess.loading.document import load_document
    from coprod_assess.loading.validate import validate

    validate(AnswersFile, load_document(room.path))
    result = cli("report", str(room.path), "--rubric", str(DATA / "rubrics"), "-o", "out.html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.html").read_text("utf-8").startswith("<!doctype")


def test_a_restart_finds_the_round_open_and_the_phones_carry_on(tmp_path: Path) -> None:
    room, _, _ = in_round(tmp_path)
    late = room.phone()
    late.scan()
    begin(late, "family-carer")
    respond(late, 1, "partly")
    again = make_room(tmp_path)
    assert again.room.sense_check.open
    late.move_to(again.app())
    assert late.client.get("/", follow_redirects=False).headers["location"] == "/check/2"
    other = again.phone()
    other.scan()
    begin(other, "staff")
    assert list(section(again)["people"]) == ["c1", "c2"]


# What a phone cannot do


def test_a_response_to_a_finding_out_of_range_is_refused(tmp_path: Path) -> None:
    room, phones, _ = in_round(tmp_path)
    phone = phones[0]
    begin(phone)
    token = csrf_of(phone.client.get("/check/1").text)
    total = len(section(room)["findings"])
    for number in (0, 3, total + 1, 99):
        refused = phone.client.post(
            f"/check/{number}", data={"csrf": token, "match": "yes"}, follow_redirects=False
        )
        assert refused.headers["location"] == "/check/1", number
    assert phone.client.get("/check/99", follow_redirects=False).headers["location"] == "/check/1"
    assert phone.client.post("/check/-1", data={"csrf": token}).status_code == 404
    assert section(room)["people"]["c1"]["responses"] == {}


def test_a_comment_is_kept_as_typed_shown_escaped_and_capped(tmp_path: Path) -> None:
    room, phones, _ = in_round(tmp_path)
    phone = phones[0]
    begin(phone)
    hostile = '<script>alert("x")</script> & <b>bold</b>\x07'
    respond(phone, 1, "no", hostile)
    page = phone.client.get("/check/1").text
    assert "<script>alert" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    saved = next(iter(section(room)["people"]["c1"]["responses"].values()))
    assert saved == {"value": "no", "note": '<script>alert("x")</script> & <b>bold</b>'}
    too_long = respond(phone, 2, "yes", "x" * 1001)
    assert too_long.status_code == 400
    assert "A comment can be at most 1,000 characters: this one has 1,001." in shown(too_long)
    assert len(section(room)["people"]["c1"]["responses"]) == 1


def test_one_phone_cannot_reach_anothers_responses(tmp_path: Path) -> None:
    room, _, _ = in_round(tmp_path)
    first = room.phone()
    first.scan()
    begin(first, "family-carer")
    respond(first, 1, "no", "mine alone")
    second = room.phone()
    second.scan()
    # The first phone's cookie value with the wrong signature, and its answering cookie's
    # signature passed off as the round's: neither lets the second phone in as c1.
    stolen = first.cookie("checker")
    assert stolen is not None and stolen.startswith("c1.")
    for forged in ("c1.AAAAAAAAAAAAAAAAAAAAAA", room.keys.sign("person", "c1")):
        second.set_cookie("checker", forged)
        assert second.client.get("/check/1", follow_redirects=False).headers["location"] == "/"
        assert "mine alone" not in second.client.get("/check", follow_redirects=True).text
        token = csrf_of(second.client.get("/check").text)
        second.client.post("/check/1", data={"csrf": token, "match": "yes"})
    assert section(room)["people"]["c1"]["responses"] == {
        next(iter(section(room)["findings"])): {"value": "no", "note": "mine alone"}
    }
    # A respondent's phone checks as its own respondent only.
    assert "c2" not in section(room)["people"]


def test_the_round_needs_the_rooms_forms_and_cookie(tmp_path: Path) -> None:
    room, phones, _ = in_round(tmp_path)
    stranger = TestClient(room.app(), base_url="http://192.0.2.20:8765")
    assert stranger.get("/check", follow_redirects=False).headers["location"] == "/"
    assert stranger.get("/check/state").status_code == 403
    forged = phones[0].client.post("/check/start", data={"csrf": "nope"}, follow_redirects=False)
    assert forged.status_code == 403
    begin(phones[0])
    forged = phones[0].client.post("/check/1", data={"csrf": "x", "match": "yes"})
    assert forged.status_code == 403
    plain = TestClient(room.app(), base_url="http://192.0.2.20:8765")
    assert plain.post("/projector/check/end", data={}).status_code == 403
    assert room.room.sense_check.open
    assert phones[0].client.get("/check/1").headers["cache-control"] == "no-store"


def test_a_closed_page_watches_for_the_round_to_open(room: RoomUnderTest) -> None:
    phones = answered(room)
    facilitator = room.projector()
    close(facilitator)
    page = phones[0].client.get("/").text
    assert 'src="/static/room.js"' in page and 'id="watch-round"' in page
    assert phones[0].client.get("/check/state").json() == {"open": False}
    start(facilitator)
    assert phones[0].client.get("/check/state").json() == {"open": True}
    assert 'id="watch-round"' not in phones[0].client.get("/").text


def test_answering_again_keeps_the_findings_and_says_so(tmp_path: Path) -> None:
    room, _, facilitator = in_round(tmp_path)
    findings = section(room)["findings"]
    end(facilitator)
    facilitator_post(facilitator, "/projector/reopen")
    answered(room, ["family-carer"])
    close(facilitator)
    start(facilitator)
    assert section(room)["findings"] == findings
    assert room.said[-1] == (
        f"The sense-check is open again, with the same {len(findings)} findings. They were "
        "drawn from 6 people's answers; the file now has 7. Everyone checks the same "
        "findings, so they are kept as they were. Type end to end it."
    )


# Limits


def test_one_device_cannot_fill_the_round(tmp_path: Path) -> None:
    from coprod_assess.room.state import PER_DEVICE

    room, _, _ = in_round(tmp_path)
    tablet = room.phone(address="192.0.2.250")
    tablet.scan()
    for _ in range(PER_DEVICE):
        assert begin(tablet, "not-said").headers["location"] == "/check/1"
        tablet.post("/leave", {}, page="/check/1")
    full = begin(tablet, "not-said")
    assert full.status_code == 503 and "The room is full" in shown(full)
    assert len(section(room)["people"]) == PER_DEVICE
    assert any(
        line.startswith("2 people have joined from one device (192.0.2.250).") for line in room.said
    )


def test_the_round_holds_the_rooms_most_people_and_everyone_who_answered(
    tmp_path: Path,
) -> None:
    room, phones, _ = in_round(tmp_path, max_people=6)
    for _ in range(6):
        late = room.phone()
        late.scan()
        assert begin(late, "staff").headers["location"] == "/check/1"
    late = room.phone()
    late.scan()
    assert begin(late, "staff").status_code == 503
    assert begin(phones[0]).headers["location"] == "/check/1", "someone who answered"


def test_responses_that_arrive_together_share_writes_and_all_reach_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coprod_assess.answers.checking import Said
    from coprod_assess.room import writer as writer_module

    room, _, _ = in_round(tmp_path)
    check = room.room.sense_check
    people = [str(check.join("staff")) for _ in range(20)]
    writes: list[int] = []
    real = writer_module.Writer._write

    def counted(self: writer_module.Writer, jobs: list[Any]) -> None:
        writes.append(len(jobs))
        real(self, jobs)

    monkeypatch.setattr(writer_module.Writer, "_write", counted)
    total = check.total
    ready = threading.Barrier(len(people))

    def respond_all(person: str) -> None:
        ready.wait(timeout=10)
        for index in range(total):
            check.save(person, index, Said("yes", person))

    threads = [threading.Thread(target=respond_all, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    saved = section(room)["people"]
    for person in people:
        assert (
            list(saved[person]["responses"].values()) == [{"value": "yes", "note": person}] * total
        )
    assert sum(writes) == 20 * total
    assert len(writes) < 20 * total, "responses that arrived together were written one by one"


def test_two_people_who_answered_late_and_checked_are_two_changes_not_four(
    tmp_path: Path,
) -> None:
    room = make_room(tmp_path)
    answered(room)
    facilitator = room.projector()
    close(facilitator)
    report = room.room.settings.report
    first = report.read_bytes()
    facilitator_post(facilitator, "/projector/reopen")
    late = answered(room, ["staff", "family-carer"])
    close(facilitator)
    assert report.read_bytes() == first
    start(facilitator)
    for phone in late:
        begin(phone)
        respond(phone, 1, "no")
    end(facilitator)
    assert "Only 2 people have answered, changed answers or checked the findings" in (room.said[-1])
    assert report.read_bytes() == first


def late_checker(room: RoomUnderTest, role: str = "not-said") -> Phone:
    """A phone that scans the code during the round and checks as `role`."""
    phone = room.phone()
    phone.scan()
    assert begin(phone, role).headers["location"] == "/check/1"
    return phone


def test_people_who_only_check_do_not_make_up_the_numbers_for_one_late_answer(
    tmp_path: Path,
) -> None:
    """One late answer is held back; two people then checking one finding each must not
    let it through: the scores would move by that one person's answers."""
    room = make_room(tmp_path)
    answered(room)
    facilitator = room.projector()
    close(facilitator)
    shown_first = room.room.settings.report.read_bytes()
    facilitator_post(facilitator, "/projector/reopen")
    late = room.phone()
    late.join("staff")
    for number in range(1, 5):
        late.answer(number, "v0")
    close(facilitator)
    assert room.room.settings.report.read_bytes() == shown_first
    start(facilitator)
    for role in ("not-said", "other"):
        respond(late_checker(room, role), 1, "yes")
    end(facilitator)
    assert room.room.settings.report.read_bytes() == shown_first, "one person given away"
    assert "Only 1 person has answered, changed answers or checked" in room.said[-1]


def test_each_findings_responses_are_held_back_on_their_own(tmp_path: Path) -> None:
    """Three responses to every finding are shown; then one person responds to every
    finding and two to the first only: the other findings would show that one person."""
    room, phones, facilitator = in_round(tmp_path)
    count = len(section(room)["findings"])
    assert count >= 2, "the test rubric gives more than one finding"
    for phone in phones[3:]:
        begin(phone)
        for number in range(1, count + 1):
            respond(phone, number, "yes")
    end(facilitator)
    shown_first = room.room.settings.report.read_bytes()
    start(facilitator)
    lone = late_checker(room)
    for number in range(1, count + 1):
        respond(lone, number, "no", "Only I say this")
    for _ in range(2):
        respond(late_checker(room), 1, "no")
    end(facilitator)
    assert room.room.settings.report.read_bytes() == shown_first
    assert "Only I say this" not in room.room.settings.report.read_text("utf-8")
