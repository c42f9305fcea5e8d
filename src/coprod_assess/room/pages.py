"""The pages a participant sees: join, pick a role, one question per screen, done.

Plain forms: every answer is posted, saved on the laptop, and only then does
the next page show (POST, then redirect). The person is known by a signed
cookie, so nobody reaches anyone else's answers, and a phone that closed its
browser carries on where it stopped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from coprod_assess.answers.saved import SKIP_REASONS
from coprod_assess.control_chars import typed_text
from coprod_assess.errors import CoprodError
from coprod_assess.i18n import N_, _, current, is_easy_read
from coprod_assess.room.guards import Attempts
from coprod_assess.room.languages import (
    back_to,
    offered,
    other_language,
    picture_uri,
    words_language,
)
from coprod_assess.room.state import NAME_LIMIT, NOTE_LIMIT, RoomFull
from coprod_assess.room.web import Web, see_other

if TYPE_CHECKING:
    from collections.abc import Sequence

    from coprod_assess.answers.session import Step
    from coprod_assess.answers.turn import Turn
    from coprod_assess.room.state import Room
    from coprod_assess.rubric.models import Question, Rubric

# The ways to skip a question, as a phone shows them.
SKIP_LABELS = {"dont-know": N_("Don't know"), "not-applicable": N_("Not applicable")}


def _minutes(steps: Sequence[Step]) -> int:
    """About how long the questions take, as `coprod rubric list` reckons it (words on
    screen at its reading pace) over the rubrics asked: to the minute up to 10, then to
    the nearest 5."""
    from coprod_assess.rubric.length import total_length

    rubrics = list({id(step.rubric): step.rubric for step in steps}.values())
    minutes = max(1, total_length(rubrics).minutes)
    return minutes if minutes <= 10 else 5 * round(minutes / 5)


def _value_key(value: float) -> str:
    return f"v{value:g}"


def _in_language(room: Room, step: Step, lang: str) -> tuple[Rubric, str, Question]:
    """A question's rubric, dimension title and question, in the words of `lang` (the same
    ids, so the answer is the same answer in any language)."""
    rubric = room.words(lang).rubrics.get(step.rubric.id, step.rubric)
    for dimension, question in rubric.questions():
        if question.id == step.question.id:
            return rubric, dimension.title, question
    return step.rubric, step.dimension.title, step.question


def role_choices(room: Room, lang: str) -> list[dict[str, str]]:
    """The roles a phone in `lang` may pick, with their words and the language those are in
    when it is not the page's."""
    from coprod_assess.rubric.translation import ROLES

    marked = other_language(words_language(room.words(lang), ROLES, lang), lang)
    return [
        {"id": r.id, "label": r.label, "hint": r.description or "", "lang": marked}
        for r in room.roles(lang)
    ]


def _page_at(turn: Turn, at: int) -> str:
    """The page for question index `at`: the question, or the end once all are answered."""
    return "/done" if at >= turn.total else f"/q/{at + 1}"


class Participant:
    """The participant pages of one room."""

    def __init__(self, room: Room, web: Web) -> None:
        self.room = room
        self.web = web
        self.attempts = Attempts()

    def closed(self, request: Request) -> Response:
        """The page for a closed room: thanks; the way to the sense-check while it is open,
        else to the report (only for a browser that may open it: the room's or the
        facilitator's)."""
        allowed = self.web.joined(request) or self.web.facilitator(request)
        ready = allowed and self.room.has_report()
        link = ("/report", _("See what the room said")) if ready else None
        checking = self.web.joined(request) and self.room.sense_check.open
        # Whole sentences, one paragraph.
        if request.method == "POST" and "number" in request.path_params:
            # An answer sent from a page shown before answering closed: it was not saved.
            said = [_("Answering closed before this answer arrived, so it was not saved.")]
            if int(request.path_params["number"]) > 1:
                said.append(_("Your earlier answers are saved."))
        elif self.web.person_id(request) is not None:
            said = [_("Thank you for taking part. Your answers are saved.")]
        else:  # never joined, or joined and not started: there is nothing of theirs to save
            said = [_("Thank you.")]
        if checking:
            said.append(_("Now, do the main findings match your experience?"))
            link = ("/check", _("Check the findings"))
        # A phone that answered waits here: its script reloads the page when the round opens.
        answered = self.web.joined(request) and self.web.person_id(request) is not None
        return self.web.message(
            request,
            _("Answering has closed"),
            " ".join(said),
            200,
            link,
            watch=answered and not checking,
        )

    def full(self, request: Request) -> Response:
        """The page for one more person than the room, or one device, may bring in."""
        return self.web.message(
            request,
            _("The room is full"),
            _("As many people have joined as this workshop allows. Please tell the facilitator."),
            503,
            None,
        )

    def _turn(self, request: Request) -> Turn | None:
        person = self.web.person_id(request)
        return self.room.turn(person) if person is not None else None

    def not_saved(self, request: Request, err: CoprodError) -> Response:
        """The page for an answers file that cannot be read or written now (a hand edit
        that broke it, a person removed, a full disk); the terminal is told why."""
        self.room.problem(err)
        if request.method != "POST":  # only a page asked for: nothing was being saved
            return self.web.message(
                request,
                _("Something is wrong on the facilitator's laptop"),
                _("Please tell the facilitator. Answers already given are safe."),
                500,
                ("/", _("Try again")),
            )
        return self.web.message(
            request,
            _("Your answer was not saved"),
            _(
                "Something on the facilitator's laptop stopped it being saved. Please tell the "
                "facilitator. Your earlier answers are safe."
            ),
            500,
            ("/", _("Try again")),
        )

    # Coming in

    async def home(self, request: Request) -> Response:
        """The code form, the welcome, or straight back to where this phone stopped."""
        if not self.web.joined(request):
            if self.room.closed:
                return self.closed(request)
            return self.web.page(request, "code.html.j2", {"error": None})
        turn = self._turn(request)
        if self.room.closed:
            return self.closed(request)
        if turn is not None:
            return see_other(_page_at(turn, await run_in_threadpool(self._resume_at, turn)))
        return self._welcome(request)

    def _welcome(
        self,
        request: Request,
        error: str | None = None,
        status: int = 200,
        *,
        chosen: str = "",
        name: str = "",
        wrong: str = "role",
    ) -> Response:
        """The welcome and the role form; after an error, what was chosen and typed is
        kept and the error points at the field that is `wrong` ("role" or "name")."""
        lang = current()
        steps = self.room.steps_for(lang)
        context = {
            "roles": role_choices(self.room, lang),
            "names": self.room.settings.names,
            "total": len(steps),
            "minutes": _minutes(steps),
            "min_group": self.room.settings.min_group,
            "error": error,
            "name_limit": NAME_LIMIT,
            "chosen": chosen,
            "name": name,
            "wrong": wrong,
        }
        return self.web.page(request, "welcome.html.j2", context, status)

    async def choose_language(self, request: Request) -> Response:
        """A language chosen on a phone: remembered, then back to the page it was on."""
        form = await self.web.form(request)
        if form is None:
            return self.web.refused(request)
        lang = str(form.get("lang") or "")
        response = see_other(back_to(str(form.get("next") or "")))
        if offered(lang):
            self.web.remember_language(response, lang)
        return response

    async def join_link(self, request: Request) -> Response:
        """The address in the QR code: lets this browser in."""
        token = str(request.path_params["token"])
        import hmac

        if not hmac.compare_digest(token.encode(), self.room.keys.join_token.encode()):
            return self.web.message(
                request,
                _("This is not the room's address"),
                _("Check the address on the screen at the front, or type the room code."),
                404,
                ("/", _("Type the room code")),
            )
        response = see_other("/")
        self.web.let_in(response)
        return response

    async def code(self, request: Request) -> Response:
        """The room code typed instead of scanning; wrong codes are rate-limited."""
        form = await self.web.form(request)
        if form is None:
            return self.web.refused(request)
        address = request.client.host if request.client else "unknown"
        if self.attempts.blocked(address):
            error = _("Too many wrong codes. Wait a few minutes, or scan the QR code instead.")
            return self.web.page(request, "code.html.j2", {"error": error}, 429)
        typed = str(form.get("code") or "")[:40]
        if not self.room.keys.code_matches(typed):
            self.attempts.failed(address)
            error = _("That is not the room code. Check the screen at the front and try again.")
            return self.web.page(request, "code.html.j2", {"error": error}, 400)
        response = see_other("/")
        self.web.let_in(response)
        return response

    async def start(self, request: Request) -> Response:
        """The role (and name, when the facilitator asked for names) picked: begin."""
        form = await self.web.form(request)
        if form is None or not self.web.joined(request):
            return self.web.refused(request)
        if self.room.closed:
            return self.closed(request)
        if self._turn(request) is not None:
            return see_other("/")
        role = str(form.get("role") or "")
        name = typed_text(str(form.get("name") or "")) if self.room.settings.names else ""
        if role not in {r.id for r in self.room.roles()}:
            error = _("Choose the answer that describes you best.")
            return self._welcome(request, error, 400, name=name[:NAME_LIMIT])
        if len(name) > NAME_LIMIT:
            error = _("A name can be at most {limit} characters.").format(limit=NAME_LIMIT)
            return self._welcome(request, error, 400, chosen=role, name=name, wrong="name")
        try:
            device = request.client.host if request.client else ""
            person = await run_in_threadpool(self.room.join, role, name or None, device, current())
        except RoomFull:
            return self.full(request)
        except CoprodError as err:
            return self.not_saved(request, err)
        response = see_other("/q/1")
        self.web.remember_person(response, person)
        return response

    # Answering

    async def question(self, request: Request) -> Response:
        """One question: shown (GET), or answered and saved (POST)."""
        if not self.web.joined(request):
            return see_other("/")
        if self.room.closed:
            return self.closed(request)
        turn = self._turn(request)
        if turn is None:
            return see_other("/")
        number = int(request.path_params["number"])
        at = await run_in_threadpool(self._resume_at, turn)
        if not 1 <= number <= min(at + 1, turn.total):
            return see_other(_page_at(turn, at))
        if request.method != "POST":
            return self._show(request, turn, number - 1)
        form = await self.web.form(request)
        if form is None:
            return self.web.refused(request)
        return await self._answer(request, turn, number - 1, form)

    def _resume_at(self, turn: Turn) -> int:
        with self.room.lock:
            return turn.resume_at()

    async def _answer(self, request: Request, turn: Turn, index: int, form: Any) -> Response:
        chosen = str(form.get("answer") or "")
        note = typed_text(str(form.get("note") or ""), multiline=True)
        step = turn.step(index)
        values = {_value_key(option.value): option.value for option in step.options}
        if len(note) > NOTE_LIMIT:
            error = _("A note can be at most {limit} characters: this one has {count}.").format(
                limit=f"{NOTE_LIMIT:,}", count=f"{len(note):,}"
            )
            return self._show(request, turn, index, error, chosen, note)
        if chosen not in values and chosen not in SKIP_REASONS:
            error = _("Choose an answer, or \u201cDon't know\u201d or \u201cNot applicable\u201d.")
            return self._show(request, turn, index, error, chosen, note)

        def save() -> int:
            if self.room.closed:
                return -1
            if chosen in values:
                return turn.answer(index, values[chosen], note)
            return turn.skip(index, chosen, note)

        try:
            following = await run_in_threadpool(self.room.writer.write, save)
        except CoprodError as err:
            return self.not_saved(request, err)
        if following < 0:
            return self.closed(request)
        return see_other(_page_at(turn, following))

    def _show(
        self,
        request: Request,
        turn: Turn,
        index: int,
        error: str | None = None,
        chosen: str | None = None,
        note: str | None = None,
    ) -> Response:
        with self.room.lock:
            saved = turn.saved(index)
        lang = current()
        rubric, dimension, question = _in_language(self.room, turn.step(index), lang)
        if chosen is None and saved is not None:
            chosen = saved.skip or (_value_key(saved.value) if saved.value is not None else "")
        options = [
            {
                "key": _value_key(option.value),
                "label": option.label,
                "description": option.description or "",
                "checked": chosen == _value_key(option.value),
            }
            for option in rubric.options_for(question)
        ]
        skips = [
            {"key": reason, "label": _(SKIP_LABELS[reason]), "checked": chosen == reason}
            for reason in SKIP_REASONS
        ]
        easy = is_easy_read(lang)
        picture = picture_uri(question.image) if easy and question.image else None
        context = {
            "number": index + 1,
            "total": turn.total,
            "rubric": rubric.title,
            "dimension": dimension,
            "question": question.text,
            "help": question.help or "",
            # The rubric's words, marked when they are not in the page's language (a
            # rubric with no translation into it).
            "words_lang": other_language(rubric.lang, lang),
            "picture": picture,
            "picture_alt": (question.image_alt or "") if picture else "",
            "options": options,
            "skips": skips,
            "note": note if note is not None else (saved.note if saved else ""),
            "note_limit": NOTE_LIMIT,
            "back": f"/q/{index}" if index > 0 else None,
            "error": error,
        }
        return self.web.page(request, "question.html.j2", context, 400 if error else 200)

    async def done(self, request: Request) -> Response:
        """Every question answered: thanks, and the way to hand over."""
        turn = self._turn(request) if self.web.joined(request) else None
        if turn is None:
            return see_other("/")
        if self.room.closed:
            return self.closed(request)
        at = await run_in_threadpool(self._resume_at, turn)
        if at < turn.total:
            return see_other(f"/q/{at + 1}")
        return self.web.page(request, "done.html.j2", {"total": turn.total})

    async def pause(self, request: Request) -> Response:
        """Stopping for now, or handing the device to the next person."""
        turn = self._turn(request) if self.web.joined(request) else None
        if turn is None:
            return see_other("/")
        carry_on = _page_at(turn, await run_in_threadpool(self._resume_at, turn))
        return self.web.page(request, "pause.html.j2", {"carry_on": carry_on, "checking": False})

    async def leave(self, request: Request) -> Response:
        """End this person's turn on this device: the next person starts afresh."""
        form = await self.web.form(request)
        if form is None:
            return self.web.refused(request)
        response = see_other("/")
        self.web.forget_person(response)
        return response

    async def report(self, request: Request) -> Response:
        """The report of the session, once answering has closed."""
        if not (self.web.joined(request) or self.web.facilitator(request)):
            return see_other("/")
        html = await run_in_threadpool(self.room.report)
        if html is None:
            text = (
                _("The report is shown here when answering closes.")
                if not self.room.closed
                else _("Nobody had answered anything, so there is nothing to report.")
            )
            return self.web.message(request, _("No report yet"), text, 404, ("/", _("Back")))
        from starlette.responses import HTMLResponse

        return HTMLResponse(html)
