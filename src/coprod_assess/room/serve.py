"""Starting the room's server: the port, the server itself, and the terminal's controls."""

from __future__ import annotations

import contextlib
import errno
import socket
import sys
import threading
from typing import TYPE_CHECKING

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _, using

if TYPE_CHECKING:
    from coprod_assess.room.state import Room


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host:port`, or a CoprodError saying what is in the way."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Connections inherit this: without it a small reply on a kept-alive connection
        # waits ~40 ms for the phone's delayed ACK (Nagle's algorithm).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as err:
        sock.close()
        if err.errno == errno.EADDRINUSE:
            message = _(
                "port {port} is in use (another workshop, or another program); "
                "choose another with --port, e.g. --port {other}"
            ).format(port=port, other=port + 1)
        elif err.errno == errno.EACCES:
            message = _("port {port} needs administrator rights here; choose one above 1024")
            message = message.format(port=port)
        else:
            message = _("cannot listen on {host}:{port}: {why}").format(
                host=host, port=port, why=err.strerror or err
            )
        raise CoprodError.single("--port", "port", message) from None
    sock.set_inheritable(True)
    return sock


def listen_to_terminal(room: Room) -> None:
    """Let the facilitator type `close` (or `open`, `check`, `end`, or Enter for the counts)
    while the server runs; only when the terminal is a person's."""
    if not sys.stdin.isatty():
        return

    def read() -> None:
        # A thread of its own does not share the command's language: it says it again.
        with using(room.lang):
            for line in sys.stdin:
                try:
                    obey(room, line.strip().lower())
                except CoprodError as err:
                    room.problem(err)

    threading.Thread(target=read, name="terminal", daemon=True).start()


def obey(room: Room, command: str) -> None:
    """Do what the facilitator typed, and say what it did."""
    from coprod_assess.room.state import CheckingOpen

    check = room.sense_check
    if command == "close":
        room.announce_closed(room.close())
    elif command in ("open", "reopen"):
        try:
            room.announce_open(room.reopen())
        except CheckingOpen:
            room.settings.say(
                _(
                    "The sense-check is open. Type end to end it first, then open to open "
                    "answering again."
                )
            )
    elif command == "check":
        check.announce_started(check.start())
    elif command == "end":
        check.announce_ended(check.end())
    elif command:
        room.settings.say(
            _(
                "Type close to close answering, open to open it again, check to start the "
                "sense-check once answering is closed, end to end it, or press Enter for the "
                "counts. Ctrl-C stops the server."
            )
        )
    else:
        if check.open:
            counts = check.counts()
            line = _(
                "Checking the findings: started {joined}, checked them all {finished} "
                "({lived} with lived experience, {professional} professionals)."
            )
        else:
            counts = room.counts()
            line = _(
                "Joined {joined}, finished {finished} ({lived} with lived experience, "
                "{professional} professionals)."
            )
        room.settings.say(
            line.format(
                joined=counts.joined,
                finished=counts.finished,
                lived=counts.lived_said,
                professional=counts.professional_said,
            )
        )


def serve(room: Room, sock: socket.socket) -> None:
    """Run the server until Ctrl-C (or a polite kill); in-flight answers finish first."""
    import uvicorn

    from coprod_assess.room.app import build_app

    config = uvicorn.Config(
        build_app(room),
        log_level="warning",
        access_log=False,
        lifespan="off",
        server_header=False,
        date_header=False,
        proxy_headers=False,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=3,
        limit_concurrency=400,
        h11_max_incomplete_event_size=16 * 1024,
    )
    server = uvicorn.Server(config)
    with contextlib.closing(sock):
        server.run(sockets=[sock])
