"""The first sheet of an .xlsx workbook as numbered rows of text, read within limits.

An .xlsx file is a zip of XML parts. It is read here with the standard library
so that every limit holds while reading: the archive's directory is counted
before it is parsed, each part's unpacked size is checked before it is opened
(zipfile never unpacks past the size a part declares, and a part that lies
then fails its checksum), and the sheet and its shared strings are streamed
and refused as soon as they pass a limit. A damaged workbook is one message
naming the file and the part, row or cell at fault.

Cells are read as the text or number stored; a number formatted as a date
stays its serial number, and the table says the day those count from (the
workbook's 1900 or 1904 date system), for the form's timestamps.
"""

from __future__ import annotations

import dataclasses
import functools
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date
from typing import Literal
from xml.etree import ElementTree

from coprod_assess.errors import CoprodError
from coprod_assess.importing.tables import MAX_CELLS, MAX_COLUMNS, MAX_LINES, Table, collect

# The sheet and its shared strings, unpacked; the workbook's index parts are small.
MAX_PART_BYTES = 256 * 1024 * 1024
MAX_INDEX_BYTES = 16 * 1024 * 1024
MAX_PARTS = 10_000
MAX_SHARED_STRINGS = MAX_CELLS

# Other methods (bzip2, LZMA) are never used by spreadsheets, and zipfile unpacks
# them without an output bound.
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
# Zip flag bits 0 (encrypted), 5 (patch data) and 6 (strong encryption).
_ENCRYPTED_OR_PATCHED = 0x1 | 0x20 | 0x40
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CELL = re.compile(r"([A-Z]{1,3})([0-9]{1,7})\Z")
_INDEX = re.compile(r"[0-9]{1,10}\Z")
_BOOLEANS = {"1": "TRUE", "0": "FALSE"}
_EPOCH_1900 = date(1899, 12, 30)  # day 0, after Excel's 29 February 1900 that never was
_EPOCH_1904 = date(1904, 1, 1)
_Events = Iterator[tuple[str, ElementTree.Element]]
_Kind = Literal["start", "end"]


def sheet_table(data: bytes, name: str) -> Table:
    """The first sheet as a table, with the day the workbook's date serial numbers count from."""
    with _open(data, name) as archive:
        book = _Workbook(archive, name)
        sheet, strings_part = book.first_sheet()
        strings = book.shared_strings(strings_part) if strings_part else []
        table = collect(name, book.rows(sheet, strings))
    return dataclasses.replace(table, epoch=_EPOCH_1904 if book.date1904 else _EPOCH_1900)


def _not_xlsx(name: str, why: str) -> CoprodError:
    return CoprodError.single(name, "not-xlsx", f"is not a readable .xlsx workbook: {why}")


def _open(data: bytes, name: str) -> zipfile.ZipFile:
    if data.startswith(_OLE):
        raise _not_xlsx(
            name, "it is an old .xls workbook or has a password; save it as .xlsx without one"
        )
    parts = _declared_parts(data)
    if parts is not None and parts > MAX_PARTS:
        raise _not_xlsx(name, f"it holds {parts:,} parts; a workbook has a few dozen")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError) as err:
        raise _not_xlsx(name, f"it is not a whole zip archive ({err})") from None


def _declared_parts(data: bytes) -> int | None:
    """How many parts the zip's end record declares, read before zipfile lists them all."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        return None
    parts = int.from_bytes(data[end + 10 : end + 12], "little")
    locator = end - 20
    if parts != 0xFFFF or locator < 0 or data[locator : locator + 4] != b"PK\x06\x07":
        return parts
    record = int.from_bytes(data[locator + 8 : locator + 16], "little")
    if data[record : record + 4] != b"PK\x06\x06":
        return parts
    return int.from_bytes(data[record + 32 : record + 40], "little")


def _local(tag: str) -> str:
    """An element's or attribute's name without its namespace (strict OOXML uses another)."""
    return tag.rpartition("}")[2]


def _text_of(item: ElementTree.Element) -> str:
    """A shared or inline string: its text, or its runs' text (phonetic hints left out)."""
    parts = []
    for child in item:
        kind = _local(child.tag)
        if kind == "t":
            parts.append(child.text or "")
        elif kind == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


@functools.cache
def _column(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _number(text: str) -> str | None:
    """A number cell as a person reads it: 3 rather than 3.0; None when it is no number."""
    try:
        value = float(text)
    except ValueError:
        return None
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


class _Workbook:
    """An opened archive and the name to blame in messages."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.sheet = ""
        self.date1904 = False

    def damaged(self, part: str, detail: str, line: int = 0, column: int = 0) -> CoprodError:
        """The error for a damaged part, at the row and column where there is one."""
        what = "sheet" if part == self.sheet else "part"
        return CoprodError.single(
            self.name,
            "xlsx-damaged",
            f"has a damaged {what} ({part}): {detail}; open it in a spreadsheet and save it again",
            line,
            column,
        )

    def too_large(self, what: str, line: int = 0, code: str = "table-too-large") -> CoprodError:
        return CoprodError.single(self.name, code, what, line)

    def events(self, part: str, limit: int, kinds: tuple[_Kind, ...] = ("start", "end")) -> _Events:
        """Start and end events of one part's XML, streamed from the archive."""
        try:
            info = self.archive.getinfo(part)
        except KeyError:
            raise self.damaged(part, "the workbook names it, but it is not in the file") from None
        if info.compress_type not in _METHODS:
            raise self.damaged(
                part, f"it uses compression method {info.compress_type}, unknown to spreadsheets"
            )
        if info.flag_bits & _ENCRYPTED_OR_PATCHED:
            raise self.damaged(part, "it is encrypted or patched, which spreadsheets never do")
        if info.file_size > limit:
            raise self.too_large(
                f"has a part {part} of {info.file_size:,} bytes unpacked; the limit is {limit:,}",
                code="xlsx-too-large",
            )
        try:
            with self.archive.open(info) as stream:
                yield from ElementTree.iterparse(stream, events=kinds)
        except ElementTree.ParseError as err:
            raise self.damaged(part, f"it is not well-formed XML ({err})") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as err:
            raise self.damaged(part, f"it cannot be unpacked ({err})") from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """A part's relationships (the package's for ""): id -> (type, target part's path)."""
        folder, base = posixpath.split(part)
        found = {}
        for event, element in self.events(
            posixpath.join(folder, "_rels", f"{base}.rels"), MAX_INDEX_BYTES
        ):
            if event != "end" or _local(element.tag) != "Relationship":
                continue
            target = element.get("Target", "")
            if element.get("TargetMode") == "External" or not target:
                continue
            path = target if target.startswith("/") else posixpath.join(folder, target)
            found[element.get("Id", "")] = (
                element.get("Type", ""),
                posixpath.normpath(path).lstrip("/"),
            )
        return found

    def first_sheet(self) -> tuple[str, str | None]:
        """The part holding the first sheet, and the part holding shared strings if any."""
        office = [
            target
            for kind, target in self.relationships("").values()
            if kind.endswith("/officeDocument")
        ]
        if not office:
            raise self.damaged("_rels/.rels", "it names no workbook part")
        links = self.relationships(office[0])
        sheet_id = None
        for event, element in self.events(office[0], MAX_INDEX_BYTES):
            if event == "end" and _local(element.tag) == "workbookPr":
                self.date1904 = element.get("date1904", "").lower() in ("1", "true")
            if event == "end" and _local(element.tag) == "sheet":
                ids = [v for k, v in element.attrib.items() if _local(k) == "id" and "}" in k]
                sheet_id = ids[0] if ids else ""
                break
        if sheet_id is None:
            raise self.damaged(office[0], "it lists no sheets")
        if sheet_id not in links:
            raise self.damaged(
                office[0],
                f"its first sheet points to a relationship {sheet_id!r} that is not there",
            )
        strings = [t for kind, t in links.values() if kind.endswith("/sharedStrings")]
        self.sheet = links[sheet_id][1]
        return self.sheet, strings[0] if strings else None

    def shared_strings(self, part: str) -> list[str]:
        """The workbook's shared strings, refused past the limit before they are all read."""
        strings: list[str] = []
        root = None
        for event, element in self.events(part, MAX_PART_BYTES):
            kind = _local(element.tag)
            if event == "start":
                if kind == "sst":
                    root = element
                    declared = element.get("uniqueCount", "")
                    if _INDEX.match(declared) and int(declared) > MAX_SHARED_STRINGS:
                        raise self.too_large(
                            f"declares {int(declared):,} shared strings; the limit is "
                            f"{MAX_SHARED_STRINGS:,}"
                        )
                continue
            if kind == "si":
                strings.append(_text_of(element))
                if len(strings) > MAX_SHARED_STRINGS:
                    raise self.too_large(f"has more than {MAX_SHARED_STRINGS:,} shared strings")
                if root is not None:
                    root.clear()
        return strings

    def rows(self, part: str, strings: list[str]) -> Iterator[tuple[int, list[str]]]:
        """Each row of the sheet with its number, checked as it is read."""
        previous = 0
        for _, element in self.events(part, MAX_PART_BYTES, ("end",)):
            tag = element.tag
            if tag.endswith("}dimension"):
                self.check_dimension(element.get("ref", ""))
            if not tag.endswith("}row"):
                continue
            written = element.get("r")
            number = int(written) if written and _INDEX.match(written) else previous + 1
            if (written is not None and not _INDEX.match(written)) or number <= previous:
                raise self.damaged(
                    part, f"a row is numbered {written!r} after row {previous}", previous + 1
                )
            if number > MAX_LINES:
                raise self.too_large(f"has a row numbered {number:,}; the limit is {MAX_LINES:,}")
            yield number, self.cells(element, number, tag[:-3], strings)
            previous = number
            # Only the row's cells are let go: its empty element stays in the tree, so
            # memory grows by a few dozen bytes a row, within the row limit.
            element.clear()

    def check_dimension(self, ref: str) -> None:
        """Refuse a sheet that declares more rows, columns or cells than may be read."""
        corners = [_CELL.match(corner) for corner in ref.split(":")]
        if not ref or len(corners) > 2 or not all(corners):
            raise self.damaged(
                self.sheet, f"it declares its size as {ref!r}, which is no cell range"
            )
        first, last = corners[0], corners[-1]
        assert first is not None and last is not None  # checked just above
        rows = int(last[2]) - int(first[2]) + 1
        columns = _column(last[1]) - _column(first[1]) + 1
        if rows > MAX_LINES or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise self.too_large(
                f"declares a sheet of {rows:,} rows by {columns:,} columns ({ref}); the limit "
                f"is {MAX_CELLS:,} cells, {MAX_LINES:,} rows and {MAX_COLUMNS:,} columns"
            )

    def cells(
        self, row: ElementTree.Element, number: int, namespace: str, strings: list[str]
    ) -> list[str]:
        """A row's cells as text, placed by their references."""
        cells: list[str] = []
        cell_tag, row_text = namespace + "c", str(number)
        for cell in row:
            if cell.tag != cell_tag:
                continue
            ref = cell.get("r")
            column = len(cells) + 1
            if ref is not None:
                found = _CELL.match(ref)
                if not found or found[2] != row_text:
                    raise self.damaged(
                        self.sheet, f"row {number} holds a cell named {ref!r}", number
                    )
                column = _column(found[1])
            if column <= len(cells) or column > MAX_COLUMNS:
                raise self.damaged(
                    self.sheet, f"cell {ref} is out of place in row {number}", number, column
                )
            if column > len(cells) + 1:
                cells.extend([""] * (column - len(cells) - 1))
            cells.append(self.value(cell, namespace, strings, number, column))
        return cells

    def value(
        self,
        cell: ElementTree.Element,
        namespace: str,
        strings: list[str],
        line: int,
        column: int,
    ) -> str:
        """One cell's text: a shared or inline string, a number, a truth value or an error."""
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(namespace + "is")
            return "" if inline is None else _text_of(inline)
        found = cell.find(namespace + "v")
        if found is None:
            return ""
        stored = found.text or ""
        text: str | None = None
        if kind == "s":
            if not _INDEX.match(stored) or int(stored) >= len(strings):
                raise self.damaged(
                    self.sheet,
                    f"a cell refers to shared string {stored[:40]!r}, but there are "
                    f"{len(strings):,}",
                    line,
                    column,
                )
            text = strings[int(stored)]
        elif kind == "n":
            text = _number(stored)
        elif kind == "b":
            text = _BOOLEANS.get(stored)
        elif kind in ("str", "e", "d"):
            text = stored
        if text is None:
            raise self.damaged(
                self.sheet,
                f"a cell of type {kind!r} holds {stored[:40]!r}, which does not fit",
                line,
                column,
            )
        return text
