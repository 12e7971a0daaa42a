"""Header dates, in the profile's languages: `22 February 2021`, `1er novembre 2006`,
`7. Dezember 2000`, `7 marzo 2019`, `2 de diciembre de 2009`, `1 ноября 2006 года`.

The scanner also finds the forms seen as slips, so that they can be reported: `February 22,
2021`, `22.02.2021`, `22nd February 2021`, `22 Feb 2021`, `22 February, 2021`, `08 July 2021`,
`31 April 2021`, misspelled months; and dates with a part missing: `12 2020` (a month lost in
copying or extraction) and `April 2000` (a month, as documents other than statements are
dated). A date is standard when it is written in the standard form of any of the profile's
languages. A date wrapped over two lines is read as if on one.

The words around the numbers come from the profile's date forms: the month names, the
ordinals a day may carry (`22nd`, `1er`, `7.`), the words before the month and the year (`de`)
and after the year (`года`), short month names (`Feb`). The shapes (day first, month first,
numeric, ISO; a full stop after a short month, a comma before the year) are the reader's own.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import NamedTuple

from statement_lint.parse.phrases import literals
from statement_lint.reference.profile import DateForm
from statement_lint.regex import LazyPattern, regex
from statement_lint.similarity import closest, did_you_mean

_WORD = r"[^\W\d_]{3,12}"

# A day and a year with the month lost; a month and a year.
DAMAGED_DATE = r"\d{1,2}\s\d{4}"
MONTH_YEAR = rf"{_WORD}\s\d{{4}}"
NO_DAY = "the day is missing"

# The CSCE, the OSCE's forerunner, issued its first documents in 1972 (the Helsinki
# consultations): an earlier year is a slip, as is the year 0000, which does not exist at all.
FIRST_YEAR = 1972

_NUMERIC = regex(r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})")
_ISO = regex(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_DAMAGED = regex(DAMAGED_DATE)
_MONTH_YEAR = regex(r"(?P<month>[^\W\d_]+)\s(?P<year>\d{4})")


class DateReading(NamedTuple):
    value: dt.date | None
    standard: bool
    problem: str | None
    standard_form: str | None


class DateReader:
    """Reads date-like header tokens against the profile's date forms."""

    def __init__(self, forms: list[DateForm]) -> None:
        self._default = forms[0]
        self._by_word: dict[str, tuple[DateForm, int]] = {}
        for form in reversed(forms):  # the first form wins a name two languages share
            for number, name in enumerate(form.months, start=1):
                self._by_word[name.lower()] = (form, number)
        for form in forms:  # `Feb`, `Sept`: short names seen as slips, after the full names
            for short, name in form.abbreviations.items():
                self._by_word.setdefault(short.lower(), (form, form.months.index(name) + 1))
        self._day_first, self._month_first, self.pattern = _shapes(forms)
        self._standard = [(form, regex(_form_pattern(form))) for form in forms]
        self._all_months = [name for form in forms for name in form.months]
        self._months = {name.lower() for name in self._all_months}

    def is_month(self, word: str) -> bool:
        """Whether the word is a month's full name, in any of the profile's languages."""
        return word.lower() in self._months

    def closest_month(self, word: str) -> str | None:
        """The month a misspelled word most likely means (`Febuary` -> February), if any."""
        if len(word) < 4:
            return None
        return closest(word, self._all_months, limit=1 if len(word) <= 5 else 2)

    def is_date_like(self, text: str) -> bool:
        """Whether a scanned token really is a date (its month word is, or resembles, a month)."""
        shape = self._day_first.fullmatch(text) or self._month_first.fullmatch(text)
        if shape is None:
            return True  # numeric forms
        word = shape["month"]
        return word.lower() in self._by_word or self.closest_month(word) is not None

    def read(self, text: str) -> DateReading:
        text = " ".join(text.split())  # wrapped over two lines, it is still one date
        if _DAMAGED.fullmatch(text):
            problem = "the month is missing (lost in copying or text extraction?)"
            return DateReading(None, False, problem, None)
        if _MONTH_YEAR.fullmatch(text) and self.is_month(text.split()[0]):
            return DateReading(None, False, NO_DAY, None)
        form = self._default
        shape = self._day_first.fullmatch(text) or self._month_first.fullmatch(text)
        if shape is not None:
            word = shape["month"]
            known = self._by_word.get(word.lower())
            if known is None:
                guess = self.closest_month(word)
                hint = f" ({did_you_mean(guess)})" if guess else ""
                return DateReading(None, False, f"unknown month '{word}'{hint}", None)
            form, month = known
        else:
            shape = _NUMERIC.fullmatch(text) or _ISO.fullmatch(text)
            if shape is None:
                return DateReading(None, False, "not a date", None)
            month = int(shape["month"])
            if not 1 <= month <= 12:
                return DateReading(None, False, f"there is no month {month}", None)
        day, year = int(shape["day"]), int(shape["year"])
        if year < FIRST_YEAR:
            return DateReading(None, False, _impossible_year(shape["year"]), None)
        last_day = _days_in(year, month)
        if not 1 <= day <= last_day:
            name = self._default.months[month - 1]
            return DateReading(None, False, f"{name} {year} has {last_day} days, not {day}", None)
        standard = any(pattern.fullmatch(text) for _, pattern in self._standard)
        return DateReading(
            dt.date(year, month, day), standard, None, _write(form, day, month, year)
        )


def _shapes(forms: list[DateForm]) -> tuple[LazyPattern, LazyPattern, str]:
    """The day-first and month-first shapes of a date, with the forms' words around its
    numbers, and the pattern of everything date-like (those shapes, numeric and ISO dates),
    which the header scanner and the page furniture look for."""

    def optional(words: list[str], before: str = "", after: str = "") -> str:
        alternatives = literals(words)
        return f"(?:{before}{alternatives}{after})?" if alternatives else ""

    ordinal = optional([word for form in forms for word in form.ordinals])
    linking = optional([word for form in forms for word in form.linking_words], after=r"\s")
    year_word = optional([word for form in forms for word in form.year_words], before=r"\s")
    # Dates written month first (`February 22nd, 2021`): a slip, in the default language.
    month_first_ordinal = optional(forms[0].ordinals)
    day_first = (
        rf"\d{{1,2}}{ordinal}\s{linking}{_WORD}\.?,?\s{linking}\d{{4}}{year_word}",
        rf"(?P<day>\d{{1,2}}){ordinal}\s{linking}(?P<month>[^\W\d_]+)\.?,?\s{linking}"
        rf"(?P<year>\d{{4}}){year_word}",
    )
    month_first = (
        rf"{_WORD}\.?\s\d{{1,2}}{month_first_ordinal},?\s\d{{4}}",
        rf"(?P<month>[^\W\d_]+)\.?\s(?P<day>\d{{1,2}}){month_first_ordinal},?\s(?P<year>\d{{4}})",
    )
    date_like = (
        rf"(?:{day_first[0]}|{month_first[0]}"
        r"|\d{1,2}[./-]\d{1,2}[./-]\d{4}"
        r"|\d{4}-\d{1,2}-\d{1,2})"
    )
    return regex(day_first[1]), regex(month_first[1]), date_like


def _impossible_year(written: str) -> str:
    if int(written) == 0:
        return f"there is no year {written}: write the year the statement was circulated"
    return (
        f"the year {written} is before the first CSCE documents ({FIRST_YEAR}): write the year "
        "the statement was circulated"
    )


def _write(form: DateForm, day: int, month: int, year: int) -> str:
    shown = form.first_day if day == 1 and form.first_day else day
    if isinstance(shown, int) and "{day:02}" in form.format:
        return form.format.format(day=day, month=form.months[month - 1], year=year)
    return form.format.replace("{day:02}", "{day}").format(
        day=shown, month=form.months[month - 1], year=year
    )


def _form_pattern(form: DateForm) -> str:
    """A regular expression for dates written in the form's standard way."""
    later_days = r"[2-9]|[12]\d|3[01]"
    first = re.escape(form.first_day) if form.first_day else "1"
    fields = {
        "day": rf"(?:{first}|{later_days})",
        "day:02": r"(?:0[1-9]|[12]\d|3[01])",
        "month": "(?:" + "|".join(map(re.escape, form.months)) + ")",
        "year": r"\d{4}",
    }
    pattern = ""
    for literal, name, spec, _ in string.Formatter().parse(form.format):
        pattern += re.escape(literal)
        if name is not None:
            pattern += fields[f"{name}:{spec}" if spec else name]
    return pattern


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """The days of the month (the Gregorian calendar's leap years; `calendar` spared)."""
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _MONTH_DAYS[month - 1]
