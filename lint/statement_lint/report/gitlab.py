"""GitLab code quality report: a JSON array of issues (the Code Climate subset GitLab reads)."""

import hashlib
import json
from collections import Counter
from typing import TextIO

from statement_lint.diagnostic import Severity
from statement_lint.report import ReportInput

# Needs every diagnostic first (one document for the whole run).
STREAMS = False

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def write(report: ReportInput, stream: TextIO) -> None:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in report.diagnostics:
        # GitLab keys issues by fingerprint, so it must be unique in the report and stable
        # across runs: the diagnostic's own fingerprint, its file, and which occurrence it is.
        key = (d.path, d.code, d.fingerprint)
        seen[key] += 1
        unique = hashlib.sha256(f"{d.path}\0{d.code}\0{d.fingerprint}\0{seen[key]}".encode())
        issues.append(
            {
                "type": "issue",
                "check_name": d.code,
                "description": f"{d.code} {d.located_message}",
                "categories": ["Style"],
                "severity": _SEVERITY[d.severity],
                "fingerprint": unique.hexdigest()[:32],
                "location": {"path": d.path, "lines": {"begin": d.line, "end": d.end_line}},
            }
        )
    stream.write(json.dumps(issues, indent=2, ensure_ascii=False))
    stream.write("\n")
