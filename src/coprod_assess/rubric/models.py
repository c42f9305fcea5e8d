"""The rubric file: one framework, its dimensions, questions, answer options and scoring."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from coprod_assess.fields import Id, Number, PositiveNumber, Text, UserModel, Version

Method = Literal["mean", "median", "min", "sum", "ladder", "checklist"]


class Option(UserModel):
    """One answer a respondent can give, and the number it scores."""

    value: Number
    label: Text
    description: str = ""
    group: str | None = Field(
        default=None,
        description="A named group of options, e.g. a ladder's Tokenism or Citizen power.",
    )


class Band(UserModel):
    """A named range of the rubric score, from `from` up to the next band's `from`."""

    from_: Number = Field(alias="from")
    label: Text
    description: str = ""


class Scoring(UserModel):
    """How question values combine into dimension and rubric scores."""

    method: Method = "mean"
    bands: list[Band] = Field(default_factory=list)
    threshold: Number | None = Field(
        default=None,
        description="For `checklist`: a question counts as met at or above this value.",
    )


class Action(UserModel):
    """A practical next step the report suggests when a dimension is weak."""

    text: Text


class Question(UserModel):
    """One statement or question a respondent answers."""

    id: Id
    text: Text
    help: str = ""
    weight: PositiveNumber = 1
    options: list[Option] | None = None
    side: Id | None = Field(
        default=None, description="An optional tag, e.g. practice or belief (Hunter & Ritchie)."
    )
    core: bool = Field(
        default=False,
        description="Asked in the short form (`--short`): one core question per dimension, "
        "one per side where the dimension's questions have sides.",
    )


class Dimension(UserModel):
    """A principle, decision area, rule or lever: a group of questions scored together."""

    id: Id
    title: Text
    description: str = ""
    questions: list[Question] = Field(min_length=1)
    actions: list[Action] = Field(default_factory=list)


class Source(UserModel):
    """Where the framework comes from. Attribution is required."""

    citation: Text
    url: str | None = None
    notes: str = ""


class Rubric(UserModel):
    """One framework as a rubric file."""

    id: Id
    version: Version
    title: Text
    summary: Text
    source: Source
    scale: list[Option] = Field(default_factory=list)
    scoring: Scoring = Field(default_factory=Scoring)
    dimensions: list[Dimension] = Field(min_length=1)

    def options_for(self, question: Question) -> list[Option]:
        """The answer options of a question: its own, or else the rubric's scale."""
        return question.options if question.options is not None else self.scale

    def questions(self) -> list[tuple[Dimension, Question]]:
        """Every question with its dimension, in file order."""
        return [(dim, q) for dim in self.dimensions for q in dim.questions]
