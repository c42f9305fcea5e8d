"""The questionnaire as an XLSForm, for ODK Collect and KoboCollect (offline phone forms).

Three sheets, as XLSForm has them. `survey`: the `start` and `end` times, the
role (`select_one coprod_roles`, required), the name, then a group a rubric
(named by its id, labelled with its title) holding one `select_one` a question
(named by its id, labelled with its text, its help as the hint), and last
`anything_else`, the person's general note. `choices`: the roles (`coprod_roles`,
a role id a choice), each rubric's scale (a list named by the rubric id) and each
question with options of its own (a list named `rubric-id.question-id`); a choice
is named by the option's value (3, 0.5) and every question's list ends with
`dont-know` and `not-applicable`. `settings`: the title, a stable form id, a
version that changes whenever the form does, and the rubrics with their versions.

Every text is in English and Welsh (`label::English (en)`, `label::Cymraeg (cy)`):
a rubric with no Welsh words gives its own words in both, as ODK shows a blank.
A name is the id itself, with `_` in front where XLSForm could not take the id:
one starting with a digit, `meta` (ODK keeps it for itself), and a rubric whose
id is one of the form's own fields (start, end, role, name). Ids never hold `_`,
so such a name is never another id.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from coprod_assess.control_chars import plain_text
from coprod_assess.errors import CoprodError
from coprod_assess.i18n import _, using
from coprod_assess.online_forms.questions import (
    FormQuestion,
    FormWords,
    answer_text,
    form_questions,
    form_words,
    value_name,
)
from coprod_assess.rubric.catalog import Catalog
from coprod_assess.rubric.forms import Form, in_form
from coprod_assess.rubric.models import Rubric

# The form's languages, as XLSForm names them in its column headers: `label::English (en)`.
LANGUAGES = {"en": "English (en)", "cy": "Cymraeg (cy)"}
ROLES_LIST = "coprod_roles"
DONT_KNOW = "dont-know"
NOT_APPLICABLE = "not-applicable"
ANYTHING_ELSE = "anything_else"
# Between an answer's value and its words on a phone: an en dash, "3 \u2013 Established".
EN_DASH = "\u2013"
RESERVED = frozenset({"meta"})
TOP_LEVEL = frozenset({"start", "end", "role", "name"})
# The longest text a workbook cell holds.
CELL_LIMIT = 32767
# An XLSForm label or hint reads `${name}` as the answer to another question: a word
# joiner (unseen) between `$` and `{` keeps a rubric's own `${...}` as text.
_REFERENCE = "${"
_KEPT_AS_TEXT = "$\u2060{"


@dataclass(frozen=True)
class XLSForm:
    """The three sheets of an XLSForm, each a header row then its rows."""

    survey: list[list[str]]
    choices: list[list[str]]
    settings: list[list[str]]

    def sheets(self) -> dict[str, list[list[str]]]:
        """The sheets by name, in workbook order."""
        return {"survey": self.survey, "choices": self.choices, "settings": self.settings}


def xml_name(item_id: str, taken: frozenset[str] = RESERVED) -> str:
    """The XLSForm name of an id: the id, or `_` and the id where XLSForm cannot take
    it (it starts with a digit, or it is one of `taken`)."""
    return item_id if item_id[0].isalpha() and item_id not in taken else f"_{item_id}"


def list_name(question: FormQuestion) -> str:
    """The choice list a question takes: its rubric's scale, or its own options."""
    rubric_id = question.rubric.id
    return xml_name(rubric_id if question.on_scale else f"{rubric_id}.{question.question.id}")


def _text(text: str, *, multiline: bool = False) -> str:
    """Rubric or program text as a cell holds it: controls shown, never sent (a workbook
    cannot carry most of them), and no `${...}` read as a reference."""
    return plain_text(text, multiline=multiline).replace(_REFERENCE, _KEPT_AS_TEXT)


def build_xlsform(catalog: Catalog, rubrics: Sequence[Rubric], form: Form, lang: str) -> XLSForm:
    """The XLSForm asking `rubrics` (given in the form to ask), with `lang` (en or cy) the
    language a phone shows first."""
    localised = [catalog.localised(code) for code in LANGUAGES]
    # Each question once a language, side by side: the same questions in each one's words.
    asked = list(
        zip(
            *(form_questions([in_form(w.rubric(r.id), form) for r in rubrics]) for w in localised),
            strict=True,
        )
    )
    words = []
    for code in LANGUAGES:
        with using(code):
            words.append(form_words(form == "short"))
    survey = [
        [
            "type",
            "name",
            *(f"label::{language}" for language in LANGUAGES.values()),
            *(f"hint::{language}" for language in LANGUAGES.values()),
            "required",
            "appearance",
        ],
        _field("start", "start"),
        _field("end", "end"),
        _field(
            f"select_one {ROLES_LIST}",
            "role",
            [w.role for w in words],
            [w.role_hint for w in words],
            required="yes",
        ),
        _field("text", "name", [w.name for w in words], [w.name_hint for w in words]),
    ]
    choices = [["list_name", "name", *(f"label::{language}" for language in LANGUAGES.values())]]
    for role_id in catalog.roles:
        choices.append([ROLES_LIST, role_id, *_cells(w.roles[role_id].label for w in localised)])
    for rubric_id, group in groupby(asked, key=lambda same: same[0].rubric.id):
        in_rubric = list(group)
        titles = [question.rubric.title for question in in_rubric[0]]
        survey.append(_field("begin_group", xml_name(rubric_id, RESERVED | TOP_LEVEL), titles))
        for same in in_rubric:
            choice_list = list_name(same[0])
            survey.append(
                _field(
                    f"select_one {choice_list}",
                    xml_name(same[0].question.id),
                    [q.question.text for q in same],
                    [q.question.help for q in same],
                )
            )
            if not any(row[0] == choice_list for row in choices):
                choices += _choice_rows(choice_list, same, words)
        survey.append(_field("end_group", ""))
    anything_else = [w.anything_else for w in words]
    survey.append(_field("text", ANYTHING_ELSE, anything_else, appearance="multiline"))
    return XLSForm(survey, choices, _settings(catalog, rubrics, form, lang, [survey, choices]))


def _field(
    kind: str,
    name: str,
    labels: Sequence[str] = (),
    hints: Sequence[str] = (),
    *,
    required: str = "",
    appearance: str = "",
) -> list[str]:
    """A survey row: its labels and hints a language each (blank where none is given)."""
    blank = [""] * len(LANGUAGES)
    return [
        kind,
        name,
        *(_cells(labels) if labels else blank),
        *(_cells(hints, multiline=True) if hints else blank),
        required,
        appearance,
    ]


def _cells(texts: Iterable[str], *, multiline: bool = False) -> list[str]:
    return [_text(text, multiline=multiline) for text in texts]


def _choice_rows(
    choice_list: str, same: Sequence[FormQuestion], words: Sequence[FormWords]
) -> list[list[str]]:
    """A question's choices, its words a language each: its options, then don't know and
    does not apply."""
    rows = [
        [choice_list, value_name(options[0]), *_cells(answer_text(o, EN_DASH) for o in options)]
        for options in zip(*(q.options for q in same), strict=True)
    ]
    rows.append([choice_list, DONT_KNOW, *_cells(w.dont_know for w in words)])
    rows.append([choice_list, NOT_APPLICABLE, *_cells(w.not_applicable for w in words)])
    return rows


def _settings(
    catalog: Catalog,
    rubrics: Sequence[Rubric],
    form: Form,
    lang: str,
    sheets: list[list[list[str]]],
) -> list[list[str]]:
    """The settings sheet. The form id stays the same while the same rubrics are asked in
    the same form; the version changes whenever anything the form asks or says does (ODK
    Central takes a changed form only under a new version)."""
    rubric_versions = "; ".join(f"{rubric.id} {rubric.version}" for rubric in rubrics)
    every = {rubric.id for rubric in rubrics} == set(catalog.rubrics)
    parts = ["coprod-assess", *([] if every else [rubric.id for rubric in rubrics])]
    form_id = "-".join(parts + (["short"] if form == "short" else []))
    content = json.dumps([sheets, rubric_versions, form], ensure_ascii=False)
    with using(lang):
        title = form_words(form == "short").title
    return [
        ["form_title", "form_id", "version", "default_language", "coprod_rubrics", "coprod_form"],
        [
            _text(title),
            form_id,
            hashlib.sha256(content.encode("utf-8")).hexdigest()[:12],
            LANGUAGES[lang],
            rubric_versions,
            form,
        ],
    ]


def workbook_bytes(xlsform: XLSForm, name: str) -> bytes:
    """The XLSForm as an .xlsx workbook; every cell is text (never a formula). `name`: the
    file it is for, named by the error when a text is too long for a cell."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    for sheet_name, rows in xlsform.sheets().items():
        sheet = book.add_worksheet(sheet_name)
        sheet.freeze_panes(1, 0)
        for column, heading in enumerate(rows[0]):
            sheet.set_column(column, column, 40 if "::" in heading else 16)
        for line, row in enumerate(rows):
            for column, text in enumerate(row):
                if len(text) > CELL_LIMIT:
                    raise CoprodError.single(
                        name,
                        "text-too-long",
                        _(
                            "a rubric's text is longer than a workbook cell holds ({limit} "
                            "characters): '{start}...'; shorten it"
                        ).format(limit=f"{CELL_LIMIT:,}", start=text[:60]),
                    )
                sheet.write_string(line, column, text, bold if line == 0 else None)
    book.close()
    return buffer.getvalue()
