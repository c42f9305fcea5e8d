"""The rubric file: one framework, its dimensions, questions, answer options and scoring."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import Field, PrivateAttr

from coprod_assess.fields import Id, Number, PositiveNumber, Text, UserModel, Version
from coprod_assess.rubric.translation import InlineTranslation, Lang

# The rubric's language, its translations and pictures are how it is shown, not what it
# asks: they are left out of its identity, so a Welsh year compares with an English one.
_NOT_IDENTITY: Any = {
    "lang": True,
    "translations": True,
    "dimensions": {"__all__": {"questions": {"__all__": {"image", "image_alt"}}}},
}

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
    image: Text | None = Field(
        default=None,
        description="A picture shown beside the question: an SVG or PNG file, its path "
        "relative to the rubric file. Give `image-alt` with it.",
    )
    image_alt: Text | None = Field(
        default=None, alias="image-alt", description="What the picture shows, in words."
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
    lang: Lang = Field(default="en", description="The language the rubric is written in.")
    translations: dict[Lang, InlineTranslation] = Field(
        default_factory=dict,
        description="The rubric's words in other languages, keyed by ids (or give them in a "
        "file beside it: see the README, Languages).",
    )
    # Set on a rubric shown in another language: the identity of the rubric it came from.
    _source_hash: str | None = PrivateAttr(default=None)

    def identity(self) -> str:
        """A hash of what the rubric asks: not how its file is laid out, nor its language."""
        if self._source_hash is not None:
            return self._source_hash
        canonical = self.model_dump_json(by_alias=True, exclude=_NOT_IDENTITY)
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def options_for(self, question: Question) -> list[Option]:
        """The answer options of a question: its own, or else the rubric's scale."""
        return question.options if question.options is not None else self.scale

    def questions(self) -> list[tuple[Dimension, Question]]:
        """Every question with its dimension, in file order."""
        return [(dim, q) for dim in self.dimensions for q in dim.questions]
