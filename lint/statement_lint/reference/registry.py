"""The dated registry (`data/registry.json`): each country's statuses in the alignment
paragraph, its official names, and the days they held."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Literal

from statement_lint.model import SLOTS
from statement_lint.records import record
from statement_lint.reference.common import day_span, long_date
from statement_lint.reference.fields import MODEL, spec

# Where a status puts a country: a slot of the paragraph (model.SLOTS), or no slot, as an EU
# member. The associated countries' slot went out of use in May 2004, before the bundled record
# begins (coverage.from): no status puts a country there.
STATUS_SLOTS = (*(slot for slot in SLOTS if slot != "associated"), "eu-member")
Slot = Literal[STATUS_SLOTS]


@record(**MODEL)
class Dated:
    """Something true from `from` to `to` (both inclusive; open-ended when absent)."""

    valid_from: dt.date | None = spec(
        default=None,
        alias="from",
        description="The first day it certainly held. Absent: it held already when the "
        "registry's record begins (coverage.from), and messages do not date its beginning.",
    )
    from_earliest: dt.date | None = spec(
        default=None,
        description="When sources disagree on the day it began (or statements of the time are "
        "not known to have followed it at once): the earliest day they give. From that day to "
        "the day before `from` the registry asserts nothing and the date-aware rules are "
        "silent; the previous status ends the day before this one.",
    )
    valid_to: dt.date | None = spec(
        default=None,
        alias="to",
        description="The last day it held. Absent: it still holds, also after the day the "
        "facts were last checked (coverage.checked).",
    )
    source: str = spec(default="", description="Where the dates come from.")

    def __post_init__(self) -> None:
        if self.from_earliest is not None and (
            self.valid_from is None or self.from_earliest >= self.valid_from
        ):
            raise ValueError("from_earliest must come before from")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("to must not come before from")

    @property
    def starts(self) -> dt.date | None:
        """The first day it may have held (None: before the record)."""
        return self.from_earliest or self.valid_from

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@record(**MODEL)
class Status(Dated):
    slot: Slot = spec(description="Where the country stands in the alignment paragraph.")
    sap: bool = spec(
        description="Part of the Stabilisation and Association Process; a SAP country in the "
        "candidate (or acceding) slot carries the marker."
    )


@record(**MODEL)
class OfficialName:
    name: str = spec(min_length=1, description="As in the gazetteer.")
    valid_from: dt.date | None = spec(
        default=None, alias="from", description="The first day it was certainly in use."
    )
    from_earliest: dt.date | None = spec(
        default=None,
        description="When the day it came into use is uncertain: the earliest day it may have "
        "been used. Before `from_earliest` it is reported as not yet in use.",
    )
    valid_to: dt.date | None = spec(
        default=None, alias="to", description="The last day it was certainly in use."
    )
    to_latest: dt.date | None = spec(
        default=None,
        description="When the day it went out of use is uncertain: the last day it may still "
        "have been used. After `to_latest` it is reported as no longer in use.",
    )
    source: str = spec(default="", description="Where the dates come from.")

    def __post_init__(self) -> None:
        if self.from_earliest is not None and (
            self.valid_from is None or self.from_earliest >= self.valid_from
        ):
            raise ValueError("from_earliest must come before from")
        if self.to_latest is not None and (
            self.valid_to is None or self.to_latest <= self.valid_to
        ):
            raise ValueError("to_latest must come after to")

    def in_use_on(self, day: dt.date) -> bool:
        """Certainly in use on that day."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def out_of_use_on(self, day: dt.date) -> bool:
        """Certainly not in use on that day (not yet, or no longer)."""
        first = self.from_earliest or self.valid_from
        last = self.to_latest or self.valid_to
        return (first is not None and day < first) or (last is not None and day > last)


@record(**MODEL)
class CountryFacts:
    id: str = spec(pattern=r"^[A-Z]{2}$")
    statuses: list[Status] = spec(
        description="In date order, without overlaps; each begins the day after the one "
        "before ends (its from_earliest, if it has one, else its from). Only the first may "
        "lack `from`, only the last `to`."
    )
    names: list[OfficialName] = spec(default_factory=list)

    def __post_init__(self) -> None:
        for index, (before, after) in enumerate(itertools.pairwise(self.statuses), start=1):
            if before.valid_to is None or after.starts is None:
                raise ValueError(
                    f"statuses {index - 1} and {index}: only the first status may lack 'from', "
                    "only the last 'to'"
                )
            if after.starts != before.valid_to + dt.timedelta(days=1):
                raise ValueError(
                    f"status {index} must begin the day after status {index - 1} ends "
                    f"({before.valid_to + dt.timedelta(days=1)}): for a span of doubt "
                    "between them, give 'from_earliest'"
                )

    def status_on(self, day: dt.date) -> Status | None:
        """The status that certainly held on that day (None in a span of doubt)."""
        return next((status for status in self.statuses if status.holds_on(day)), None)

    def began(self, status: Status) -> tuple[dt.date, dt.date] | None:
        """When the country came to stand in this status's slot: the first and the last day
        it may have been (None when that was before the registry's record)."""
        index = next(i for i, s in enumerate(self.statuses) if s is status)
        while index > 0 and self.statuses[index - 1].slot == status.slot:
            index -= 1
        first = self.statuses[index]
        if first.valid_from is None:
            return None
        return (first.starts or first.valid_from, first.valid_from)

    def since(self, status: Status) -> str | None:
        """`since 16 or 17 December 2005`, or None when it held before the record began."""
        began = self.began(status)
        return f"since {day_span(*began)}" if began else None

    def name(self, alias: str) -> OfficialName | None:
        return next((n for n in self.names if n.name.lower() == alias.lower()), None)


@record(**MODEL)
class Coverage:
    valid_from: dt.date = spec(
        alias="from",
        description="The first day the registry speaks for: statements dated before it get no "
        "date-aware diagnostic.",
    )
    checked: dt.date = spec(
        also=("to",),
        description="The day the facts were last checked against their sources. Statements "
        "dated after it are judged by the last known statuses (each country's last status "
        "holds on), and the run says once that it assumed so. Older files call it `to`.",
    )


@record(**MODEL)
class Registry:
    """Dated facts: statuses in the alignment paragraph and official names."""

    schema_version: Literal[1]
    description: str = ""
    coverage: Coverage
    countries: list[CountryFacts]

    def covers(self, day: dt.date) -> bool:
        """Whether the registry speaks for that day: from the start of its record on, also
        after the day it was last checked (the last known statuses hold)."""
        return self.coverage.valid_from <= day

    def after_check(self, day: dt.date | None) -> bool:
        """Whether a statement dated `day` is judged on statuses assumed unchanged since the
        registry was last checked (the run should say so once, see registry_note)."""
        return day is not None and day > self.coverage.checked

    def facts(self, country_id: str | None) -> CountryFacts | None:
        index = _FACTS_BY_ID.get(id(self))
        if index is None:
            index = _FACTS_BY_ID[id(self)] = {c.id: c for c in self.countries}
        return index.get(country_id) if country_id else None


def registry_note(registry: Registry, path: str | None = None) -> str:
    """What a run says once when it judged a statement dated after the registry's check date
    (`registry.after_check(day)`): one line, to print to standard error."""
    which = f"the country registry {path}" if path else "the country registry"
    return (
        f"{which} was last checked on {long_date(registry.coverage.checked)}; statuses after "
        "that date are assumed unchanged (update: see README)"
    )


# Registries are loaded once and kept (load_registry caches them): an index per registry.
_FACTS_BY_ID: dict[int, dict[str, CountryFacts]] = {}
