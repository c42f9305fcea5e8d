"""The printable question sheet for paper workshops, in HTML or Markdown.

The sheet is compact: questions that share the rubric's scale are a grid
(statements down, answers across), a question with its own answers is a block
kept whole on a page, and every printed page says which sheet and page it is.
Sheets are written in the language in use (`coprod template --lang`): the
program's words come from the `sheet` catalog, the rubrics' words from the
catalog the rubrics were localised with. In Easy Read each question has its
picture (where it has one) on the left and its words on the right, large, with
big tick boxes; the picture is copied into the page, so the sheet fetches
nothing.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from coprod_assess import __version__
from coprod_assess.i18n import _, base_language, current, is_easy_read, pgettext
from coprod_assess.report.templating import Kind, render
from coprod_assess.rubric.forms import Form
from coprod_assess.rubric.models import Dimension, Question, Rubric
from coprod_assess.rubric.roles import Role

# The kinds of picture a sheet copies in, by the file's suffix.
PICTURE_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


# The language findings are stored in: `coprod sense-check` draws them in English.
FINDINGS_LANG = "en"


def match_choices() -> dict[str, str]:
    """The answers to "Does this match your experience?" in the language in use, in the
    order `coprod sense-check` numbers them (the keys of answers.checking.MATCH_LABELS)."""
    return {
        "yes": pgettext("does it match", "Yes"),
        "partly": pgettext("does it match", "Partly"),
        "no": pgettext("does it match", "No"),
        "not-sure": pgettext("does it match", "Not sure"),
    }


@dataclass(frozen=True)
class Row:
    """A question as the sheet numbers it, with the dimension it is the first question of."""

    number: int
    question: Question
    opens: Dimension | None


@dataclass(frozen=True)
class Block:
    """What the sheet draws for one run of questions: a `grid` of the questions that use
    the rubric's scale, one after another; a `ladder` (a question whose answers have
    descriptions, one a line); a `choice` (its answers are words only, on one line).
    A question with a picture is never in a grid: it has room for the picture."""

    kind: Literal["grid", "ladder", "choice"]
    rows: tuple[Row, ...]

    @property
    def groups(self) -> list[tuple[Dimension | None, list[Row]]]:
        """The rows by dimension: each dimension the block opens, with its rows (the first
        group's dimension is None where it began before this block)."""
        groups: list[tuple[Dimension | None, list[Row]]] = []
        for row in self.rows:
            if row.opens is not None or not groups:
                groups.append((row.opens, []))
            groups[-1][1].append(row)
        return groups


def sheet_blocks(rubric: Rubric, first_number: int) -> list[Block]:
    """A rubric's questions, numbered on from `first_number`, as the sheet draws them."""
    blocks: list[Block] = []
    for place, (dim, question) in enumerate(rubric.questions()):
        opens = dim if question is dim.questions[0] else None
        row = Row(first_number + place, question, opens)
        if question.options is None and question.image is None:
            if blocks and blocks[-1].kind == "grid":
                blocks[-1] = Block("grid", (*blocks[-1].rows, row))
            else:
                blocks.append(Block("grid", (row,)))
        elif any(option.description for option in rubric.options_for(question)):
            blocks.append(Block("ladder", (row,)))
        else:
            blocks.append(Block("choice", (row,)))
    return blocks


def css_text(text: str, **counters: str) -> Markup:
    """Words for a CSS `content` value inside a <style> element: a quoted string, with each
    `%(name)s` in `text` given in `counters` (such as `counter(page)`) put in its place."""
    marks = {name: f"\x00{name}\x00" for name in counters}
    parts = (text % marks).split("\x00")
    shown = []
    for place, part in enumerate(parts):
        if place % 2:
            shown.append(counters[part])
        elif part:
            escaped = "".join(
                ch if ch.isalnum() or ch in " .,:;·_-'" else f"\\{ord(ch):x} " for ch in part
            )
            shown.append(f'"{escaped}"')
    return Markup(" ".join(shown))


def page_footer() -> Markup:
    """What every printed page of a sheet says at its foot, as a CSS `content` value: a
    blank for the sheet's number (so pages come back together), and the page of how many."""
    words = _("Sheet no. %(blank)s · page %(page)s of %(pages)s")
    return css_text(words, blank='"________"', page="counter(page)", pages="counter(pages)")


def picture_uri(path: str | None) -> str | None:
    """A picture file as a `data:` URI to put in the page, or None if there is none to
    show (no picture, a missing file, or a kind of file a browser may not show)."""
    if not path:
        return None
    file = Path(path)
    kind = PICTURE_TYPES.get(file.suffix.lower()) or mimetypes.guess_type(file.name)[0]
    if kind not in PICTURE_TYPES.values() or not file.is_file():
        return None
    return f"data:{kind};base64,{base64.b64encode(file.read_bytes()).decode('ascii')}"


def render_sheet(
    rubrics: Sequence[Rubric], roles: Sequence[Role], kind: Kind, form: Form = "full"
) -> str:
    """A question sheet: the roles to tick, each with its number, then every question
    numbered 1..N across the sheet, with a tick box for each answer marked with the
    value to type (the rubric's own, as `coprod assess --entry` takes it). Questions
    sharing a scale are a grid. The rubrics are given in the form to ask; a short form
    says so in the heading.

    In the language in use: in Easy Read, the large layout with pictures (give it the
    short form, as `coprod template --lang en-easy` does)."""
    blocks: dict[str, list[Block]] = {}
    numbers: dict[tuple[str, str], int] = {}
    places: dict[tuple[str, str], int] = {}
    for rubric in rubrics:
        blocks[rubric.id] = sheet_blocks(rubric, len(numbers) + 1)
        for place, (_dim, question) in enumerate(rubric.questions()):
            numbers[(rubric.id, question.id)] = len(numbers) + 1
            places[(rubric.id, question.id)] = place

    def question_number(rubric: Rubric, question: Question) -> int:
        return numbers[(rubric.id, question.id)]

    def starts_page(rubric: Rubric, question: Question) -> bool:
        # In Easy Read print, two questions a page: the 3rd, 5th, ... of a rubric
        # begin a new one (each rubric begins on a page of its own).
        place = places[(rubric.id, question.id)]
        return place > 0 and place % 2 == 0

    pictures: dict[str, str | None] = {}

    def picture(question: Question) -> str | None:
        if question.image is None:
            return None
        if question.image not in pictures:
            pictures[question.image] = picture_uri(question.image)
        return pictures[question.image]

    lang = current()
    context = {
        "rubrics": rubrics,
        "roles": roles,
        "blocks": lambda rubric: blocks[rubric.id],
        "question_number": question_number,
        "starts_page": starts_page,
        "picture": picture,
        "page_footer": page_footer(),
        "words_lang": _words_lang(lang),
        "easy_read": is_easy_read(lang),
        "tool_version": __version__,
        "form": form,
    }
    return render(kind, f"sheet.{kind}.j2", context)


def _words_lang(page: str) -> Callable[[str], str | None]:
    """The `lang` to mark a passage with, given the language of its words: None where
    it is the page's own (a rubric with no Welsh words on a Welsh sheet is marked `en`)."""

    def words_lang(lang: str) -> str | None:
        base = base_language(lang)
        return None if base == base_language(page) else base

    return words_lang


def finding_words(finding_id: str, stored: str, lang: str = FINDINGS_LANG) -> tuple[str, str]:
    """A finding's words on the sense-check sheet, and the language they are in.

    Findings are shown as saved in the answers file, in the language they were drawn
    in (`sense_check.lang`, English where the file does not say), and marked with it
    on a sheet in another language: everyone checks the same words. This is the hook
    for findings shown in other languages, keyed by `finding_id`.
    """
    return stored, lang


def render_check_sheet(
    findings: Sequence[tuple[str, str]],
    roles: Sequence[Role],
    kind: Kind,
    *,
    source: str,
    organisation: str = "",
    period: str = "",
    findings_lang: str = FINDINGS_LANG,
) -> str:
    """The sense-check on paper: a role to tick, then each finding with a box for each
    response, numbered as `coprod sense-check` takes them, and lines for a comment.
    In the language in use; the findings' own words as `finding_words` gives them."""
    shown = [
        (finding_id, *finding_words(finding_id, text, findings_lang))
        for finding_id, text in findings
    ]
    context = {
        "findings": shown,
        "roles": roles,
        "choices": list(match_choices().values()),
        "words_lang": _words_lang(current()),
        "easy_read": is_easy_read(current()),
        "source": source,
        "organisation": organisation,
        "period": period,
        "tool_version": __version__,
    }
    return render(kind, f"sense_check_sheet.{kind}.j2", context)
