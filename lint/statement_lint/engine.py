"""Running the rules over documents: selection, parsing, and turning findings into diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from statement_lint.discover import discover, display_path
from statement_lint.model import Diagnostic, Span
from statement_lint.parse import Parser, default_parser
from statement_lint.readers import Document, read_bytes, read_path
from statement_lint.rules import Context, Rule, all_rules
from statement_lint.similarity import closest


class SelectionError(ValueError):
    """A rule code or prefix in --select/--ignore that matches no rule."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()


def selected_rules(settings: Settings) -> list[Rule]:
    rules = all_rules()
    codes = [r.code for r in rules]
    for option, selectors in (("select", settings.select), ("ignore", settings.ignore)):
        for selector in selectors:
            if selector != "ALL" and not any(code.startswith(selector) for code in codes):
                guess = closest(selector, codes + sorted({c[:3] for c in codes}))
                hint = f"; did you mean {guess}?" if guess else ""
                raise SelectionError(
                    f"--{option} {selector}: no rule code starts with '{selector}'{hint}"
                )

    def matches(code: str, selectors: tuple[str, ...]) -> bool:
        return any(s == "ALL" or code.startswith(s) for s in selectors)

    return [
        r
        for r in rules
        if matches(r.code, settings.select) and not matches(r.code, settings.ignore)
    ]


class Linter:
    """Lints documents with one set of settings; build once, use for many files."""

    def __init__(self, settings: Settings | None = None, parser: Parser | None = None) -> None:
        self.settings = settings or Settings()
        self.rules = selected_rules(self.settings)
        self.parser = parser or default_parser()

    def lint_document(self, document: Document) -> list[Diagnostic]:
        statement = None
        if document.text is not None and not document.is_empty:
            statement = self.parser.parse(document.text)
        context = Context(document, statement, self.parser.profile, self.parser.gazetteer)
        diagnostics = []
        for rule in self.rules:
            if rule.needs_statement and statement is None:
                continue
            for finding in rule.check(context):
                span = finding.span or _WHOLE_FILE
                diagnostics.append(
                    Diagnostic(
                        path=document.path,
                        line=span.line,
                        column=span.column,
                        end_line=span.end_line,
                        end_column=span.end_column,
                        code=rule.code,
                        name=rule.name,
                        severity=rule.severity,
                        message=finding.message,
                    )
                )
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics

    def lint_files(
        self, files: Iterable[str], sources: dict[str, str] | None = None
    ) -> Iterator[list[Diagnostic]]:
        """Diagnostics file by file; `sources`, if given, collects each text (for excerpts)."""
        for path in files:
            document = read_path(path, display_path(path))
            if sources is not None and document.text is not None:
                sources[document.path] = document.text
            yield self.lint_document(document)


_WHOLE_FILE = Span(start=0, end=0, line=1, column=1, end_line=1, end_column=1)


def lint_text(
    text: str, path: str = "<text>", settings: Settings | None = None
) -> list[Diagnostic]:
    """Lint one statement given as text; returns its diagnostics, sorted."""
    return Linter(settings).lint_document(
        Document(path, text.replace("\r\n", "\n").replace("\r", "\n"))
    )


def lint_bytes(data: bytes, path: str = "-", settings: Settings | None = None) -> list[Diagnostic]:
    """Lint one statement given as the bytes of a file (decoded as a file would be)."""
    return Linter(settings).lint_document(read_bytes(data, path))


def lint_paths(paths: Iterable[str], settings: Settings | None = None) -> list[Diagnostic]:
    """Lint files and directories (walked recursively); returns all diagnostics, sorted."""
    linter = Linter(settings)
    diagnostics = [d for found in linter.lint_files(discover(list(paths))) for d in found]
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics
