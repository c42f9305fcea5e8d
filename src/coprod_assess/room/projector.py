"""The facilitator's pages: the projector (join details and live counts) and closing.

Reached only through the facilitator's secret address, which the terminal
prints and the room never sees: opening it sets a cookie and moves on, so the
secret does not stay in the projector's address bar either.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from coprod_assess.errors import CoprodError
from coprod_assess.room.web import Web, see_other

if TYPE_CHECKING:
    from coprod_assess.room.state import Room


class Projector:
    """The facilitator's pages of one room."""

    def __init__(self, room: Room, web: Web) -> None:
        self.room = room
        self.web = web

    def _refused(self, request: Request) -> Response:
        return self.web.message(
            request,
            "This page is for the facilitator",
            "Open the facilitator's address that the terminal printed.",
            403,
            None,
        )

    async def control_link(self, request: Request) -> Response:
        """The facilitator's secret address: lets this browser in, then shows the projector."""
        token = str(request.path_params["token"])
        if not hmac.compare_digest(token.encode(), self.room.keys.control_token.encode()):
            return self._refused(request)
        response = see_other("/projector")
        self.web.let_facilitator_in(response)
        return response

    async def show(self, request: Request) -> Response:
        """The projector: QR code, address, room code, live counts; or, once closed, the
        way to the report."""
        if not self.web.facilitator(request):
            return self._refused(request)
        from coprod_assess.room.qr import qr_svg

        counts = await run_in_threadpool(self.room.counts)
        urls = list(self.room.settings.join_urls)
        join = f"{urls[0]}/join/{self.room.keys.join_token}"
        context = {
            "qr": qr_svg(join, "QR code: scan it to join"),
            "address": urls[0],
            "others": urls[1:],
            "code": self.room.keys.code,
            "counts": counts,
            "closed": self.room.closed,
            "has_report": self.room.has_report(),
        }
        return self.web.page(request, "projector.html.j2", context)

    async def counts(self, request: Request) -> Response:
        """The live counts, for the projector's script (it reloads when answering closes)."""
        if not self.web.facilitator(request):
            return JSONResponse({"error": "facilitator only"}, status_code=403)
        counts = await run_in_threadpool(self.room.counts)
        return JSONResponse(
            {
                "joined": counts.joined,
                "finished": counts.finished,
                "lived": counts.lived_said,
                "professional": counts.professional_said,
                "closed": self.room.closed,
            }
        )

    async def close(self, request: Request) -> Response:
        """Ask to be sure (GET), then close answering and show the report (POST)."""
        if not self.web.facilitator(request):
            return self._refused(request)
        if request.method != "POST":
            counts = await run_in_threadpool(self.room.counts)
            context = {
                "unfinished": counts.joined - counts.finished,
                "closed": self.room.closed,
                "min_group": self.room.settings.min_group,
            }
            return self.web.page(request, "close.html.j2", context)
        if await self.web.form(request) is None:
            return self.web.refused(request)
        try:
            closed = await run_in_threadpool(self.room.close)
        except CoprodError as err:
            self.room.problem(err)
            return self.web.message(
                request,
                "Answering is closed, but the report could not be made",
                "The terminal says why. Every answer is saved.",
                500,
                ("/projector", "Back to the projector page"),
            )
        self.room.announce_closed(closed)
        return see_other("/report" if closed.report is not None else "/projector")

    async def reopen(self, request: Request) -> Response:
        """Let people answer again."""
        if not self.web.facilitator(request):
            return self._refused(request)
        if await self.web.form(request) is None:
            return self.web.refused(request)
        was_closed = await run_in_threadpool(self.room.reopen)
        self.room.announce_open(was_closed)
        return see_other("/projector")
