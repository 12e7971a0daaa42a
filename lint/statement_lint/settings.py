"""The settings that apply to a file, and the rules they enable.

Settings come from defaults, then a config file (and the files it extends), then the command
line. Each value remembers where it came from, for `statement-lint config --show`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from statement_lint.model import Severity
from statement_lint.readers.limits import Limits
from statement_lint.rules import Rule, all_rules
from statement_lint.similarity import closest

# Skipped when a directory is walked (a path named on the command line is linted anyway,
# unless --force-exclude): hidden files and folders, tool folders, and the files that sit
# beside statements in archives and repositories but are not statements.
DEFAULT_EXCLUDE = (
    ".*",
    "node_modules/",
    "__pycache__/",
    "README.*",
    "CHANGELOG.*",
    "CHANGES.*",
    "HISTORY.*",
    "CONTRIBUTING.*",
    "LICENSE.*",
    "LICENCE.*",
    "NOTICE.*",
    "AUTHORS.*",
    "SECURITY.*",
    "CODE_OF_CONDUCT.*",
)
FAIL_ON_CHOICES = ("error", "warning")
DEFAULT_SOURCE = "default"


class SelectionError(ValueError):
    """A rule code or prefix that matches no rule."""


@dataclass(frozen=True)
class Settings:
    """Effective settings for one file. Tuples throughout, so settings can key caches."""

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"
    output_format: str = "concise"
    profile: str = "osce"
    registry: str | None = None  # a registry file; None: the bundled one
    limits: Limits = field(default_factory=Limits)
    # Where globs are anchored and relative paths resolved: the config file's directory.
    root: str | None = None
    config_path: str | None = None
    sources: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def source_of(self, key: str) -> str:
        return dict(self.sources).get(key, DEFAULT_SOURCE)

    def with_values(self, source: str, **values: object) -> Settings:
        """These settings with `values` set (keys as field names), remembering `source`."""
        known = dict(self.sources)
        known.update({key.replace("_", "-"): source for key in values})
        return replace(self, **values, sources=tuple(sorted(known.items())))

    @property
    def excluded(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude


@cache
def _selectors() -> frozenset[str]:
    """ALL, every rule code and every prefix of one (the empty one too, as before)."""
    codes = [rule.code for rule in all_rules()]
    return frozenset(["ALL", *(code[:end] for code in codes for end in range(len(code) + 1))])


def is_selector(selector: str) -> bool:
    """Whether `selector` is ALL, a rule code or a prefix of one."""
    return selector in _selectors()


def validate_selector(selector: str) -> str | None:
    """None if `selector` is ALL, a rule code or a prefix of one; else what is wrong with it."""
    if is_selector(selector):
        return None
    codes = [rule.code for rule in all_rules()]
    guess = closest(selector, codes + sorted({code[:3] for code in codes}))
    hint = f"; did you mean {guess}?" if guess else ""
    return f"'{selector}' matches no rule code{hint}"


def _matches(code: str, selectors: tuple[str, ...]) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


@cache
def enabled_rules(settings: Settings) -> tuple[Rule, ...]:
    """The rules that run under `settings` (select, extend-select, ignore, severity off)."""
    chosen = settings.select + settings.extend_select
    return tuple(
        rule
        for rule in all_rules()
        if _matches(rule.code, chosen)
        and not _matches(rule.code, settings.ignore)
        and severity_of(rule, settings) is not None
    )


def severity_of(rule: Rule, settings: Settings) -> Severity | None:
    """The rule's severity under `settings` (the longest matching code or prefix wins);
    None when it is switched off."""
    best, chosen = -1, str(rule.severity)
    for selector, level in settings.severity:
        specificity = 0 if selector == "ALL" else len(selector)
        if (selector == "ALL" or rule.code.startswith(selector)) and specificity > best:
            best, chosen = specificity, level
    return None if chosen == "off" else Severity(chosen)
