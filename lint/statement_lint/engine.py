"""Linting one document: parse it, run the rules its settings enable, apply its suppressions.

The engine keeps no state between documents. What a document's linting tells the run besides
its diagnostics (which per-file-ignores entries it met, a failure, a note to say once) comes
back with them, in an :class:`Outcome`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from statement_lint.config.globs import compile_glob, relative_to
from statement_lint.config.settings import Settings
from statement_lint.diagnostic import Diagnostic, Fix, IgnoreUse, Severity
from statement_lint.errors import UserError
from statement_lint.model import Span, line_span
from statement_lint.parse import Parser
from statement_lint.readers import Document, Unreadable, read_utf8
from statement_lint.reference import default_gazetteer, load_profile, load_registry
from statement_lint.reference.registry import registry_note
from statement_lint.rules import Context, Finding, Rule, rules_by_code
from statement_lint.rules._selection import covers, selected_rules, severity_of
from statement_lint.rules.sup001_unused_suppression import unused_entry_message
from statement_lint.suppression import read_directives

_WHOLE_FILE = Span(start=0, end=0, line=1, column=1, end_line=1, end_column=1)


class Outcome(NamedTuple):
    """What linting one document gives."""

    diagnostics: list[Diagnostic]  # sorted
    ignore_use: tuple[IgnoreUse, ...] = ()
    failure: str | None = None  # statement-lint failed on it (reported as DOC003)
    notes: tuple[str, ...] = ()  # for the run to say once


def fingerprint(code: str, text: str) -> str:
    """Identifies a finding by its rule and the text it is about, not by its line, so that it
    survives edits elsewhere in the file (baselines, SARIF, GitLab)."""
    normalised = " ".join(text.split())
    # Lone surrogates (from a str given to the API) must not stop the hash.
    data = f"{code}\0{normalised}".encode("utf-8", "surrogatepass")
    import hashlib  # here: a clean statement needs none (3 ms of a cold start)

    return hashlib.sha256(data).hexdigest()[:16]


def enabled_rules(settings: Settings) -> tuple[Rule, ...]:
    """The rules that run under `settings`."""
    chosen = settings.select + settings.extend_select
    return selected_rules(chosen, settings.ignore, settings.severity)


class Engine:
    """Lints documents under their settings. It keeps only what is worth building once: the
    parser of each profile."""

    def __init__(self) -> None:
        self._parsers: dict[str, Parser] = {}

    def parser_for(self, settings: Settings) -> Parser:
        parser = self._parsers.get(settings.profile)
        if parser is None:
            parser = Parser(load_profile(settings.profile), default_gazetteer())
            self._parsers[settings.profile] = parser
        return parser

    def lint(self, document: Document, settings: Settings, path: str | None = None) -> Outcome:
        """The outcome of one document; `path` is where it lives (default: its display path),
        for matching `per-file-ignores`. A bug met on the way becomes DOC003 on this document,
        so that one file never stops a run."""
        try:
            return self._lint(document, settings, path)
        except UserError:
            raise  # a bad profile or registry: the run cannot go on
        except Exception as error:
            return self.failed(document.path, error, settings, path)

    def failed(
        self, shown: str, error: Exception, settings: Settings, path: str | None = None
    ) -> Outcome:
        """The outcome of a document statement-lint failed on: DOC003, naming the error."""
        failure = describe_failure(error)
        outcome = self._lint(Document(shown, None, failure=failure), settings, path)
        return Outcome(outcome.diagnostics, outcome.ignore_use, failure)

    def _lint(self, document: Document, settings: Settings, path: str | None) -> Outcome:
        rules = enabled_rules(settings)
        parser = self.parser_for(settings)
        readable = document.text is not None and not document.is_empty
        statement = parser.parse(document.text, document.markdown) if readable else None
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
            tuple(inline.directives) if inline else None,
        )
        diagnostics = []
        for rule in rules:
            if rule.stage == "document" or (rule.stage == "statement" and statement is not None):
                diagnostics.extend(_diagnostics(rule, context, settings))
        diagnostics = [d for d in diagnostics if not (inline and inline.suppresses(d))]
        for rule in rules:
            if rule.stage == "suppression":
                diagnostics.extend(_diagnostics(rule, context, settings))
        diagnostics, uses = per_file_ignores(diagnostics, path or document.path, settings, rules)
        diagnostics.sort(key=Diagnostic.sort_key)
        notes = ()
        if _judged_after_check(statement, registry):
            notes = (registry_note(registry, settings.registry),)
        return Outcome(diagnostics, uses, None, notes)


def _diagnostics(rule: Rule, context: Context, settings: Settings) -> Iterator[Diagnostic]:
    severity = severity_of(rule, settings.severity)
    document = context.document
    for finding in rule.check(context):
        if finding.fix is not None and not rule.fixable:  # a bug in the rule: DOC003 says so
            raise RuntimeError(f"{rule.code} gave a fix, but its @rule does not say fixable=True")
        yield make_diagnostic(document.path, rule, severity, finding, document)


def per_file_ignores(
    diagnostics: list[Diagnostic], path: str, settings: Settings, rules: tuple[Rule, ...]
) -> tuple[list[Diagnostic], tuple[IgnoreUse, ...]]:
    """The diagnostics the file's `per-file-ignores` entries leave, and how each applied."""
    if not settings.per_file_ignores:
        return diagnostics, ()
    relative = relative_to(path, settings.root)
    enabled = {rule.code for rule in rules}
    uses = []
    for pattern, codes in settings.per_file_ignores:
        if not compile_glob(pattern).matches(relative):
            continue
        matched = any(covers(code, e) for code in codes for e in enabled)
        kept = [d for d in diagnostics if not any(covers(code, d.code) for code in codes)]
        if settings.config_path is not None:
            uses.append(
                IgnoreUse(settings.config_path, pattern, matched, len(kept) < len(diagnostics))
            )
        diagnostics = kept
    return diagnostics, tuple(uses)


def unused_ignore_entries(
    uses: Iterable[IgnoreUse], settings_for: Callable[[str], Settings], shown: Callable[[str], str]
) -> list[Diagnostic]:
    """SUP001 for each `per-file-ignores` entry that matched files of a run but hid nothing in
    them, reported against its config file (its path as `shown` gives it) at the glob's line.
    `settings_for(path)` gives the settings that apply to the config file (is SUP001 on?)."""
    seen: dict[tuple[str, str], list[bool]] = {}
    for use in uses:
        state = seen.setdefault((use.config, use.glob), [False, False])
        state[0] = state[0] or use.matched
        state[1] = state[1] or use.hid
    rule = rules_by_code()["SUP001"]
    found = []
    for (config_path, pattern), (matched, hid) in sorted(seen.items()):
        settings = settings_for(config_path)
        if not matched or hid or rule not in enabled_rules(settings):
            continue
        text = _read_quietly(config_path)
        config = Document(shown(config_path), text)
        finding = Finding(_glob_span(text, pattern), unused_entry_message(pattern))
        severity = severity_of(rule, settings.severity)
        found.append(make_diagnostic(config.path, rule, severity, finding, config))
    return found


def make_diagnostic(
    path: str, rule: Rule, severity: Severity, finding: Finding, document: Document
) -> Diagnostic:
    span = finding.span or _WHOLE_FILE
    text = document.text or ""
    region = document.region_at(span.start) if finding.span else None
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
        table=region.table if region else None,
        row=region.row if region else None,
        suggestion=finding.suggestion,
        url=rule.url,
    )


def _offered_fix(fix: Fix | None, document: Document) -> Fix | None:
    """The finding's fix, if --fix may apply it: in a text file, or in a Word file's plain runs
    (made tracked changes there; PDFs are never rewritten), and only a fix that puts words back
    without taking others."""
    if fix is None or document.text is None:
        return None
    if document.kind == "docx":
        spans = document.editable
        if not all(any(a <= e.start and e.end <= b for a, b in spans) for e in fix.edits):
            return None
    elif document.kind != "text":
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
    import traceback  # only for a failure: a run without one spares the import

    where = ""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        parts = frame.filename.replace("\\", "/").split("/statement_lint/")
        if len(parts) > 1:
            where = f", in {parts[-1]} line {frame.lineno}"
            break
    message = str(error).replace("\n", " ")[:200]
    return f"{type(error).__name__}{': ' + message if message else ''}{where}"


# A config file was read and validated when the run began: reading it again for a line number
# cannot fail in a way worth more than no line number.
_CONFIG_LIMIT = 4 * 1024 * 1024


def _read_quietly(path: str) -> str:
    try:
        return read_utf8(path, _CONFIG_LIMIT, "a config file")
    except Unreadable:
        return ""


def _glob_span(text: str, pattern: str) -> Span | None:
    for quote in ('"', "'"):
        start = text.find(f"{quote}{pattern}{quote}")
        if start != -1:
            return line_span(text, start, start + len(pattern) + 2)
    return None
