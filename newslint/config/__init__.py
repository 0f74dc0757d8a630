"""Configuration: ``.newslint.yaml`` or ``[tool.newslint]``, merged over the defaults.

The nearest configuration file above each linted file applies to it. Every key and
value is checked against the known keys and the rules' own options; a mistake stops
the run with ``path:line: message``, suggesting the closest valid key.

    select: [NL1, missing-space]   # codes, code prefixes or names; default: all default rules
    ignore: [double-space]
    fail-on: warning               # lowest severity that makes the exit status 1
    exclude: ["drafts/old/**"]     # globs, relative to the configuration file
    date: 2005-01-01               # article date when front matter has none
    max-file-size: 10000000        # bytes; larger files are not linted
    cache: false                   # keep no result cache for these files (embargoed copy)
    rules:
      long-sentence: {severity: info, max-words: 35}
    overrides:
      - files: ["opinion/**"]
        ignore: [long-paragraph]
"""

from newslint.config.finder import Finder
from newslint.config.loading import load, load_pyproject, load_yaml
from newslint.config.model import (
    CONFIG_NAMES,
    Config,
    Override,
    RuleSettings,
    with_cli,
)
from newslint.errors import ConfigError

__all__ = [
    "CONFIG_NAMES",
    "Config",
    "ConfigError",
    "Finder",
    "Override",
    "RuleSettings",
    "load",
    "load_pyproject",
    "load_yaml",
    "with_cli",
]
