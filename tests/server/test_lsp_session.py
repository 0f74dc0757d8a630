"""The server's session: client settings, configuration problems, stale files, the BOM."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from newslint.server.session import Session, Settings, parse_settings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, Settings()),
        ({}, Settings()),
        ({"select": ["NL1", "repeated-word"]}, Settings(select=("NL1", "repeated-word"))),
        (
            {"newslint": {"select": "NL101, NL204", "ignore": ["NL4"]}},
            Settings(select=("NL101", "NL204"), ignore=("NL4",)),
        ),
        ({"select": []}, Settings(select=None)),
        ({"date": "2025-06-19"}, Settings(date=dt.date(2025, 6, 19))),
        ({"failOn": "error"}, Settings(fail_on="error")),
        ({"fail-on": "info"}, Settings(fail_on="info")),
        ({"debounce": 0}, Settings(debounce=0.0)),
        ({"debounce": 750}, Settings(debounce=0.75)),
        ({"trace": {"server": "verbose"}}, Settings()),  # an editor's own key, ignored quietly
    ],
)
def test_settings_that_are_read(raw: object, expected: Settings) -> None:
    assert parse_settings(raw) == (expected, [])


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("select everything", "settings must be an object"),
        ({"select": 5}, "setting 'select' must be a list of rule codes or names"),
        ({"date": "next week"}, "setting 'date' must be a date like 2025-06-19"),
        ({"failOn": "fatal"}, "setting 'failOn' must be one of info, warning, error"),
        ({"debounce": -1}, "setting 'debounce' must be milliseconds"),
        ({"debounce": True}, "setting 'debounce' must be milliseconds"),
        ({"selects": ["NL101"]}, "unknown setting 'selects'"),
    ],
)
def test_settings_that_are_refused(raw: object, problem: str) -> None:
    settings, problems = parse_settings(raw, Settings(ignore=("NL4",)))
    assert settings == Settings(ignore=("NL4",))  # the value refused leaves the base as it was
    assert len(problems) == 1 and problems[0].startswith(problem)


def test_a_configuration_error_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("select: [NL101]\nrules:\n  nonsense-rule: {}\n", encoding="utf-8")
    outcome = Session(entry_points=False).lint("Text.\n", str(tmp_path / "a.txt"), None)
    assert outcome.findings == ()
    assert outcome.config_error is not None
    assert (outcome.config_error.path, outcome.config_error.line) == (str(tmp_path / ".newslint.yaml"), 3)
    assert "unknown rule 'nonsense-rule'" in outcome.config_error.message


def test_a_toml_error_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\nselect = [NL101]\n", encoding="utf-8")
    outcome = Session(entry_points=False).lint("Text.\n", str(tmp_path / "a.txt"), None)
    assert outcome.config_error is not None
    assert outcome.config_error.path == str(tmp_path / "pyproject.toml")
    assert outcome.config_error.line == 2


def test_configuration_files_created_changed_or_removed_make_the_session_stale(tmp_path: Path) -> None:
    session = Session(entry_points=False)
    article = tmp_path / "desk" / "a.txt"
    article.parent.mkdir()
    session.lint("Text.\n", str(article), None)
    assert not session.stale()
    config = tmp_path / ".newslint.yaml"  # one directory above the article
    config.write_text("ignore: [NL4]\n", encoding="utf-8")
    assert session.stale()
    session.reload()
    session.lint("Text.\n", str(article), None)
    assert not session.stale()
    os.utime(config, ns=(1, 1))
    assert session.stale()
    session.reload()
    session.lint("Text.\n", str(article), None)
    config.unlink()
    assert session.stale()


def test_a_bom_is_left_out_of_the_lint_and_the_offsets_count_it() -> None:
    session = Session(Settings(select=("missing-space",)), entry_points=False)
    (finding,) = session.lint("\ufeffIt rained.Then it stopped.\n", None, "text").findings
    assert (finding.start, finding.end) == (4, 15)
    assert finding.fix is not None and (finding.fix.start, finding.fix.end) == (11, 11)
    assert session.fix_all("\ufeffIt rained.Then it stopped.\n", None, "text") == "\ufeffIt rained. Then it stopped.\n"


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/desk/story.md", "plaintext", (True, None)),  # the extension decides
        ("/desk/story.txt", "markdown", (True, None)),
        ("/desk/notes.draft", "markdown", (True, "markdown")),  # else the language id
        ("/desk/notes.draft", "plaintext", (True, "text")),
        ("/desk/page.html", "plaintext", (True, None)),
        ("/desk/notes.draft", "html", (True, "html")),
        (None, "markdown", (True, "markdown")),  # an untitled buffer
        ("/desk/script.py", "python", (False, None)),
        ("/desk/.newslint.yaml", "yaml", (False, None)),
        ("/desk/pyproject.toml", "toml", (False, None)),
    ],
)
def test_which_documents_are_articles(path: str | None, language: str, expected: tuple[bool, str | None]) -> None:
    assert Session(entry_points=False).input_format(path, language) == expected
