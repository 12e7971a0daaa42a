from statement_lint.diagnostic import Severity
from statement_lint.rules import rule
from statement_lint.rules._archive import (
    Archive,
    ArchiveFinding,
    base_of,
    day,
    shown_day,
    symbol_key,
    where,
)


@rule("ARC003", "revision-dated-before-base", Severity.ERROR, stage="archive")
def revision_dated_before_base(archive: Archive):
    """A revision, correction or addendum is dated before the document it follows.

    ## What it checks
    Across the documents of an archive: that a `/Rev.N`, `/Corr.N` or `/Add.N` is not dated
    before the document it revises (`/Rev.1` before its base, `/Rev.2` before `/Rev.1`), when
    both are in the archive. A base that is not in the archive is no slip (archives are
    partial; ARC004 reports it with `--strict`).

    ## Why
    A revision is circulated after what it revises. A date before it means one of the two
    dates, or the revision's number, is wrong.

    ## Failing example
        archive/a.txt: PC.DEL/80/21, 22 February 2021
        archive/b.txt: PC.DEL/80/21/Rev.1, 20 February 2021

    ## Passing example
        archive/a.txt: PC.DEL/80/21, 22 February 2021
        archive/b.txt: PC.DEL/80/21/Rev.1, 24 February 2021
    """
    for symbol, rows in sorted(archive.by_symbol.items()):
        found = base_of(symbol)
        if found is None:
            continue
        bases = archive.by_symbol.get(symbol_key(found[0]), [])
        for row in sorted(rows, key=lambda r: r.path):
            earlier = [b for b in bases if day(b) and day(row) and day(row) < day(b)]
            if earlier:
                base = min(earlier, key=lambda b: b.path)
                yield ArchiveFinding(
                    row.path,
                    row.date_line or row.symbol_line or 1,
                    f"{symbol} is dated {shown_day(row)}, before {found[0]} {where(base)}, "
                    f"dated {shown_day(base)}, which it follows",
                    f"{symbol} before {found[0]}",
                )
