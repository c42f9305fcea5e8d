"""The message catalogs: every marked message has English and Welsh words, and the
compiled catalogs the program reads are those of the .po files translators edit."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from coprod_assess import i18n

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


catalogs = _tool()


def test_the_program_reads_every_area_the_tool_keeps() -> None:
    assert set(i18n.DOMAINS) == set(catalogs.DOMAINS)


@pytest.mark.parametrize("domain", list(catalogs.DOMAINS))
@pytest.mark.parametrize("lang", list(catalogs.COMPLETE))
def test_every_message_has_words_in_the_language(domain: str, lang: str) -> None:
    template = catalogs.extract(domain)
    assert len(template) > 0, f"no message is marked in the {domain} area"
    catalog = catalogs.read(lang, domain)
    found = {message.id for message in catalog if message.id}
    absent = [message.id for message in template if message.id and message.id not in found]
    assert absent == [], f"{lang}/{domain}.po lacks these (run make catalogs): {absent[:5]}"
    gaps = catalogs.missing(catalog)
    assert gaps == [], f"{lang}/{domain}.po gives no words for: {gaps[:5]}"


@pytest.mark.parametrize("domain", list(catalogs.DOMAINS))
@pytest.mark.parametrize("lang", list(catalogs.LANGS))
def test_the_compiled_catalog_is_the_po_file(domain: str, lang: str) -> None:
    po = catalogs.read(lang, domain)
    compiled = catalogs.po_path(lang, domain).with_suffix(".mo").read_bytes()
    assert catalogs._same_mo(compiled, catalogs._mo_bytes(po)), (
        f"{lang}/{domain}.mo is older than its .po: run make catalogs"
    )


def test_welsh_plurals_follow_welsh_rules() -> None:
    header = i18n.translations("cy")
    assert isinstance(header, gettext.GNUTranslations)
    plural = header.plural  # type: ignore[attr-defined]
    assert [plural(n) for n in (0, 1, 2, 3, 4, 6, 7)] == [0, 1, 2, 3, 0, 4, 0]


def test_every_placeholder_survives_translation() -> None:
    # A Welsh message that drops or renames {count} would fail only when shown.
    import re

    pattern = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")
    wrong = []
    for domain in catalogs.DOMAINS:
        for message in catalogs.read("cy", domain):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(pattern.findall(ids[-1])) | set(pattern.findall(ids[0]))
            for string in strings:
                if string and not set(pattern.findall(string)) <= wanted:
                    wrong.append((domain, ids[0], string))
                if string and len(ids) == 1 and set(pattern.findall(string)) != wanted:
                    wrong.append((domain, ids[0], string))
    assert wrong == []


def test_the_check_passes_on_the_committed_catalogs(capsys: pytest.CaptureFixture[str]) -> None:
    assert catalogs.main(["--check"]) == 0, capsys.readouterr().err
