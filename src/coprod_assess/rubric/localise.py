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
from coprod_assess.rubric.models import Action, Band, Dimension, Option, Question, Rubric
from coprod_assess.rubric.roles import Role
from coprod_assess.rubric.translation import Meta, OptionText, Words, value_key

T = TypeVar("T")


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


def _chain(translations: dict[tuple[str, str], Translation], of: str, lang: str) -> list[Words]:
    """The words for `of`, best first: the language asked for, then its fallbacks."""
    return [
        translations[(of, code)].words for code in fallbacks(lang) if (of, code) in translations
    ]


def _picture(path: str | None, folder: Path) -> str | None:
    return None if path is None else str((folder / path).resolve())


def _option(
    option: Option, texts: Sequence[OptionText | None], chain: Sequence[Words] = ()
) -> Option:
    found = [t for t in texts if t is not None]
    label = _first(*(t.label for t in found))
    description = _first(*(t.description for t in found))
    group = option.group and _first(*(w.groups.get(option.group) for w in chain))
    if label is None and description is None and not group:
        return option
    return option.model_copy(
        update={
            "label": label or option.label,
            "description": description or option.description,
            "group": group or option.group,
        }
    )


def _actions(actions: list[Action], texts: Sequence[list[str | None] | None]) -> list[Action]:
    lists = [t for t in texts if t is not None]
    shown = []
    for k, action in enumerate(actions):
        words = _first(*(given[k] for given in lists if k < len(given)))
        shown.append(action.model_copy(update={"text": words}) if words else action)
    return shown


def _question(
    rubric: Rubric, question: Question, chain: list[Words], folders: list[Path], own: Path
) -> Question:
    texts = [words.questions.get(question.id) for words in chain]
    image, image_alt = _picture(question.image, own), question.image_alt
    for text, folder in zip(texts, folders, strict=True):
        if text is not None and text.image is not None:
            image, image_alt = _picture(text.image, folder), text.image_alt or image_alt
            break
    alt = _first(*(t.image_alt for t in texts if t is not None))
    update: dict[str, object] = {
        "text": _first(*(t.text for t in texts if t is not None)) or question.text,
        "help": _first(*(t.help for t in texts if t is not None)) or question.help,
        "image": image,
        "image_alt": alt or image_alt,
    }
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


def _dimension(
    rubric: Rubric, dim: Dimension, chain: list[Words], folders: list[Path], own: Path
) -> Dimension:
    texts = [words.dimensions.get(dim.id) for words in chain]
    return dim.model_copy(
        update={
            "title": _first(*(t.title for t in texts if t is not None)) or dim.title,
            "description": _first(*(t.description for t in texts if t is not None))
            or dim.description,
            "actions": _actions(dim.actions, [t.actions for t in texts if t is not None]),
            "questions": [_question(rubric, q, chain, folders, own) for q in dim.questions],
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
    scoring = rubric.scoring.model_copy(
        update={
            "bands": [
                _band(band, [w.bands.get(value_key(band.from_)) for w in chain])
                for band in rubric.scoring.bands
            ]
        }
    )
    localised = rubric.model_copy(
        update={
            "title": _first(*(w.title for w in chain)) or rubric.title,
            "summary": _first(*(w.summary for w in chain)) or rubric.summary,
            "scale": [
                _option(option, [w.scale.get(value_key(option.value)) for w in chain], chain)
                for option in rubric.scale
            ],
            "scoring": scoring,
            "dimensions": [
                _dimension(rubric, dim, chain, folders, folder) for dim in rubric.dimensions
            ],
            "lang": found[0].lang if found else rubric.lang,
        }
    )
    localised._source_hash = rubric.identity()
    return localised


def _band(band: Band, texts: Sequence[OptionText | None]) -> Band:
    found = [t for t in texts if t is not None]
    label = _first(*(t.label for t in found))
    description = _first(*(t.description for t in found))
    if label is None and description is None:
        return band
    return band.model_copy(
        update={"label": label or band.label, "description": description or band.description}
    )


def localise_role(role: Role, chain: list[Words]) -> Role:
    """A role's label and description in the language; its id and perspective unchanged."""
    texts = [w.roles[role.id] for w in chain if role.id in w.roles]
    if not texts:
        return role
    return role.model_copy(
        update={
            "label": _first(*(t.label for t in texts)) or role.label,
            "description": _first(*(t.description for t in texts)) or role.description,
        }
    )


def localise_flag(flag: Flag, chain: list[Words]) -> Flag:
    """A flag's title, explanation and actions in the language; its conditions unchanged."""
    texts = [w.flags[flag.id] for w in chain if flag.id in w.flags]
    if not texts:
        return flag
    return flag.model_copy(
        update={
            "title": _first(*(t.title for t in texts)) or flag.title,
            "explanation": _first(*(t.explanation for t in texts)) or flag.explanation,
            "actions": _actions(flag.actions, [t.actions for t in texts]),
        }
    )


def words_for(translations: dict[tuple[str, str], Translation], of: str, lang: str) -> list[Words]:
    """The roles' or flags' words in `lang`, best first."""
    return _chain(translations, of, lang)
