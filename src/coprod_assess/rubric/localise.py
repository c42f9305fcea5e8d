"""A rubric, roles and flags shown in another language: the same ids, other words.

Each field takes the words of the language asked for, else of the language it
falls back to (Easy Read English to English, Easy Read Welsh to Welsh), else
the rubric's own. A localised rubric keeps the identity of the rubric it came
from, so its scores compare with any other language's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from coprod_assess.i18n import fallbacks
from coprod_assess.rubric.flags import Flag
from coprod_assess.rubric.models import Action, Dimension, Option, Question, Rubric
from coprod_assess.rubric.roles import Role
from coprod_assess.rubric.translation import Meta, OptionText, Words, value_key

T = TypeVar("T")
_LABELS = ("label", "description")


@dataclass(frozen=True)
class Translation:
    """One language's words for one rubric (or `roles`, or `flags`), wherever given."""

    of: str
    lang: str
    meta: Meta
    words: Words
    folder: Path  # pictures are found relative to the file that names them
    source: str  # the file, as messages name it


def _first(*values: T | None) -> T | None:
    return next((v for v in values if v is not None), None)


def _given(own: object, texts: Sequence[object | None], *fields: str) -> dict[str, object]:
    """Each field's words: those of the first translation that gives them, else `own`'s."""
    found = [t for t in texts if t is not None]
    return {
        field: _first(*(getattr(t, field) for t in found)) or getattr(own, field)
        for field in fields
    }


def words_for(translations: dict[tuple[str, str], Translation], of: str, lang: str) -> list[Words]:
    """The words for `of` (a rubric id, `roles` or `flags`), best first: the language asked
    for, then its fallbacks."""
    return [
        translations[(of, code)].words for code in fallbacks(lang) if (of, code) in translations
    ]


def _picture(path: str | None, folder: Path) -> str | None:
    return None if path is None else str((folder / path).resolve())


def _option(
    option: Option, texts: Sequence[OptionText | None], chain: Sequence[Words] = ()
) -> Option:
    group = option.group and _first(*(w.groups.get(option.group) for w in chain))
    update = _given(option, texts, *_LABELS)
    return option.model_copy(update={**update, "group": group or option.group})


def _actions(actions: list[Action], texts: Sequence[list[str | None] | None]) -> list[Action]:
    lists = [t for t in texts if t is not None]
    shown = []
    for k, action in enumerate(actions):
        words = _first(*(given[k] for given in lists if k < len(given)))
        shown.append(action.model_copy(update={"text": words}) if words else action)
    return shown


def _question(question: Question, chain: list[Words], folders: list[Path], own: Path) -> Question:
    texts = [words.questions.get(question.id) for words in chain]
    # The picture of the first translation that gives one, found beside its file.
    image = _first(
        *(
            _picture(text.image, folder)
            for text, folder in zip(texts, folders, strict=True)
            if text is not None
        )
    )
    update = _given(question, texts, "text", "help", "image_alt")
    update["image"] = image or _picture(question.image, own)
    if question.options is not None:
        update["options"] = [
            _option(
                option,
                [t.options.get(value_key(option.value)) for t in texts if t is not None],
                chain,
            )
            for option in question.options
        ]
    return question.model_copy(update=update)


def _dimension(dim: Dimension, chain: list[Words], folders: list[Path], own: Path) -> Dimension:
    texts = [words.dimensions.get(dim.id) for words in chain]
    return dim.model_copy(
        update={
            **_given(dim, texts, "title", "description"),
            "actions": _actions(dim.actions, [t.actions for t in texts if t is not None]),
            "questions": [_question(q, chain, folders, own) for q in dim.questions],
        }
    )


def localise_rubric(
    rubric: Rubric,
    lang: str,
    translations: dict[tuple[str, str], Translation],
    folder: Path,
) -> Rubric:
    """The rubric in `lang`, as far as its translations go; its own words elsewhere.

    `translations` holds every file's and every inline translation, by (id, lang);
    `folder` is where the rubric file is (its own pictures are relative to it).
    """
    # Only words kept beside this rubric file apply: a rubric of your own that replaces a
    # built-in one may ask other questions under the same ids than the built-in words say.
    found = [
        translations[(rubric.id, code)]
        for code in fallbacks(lang)
        if (rubric.id, code) in translations
        and code != rubric.lang
        and translations[(rubric.id, code)].folder.resolve() == folder.resolve()
    ]
    chain = [t.words for t in found]
    folders = [t.folder for t in found]
    bands = [
        band.model_copy(
            update=_given(band, [w.bands.get(value_key(band.from_)) for w in chain], *_LABELS)
        )
        for band in rubric.scoring.bands
    ]
    localised = rubric.model_copy(
        update={
            **_given(rubric, chain, "title", "summary"),
            "scale": [
                _option(option, [w.scale.get(value_key(option.value)) for w in chain], chain)
                for option in rubric.scale
            ],
            "scoring": rubric.scoring.model_copy(update={"bands": bands}),
            "dimensions": [_dimension(dim, chain, folders, folder) for dim in rubric.dimensions],
            "lang": found[0].lang if found else rubric.lang,
        }
    )
    localised._source_hash = rubric.identity()
    return localised


def localise_role(role: Role, chain: list[Words]) -> Role:
    """A role's label and description in the language; its id and perspective unchanged."""
    return role.model_copy(update=_given(role, [w.roles.get(role.id) for w in chain], *_LABELS))


def localise_flag(flag: Flag, chain: list[Words]) -> Flag:
    """A flag's title, explanation and actions in the language; its conditions unchanged."""
    texts = [w.flags.get(flag.id) for w in chain]
    return flag.model_copy(
        update={
            **_given(flag, texts, "title", "explanation"),
            "actions": _actions(flag.actions, [t.actions for t in texts if t is not None]),
        }
    )
