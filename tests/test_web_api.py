"""The page's server without a browser: its API gives what the command line gives, and it
keeps to itself (host, origin, size, headers, no path to other files)."""

import io
import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from documents import docx_parts, statement_from_top_layout, write_docx
from statement_lint.cli import main
from statement_lint.cli.serve import hosts_for
from statement_lint.config.settings import Settings
from statement_lint.readers import Limits
from statement_lint.web.app import create_app

EXAMPLES = Path(__file__).parent.parent / "examples"
SEED = Path(__file__).parent / "fixtures" / "statements" / "pc-del-80-21-rev1.txt"
HOST = "127.0.0.1:8765"


@pytest.fixture
def client():
    return TestClient(create_app(hosts_for("127.0.0.1", 8765)), base_url=f"http://{HOST}")


def cli_json(path: Path, capsys) -> dict:
    main(["--isolated", "--no-cache", "--output-format", "json", "-q", str(path)],
         stdin=io.StringIO())  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    for diagnostic in report["diagnostics"]:
        diagnostic["path"] = path.name
    return report


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.[tm][xd]*")))
def test_api_lint_gives_the_command_lines_json(client, capsys, example):
    path = EXAMPLES / example
    answer = client.post(f"/api/lint?name={example}", content=path.read_bytes())
    assert answer.status_code == 200
    assert answer.json() == cli_json(path, capsys)


def test_api_check_gives_the_text_and_diagnostics(client):
    answer = client.post("/api/check?name=seed.txt", content=SEED.read_bytes()).json()
    assert answer["name"] == "seed.txt"
    assert answer["text"] == SEED.read_text(encoding="utf-8")
    assert [(d["code"], d["line"]) for d in answer["diagnostics"]] == [("ALN002", 65)]


def test_word_downloads(client, tmp_path):
    statement = statement_from_top_layout("layouts/top.txt").replace_text(
        "ENGLISH only", "English only"
    )
    data = write_docx(docx_parts(statement), tmp_path / "draft.docx").read_bytes()
    fixed = client.post("/api/fix?name=draft.docx", content=data)
    assert fixed.status_code == 200
    assert fixed.headers["content-disposition"] == 'attachment; filename="draft.fixed.docx"'
    (tmp_path / "fixed.docx").write_bytes(fixed.content)
    checked = client.post("/api/check?name=fixed.docx", content=fixed.content).json()
    assert checked["diagnostics"] == []
    reviewed = client.post("/api/review?name=draft.docx", content=data)
    assert reviewed.status_code == 200 and b"word/comments.xml" in reviewed.content
    refused = client.post("/api/fix?name=draft.txt", content=b"text")
    assert refused.status_code == 415


def test_align_and_countries(client):
    countries = client.get("/api/countries?date=2024-05-09").json()["countries"]
    assert {"id": "GE", "name": "Georgia", "slot": "candidate"} in countries
    assert all(c["id"] != "HR" for c in countries)  # an EU member since 2013
    answer = client.post("/api/align", json={"date": "2024-05-09", "countries": ["GE", "AL"]})
    assert answer.json()["paragraph"] == (
        "The Candidate Countries ALBANIA* and GEORGIA align themselves with this statement."
    )
    wrong = client.post("/api/align", json={"date": "2024-05-09", "countries": ["HR"]})
    assert wrong.status_code == 422
    assert wrong.json()["error"] == "Croatia is a member of the EU on 9 May 2024: it does not align"


def test_only_its_own_host_and_origin(client):
    assert client.get("/", headers={"host": "attacker.example:8765"}).status_code == 421
    other = client.post(
        "/api/check?name=a.txt", content=b"x", headers={"origin": "http://attacker.example"}
    )
    assert other.status_code == 403
    same = client.post("/api/check?name=a.txt", content=b"x", headers={"origin": f"http://{HOST}"})
    assert same.status_code == 200


def test_size_limit_and_kinds(tmp_path):
    settings = Settings().with_values("test", limits=Limits(text_mb=0.01, document_mb=0.01))
    small = TestClient(create_app({HOST}, settings), base_url=f"http://{HOST}")
    assert small.post("/api/check?name=a.txt", content=b"x" * 20_000).status_code == 413
    assert small.post("/api/check?name=a.exe", content=b"x").status_code == 415


def test_headers_and_no_path_to_other_files(client):
    page = client.get("/")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    for path in ("/static/app.py", "/static/..%2fapp.py", "/static/%2e%2e/guard.py", "/etc/passwd"):
        assert client.get(path).status_code == 404, path
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("host", ["127.0.0.1", "0.0.0.0"])
def test_serve_starts_says_where_and_warns_off_loopback(host):
    import subprocess
    import sys
    import urllib.request

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "statement_lint", "serve", "--host", host, "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        line = server.stdout.readline()
        shown = "127.0.0.1" if host == "127.0.0.1" else host
        assert line == f"statement-lint: serving on http://{shown}:{port}/ (Ctrl+C stops)\n"
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    assert answer.status == 200
                    break
            except OSError:
                import time

                time.sleep(0.1)
        else:
            raise AssertionError("the page did not answer")
    finally:
        server.terminate()
        _, err = server.communicate(timeout=10)
    warned = "warning: listening on 0.0.0.0, not only on this computer" in err
    assert warned == (host == "0.0.0.0")
