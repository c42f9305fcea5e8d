"""The facilitator's pages: the projector (join details and live counts), closing, and the
sense-check round (started and ended here once answering has closed).

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
from coprod_assess.i18n import _
from coprod_assess.room.state import CheckingOpen
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
            _("This page is for the facilitator"),
            _("Open the facilitator's address that the terminal printed."),
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

        check = self.room.sense_check
        checking = check.open
        counts = await run_in_threadpool(check.counts if checking else self.room.counts)
        urls = list(self.room.settings.join_urls)
        join = f"{urls[0]}/join/{self.room.keys.join_token}"
        context = {
            "qr": qr_svg(join, _("QR code: scan it to join")),
            "address": urls[0],
            "others": urls[1:],
            "code": self.room.keys.code,
            "counts": counts,
            "closed": self.room.closed,
            "has_report": self.room.has_report(),
            "checking": checking,
            "findings": check.total,
            "checked": 0 if checking else await run_in_threadpool(check.responded),
        }
        return self.web.page(request, "projector.html.j2", context)

    async def counts(self, request: Request) -> Response:
        """The live counts, for the projector's script (it reloads when answering closes)."""
        if not self.web.facilitator(request):
            return JSONResponse({"error": "facilitator only"}, status_code=403)
        checking = self.room.sense_check.open
        count = self.room.sense_check.counts if checking else self.room.counts
        counts = await run_in_threadpool(count)
        return JSONResponse(
            {
                "joined": counts.joined,
                "finished": counts.finished,
                "lived": counts.lived_said,
                "professional": counts.professional_said,
                "closed": self.room.closed,
                "checking": checking,
            }
        )

    async def _pressed(self, request: Request) -> Response | None:
        """The refusal of a button pressed anywhere but on the facilitator's own page; None
        for a press to act on."""
        if not self.web.facilitator(request):
            return self._refused(request)
        if await self.web.form(request) is None:
            return self.web.refused(request)
        return None

    def _told(self, request: Request, heading: str, text: str, status: int) -> Response:
        """A page saying what happened, and the way back to the projector."""
        back = ("/projector", _("Back to the projector page"))
        return self.web.message(request, heading, text, status, back)

    def _failed(self, request: Request, err: CoprodError, heading: str, safe: str) -> Response:
        """What the screen says when the answers file stopped something: the terminal says
        why."""
        self.room.problem(err)
        text = _("The terminal says why. {safe}").format(safe=safe)
        return self._told(request, heading, text, 500)

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
            heading = _("Answering is closed, but the report could not be made")
            return self._failed(request, err, heading, _("Every answer is saved."))
        self.room.announce_closed(closed)
        return see_other("/report" if closed.report is not None else "/projector")

    async def reopen(self, request: Request) -> Response:
        """Let people answer again."""
        refused = await self._pressed(request)
        if refused is not None:
            return refused
        try:
            was_closed = await run_in_threadpool(self.room.reopen)
        except CheckingOpen:
            text = _("End the sense-check first; then answering can open again.")
            return self._told(request, _("The sense-check is open"), text, 409)
        self.room.announce_open(was_closed)
        return see_other("/projector")

    async def start_check(self, request: Request) -> Response:
        """Open the sense-check round: each phone shows the main findings to check."""
        refused = await self._pressed(request)
        if refused is not None:
            return refused
        check = self.room.sense_check
        try:
            started = await run_in_threadpool(check.start)
        except CoprodError as err:
            heading = _("The findings could not be drawn")
            return self._failed(request, err, heading, _("Every answer is saved."))
        check.announce_started(started)
        if started.refused:
            why = {
                "answering": _("Answering is still open: close answering first."),
                "nobody": _("Nobody has answered anything, so there are no findings to check."),
                "nothing": _(
                    "There are too few answers to draw findings from, so there is nothing to "
                    "check (no result is shown for fewer than {min_group} people)."
                ).format(min_group=self.room.settings.min_group),
            }[started.refused]
            return self._told(request, _("The sense-check did not start"), why, 409)
        return see_other("/projector")

    async def end_check(self, request: Request) -> Response:
        """End the sense-check round and make the report again."""
        refused = await self._pressed(request)
        if refused is not None:
            return refused
        check = self.room.sense_check
        try:
            ended = await run_in_threadpool(check.end)
        except CoprodError as err:
            heading = _("The sense-check has ended, but the report could not be made")
            return self._failed(request, err, heading, _("Every response is saved."))
        check.announce_ended(ended)
        return see_other("/projector")
