from collections import Counter

from statement_lint.diagnostic import Severity
from statement_lint.rules import rule
from statement_lint.rules._archive import Archive, ArchiveFinding, shown_day, where


@rule("ARC002", "language-versions-disagree", Severity.ERROR, stage="archive")
def language_versions_disagree(archive: Archive):
    """Language versions of one symbol disagree on the date or on who aligns.

    ## What it checks
    Across the documents of an archive: that the versions of one symbol in different
    languages (their language markers differ) carry the same date and list the same
    aligning countries. Each version is compared with the original (the version in the
    language the translations' markers name: `Original: ENGLISH`), or, when no marker names
    one, with the first by path; the diagnostic stands on the version that differs and names
    the other, with its line. A version without a date, or in which no alignment paragraph
    was recognised, is not compared on that point (DAT001 reports a missing date).

    ## Why
    A translation is the same document: its date and its alignment paragraph must say what
    the original says. A date or a country that differs is a slip in one of them.

    ## Failing example
        archive/en.txt: PC.DEL/80/21, 22 February 2021, ENGLISH only
        archive/ru.txt: PC.DEL/80/21, 23 February 2021, RUSSIAN Original: ENGLISH

    ## Passing example
        archive/en.txt: PC.DEL/80/21, 22 February 2021, ENGLISH only
        archive/ru.txt: PC.DEL/80/21, 22 February 2021, RUSSIAN Original: ENGLISH
    """
    for symbol, rows in sorted(archive.by_symbol.items()):
        ordered = sorted((r for r in rows if r.language), key=lambda r: r.path)
        if len({r.language for r in ordered}) < 2:
            continue
        first = _original(ordered)
        for row in ordered:
            if row.language == first.language:
                continue
            if row.date and first.date and row.date != first.date:
                yield ArchiveFinding(
                    row.path,
                    row.date_line or row.symbol_line or 1,
                    f"this {row.language} version of {symbol} is dated {shown_day(row)}, the "
                    f"{first.language} version {where(first)} {shown_day(first)}",
                    f"{symbol} date {row.language}",
                )
            ours, theirs = row.countries, first.countries
            if ours and theirs and ours != theirs:
                missing, extra = sorted(theirs - ours), sorted(ours - theirs)
                said = "; ".join(
                    part for part in (
                        f"it lacks {', '.join(missing)}" if missing else "",
                        f"it adds {', '.join(extra)}" if extra else "",
                    ) if part
                )  # fmt: skip
                yield ArchiveFinding(
                    row.path,
                    row.symbol_line or 1,
                    f"this {row.language} version of {symbol} lists other aligning countries "
                    f"than the {first.language} version {where(first)}: {said}",
                    f"{symbol} aligned {row.language}",
                )


def _original(versions: list) -> object:
    """The version in the language most of the others name as their original, or the first."""
    named = Counter(v.original for v in versions if v.original)
    for language, _ in named.most_common():
        for version in versions:
            if version.language == language:
                return version
    return versions[0]
