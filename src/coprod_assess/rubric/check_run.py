"""`coprod rubric check`: every problem in a set of rubric, roles and flags files."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coprod_assess.errors import CoprodError, Problem
from coprod_assess.loading.document import Loc
from coprod_assess.loading.reader import display_name
from coprod_assess.resources import rubrics_dir
from coprod_assess.rubric.checks import check_role_names, check_rubric, duplicates
from coprod_assess.rubric.files import LoadedFile, find_yaml_files, load_file
from coprod_assess.rubric.flag_checks import check_flags
from coprod_assess.rubric.flags import FlagsFile
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import Role, RolesFile
from coprod_assess.rubric.translation import FLAGS, ROLES, TranslationFile
from coprod_assess.rubric.translation_checks import (
    Sources,
    check_question_pictures,
    check_words,
)


@dataclass
class CheckReport:
    """The files checked and the problems found, sorted by file, line and column."""

    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def check_paths(paths: Sequence[Path]) -> CheckReport:
    """Check the files named or found under `paths`; none means the built-in set."""
    return check_files(paths)[1]


def check_files(
    paths: Sequence[Path], builtin: list[LoadedFile] | None = None
) -> tuple[list[LoadedFile], CheckReport]:
    """The files that loaded, and the report of every problem in them.

    Flags may refer to what the `builtin` files define (loaded here when not given).
    """
    report = CheckReport()
    try:
        files = list(find_yaml_files(paths or [rubrics_dir()]))
    except CoprodError as err:
        report.problems.extend(err.problems)
        files = []
    loaded: list[LoadedFile] = []
    for path in files:
        report.files.append(display_name(path))
        try:
            loaded.append(load_file(path))
        except CoprodError as err:
            report.problems.extend(err.problems)
    if builtin is None:
        builtin = load_builtin()
    seen = {path.resolve() for path in files}
    others = [item for item in builtin if item.path.resolve() not in seen]
    report.problems.extend(_check_loaded(loaded, others))
    report.problems.sort()
    return loaded, report


def load_builtin() -> list[LoadedFile]:
    """The built-in rubric, roles and flags files."""
    return [load_file(path) for path in find_yaml_files([rubrics_dir()])]


def _check_loaded(loaded: list[LoadedFile], builtin: list[LoadedFile]) -> Iterator[Problem]:
    for item in loaded:
        if isinstance(item.model, Rubric):
            yield from check_rubric(item.model, item.doc)
    yield from _unique_across_files(loaded)
    yield from check_role_names(loaded, builtin)
    rubrics: dict[str, Rubric] = {}
    roles: dict[str, Role] = {}
    for item in [*builtin, *loaded]:  # checked files replace built-in ones with the same id
        if isinstance(item.model, Rubric):
            rubrics[item.model.id] = item.model
        elif isinstance(item.model, RolesFile):
            roles.update((role.id, role) for role in item.model.roles)
    for item in loaded:
        if isinstance(item.model, FlagsFile):
            yield from check_flags(item.model, item.doc, rubrics, roles)
    yield from _check_translations(loaded, builtin, rubrics, roles)


def _check_translations(
    loaded: list[LoadedFile],
    builtin: list[LoadedFile],
    rubrics: dict[str, Rubric],
    roles: dict[str, Role],
) -> Iterator[Problem]:
    """Every translation names what it translates, once per language, and gives all of it."""
    flags = [
        f
        for item in [*builtin, *loaded]
        if isinstance(item.model, FlagsFile)
        for f in item.model.flags
    ]
    sources = Sources(
        rubrics,
        RolesFile(roles=list(roles.values())) if roles else None,
        FlagsFile(flags=flags) if flags else None,
    )
    seen: dict[tuple[str, str], str] = {}
    for item in loaded:
        model = item.model
        folder = item.path.parent
        if isinstance(model, Rubric):
            yield from check_question_pictures(model, item.doc, folder)
            for lang, words in model.translations.items():
                at = ("translations", lang)
                if lang == model.lang:
                    yield item.doc.problem(
                        at, "translation", f"the rubric is itself in '{lang}'", at_key=True
                    )
                seen[(model.id, lang)] = item.doc.name
                yield from check_words(
                    words, model.id, lang, words.covers, sources, item.doc, at, folder
                )
        elif isinstance(model, TranslationFile):
            head = model.translation
            if head.of not in rubrics and head.of not in (ROLES, FLAGS):
                yield item.doc.problem(
                    ("translation", "of"),
                    "unknown-rubric",
                    f"no rubric has the id '{head.of}' (nor is it roles or flags)",
                )
                continue
            if head.of in rubrics and rubrics[head.of].lang == head.lang:
                yield item.doc.problem(
                    ("translation", "lang"),
                    "translation",
                    f"rubric '{head.of}' is itself in '{head.lang}'",
                )
            earlier = seen.get((head.of, head.lang))
            if earlier is not None:
                yield item.doc.problem(
                    ("translation", "lang"),
                    "duplicate-id",
                    f"'{head.of}' already has '{head.lang}' words in {earlier}",
                )
            seen[(head.of, head.lang)] = item.doc.name
            yield from check_words(
                model, head.of, head.lang, head.covers, sources, item.doc, (), folder
            )


def _unique_across_files(loaded: list[LoadedFile]) -> Iterator[Problem]:
    """Rubric, role and flag ids are each unique across all the files checked."""
    first: dict[tuple[str, str], tuple[LoadedFile, Loc]] = {}
    for item in loaded:
        model = item.model
        entries: list[tuple[str, str, Loc]]
        if isinstance(model, Rubric):
            entries = [("rubric", model.id, ("id",))]
        elif isinstance(model, RolesFile):
            entries = [("role", r.id, ("roles", k, "id")) for k, r in enumerate(model.roles)]
        elif isinstance(model, TranslationFile):
            continue  # checked with the translations
        else:
            entries = [("flag", f.id, ("flags", k, "id")) for k, f in enumerate(model.flags)]
        yield from duplicates(item.doc, ((id_, loc) for _, id_, loc in entries), "id")
        for what, id_, loc in entries:
            earlier = first.get((what, id_))
            if earlier is None:
                first[(what, id_)] = (item, loc)
            elif earlier[0] is not item:
                line, column = earlier[0].doc.position(earlier[1])
                yield item.doc.problem(
                    loc,
                    "duplicate-id",
                    f"{what} id {id_!r} is already used in {earlier[0].doc.name}:{line}:{column}",
                )
