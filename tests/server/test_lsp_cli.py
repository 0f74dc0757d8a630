"""``newslint server`` on the command line: its options, and a missing ``lsp`` extra."""

from __future__ import annotations

import subprocess
import sys


def _server(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    program = f"import sys\n{code}\nfrom newslint.cli import main\nmain(['server', *sys.argv[1:]])"
    return subprocess.run(
        [sys.executable, "-c", program, *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120
    )


def test_a_malformed_tcp_address_is_refused() -> None:
    done = _server("--tcp", "localhost")
    assert done.returncode == 2
    assert "--tcp takes HOST:PORT" in done.stderr


def test_without_pygls_the_server_says_how_to_install_it() -> None:
    # None in sys.modules makes `import pygls` fail, as it does where the extra is missing.
    done = _server(code="sys.modules['pygls'] = None\nsys.modules['lsprotocol'] = None")
    assert done.returncode == 2
    assert "pip install 'newslint[lsp]'" in done.stderr
    assert done.stdout == ""  # standard output belongs to the protocol


def test_end_of_input_before_initialize_ends_the_server() -> None:
    # An editor that starts the server and goes away: no traceback, not a clean exit.
    done = _server("--stdio")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
