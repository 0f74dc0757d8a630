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

_CASE_LEVEL = 2  # testsuites > testsuite > testcase
_PLACE = "newslint-cases"  # a stand-in element for the cases while the header is written
# What XML 1.0 allows: tab, LF, CR, and U+0020 upwards bar surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Return ``text`` with the characters XML 1.0 forbids written as ``\\xNN`` / ``\\uNNNN``."""
    return _NOT_XML.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)


class JunitFormatter(Formatter):
    """Writes the XML document: each file's test case serialised as it comes, kept on disk until the end.

    The header counts every test and failure, so it is written last, before the cases
    are copied out; each case is indented as ``ET.indent`` would indent it in the whole
    document, so the output is the same as building the document in memory.
    """

    def start(self) -> None:
        """Begin with no test cases."""
        from newslint.spool import Spool

        self._cases = Spool(by_path=False)
        self._failures = self._errors = 0

    def _add(self, path: str, case: ET.Element) -> None:
        ET.indent(case, level=_CASE_LEVEL)
        self._cases.add(path, ET.tostring(case, encoding="unicode"))

    def _case(self, path: str) -> ET.Element:
        return ET.Element("testcase", classname="newslint", name=xml_safe(path))

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Add the file's test case with one failure per finding."""
        case = self._case(path)
        for f in findings:
            failure = ET.SubElement(case, "failure", type=f.code, message=xml_safe(f"{f.line}:{f.column}: {f.message}"))
            failure.text = xml_safe(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}")
            self._failures += 1
        self._add(path, case)

    def error(self, path: str, message: str) -> None:
        """Add a test case with an error for a file that could not be linted."""
        case = self._case(path)
        error = ET.SubElement(case, "error", type="input-error", message=xml_safe(message))
        error.text = xml_safe(f"{path}: {message}")
        self._errors += 1
        self._add(path, case)

    def finish(self) -> None:
        """Write the XML document."""
        try:
            counts = {"tests": str(len(self._cases)), "failures": str(self._failures), "errors": str(self._errors)}
            root = ET.Element("testsuites", {"name": "newslint", **counts})
            suite = ET.SubElement(root, "testsuite", {"name": "newslint", **counts})
            if len(self._cases):
                ET.SubElement(suite, _PLACE)  # where the cases go, indented as they are
            ET.indent(root)
            head, place, tail = ET.tostring(root, encoding="unicode").partition(f"<{_PLACE} />")
            self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            self.stream.write(head)
            if place:
                self._cases.write_joined(self.stream, "\n" + "  " * _CASE_LEVEL)
            self.stream.write(tail)
            self.stream.write("\n")
        finally:
            self._cases.close()
