from statement_lint.diagnostic import Severity
from statement_lint.rules import rule
from statement_lint.rules._archive import Archive, ArchiveFinding, base_of, symbol_key


@rule("ARC004", "missing-base", Severity.WARNING, stage="archive")
def missing_base(archive: Archive):
    """A revision, correction or addendum whose base document is not in the archive (--strict).

    ## What it checks
    With `statement-lint register --strict` only: that the document a `/Rev.N`, `/Corr.N` or
    `/Add.N` follows (its base, or the previous number) is in the archive too.

    ## Why
    Archives are often partial, so this is silent by default; an archive meant to be complete
    (a year's PC.DEL documents) can ask for it, to find what was never filed.

    ## Failing example
        archive/b.txt: PC.DEL/80/21/Rev.1 (and no PC.DEL/80/21 in the archive)

    ## Passing example
        archive/a.txt: PC.DEL/80/21
        archive/b.txt: PC.DEL/80/21/Rev.1
    """
    if not archive.strict:
        return
    for symbol, rows in sorted(archive.by_symbol.items()):
        found = base_of(symbol)
        if found is None or symbol_key(found[0]) in archive.by_symbol:
            continue
        row = min(rows, key=lambda r: r.path)
        yield ArchiveFinding(
            row.path,
            row.symbol_line or 1,
            f"{symbol} follows {found[0]}, which is not in the archive",
            f"{symbol} missing {found[0]}",
        )
