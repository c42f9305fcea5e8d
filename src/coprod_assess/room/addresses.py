"""The addresses phones in the room can reach this laptop at.

Found without sending anything anywhere: connecting a UDP socket only asks
the operating system which of its addresses it would use for a route, and
no packet leaves the laptop.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket

LOCAL = "127.0.0.1"
# One address in each private range, and one public test address: whichever the
# laptop has a route to tells us the address the room's network gave it.
_PROBES = ("192.168.255.255", "172.31.255.255", "10.255.255.255", "192.0.2.1")


def _usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_unspecified)


def room_addresses() -> list[str]:
    """This laptop's IPv4 addresses on its networks, the likeliest first; [] when none."""
    found: list[str] = []
    for probe in _PROBES:
        with (
            contextlib.suppress(OSError),
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock,
        ):
            sock.connect((probe, 9))
            found.append(sock.getsockname()[0])
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    unique: list[str] = []
    for address in found:
        if _usable(address) and address not in unique:
            unique.append(address)
    return unique
