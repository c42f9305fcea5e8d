"""Reading a form export as a header and rows, each row with its number in the file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import MAX_FILE_BYTES, display_name, read_text

MAX_ROWS = 100_000


@dataclass(frozen=True)
class Row:
    """One respondent's row: where it starts in the file, and its cells as text."""

    line: int
    cells: list[str]

    def cell(self, index: int) -> str:
        """The cell in column `index` (0-based), or "" past the end of a short row."""
        return self.cells[index].strip() if index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """A header row and the rows under it."""

    name: str
    header: list[str]
    rows: list[Row]
    header_line: int = 1


def read_table(path: Path) -> Table:
    """A CSV (UTF-8, with or without a byte-order mark) or an .xlsx workbook's first sheet."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(read_text(path), display_name(path))


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _collect(name: str, lines: Iterable[tuple[int, list[str]]]) -> Table:
    """The first non-blank row as the header, the non-blank rows after it as answers."""
    header: list[str] | None = None
    header_line = 1
    rows: list[Row] = []
    for number, cells in lines:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header, header_line = [cell.strip() for cell in cells], number
            continue
        rows.append(Row(number, cells))
        if len(rows) > MAX_ROWS:
            raise CoprodError.single(name, "too-many-rows", f"has more than {MAX_ROWS:,} rows")
    if header is None:
        raise CoprodError.single(name, "file-empty", "is empty: expected a header row", 1, 1)
    return Table(name, header, rows, header_line)


def _read_csv(text: str, name: str) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))

    def numbered() -> Iterator[tuple[int, list[str]]]:
        while True:
            start = reader.line_num + 1
            try:
                yield start, next(reader)
            except StopIteration:
                return

    try:
        return _collect(name, numbered())
    except csv.Error as err:
        raise CoprodError.single(name, "csv", f"is not valid CSV: {err}", reader.line_num) from None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _read_xlsx(path: Path) -> Table:
    import zipfile
    from xml.etree.ElementTree import ParseError

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = display_name(path)
    if path.exists() and path.stat().st_size > MAX_FILE_BYTES:
        raise CoprodError.single(name, "file-too-large", f"is over {MAX_FILE_BYTES:,} bytes")
    if not path.exists():
        raise CoprodError.single(name, "file-missing", "no such file")
    # A damaged workbook can fail while opening or while reading its sheet.
    broken = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, ParseError)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except broken:
        raise CoprodError.single(name, "not-xlsx", "is not a readable .xlsx workbook") from None
    try:
        values = workbook.worksheets[0].iter_rows(values_only=True)
        return _collect(name, ((n, [_text(v) for v in row]) for n, row in enumerate(values, 1)))
    except broken:
        raise CoprodError.single(name, "not-xlsx", "has a damaged sheet: save it again") from None
    finally:
        workbook.close()
