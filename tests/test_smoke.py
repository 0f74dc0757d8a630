"""The CLI starts, lists its rules and lints standard input."""

from click.testing import CliRunner

from newslint.cli import main


def test_version_and_list_rules():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("newslint ")
    listing = runner.invoke(main, ["--list-rules"]).output
    assert "NL000  internal-error" in listing
    assert "NL001  unused-suppression" in listing
