"""A small rubric with Welsh and Easy Read words and pictures, for the sheets' tests.

Three of its five questions are core (the short form, as Easy Read asks it); two of
those have a picture in Easy Read. `easy_read_sheet` is the page the phone-width and
axe tests check beside the others.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from coprod_assess.i18n import using
from coprod_assess.report.sheet import render_sheet
from coprod_assess.report.templating import Kind
from coprod_assess.rubric.catalog import load_catalog
from coprod_assess.rubric.forms import has_short_form, short_form

RUBRIC_ID = "sheet-test"
CORE = ["money-1", "decisions-1", "listening-1"]
NOT_CORE = ["money-2", "decisions-2"]
# Question id -> (picture file, its alt text), as the Easy Read words give them.
PICTURES = {
    "money-1": ("pictures/money.svg", "Two people count coins at a table."),
    "decisions-1": ("pictures/hands.svg", "People put their hands up to choose."),
}
EASY_TEXT = {
    "money-1": "You help to choose how money is spent.",
    "decisions-1": "We make choices together.",
    "listening-1": "Staff know you are an expert on your life.",
}
WELSH_TEXT = {
    "money-1": "Mae pobl sy'n defnyddio'r gwasanaeth yn helpu i osod y gyllideb.",
    "money-2": "Mae pobl yn cael eu talu am eu hamser.",
    "decisions-1": "Mae penderfyniadau'n cael eu gwneud gyda'n gilydd.",
    "decisions-2": "Mae anghytundebau'n cael eu datrys mewn ffordd y cytunwyd arni.",
    "listening-1": "Mae staff yn credu bod pobl sy'n defnyddio gwasanaethau yn arbenigwyr.",
}

RUBRIC = """
    id: sheet-test
    version: 1.0.0
    title: Sharing power (a test rubric for sheets)
    summary: Who decides, and who holds the money.
    source:
      citation: "Test, A. (2026) A rubric for tests. Nowhere Press."
    scale:
      - {value: 0, label: Not yet, description: Nothing like this happens.}
      - {value: 1, label: Sometimes, description: It happens now and then.}
      - {value: 2, label: Always, description: It is how we always work.}
    scoring:
      method: mean
    dimensions:
      - id: money
        title: Money
        questions:
          - id: money-1
            text: People who use the service help set the budget.
            help: Think of the last budget round.
            core: true
          - id: money-2
            text: People are paid for their time.
      - id: decisions
        title: Decisions
        questions:
          - id: decisions-1
            text: Decisions are made together.
            core: true
          - id: decisions-2
            text: Disagreements are settled in an agreed way.
      - id: listening
        title: Listening
        questions:
          - id: listening-1
            text: Staff believe people who use services are experts.
            core: true
"""

EASY_READ = f"""
    translation:
      of: sheet-test
      lang: en-easy
      covers: short
    title: Who has power
    summary: Some questions about money and choices.
    scale:
      "0": {{label: Never, description: This does not happen.}}
      "1": {{label: Sometimes, description: This happens now and then.}}
      "2": {{label: Always, description: This always happens.}}
    dimensions:
      money: {{title: Money}}
      decisions: {{title: Choices}}
      listening: {{title: Listening}}
    questions:
      money-1:
        text: {EASY_TEXT["money-1"]}
        help: Think about the last year.
        image: {PICTURES["money-1"][0]}
        image-alt: {PICTURES["money-1"][1]}
      decisions-1:
        text: {EASY_TEXT["decisions-1"]}
        image: {PICTURES["decisions-1"][0]}
        image-alt: {PICTURES["decisions-1"][1]}
      listening-1:
        text: {EASY_TEXT["listening-1"]}
"""

WELSH = f"""
    translation:
      of: sheet-test
      lang: cy
    title: Rhannu pŵer (fframwaith prawf ar gyfer taflenni)
    summary: Pwy sy'n penderfynu, a phwy sy'n dal yr arian.
    scale:
      "0": {{label: Ddim eto, description: Does dim byd fel hyn yn digwydd.}}
      "1": {{label: Weithiau, description: Mae'n digwydd bob hyn a hyn.}}
      "2": {{label: Bob amser, description: Dyma sut rydyn ni'n gweithio bob amser.}}
    dimensions:
      money: {{title: Arian}}
      decisions: {{title: Penderfyniadau}}
      listening: {{title: Gwrando}}
    questions:
      money-1:
        text: "{WELSH_TEXT["money-1"]}"
        help: Meddyliwch am y rownd gyllideb ddiwethaf.
      money-2: {{text: "{WELSH_TEXT["money-2"]}"}}
      decisions-1: {{text: "{WELSH_TEXT["decisions-1"]}"}}
      decisions-2: {{text: "{WELSH_TEXT["decisions-2"]}"}}
      listening-1: {{text: "{WELSH_TEXT["listening-1"]}"}}
"""

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
    '<circle cx="50" cy="50" r="40" fill="#1d4f91"/></svg>\n'
)


def write_rubric(folder: Path) -> Path:
    """The rubric, its Welsh and Easy Read words and its pictures, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (
        (f"{RUBRIC_ID}.yaml", RUBRIC),
        (f"{RUBRIC_ID}.en-easy.yaml", EASY_READ),
        (f"{RUBRIC_ID}.cy.yaml", WELSH),
    ):
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    for path, _ in PICTURES.values():
        (folder / path).parent.mkdir(exist_ok=True)
        (folder / path).write_text(SVG, encoding="utf-8")
    return folder


def easy_read_sheet(folder: Path, kind: Kind = "html", *, only_ours: bool = False) -> str:
    """The Easy Read sheet of the short form: this rubric's, after every built-in
    rubric's that has one (or this rubric's alone)."""
    write_rubric(folder)
    with using("en-easy"):
        catalog = load_catalog([folder])
        chosen = [catalog.rubric(RUBRIC_ID)] if only_ours else list(catalog.rubrics.values())
        rubrics = [short_form(rubric) for rubric in chosen if has_short_form(rubric)]
        return render_sheet(rubrics, list(catalog.roles.values()), kind, "short")
