"""A real `coprod workshop` in its own process on 127.0.0.1, for tests and benchmarks that
need the network, signals and a kill. Every wait is bounded; nothing outlives the test."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from coprod_assess.room.keys import room_keys

READY_SECONDS = 20.0


def free_port() -> int:
    """A port nothing listens on just now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveRoom:
    """`coprod workshop FILE --local` running in a child process."""

    path: Path
    args: list[str]
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[str] | None = None
    output: str = ""

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def join_url(self) -> str:
        return f"{self.base}/join/{room_keys(self.path).join_token}"

    @property
    def control_url(self) -> str:
        return f"{self.base}/control/{room_keys(self.path).control_token}"

    def start(self) -> LiveRoom:
        """Start the server and wait until it answers (or fail, showing what it said)."""
        command = [sys.executable, "-m", "coprod_assess", "workshop", str(self.path)]
        command += ["--local", "--port", str(self.port), *self.args]
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server stopped at once:\n{self.stop()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.kill()
        raise AssertionError("the server did not start in time")

    def stop(self, sig: int = signal.SIGINT) -> str:
        """Stop the server politely and return everything it printed."""
        if self.process is None:
            return self.output
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            out, _ = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate(timeout=5)
        self.output += out or ""
        self.process = None
        return self.output

    def kill(self) -> None:
        """SIGKILL: the laptop's lid shut mid-answer, as hard as it gets."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        self.stop()

    @property
    def exit_code(self) -> int | None:
        return None if self.process is None else self.process.poll()


def form_token(html: str) -> str:
    """The CSRF token in a page's form."""
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)
