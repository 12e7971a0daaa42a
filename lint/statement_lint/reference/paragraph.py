"""Writing the alignment paragraph and its footnote for a date, from the registry (each
country's slot and whether it carries the marker), the gazetteer (names) and the profile's
house style (words, names as written, order): what `statement-lint align` prints."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from statement_lint.model import SLOTS
from statement_lint.records import record
from statement_lint.reference.common import long_date
from statement_lint.similarity import closest, did_you_mean

if TYPE_CHECKING:
    from statement_lint.reference.gazetteer import Country, Gazetteer
    from statement_lint.reference.profile import Profile
    from statement_lint.reference.registry import Registry

MARKER = "*"


class AlignmentError(ValueError):
    """Why the paragraph cannot be written as asked: said to the user as it stands."""


@record(frozen=True, built_often=True)
class Placed:
    """A country as the paragraph lists it."""

    id: str
    slot: str
    marked: bool
    written: str  # as in the paragraph: `NORTH MACEDONIA`
    footnote_name: str  # as in the footnote: `North Macedonia`


@record(frozen=True, built_often=True)
class Alignment:
    day: dt.date
    language: str
    countries: tuple[Placed, ...]
    paragraph: str
    footnote: str | None

    def text(self) -> str:
        return self.paragraph + (f"\n{self.footnote}" if self.footnote else "") + "\n"

    def to_dict(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "language": self.language,
            "paragraph": self.paragraph,
            "footnote": self.footnote,
            "countries": [
                {"id": c.id, "slot": c.slot, "marked": c.marked, "written": c.written}
                for c in self.countries
            ],
        }


def find_country(name: str, gazetteer: Gazetteer) -> Country:
    """The country a user names by a name, an alias or its ISO code (`MK`, `north-macedonia`,
    `Republic of Moldova`); AlignmentError with a suggestion when none matches."""
    wanted = _key(name)
    for country in gazetteer.countries:
        if wanted == country.id.lower() or wanted in (_key(a.name) for a in country.aliases):
            return country
    names = [alias.name for country in gazetteer.countries for alias in country.aliases]
    guess = closest(" ".join(wanted.split()), names, limit=3)
    hint = f"; {did_you_mean(guess)}" if guess else ""
    raise AlignmentError(f"{name}: no such country in the gazetteer{hint}")


def _key(name: str) -> str:
    words = name.replace("-", " ").replace("_", " ").lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def write_alignment(
    names: list[str],
    day: dt.date,
    profile: Profile,
    registry: Registry,
    gazetteer: Gazetteer,
    language: str | None = None,
) -> Alignment:
    """The paragraph and footnote for these countries on `day`; AlignmentError when it cannot
    be written (a country unknown or not aligning then, a date the registry does not cover,
    a language the profile has no wording in)."""
    style = profile.alignment.house_style
    if style is None:
        raise AlignmentError(f"the profile {profile.name} has no house style for the paragraph")
    if language and language.upper() != style.language:
        raise AlignmentError(
            f"the profile {profile.name} has the paragraph's wording in {style.language} only, "
            f"not in {language.upper()}; write it in {style.language}, or add the wording to "
            "your own profile"
        )
    if not registry.covers(day):
        raise AlignmentError(
            f"{long_date(day)} is before the registry's record begins "
            f"({long_date(registry.coverage.valid_from)}); give a later --date"
        )
    countries = list({c.id: c for c in (find_country(n, gazetteer) for n in names)}.values())
    if not countries:
        raise AlignmentError("name at least one country")
    placed = sorted((_place(c, day, registry, style) for c in countries), key=lambda p: p[0])
    listed = tuple(entry[1] for entry in placed)
    closing = _closing(profile, day)
    return Alignment(
        day, style.language, listed, _paragraph(listed, style, closing), _footnote(listed, style)
    )


def _place(country: Country, day: dt.date, registry: Registry, style) -> tuple[tuple, Placed]:
    """The country's place (its sort key) and how it is listed."""
    facts = registry.facts(country.id)
    status = facts.status_on(day) if facts else None
    when = long_date(day)
    if facts is None:
        raise AlignmentError(
            f"{country.name}: the registry has no record of its place in the paragraph; add "
            "it to your own registry (the `registry` setting), or leave it out"
        )
    if status is None:
        raise AlignmentError(
            f"{country.name}: the registry cannot tell its slot on {when} (the sources "
            "disagree on the day its status changed); write that part by hand"
        )
    if status.slot == "eu-member":
        raise AlignmentError(f"{country.name} is a member of the EU on {when}: it does not align")
    written, footnote_name = style.styled(country.id, country.name, day)
    marked = status.sap and status.slot in ("candidate", "acceding")
    key = (SLOTS.index(status.slot), style.rank(status.slot, country.id), country.name)
    return key, Placed(country.id, status.slot, marked, written, footnote_name)


def _closing(profile: Profile, day: dt.date) -> str:
    formulas, _ = profile.alignment.closings(day, day)
    if not formulas:
        raise AlignmentError(
            f"the profile does not say how the paragraph ended on {long_date(day)}"
        )
    return formulas[-1]  # where two were in use, the later convention


def _paragraph(listed: tuple[Placed, ...], style, closing: str) -> str:
    pieces = []
    for slot in SLOTS:
        names = [c.written + (MARKER if c.marked else "") for c in listed if c.slot == slot]
        if not names:
            continue
        words = style.slots[slot].of(len(names))
        end = style.slot_ends[slot].of(len(names)) if slot in style.slot_ends else ""
        pieces.append(f"{words} {_series(names)}{end}")
    text = ""
    for piece in pieces:
        text += piece if not text else (" " if text.endswith(",") else ", ") + piece
    text += " " + closing
    return text[0].upper() + text[1:]


def _footnote(listed: tuple[Placed, ...], style) -> str | None:
    marked = [c.footnote_name for c in listed if c.marked]
    if not marked:
        return None
    names = _series(marked)
    return f"{MARKER} {names[0].upper()}{names[1:]} {style.footnote.of(len(marked))}"


def _series(names: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
