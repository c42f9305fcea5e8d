"""The room's secrets: one random key, kept beside the answers, and what is made from it.

From the one key come the join token (in the QR code and the join address),
the short room code (typed instead of scanning), the facilitator's secret for
the projector and control pages, and the signatures on cookies. The key is
kept in a hidden file beside the answers (`.NAME.workshop.json`, readable by
its owner only), so a laptop that crashes or is closed can run the workshop
again with the same address and code, and the phones carry on where they were.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coprod_assess.answers.lock import target_of
from coprod_assess.atomic import write_atomic
from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _
from coprod_assess.loading.reader import display_name

# Letters and digits nobody mixes up on a projector (no 0/O, 1/I/L, 5/S, 8/B).
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY2345679"
CODE_LENGTH = 6
_FORMAT = 1
_MOST = 1 << 20  # a room file coprod writes is a few KB (a fingerprint per person)


def keys_path(answers: Path) -> Path:
    """The hidden file beside the answers that keeps the room's key."""
    target = target_of(answers)
    return target.with_name(f".{target.name}.workshop.json")


def _text(digest: bytes, length: int = 22) -> str:
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")[:length]


@dataclass(frozen=True)
class RoomKeys:
    """The room's key and where it is kept; `closed` says whether answering was closed,
    `checking` whether the sense-check round is open, and `issued` and `check_issued` the
    highest respondent and sense-check numbers the room has given out (never given again,
    so a phone whose person was removed by hand can never become someone else)."""

    key: bytes
    path: Path
    closed: bool = False
    issued: int = 0
    # How the facilitator set the room up (port, --only, --min-group...), so running the
    # same command again carries on with the same room.
    options: Mapping[str, Any] = field(default_factory=dict)
    # Each person's answers as the last report showed them (a fingerprint per id): a new
    # report that would differ from it by fewer than --min-group people is held back.
    shown: Mapping[str, str] = field(default_factory=dict)
    checking: bool = False
    check_issued: int = 0

    def _mac(self, purpose: str, value: str = "") -> bytes:
        return hmac.new(self.key, f"{purpose}\0{value}".encode(), hashlib.sha256).digest()

    @property
    def join_token(self) -> str:
        """The unguessable part of the join address."""
        return _text(self._mac("join"))

    @property
    def control_token(self) -> str:
        """The facilitator's secret: opens the projector and control pages."""
        return _text(self._mac("control"))

    @property
    def room_id(self) -> str:
        """A short name for this room's cookies (two rooms on one laptop keep apart)."""
        return self._mac("id").hex()[:8]

    @property
    def code(self) -> str:
        """The short room code, e.g. K7M-4QX."""
        digest = self._mac("code")
        letters = "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in digest[:CODE_LENGTH])
        return f"{letters[:3]}-{letters[3:]}"

    def code_matches(self, typed: str) -> bool:
        """Whether the typed code is this room's (case, spaces and dashes ignored)."""
        cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
        wanted = self.code.replace("-", "")
        return hmac.compare_digest(cleaned.encode("utf-8", "replace"), wanted.encode())

    def sign(self, purpose: str, value: str) -> str:
        """`value` with a signature, for a cookie or a form: value.signature."""
        return f"{value}.{_text(self._mac(purpose, value))}"

    def signed_value(self, purpose: str, signed: str | None) -> str | None:
        """The value inside a signed text, or None when the signature is not this room's."""
        if not signed or len(signed) > 200 or "." not in signed:
            return None
        value, _dot, _signature = signed.rpartition(".")
        expected = self.sign(purpose, value)
        return value if hmac.compare_digest(expected.encode(), signed.encode()) else None

    def changed(self, **change: Any) -> RoomKeys:
        """The same room with `change` (closed, issued, options, shown, checking...), saved
        so a restart keeps it."""
        keys = replace(self, **change)
        if keys != self:
            keys.save()
        return keys

    def with_closed(self, closed: bool) -> RoomKeys:
        """The same room, answering closed or open."""
        return self.changed(closed=closed)

    def with_issued(self, issued: int) -> RoomKeys:
        """The same room, remembering the highest respondent number given out."""
        return self.changed(issued=max(issued, self.issued))

    def save(self) -> None:
        """Write the key file (owner-only) atomically."""
        body = {
            "format": _FORMAT,
            "key": self.key.hex(),
            "closed": self.closed,
            "issued": self.issued,
            "options": dict(self.options),
            "shown": dict(self.shown),
            "checking": self.checking,
            "check_issued": self.check_issued,
        }
        if not self.path.exists():
            with contextlib.suppress(FileExistsError):
                os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        write_atomic(self.path, json.dumps(body, indent=2) + "\n")


def _small_file(path: Path) -> bytes | None:
    """The bytes of a regular file of at most _MOST bytes; None for anything else (a
    larger file, a folder, a device or a pipe: never read whole, never waited on)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = stream.read(_MOST + 1)
    return raw if len(raw) <= _MOST else None


def room_keys(answers: Path, *, new: bool = False) -> RoomKeys:
    """The room kept beside `answers`, or a new one (also when `new` is asked for)."""
    path = keys_path(answers)
    if new or not path.exists():
        keys = RoomKeys(secrets.token_bytes(32), path)
        keys.save()
        return keys
    name = display_name(path)
    try:
        raw = _small_file(path)
    except OSError as err:
        why = _("cannot read: {why}").format(why=err.strerror or err)
        raise CoprodError.single(name, "room-file", why) from None
    try:
        body = json.loads(raw.decode("utf-8")) if raw is not None else None
        key = bytes.fromhex(body["key"]) if isinstance(body, dict) else b""
        closed = body.get("closed") is True if isinstance(body, dict) else False
        issued = _count(body.get("issued") if isinstance(body, dict) else 0)
        options = _mapping(body.get("options")) if isinstance(body, dict) else {}
        shown = _mapping(body.get("shown")) if isinstance(body, dict) else {}
        shown = {str(k): str(v) for k, v in shown.items()}
        checking = body.get("checking") is True if isinstance(body, dict) else False
        check_issued = _count(body.get("check_issued") if isinstance(body, dict) else 0)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        key, closed, issued, options, shown = b"", False, 0, {}, {}
        checking, check_issued = False, 0
    if len(key) != 32:
        raise CoprodError.single(
            name,
            "room-file",
            _(
                "is not a room file coprod wrote; run `coprod workshop` with --new-room to "
                "start a new room (phones that joined before will need to scan the new code)"
            ),
        )
    return RoomKeys(key, path, closed, issued, options, shown, checking, check_issued)


def _count(value: object) -> int:
    """A number the room gave out, as the file holds it (0 for anything else)."""
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**9
        else 0
    )


def _mapping(value: object) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}
