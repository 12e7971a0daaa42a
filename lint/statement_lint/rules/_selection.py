"""Which rules run, and at what severity: codes and prefixes as `select`, `ignore`,
`severity` and the directives name them (`ALN`, `REF002`, `ALL`)."""

from __future__ import annotations

from functools import cache

from statement_lint.diagnostic import Severity
from statement_lint.rules import Rule, all_rules, rule_codes
from statement_lint.similarity import closest, did_you_mean


@cache
def _selectors() -> frozenset[str]:
    """ALL, every rule code and every prefix of one."""
    codes = rule_codes()
    return frozenset(["ALL", *(code[:end] for code in codes for end in range(len(code) + 1))])


def is_selector(selector: str) -> bool:
    """Whether `selector` is ALL, a rule code or a prefix of one."""
    return selector in _selectors()


def validate_selector(selector: str) -> str | None:
    """None if `selector` is ALL, a rule code or a prefix of one; else what is wrong with it."""
    if is_selector(selector):
        return None
    codes = list(rule_codes())
    guess = closest(selector, codes + sorted({code[:3] for code in codes}))
    hint = f"; {did_you_mean(guess)}" if guess else ""
    return f"'{selector}' matches no rule code{hint}"


def covers(selector: str, code: str) -> bool:
    """Whether a selector (`ALL`, a code, a prefix) names the rule `code`."""
    return selector == "ALL" or code.startswith(selector)


@cache
def selected_rules(
    select: tuple[str, ...], ignore: tuple[str, ...], severity: tuple[tuple[str, str], ...]
) -> tuple[Rule, ...]:
    """The rules that run: selected, not ignored, and not switched off by `severity`."""
    return tuple(
        rule
        for rule in all_rules()
        if any(covers(s, rule.code) for s in select)
        and not any(covers(s, rule.code) for s in ignore)
        and severity_of(rule, severity) is not None
    )


def severity_of(rule: Rule, severity: tuple[tuple[str, str], ...]) -> Severity | None:
    """The rule's severity under the `severity` table (the longest matching code or prefix
    wins); None when it is switched off."""
    best, chosen = -1, str(rule.severity)
    for selector, level in severity:
        specificity = 0 if selector == "ALL" else len(selector)
        if covers(selector, rule.code) and specificity > best:
            best, chosen = specificity, level
    return None if chosen == "off" else Severity(chosen)
