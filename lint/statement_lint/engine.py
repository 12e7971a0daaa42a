"""Running the rules over documents: settings, parsing, suppression, diagnostics."""

from __future__ import annotations

import hashlib
import re
import traceback
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from statement_lint.discover import discover, display_path
from statement_lint.errors import UserError
from statement_lint.globs import compile_glob, relative_to
from statement_lint.model import Diagnostic, Fix, Severity, Span, line_span
from statement_lint.parse import Parser
from statement_lint.readers import Document, Region, read_bytes, read_path
from statement_lint.reference import default_gazetteer, load_profile, load_registry
from statement_lint.reference.registry import registry_note
from statement_lint.rules import Context, Finding, Rule, rules_by_code
from statement_lint.settings import SelectionError, Settings, enabled_rules, severity_of
from statement_lint.suppression import covers, read_directives

__all__ = ["Linter", "SelectionError", "Settings", "lint_bytes", "lint_paths", "lint_text"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_WHOLE_FILE = Span(start=0, end=0, line=1, column=1, end_line=1, end_column=1)


def fingerprint(code: str, text: str) -> str:
    """Identifies a finding by its rule and the text it is about, not by its line, so that it
    survives edits elsewhere in the file (baselines, SARIF, GitLab)."""
    normalised = " ".join(text.split())
    # Lone surrogates (from a str given to the API) must not stop the hash.
    data = f"{code}\0{normalised}".encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


class PerFileIgnoreUse:
    """Which per-file-ignores entries matched files of the run, and whether they hid anything;
    fed with the events each file's linting reports (in this process or a worker)."""

    def __init__(self) -> None:
        self._use: dict[tuple[str, str], list[bool]] = {}

    def record(self, events: list) -> None:
        for config_path, pattern, matched, suppressed in events:
            use = self._use.setdefault((config_path, pattern), [False, False])
            use[0] = use[0] or matched
            use[1] = use[1] or suppressed

    def unused(self, settings_for) -> list[Diagnostic]:
        """SUP001 for each entry that matched files of the run but suppressed nothing in them;
        reported against the config file, at the glob's line."""
        rule = rules_by_code()["SUP001"]
        found = []
        for (config_path, pattern), (matched, suppressed) in sorted(self._use.items()):
            settings = settings_for(config_path)
            if not matched or suppressed or rule not in enabled_rules(settings):
                continue
            text = _read_quietly(config_path)
            config = Document(display_path(config_path), text)
            finding = Finding(
                _glob_span(text, pattern),
                f"unused suppression: per-file-ignores entry '{pattern}' suppresses nothing in "
                "the files it matches; remove it",
            )
            severity = severity_of(rule, settings)
            found.append(make_diagnostic(config.path, rule, severity, finding, config))
        return found


class Linter:
    """Lints documents; build once per run. Settings come from `settings` (the same for every
    file) or from `resolver` (per file, from config files)."""

    def __init__(self, settings: Settings | None = None, resolver=None) -> None:
        self._settings = settings or Settings()
        self._resolver = resolver
        self._parsers: dict[str, Parser] = {}
        self._events: list = []  # per-file-ignores use, see take_per_file_use
        self._failures = 0
        self._notes: set[str] = set()  # what the run says once (the registry's check date)

    def settings_for(self, path: str) -> Settings:
        return self._resolver.for_path(path) if self._resolver else self._settings

    def parser_for(self, settings: Settings) -> Parser:
        parser = self._parsers.get(settings.profile)
        if parser is None:
            parser = Parser(load_profile(settings.profile), default_gazetteer())
            self._parsers[settings.profile] = parser
        return parser

    def lint_document(
        self, document: Document, settings: Settings | None = None, path: str | None = None
    ) -> list[Diagnostic]:
        """Diagnostics of one document; `path` is where it lives (default: its display path),
        for matching `per-file-ignores`. A bug met on the way becomes DOC003 on this document
        (and is counted, see take_failures), so that one file never stops a run."""
        settings = settings or self._settings
        try:
            return self._lint(document, settings, path)
        except UserError:
            raise  # a bad profile or registry: the run cannot go on
        except Exception as error:
            self._failures += 1
            failed = Document(document.path, None, failure=describe_failure(error))
            return self._lint(failed, settings, path)

    def take_notes(self) -> list[str]:
        """What the documents linted since the last call give the run to say once."""
        notes, self._notes = sorted(self._notes), set()
        return notes

    def take_failures(self) -> int:
        """How many documents failed (DOC003) since the last call."""
        failures, self._failures = self._failures, 0
        return failures

    def _lint(self, document: Document, settings: Settings, path: str | None) -> list[Diagnostic]:
        rules = enabled_rules(settings)
        parser = self.parser_for(settings)
        readable = document.text is not None and not document.is_empty
        statement = parser.parse(document.text) if readable else None
        # Only text files carry directives; PDF and Word files use per-file-ignores.
        inline = read_directives(document.text) if readable and document.kind == "text" else None
        registry = load_registry(settings.registry)
        context = Context(
            document,
            statement,
            parser.profile,
            parser.gazetteer,
            registry,
            frozenset(rule.code for rule in rules),
            inline,
        )
        if _judged_after_check(statement, registry):
            self._notes.add(registry_note(registry, settings.registry))
        diagnostics = []
        for rule in rules:
            if rule.stage == "document" or (rule.stage == "statement" and statement is not None):
                diagnostics.extend(self._diagnostics(rule, context, settings))
        diagnostics = [d for d in diagnostics if not (inline and inline.suppresses(d))]
        for rule in rules:
            if rule.stage == "suppression":
                diagnostics.extend(self._diagnostics(rule, context, settings))
        diagnostics = self._per_file_ignores(diagnostics, path or document.path, settings)
        diagnostics.sort(key=Diagnostic.sort_key)
        return diagnostics

    def _diagnostics(
        self, rule: Rule, context: Context, settings: Settings
    ) -> Iterator[Diagnostic]:
        severity = severity_of(rule, settings)
        document = context.document
        for finding in rule.check(context):
            yield make_diagnostic(document.path, rule, severity, finding, document)

    def _per_file_ignores(
        self, diagnostics: list[Diagnostic], path: str, settings: Settings
    ) -> list[Diagnostic]:
        if not settings.per_file_ignores:
            return diagnostics
        relative = relative_to(path, settings.root)
        enabled = {rule.code for rule in enabled_rules(settings)}
        for pattern, codes in settings.per_file_ignores:
            if not compile_glob(pattern).matches(relative):
                continue
            matched = any(covers(code, e) for code in codes for e in enabled)
            kept = [d for d in diagnostics if not any(covers(code, d.code) for code in codes)]
            if settings.config_path is not None:
                hid = len(kept) < len(diagnostics)
                self._events.append([settings.config_path, pattern, matched, hid])
            diagnostics = kept
        return diagnostics

    def take_per_file_use(self) -> list:
        """The per-file-ignores events since the last call: [config, glob, matched, hid]."""
        events, self._events = self._events, []
        return events

    def lint_path(self, path: str) -> tuple[Document, list[Diagnostic]]:
        settings = self.settings_for(path)
        shown = display_path(path)
        try:
            document = read_path(path, shown, settings.limits)
        except Exception as error:  # a bug in a reader: readers report what they expect
            self._failures += 1
            document = Document(shown, None, failure=describe_failure(error))
        return document, self.lint_document(document, settings, path)

    def lint_stdin(self, data: bytes, name: str | None) -> tuple[Document, list[Diagnostic]]:
        """Standard input, linted with the settings that would apply to a file called `name`."""
        settings = self.settings_for(name or ".")
        document = read_bytes(data, display_path(name) if name else "-", settings.limits)
        return document, self.lint_document(document, settings, name or "-")


def make_diagnostic(
    path: str, rule: Rule, severity: Severity, finding: Finding, document: Document
) -> Diagnostic:
    span = finding.span or _WHOLE_FILE
    text = document.text or ""
    region = _region(document, span.start) if finding.span else None
    return Diagnostic(
        path=path,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        code=rule.code,
        name=rule.name,
        severity=severity,
        message=finding.message,
        fingerprint=fingerprint(rule.code, finding.subject or text[span.start : span.end]),
        fix=_offered_fix(finding.fix, document),
        page=region.page if region else None,
        paragraph=region.paragraph if region else None,
        part=region.part if region else None,
    )


def _offered_fix(fix: Fix | None, document: Document) -> Fix | None:
    """The finding's fix, if --fix may apply it: text files only (PDF and Word files are
    reported, never rewritten), and only a fix that puts words back without taking others."""
    if fix is None or document.kind != "text" or document.text is None:
        return None
    return fix if fix.only_restores(document.text) else None


def _judged_after_check(statement, registry) -> bool:
    """Whether the date-aware rules judge this statement on statuses assumed unchanged since
    the registry was last checked: an alignment paragraph, dated after the check."""
    if statement is None or statement.alignment is None or statement.date is None:
        return False
    return registry.after_check(statement.date.value)


def describe_failure(error: BaseException) -> str:
    """`IndexError: string index out of range, in parse/disclaimer.py line 123`: what failed
    and the innermost place in statement-lint, for the bug report."""
    where = ""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        parts = frame.filename.replace("\\", "/").split("/statement_lint/")
        if len(parts) > 1:
            where = f", in {parts[-1]} line {frame.lineno}"
            break
    message = str(error).replace("\n", " ")[:200]
    return f"{type(error).__name__}{': ' + message if message else ''}{where}"


def _region(document: Document, offset: int) -> Region | None:
    if not document.regions:
        return None
    index = bisect_right([r.start for r in document.regions], offset) - 1
    return document.regions[max(index, 0)]


def _read_quietly(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return ""


def _glob_span(text: str, pattern: str) -> Span | None:
    for quote in ('"', "'"):
        start = text.find(f"{quote}{pattern}{quote}")
        if start != -1:
            return line_span(text, start, start + len(pattern) + 2)
    return None


def lint_text(
    text: str, path: str = "<text>", settings: Settings | None = None
) -> list[Diagnostic]:
    """Lint one statement given as text; returns its diagnostics, sorted."""
    # A str may hold lone surrogates, which no output can carry: each becomes U+FFFD, one
    # character for one, so that offsets stay right.
    text = _SURROGATE.sub("\ufffd", text)
    document = Document(path, text.replace("\r\n", "\n").replace("\r", "\n"))
    return Linter(settings).lint_document(document)


def lint_bytes(data: bytes, path: str = "-", settings: Settings | None = None) -> list[Diagnostic]:
    """Lint one statement given as the bytes of a file (decoded as a file would be)."""
    return Linter(settings).lint_document(read_bytes(data, path))


def lint_paths(paths: Iterable[str], settings: Settings | None = None) -> list[Diagnostic]:
    """Lint files and directories (walked recursively); returns all diagnostics, sorted.
    With `settings`, those apply to every file; without, config files are found as the
    command line finds them."""
    from statement_lint.configfile import ConfigResolver

    linter = Linter(settings, None if settings else ConfigResolver())
    files = discover(list(paths), linter.settings_for)
    use = PerFileIgnoreUse()
    diagnostics = []
    for path in files:
        diagnostics += linter.lint_path(path)[1]
        use.record(linter.take_per_file_use())
    diagnostics += use.unused(linter.settings_for)
    diagnostics.sort(key=Diagnostic.sort_key)
    return diagnostics
