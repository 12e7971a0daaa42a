"""How the reference data writes dates in messages."""

from __future__ import annotations

import datetime as dt

_MONTHS = [
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
]


def long_date(day: dt.date) -> str:
    """`17 December 2005`, whatever the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def day_span(first: dt.date, last: dt.date) -> str:
    """A day known to lie from `first` to `last`, as precisely as that allows: `17 December
    2005`, `16 or 17 December 2005`, `June 2006`, `2006`, `between 3 June 2006 and 5 July 2007`."""
    if first >= last:
        return long_date(last)
    if first.year == last.year and first.month == last.month:
        if last - first == dt.timedelta(days=1):
            return f"{first.day} or {long_date(last)}"
        return f"{_MONTHS[first.month - 1]} {first.year}"
    if first.year == last.year:
        return str(first.year)
    return f"between {long_date(first)} and {long_date(last)}"
