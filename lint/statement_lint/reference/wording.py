"""The words the parser reads, as the profile gives them: the language marker's keywords, the
small words of country lists, and the words of the alignment paragraph's footnotes. (The slot
phrases and closing formulas are in the profile's `alignment`; the date words in its date
forms.)"""

from __future__ import annotations

from statement_lint.records import record
from statement_lint.reference.fields import MODEL, spec


@record(**MODEL)
class MarkerWords:
    """The keywords of the language marker (`ENGLISH only`, `Original: ENGLISH`, `GERMAN
    Original: ENGLISH`), as the marker writes them."""

    only: str = spec(
        pattern=r"^[^\W\d_]+$", description="After the language: one language only (`only`)."
    )
    original: str = spec(
        pattern=r"^[^\W\d_]+:?$",
        description="Before the original's language (`Original:`); a blank may stand before "
        "its colon (`Original : ANGLAIS`).",
    )

    @property
    def original_word(self) -> str:
        """The keyword without its colon: `Original`."""
        return self.original.removesuffix(":")


@record(**MODEL)
class ListWords:
    """The small words of a list of countries (`NORTH MACEDONIA*, MONTENEGRO* and the REPUBLIC
    OF MOLDOVA`), besides commas and semicolons."""

    conjunctions: list[str] = spec(
        phrase=True,
        default_factory=list,
        description="Words that part two names, as a comma does: `and`.",
    )
    articles: list[str] = spec(
        items_min_length=1,
        default_factory=list,
        description="Words that may stand before a name and are not part of it: `the`; one "
        "ending in an apostrophe joins the name (`l'`).",
    )


@record(**MODEL)
class FootnoteWords:
    """The words of the alignment paragraph's footnotes (`* North Macedonia, Montenegro and
    Albania continue to be part of the Stabilisation and Association Process.`)."""

    verbs: list[str] = spec(
        phrase=True,
        min_length=1,
        description="The verb that ends a note's list of countries: `continue|continues`.",
    )
    subjects: list[str] = spec(
        phrase=True,
        default_factory=list,
        description="What a note that does not follow the paragraph must speak of to count as "
        "one of its notes: `association process`, `EFTA` (a one-word subject must be a whole "
        "word).",
    )
    last_words: list[str] = spec(
        items_min_length=1,
        default_factory=list,
        description="A note without a final full stop ends at a line end after one of these "
        "words, written in lower case, capitalised or in capitals: `Process`.",
    )
    designation: list[str] = spec(
        phrase=True,
        default_factory=list,
        description="How Kosovo's designation note begins (`This designation is without "
        "prejudice ...`): it is no alignment footnote, whatever its marker.",
    )
