from statement_lint.diagnostic import Severity
from statement_lint.rules import rule
from statement_lint.rules._archive import Archive, ArchiveFinding, where


@rule("ARC001", "conflicting-duplicate", Severity.ERROR, stage="archive")
def conflicting_duplicate(archive: Archive):
    """Two documents in one language carry the same symbol but their texts differ.

    ## What it checks
    Across the documents of an archive (`statement-lint register`): that no two documents in
    the same language with the same symbol, suffixes included (`PC.DEL/80/21/Rev.1`), hold
    different texts. Texts are compared by their words, in any order, capitals, digits and
    punctuation aside: copies of one text as different extractions give them (a Word file and
    its PDF, whose header may come last; other line breaks; page numbers) are no slip. Documents
    without a language marker are not compared (they may be two languages). The diagnostic
    stands on the later of the two paths and names the other, with its line.

    ## Why
    A symbol names one document. Two different texts under one symbol mean that one of them
    carries the wrong symbol (a number taken twice, a Rev. not marked as one), and a reader
    citing the symbol cannot tell which text is meant.

    ## Failing example
        archive/a.txt: PC.DEL/80/21, ENGLISH only, one text
        archive/b.txt: PC.DEL/80/21, ENGLISH only, another text

    ## Passing example
        archive/a.txt: PC.DEL/80/21, ENGLISH only
        archive/b.txt: PC.DEL/80/21/Rev.1, ENGLISH only
    """
    for symbol, rows in sorted(archive.by_symbol.items()):
        first: dict[str, object] = {}
        for row in sorted((r for r in rows if r.language), key=lambda r: r.path):
            seen = first.setdefault(row.language, row)
            if seen is not row and seen.digest != row.digest:
                yield ArchiveFinding(
                    row.path,
                    row.symbol_line or 1,
                    f"{symbol} is also the symbol of {where(seen)}, in the same language, whose "
                    "text differs: one of the two carries the wrong symbol",
                    f"{symbol} {seen.path}",
                )
