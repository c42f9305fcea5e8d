"""A rubric's words in another language, keyed by ids: never what is asked or scored.

A translation is a file beside the rubric (`nef-six-principles.cy.yaml`,
with a `translation:` header naming the rubric and the language) or a
`translations:` section in the rubric itself. Either gives, for each id, the
words in that language: title and summary, dimension titles, descriptions
and actions, question text and help, option and band labels. Ids, values,
weights and scoring stay in the rubric, so an answer given in Welsh is the
same answer as one given in English, and `diff` compares the years.

Roles and flags files are translated the same way (`of: roles`, `of: flags`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from coprod_assess.fields import Id, Text, UserModel
from coprod_assess.i18n import LANGUAGES

Status = Literal["draft", "reviewed"]
Covers = Literal["full", "short"]
ROLES, FLAGS = "roles", "flags"


def _language(value: Any) -> Any:
    if isinstance(value, str) and value not in LANGUAGES:
        raise ValueError(f"no language {value!r}: use one of {', '.join(LANGUAGES)}")
    return value


Lang = Annotated[
    str,
    BeforeValidator(_language),
    Field(json_schema_extra={"enum": list(LANGUAGES)}),
]


def _value_key(value: Any) -> Any:
    # `1:` and `"1"` and `1.0:` name the same option value.
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, str):
        try:
            return f"{float(value):g}"
        except ValueError:
            return value
    return value


ValueKey = Annotated[str, BeforeValidator(_value_key)]


def value_key(value: float) -> str:
    """The key a translation gives an option or band value: 1 and 1.0 are "1"."""
    return f"{value:g}"


class OptionText(UserModel):
    """An answer option's, or a band's, words."""

    label: Text | None = None
    description: Text | None = None


class QuestionText(UserModel):
    """A question's words, and the picture beside it."""

    text: Text | None = None
    help: Text | None = None
    image: Text | None = Field(
        default=None,
        description="A picture shown beside the question, e.g. in Easy Read: an SVG or PNG "
        "file, its path relative to this file.",
    )
    image_alt: Text | None = Field(
        default=None, alias="image-alt", description="What the picture shows, in words."
    )
    options: dict[ValueKey, OptionText] = Field(
        default_factory=dict, description="The question's own options, keyed by value."
    )


class DimensionText(UserModel):
    """A dimension's words; actions in the rubric's order."""

    title: Text | None = None
    description: Text | None = None
    actions: list[Text | None] | None = Field(
        default=None, description="The actions in the rubric's order."
    )


class RoleText(UserModel):
    """A role's words; aliases are added to the rubric's (for imported role cells)."""

    label: Text | None = None
    description: Text | None = None
    aliases: list[Text] = Field(default_factory=list)


class FlagText(UserModel):
    """A flag's words; actions in the flags file's order."""

    title: Text | None = None
    explanation: Text | None = None
    actions: list[Text | None] | None = Field(
        default=None, description="The actions in the flags file's order."
    )


class Meta(UserModel):
    """Whose words these are and how far they go."""

    status: Status = Field(
        default="draft",
        description="`draft` until a first-language speaker has reviewed it, then `reviewed`.",
    )
    reviewed_by: str = Field(default="", alias="reviewed-by")
    note: str = ""
    covers: Covers = Field(
        default="full",
        description="`short` for a translation of the short form only (its core questions), "
        "as the built-in Easy Read is.",
    )


class Words(UserModel):
    """The words of one language for a rubric, a roles file or a flags file."""

    title: Text | None = None
    summary: Text | None = None
    scale: dict[ValueKey, OptionText] = Field(default_factory=dict)
    groups: dict[Text, Text] = Field(
        default_factory=dict,
        description="The names of option groups (a ladder's Tokenism, Citizen power), keyed "
        "by the name the rubric gives them.",
    )
    bands: dict[ValueKey, OptionText] = Field(
        default_factory=dict, description="Bands keyed by their `from`."
    )
    dimensions: dict[Id, DimensionText] = Field(default_factory=dict)
    questions: dict[Id, QuestionText] = Field(default_factory=dict)
    roles: dict[Id, RoleText] = Field(default_factory=dict)
    flags: dict[Id, FlagText] = Field(default_factory=dict)


class InlineTranslation(Meta, Words):
    """A language given inside the rubric, under `translations:`."""


class Header(Meta):
    """What a translation file translates, into which language, and whose words they are."""

    of: Id = Field(description="The rubric id, or `roles` or `flags`.")
    lang: Lang


class TranslationFile(Words):
    """A translation file: the header, then the words keyed by ids."""

    translation: Header
