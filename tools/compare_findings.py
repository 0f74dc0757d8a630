"""Check that a speed change left the findings exactly as they were.

    python tools/compare_findings.py save BEFORE.json [PATHS...]
    python tools/compare_findings.py check BEFORE.json [PATHS...]

``save`` lints PATHS (default: the corpus and the seeds in ../shared) with every default
rule, serially, without the result cache and with ``--date 2005-01-01``, and writes the
JSON findings to BEFORE.json. ``check`` lints the same way and compares: it prints every
finding that is only on one side and exits 1 if there is any, 0 if the findings are
identical. Run ``save`` before a change and ``check`` after it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
DEFAULT_PATHS = [str(SHARED / "corpus" / "bbc"), str(SHARED / "seeds")]


def _check_checkout() -> None:
    """Stop unless ``python -m newslint`` run here lints with this checkout's rules.

    An editable install maps ``newslint.rules`` to the checkout it was installed from, so
    from another worktree its rules would be that checkout's, not this one's, and a
    comparison of two worktrees would find them identical whatever changed.
    """
    probe = "import newslint, newslint.rules; print(newslint.__file__); print(newslint.rules.__file__)"
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    for line in found.stdout.split():
        if not Path(line).resolve().is_relative_to(REPO.resolve()):
            sys.exit(f"newslint run from {REPO} imports {line}, not this checkout's code: lint from that checkout")


def findings(paths: list[str]) -> list[dict[str, object]]:
    """Return newslint's JSON findings for ``paths``, linted serially with no cache."""
    _check_checkout()
    command = [
        sys.executable,
        "-m",
        "newslint",
        "--format",
        "json",
        "--date",
        "2005-01-01",
        "--no-cache",
        "--jobs",
        "1",
        *paths,
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if result.returncode not in (0, 1):
        sys.exit(f"newslint failed ({result.returncode}): {result.stderr[-2000:]}")
    found: list[dict[str, object]] = json.loads(result.stdout)
    for finding in found:  # the same file gives the same key from any checkout or worktree
        finding["path"] = str(Path(str(finding["path"])).resolve())
    return found


def _key(finding: dict[str, object]) -> str:
    return json.dumps(finding, sort_keys=True, ensure_ascii=False)


def compare(before: list[dict[str, object]], after: list[dict[str, object]]) -> list[str]:
    """Return one line per finding present on only one side ('-' before only, '+' after only)."""
    old, new = Counter(map(_key, before)), Counter(map(_key, after))
    lines = [f"- {key}" for key in sorted((old - new).elements())]
    lines += [f"+ {key}" for key in sorted((new - old).elements())]
    if not lines and [_key(f) for f in before] != [_key(f) for f in after]:
        lines.append("! the same findings in a different order")
    return lines


def main(argv: list[str]) -> int:
    """Save or check a baseline of findings; see the module docstring."""
    if len(argv) < 2 or argv[0] not in ("save", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    action, baseline, paths = argv[0], Path(argv[1]), argv[2:] or DEFAULT_PATHS
    current = findings(paths)
    if action == "save":
        baseline.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"saved {len(current)} findings to {baseline}")
        return 0
    before = json.loads(baseline.read_text(encoding="utf-8"))
    differences = compare(before, current)
    for line in differences:
        print(line)
    print(
        f"{len(before)} findings before, {len(current)} after: "
        + ("identical" if not differences else f"{len(differences)} differences")
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
