"""`statement-lint serve`: the local web page (the `web` extra)."""

from __future__ import annotations

import ipaddress
import sys

from statement_lint.cli import EXIT_CLEAN
from statement_lint.cli.usage import Parser, UsageError

DEFAULT_PORT = 8765


def serve_command(arguments: list[str]) -> int:
    parser = Parser(
        prog="statement-lint serve",
        description="Serve the statement-lint page on this computer: drop statements in a "
        "browser to check them. Nothing is stored.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="the port (8765)")
    options = parser.parse_args(arguments)
    try:
        import uvicorn

        from statement_lint.web.app import create_app
    except ImportError as missing:
        raise UsageError(
            f"the web page needs the web extra ({missing.name} is not installed): "
            "pip install 'statement-lint[web]'"
        ) from None
    if not _loopback(options.host):
        print(
            f"statement-lint: warning: listening on {options.host}, not only on this computer: "
            "anyone who can reach it can send statements to it",
            file=sys.stderr,
        )
    app = create_app(hosts_for(options.host, options.port))
    print(
        f"statement-lint: serving on http://{_shown(options.host)}:{options.port}/ (Ctrl+C stops)"
    )
    uvicorn.run(app, host=options.host, port=options.port, log_level="warning", access_log=False)
    return EXIT_CLEAN


def hosts_for(host: str, port: int) -> set[str]:
    """The Host headers the server answers to: its own address, and the loopback names."""
    names = {_shown(host), "127.0.0.1", "localhost", "[::1]"}
    return {f"{name}:{port}" for name in names}


def _shown(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
