"""JUnit XML: a test suite per file, a test case per rule family, failures with diagnostics."""

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from statement_lint.report import ReportInput
from statement_lint.report.escape import printable
from statement_lint.rules import FILE_FAMILIES

# Needs every diagnostic first (one document for the whole run).
STREAMS = False

# The characters XML 1.0 cannot carry that escaping leaves (controls and surrogates are
# escaped): replaced, not dropped.
_NOT_XML = re.compile("[\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """A path or message: controls escaped as in the text formats, and no character XML 1.0
    cannot carry."""
    return _NOT_XML.sub("\ufffd", printable(text))


def write(report: ReportInput, stream: TextIO) -> None:
    by_file = {
        path: list(group) for path, group in groupby(report.diagnostics, key=lambda d: d.path)
    }
    files = sorted(set(report.files) | set(by_file))
    suites = ET.Element(
        "testsuites",
        name="statement-lint",
        tests=str(len(files) * len(FILE_FAMILIES)),
        failures=str(sum(len({d.code[:3] for d in found}) for found in by_file.values())),
        errors="0",
    )
    for path in files:
        found = by_file.get(path, [])
        failed_families = {d.code[:3] for d in found}
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=_xml_text(path),
            tests=str(len(FILE_FAMILIES)),
            failures=str(len(failed_families)),
            errors="0",
            skipped="0",
        )
        for prefix, family in FILE_FAMILIES.items():
            case = ET.SubElement(
                suite, "testcase", classname=_xml_text(path), name=f"{prefix} {family}"
            )
            failures = [d for d in found if d.code.startswith(prefix)]
            if failures:
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=_xml_text(f"{len(failures)} {family} violation(s)"),
                    type=prefix,
                )
                failure.text = "".join(
                    f"{d.line}:{d.column}: {d.code} {_xml_text(d.located_message)}\n"
                    for d in failures
                )
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")
