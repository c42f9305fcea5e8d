"""The real server on 127.0.0.1: many phones at once, a kill mid-answer, a port in use.

Traffic goes to 127.0.0.1 only; every participant sends a bounded number of
requests with timeouts, and each server process is stopped by the test.
"""

from __future__ import annotations

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
