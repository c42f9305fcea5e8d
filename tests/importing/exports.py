"""Form exports laid out as each service writes them, for the same three people.

ODK Central and KoboToolbox export the briefing's XLSForm: a group per rubric named
by its id, a question per question id, choice names (`3`, `dont-know`), `role`,
`name` and `anything_else`. Google Forms and Microsoft Forms exports are forms a
facilitator built by hand: grids and Likert statements, and their own columns.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from coprod_assess.rubric.catalog import load_catalog

CATALOG = load_catalog([])
QUESTIONS = [
    ("nef-six-principles", "assets-1"),
    ("nef-six-principles", "assets-2"),
    ("arnstein-ladder", "defining-problems-1"),
    # money-1 is in the Arnstein ladder too: only the group tells them apart.
    ("tlap-ladder", "money-1"),
]
PEOPLE: list[dict[str, Any]] = [
    {
        "role": "staff",
        "name": "Ann",
        "answers": ["3", "dont-know", "4", "2"],
        "note": "More time, please; and\nfewer forms",
        "start": "2026-11-21T10:05:00.000+00:00",
        "end": "2026-11-21T10:15:03.000+00:00",
    },
    {
        "role": "person-using-services",
        "name": "",
        "answers": ["not-applicable", "1", "0", ""],
        "note": "",
        "start": "2026-11-21T11:40:00.000+00:00",
        "end": "2026-11-21T11:52:10.000+00:00",
    },
    {
        "role": "family-carer",
        "name": "Bo",
        "answers": ["4", "", "", ""],
        "note": "",
        "start": "2026-11-22T09:00:00.000+01:00",
        "end": "2026-11-22T09:20:00.000+01:00",
    },
]
# What the answers file holds for them.
EXPECTED: list[dict[str, Any]] = [
    {
        "id": "r1",
        "role": "staff",
        "name": "Ann",
        "answers": {
            "nef-six-principles": {"assets-1": 3, "assets-2": {"skip": "dont-know"}},
            "arnstein-ladder": {"defining-problems-1": 4},
            "tlap-ladder": {"money-1": 2},
        },
        "note": "More time, please; and\nfewer forms",
    },
    {
        "id": "r2",
        "role": "person-using-services",
        "answers": {
            "nef-six-principles": {"assets-1": {"skip": "not-applicable"}, "assets-2": 1},
            "arnstein-ladder": {"defining-problems-1": 0},
        },
    },
    {
        "id": "r3",
        "role": "family-carer",
        "name": "Bo",
        "answers": {"nef-six-principles": {"assets-1": 4}},
    },
]
SKIP_LABELS = {"dont-know": "Don't know", "not-applicable": "Does not apply"}
ODK_AFTER = [
    "meta-instanceID",
    "KEY",
    "SubmitterID",
    "SubmitterName",
    "AttachmentsPresent",
    "AttachmentsExpected",
    "Status",
    "ReviewState",
    "DeviceID",
    "Edits",
    "FormVersion",
]
KOBO_AFTER = [
    "__version__",
    "meta/instanceID",
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "_tags",
    "_index",
]


def question(rubric_id: str, question_id: str) -> Any:
    """The rubric's question with this id."""
    return next(q for _, q in CATALOG.rubric(rubric_id).questions() if q.id == question_id)


def label(rubric_id: str, question_id: str, name: str) -> str:
    """A choice's label, as a labels export or a hand-built form writes it."""
    if not name or name in SKIP_LABELS:
        return SKIP_LABELS.get(name, "")
    rubric = CATALOG.rubric(rubric_id)
    options = rubric.options_for(question(rubric_id, question_id))
    return next(o.label for o in options if f"{o.value:g}" == name)


def csv_text(rows: Sequence[Sequence[Any]], delimiter: str = ",", quote_all: bool = False) -> str:
    """Rows as a service writes CSV."""
    buffer = io.StringIO()
    if quote_all:
        csv.writer(buffer, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(rows)
    else:
        csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue()


def xlsx(path: Path, rows: Sequence[Sequence[Any]], epoch_1904: bool = False) -> Path:
    """Rows as a workbook's first sheet (dates as Excel date serials)."""
    workbook = Workbook()
    if epoch_1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        workbook.epoch = CALENDAR_MAC_1904
    for row in rows:
        workbook.active.append(list(row))
    workbook.save(path)
    return path


def odk_central() -> list[list[str]]:
    """An ODK Central CSV export: fields by group path with `-`, then Central's own."""
    paths = [f"{rubric_id}-{question_id}" for rubric_id, question_id in QUESTIONS]
    header = ["SubmissionDate", "start", "end", "role", "name", *paths, "anything_else"]
    rows: list[list[str]] = [header + ODK_AFTER]
    for number, person in enumerate(PEOPLE, 1):
        uuid = f"uuid:6a1f1c2e-0000-4000-8000-00000000000{number}"
        rows.append(
            # Sent days later, from a phone that was offline.
            [
                f"2026-11-25T08:00:0{number}.123Z",
                person["start"],
                person["end"],
                person["role"],
                person["name"],
                *person["answers"],
                person["note"],
                uuid,
                uuid,
                "7",
                "Tablet 1",
                "0",
                "0",
                "",
                "received",
                "",
                "0",
                "1",
            ]
        )
    return rows


def kobo(labels: bool = False) -> list[list[Any]]:
    """A KoboToolbox export: `/` group paths and choice names, or labels throughout."""
    if labels:
        middle = [
            f"{CATALOG.rubric(rubric_id).title}/{question(rubric_id, question_id).text}"
            for rubric_id, question_id in QUESTIONS
        ]
        header = ["start", "end", "Your role", "Your name (optional)", *middle]
        header.append("Anything else you want to tell us?")
    else:
        middle = [f"{rubric_id}/{question_id}" for rubric_id, question_id in QUESTIONS]
        header = ["start", "end", "role", "name", *middle, "anything_else"]
    rows: list[list[Any]] = [header + KOBO_AFTER]
    for number, person in enumerate(PEOPLE, 1):
        answers = person["answers"]
        role = person["role"]
        if labels:
            answers = [label(*asked, said) for asked, said in zip(QUESTIONS, answers, strict=True)]
            role = CATALOG.roles[role].label
        uuid = f"6a1f1c2e-0000-4000-8000-00000000000{number}"
        rows.append(
            [
                person["start"],
                person["end"],
                role,
                person["name"],
                *answers,
                person["note"],
                "vGx8Tn2",
                f"uuid:{uuid}",
                1000 + number,
                uuid,
                "2026-11-25T08:00:00",
                "",
                "",
                "submitted_via_web",
                "",
                "",
                number,
            ]
        )
    return rows


NEF_TITLE = "How true is each of these?"
HR_TITLE = "Hunter and Ritchie: how far is each true?"
GOOGLE_GRID = [
    ("nef-six-principles", "assets-1", f"{NEF_TITLE} [{{text}}]"),
    ("nef-six-principles", "assets-2", f"{NEF_TITLE} [{{text}}]"),
    ("hunter-ritchie-rules", "define-the-problem-1", f"{HR_TITLE} [[{{id}}] {{text}}]"),
    ("hunter-ritchie-rules", "define-the-problem-2", f"{HR_TITLE} [[{{rubric}}/{{id}}] {{text}}]"),
]


def google_forms() -> list[list[str]]:
    """A Google Forms CSV: `Timestamp` first (day first), a grid by text and one by tag."""
    grid = [shape.format(text=question(r, q).text, id=q, rubric=r) for r, q, shape in GOOGLE_GRID]
    header = ["Timestamp", "Your role", *grid, "Anything else?", "Your name (optional)"]
    return [
        header,
        [
            "21/11/2026 10:15:03",
            "Staff member",
            "Established",
            "Don't know",
            "Mostly",
            "",
            "",
            "Ann",
        ],
        [
            "21/11/2026 11:52:10",
            "Person who uses services",
            "Not yet",
            "Starting",
            "",
            "Fully",
            "Thank you",
            "",
        ],
        ["22/11/2026 09:20:00", "Family member or carer", "Embedded", "", "A little", "", "", "Bo"],
    ]


LIKERT_TITLE = "Thinking about the service"


def microsoft_forms() -> list[list[Any]]:
    """A Microsoft Forms workbook: ID, times as real dates, Email, Name, Likert statements."""
    assets_1 = question("nef-six-principles", "assets-1").text
    assets_2 = question("nef-six-principles", "assets-2").text
    ladder = question("arnstein-ladder", "defining-problems-1").text
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Your role"]
    header += [assets_1, f"{LIKERT_TITLE}.{assets_2}", ladder, "Any other comments"]
    return [
        header,
        [
            1,
            datetime(2026, 11, 21, 10, 5),
            datetime(2026, 11, 21, 10, 15, 3),
            "anonymous",
            "",
            "Staff member",
            "Established",
            "Don't know",
            "Asked, with no promise",
            "More time",
        ],
        [
            2,
            datetime(2026, 11, 21, 23, 50),
            datetime(2026, 11, 22, 0, 5),
            "anonymous",
            "",
            "Manager",
            "Not yet",
            "Embedded",
            "Left out",
            "",
        ],
    ]


def submitted(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The people as imported from an ODK Central or KoboToolbox export: each with the id
    of the submission their answers came in."""
    return [
        {**person, "submission": f"6a1f1c2e-0000-4000-8000-00000000000{number}"}
        for number, person in enumerate(people, 1)
    ]
