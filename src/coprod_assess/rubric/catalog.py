"""The rubrics, roles and flags in force: the built-in set plus the user's own files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.i18n import current
from coprod_assess.rubric.check_run import check_files, load_builtin
from coprod_assess.rubric.files import LoadedFile
from coprod_assess.rubric.flags import Flag, FlagsFile
from coprod_assess.rubric.localise import (
    Translation,
    localise_flag,
    localise_role,
    localise_rubric,
    words_for,
)
from coprod_assess.rubric.models import Rubric
from coprod_assess.rubric.roles import Role, RolesFile
from coprod_assess.rubric.translation import FLAGS, ROLES, TranslationFile


@dataclass
class Catalog:
    """Rubrics by id (with the file each came from), roles by id, and flags."""

    rubrics: dict[str, Rubric] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    flags: dict[str, Flag] = field(default_factory=dict)
    # (rubric id or `roles` or `flags`, language) -> its words in that language
    translations: dict[tuple[str, str], Translation] = field(default_factory=dict)
    folders: dict[str, Path] = field(default_factory=dict)
    lang: str = "en"
    # The catalog in the rubrics' own words, that every language is made from.
    source: Catalog | None = field(default=None, repr=False)

    def rubric(self, rubric_id: str) -> Rubric:
        """The rubric with this id, or a CoprodError listing the ids there are."""
        try:
            return self.rubrics[rubric_id]
        except KeyError:
            raise CoprodError.single(
                rubric_id,
                "unknown-rubric",
                f"no rubric has this id (installed: {self.installed()})",
            ) from None

    def installed(self) -> str:
        """The installed rubric ids, for messages: "a, b, c" or "none"."""
        return ", ".join(sorted(self.rubrics)) or "none"

    def add(self, item: LoadedFile) -> None:
        """Add one file's content; an id already present is replaced."""
        model = item.model
        if isinstance(model, Rubric):
            self.rubrics[model.id] = model
            self.sources[model.id] = item.doc.name
            self.folders[model.id] = item.path.parent
            for lang, words in model.translations.items():
                self.translations[(model.id, lang)] = Translation(
                    model.id, lang, words, words, item.path.parent, item.doc.name
                )
        elif isinstance(model, TranslationFile):
            head = model.translation
            self.translations[(head.of, head.lang)] = Translation(
                head.of, head.lang, head, model, item.path.parent, item.doc.name
            )
        elif isinstance(model, RolesFile):
            self.roles.update((role.id, role) for role in model.roles)
        elif isinstance(model, FlagsFile):
            self.flags.update((flag.id, flag) for flag in model.flags)

    def languages(self) -> list[str]:
        """The languages some rubric in force has words in, English first."""
        found = {lang for (of, lang) in self.translations if of in self.rubrics}
        found |= {rubric.lang for rubric in self.rubrics.values()}
        return sorted(found, key=lambda lang: (lang != "en", lang))

    def localised(self, lang: str) -> Catalog:
        """The same rubrics, roles and flags with the words of `lang` where there are any
        (and every picture found on disk)."""
        own = self.source or self
        if own is not self:
            return own.localised(lang)
        roles = words_for(self.translations, ROLES, lang)
        flags = words_for(self.translations, FLAGS, lang)
        return Catalog(
            rubrics={
                rid: localise_rubric(rubric, lang, self.translations, self.folders[rid])
                for rid, rubric in self.rubrics.items()
            },
            sources=dict(self.sources),
            roles={
                rid: self._with_other_names(role, localise_role(role, roles))
                for rid, role in self.roles.items()
            },
            flags={fid: localise_flag(flag, flags) for fid, flag in self.flags.items()},
            translations=self.translations,
            folders=self.folders,
            lang=lang,
            source=self,
        )

    def _with_other_names(self, original: Role, role: Role) -> Role:
        """The role with its names in every language added to its aliases, so an imported
        role cell in Welsh matches whatever language the command runs in."""
        names = [original.label, *original.aliases]
        for (of, _), found in sorted(self.translations.items()):
            given = found.words.roles.get(role.id) if of == ROLES else None
            if given is not None:
                names += [name for name in (given.label, *given.aliases) if name]
        seen = {role.id, role.label}
        aliases = [n for n in dict.fromkeys(names) if n not in seen]
        return role if aliases == role.aliases else role.model_copy(update={"aliases": aliases})


def load_catalog(extra: Sequence[Path] = ()) -> Catalog:
    """The built-in set, with the files under `extra` added (same id replaces), in the
    language in use (see `coprod_assess.i18n`).

    Extra files must pass every check of `coprod rubric check`, or CoprodError is raised.
    """
    builtin = load_builtin()
    catalog = Catalog()
    for item in builtin:
        catalog.add(item)
    if extra:
        loaded, report = check_files(extra, builtin)
        # A translation still being filled in leaves its empty fields in the rubric's own
        # words: it stops `rubric check`, not the commands that use the rubric.
        problems = [p for p in report.problems if p.code != "translation-incomplete"]
        if problems:
            raise CoprodError(problems)
        for item in loaded:
            catalog.add(item)
    return catalog.localised(current())
