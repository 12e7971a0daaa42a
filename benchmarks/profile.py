"""Where a statement's time goes, in one process: each stage of the parser, the rules, and the
whole pipeline with and without parsing (the ceiling a faster parser could reach), in one
process and in as many worker processes as there are CPUs.

    python benchmarks/profile.py [DIRECTORY]   (default: 1,000 generated statements)

DIRECTORY's text, Markdown, PDF and Word files are read (PDF and Word text as extracted).

Figures are microseconds per statement, the best of three passes over the files; the runs
over all CPUs also as statements per second. Those start in this process, whose modules are
loaded already: a command's cold start is not in them (`run.py` measures the command).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from generate import generate
from statement_lint.parse import Parser, _disclaimer, _header_start, _without, default_parser
from statement_lint.parse.header import header_tokens, words
from statement_lint.readers import Document, read_path
from statement_lint.reference import load_registry
from statement_lint.rules import Context, all_rules
from statement_lint.run import Run, RunOptions

SUFFIXES = (".txt", ".md", ".pdf", ".docx")


def best(passes, files: int) -> float:
    fastest = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        passes()
        fastest = min(fastest, time.perf_counter() - start)
    return 1e6 * fastest / files


class Stopwatch:
    """Time spent per step, summed over the files of one pass."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.since = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.spent[name] = self.spent.get(name, 0.0) + now - self.since
        self.since = now


def parse_steps(parser: Parser, document: Document, watch: Stopwatch) -> None:
    """Parser.parse's steps, each timed."""
    normal = parser.normal(document.text, document.markdown)
    norm = normal.text
    watch.lap("normalise")
    tokens = parser._header.tokens(norm)
    watch.lap("header-like tokens")
    _alignment, _footnotes, blocks = parser._alignment_of(normal)
    watch.lap("alignment paragraph and footnotes")
    found = parser._disclaimer.find(norm, lambda start, end: words(norm, start, end, tokens))
    watch.lap("disclaimer")
    at = (found.spans[found.first_word][0], found.spans[found.last_word][1]) if found else None
    header = header_tokens(norm, tokens, at)
    parser._header_tokens(normal, header)
    watch.lap("header block")
    parser._languages.guess(_without(norm, blocks + ([at] if at else [])))
    watch.lap("body language")
    if found:
        _disclaimer(found, tokens, normal, blocks)
    _header_start(normal, header, found, at)
    parser._alignment.country_lists(normal, blocks)
    watch.lap("co-sponsors and the rest")


def stages(parser: Parser, documents: list[Document]) -> dict[str, float]:
    fastest: dict[str, float] = {}
    for _ in range(3):
        watch = Stopwatch()
        for document in documents:
            watch.since = time.perf_counter()
            parse_steps(parser, document, watch)
        for name, seconds in watch.spent.items():
            fastest[name] = min(fastest.get(name, float("inf")), 1e6 * seconds / len(documents))
    return fastest


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(scratch)
        if len(sys.argv) == 1:
            generate(folder, 1000)
        paths = sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES)
        documents = [read_path(str(p), hashed=False) for p in paths]
        parser = default_parser()
        figures = {f"parse: {k}": v for k, v in stages(parser, documents).items()}
        statements = [parser.parse(d.text, d.markdown) for d in documents]
        figures["parse, in all"] = best(
            lambda: [parser.parse(d.text, d.markdown) for d in documents], len(documents)
        )
        rules = [rule for rule in all_rules() if rule.stage != "archive"]  # per document
        codes = frozenset(rule.code for rule in rules)
        registry = load_registry()
        contexts = [
            Context(d, s, parser.profile, parser.gazetteer, registry, codes, ())
            for d, s in zip(documents, statements, strict=True)
        ]
        figures["rules, in all"] = best(
            lambda: [list(rule.check(c)) for rule in rules for c in contexts], len(documents)
        )

        def whole_run(jobs: int = 1) -> None:
            run = Run(RunOptions(paths=(str(folder),), jobs=jobs, isolated=True))
            for _ in run.results():
                pass
            run.end()

        cpus = os.cpu_count() or 1
        all_cpus = f"whole pipeline, {cpus} processes"
        figures["whole pipeline, one process"] = best(whole_run, len(paths))
        figures[all_cpus] = best(lambda: whole_run(cpus), len(paths))
        parse = Parser.parse
        parsed = {(d.text, d.markdown): s for d, s in zip(documents, statements, strict=True)}
        # Worker processes are forked from this one, so they answer from `parsed` too.
        Parser.parse = lambda self, text, markdown=False: (
            parsed.get((text, markdown)) or parse(self, text, markdown)
        )
        try:
            figures["whole pipeline, parsing already done (the ceiling)"] = best(
                whole_run, len(paths)
            )
            figures[f"{all_cpus}, parsing already done (the ceiling)"] = best(
                lambda: whole_run(cpus), len(paths)
            )
        finally:
            Parser.parse = parse
    print(f"{len(paths)} statements; microseconds per statement, best of 3")
    for name, value in figures.items():
        rate = f"  ({1e6 / value:,.0f} statements/s)" if "whole" in name else ""
        print(f"{name:<62} {value:8.1f}{rate}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
