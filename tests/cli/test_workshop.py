"""`coprod workshop`: what the facilitator's terminal says, and one clear message for each
thing in the way (a locked or broken file, a port in use, no network). The server itself
is tested in tests/room/."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from coprod_assess.room import addresses, serve
from coprod_assess.room.keys import room_keys
from tests.conftest import DATA

Run = Callable[..., Result]
BASE = ["--rubric", str(DATA / "rubrics"), "--only", "sharing-power"]
BASE += ["--organisation", "Forum", "--period", "2026"]


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Where the server would listen; it stops at once as if Ctrl-C were pressed."""
    bound: list[tuple[str, int]] = []
    real_bind = serve.bind

    def bind(host: str, port: int) -> socket.socket:
        bound.append((host, port))
        return real_bind("127.0.0.1", 0)

    def stop_at_once(room: object, sock: socket.socket) -> None:
        sock.close()
        raise KeyboardInterrupt

    monkeypatch.setattr(serve, "bind", bind)
    monkeypatch.setattr(serve, "serve", stop_at_once)
    return bound


def test_the_terminal_says_where_to_join_and_how_to_carry_on(
    cli: Run, tmp_path: Path, served: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(addresses, "room_addresses", lambda: ["192.168.1.20"])
    result = cli("workshop", "room.yaml", *BASE)
    keys = room_keys(tmp_path / "room.yaml")
    assert served == [("0.0.0.0", 8765)]
    assert f"Join:       http://192.168.1.20:8765   room code {keys.code}" in result.stdout
    assert f"Projector:  http://192.168.1.20:8765/control/{keys.control_token}" in result.stdout
    assert "Workshop on room.yaml: 1 rubric, 4 questions." in result.stdout
    assert "run `coprod workshop room.yaml` to carry on" in result.stdout
    assert result.exit_code == 130
    again = cli("workshop", "room.yaml", *BASE)
    assert f"room code {keys.code}" in again.stdout, "a restart keeps the address and code"


def test_local_serves_this_laptop_only(
    cli: Run, served: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(addresses, "room_addresses", lambda: ["192.168.1.20"])
    result = cli("workshop", "room.yaml", *BASE, "--local", "--port", "9000")
    assert served == [("127.0.0.1", 9000)]
    assert "Join:       http://127.0.0.1:9000" in result.stdout
    assert "192.168.1.20" not in result.stdout


def test_no_network_is_one_message(
    cli: Run, served: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(addresses, "room_addresses", list)
    result = cli("workshop", "room.yaml", *BASE)
    assert result.exit_code == 1
    assert result.stderr.startswith("network: error[no-network] this laptop has no network")
    assert "--local" in result.stderr and "Traceback" not in result.output
    assert served == []


def test_a_locked_file_is_one_message(cli: Run, tmp_path: Path, served: list) -> None:
    from coprod_assess.answers.lock import locked

    with locked(tmp_path / "room.yaml"):
        result = cli("workshop", "room.yaml", *BASE, "--local")
    assert result.exit_code == 1
    assert "room.yaml: error[file-in-use] is in use by another coprod command" in result.stderr
    assert served == []


def test_a_broken_answers_file_is_one_message_at_its_line(
    cli: Run, tmp_path: Path, served: list
) -> None:
    (tmp_path / "room.yaml").write_text("respondents:\n  - id: r1\n    role: [\n", "utf-8")
    result = cli("workshop", "room.yaml", *BASE, "--local")
    assert result.exit_code == 1
    assert result.stderr.startswith("room.yaml:4:1: error[yaml-syntax]")
    assert served == []


def test_a_broken_room_file_is_one_message(cli: Run, tmp_path: Path, served: list) -> None:
    (tmp_path / ".room.yaml.workshop.json").write_text('{"key": "not hex"}', "utf-8")
    result = cli("workshop", "room.yaml", *BASE, "--local")
    assert result.exit_code == 1
    assert ".room.yaml.workshop.json: error[room-file] is not a room file coprod wrote" in (
        result.stderr
    )


def test_a_port_out_of_range_is_a_usage_error(cli: Run) -> None:
    result = cli("workshop", "room.yaml", *BASE, "--port", "70000")
    assert result.exit_code == 2


def test_running_again_carries_on_with_the_rooms_options(
    cli: Run, tmp_path: Path, served: list[tuple[str, int]]
) -> None:
    first = cli("workshop", "room.yaml", *BASE, "--local", "--port", "9100", "--min-group", "5")
    assert first.exit_code == 130, first.output
    again = cli("workshop", "room.yaml", "--min-group", "2")
    assert served == [("127.0.0.1", 9100), ("127.0.0.1", 9100)]
    assert again.stdout.startswith(
        f"Carrying on with this room's settings: --only sharing-power --rubric {DATA / 'rubrics'}"
        " --port 9100 --local --min-group 5.\n"
    )
    assert "Workshop on room.yaml: 1 rubric, 4 questions." in again.stdout
    fresh = cli("workshop", "room.yaml", *BASE, "--new-room")
    assert "Carrying on" not in fresh.stdout and served[-1] == ("0.0.0.0", 8765)


def test_the_terminal_says_how_to_start_and_end_the_sense_check(
    cli: Run, tmp_path: Path, served: list[tuple[str, int]]
) -> None:
    assert "check" in cli("workshop", "--help").stdout
    cli("workshop", "room.yaml", *BASE, "--local")
    keys = room_keys(tmp_path / "room.yaml")
    keys.changed(closed=True)
    closed = cli("workshop", "room.yaml")
    assert (
        'Answering is closed. Type "check" and Enter to start the sense-check, or "open" to '
        "open answering again." in closed.stdout
    )
    assert closed.exit_code == 0
    room_keys(tmp_path / "room.yaml").changed(checking=True)
    checking = cli("workshop", "room.yaml")
    assert 'The sense-check is open. Type "end" and Enter to end it.' in checking.stdout
    assert checking.stdout.rstrip().endswith(
        "The sense-check was still open: run `coprod workshop room.yaml` to carry on."
    )
    assert checking.exit_code == 130
