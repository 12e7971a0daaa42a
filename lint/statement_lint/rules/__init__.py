"""The rule registry.

Each rule lives in its own module in this package and registers itself with :func:`rule`; the
registry imports every module here, so adding a rule is adding a file. A rule's docstring is its
documentation (``statement-lint rule CODE``, the README table, SARIF help) and must have the
sections listed in ``DOC_SECTIONS``; a rule whose findings carry fixes says ``fixable=True`` and
has a ``FIX_SECTION`` too (docs/contributing.md).
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from statement_lint.diagnostic import Edit, Fix, Severity
from statement_lint.records import record
from statement_lint.regex import regex

if TYPE_CHECKING:  # `rule CODE` imports one rule, and none of what rules read
    from statement_lint.model import Directive, Span, Statement
    from statement_lint.readers import Document
    from statement_lint.reference.gazetteer import Gazetteer
    from statement_lint.reference.profile import Profile
    from statement_lint.reference.registry import Registry

DOC_SECTIONS = ("What it checks", "Why", "Failing example", "Passing example")
FIX_SECTION = "Fix"  # what --fix does: required of a fixable rule, and only of one
# Rule families, by code prefix: what each family checks.
FAMILIES = {
    "DOC": "document",
    "REF": "reference",
    "DAT": "date",
    "LNG": "language marker",
    "DSC": "disclaimer",
    "ALN": "alignment",
    "SUP": "suppression",
    "ARC": "archive (across documents, `statement-lint register`)",
}
# The families a linted file can show: the archive's are checked across documents only.
FILE_FAMILIES = {prefix: name for prefix, name in FAMILIES.items() if prefix != "ARC"}
CODE_PATTERN = regex(r"^[A-Z]{3}\d{3}$")


class Finding(NamedTuple):
    """What a rule reports: where (None for the whole file) and what."""

    span: Span | None
    message: str
    # What the finding is about, when the text under the span does not say it all (the
    # differences of an altered disclaimer); it identifies the finding in baselines.
    subject: str | None = None
    fix: Fix | None = None  # only where exactly one correction is right
    # Text that would be right in place of the part found wrong (the alignment paragraph and
    # its footnote, as `align` writes them), shown by the full and JSON formats.
    suggestion: str | None = None


class Context(NamedTuple):
    document: Document
    statement: Statement | None  # None when the document could not be read or is empty
    profile: Profile
    gazetteer: Gazetteer
    registry: Registry | None = None  # dated facts for the date-aware rules
    enabled: frozenset[str] = frozenset()  # the codes that run on this document
    directives: tuple[Directive, ...] | None = None  # a text file's; None for PDF and Word


# When a rule runs: on every document (even unreadable ones), on parsed statements, or after
# suppression has been applied (to report on the suppressions themselves).
# `archive`: a check across the documents of an archive (`statement-lint register`), never run
# on one document.
Stage = Literal["document", "statement", "suppression", "archive"]


Check = Callable[[Context], Iterable[Finding]]


def replace_with(span: Span, content: str | None) -> Fix | None:
    """The fix that writes `content` in place of the span's text (None without content)."""
    if not content:
        return None
    return Fix(
        message=f"write {content}", edits=[Edit(start=span.start, end=span.end, content=content)]
    )


DOCS_URL = "https://github.com/statement-lint/statement-lint/blob/main/docs/rules"


@record(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Check
    stage: Stage
    fixable: bool = False  # its findings may carry a fix (and its docstring says what it does)

    @property
    def doc(self) -> str:
        return _cleaned(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.split("\n\n", 1)[0].replace("\n", " ")

    @property
    def page(self) -> str:
        """The rule's documentation as `rule CODE` prints it and `docs/rules/CODE.md` holds it."""
        return f"# {self.code} {self.name} ({self.severity})\n\n{self.doc}\n"

    @property
    def url(self) -> str:
        """Where that page is published (SARIF's helpUri, JSON's url)."""
        return f"{DOCS_URL}/{self.code}.md"

    def section(self, title: str) -> str:
        """The text of one `## title` section of the rule's docstring ('' if absent)."""
        match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", self.doc, re.S | re.M)
        return _cleaned(match.group(1)) if match else ""


def _cleaned(docstring: str) -> str:
    """`inspect.cleandoc`, imported only when documentation is shown (`inspect` and what it
    imports cost a plain run 5 ms)."""
    import inspect

    return inspect.cleandoc(docstring)


_registered: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    *,
    fixable: bool = False,
    stage: Stage = "statement",
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of rule `code`; `fixable` when its findings
    may carry a fix (a finding with a fix from a rule that is not fixable is a bug)."""

    def register(check: Check) -> Check:
        if code in _registered:
            raise RuntimeError(f"rule code {code} is registered twice")
        _registered[code] = Rule(code, name, severity, check, stage, fixable)
        return check

    return register


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    for name in _module_names():
        if not name.startswith("_"):
            importlib.import_module(f"{__name__}.{name}")
    return tuple(sorted(_registered.values(), key=lambda r: r.code))


def rule_by_code(code: str) -> Rule | None:
    """The rule `code` (`ALN001`), importing only its module (`aln001_....py`); None if there
    is no such rule."""
    prefix = f"{code.lower()}_"
    for name in _module_names():
        if name.startswith(prefix):
            importlib.import_module(f"{__name__}.{name}")
    return _registered.get(code)


@cache
def rule_codes() -> tuple[str, ...]:
    """Every rule code, read from the module names (`aln001_...py` holds ALN001) without
    importing the rules: checking a config file's codes needs no more."""
    return tuple(name.split("_", 1)[0].upper() for name in _module_names() if name[0] != "_")


def _module_names() -> list[str]:
    """The modules in the package's folders, listed (pkgutil would cost an import of its
    own)."""
    return sorted(
        name.removesuffix(".py")
        for folder in __path__
        for name in os.listdir(folder)
        if name.endswith(".py")
    )


def rules_by_code() -> dict[str, Rule]:
    return {r.code: r for r in all_rules()}
