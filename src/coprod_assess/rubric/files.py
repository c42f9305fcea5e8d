"""Finding rubric, roles and flags files, and loading each into its model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.loading.document import YamlDocument, load_document
from coprod_assess.loading.reader import display_name
from coprod_assess.loading.validate import validate
from coprod_assess.rubric.flags import FlagsFile
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import RolesFile
from coprod_assess.rubric.translation import TranslationFile

YAML_SUFFIXES = (".yaml", ".yml")
# Rubric files are small; anything near this size is a mistake or an attack.
MAX_RUBRIC_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class LoadedFile:
    """One file with its document and its validated model."""

    path: Path
    doc: YamlDocument
    model: Rubric | RolesFile | FlagsFile | TranslationFile


def find_yaml_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each YAML file named, or found under a named folder (sorted, hidden folders skipped).

    A path that does not exist raises CoprodError.
    """
    for path in paths:
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.suffix in YAML_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise CoprodError.single(display_name(path), "file-missing", "no such file or folder")


def kind_of(doc: YamlDocument) -> type[Rubric | RolesFile | FlagsFile | TranslationFile]:
    """Which model a document is meant for: roles and flags files say so by their one key,
    translations by their `translation:` header."""
    keys = set(doc.data) if isinstance(doc.data, dict) else set()
    if keys == {"roles"}:
        return RolesFile
    if keys == {"flags"}:
        return FlagsFile
    if "translation" in keys:
        return TranslationFile
    return Rubric


def load_file(path: Path) -> LoadedFile:
    """Load and validate one rubric, roles or flags file, or raise CoprodError."""
    doc = load_document(path, max_bytes=MAX_RUBRIC_BYTES)
    model = validate(kind_of(doc), doc)
    return LoadedFile(path, doc, model)
