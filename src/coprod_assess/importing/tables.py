"""Reading a form export as a header and rows, each row with its number in the file.

Every limit holds while reading: a line is measured before it is split into
cells, and rows, columns and cells are counted as they come.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coprod_assess.errors import CoprodError
from coprod_assess.loading.reader import display_name, read_bytes, read_text

MAX_ROWS = 100_000
# Excel's own limits: any export fits a spreadsheet.
MAX_LINES = 1_048_576
MAX_COLUMNS = 16_384
# 100,000 respondents answering 50 questions.
MAX_CELLS = 5_000_000
# A header of a few hundred long questions fits many times over.
MAX_LINE_CHARS = 1_000_000

_BREAK = re.compile(r"\r\n?|\n")
_SNIFF_CHARS = 4096


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
    """A header row and the rows under it; a workbook's also has the day its dates count from."""

    name: str
    header: list[str]
    rows: list[Row]
    header_line: int = 1
    # Day 0 of the workbook's date serial numbers (1899-12-30, or 1904-01-01 in the 1904
    # system); None for CSV, where a number is never a date.
    epoch: date | None = None


def clipped(text: str, limit: int = 80) -> str:
    """Text as a message quotes it: cut short, with an ellipsis, past `limit` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def read_table(path: Path) -> Table:
    """A CSV (UTF-8, with or without a byte-order mark) or an .xlsx workbook's first sheet."""
    name = display_name(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from coprod_assess.importing.workbook import sheet_table

        return sheet_table(read_bytes(path), name)
    return csv_table(read_text(path), name)


def collect(name: str, lines: Iterable[tuple[int, list[str]]]) -> Table:
    """The first non-blank row as the header, the non-blank rows after it as answers."""
    header: list[str] | None = None
    header_line = 1
    rows: list[Row] = []
    cells_seen = 0
    for seen, (number, cells) in enumerate(lines, 1):
        if seen > MAX_LINES:
            raise _too_many(name, number, f"has more than {MAX_LINES:,} rows")
        if len(cells) > MAX_COLUMNS:
            raise _too_many(
                name, number, f"has {len(cells):,} columns in one row; the limit is {MAX_COLUMNS:,}"
            )
        cells_seen += len(cells)
        if cells_seen > MAX_CELLS:
            raise _too_many(name, number, f"has more than {MAX_CELLS:,} cells")
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header, header_line = [cell.strip() for cell in cells], number
            continue
        rows.append(Row(number, cells))
        if len(rows) > MAX_ROWS:
            raise _too_many(name, number, f"has more than {MAX_ROWS:,} rows of answers")
    if header is None:
        raise CoprodError.single(name, "file-empty", "is empty: expected a header row", 1, 1)
    return Table(name, header, rows, header_line)


def _too_many(name: str, line: int, message: str) -> CoprodError:
    return CoprodError.single(name, "table-too-large", message, line)


class _Lines:
    """The text's lines, each measured before it is handed on; `end` is where the last ended."""

    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self.end = 0
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        text = self.text
        while self.end < len(text):
            self.number += 1
            start = self.end
            found = _BREAK.search(text, start, start + MAX_LINE_CHARS + 2)
            stop = found.start() if found else len(text)
            if stop - start > MAX_LINE_CHARS:
                raise CoprodError.single(
                    self.name,
                    "line-too-long",
                    f"has a line longer than {MAX_LINE_CHARS:,} characters: not a form export",
                    self.number,
                )
            self.end = found.end() if found else len(text)
            yield text[start : self.end]


def _delimiter(text: str) -> str:
    """The delimiter the header guesses, unless the first rows say otherwise: a `;` file
    (as Excel writes in much of Europe) whose questions hold commas is split on `;`."""
    content = re.search(r"[^\r\n]", text)
    start = content.start() if content else 0
    sample = text[start : start + _SNIFF_CHARS]
    first = _BREAK.split(sample, maxsplit=1)[0]
    try:
        guessed = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        guessed = ","
    lines = _BREAK.split(sample)
    if len(text) > start + _SNIFF_CHARS:
        lines.pop()  # cut short by the sample's end
    lines = [line for line in lines if line.strip()][:20]
    if len(lines) < 2:
        return guessed
    for delimiter in dict.fromkeys((guessed, ",", ";", "\t")):
        try:
            widths = {len(row) for row in csv.reader(lines, delimiter=delimiter)}
        except csv.Error:
            continue
        if len(widths) == 1 and widths.pop() > 1:
            return delimiter
    return guessed


def csv_table(text: str, name: str) -> Table:
    """The table in CSV text; a quote left open is an error at the quote."""
    delimiter = _delimiter(text)
    lines = _Lines(text, name)
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    row_at = (1, 0)  # the line number and offset where the row being read starts

    def numbered() -> Iterator[tuple[int, list[str]]]:
        nonlocal row_at
        while True:
            row_at = (reader.line_num + 1, lines.end)
            try:
                yield row_at[0], next(reader)
            except StopIteration:
                return

    try:
        return collect(name, numbered())
    except csv.Error as err:
        if str(err) == "unexpected end of data":
            raise _open_quote(text, *row_at, delimiter, name) from None
        raise CoprodError.single(
            name, "csv", f"is not valid CSV: {_csv_words(err)}", reader.line_num
        ) from None


def _csv_words(err: csv.Error) -> str:
    message = str(err)
    if "expected after" in message:
        return (
            "text follows the closing quote of a field; quote the whole field and "
            'double any quote inside it ("")'
        )
    if "field larger than field limit" in message:
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return message


def _open_quote(text: str, line: int, start: int, delimiter: str, name: str) -> CoprodError:
    """The error for a quoted field never closed, at the quote that opened it."""
    quote = _unclosed_quote(text, start, delimiter)
    line += len(_BREAK.findall(text, start, quote))
    line_start = max(text.rfind("\n", 0, quote), text.rfind("\r", 0, quote)) + 1
    return CoprodError.single(
        name,
        "csv-quote",
        "this quote opens a field that is never closed, so every line after it would be "
        "read as one answer: close the quote, or remove it",
        line,
        quote - line_start + 1,
    )


def _unclosed_quote(text: str, start: int, delimiter: str) -> int:
    """Where the field left open at the end of the text opened, reading from a row's start."""
    field_end = re.compile(f"[{re.escape(delimiter)}\r\n]")
    position = start
    while True:
        if text.startswith('"', position):
            opened, position = position, position + 1
            while True:
                closing = text.find('"', position)
                if closing < 0:
                    return opened
                if not text.startswith('"', closing + 1):
                    break
                position = closing + 2
            position = closing + 1
        found = field_end.search(text, position)
        if found is None:
            return start
        position = found.end()
