"""A translation file to fill in: every field empty, with its English above it as a comment.

`coprod rubric translate` writes it; `coprod rubric check` then lists each
field still empty, at its line, until the translation is done.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator

from coprod_assess.rubric.flags import FlagsFile
from coprod_assess.rubric.models import Action, Option, Rubric
from coprod_assess.rubric.roles import RolesFile
from coprod_assess.rubric.translation import FLAGS, ROLES, Covers, value_key
from coprod_assess.rubric.translation_checks import group_names
from coprod_assess.yaml_out import dump


def _comment(text: str, indent: int) -> Iterator[str]:
    pad = " " * indent
    for line in textwrap.wrap(" ".join(text.split()), 88 - indent) or [""]:
        yield f"{pad}# {line}"


def _field(name: str, english: str, indent: int) -> Iterator[str]:
    if not english:
        return
    yield from _comment(english, indent)
    yield f"{' ' * indent}{name}:"


def _key(value: float) -> str:
    return f'"{value_key(value)}"'


def _options(options: list[Option], indent: int, full: bool) -> Iterator[str]:
    pad = " " * indent
    for option in options:
        yield f"{pad}{_key(option.value)}:"
        yield from _field("label", option.label, indent + 2)
        if full:
            yield from _field("description", option.description, indent + 2)


def _actions(actions: list[Action]) -> Iterator[str]:
    """An entry's actions: one empty item each, below its English."""
    if actions:
        yield "    actions:"
    for action in actions:
        yield from [*_comment(action.text, 6), "      -"]


def _header(of: str, lang: str, covers: Covers) -> list[str]:
    head = {
        "translation": {
            "of": of,
            "lang": lang,
            "status": "draft",
            "reviewed-by": "",
            "note": "A draft for review by a first-language speaker.",
            "covers": covers,
        }
    }
    return [
        "# yaml-language-server: $schema=../schema/translation.schema.json",
        "# A translation: give each field's words in the language, below its English.",
        "# `coprod rubric check` lists every field still empty. Ids and values stay as they are.",
        dump(head, sort_keys=False, allow_unicode=True, width=88).rstrip(),
    ]


def rubric_skeleton(rubric: Rubric, lang: str, covers: Covers) -> str:
    """A translation file of `rubric` into `lang` to fill in."""
    full = covers == "full"
    lines = _header(rubric.id, lang, covers)
    lines += [*_field("title", rubric.title, 0), *_field("summary", rubric.summary, 0)]
    if rubric.scale:
        lines += ["scale:", *_options(rubric.scale, 2, full)]
    groups = group_names(rubric)
    if groups:
        lines.append("groups:")
        for name in groups:
            lines += [*_comment(name, 2), f"  {json.dumps(name, ensure_ascii=False)}:"]
    if full and rubric.scoring.bands:
        lines.append("bands:")
        for band in rubric.scoring.bands:
            lines.append(f"  {_key(band.from_)}:")
            lines += [*_field("label", band.label, 4), *_field("description", band.description, 4)]
    lines.append("dimensions:")
    asked = {dim.id: [q for q in dim.questions if full or q.core] for dim in rubric.dimensions}
    for dim in rubric.dimensions:
        if not asked[dim.id]:
            continue
        lines.append(f"  {dim.id}:")
        lines += _field("title", dim.title, 4)
        if full:
            lines += [*_field("description", dim.description, 4), *_actions(dim.actions)]
    lines.append("questions:")
    for dim in rubric.dimensions:
        for question in asked[dim.id]:
            lines.append(f"  {question.id}:")
            lines += _field("text", question.text, 4)
            if full:
                lines += _field("help", question.help, 4)
            if question.options is not None:
                lines += ["    options:", *_options(question.options, 6, full)]
    return "\n".join(lines) + "\n"


def roles_skeleton(roles: RolesFile, lang: str) -> str:
    """A translation file of the roles into `lang` to fill in."""
    lines = [*_header(ROLES, lang, "full"), "roles:"]
    for role in roles.roles:
        lines.append(f"  {role.id}:")
        lines += [*_field("label", role.label, 4), *_field("description", role.description, 4)]
        lines += [
            "    # Other words people use for this role in the language (optional).",
            "    aliases: []",
        ]
    return "\n".join(lines) + "\n"


def flags_skeleton(flags: FlagsFile, lang: str) -> str:
    """A translation file of the flags into `lang` to fill in."""
    lines = [*_header(FLAGS, lang, "full"), "flags:"]
    for flag in flags.flags:
        lines.append(f"  {flag.id}:")
        lines += [*_field("title", flag.title, 4), *_field("explanation", flag.explanation, 4)]
        lines += _actions(flag.actions)
    return "\n".join(lines) + "\n"
