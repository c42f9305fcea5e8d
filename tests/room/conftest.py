"""A room in a temporary folder, and phones that talk to it over HTTP (in-process)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import yaml
from starlette.testclient import TestClient

from coprod_assess.answers.session import Session
from coprod_assess.cli.assess import existing_answers
from coprod_assess.cli.options import chosen_rubrics
from coprod_assess.room.app import build_app
from coprod_assess.room.guards import Guards
from coprod_assess.room.keys import RoomKeys, keys_path, room_keys
from coprod_assess.room.state import Room, Settings
from coprod_assess.rubric.catalog import load_catalog
from tests.conftest import DATA

BASE = "http://192.0.2.20:8765"
CATALOG = load_catalog([DATA / "rubrics"])
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def shown(response: httpx.Response) -> str:
    """The text of a page as a person reads it (entities such as &#39; undone)."""
    return html.unescape(response.text)


def csrf_of(page: str) -> str:
    """The CSRF token of the first form on a page."""
    found = _CSRF.search(page)
    assert found, "the page has no form"
    return found.group(1)


@dataclass
class RoomUnderTest:
    """A room over a test rubric (four questions), its keys, and what it told the terminal."""

    room: Room
    path: Path
    said: list[str] = field(default_factory=list)
    devices: int = 0

    @property
    def keys(self) -> RoomKeys:
        return self.room.keys

    def app(self) -> Guards:
        """The room's app, as the server would serve it."""
        return build_app(self.room)

    def phone(self, app: Guards | None = None, address: str | None = None) -> Phone:
        """A new browser on a device of its own (its own address, unless one is given):
        its own cookies, nothing joined yet (on `app`, else its own)."""
        if address is None:
            self.devices += 1
            address = f"192.0.2.{30 + self.devices % 200}"
        client = TestClient(app or self.app(), base_url=BASE, client=(address, 50000))
        return Phone(client, self, address)

    def people(self) -> list[dict[str, Any]]:
        """The respondents as the answers file on disk holds them."""
        if not self.path.exists():
            return []
        people: list[dict[str, Any]] = yaml.safe_load(self.path.read_text("utf-8"))["respondents"]
        return people

    def files(self) -> dict[str, bytes | None]:
        """Every file the room writes, as bytes (None when absent): to see nothing changed."""
        paths = [self.path, keys_path(self.path), self.room.settings.report]
        return {p.name: p.read_bytes() if p.exists() else None for p in paths}

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
    address: str = "192.0.2.31"

    def scan(self) -> None:
        """Open the QR code's address."""
        assert self.client.get(f"/join/{self.under_test.keys.join_token}").status_code == 200

    def post(self, url: str, data: dict[str, str], page: str | None = None) -> httpx.Response:
        """Post a form the way its page would (the page gives the CSRF token)."""
        form = self.client.get(page or url).text
        return self.client.post(url, data={"csrf": csrf_of(form), **data}, follow_redirects=False)

    def move_to(self, app: Guards) -> None:
        """Keep this browser's cookies, talking to another server (a restart)."""
        self.client = moved(self.client, app, self.address)

    def set_cookie(self, kind: str, value: str, room_id: str | None = None) -> None:
        """Put a cookie of a kind in this browser in place of any it has (as a person
        who edits their cookies would)."""
        name = f"coprod-{room_id or self.under_test.keys.room_id}-{kind}"
        self.client.cookies.delete(name)
        self.client.cookies.set(name, value, domain=BASE.split("//")[1].split(":")[0])

    def cookie(self, kind: str) -> str | None:
        """This browser's cookie of a kind: room, person, control or form."""
        name = f"coprod-{self.under_test.keys.room_id}-{kind}"
        return self.client.cookies.get(name)

    def join(self, role: str = "staff", name: str | None = None) -> None:
        """Scan, pick a role, start."""
        self.scan()
        data = {"role": role} | ({"name": name} if name else {})
        response = self.post("/start", data, page="/")
        assert response.status_code == 303, getattr(response, "text", "")  # type: ignore[attr-defined]

    def answer(self, number: int, answer: str, note: str = "") -> httpx.Response:
        """Answer question `number` (1-based): 'v2' for the option valued 2, or a skip."""
        return self.post(f"/q/{number}", {"answer": answer, "note": note})


def moved(client: TestClient, app: Guards, address: str = "testclient") -> TestClient:
    """The same browser (its cookies) talking to another server, e.g. after a restart."""
    return TestClient(app, base_url=BASE, cookies=client.cookies, client=(address, 50000))


def make_room(
    tmp_path: Path, *, rubric: str = "sharing-power", **settings: object
) -> RoomUnderTest:
    """A room on a new answers file in `tmp_path`."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "answers.yaml"
    data, text = existing_answers(path, CATALOG)  # a restart carries on the same file
    session = Session(path, data, chosen_rubrics(CATALOG, [rubric]), text)
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
