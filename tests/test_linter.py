"""The library seam: ``newslint.Linter`` used as a program would use it."""

from __future__ import annotations

import datetime as _dt
import doctest
import io
import re
import threading
from pathlib import Path

import pytest

import newslint
from newslint import Linter
from newslint.errors import NewslintError, PluginError, UsageError
from newslint.formats import InputFormat
from newslint.hookspecs import hookimpl
from newslint.parsers.model import Paragraph, Parsed

REPO = Path(__file__).resolve().parents[1]
RUN_ON = "The council met on Monday.It agreed the the plan.\n"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(entry_points=False, select=["missing-space", "repeated-word"])


def test_lint_text_returns_sorted_findings_with_positions(linter):
    findings = linter.lint_text(RUN_ON)
    assert [(f.code, f.line, f.column, RUN_ON[f.start : f.end]) for f in findings] == [
        ("NL201", 1, 20, "Monday.It"),
        ("NL204", 1, 41, "the"),
    ]


def test_lint_text_picks_the_format_from_the_path_or_the_argument(linter):
    text = "    the the code block in Markdown, prose in plain text.\n"
    assert linter.lint_text(text, "a.md") == []
    assert [f.code for f in linter.lint_text(text, "a.txt")] == ["NL204"]
    assert linter.lint_text(text, "a.txt", format="markdown") == []


def test_an_unknown_format_or_rule_is_a_usage_error(linter):
    with pytest.raises(UsageError, match="unknown input format 'rst'"):
        linter.lint_text("x", format="rst")
    with pytest.raises(UsageError, match="unknown rule 'no-such-rule'"):
        Linter(entry_points=False, select=["no-such-rule"])
    assert issubclass(UsageError, NewslintError)


def test_fix_text_applies_every_safe_fix_and_returns_what_remains(linter):
    fixed, remaining = linter.fix_text(RUN_ON)
    assert fixed == "The council met on Monday. It agreed the plan.\n"
    assert remaining == []


def test_the_date_argument_is_the_fallback_article_date():
    linter = Linter(entry_points=False, select=["title-mismatch"])
    text = "Ukrainian President Volodymyr Zelenskyy spoke.\n"
    assert linter.lint_text(text, date=_dt.date(2023, 1, 1)) == []
    [finding] = linter.lint_text(text, date=_dt.date(2005, 1, 1))
    assert finding.code == "NL301"


def test_lint_paths_yields_one_result_per_file_in_order_and_goes_on_after_errors(tmp_path):
    (tmp_path / "a.txt").write_text("It rained.Then it stopped.\n")
    (tmp_path / "b.md").write_text("Fine copy.\n")
    (tmp_path / "c.txt").write_bytes(b"binary\x00\x00data")
    linter = Linter(entry_points=False, config=_empty_config(tmp_path))
    results = list(linter.lint_paths([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert [Path(r.path).name for r in results] == ["missing.txt", "a.txt", "b.md", "c.txt"]
    assert results[0].error == "no such file or directory" and results[0].status == 2
    assert [f.code for f in results[1].findings] == ["NL201"] and results[1].status == 1
    assert results[2].findings == [] and results[2].status == 0
    assert results[3].error is not None and results[3].findings == []


def test_lint_paths_fix_writes_back_and_reports_what_remains(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"It rained.Then it stopped.\r\n")
    linter = Linter(entry_points=False, config=_empty_config(tmp_path))
    [result] = linter.lint_paths([str(article)], fix=True)
    assert result.changed and result.applied == 1 and result.findings == []
    assert article.read_bytes() == b"It rained. Then it stopped.\r\n"


def test_lint_paths_reads_standard_input_only_when_given(tmp_path):
    linter = Linter(entry_points=False, config=_empty_config(tmp_path), stdin_filename="piece.md")
    [result] = linter.lint_paths(["-"], stdin=io.BytesIO(b"It rained.Then `x` it stopped.\n"))
    assert result.path == "piece.md" and result.from_stdin
    assert [f.code for f in result.findings] == ["NL201"]


def test_one_linter_serves_many_threads_with_the_same_answers(linter):
    texts = [f"Paragraph {i} ended.Then the the next {i}.\n" for i in range(40)]
    expected = [[(f.code, f.start) for f in linter.lint_text(t)] for t in texts]
    got: dict[int, list[tuple[str, int]]] = {}

    def work(index: int) -> None:
        for _ in range(5):
            got[index] = [(f.code, f.start) for f in linter.lint_text(texts[index], f"t{index}.txt")]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [got[i] for i in range(len(texts))] == expected


def test_linting_the_same_text_again_is_answered_from_the_memo(linter, monkeypatch):
    text = "A fresh text.It has a slip.\n"
    first = linter.lint_text(text, "memo.txt")
    import newslint.linter as module

    monkeypatch.setattr(module, "lint", lambda *a, **k: pytest.fail("linted again"))
    assert linter.lint_text(text, "memo.txt") == first
    first.clear()  # a caller's list is its own
    assert len(linter.lint_text(text, "memo.txt")) == 1


class _ShoutFormat:
    """A plugin adding a format: every line is a paragraph, upper case is its heading."""

    @hookimpl
    def newslint_formats(self):
        return [InputFormat("shout", (".shout",), _parse_shout, "every line")]


def _parse_shout(text: str) -> Parsed:
    paragraphs = []
    for match in re.finditer(r"[^\n]+", text):
        paragraphs.append(Paragraph.verbatim(match.group(), match.start()))
    return Parsed(tuple(paragraphs))


def test_a_plugin_adds_an_input_format_with_the_newslint_formats_hook(tmp_path):
    linter = Linter(
        entry_points=False, plugins=[_ShoutFormat()], select=["missing-space"], config=_empty_config(tmp_path)
    )
    (tmp_path / "a.shout").write_text("First line.\nIt rained.Then it stopped.\n")
    [result] = linter.lint_paths([str(tmp_path)])
    assert result.path.endswith("a.shout")
    assert [(f.line, f.column) for f in result.findings] == [(2, 4)]


def test_a_plugin_format_may_not_claim_a_built_in_extension():
    class Clash:
        @hookimpl
        def newslint_formats(self):
            return [InputFormat("mine", (".MD",), _parse_shout)]

    with pytest.raises(PluginError, match=r"claims \.md"):
        Linter(entry_points=False, plugins=[Clash()])


def test_the_engine_alone_makes_nl000_and_nl001():
    # The runner, the Linter and the CLI never filter or test these codes themselves.
    for name in ("runner.py", "linter.py", "cli.py", "stats.py", "testing.py"):
        source = (REPO / "newslint" / name).read_text()
        assert "NL000" not in source and "NL001" not in source, name


def test_the_module_docstring_example_runs():
    import newslint.linter as module

    assert doctest.testmod(module).failed == 0


def test_the_readme_python_example_runs():
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Using newslint from Python", 1)[1].split("\n## ", 1)[0]
    test = doctest.DocTestParser().get_doctest(section, {}, "README", "README.md", 0)
    assert test.examples, "the README's Python section has no example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0


def test_linter_is_exported():
    assert newslint.Linter is Linter


def _empty_config(folder: Path) -> Path:
    config = folder / "empty.yaml"
    config.write_text("{}\n")
    return config
