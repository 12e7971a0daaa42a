"""SARIF 2.1.0, as GitHub code scanning reads it.

Every rule is described (short and full descriptions and help from its docstring); every result
carries a repo-relative URI, a full region (columns count Unicode code points, end column
exclusive) and a `primaryLocationLineHash` built from the diagnostic's fingerprint, so that
results keep their identity when lines move.
"""

import json
from collections import Counter
from typing import TextIO
from urllib.parse import quote

from statement_lint.diagnostic import Diagnostic
from statement_lint.report import ReportInput
from statement_lint.rules import Rule, all_rules
from statement_lint.version import __version__

# Needs every diagnostic first (one document for the whole run).
STREAMS = False

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/statement-lint/statement-lint"


def _rule(rule: Rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(rule.section("What it checks").split())},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": rule.url,
        "defaultConfiguration": {"level": str(rule.severity)},
        "properties": {"tags": ["statement-lint", rule.code[:3]]},
    }


def _uri(path: str) -> str:
    return quote(path, safe="/")


def sarif_log(report: ReportInput) -> dict:
    rules = list(all_rules())
    index = {rule.code: position for position, rule in enumerate(rules)}
    occurrences: Counter[tuple[str, str]] = Counter()
    results = []
    for d in report.diagnostics:
        occurrences[(d.path, d.fingerprint)] += 1
        results.append(_result(d, index[d.code], occurrences[(d.path, d.fingerprint)]))
    driver = {
        "name": "statement-lint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(rule) for rule in rules],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _result(d: Diagnostic, rule_index: int, occurrence: int) -> dict:
    """One result; `occurrence` numbers the same fingerprint in the same file (stable)."""
    region = {
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
    }
    location = {"artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"}}
    result = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": str(d.severity),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {**location, "region": region}}],
        "partialFingerprints": {"primaryLocationLineHash": f"{d.fingerprint}:{occurrence}"},
    }
    native = {key: getattr(d, key) for key in ("page", "paragraph", "part")}
    if any(value is not None for value in native.values()):
        # Lines and columns count in the extracted text; these say where that is in the file.
        result["properties"] = {k: v for k, v in native.items() if v is not None}
    return result


def write(report: ReportInput, stream: TextIO) -> None:
    stream.write(json.dumps(sarif_log(report), indent=2, ensure_ascii=False))
    stream.write("\n")
