"""Header dates: the standard form is `22 February 2021` (day without leading zero, full English
month name, four-digit year). The scanner also finds the forms seen as slips, so they can be
reported: `February 22, 2021`, `22.02.2021`, `22nd February 2021`, `22 Feb 2021`,
`22 February, 2021`, `08 July 2021`, `31 April 2021`, misspelled months."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import string
from dataclasses import dataclass

from statement_lint.similarity import closest

_WORD = r"[A-Za-z]{3,10}\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE_LIKE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th|\.)?\s{_WORD},?\s\d{{4}}"
    rf"|{_WORD}\s{_DAY},?\s\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{4}"
    r"|\d{4}-\d{1,2}-\d{1,2})"
)

_DAY_FIRST = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th|\.)?\s(?P<month>[A-Za-z]+)\.?,?\s(?P<year>\d{4})"
)
_MONTH_FIRST = re.compile(
    r"(?P<month>[A-Za-z]+)\.?\s(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s(?P<year>\d{4})"
)
_NUMERIC = re.compile(r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})")
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")


@dataclass(frozen=True)
class DateReading:
    value: dt.date | None
    standard: bool
    problem: str | None
    standard_form: str | None


class DateReader:
    """Reads date-like header tokens against the profile's month names."""

    def __init__(self, months: list[str], standard: str = "{day} {month} {year}") -> None:
        self.months = months
        self._format = standard
        self._by_word: dict[str, int] = {}
        for number, name in enumerate(months, start=1):
            self._by_word[name.lower()] = number
            self._by_word[name[:3].lower()] = number
        self._by_word.setdefault("sept", 9)
        self._standard = re.compile(_format_pattern(standard, months))

    def month_number(self, word: str) -> int | None:
        return self._by_word.get(word.lower())

    def closest_month(self, word: str) -> str | None:
        """The month a misspelled word most likely means (`Febuary` -> February), if any."""
        if len(word) < 4:
            return None
        return closest(word, self.months, limit=1 if len(word) <= 5 else 2)

    def is_date_like(self, text: str) -> bool:
        """Whether a scanned token really is a date (its month word is, or resembles, a month)."""
        shape = _DAY_FIRST.fullmatch(text) or _MONTH_FIRST.fullmatch(text)
        if shape is None:
            return True  # numeric forms
        word = shape["month"]
        return self.month_number(word) is not None or self.closest_month(word) is not None

    def read(self, text: str) -> DateReading:
        shape = _DAY_FIRST.fullmatch(text) or _MONTH_FIRST.fullmatch(text)
        if shape is not None:
            word = shape["month"]
            month = self.month_number(word)
            if month is None:
                guess = self.closest_month(word)
                hint = f" (did you mean {guess}?)" if guess else ""
                return DateReading(None, False, f"unknown month '{word}'{hint}", None)
        else:
            shape = _NUMERIC.fullmatch(text) or _ISO.fullmatch(text)
            if shape is None:
                return DateReading(None, False, "not a date", None)
            month = int(shape["month"])
            if not 1 <= month <= 12:
                return DateReading(None, False, f"there is no month {month}", None)
        day, year = int(shape["day"]), int(shape["year"])
        month_name = self.months[month - 1]
        last_day = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last_day:
            return DateReading(
                None, False, f"{month_name} {year} has {last_day} days, not {day}", None
            )
        value = dt.date(year, month, day)
        standard = self._standard.fullmatch(text) is not None
        return DateReading(
            value, standard, None, self._format.format(day=day, month=month_name, year=year)
        )


def _format_pattern(standard: str, months: list[str]) -> str:
    """A regular expression for dates written in the `standard` form."""
    fields = {
        "day": r"(?:[1-9]|[12]\d|3[01])",
        "day:02": r"(?:0[1-9]|[12]\d|3[01])",
        "month": "(?:" + "|".join(map(re.escape, months)) + ")",
        "year": r"\d{4}",
    }
    pattern = ""
    for literal, name, spec, _ in string.Formatter().parse(standard):
        pattern += re.escape(literal)
        if name is not None:
            pattern += fields[f"{name}:{spec}" if spec else name]
    return pattern
