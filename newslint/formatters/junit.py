"""``junit``: JUnit XML for CI dashboards: one test case per file, one failure per finding.

    <testsuites name="newslint" tests="2" failures="1" errors="0">
      <testsuite name="newslint" tests="2" failures="1" errors="0">
        <testcase classname="newslint" name="desk/story.md">
          <failure type="NL201" message="3:20: missing space ...">desk/story.md:3:20: NL201 ...</failure>
        </testcase>
        ...

A file that could not be read is a test case with an ``error``. Built with
``xml.etree`` so that quotes, ``&`` and ``<`` in messages are escaped; characters XML
1.0 cannot hold at all (most control characters) are written as ``\\xNN``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from newslint.finding import Finding
from newslint.formatters.base import Formatter

# What XML 1.0 allows: tab, LF, CR, and U+0020 upwards bar surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Return ``text`` with the characters XML 1.0 forbids written as ``\\xNN`` / ``\\uNNNN``."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class JunitFormatter(Formatter):
    """Collects a test case per file and writes the XML document at the end."""

    def start(self) -> None:
        """Begin with no test cases."""
        self._cases: list[ET.Element] = []
        self._failures = self._errors = 0

    def _case(self, path: str) -> ET.Element:
        case = ET.Element("testcase", classname="newslint", name=xml_safe(path))
        self._cases.append(case)
        return case

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Add the file's test case with one failure per finding."""
        case = self._case(path)
        for f in findings:
            failure = ET.SubElement(case, "failure", type=f.code, message=xml_safe(f"{f.line}:{f.column}: {f.message}"))
            failure.text = xml_safe(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}")
            self._failures += 1

    def error(self, path: str, message: str) -> None:
        """Add a test case with an error for a file that could not be linted."""
        error = ET.SubElement(self._case(path), "error", type="input-error", message=xml_safe(message))
        error.text = xml_safe(f"{path}: {message}")
        self._errors += 1

    def finish(self) -> None:
        """Write the XML document."""
        counts = {"tests": str(len(self._cases)), "failures": str(self._failures), "errors": str(self._errors)}
        root = ET.Element("testsuites", {"name": "newslint", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "newslint", **counts})
        suite.extend(self._cases)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
