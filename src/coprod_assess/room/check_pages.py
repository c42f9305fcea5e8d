"""The pages of the sense-check round on a participant's phone: one finding per screen.

Someone who answered on this phone checks the findings as the role they answered
as; a phone new to the room picks a role first (no names in this round). Each
response is posted, saved on the laptop, and only then does the next finding show.
The person is known by a signed cookie (the answering one, or the round's own), so
nobody reaches anyone else's responses, and a phone carries on where it stopped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from coprod_assess.answers.checking import MATCH_LABELS, Said
from coprod_assess.control_chars import typed_text
from coprod_assess.errors import CoprodError
from coprod_assess.i18n import N_, _, current
from coprod_assess.room.languages import other_language
from coprod_assess.room.pages import role_choices
from coprod_assess.room.state import NOTE_LIMIT, RoomFull
from coprod_assess.room.web import Web, see_other

if TYPE_CHECKING:
    from coprod_assess.room.pages import Participant
    from coprod_assess.room.state import Room

QUESTION = N_("Does this match your experience?")
# The answers to it, as a phone shows them (the answers file keeps the keys).
MATCH_WORDS = {
    "yes": N_("Yes"),
    "partly": N_("Partly"),
    "no": N_("No"),
    "not-sure": N_("Not sure"),
}
assert set(MATCH_WORDS) == set(MATCH_LABELS)


class CheckPages:
    """The sense-check pages of one room."""

    def __init__(self, room: Room, web: Web, participant: Participant) -> None:
        self.room = room
        self.web = web
        self.participant = participant
        self.round = room.sense_check

    # Who is checking

    def _who(self, request: Request) -> tuple[str | None, str | None]:
        """(the sense-check person, the respondent) of this browser: a browser that answered
        checks as its respondent; one that joined the round checks as its own person."""
        if not self.web.joined(request):
            return None, None
        respondent = self.web.person_id(request)
        if respondent is not None and self.room.turn(respondent) is not None:
            return self.round.checker_of(respondent), respondent
        person = self.web.checker_id(request)
        if person is not None and self.round.exists(person):
            return person, None
        return None, None

    async def who(self, request: Request) -> tuple[str | None, str | None]:
        """`_who`, away from the server's loop (it waits for the room's lock)."""
        return await run_in_threadpool(self._who, request)

    async def took_part(self, request: Request) -> bool:
        """Whether this browser has checked findings in this room."""
        if not self.web.joined(request) or not self.round.total:
            return False
        person, _respondent = await self.who(request)
        return person is not None

    def _page_at(self, at: int) -> str:
        return "/check/done" if at >= self.round.total else f"/check/{at + 1}"

    def _ended(self, request: Request, number: int = 0) -> Response:
        """The round is not open: an arriving response was not saved; otherwise, thanks."""
        link = ("/report", _("See what the room said")) if self.room.has_report() else None
        if request.method == "POST" and number:
            said = [_("The sense-check ended before this response arrived, so it was not saved.")]
            if number > 1:
                said.append(_("Your earlier responses are saved."))
        else:
            said = [_("Thank you for checking the findings. Your responses are saved.")]
        heading = _("The sense-check has ended")
        return self.web.message(request, heading, " ".join(said), 200, link)

    # Coming in

    async def home(self, request: Request) -> Response:
        """The room's address while the round is open (or after it, for a phone that took
        part): where this phone carries on."""
        if not self.web.joined(request):
            return self.web.page(request, "code.html.j2", {"error": None})
        person, respondent = await self.who(request)
        if not self.round.open:
            return self._ended(request)
        if person is not None:
            return see_other(self._page_at(await run_in_threadpool(self.round.at, person)))
        if respondent is not None:
            return self.participant.closed(request)
        return see_other("/check")

    async def start_page(self, request: Request) -> Response:
        """What the round is (and, for a phone new to the room, the role to pick)."""
        if not self.web.joined(request):
            return see_other("/")
        person, respondent = await self.who(request)
        if not self.round.open:
            return self._ended(request) if person is not None else see_other("/")
        if person is not None:
            return see_other(self._page_at(await run_in_threadpool(self.round.at, person)))
        return self._welcome(request, new=respondent is None)

    def _welcome(
        self, request: Request, *, new: bool, error: str | None = None, status: int = 200
    ) -> Response:
        roles = role_choices(self.room, current()) if new else []
        context = {
            "total": self.round.total,
            "roles": roles,
            "min_group": self.room.settings.min_group,
            "error": error,
        }
        return self.web.page(request, "check_start.html.j2", context, status)

    async def start(self, request: Request) -> Response:
        """Begin checking: as this phone's respondent, or as the role picked."""
        form = await self.web.form(request)
        if form is None or not self.web.joined(request):
            return self.web.refused(request)
        person, respondent = await self.who(request)
        if not self.round.open:
            return self._ended(request) if person is not None else see_other("/")
        if person is not None:
            return see_other("/check")
        role = str(form.get("role") or "")
        if respondent is None and role not in {r.id for r in self.room.roles()}:
            error = _("Choose the answer that describes you best.")
            return self._welcome(request, new=True, error=error, status=400)
        device = request.client.host if request.client else ""
        try:
            person = await run_in_threadpool(self.round.join, role, respondent, device)
        except RoomFull:
            return self.participant.full(request)
        except CoprodError as err:
            return self.participant.not_saved(request, err)
        if person is None:
            return self._ended(request)
        response = see_other("/check/1")
        if respondent is None:
            self.web.remember_checker(response, person)
        return response

    # One finding per screen

    async def finding(self, request: Request) -> Response:
        """One finding: shown (GET), or responded to and saved (POST)."""
        number = int(request.path_params["number"])
        person, _respondent = await self.who(request)
        if person is None:
            return see_other("/")
        if not self.round.open:
            return self._ended(request, number)
        at = await run_in_threadpool(self.round.at, person)
        if not 1 <= number <= min(at + 1, self.round.total):
            # A finding there is none of, or one ahead of the first not yet checked.
            return see_other(self._page_at(at))
        if request.method != "POST":
            return await self._show(request, person, number - 1)
        form = await self.web.form(request)
        if form is None:
            return self.web.refused(request)
        chosen = str(form.get("match") or "")
        note = typed_text(str(form.get("note") or ""), multiline=True)
        if len(note) > NOTE_LIMIT:
            error = _("A comment can be at most {limit} characters: this one has {count}.").format(
                limit=f"{NOTE_LIMIT:,}", count=f"{len(note):,}"
            )
            return await self._show(request, person, number - 1, error, chosen, note, "note")
        if chosen not in MATCH_LABELS:
            error = _("Choose Yes, Partly, No or Not sure.")
            return await self._show(request, person, number - 1, error, chosen, note)
        said = Said(chosen, note.strip())
        try:
            following = await run_in_threadpool(self.round.save, person, number - 1, said)
        except CoprodError as err:
            return self.participant.not_saved(request, err)
        if following is None:
            return self._ended(request, number)
        return see_other(self._page_at(following))

    async def _show(
        self,
        request: Request,
        person: str,
        index: int,
        error: str | None = None,
        chosen: str | None = None,
        note: str | None = None,
        wrong: str = "match",
    ) -> Response:
        saved = await run_in_threadpool(self.round.said, person, index)
        if chosen is None:
            chosen = saved.value if saved is not None else ""
        lang = current()
        finding, finding_lang = self.round.finding(index, lang)
        context = {
            "number": index + 1,
            "total": self.round.total,
            "finding": finding,
            # The finding as the answers file keeps it may be in another language.
            "finding_lang": other_language(finding_lang, lang),
            "question": _(QUESTION),
            "options": [
                {"key": key, "label": _(MATCH_WORDS[key]), "checked": chosen == key}
                for key in MATCH_LABELS
            ],
            "wrong": wrong,
            "note": note if note is not None else (saved.note if saved else ""),
            "note_limit": NOTE_LIMIT,
            "back": f"/check/{index}" if index > 0 else None,
            "error": error,
        }
        return self.web.page(request, "finding.html.j2", context, 400 if error else 200)

    async def done(self, request: Request) -> Response:
        """Every finding checked: thanks, and the way to hand over."""
        person, _respondent = await self.who(request)
        if person is None:
            return see_other("/")
        if not self.round.open:
            return self._ended(request)
        at = await run_in_threadpool(self.round.at, person)
        if at < self.round.total:
            return see_other(self._page_at(at))
        return self.web.page(request, "check_done.html.j2", {"total": self.round.total})

    async def pause(self, request: Request) -> Response:
        """Stopping for now, or handing the phone to the next person."""
        person, _respondent = await self.who(request)
        if person is None:
            return see_other("/")
        if not self.round.open:
            return self._ended(request)
        carry_on = self._page_at(await run_in_threadpool(self.round.at, person))
        return self.web.page(request, "pause.html.j2", {"carry_on": carry_on, "checking": True})

    async def state(self, request: Request) -> Response:
        """Whether the round is open, for the script on a closed page (it reloads then)."""
        if not self.web.joined(request):
            return JSONResponse({"error": "join the room first"}, status_code=403)
        return JSONResponse({"open": self.round.open})
