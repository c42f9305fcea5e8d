"""What every page of the room shares: templates, cookies, forms and their CSRF check."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from coprod_assess.i18n import _, is_easy_read
from coprod_assess.room.guards import BODY_LIMIT
from coprod_assess.room.languages import back_to, offered, picker

if TYPE_CHECKING:
    from jinja2 import Environment

    from coprod_assess.room.state import Room

COOKIE_DAYS = 30
# The facilitator's pages: always in the workshop's language, whatever a phone chose.
FACILITATOR_PATHS = ("/projector", "/control/")


@cache
def _environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from coprod_assess.report.templating import install_gettext
    from coprod_assess.resources import templates_dir

    env = Environment(
        loader=FileSystemLoader(str(templates_dir() / "room")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    install_gettext(env)
    return env


class Web:
    """The room's cookies and pages, bound to one room."""

    def __init__(self, room: Room) -> None:
        self.room = room
        suffix = room.keys.room_id
        self.joined_cookie = f"coprod-{suffix}-room"
        self.person_cookie = f"coprod-{suffix}-person"
        self.control_cookie = f"coprod-{suffix}-control"
        self.form_cookie = f"coprod-{suffix}-form"
        self.checker_cookie = f"coprod-{suffix}-checker"
        self.lang_cookie = f"coprod-{suffix}-lang"

    # Who is asking

    def joined(self, request: Request) -> bool:
        """Whether this browser came in by the QR code, the join address or the code."""
        return self.room.keys.signed_value("room", request.cookies.get(self.joined_cookie)) == "in"

    def person_id(self, request: Request) -> str | None:
        """The respondent this browser answers as, if any (its cookie is signed)."""
        return self.room.keys.signed_value("person", request.cookies.get(self.person_cookie))

    def checker_id(self, request: Request) -> str | None:
        """The sense-check person this browser checks the findings as, when it joined the
        round without answering here (its cookie is signed)."""
        return self.room.keys.signed_value("checker", request.cookies.get(self.checker_cookie))

    def language(self, request: Request) -> str:
        """The language to answer this request in: the workshop's for the facilitator's
        pages; for a phone, the one it chose (its cookie is signed), else the workshop's."""
        if facilitator_page(request.url.path):
            return self.room.lang
        chosen = self.room.keys.signed_value("lang", request.cookies.get(self.lang_cookie))
        return chosen if chosen is not None and offered(chosen) else self.room.lang

    def facilitator(self, request: Request) -> bool:
        """Whether this browser opened the facilitator's secret address."""
        signed = request.cookies.get(self.control_cookie)
        return self.room.keys.signed_value("control", signed) == "facilitator"

    # Cookies

    def _set(self, response: Response, name: str, value: str, days: int = COOKIE_DAYS) -> None:
        response.set_cookie(
            name, value, max_age=days * 86400, path="/", httponly=True, samesite="lax"
        )

    def let_in(self, response: Response) -> None:
        """Remember that this browser may answer in the room."""
        self._set(response, self.joined_cookie, self.room.keys.sign("room", "in"))

    def remember_person(self, response: Response, person_id: str) -> None:
        """Remember who answers in this browser, so a reopened page carries on."""
        self._set(response, self.person_cookie, self.room.keys.sign("person", person_id))

    def remember_checker(self, response: Response, person_id: str) -> None:
        """Remember who checks the findings in this browser (someone who did not answer
        here), so a reopened page carries on."""
        self._set(response, self.checker_cookie, self.room.keys.sign("checker", person_id))

    def forget_person(self, response: Response) -> None:
        """End one person's turn in this browser, answering and checking (the next person
        starts afresh)."""
        for name in (self.person_cookie, self.checker_cookie):
            response.delete_cookie(name, path="/", httponly=True, samesite="lax")

    def remember_language(self, response: Response, lang: str) -> None:
        """Remember the language this phone chose (a year: it is only a preference)."""
        self._set(response, self.lang_cookie, self.room.keys.sign("lang", lang), 365)

    def let_facilitator_in(self, response: Response) -> None:
        """Remember the facilitator's browser (a day: one workshop)."""
        self._set(response, self.control_cookie, self.room.keys.sign("control", "facilitator"), 1)

    # Pages and forms

    def page(
        self, request: Request, template: str, context: Mapping[str, Any], status: int = 200
    ) -> HTMLResponse:
        """A page; forms on it carry this browser's CSRF token."""
        form_key = request.cookies.get(self.form_cookie) or ""
        fresh = len(form_key) != 32
        if fresh:
            form_key = secrets.token_hex(16)
        lang = self.language(request)
        phone = not facilitator_page(request.url.path)
        values = {
            "title": self.room.title,
            "csrf": self.room.keys.sign("form", form_key),
            # A phone's pages offer the other languages; the facilitator's do not.
            "languages": picker(lang) if phone else [],
            "here": back_to(request.url.path),
            "easy_read": phone and is_easy_read(lang),
            **context,
        }
        html = _environment().get_template(template).render(**values)
        response = HTMLResponse(html, status_code=status)
        if fresh:
            self._set(response, self.form_cookie, form_key, 1)
        return response

    def message(
        self,
        request: Request,
        heading: str,
        text: str,
        status: int,
        link: tuple[str, str] | None,
        *,
        watch: bool = False,
    ) -> HTMLResponse:
        """A page that only says something (an error, a closed room), with a way on;
        `watch`: its script shows the way in when the sense-check opens."""
        context = {"heading": heading, "text": text, "link": link, "watch": watch}
        return self.page(request, "message.html.j2", context, status)

    async def form(self, request: Request) -> FormData | None:
        """The posted form, or None when it did not come from one of the room's own pages."""
        origin = request.headers.get("origin")
        host = request.headers.get("host")
        # A browser that hides where a form came from sends "null": the token decides then.
        if origin not in (None, "null") and origin != f"{request.url.scheme}://{host}":
            return None
        try:
            # One field may be the whole capped body: a note of 1,000 letters in a script
            # of three UTF-8 bytes each is 9,000 bytes once percent-encoded.
            form = await request.form(max_files=0, max_fields=20, max_part_size=BODY_LIMIT)
        except Exception:  # a malformed body is refused like a forged one
            return None
        form_key = request.cookies.get(self.form_cookie)
        token = form.get("csrf")
        if not form_key or not isinstance(token, str):
            return None
        if self.room.keys.signed_value("form", token) != form_key:
            return None
        return form

    def refused(self, request: Request) -> HTMLResponse:
        """The answer to a form that did not come from this browser's page."""
        return self.message(
            request,
            _("That did not go through"),
            _(
                "The page was too old, or did not come from this room. Nothing was changed. "
                "Go back, reload the page and try again."
            ),
            403,
            ("/", _("Start again")),
        )


def facilitator_page(path: str) -> bool:
    """Whether the page at `path` is one of the facilitator's (in the workshop's language)."""
    return path == FACILITATOR_PATHS[0] or path.startswith(
        (FACILITATOR_PATHS[0] + "/", FACILITATOR_PATHS[1])
    )


def see_other(url: str) -> RedirectResponse:
    """After a form: go to the next page (POST, then redirect)."""
    return RedirectResponse(url, status_code=303)
