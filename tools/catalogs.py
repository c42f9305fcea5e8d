"""Keep the message catalogs in step with the code: `make catalogs`.

For each area (domain) of the program: extract every marked message from its
Python files and templates into `locale/DOMAIN.pot`, bring each language's
`locale/LANG/LC_MESSAGES/DOMAIN.po` up to date with it (new messages empty,
changed ones marked fuzzy, gone ones dropped), and compile the `.mo` files the
program reads. English is the language of the code, so its catalog holds each
message as itself. Translators edit the `.po` files; see CONTRIBUTING.md.

    python tools/catalogs.py            # extract, update, compile
    python tools/catalogs.py --check    # exit 1 if any catalog is out of date or incomplete
    python tools/catalogs.py --domain room   # one area only (also with --check)
"""

from __future__ import annotations

import copy
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "coprod_assess"
LOCALE = SRC / "locale"
TEMPLATES = ROOT / "templates"
# The languages with catalogs of their own; en-easy gives only what it says more simply.
LANGS = ("en", "cy", "en-easy")
COMPLETE = ("en", "cy")
# Each area: the files whose messages it holds (the first area that claims a file has it).
DOMAINS: dict[str, list[Path]] = {
    "room": [SRC / "room", TEMPLATES / "room", SRC / "cli" / "workshop.py"],
    "sheet": [
        SRC / "report" / "sheet.py",
        SRC / "cli" / "template.py",
        SRC / "online_forms",
        *(TEMPLATES / name for name in ("sheet.html.j2", "sheet.md.j2")),
        *(TEMPLATES / name for name in ("sense_check_sheet.html.j2", "sense_check_sheet.md.j2")),
    ],
    "compare": [
        SRC / "compare",
        *sorted(TEMPLATES.glob("diff.*.j2")),
        *sorted(TEMPLATES.glob("trend.*.j2")),
    ],
    "report": [
        SRC / "report",
        SRC / "cli" / "report.py",
        SRC / "sensecheck",
        SRC / "compare",
        SRC / "wording.py",
        TEMPLATES,
    ],
    "cli": [SRC],
}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None}
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trimmed": "true"}


def files_of(domain: str) -> Iterator[Path]:
    """The source files whose messages belong to `domain`."""
    order = list(DOMAINS)
    claimed_before = [p for name in order[: order.index(domain)] for p in DOMAINS[name]]
    for root in DOMAINS[domain]:
        found = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in found:
            if path.suffix not in (".py", ".j2") or "__pycache__" in path.parts:
                continue
            if any(path == c or c in path.parents for c in claimed_before):
                continue
            yield path


def extract(domain: str) -> Catalog:
    """Every message marked in the domain's files, with where it is used."""
    template = Catalog(project="coprod-assess", domain=domain, fuzzy=False)
    for path in files_of(domain):
        method = "python" if path.suffix == ".py" else "jinja2"
        options = {} if method == "python" else JINJA_OPTIONS
        for lineno, message, comments, context in extract_from_file(
            method, str(path), keywords=KEYWORDS, options=options
        ):
            where = path.relative_to(ROOT).as_posix()
            template.add(message, None, [(where, lineno)], auto_comments=comments, context=context)
    return template


def po_path(lang: str, domain: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


def read(lang: str, domain: str) -> Catalog:
    """A language's catalog for a domain, or a new empty one."""
    path = po_path(lang, domain)
    if path.is_file():
        with path.open("rb") as handle:
            return read_po(handle, locale=_babel_locale(lang), domain=domain)
    return Catalog(locale=_babel_locale(lang), domain=domain, project="coprod-assess")


def _babel_locale(lang: str) -> str:
    return lang.removesuffix("-easy")


def updated(lang: str, domain: str, template: Catalog) -> Catalog:
    """The language's catalog brought up to date with the template."""
    catalog = read(lang, domain)
    # A copy: babel adds the template's new messages themselves, and English fills them in.
    catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
    catalog.obsolete.clear()
    if lang == "en":
        for message in catalog:
            if message.id:
                message.string = message.id
                message.flags.discard("fuzzy")
    catalog.language_team = lang
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=88,
        sort_output=False,
        include_previous=False,
        omit_header=False,
        ignore_obsolete=True,
    )
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def missing(catalog: Catalog) -> list[str]:
    """The messages a catalog gives no words for (or only fuzzy ones)."""
    gaps = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            gaps.append(message.id if isinstance(message.id, str) else message.id[0])
    return gaps


def main(argv: list[str]) -> int:
    check = "--check" in argv
    only = argv[argv.index("--domain") + 1 :][:1] if "--domain" in argv else list(DOMAINS)
    stale = []
    for domain in only:
        template = extract(domain)
        pot = LOCALE / f"{domain}.pot"
        for lang in LANGS:
            catalog = updated(lang, domain, template)
            po, mo = po_path(lang, domain), po_path(lang, domain).with_suffix(".mo")
            new_po, new_mo = _po_bytes(catalog), _mo_bytes(catalog)
            if check:
                if not po.is_file() or _strip_dates(po.read_bytes(), places=False) != _strip_dates(
                    new_po, places=False
                ):
                    stale.append(str(po.relative_to(ROOT)))
                if not mo.is_file() or not _same_mo(mo.read_bytes(), new_mo):
                    stale.append(str(mo.relative_to(ROOT)))
                if lang in COMPLETE:
                    stale += [
                        f"{po.relative_to(ROOT)}: no words for {m!r}" for m in missing(catalog)
                    ]
                continue
            po.parent.mkdir(parents=True, exist_ok=True)
            if not po.is_file() or _strip_dates(po.read_bytes()) != _strip_dates(new_po):
                po.write_bytes(new_po)
            if not mo.is_file() or not _same_mo(mo.read_bytes(), new_mo):
                mo.write_bytes(new_mo)
        if not check:
            new_pot = _po_bytes(template)
            if not pot.is_file() or _strip_dates(pot.read_bytes()) != _strip_dates(new_pot):
                pot.write_bytes(new_pot)
    if stale:
        print("Out of date or incomplete (run `make catalogs` and translate):", file=sys.stderr)
        for line in stale:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _same_mo(old: bytes, new: bytes) -> bool:
    """Whether two compiled catalogs hold the same messages (their header dates aside)."""
    import gettext

    def messages(data: bytes) -> dict[object, str]:
        found = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]
        found.pop("", None)
        return found

    return messages(old) == messages(new)


def _strip_dates(po: bytes, *, places: bool = True) -> bytes:
    """A .po file without the header dates that change on every run, and with `places`
    false without the `#:` lines saying where each message is used (for --check: a line
    moved in the code does not put a catalog out of date)."""
    skipped = (b'"POT-Creation-Date', b'"PO-Revision-Date') + (() if places else (b"#:",))
    return b"\n".join(line for line in po.splitlines() if not line.startswith(skipped))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
