"""The house style of the alignment paragraph, as `statement-lint align` writes it: each slot's
words, the countries' names as written in it on a date, and their conventional order. Part of
the profile (`alignment.house_style`)."""

from __future__ import annotations

import datetime as dt

from statement_lint.model import Slot
from statement_lint.records import record
from statement_lint.reference.fields import MODEL, spec


@record(**MODEL)
class Wording:
    """Words for one country and for several: `the Candidate Country`, `the Candidate
    Countries`."""

    one: str = spec(min_length=1)
    many: str = spec(min_length=1)

    def of(self, count: int) -> str:
        return self.one if count == 1 else self.many


@record(**MODEL)
class StyledName:
    """How a country is written in the paragraph between two dates (a name that changed, or
    one whose capitals do not follow the rule of `HouseStyle.small_words`)."""

    id: str = spec(pattern=r"^[A-Z]{2}$", description="The country, as in the gazetteer.")
    name: str = spec(
        min_length=1,
        description="In normal case, as the footnote writes it: `Republic of North Macedonia`.",
    )
    capitals: str | None = spec(
        default=None,
        description="As the paragraph writes it once names are in capitals: `REPUBLIC of NORTH "
        "MACEDONIA` (absent: the name in capitals but for the small words).",
    )
    valid_from: dt.date | None = spec(default=None, alias="from")
    valid_to: dt.date | None = spec(default=None, alias="to")

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@record(**MODEL)
class HouseStyle:
    language: str = spec(
        pattern=r"^[A-Z]+$", description="The language these words are in: ENGLISH."
    )
    slots: dict[Slot, Wording] = spec(
        description="The words that open each slot's list: `candidate`: `the Candidate "
        "Countries`. The paragraph's first letter is made a capital."
    )
    slot_ends: dict[Slot, Wording] = spec(
        default_factory=dict,
        description="Words after a slot's list: `efta-eea`: `, members of the European "
        "Economic Area,`.",
    )
    footnote: Wording = spec(
        description="What the footnote says after the names: `continue to be part of the "
        "Stabilisation and Association Process.`"
    )
    capitals_from: dt.date | None = spec(
        default=None, description="From this day, the paragraph writes names in capitals."
    )
    small_words: list[str] = spec(
        default_factory=list,
        description="Words left in lower case in a name in capitals: `BOSNIA and HERZEGOVINA`.",
    )
    names: list[StyledName] = spec(
        default_factory=list,
        description="Names written otherwise than the gazetteer's name; the first that holds "
        "on the date is used.",
    )
    order: dict[Slot, list[str]] = spec(
        default_factory=dict,
        description="The conventional order of each slot's countries (gazetteer ids), as the "
        "EU's statements list them; countries not listed come after, by name.",
    )

    def styled(self, country_id: str, name: str, day: dt.date) -> tuple[str, str]:
        """The country's name on `day`, for the paragraph and for the footnote."""
        entry = next((n for n in self.names if n.id == country_id and n.holds_on(day)), None)
        plain = entry.name if entry else name
        if self.capitals_from is None or day < self.capitals_from:
            return plain, plain
        if entry and entry.capitals:
            return entry.capitals, plain
        small = {word.lower() for word in self.small_words}
        words = [w if w.lower() in small else w.upper() for w in plain.split(" ")]
        return " ".join(words), plain

    def rank(self, slot: str, country_id: str) -> int:
        order = self.order.get(slot, [])
        return order.index(country_id) if country_id in order else len(order)
