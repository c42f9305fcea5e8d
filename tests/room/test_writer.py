"""The one writer: answers arriving together are written together, each on disk before its
page replies, and one page's error is that page's alone."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from coprod_assess.answers.turn import Turn
from coprod_assess.room import writer as writer_module
from tests.room.conftest import make_room


def test_many_answers_at_once_share_writes_and_all_reach_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    under_test = make_room(tmp_path)
    room = under_test.room
    people = [room.join("staff", None) for _ in range(20)]
    writes = []
    real = writer_module.Writer._write

    def counted(self: writer_module.Writer, jobs: list) -> None:
        writes.append(len(jobs))
        real(self, jobs)

    monkeypatch.setattr(writer_module.Writer, "_write", counted)
    start = threading.Barrier(len(people))

    def answer(person: str) -> None:
        turn = Turn(room.session, person)
        start.wait(timeout=10)
        for index in range(4):
            room.writer.write(lambda index=index: turn.answer(index, index % 4))

    threads = [threading.Thread(target=answer, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    on_disk = yaml.safe_load(under_test.path.read_text(encoding="utf-8"))["respondents"]
    expected = {"money-1": 0, "money-2": 1, "decisions-1": 2, "decisions-2": 3}
    assert [p["answers"]["sharing-power"] for p in on_disk] == [expected] * 20
    assert sum(writes) == 80
    assert len(writes) < 80, "answers that arrived together were written one by one"


def test_one_pages_error_is_its_own(tmp_path: Path) -> None:
    room = make_room(tmp_path).room
    person = room.join("staff", None)
    turn = Turn(room.session, person)
    with pytest.raises(ValueError, match="not an answer"):
        room.writer.write(lambda: turn.answer(0, 9))
    assert room.writer.write(lambda: turn.answer(0, 2)) == 1
