"""The room's web app: its routes, behind the guards. The CLI only starts it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache, wraps
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import LANGUAGES, _, using
from coprod_assess.room.check_pages import CheckPages
from coprod_assess.room.guards import Guards
from coprod_assess.room.pages import Participant
from coprod_assess.room.projector import Projector
from coprod_assess.room.web import Web

if TYPE_CHECKING:
    from coprod_assess.room.state import Room

_STATIC = {"room.css": "text/css; charset=utf-8", "room.js": "text/javascript; charset=utf-8"}


@cache
def _static(name: str) -> bytes:
    from coprod_assess.resources import templates_dir

    return (templates_dir() / "room" / name).read_bytes()


async def static(request: Request) -> Response:
    """The room's own style sheet and script (nothing is loaded from elsewhere)."""
    name = str(request.path_params["name"])
    if name not in _STATIC:
        raise HTTPException(404)
    return Response(
        _static(name), media_type=_STATIC[name], headers={"cache-control": "max-age=3600"}
    )


@cache
def _words_css(lang: str) -> bytes:
    """The words the style sheet shows, in one language: "(chosen)" beside a chosen answer,
    so a choice is not told by colour alone (a page's text would be read twice)."""
    with using(lang):
        chosen = _("(chosen)")
    quoted = "".join(ch if ch.isalnum() or ch in " ()'-" else f"\\{ord(ch):x} " for ch in chosen)
    rule = f'.choice input:checked + label .label::after {{ content: " {quoted}"; }}\n'
    return rule.encode()


async def words_css(request: Request) -> Response:
    """The style sheet's words in the language a page names."""
    lang = str(request.path_params["lang"])
    if lang not in LANGUAGES:
        raise HTTPException(404)
    return Response(
        _words_css(lang), media_type=_STATIC["room.css"], headers={"cache-control": "max-age=3600"}
    )


Handler = Callable[[Request], Awaitable[Response]]


def build_app(room: Room) -> Guards:
    """The ASGI app of one room."""
    web = Web(room)
    participant = Participant(room, web)
    projector = Projector(room, web)
    checks = CheckPages(room, web, participant)

    def in_language(handler: Handler) -> Handler:
        """The handler, answering in the language of the request: the phone's own, or for
        the facilitator's pages the workshop's (see `Web.language`)."""

        @wraps(handler)
        async def answer(request: Request) -> Response:
            with using(web.language(request)):
                return await handler(request)

        return answer

    async def home(request: Request) -> Response:
        # While the sense-check is open (and after it, for a phone that took part), the
        # room's address leads to it.
        if room.closed and (room.sense_check.open or await checks.took_part(request)):
            return await checks.home(request)
        return await participant.home(request)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        with using(web.language(request)):
            return web.message(
                request,
                _("There is no such page"),
                _("Go back to the start."),
                status,
                ("/", _("Start")),
            )

    async def not_saved(request: Request, exc: Exception) -> Response:
        # Any page that reads the answers file takes in hand edits first: one that broke
        # the file, or removed the person answering, stops here and the terminal is told.
        assert isinstance(exc, CoprodError)
        with using(web.language(request)):
            return participant.not_saved(request, exc)

    pages = [
        Route("/", home),
        Route("/language", participant.choose_language, methods=["POST"]),
        Route("/code", participant.code, methods=["POST"]),
        Route("/join/{token}", participant.join_link),
        Route("/start", participant.start, methods=["POST"]),
        Route("/q/{number:int}", participant.question, methods=["GET", "POST"]),
        Route("/done", participant.done),
        Route("/pause", participant.pause),
        Route("/leave", participant.leave, methods=["POST"]),
        Route("/report", participant.report),
        Route("/check", checks.start_page),
        Route("/check/start", checks.start, methods=["POST"]),
        Route("/check/{number:int}", checks.finding, methods=["GET", "POST"]),
        Route("/check/done", checks.done),
        Route("/check/pause", checks.pause),
        Route("/check/state", checks.state),
        Route("/control/{token}", projector.control_link),
        Route("/projector", projector.show),
        Route("/projector/counts", projector.counts),
        Route("/projector/close", projector.close, methods=["GET", "POST"]),
        Route("/projector/reopen", projector.reopen, methods=["POST"]),
        Route("/projector/check", projector.start_check, methods=["POST"]),
        Route("/projector/check/end", projector.end_check, methods=["POST"]),
    ]
    routes = [
        *(Route(page.path, in_language(page.endpoint), methods=page.methods) for page in pages),
        Route("/static/words-{lang}.css", words_css),
        Route("/static/{name}", static),
    ]
    handlers = {404: not_found, 405: not_found, CoprodError: not_saved}
    app = Starlette(routes=routes, exception_handlers=handlers)
    return Guards(app)
