"""The answers file: one assessment, its respondents and what each of them answered."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from coprod_assess.fields import Id, Number, Text, UserModel, Version
from coprod_assess.rubric.forms import Form
from coprod_assess.rubric.translation import Lang

Skip = Literal["dont-know", "not-applicable"]


def _label(value: Any) -> Any:
    # `period: 2026` is read as a number; it is meant as the label "2026".
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Label = Annotated[str, BeforeValidator(_label)]


class Assessment(UserModel):
    """What was assessed, when, and against which rubric versions."""

    organisation: str = ""
    period: Label = Field(default="", description="The label that diff and trend use, e.g. 2026.")
    date: str = Field(default="", description="Kept as written, e.g. 2026-11-22.")
    form: Form = Field(
        default="full",
        description="The form asked: `short` for the core questions only (`--short`), "
        "`full` (or no `form`) for every question.",
    )
    rubrics: dict[Id, Version] = Field(default_factory=dict)
    next_steps: list[Text] = Field(
        default_factory=list,
        description="What the organisation has agreed to do next, in plain words: shown in the "
        "report for the people who took part (`coprod report --for participants`).",
    )
    contact: str = Field(
        default="",
        description="How the people who took part can say more, e.g. 'Call Sam on 01234 "
        "567890': shown in the report for them.",
    )


class Answer(UserModel):
    """An answer with a note or evidence, or a skipped question."""

    value: Number | None = None
    skip: Skip | None = None
    note: str = ""

    @model_validator(mode="after")
    def _value_or_skip(self) -> Self:
        if (self.value is None) == (self.skip is None):
            raise ValueError("give either a value or skip (dont-know or not-applicable)")
        return self


def _entry_kind(value: Any) -> str:
    """The branch of an entry by its shape: nothing, a bare value, or a mapping (an answer,
    a response) in full."""
    if value is None:
        return "blank"
    return "detailed" if isinstance(value, dict | UserModel) else "short"


# A bare number is the short form; a mapping is the long form; nothing at all is
# a question not answered yet (as in a blank template). Choosing the branch by
# shape gives one clear error instead of one per branch.
AnswerEntry = Annotated[
    Annotated[Number, Tag("short")]
    | Annotated[Answer, Tag("detailed")]
    | Annotated[None, Tag("blank")],
    Discriminator(_entry_kind),
    Field(
        description="A bare option value, {value, note}, {skip: dont-know|not-applicable}, "
        "or nothing (not answered yet)."
    ),
]


# How a finding matches someone's experience.
Match = Literal["yes", "partly", "no", "not-sure"]
MATCHES: tuple[Match, ...] = ("yes", "partly", "no", "not-sure")
FINDING_ID_PATTERN = r"^[a-z]+(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+$"


def _check_finding_id(value: str) -> str:
    if not re.fullmatch(FINDING_ID_PATTERN, value) or len(value) > 200:
        raise ValueError(
            f"{value!r} is not a finding id: use a kind and ids joined by '/', like "
            "'ladder/arnstein-ladder' or 'gap/nef-six-principles/mutuality'"
        )
    return value


FindingId = Annotated[
    str,
    AfterValidator(_check_finding_id),
    Field(json_schema_extra={"pattern": FINDING_ID_PATTERN}, max_length=200),
]


class Response(UserModel):
    """How a finding matches someone's experience, with a comment."""

    value: Match
    note: str = ""


ResponseEntry = Annotated[
    Annotated[Match, Tag("short")]
    | Annotated[Response, Tag("detailed")]
    | Annotated[None, Tag("blank")],
    Discriminator(_entry_kind),
    Field(description="yes, partly, no or not-sure; {value, note} with a comment; or nothing."),
]


class Checker(UserModel):
    """One person checking the findings: their role, and what they said of each finding."""

    role: Id
    respondent: Label | None = Field(
        default=None,
        description="In the room: the respondent whose phone this was (never shown).",
    )
    responses: dict[FindingId, ResponseEntry] = Field(default_factory=dict)


class SenseCheck(UserModel):
    """The findings as they were shown, and each person's responses."""

    date: str = Field(default="", description="When the findings were drawn, e.g. 2026-11-22.")
    drawn_from: int | None = Field(
        default=None, ge=0, description="How many respondents the findings were drawn from."
    )
    min_group: int | None = Field(
        default=None,
        ge=1,
        le=100_000,
        description="The anonymity threshold the findings were drawn at: a report at a higher "
        "one leaves out the findings it would not draw itself.",
    )
    findings: dict[FindingId, Text] = Field(
        default_factory=dict, description="Each finding's id and the words people were shown."
    )
    lang: Lang | None = Field(
        default=None,
        description="The language the findings were written in (none: English): outputs in "
        "another language mark them as written in it.",
    )
    people: dict[Label, Checker] = Field(
        default_factory=dict, description="Everyone who checked the findings, by a neutral id."
    )


class Respondent(UserModel):
    """One person, or a room answering together (role `group`)."""

    id: Label
    role: Id
    name: str | None = Field(default=None, description="Never shown in reports unless asked.")
    people: int | None = Field(
        default=None, ge=1, le=100_000, description="For a group: how many answered together."
    )
    lived_experience: int | None = Field(
        default=None,
        ge=0,
        le=100_000,
        description="For a group: how many of them use the service or care for someone who does.",
    )
    lang: Lang | None = Field(
        default=None,
        description="The language they answered in (cy, en-easy, ...): their notes are marked "
        "as written in it. Not shown otherwise.",
    )
    form: Form | None = Field(
        default=None,
        description="The form they were asked, where it differs from the assessment's: "
        "`short` for the core questions only (as Easy Read asks).",
    )
    answers: dict[Id, dict[Id, AnswerEntry]] = Field(default_factory=dict)
    submission: str | None = Field(
        default=None,
        max_length=200,
        description="The form service's id of the submission this person's answers came "
        "in (ODK's instanceID, KoboToolbox's _uuid): the same submission is never imported "
        "twice. Not shown.",
    )
    note: str = Field(
        default="",
        description="Anything else they said, about no one question (a form's 'Anything "
        "else?'). Shown in reports as notes are, through the privacy step.",
    )

    @model_validator(mode="after")
    def _group_mix(self) -> Self:
        if self.lived_experience is not None and self.people is None:
            raise ValueError("lived_experience needs people: how many were in the group")
        if None not in (self.people, self.lived_experience) and (
            (self.lived_experience or 0) > (self.people or 0)
        ):
            raise ValueError("lived_experience cannot be more than people")
        return self


class AnswersFile(UserModel):
    """An answers file: one assessment, its respondents, and the room's check of the findings."""

    assessment: Assessment = Field(default_factory=Assessment)
    sense_check: SenseCheck | None = Field(
        default=None,
        description="The sense-check round: the main findings as shown, and how each person "
        "said they match their experience (`coprod sense-check`, or the room mode).",
    )
    respondents: list[Respondent] = Field(default_factory=list)
