"""House style without Python: Vale-compatible YAML rule files and vocabularies.

- ``regex``: Vale's regex dialect (RE2 with look-around) translated to Python's ``re``;
- ``load``: rule files (``*.yml``) validated key by key, and ``.vale.ini``;
- ``checks``: one class per extension point (existence, substitution, occurrence,
  repetition, consistency, conditional, capitalization, metric);
- ``scopes``: which stretches of a document a rule reads;
- ``vocab``: ``accept.txt`` and ``reject.txt``, and ``drop_accepted`` for every rule;
- ``batch``: a whole style in few scans (literal prefilter, one Aho-Corasick pass);
- ``rules``: style rules as newslint ``Rule`` values; ``house``: which styles apply where.
"""

from newslint.styles.errors import RegexError, StyleError

__all__ = ["RegexError", "StyleError", "looks_like_style_token"]


def looks_like_style_token(token: str) -> bool:
    """Return whether a ``--select`` token may name style rules (``House.PerCent``, ``House``)."""
    return "." in token or (token[:1].isupper() and any(ch.islower() for ch in token))
