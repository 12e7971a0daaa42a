"""--statistics: how many violations of each rule, most frequent first."""

from collections import Counter
from typing import TextIO

from statement_lint.report import ReportInput
from statement_lint.rules import rules_by_code


def write_statistics(report: ReportInput, stream: TextIO) -> None:
    counts = Counter(d.code for d in report.diagnostics)
    fixable = {d.code for d in report.diagnostics if d.fix is not None}
    rules = rules_by_code()
    width = len(str(max(counts.values(), default=0)))
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if code in fixable else "   "
        stream.write(f"{count:>{width}}  {code}  {mark} {rules[code].name}\n")
