"""A room in a temporary folder, and phones that talk to it over HTTP (in-process)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from coprod_assess.answers.session import Session
from coprod_assess.cli.options import chosen_rubrics
from coprod_assess.room.app import build_app
from coprod_assess.room.keys import RoomKeys, room_keys
from coprod_assess.room.state import Room, Settings
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

BASE = "http://192.0.2.20:8765"
CATALOG = load_catalog([DATA / "rubrics"])
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _CSRF.search(html)
    assert found, "the page has no form"
    return found.group(1)


@dataclass
class RoomUnderTest:
    """A room over a test rubric (four questions), its keys, and what it told the terminal."""

    room: Room
    path: Path
    said: list[str] = field(default_factory=list)

    @property
    def keys(self) -> RoomKeys:
        return self.room.keys

    def phone(self) -> Phone:
        """A new browser: its own cookies, nothing joined yet."""
        return Phone(TestClient(build_app(self.room), base_url=BASE), self)

    def projector(self) -> TestClient:
        """The facilitator's browser, let in by the secret address."""
        client = TestClient(build_app(self.room), base_url=BASE)
        assert client.get(f"/control/{self.keys.control_token}").status_code == 200
        return client


@dataclass
class Phone:
    """One participant's browser."""

    client: TestClient
    under_test: RoomUnderTest

    def scan(self) -> None:
        """Open the QR code's address."""
        assert self.client.get(f"/join/{self.under_test.keys.join_token}").status_code == 200

    def post(self, url: str, data: dict[str, str], page: str | None = None) -> object:
        """Post a form the way its page would (the page gives the CSRF token)."""
        html = self.client.get(page or url).text
        return self.client.post(url, data={"csrf": csrf_of(html), **data}, follow_redirects=False)

    def join(self, role: str = "staff", name: str | None = None) -> None:
        """Scan, pick a role, start."""
        self.scan()
        data = {"role": role} | ({"name": name} if name else {})
        response = self.post("/start", data, page="/")
        assert response.status_code == 303, getattr(response, "text", "")  # type: ignore[attr-defined]

    def answer(self, number: int, answer: str, note: str = "") -> object:
        """Answer question `number` (1-based): 'v2' for the option valued 2, or a skip."""
        return self.post(f"/q/{number}", {"answer": answer, "note": note})


def make_room(
    tmp_path: Path, *, rubric: str = "sharing-power", **settings: object
) -> RoomUnderTest:
    """A room on a new answers file in `tmp_path`."""
    path = tmp_path / "answers.yaml"
    session = Session(path, {}, chosen_rubrics(CATALOG, [rubric]))
    session.begin("Riverside Forum", "2026", date(2026, 11, 22))
    said: list[str] = []
    options = {
        "answers": path,
        "report": tmp_path / "answers-report.html",
        "rubric_paths": [DATA / "rubrics"],
        "join_urls": [BASE],
        "say": said.append,
    } | settings
    room = Room(session, CATALOG, room_keys(path), Settings(**options))  # type: ignore[arg-type]
    return RoomUnderTest(room, path, said)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[RoomUnderTest]:
    yield make_room(tmp_path)
