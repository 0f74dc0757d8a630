"""Plugins: found through entry points with no configuration, validated loudly, documented."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import textwrap

import pytest
from conftest import REPO, install_plugin, run_newslint

from newslint import hookspecs, plugins
from newslint.rule import DOC_SECTIONS, NAME_PATTERN

# The family of each built-in module: NL0xx engine, NL1xx quotation marks and punctuation,
# NL2xx copy damage, NL3xx people and titles, NL4xx readability and structure, NL5xx language.
FAMILIES = {
    "core": 0,
    "unbalanced_quote": 1,
    "dangling_punctuation": 1,
    "unbalanced_bracket": 1,
    "punctuation_spacing": 1,
    "apostrophe_plural": 1,
    "missing_space": 2,
    "joined_words": 2,
    "quote_style": 2,
    "repeated_word": 2,
    "placeholder": 2,
    "double_space": 2,
    "repeated_phrase": 2,
    "duplicate_paragraph": 2,
    "title_mismatch": 3,
    "name_variant": 3,
    "readability": 4,
    "long_sentence": 4,
    "long_paragraph": 4,
    "tense": 5,
    "spelling_variant": 5,
    "grammar": 5,
}


def builtin_rules():
    return plugins.registry(plugins.plugin_manager(entry_points=False)).rules


# -- real installation --------------------------------------------------------------------------


def test_a_pip_installed_plugin_is_listed_without_configuration(tmp_path):
    project = tmp_path / "myplugin"
    (project / "myplugin").mkdir(parents=True)
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "myplugin"
            version = "0.1"

            [project.entry-points.newslint]
            myplugin = "myplugin"
            """
        )
    )
    (project / "myplugin" / "__init__.py").write_text(
        textwrap.dedent(
            '''
            from newslint import Violation, hookimpl, rule


            @rule("MY001", "house-word", summary="Flags the house's banned word.")
            def house_word(document, options):
                """Flags 'synergy'."""
                at = document.text.find("synergy")
                if at >= 0:
                    yield Violation(at, at + 7, "banned word 'synergy'")


            @hookimpl
            def newslint_rules():
                return [house_word]
            '''
        )
    )
    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            str(target),
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    assert list(target.glob("myplugin-0.1.dist-info/entry_points.txt"))

    listing = run_newslint("--list-rules", cwd=tmp_path, plugin=target)
    assert listing.returncode == 0, listing.stderr
    assert "MY001  house-word" in listing.stdout.decode()
    (tmp_path / "a.txt").write_text("Our synergy story.\n")
    found = run_newslint("--select", "MY001", "a.txt", cwd=tmp_path, plugin=target)
    assert found.stdout.decode() == "a.txt:1:5: MY001 [house-word] banned word 'synergy'\n"
    assert found.returncode == 1
    # without the plugin on the path, the rule is gone
    assert b"MY001" not in run_newslint("--list-rules", cwd=tmp_path).stdout


# -- loud failures --------------------------------------------------------------------------------


def test_a_misspelt_hook_fails_loudly(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "typoplugin",
        """
        from newslint import hookimpl

        @hookimpl
        def newslint_rule():
            return []
        """,
    )
    result = run_newslint("--list-rules", cwd=tmp_path, plugin=site)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert "newslint_rule" in stderr and "typoplugin" in stderr
    assert "Traceback" not in stderr and result.stdout == b""


def test_a_duplicate_code_fails_with_a_clear_message(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "dupplugin",
        """
        from newslint import Violation, hookimpl, rule

        @rule("NL001", "my-own-rule", summary="Clashes with unused-suppression's code.")
        def clash(document, options):
            return iter(())

        @hookimpl
        def newslint_rules():
            return [clash]
        """,
    )
    result = run_newslint("--list-rules", cwd=tmp_path, plugin=site)
    assert result.returncode == 2
    assert result.stderr.decode().strip() == "newslint: 'NL001' is declared by both dupplugin and newslint.rules.core"


def test_a_duplicate_name_and_a_bad_code_fail(tmp_path):
    site = install_plugin(
        tmp_path / "site",
        "nameplugin",
        """
        from newslint import hookimpl, rule

        @rule("QQ001", "unused-suppression", summary="Clashes by name.")
        def clash(document, options):
            return iter(())

        @hookimpl
        def newslint_rules():
            return [clash]
        """,
    )
    result = run_newslint("--list-rules", cwd=tmp_path, plugin=site)
    assert result.returncode == 2 and "'unused-suppression' is declared by both" in result.stderr.decode()
    site = install_plugin(
        tmp_path / "site2",
        "codeplugin",
        """
        from newslint import hookimpl, rule

        @rule("bad1", "Bad_Name", summary="Bad code.")
        def bad(document, options):
            return iter(())

        @hookimpl
        def newslint_rules():
            return [bad]
        """,
    )
    result = run_newslint("--list-rules", cwd=tmp_path, plugin=site)
    assert result.returncode == 2 and "code 'bad1' is not like NL123" in result.stderr.decode()


def test_a_plugin_that_fails_to_import(tmp_path):
    site = install_plugin(tmp_path / "site", "brokenplugin", "import no_such_module_anywhere\n")
    result = run_newslint("--list-rules", cwd=tmp_path, plugin=site)
    stderr = result.stderr.decode()
    assert result.returncode == 2
    assert "failed to load: ModuleNotFoundError" in stderr and "no_such_module_anywhere" in stderr
    assert "Traceback" not in stderr


# -- documentation --------------------------------------------------------------------------------


def test_every_hookspec_has_a_docstring():
    specs = [
        function
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, "newslint_spec")
    ]
    assert {f.__name__ for f in specs} >= {"newslint_rules", "newslint_formatters", "newslint_finish"}
    for function in specs:
        doc = inspect.getdoc(function) or ""
        assert len(doc.split()) >= 10, f"hookspec {function.__name__} needs a docstring"


@pytest.mark.parametrize("rule", builtin_rules(), ids=lambda rule: rule.name)
def test_builtin_rule_identity_and_docs(rule):
    assert NAME_PATTERN.fullmatch(rule.name), rule.name
    assert not rule.name.startswith("no-"), rule.name
    assert re.fullmatch(r"NL\d{3}", rule.code), rule.code
    module = rule.plugin.rsplit(".", 1)[-1]
    assert module in FAMILIES, f"{rule.name} lives in {rule.plugin}, a module with no family"
    assert int(rule.code[2]) == FAMILIES[module], f"{rule.code} is not in family NL{FAMILIES[module]}xx"
    assert rule.summary and "\n" not in rule.summary
    lines = [line.strip() for line in rule.doc.splitlines()]
    positions = []
    for section in DOC_SECTIONS:
        assert f"{section}:" in lines, f"{rule.name}: docstring lacks the section '{section}:'"
        positions.append(lines.index(f"{section}:"))
    assert positions == sorted(positions), f"{rule.name}: sections out of order"


def test_every_builtin_rule_is_in_the_readme_table():
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    if "| Code | Name |" not in text:
        pytest.xfail("README.md has no rule table yet")
    rows = set(re.findall(r"^\|\s*`?(NL\d{3})`?\s*\|\s*`?([a-z0-9-]+)`?\s*\|", text, re.M))
    missing = [f"{r.code} {r.name}" for r in builtin_rules() if (r.code, r.name) not in rows]
    assert not missing, f"rules missing from README.md's table: {missing}"


def test_a_broken_builtin_module_is_one_line_not_a_traceback(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from newslint.cli import main

    monkeypatch.setattr(plugins, "BUILTIN_PLUGINS", (*plugins.BUILTIN_PLUGINS, "newslint.rules.no_such_rule"))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--list-rules"])
    assert result.exit_code == 2
    assert result.stderr == (
        "newslint: built-in plugin newslint.rules.no_such_rule failed to load: "
        "ModuleNotFoundError: No module named 'newslint.rules.no_such_rule'\n"
    )
