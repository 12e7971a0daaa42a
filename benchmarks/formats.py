"""PDF and Word corpora for the benchmarks, from the generated statements.

    python benchmarks/formats.py DIRECTORY [COUNT]

Each PDF has two pages (the statement, a body long enough to run over); each Word file has the
header block in its page header. They reuse the test suite's writers (tests/documents.py).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from documents import (
    CLEAN_PARTS_FOR_BOMBS,
    Statement,
    deflate_bomb_pdf,
    docx_parts,
    write_docx,
    write_pdf,
)
from generate import DISCLAIMER, parts


def _statements(count: int):
    rng = random.Random(20261128)
    for number in range(count):
        header, body, closing = parts(rng, number)
        # Twice the body: the statement runs onto a second page.
        yield number, Statement(tuple(header), DISCLAIMER, tuple(body * 2), tuple(closing))


def generate_pdfs(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return [
        write_pdf(statement, directory / f"pc-del-{number + 1:06d}-23.pdf")
        for number, statement in _statements(count)
    ]


def generate_docx(directory: Path, count: int) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return [
        write_docx(docx_parts(statement), directory / f"pc-del-{number + 1:06d}-23.docx")
        for number, statement in _statements(count)
    ]


def generate_bombs(directory: Path) -> None:
    """A PDF whose content stream inflates to 2 GB, a Word file whose document part inflates
    to 400 MB: both a few hundred kilobytes to a few megabytes on disk."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "bomb.pdf").write_bytes(deflate_bomb_pdf(2000))
    parts = dict(CLEAN_PARTS_FOR_BOMBS)
    parts["word/document.xml"] += " " * (400 * 1024 * 1024)
    write_docx(parts, directory / "bomb.docx")


if __name__ == "__main__":
    if sys.argv[1] == "--bombs":
        generate_bombs(Path(sys.argv[2]))
        sys.exit(0)
    target = Path(sys.argv[1])
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    generate_pdfs(target / "pdf", total)
    generate_docx(target / "docx", total)
    print(f"wrote {total} PDF and {total} Word statements to {target}")
