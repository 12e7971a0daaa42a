"""The conventions profile (`data/profiles/*.json`): symbols, dates, languages, the
disclaimer and the alignment paragraph's wording, some of them dated. It owns the wording the
parser reads, too: the slot phrases and closing formulas, the footnotes' and lists' words, the
date words and the marker's keywords."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Sequence
from typing import Literal

from statement_lint.model import Slot
from statement_lint.records import record
from statement_lint.reference.fields import MODEL, spec
from statement_lint.reference.house_style import HouseStyle
from statement_lint.reference.wording import FootnoteWords, ListWords, MarkerWords

YearRule = Literal["required", "absent", "optional"]


@record(**MODEL)
class SymbolConventions:
    bodies: list[str] = spec(min_length=1)
    numbered_bodies: list[str] = spec(
        default_factory=list, description="Bodies that may carry a session number: MC(23)."
    )
    types: list[str] = spec(min_length=1)
    year: dict[str, YearRule] = spec(
        description="Whether the two-digit year is required, keyed by TYPE or BODY.TYPE "
        "(the more specific key wins)."
    )
    suffixes: list[str]
    restricted: str | None = spec(
        default=None,
        min_length=1,
        description="The mark of restricted distribution, after the symbol or on a line of its "
        "own: `OSCE+`.",
    )


@record(**MODEL)
class DateForm:
    """How header dates are written in one language."""

    language: str = spec(pattern=r"^[A-Z]+$")
    format: str = spec(
        description="The standard form: {day} (or {day:02} with a leading zero), {month} (the "
        "name), {year}, and the words around them: `{day} de {month} de {year}`."
    )
    first_day: str | None = spec(
        default=None, description="How the first of the month is written, if not 1: `1er`."
    )
    months: list[str] = spec(min_length=12, max_length=12)
    ordinals: list[str] = spec(
        items_min_length=1,
        default_factory=list,
        description="Endings the day may carry, in the standard form or as a slip: `st`, `nd`, "
        "`rd`, `th`; `er`; `.`. The default form's are read in dates written month first too.",
    )
    linking_words: list[str] = spec(
        items_min_length=1,
        default_factory=list,
        description="Words that may stand before the month and before the year: `de`.",
    )
    year_words: list[str] = spec(
        items_min_length=1,
        default_factory=list,
        description="Words that may follow the year: `года`, `г.`.",
    )
    abbreviations: dict[str, str] = spec(
        items_min_length=1,
        default_factory=dict,
        description="Short month names seen as slips, with the month each stands for: "
        '`"Feb": "February"`.',
    )

    def __post_init__(self) -> None:
        fields = [
            (name, spec) for _, name, spec, _ in string.Formatter().parse(self.format) if name
        ]
        allowed = {("day", ""), ("day", "02"), ("month", ""), ("year", "")}
        names = sorted(name for name, _ in fields)
        if names != ["day", "month", "year"] or not set(fields) <= allowed:
            raise ValueError("format: use each of {day} (or {day:02}), {month} and {year} once")
        for short, month in self.abbreviations.items():
            if month not in self.months:
                raise ValueError(f"abbreviations: {short!r} stands for {month!r}, no month")


@record(**MODEL)
class DateConventions:
    languages: list[DateForm] = spec(
        min_length=1, description="Any of these forms is standard; the first is the default."
    )


@record(**MODEL)
class DatedConvention:
    """A convention in force from `from` to `to` (both inclusive; open-ended when absent).
    Days no entry covers are days whose convention is not known: the rules are silent."""

    valid_from: dt.date | None = spec(
        default=None, alias="from", description="The first day (absent: since ever)."
    )
    valid_to: dt.date | None = spec(
        default=None, alias="to", description="The last day (absent: still in force)."
    )
    source: str = spec(default="", description="Where the dates come from.")

    def bounds(self) -> tuple[dt.date, dt.date]:
        return (self.valid_from or dt.date.min, self.valid_to or dt.date.max)


@record(**MODEL)
class ClosingFormula(DatedConvention):
    text: str = spec(min_length=1, description="The formula: `align themselves with this ...`.")


@record(**MODEL)
class DisclaimerRequirement(DatedConvention):
    required: bool = spec(
        description="Whether a delegation document of the time must carry the disclaimer."
    )


def _in_force(
    entries: Sequence[DatedConvention], start: dt.date, end: dt.date
) -> tuple[list[DatedConvention], bool]:
    """The entries in force on some day from `start` to `end`, and whether every one of those
    days is covered by one of them."""
    found = [e for e in entries if e.bounds()[0] <= end and start <= e.bounds()[1]]
    reached = start  # every day before `reached` is covered
    for first, last in sorted(e.bounds() for e in found):
        if first > reached:
            return found, False
        if last >= end:
            return found, True
        reached = max(reached, last + dt.timedelta(days=1))
    return found, False


@record(**MODEL)
class AlignmentConventions:
    footnote_phrase: str = spec(
        min_length=1, description="What the marker footnote says of the marked countries."
    )
    closing: str | list[ClosingFormula] = spec(
        description="How the alignment paragraph ends: one formula for all dates, or formulas "
        "with the dates each was in use. Where two overlap, both were in use and ALN012 is "
        "silent; on days none covers, the formula of the time is not known and it is silent too."
    )
    closing_variants: list[str] = spec(
        phrase=True,
        default_factory=list,
        description="Other wordings read as the closing formula, as drafts write it (ALN012 "
        "reports them): `align|aligns [themselves] with this|the statement`. The formulas of "
        "`closing` are read in any case.",
    )
    slots: dict[Slot, list[str]] = spec(
        phrase=True,
        description="The phrases that open each slot's list of countries: `candidate`: `[the] "
        "candidate country|countries`. A paragraph opens with one of them and ends with a "
        "closing formula.",
    )
    list_ends: dict[Slot, list[str]] = spec(
        phrase=True,
        default_factory=dict,
        description="Words that may close a slot's list and are no names: `efta-eea`: "
        "`member|members of the European Economic Area`.",
    )
    list_words: ListWords
    footnote_words: FootnoteWords
    house_style: HouseStyle | None = spec(
        default=None,
        description="How `statement-lint align` writes the paragraph and its footnote (absent: "
        "it cannot, with this profile).",
    )

    def formulas(self) -> list[str]:
        """Every closing formula, whatever its dates."""
        if isinstance(self.closing, str):
            return [self.closing]
        return list(dict.fromkeys(formula.text for formula in self.closing))

    def closings(self, start: dt.date, end: dt.date) -> tuple[list[str], bool]:
        """The formulas in use on some day from `start` to `end`, and whether the formula of
        every one of those days is known."""
        if isinstance(self.closing, str):
            return [self.closing], True
        found, complete = _in_force(self.closing, start, end)
        texts = list(dict.fromkeys(f.text for f in found if isinstance(f, ClosingFormula)))
        return texts, complete


@record(**MODEL)
class Language:
    name: str = spec(pattern=r"^[A-Z]+$", description="The marker form: ENGLISH.")
    localised: list[str] = spec(default_factory=list, description="Older localised forms: ANGLAIS.")
    script: Literal["latin", "cyrillic"] = "latin"
    words: list[str] = spec(
        default_factory=list,
        description="Frequent words found in no other of the languages, to tell the language "
        "of a text (LNG004).",
    )


@record(**MODEL)
class DisclaimerText:
    """The disclaimer's canonical text in one language."""

    language: str = spec(pattern=r"^[A-Z]+$")
    text: str = spec(min_length=1)


@record(**MODEL)
class Profile:
    schema_version: Literal[1]
    name: str
    description: str = ""
    disclaimers: list[DisclaimerText] = spec(
        min_length=1, description="The disclaimer, in each language whose text is known."
    )
    symbol: SymbolConventions
    date: DateConventions
    languages: list[Language] = spec(min_length=1)
    markers: MarkerWords
    alignment: AlignmentConventions
    disclaimer_required: list[DisclaimerRequirement] = spec(
        default_factory=lambda: [DisclaimerRequirement(required=True)],
        description="When delegation documents had to carry the disclaimer (DSC001). Days no "
        "entry covers are days whose convention is not known: DSC001 is silent. Absent: "
        "required at all dates.",
    )

    def disclaimer_required_between(self, start: dt.date, end: dt.date) -> bool:
        """Whether the disclaimer was required on every day from `start` to `end`."""
        found, complete = _in_force(self.disclaimer_required, start, end)
        return complete and all(
            isinstance(entry, DisclaimerRequirement) and entry.required for entry in found
        )
