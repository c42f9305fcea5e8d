"""`coprod rubric check` for translations: every id known, every field there, pictures safe.

A language declared (a translation file, or a `translations:` entry in a
rubric) must give every text field of what it covers: a field left out is a
problem at the line of the entry it belongs in, naming the English it stands
for. Pictures must be small SVG or PNG files beside the rubric, with words
saying what they show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from coprod_assess.errors import Problem
from coprod_assess.i18n import LANGUAGES
from coprod_assess.loading.document import Loc, YamlDocument
from coprod_assess.rubric.flags import FlagsFile
from coprod_assess.rubric.models import Action, Option, Question, Rubric
from coprod_assess.rubric.roles import RolesFile
from coprod_assess.rubric.translation import FLAGS, ROLES, Covers, OptionText, Words, value_key

MAX_PICTURE_BYTES = 256 * 1024
PICTURE_SUFFIXES = (".svg", ".png")
MAX_PICTURE_PIXELS = 4096
_UNSAFE_SVG = re.compile(
    rb"<!DOCTYPE|<!ENTITY|<script|<foreignObject|<style|<set\b|<animate|<\?xml-stylesheet"
    rb"|\son[a-z]+\s*=|(?:href|src)\s*=\s*[\"']\s*(?!#)|url\s*\(\s*[\"']?\s*(?!#)"
    rb"|@import|javascript:|\\[0-9a-f]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sources:
    """What translations may translate: the rubrics, roles and flags in force."""

    rubrics: dict[str, Rubric]
    roles: RolesFile | None
    flags: FlagsFile | None


def check_picture(path: str, folder: Path, doc: YamlDocument, loc: Loc) -> Iterator[Problem]:
    """A picture must be a small SVG or PNG that exists, with nothing in it that runs or
    reaches out (an SVG with a script, a link or an entity is refused)."""
    file = folder / path
    if Path(path).is_absolute() or ".." in Path(path).parts:
        yield doc.problem(loc, "picture", "give the picture's path relative to this file")
        return
    if file.suffix.lower() not in PICTURE_SUFFIXES:
        yield doc.problem(loc, "picture", f"{path}: a picture must be an .svg or .png file")
        return
    if not file.is_file():
        yield doc.problem(loc, "picture", f"{path}: no such file beside this one")
        return
    if not file.resolve().is_relative_to(folder.resolve()):
        yield doc.problem(loc, "picture", f"{path}: the picture must be a file in this folder")
        return
    size = file.stat().st_size
    if size > MAX_PICTURE_BYTES:
        yield doc.problem(
            loc, "picture", f"{path}: {size // 1024} KB is too big for a picture (most 256 KB)"
        )
        return
    data = file.read_bytes()
    if file.suffix.lower() == ".png":
        if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
            yield doc.problem(loc, "picture", f"{path}: not a PNG file")
        else:
            width, height = int.from_bytes(data[16:20]), int.from_bytes(data[20:24])
            if max(width, height) > MAX_PICTURE_PIXELS:
                yield doc.problem(
                    loc,
                    "picture",
                    f"{path}: {width} x {height} pixels is too big for a picture "
                    f"(most {MAX_PICTURE_PIXELS} a side)",
                )
    if file.suffix.lower() == ".svg":
        if b"<svg" not in data:
            yield doc.problem(loc, "picture", f"{path}: not an SVG file")
        elif _UNSAFE_SVG.search(data):
            yield doc.problem(
                loc,
                "picture",
                f"{path}: the SVG holds a script, an entity, a style, an animation, an event "
                "handler or a link to another file; a picture must be shapes and text only",
            )


def check_question_pictures(rubric: Rubric, doc: YamlDocument, folder: Path) -> Iterator[Problem]:
    """A rubric's own pictures."""
    for i, dim in enumerate(rubric.dimensions):
        for j, question in enumerate(dim.questions):
            loc: Loc = ("dimensions", i, "questions", j)
            yield from _picture_and_words(
                question.image, question.image_alt, folder, doc, (*loc, "image")
            )


def _picture_and_words(
    image: str | None, alt: str | None, folder: Path, doc: YamlDocument, loc: Loc
) -> Iterator[Problem]:
    """A picture given must pass `check_picture` and say what it shows."""
    if image is None:
        return
    yield from check_picture(image, folder, doc, loc)
    if not alt:
        yield _at(doc, loc, "picture", "say what the picture shows in image-alt")


def check_words(
    words: Words,
    of: str,
    lang: str,
    covers: Covers,
    sources: Sources,
    doc: YamlDocument,
    at: Loc,
    folder: Path,
) -> Iterator[Problem]:
    """Every problem in one language's words: `at` is where they start in `doc`."""
    if of == ROLES:
        yield from _sections(words, at, doc, allowed={"roles"})
        if sources.roles is not None:
            yield from _roles(words, sources.roles, doc, at, lang)
        return
    if of == FLAGS:
        yield from _sections(words, at, doc, allowed={"flags"})
        if sources.flags is not None:
            yield from _flags(words, sources.flags, doc, at, lang)
        return
    rubric = sources.rubrics.get(of)
    if rubric is None:
        return
    yield from _sections(
        words,
        at,
        doc,
        allowed={"title", "summary", "scale", "groups", "bands", "dimensions", "questions"},
    )
    yield from _rubric(words, rubric, covers, doc, at, lang, folder)


def _sections(words: Words, at: Loc, doc: YamlDocument, allowed: set[str]) -> Iterator[Problem]:
    for name in Words.model_fields:
        if name not in allowed and getattr(words, name):
            yield doc.problem(
                (*at, name),
                "translation",
                f"'{name}' does not belong in this translation (it can give: "
                f"{', '.join(sorted(allowed))})",
                at_key=True,
            )


def _real(doc: YamlDocument, loc: Loc) -> Loc:
    """The longest part of `loc` the file has, with its keys as written (`1:` for "1")."""
    node, found = doc.data, []
    for part in loc:
        if isinstance(node, dict):
            key = next((k for k in node if k == part or _same_key(k, part)), None)
            if key is None:
                break
            found.append(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            found.append(part)
            node = node[part]
        else:
            break
    return found


def _same_key(key: object, part: str | int) -> bool:
    return isinstance(key, int | float) and not isinstance(key, bool) and f"{key:g}" == part


def _at(doc: YamlDocument, loc: Loc, code: str, message: str) -> Problem:
    """A problem at the key of `loc`, or of the nearest entry the file has around it."""
    return doc.problem(_real(doc, loc), code, message, at_key=True)


def _missing(doc: YamlDocument, loc: Loc, lang: str, what: str, english: str) -> Problem:
    shown = english if len(english) <= 60 else english[:57] + "..."
    return _at(
        doc,
        loc,
        "translation-incomplete",
        f"{what} has no {LANGUAGES.get(lang, lang)} ({lang}) words: the English is {shown!r}",
    )


def _rubric(
    words: Words,
    rubric: Rubric,
    covers: Covers,
    doc: YamlDocument,
    at: Loc,
    lang: str,
    folder: Path,
) -> Iterator[Problem]:
    if words.title is None:
        yield _missing(doc, (*at, "title"), lang, "the title", rubric.title)
    if words.summary is None:
        yield _missing(doc, (*at, "summary"), lang, "the summary", rubric.summary)
    full = covers == "full"
    groups = group_names(rubric)
    for name in words.groups:
        if name not in groups:
            yield _at(doc, (*at, "groups", name), "unknown-id", f"no option has the group {name!r}")
    for name in groups:
        if full and name not in words.groups:
            yield _missing(doc, (*at, "groups", name), lang, "the option group", name)
    yield from _options(words.scale, rubric.scale, doc, (*at, "scale"), lang, "scale", full)
    bands = {value_key(b.from_): (b.label, b.description) for b in rubric.scoring.bands}
    for key in words.bands:
        if key not in bands:
            yield _at(doc, (*at, "bands", key), "unknown-id", f"no band starts at {key}")
    if full:
        for key, (label, description) in bands.items():
            given = words.bands.get(key)
            if given is None or given.label is None:
                yield _missing(
                    doc, (*at, "bands", key, "label"), lang, f"the label of band {key}", label
                )
            elif description and given.description is None:
                yield _missing(
                    doc,
                    (*at, "bands", key, "description"),
                    lang,
                    f"the description of band {key}",
                    description,
                )
    dims = {d.id: d for d in rubric.dimensions}
    questions = {q.id: q for _, q in rubric.questions()}
    yield from _unknown(
        doc,
        (*at, "dimensions"),
        words.dimensions,
        set(dims),
        f"rubric '{rubric.id}' has no dimension",
    )
    for q_id, text in words.questions.items():
        loc: Loc = (*at, "questions", q_id)
        if q_id not in questions:
            yield _at(doc, loc, "unknown-id", f"rubric '{rubric.id}' has no question '{q_id}'")
            continue
        yield from _picture_and_words(text.image, text.image_alt, folder, doc, (*loc, "image"))
    for dim in rubric.dimensions:
        asked = [q for q in dim.questions if full or q.core]
        if not asked:
            continue
        given_dim = words.dimensions.get(dim.id)
        dim_loc: Loc = (*at, "dimensions", dim.id)
        if given_dim is None or given_dim.title is None:
            yield _missing(
                doc, (*dim_loc, "title"), lang, f"the title of dimension '{dim.id}'", dim.title
            )
        if full and dim.description and (given_dim is None or given_dim.description is None):
            yield _missing(
                doc,
                (*dim_loc, "description"),
                lang,
                f"the description of dimension '{dim.id}'",
                dim.description,
            )
        if (
            given_dim is not None
            and given_dim.actions is not None
            and len(given_dim.actions) > len(dim.actions)
        ):
            yield _at(
                doc,
                (*dim_loc, "actions"),
                "translation",
                f"gives {len(given_dim.actions)} actions; the rubric has {len(dim.actions)}",
            )
        if full and _actions_missing(given_dim.actions if given_dim else None, dim.actions):
            yield _missing(
                doc,
                (*dim_loc, "actions"),
                lang,
                f"the actions of dimension '{dim.id}'",
                dim.actions[0].text,
            )
        for question in asked:
            yield from _question(words, rubric, question, doc, at, lang, full)


def group_names(rubric: Rubric) -> list[str]:
    """The option groups a rubric names (a ladder's Tokenism, Citizen power), in order."""
    options = [*rubric.scale, *(o for _, q in rubric.questions() for o in q.options or [])]
    return list(dict.fromkeys(o.group for o in options if o.group))


def _question(
    words: Words,
    rubric: Rubric,
    question: Question,
    doc: YamlDocument,
    at: Loc,
    lang: str,
    full: bool,
) -> Iterator[Problem]:
    loc: Loc = (*at, "questions", question.id)
    given = words.questions.get(question.id)
    if given is None or given.text is None:
        yield _missing(
            doc, (*loc, "text"), lang, f"the text of question '{question.id}'", question.text
        )
    if full and question.help and (given is None or given.help is None):
        yield _missing(
            doc, (*loc, "help"), lang, f"the help of question '{question.id}'", question.help
        )
    if question.options is not None:
        yield from _options(
            given.options if given is not None else {},
            question.options,
            doc,
            (*loc, "options"),
            lang,
            f"question '{question.id}'",
            full,
        )
    elif given is not None and given.options:
        yield _at(
            doc,
            (*loc, "options"),
            "translation",
            "this question uses the rubric's scale: translate the options under `scale`",
        )


def _options(
    given: Mapping[str, OptionText],
    options: Sequence[Option],
    doc: YamlDocument,
    loc: Loc,
    lang: str,
    what: str,
    full: bool,
) -> Iterator[Problem]:
    known = {value_key(o.value): o for o in options}
    for key in given:
        if key not in known:
            yield _at(doc, (*loc, key), "unknown-id", f"{what} has no option {key}")
    for key, option in known.items():
        text = given.get(key)
        if text is None or text.label is None:
            yield _missing(
                doc, (*loc, key, "label"), lang, f"the label of {what} option {key}", option.label
            )
        elif full and option.description and text.description is None:
            yield _missing(
                doc,
                (*loc, key, "description"),
                lang,
                f"the description of {what} option {key}",
                option.description,
            )


def _unknown(
    doc: YamlDocument, at: Loc, given: Mapping[str, object], known: set[str], what: str
) -> Iterator[Problem]:
    """A problem at each id given under `at` that is not `known`: "{what} 'id'"."""
    for given_id in given:
        if given_id not in known:
            yield _at(doc, (*at, given_id), "unknown-id", f"{what} '{given_id}'")


def _actions_missing(given: list[str | None] | None, actions: Sequence[Action]) -> bool:
    """Whether a translation leaves out any of these actions."""
    return bool(actions) and (given is None or len(given) < len(actions) or None in given)


def _roles(
    words: Words, roles: RolesFile, doc: YamlDocument, at: Loc, lang: str
) -> Iterator[Problem]:
    yield from _unknown(doc, (*at, "roles"), words.roles, {r.id for r in roles.roles}, "no role")
    for role in roles.roles:
        given = words.roles.get(role.id)
        loc: Loc = (*at, "roles", role.id)
        if given is None or given.label is None:
            yield _missing(doc, (*loc, "label"), lang, f"the label of role '{role.id}'", role.label)
        elif role.description and given.description is None:
            yield _missing(
                doc,
                (*loc, "description"),
                lang,
                f"the description of role '{role.id}'",
                role.description,
            )


def _flags(
    words: Words, flags: FlagsFile, doc: YamlDocument, at: Loc, lang: str
) -> Iterator[Problem]:
    yield from _unknown(doc, (*at, "flags"), words.flags, {f.id for f in flags.flags}, "no flag")
    for flag in flags.flags:
        given = words.flags.get(flag.id)
        loc: Loc = (*at, "flags", flag.id)
        if given is None or given.title is None:
            yield _missing(doc, (*loc, "title"), lang, f"the title of flag '{flag.id}'", flag.title)
            continue
        if given.explanation is None:
            yield _missing(
                doc,
                (*loc, "explanation"),
                lang,
                f"the explanation of flag '{flag.id}'",
                flag.explanation,
            )
        if _actions_missing(given.actions, flag.actions):
            yield _missing(
                doc,
                (*loc, "actions"),
                lang,
                f"the actions of flag '{flag.id}'",
                flag.actions[0].text,
            )
