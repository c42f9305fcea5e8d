"""A room over a small rubric with Welsh and Easy Read words (a picture beside each core
question), and phones that pick their language: for the room's language tests."""

from __future__ import annotations

import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from coprod_assess.answers.session import Session
from coprod_assess.cli.assess import existing_answers
from coprod_assess.cli.options import chosen_rubrics
from coprod_assess.room.keys import room_keys
from coprod_assess.room.state import Room, Settings
from coprod_assess.rubric.catalog import load_catalog
from tests.room.conftest import BASE, Phone, RoomUnderTest, csrf_of

VOICE = Path(__file__).parent / "data" / "voice"
# The words of the test rubric a phone shows, by language: the first question.
FIRST = {
    "en": "People who use the service help set the budget.",
    "cy": "Mae pobl sy'n defnyddio'r gwasanaeth yn helpu i osod y gyllideb.",
    "en-easy": "We help decide how the money is spent.",
}


def voice_rubric(tmp_path: Path) -> Path:
    """The test rubric, its translations and pictures, copied into `tmp_path`."""
    folder = tmp_path / "rubrics"
    shutil.copytree(VOICE, folder)
    return folder


def language_room(
    tmp_path: Path, *, lang: str = "en", short: bool = False, **options: Any
) -> RoomUnderTest:
    """A workshop over the test rubric in `lang` (the full form, unless `short`), with any
    other settings given."""
    rubrics = voice_rubric(tmp_path)
    catalog = load_catalog([rubrics])
    path = tmp_path / "answers.yaml"
    data, text = existing_answers(path, catalog)
    session = Session(path, data, chosen_rubrics(catalog, ["voice"], short), text)
    session.begin("Riverside Forum", "2026", date(2026, 11, 22))
    if short:
        session.set_assessment(("form",), "short")
    said: list[str] = []
    settings = Settings(
        answers=path,
        report=tmp_path / "answers-report.html",
        rubric_paths=[rubrics],
        join_urls=[BASE],
        say=said.append,
        lang=lang,
        **options,
    )
    return RoomUnderTest(Room(session, catalog, room_keys(path), settings), path, said)


def choose(phone: Phone, lang: str, page: str = "/") -> None:
    """Pick a language on a page, as its language buttons do."""
    html = phone.client.get(page).text
    reply = phone.client.post(
        "/language",
        data={"csrf": csrf_of(html), "lang": lang, "next": page},
        follow_redirects=False,
    )
    assert reply.status_code == 303, reply.text


def join_in(under_test: RoomUnderTest, lang: str | None, role: str = "staff") -> Phone:
    """A phone that scans, picks `lang` (None: leaves the room's) and joins as `role`."""
    phone = under_test.phone()
    phone.scan()
    if lang is not None:
        choose(phone, lang)
    reply = phone.post("/start", {"role": role}, page="/")
    assert reply.status_code == 303, reply.text
    return phone


class Texts(HTMLParser):
    """The words a page shows, each run of text on its own, leaving out words marked as in
    another language than `lang` (rubric or role words with no translation) and any the
    test names as the room's own content."""

    VOID: ClassVar[set[str]] = {"meta", "link", "input", "br", "img", "hr"}

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.attributes: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.attributes.append((tag, found))
        if tag in self.VOID:
            return
        outer = self.stack[-1][1] if self.stack else False
        marked = found.get("lang")
        other = outer or (marked is not None and marked != self.lang and tag != "html")
        other = other or tag in ("script", "style")
        self.stack.append((tag, other))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][1]:
            return
        text = " ".join(data.split())
        if text:
            self.texts.append(text)


def page_texts(html: str, lang: str) -> list[str]:
    """The runs of text a page shows in `lang` (see `Texts`)."""
    parser = Texts(lang)
    parser.feed(html)
    return parser.texts
