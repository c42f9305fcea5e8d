"""`coprod assess` in a real pseudo-terminal (pexpect): kill it, interrupt it, resume it."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pexpect
import yaml

from tests.conftest import DATA

ARGS = [
    "-m",
    "coprod_assess",
    "assess",
    "--rubric",
    str(DATA / "rubrics"),
    "--only",
    "sharing-power",
    "--organisation",
    "Forum",
    "--period",
    "2026",
]


def spawn(path: Path, *extra: str, plain: bool = False) -> pexpect.spawn:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "40"})
    args = [*ARGS, path.name, *extra, *(["--plain"] if plain else [])]
    return pexpect.spawn(
        sys.executable,
        args,
        env=env,
        cwd=str(path.parent),
        encoding="utf-8",
        codec_errors="replace",
        timeout=20,
    )


def answered(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["respondents"][0]["answers"].get("sharing-power", {})


def answer(child: pexpect.spawn, value: str) -> None:
    child.expect("Your answer: ")
    child.sendline(value)


def test_killed_after_three_answers_then_resumed_to_the_end(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    child = spawn(path, "--respondent", "Sam", "--role", "staff")
    for value in ("1", "2", "3"):
        answer(child, value)
    child.expect("question 4 of 4")
    child.kill(signal.SIGKILL)
    child.wait()
    assert answered(path) == {"money-1": 1, "money-2": 2, "decisions-1": 3}
    assert not list(tmp_path.glob(".a.yaml.*.tmp")), "no temporary file is left behind"

    child = spawn(path, "--respondent", "Sam")
    child.expect("Resuming r1 \\(Staff member, 3 of 4 answered\\).")
    child.expect("question 4 of 4")
    answer(child, "0")
    child.expect(r"add the next person\? \(y/n\) ")
    child.sendline("n")
    child.expect("Saved 4 answers to a.yaml.")
    child.expect(pexpect.EOF)
    child.wait()
    assert child.exitstatus == 0
    assert answered(path) == {"money-1": 1, "money-2": 2, "decisions-1": 3, "decisions-2": 0}


def test_ctrl_c_saves_and_exits_130(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    child = spawn(path, "--respondent", "Sam", "--role", "staff")
    answer(child, "1")
    child.expect("Your answer: ")
    child.sendintr()
    child.expect("Saved 1 answer to a.yaml. Resume with: coprod assess a.yaml")
    child.expect(pexpect.EOF)
    child.wait()
    assert child.exitstatus == 130
    assert "Traceback" not in (child.before or "")
    assert answered(path) == {"money-1": 1}


def test_plain_mode_writes_no_escape_codes_in_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    child = spawn(path, "--respondent", "Sam", "--role", "staff", plain=True)
    transcript = []
    for value in ("0", "1", "2", "3"):
        child.expect("Your answer: ")
        transcript.append(child.before)
        child.sendline(value)
    child.expect(r"\(y/n\) ")
    transcript.append(child.before)
    child.sendline("n")
    child.expect(pexpect.EOF)
    transcript.append(child.before)
    text = "".join(transcript)
    assert "Sharing power (test rubric), Money, question 1 of 4" in text
    assert "\x1b" not in text


def test_styled_mode_shows_where_you_are(tmp_path: Path) -> None:
    child = spawn(tmp_path / "a.yaml", "--respondent", "Sam", "--role", "staff")
    child.expect("Sharing power \\(test rubric\\) · Money · question 1 of 4")
    child.sendintr()
    child.expect(pexpect.EOF)


def test_the_screen_is_wiped_before_the_next_person(tmp_path: Path) -> None:
    child = spawn(tmp_path / "a.yaml", "--respondent", "Sam", "--role", "staff")
    for value in ("3", "3", "3", "3"):
        answer(child, value)
    child.expect(r"add the next person\? \(y/n\) ")
    child.sendline("y")
    # Screen and scrollback are erased before the next person sees anything.
    child.expect_exact("\x1b[2J")
    child.expect_exact("\x1b[3J")
    child.expect("Name \\(optional")
    child.sendintr()
    child.expect(pexpect.EOF)


def test_a_second_session_on_the_same_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    first = spawn(path, "--respondent", "Sam", "--role", "staff")
    answer(first, "1")
    second = spawn(path, "--respondent", "Kim", "--role", "manager")
    second.expect("is in use by another coprod command")
    second.expect(pexpect.EOF)
    second.wait()
    assert second.exitstatus == 1
    answer(first, "2")
    first.expect("Your answer: ")
    first.sendintr()
    first.expect(pexpect.EOF)
    assert answered(path) == {"money-1": 1, "money-2": 2}


def test_a_polite_kill_saves_and_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    child = spawn(path, "--respondent", "Sam", "--role", "staff")
    answer(child, "1")
    child.expect("Your answer: ")
    child.kill(signal.SIGTERM)
    child.expect("Saved 1 answer to a.yaml. Resume with: coprod assess a.yaml")
    child.expect(pexpect.EOF)
    child.wait()
    assert child.exitstatus == 130
    assert answered(path) == {"money-1": 1}
    assert not list(tmp_path.glob(".a.yaml.*.tmp"))


def test_a_hand_edit_made_during_a_session_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    child = spawn(path, "--respondent", "Sam", "--role", "staff")
    answer(child, "1")
    child.expect("Your answer: ")
    # Someone corrects the organisation and adds a comment while Sam answers.
    text = path.read_text(encoding="utf-8").replace(
        "organisation: Forum", "organisation: Forum CIC"
    )
    path.write_text("# checked by the facilitator\n" + text, encoding="utf-8")
    child.sendline("2")
    child.expect("Your answer: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("# checked by the facilitator\n")
    assert "organisation: Forum CIC" in saved
    assert answered(path) == {"money-1": 1, "money-2": 2}


def test_bytes_that_are_not_utf8_in_a_note_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    child = spawn(path, "--respondent", "Sam", "--role", "staff")
    child.expect("Your answer: ")
    child.sendline("n")
    child.expect("Note or evidence")
    os.write(child.child_fd, b"caf\xe9 \xff\x1b[2J ok\n")  # Latin-1 bytes and an escape code
    child.expect("Some characters could not be read")
    answer(child, "1")
    child.expect("Your answer: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.wait()
    assert child.exitstatus == 130
    assert answered(path) == {"money-1": {"value": 1, "note": "caf\ufffd \ufffd[2J ok"}}
