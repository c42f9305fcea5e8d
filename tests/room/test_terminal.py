"""The facilitator's terminal while the room runs (a real pseudo-terminal): Enter shows the
counts, `close` closes answering and says where the answers and report are, Ctrl-C stops."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx2 as httpx
import pexpect

from coprod_assess.room.keys import room_keys
from tests.conftest import DATA
from tests.room.live import form_token, free_port

ARGS = ["--rubric", str(DATA / "rubrics"), "--only", "sharing-power"]
ARGS += ["--organisation", "Riverside Forum", "--period", "2026"]


def workshop(folder: Path, port: int) -> pexpect.spawn:
    """`coprod workshop room.yaml --local` in a real terminal, in `folder`."""
    command = ["-m", "coprod_assess", "workshop", "room.yaml", "--local"]
    return pexpect.spawn(
        sys.executable,
        [*command, "--port", str(port), *ARGS],
        cwd=str(folder),
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path.cwd() / "src")},
        encoding="utf-8",
        timeout=20,
    )


def test_close_from_the_terminal_then_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    child = workshop(tmp_path, port)
    try:
        child.expect('Type "close" and Enter to close answering')
        base = f"http://127.0.0.1:{port}"
        keys = room_keys(tmp_path / "room.yaml")
        with httpx.Client(base_url=base, timeout=10, follow_redirects=True) as phone:
            page = phone.get(f"/join/{keys.join_token}")
            phone.post("/start", data={"csrf": form_token(page.text), "role": "staff"})
            page = phone.get("/q/1")
            phone.post("/q/1", data={"csrf": form_token(page.text), "answer": "v2"})
            child.sendline("")
            child.expect(
                r"Joined 1, finished 0 \(0 with lived experience, fewer than 3 professionals\)"
            )
            child.sendline("close")
            child.expect(r"Answering closed\. The answers are in room\.yaml; the report is in ")
            child.expect(r"room-report\.html\.")
            assert "Answering has closed" in phone.get("/q/2").text
        assert (tmp_path / "room-report.html").read_text(encoding="utf-8").startswith("<!doctype")
        child.sendintr()
        child.expect(r"Stopped\. 1 answer saved in room\.yaml\.")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, "answering was closed: a clean stop"
    finally:
        if child.isalive():
            child.kill(9)


def test_the_sense_check_from_the_terminal(tmp_path: Path) -> None:
    port = free_port()
    child = workshop(tmp_path, port)
    try:
        child.expect('Type "close" and Enter to close answering')
        base = f"http://127.0.0.1:{port}"
        keys = room_keys(tmp_path / "room.yaml")
        with httpx.Client(base_url=base, timeout=10, follow_redirects=True) as phone:
            page = phone.get(f"/join/{keys.join_token}")
            phone.post("/start", data={"csrf": form_token(page.text), "role": "staff"})
            for number in range(1, 5):
                page = phone.get(f"/q/{number}")
                phone.post(f"/q/{number}", data={"csrf": form_token(page.text), "answer": "v1"})
            child.sendline("check")
            child.expect(r"Answering is still open\. Type close to close it, then check")
            child.sendline("close")
            child.expect(r"Answering closed\.")
            child.sendline("check")
            child.expect(r"The sense-check is open: 1 finding to check, drawn from 1 ")
            child.expect(r"Type end to end it\.")
            page = phone.get("/")
            assert "Check the findings" in page.text
            page = phone.get("/check")
            page = phone.post("/check/start", data={"csrf": form_token(page.text)})
            phone.post("/check/1", data={"csrf": form_token(page.text), "match": "partly"})
            child.sendline("")
            child.expect(
                r"Checking the findings: started 1, checked them all 1 \(0 with lived "
                r"experience, fewer than 3 professionals\)\."
            )
            child.sendline("open")
            child.expect(r"The sense-check is open\. Type end to end it first, then open")
            child.sendline("end")
            child.expect(r"The sense-check ended: 1 person checked the findings\. Only 1 ")
            child.expect(r"person has answered, changed answers or checked the findings since")
            assert "The sense-check has ended" in phone.get("/").text
            child.sendline("end")
            child.expect(r"The sense-check is not open\. Type check to start it\.")
            child.sendline("help")
            child.expect(r"check to start the sense-check once answering is closed, end to end")
        child.sendintr()
        child.expect(r"Stopped\. 4 answers saved in room\.yaml\.")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, "answering closed and the round ended: a clean stop"
    finally:
        if child.isalive():
            child.kill(9)
