"""The real server on 127.0.0.1: many phones at once, a kill mid-answer, a port in use.

Traffic goes to 127.0.0.1 only; every participant sends a bounded number of
requests with timeouts, and each server process is stopped by the test.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx2 as httpx
import pytest
import yaml

from tests.conftest import DATA
from tests.room.live import LiveRoom, form_token

ARGS = ["--rubric", str(DATA / "rubrics"), "--only", "sharing-power"]
ARGS += ["--organisation", "Riverside Forum", "--period", "2026"]
ROLES = ["person-using-services", "family-carer", "staff", "manager", "not-said"]
TIMEOUT = httpx.Timeout(10.0)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveRoom]:
    server = LiveRoom(tmp_path / "answers.yaml", ARGS)
    yield server
    server.kill()


class Participant:
    """One phone: its own cookies, answering question after question."""

    def __init__(self, live: LiveRoom, number: int) -> None:
        self.live = live
        self.number = number
        self.client = httpx.Client(base_url=live.base, timeout=TIMEOUT, follow_redirects=True)
        self.acknowledged: dict[int, str] = {}

    def join(self) -> None:
        welcome = self.client.get(self.live.join_url)
        assert "Which of these describes you best?" in welcome.text
        role = ROLES[self.number % len(ROLES)]
        started = self.client.post("/start", data={"csrf": form_token(welcome.text), "role": role})
        assert started.url.path == "/q/1", started.text[:300]

    def value(self, question: int) -> str:
        return f"v{(self.number + question) % 4}"

    def answer(self, question: int) -> None:
        """Answer one question; remember it only once the server said it was saved."""
        page = self.client.get(f"/q/{question}")
        data = {"csrf": form_token(page.text), "answer": self.value(question)}
        if question == 1:
            data["note"] = f"participant {self.number}"
        reply = self.client.post(f"/q/{question}", data=data, follow_redirects=False)
        assert reply.status_code == 303, reply.text[:300]
        self.acknowledged[question] = self.value(question)

    def close(self) -> None:
        self.client.close()


def by_note(path: Path) -> dict[str, dict]:
    people = yaml.safe_load(path.read_text(encoding="utf-8"))["respondents"]
    found = {}
    for person in people:
        first = person["answers"].get("sharing-power", {}).get("money-1")
        assert isinstance(first, dict), person
        found[first["note"]] = person["answers"]["sharing-power"]
    return found


def expected(participant: Participant) -> dict[str, object]:
    ids = ["money-1", "money-2", "decisions-1", "decisions-2"]
    answers: dict[str, object] = {}
    for question, value in participant.acknowledged.items():
        number = int(value[1:])
        key = ids[question - 1]
        answers[key] = (
            {"value": number, "note": f"participant {participant.number}"}
            if question == 1
            else number
        )
    return answers


def test_thirty_phones_at_once_and_the_file_holds_exactly_their_answers(live: LiveRoom) -> None:
    live.start()
    people = [Participant(live, number) for number in range(30)]
    failures: list[BaseException] = []

    def run(participant: Participant) -> None:
        try:
            participant.join()
            for question in range(1, 5):
                participant.answer(question)
        except BaseException as err:  # reported below, with the rest
            failures.append(err)

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for participant in people:
        participant.close()
    output = live.stop()
    assert failures == [], failures[:3]
    saved = by_note(live.path)
    assert len(saved) == 30
    for participant in people:
        assert saved[f"participant {participant.number}"] == expected(participant)
    assert "Stopped. 120 answers saved" in output


def test_killed_mid_answer_every_acknowledged_answer_is_there_and_everyone_finishes(
    live: LiveRoom,
) -> None:
    live.start()
    people = [Participant(live, number) for number in range(10)]
    for participant in people:
        participant.join()
    stop = threading.Event()

    def run(participant: Participant) -> None:
        for question in range(1, 5):
            if stop.is_set():
                return
            try:
                participant.answer(question)
            except (httpx.HTTPError, AssertionError):
                return  # the laptop died under this answer: it was never acknowledged

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    while sum(len(p.acknowledged) for p in people) < 12:
        threading.Event().wait(0.005)
    live.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    saved = by_note(live.path)
    for participant in people:
        if participant.acknowledged:
            got = saved[f"participant {participant.number}"]
            for key, value in expected(participant).items():
                assert got[key] == value, "an acknowledged answer was lost"
    live.start()  # same file, same port, same room: the phones carry on
    for participant in people:
        resumed = participant.client.get("/")
        assert resumed.url.path in {f"/q/{q}" for q in range(1, 5)} | {"/done"}
        for question in range(len(participant.acknowledged) + 1, 5):
            participant.answer(question)
        participant.close()
    live.stop(signal.SIGTERM)
    final = by_note(live.path)
    assert len(final) == 10
    for participant in people:
        assert final[f"participant {participant.number}"] == expected(participant)


def test_a_port_in_use_is_one_clear_message(live: LiveRoom, tmp_path: Path) -> None:
    live.start()
    command = [sys.executable, "-m", "coprod_assess", "workshop", str(tmp_path / "other.yaml")]
    command += ["--local", "--port", str(live.port), *ARGS]
    other = subprocess.run(
        command, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL, check=False
    )
    assert other.returncode == 1
    assert other.stderr.strip() == (
        f"--port: error[port] port {live.port} is in use (another workshop, or another "
        f"program); choose another with --port, e.g. --port {live.port + 1}"
    )
    assert not (tmp_path / "other.yaml").exists()


class Checker:
    """A phone that answered, now checking the findings one after another."""

    def __init__(self, participant: Participant) -> None:
        self.client = participant.client
        self.acknowledged: dict[int, str] = {}

    def begin(self) -> int:
        """Press 'Check the findings'; how many findings there are."""
        page = self.client.get("/check")
        first = self.client.post("/check/start", data={"csrf": form_token(page.text)})
        assert first.url.path == "/check/1", first.text[:300]
        found = re.search(r"Finding 1 of (\d+)", first.text)
        assert found, first.text[:300]
        return int(found.group(1))

    def respond(self, number: int) -> None:
        """Respond to one finding; remember it only once the server said it was saved."""
        match = ["yes", "partly", "no", "not-sure"][number % 4]
        page = self.client.get(f"/check/{number}")
        data = {"csrf": form_token(page.text), "match": match, "note": f"comment {number}"}
        reply = self.client.post(f"/check/{number}", data=data, follow_redirects=False)
        assert reply.status_code == 303, reply.text[:300]
        self.acknowledged[number] = match


def facilitator_presses(facilitator: httpx.Client, url: str) -> None:
    """A button on the facilitator's pages (the close page's form gives the token)."""
    pages = [facilitator.get(page).text for page in ("/projector", "/projector/close")]
    token = form_token(next(page for page in pages if 'name="csrf"' in page))
    assert facilitator.post(url, data={"csrf": token}, follow_redirects=False).status_code == 303


def responses(path: Path) -> list[dict[str, object]]:
    """Each sense-check person's responses, in the file's order, by finding number."""
    check = yaml.safe_load(path.read_text(encoding="utf-8"))["sense_check"]
    ids = list(check["findings"])
    return [
        {ids.index(key): value for key, value in person["responses"].items()}
        for person in check["people"].values()
    ]


def test_killed_mid_round_every_acknowledged_response_is_there_and_the_round_carries_on(
    live: LiveRoom,
) -> None:
    live.start()
    people = [Participant(live, number) for number in range(8)]
    for participant in people:
        participant.join()
        for question in range(1, 5):
            participant.answer(question)
    facilitator = httpx.Client(base_url=live.base, timeout=TIMEOUT, follow_redirects=True)
    facilitator.get(live.control_url)
    facilitator_presses(facilitator, "/projector/close")
    facilitator_presses(facilitator, "/projector/check")
    checkers = [Checker(participant) for participant in people]
    total = {checker.begin() for checker in checkers}.pop()
    stop = threading.Event()

    def run(checker: Checker) -> None:
        for number in range(1, total + 1):
            if stop.is_set():
                return
            try:
                checker.respond(number)
            except (httpx.HTTPError, AssertionError):
                return  # the laptop died under this response: it was never acknowledged

    threads = [threading.Thread(target=run, args=(c,)) for c in checkers]
    for thread in threads:
        thread.start()
    while sum(len(c.acknowledged) for c in checkers) < 6:
        threading.Event().wait(0.005)
    live.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=30)

    def wanted(checker: Checker) -> dict[int, object]:
        return {
            number - 1: {"value": match, "note": f"comment {number}"}
            for number, match in checker.acknowledged.items()
        }

    saved = responses(live.path)
    assert len(saved) == len(checkers)
    for checker, got in zip(checkers, saved, strict=True):
        for key, value in wanted(checker).items():
            assert got[key] == value, "an acknowledged response was lost"

    live.start()  # same file, same room: the round is still open and the phones carry on
    assert "End the sense-check" in facilitator.get("/projector").text
    for checker in checkers:
        resumed = checker.client.get("/")
        carry_on = len(checker.acknowledged) + 1
        # One saved as the laptop died may never have been acknowledged: it is there too.
        assert resumed.url.path in {f"/check/{n}" for n in range(carry_on, total + 1)} | {
            "/check/done"
        }
        for number in range(carry_on, total + 1):
            checker.respond(number)
    facilitator_presses(facilitator, "/projector/check/end")
    assert "The sense-check has ended" in facilitator.get("/projector").text
    facilitator.close()
    for participant in people:
        participant.close()
    output = live.stop(signal.SIGTERM)
    assert "The sense-check ended: 8 people checked the findings." in output
    final = responses(live.path)
    for checker, got in zip(checkers, final, strict=True):
        assert got == wanted(checker)
