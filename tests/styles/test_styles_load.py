"""Rule files are validated key by key; mistakes name the file, the line and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from style_helpers import write_style

from newslint.styles.errors import StyleError
from newslint.styles.load import glob_matches, load_style, load_vale_ini


@pytest.mark.parametrize(
    "body, where",
    [
        # An untranslatable regex, named with its file, line, key and item.
        (
            "extends: existence\nmessage: x\ntokens:\n  - fine\n  - '(?U)a+'\n",
            "Bad.yml:5: tokens: regex item 2 cannot be used: the (?U) flag",
        ),
        (
            "extends: substitution\nmessage: x\nswap:\n  ok: fine\n  'a*+': b\n",
            "Bad.yml:5: swap: regex 'a*+' cannot be used: possessive",
        ),
        (
            "extends: conditional\nmessage: x\nfirst: '[A-Z]+'\nsecond: '(?<=a+)b'\n",
            "Bad.yml:4: second: regex cannot be used: a look-behind of variable width",
        ),
        (
            "extends: existence\nmessage: x\ntokenz: [a]\n",
            "Bad.yml:3: tokenz: unknown key for an existence rule (did you mean 'tokens'?)",
        ),
        (
            "extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n",
            "Bad.yml:3: level: must be one of suggestion, warning, error",
        ),
        (
            "extends: existence\nmessage: x\nignorecase: maybe\ntokens: [a]\n",
            "Bad.yml:3: ignorecase: must be true or false",
        ),
        ("extends: existence\nmessage: x\nscope: code\ntokens: [a]\n", "Bad.yml:3: scope: unknown scope 'code'"),
        ("extends: existence\ntokens: [a]\n", "Bad.yml:1: missing the required 'message' key"),
        ("message: x\n", "Bad.yml:1: missing the required 'extends' key"),
        ("extends: spelling\nmessage: x\n", "Bad.yml:1: extends: spelling rules are not supported"),
        ("extends: sequence\nmessage: x\n", "Bad.yml:1: extends: sequence rules"),
        ("extends: script\nmessage: x\n", "Bad.yml:1: extends: script rules"),
        ("extends: existance\nmessage: x\n", "Bad.yml:1: extends: must be one of"),
        ("extends: occurrence\nmessage: x\ntoken: a\n", "Bad.yml:1: an occurrence rule needs 'max' or 'min'"),
        ("extends: existence\nmessage: x\ntokens: [a\n", "Bad.yml:4: invalid YAML"),
        ("- a list\n", "Bad.yml:1: a rule file must be a mapping"),
        ("extends: capitalization\nmessage: x\nmatch: $camel\n", "Bad.yml:3: match: must be $title"),
        ("extends: existence\nmessage: x\ncode: true\ntokens: [a]\n", "Bad.yml:3: code: 'code' is deprecated"),
    ],
)
def test_rule_file_mistakes_name_file_line_and_key(tmp_path: Path, body: str, where: str) -> None:
    folder = write_style(tmp_path / "Test", {"Bad": body})
    with pytest.raises(StyleError) as caught:
        load_style(folder)
    message = str(caught.value)
    assert message.startswith(str(folder / "Bad.yml")), message
    assert where in message, message


def test_yaml_1_2_booleans_keep_words_as_strings(tmp_path: Path) -> None:
    # YAML 1.1 reads "on" and "no" as booleans; Vale's parser (YAML 1.2) does not.
    folder = write_style(
        tmp_path / "Test", {"Words": "extends: substitution\nmessage: x\nswap:\n  on: upon\n  yes: no\n"}
    )
    (rule,) = load_style(folder)
    assert rule.check.terms == ["yes", "on"] and rule.check.expected == ["no", "upon"]


def test_rule_names_must_be_usable_as_codes(tmp_path: Path) -> None:
    folder = write_style(tmp_path / "Test", {"Per Cent": "extends: existence\nmessage: x\ntokens: [a]\n"})
    with pytest.raises(StyleError, match="letters, digits"):
        load_style(folder)


def test_vale_ini(tmp_path: Path) -> None:
    ini = tmp_path / ".vale.ini"
    ini.write_text(
        'StylesPath = "ci/styles"\nMinAlertLevel = warning\nVocab = News, Extra\n\n[formats]\nmdx = md\n\n'
        "[*]\nBasedOnStyles = Vale\n\n[*.{md,txt}]\nBasedOnStyles = Vale, House  # inline comment\n"
        "House.Cliches = NO\nHouse.PerCent = error\n\n[drafts/**/*.md]\nBasedOnStyles = Extra\n",
        encoding="utf-8",
    )
    config = load_vale_ini(ini)
    assert config.styles_path == tmp_path / "ci/styles"
    assert config.vocab == ("News", "Extra") and config.min_alert_level == "warning"
    assert config.for_file("news/a.md") == (("Vale", "House"), {"House.Cliches": "NO", "House.PerCent": "error"})
    assert config.for_file("notes.rst") == (("Vale",), {})
    assert config.for_file("drafts/x/a.md")[0] == ("Vale", "House", "Extra")


@pytest.mark.parametrize(
    "glob, path, expected",
    [
        ("*.md", "a/b/c.md", True),
        ("*.{md,txt}", "c.txt", True),
        ("*.{md,txt}", "c.rst", False),
        ("docs/*.md", "docs/a.md", True),
        ("docs/*.md", "docs/x/a.md", False),
        ("docs/**/*.md", "docs/x/y/a.md", True),
        ("docs/**/*.md", "docs/a.md", True),
        ("[ab]*.md", "b1.md", True),
    ],
)
def test_section_globs(glob: str, path: str, expected: bool) -> None:
    assert glob_matches(glob, path) is expected


def test_bad_vale_ini_level(tmp_path: Path) -> None:
    ini = tmp_path / ".vale.ini"
    ini.write_text("MinAlertLevel = loud\n", encoding="utf-8")
    with pytest.raises(StyleError, match=re.escape("MinAlertLevel must be one of")):
        load_vale_ini(ini)
