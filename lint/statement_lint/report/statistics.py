"""--statistics: how many violations of each rule, most frequent first."""

from collections import Counter
from typing import TextIO

from statement_lint.report import ReportInput
from statement_lint.rules import rules_by_code


def write_statistics(report: ReportInput, stream: TextIO, json: bool = False) -> None:
    """A line per rule, or (`json`) a JSON list of {code, name, count, fixable}."""
    counts = Counter(d.code for d in report.diagnostics)
    fixable = {d.code for d in report.diagnostics if d.fix is not None}
    rules = rules_by_code()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if json:
        import json as encoder

        rows = [{"code": code, "name": rules[code].name, "count": count,
                 "fixable": code in fixable} for code, count in ordered]  # fmt: skip
        stream.write(encoder.dumps(rows, indent=2) + "\n")
        return
    width = len(str(max(counts.values(), default=0)))
    for code, count in ordered:
        mark = "[*]" if code in fixable else "   "
        stream.write(f"{count:>{width}}  {code}  {mark} {rules[code].name}\n")
