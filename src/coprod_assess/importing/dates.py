"""The assessment's date from a form's times: the last day anyone answered.

Times come as ODK and KoboToolbox write them (ISO 8601, with a time zone),
as Google Forms writes them (`22/11/2026 10:15:03`, `11/22/2026 10:15:03` or
`2026/11/22 2:01:12 PM GMT`), as Microsoft Forms writes them (`11/22/26 10:15:00`),
or as a workbook's date serial numbers. Whether `05/11/2026` is day or month first
is read from all the rows together; when they cannot tell, no date is guessed.
The date is the day as written, in the form's own time zone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coprod_assess.importing.tables import Row, clipped

# A problem to report: line, column, code, message.
Report = Callable[[int, int, str, str], None]

_TIME = (
    r"(?:[ T,]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?:Z|[A-Z]{2,5})?(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?)?)?"
)
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})" + _TIME + r"\Z")
_YEAR_FIRST = re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})" + _TIME + r"\Z")
_DAY_OR_MONTH_FIRST = re.compile(
    r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})" + _TIME + r"\Z"
)
_SERIAL = re.compile(r"[0-9]{1,7}(?:\.[0-9]+)?\Z")
_LAST_SERIAL = 2_958_465  # 31 December 9999
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Times:
    """A column of times: where it is, and what the summary calls its times."""

    index: int
    header: str
    line: int
    called: str


@dataclass(frozen=True)
class _Either:
    """A date written `a/b/year`, day or month first."""

    first: int
    second: int
    year: int

    def as_date(self, day_first: bool) -> date | None:
        day, month = (self.first, self.second) if day_first else (self.second, self.first)
        return _date(self.year, month, day)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _read(said: str, epoch: date | None) -> date | _Either | None:
    """A cell's day, a day/month pair to settle, or None when it is no time read here."""
    said = said.strip()
    for pattern in (_ISO, _YEAR_FIRST):
        found = pattern.match(said)
        if found:
            return _date(int(found[1]), int(found[2]), int(found[3]))
    found = _DAY_OR_MONTH_FIRST.match(said)
    if found:
        year = int(found[4]) + (2000 if len(found[4]) == 2 else 0)
        either = _Either(int(found[1]), int(found[3]), year)
        if either.as_date(True) is None and either.as_date(False) is None:
            return None
        return either
    if epoch is not None and _SERIAL.match(said) and 1 <= float(said) <= _LAST_SERIAL:
        return epoch + timedelta(days=int(float(said)))
    return None


def form_date(
    times: Times, rows: Sequence[Row], epoch: date | None, report: Report
) -> tuple[str, str]:
    """The last day in the column (`2026-11-22`) and the words saying so (`Date 2026-11-22,
    from the form's timestamps (21 to 22 November)`); both "" when there is none.

    A cell that is no time is reported and left out; day/month order that the rows
    cannot settle is reported and gives no date.
    """
    days: list[date] = []
    pairs: list[_Either] = []
    for row in rows:
        said = row.cell(times.index)
        if not said:
            continue
        read = _read(said, epoch)
        if read is None:
            report(
                row.line,
                times.index + 1,
                "unreadable-date",
                f"'{clipped(said)}' in column '{clipped(times.header)}' is no date and time "
                "this can read; it is left out of the assessment's date",
            )
        elif isinstance(read, _Either):
            pairs.append(read)
        else:
            days.append(read)
    if pairs:
        settled = _settle(pairs)
        if settled is None:
            example = next(p for p in pairs if p.first != p.second)
            report(
                times.line,
                times.index + 1,
                "date-unclear",
                f"the times in column '{clipped(times.header)}' could be day or month first "
                f"(e.g. {example.first:02}/{example.second:02}/{example.year}), so the "
                "assessment's date is left empty: give it with --date",
            )
            return "", ""
        days += settled
    if not days:
        return "", ""
    first, last = min(days), max(days)
    span = f" ({_span(first, last)})" if first != last else ""
    return last.isoformat(), f"Date {last.isoformat()}, from {times.called}{span}"


def _settle(pairs: Sequence[_Either]) -> list[date] | None:
    """The days, if the pairs read one way only (or the same both ways); else None."""
    readings = []
    for day_first in (True, False):
        days = [pair.as_date(day_first) for pair in pairs]
        if all(day is not None for day in days):
            readings.append([day for day in days if day is not None])
    if len(readings) == 1 or (len(readings) == 2 and readings[0] == readings[1]):
        return readings[0]
    return None


def _span(first: date, last: date) -> str:
    """21 to 22 November; 30 October to 2 November; 30 December 2025 to 2 January 2026."""
    if first.year != last.year:
        return f"{_day(first, True)} to {_day(last, True)}"
    if first.month != last.month:
        return f"{_day(first)} to {_day(last)}"
    return f"{first.day} to {_day(last)}"


def _day(day: date, year: bool = False) -> str:
    words = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{words} {day.year}" if year else words
