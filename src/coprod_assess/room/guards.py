"""What every request to the room passes: size caps, security headers, rate limits.

Plain ASGI middleware, so the rules hold for every page, the static files
and any error the app raises.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from coprod_assess.i18n import _

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

BODY_LIMIT = 16 * 1024  # a form with a 1,000-character note is well under this

# Pages: nothing from elsewhere, no inline script, forms only to the room itself. Pictures
# (Easy Read's) come inside the page, as data: addresses.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The report is one self-contained file with its styles inside: no scripts at all.
REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)

_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *_HEADERS,
                (b"content-security-policy", PAGE_POLICY.encode()),
                (b"cache-control", b"no-store"),
                *([(b"allow", b"GET, HEAD, POST")] if status == 405 else []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guards:
    """Caps request bodies and adds the security headers to every response."""

    def __init__(self, app: App, body_limit: int = BODY_LIMIT) -> None:
        self.app = app
        self.body_limit = body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        method = scope.get("method", "GET")
        length = headers.get(b"content-length")
        if method not in ("GET", "HEAD", "POST"):
            await _plain(send, 405, _("Only GET and POST are used here."))
            return
        if method == "POST":
            if length is None or not length.isdigit():
                await _plain(send, 411, _("A form must say how long it is."))
                return
            if int(length) > self.body_limit:
                await _plain(send, 413, _("That is more than a form here can hold."))
                return
        receive = _capped(receive, self.body_limit)
        path = str(scope.get("path", ""))
        static = path.startswith("/static/")

        async def send_guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                # Only the report itself: a page saying there is no report yet has the
                # room's style sheet, which the report's policy would block.
                report = path == "/report" and message.get("status") == 200
                policy = REPORT_POLICY if report else PAGE_POLICY
                extra = [*_HEADERS, (b"content-security-policy", policy.encode())]
                if not static:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_guarded)


def _capped(receive: Receive, limit: int) -> Receive:
    """A body longer than its Content-Length said ends the request."""
    seen = 0

    async def read() -> Message:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise ValueError("request body over the limit")
        return message

    return read


class Attempts:
    """Failed tries at the room code, per address and in all: too many and it waits.

    Ten wrong codes from one phone in ten minutes, and the code form rests for it.
    After a hundred wrong codes from everyone it rests too for every phone that has
    typed a wrong one, so guessing from many addresses gets nowhere; a phone that
    types the right code first time is never turned away. The QR code and the join
    address always work.
    """

    def __init__(self, per_address: int = 10, in_all: int = 100, window: float = 600) -> None:
        self.per_address = per_address
        self.in_all = in_all
        self.window = window
        self._lock = threading.Lock()
        self._by_address: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def _trim(self, times: deque[float], now: float) -> None:
        while times and now - times[0] > self.window:
            times.popleft()

    def blocked(self, address: str) -> bool:
        """Whether this address has used up its tries for now."""
        now = time.monotonic()
        with self._lock:
            self._trim(self._all, now)
            mine = self._by_address.get(address, deque())
            self._trim(mine, now)
            return len(mine) >= self.per_address or (bool(mine) and len(self._all) >= self.in_all)

    def failed(self, address: str) -> None:
        """Count a wrong code from this address."""
        now = time.monotonic()
        with self._lock:
            if len(self._by_address) > 10_000:
                self._by_address.clear()  # a flood of addresses cannot fill memory
            self._by_address.setdefault(address, deque()).append(now)
            self._all.append(now)
