"""The page's server: one page, its own assets, and a small JSON API. Uploads are request
bodies read into memory under the CLI's limits, never written to disk nor logged; each file
is one request (`?name=` gives its name, whose suffix says what it is)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from statement_lint.api import check_bytes, fix_word_file, review_word_file
from statement_lint.config.settings import Settings
from statement_lint.report import RunSummary
from statement_lint.version import __version__
from statement_lint.web.guard import BodyTooLarge, Guard

HERE = Path(__file__).parent
ASSETS = {
    "app.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}
KINDS = (".txt", ".md", ".pdf", ".docx")
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SECONDS = 120  # a 500-page PDF within its own 20 s limit, with room


def create_app(hosts: set[str], settings: Settings | None = None) -> Guard:
    """The page's ASGI app, answering only to `hosts` (`127.0.0.1:8765`, ...)."""
    settings = settings or Settings()
    app = Starlette(routes=[
        Route("/", index),
        Route("/static/{name}", asset),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/fix", fixed, methods=["POST"]),
        Route("/api/review", reviewed, methods=["POST"]),
        Route("/api/countries", countries),
        Route("/api/align", align, methods=["POST"]),
        Route("/api/rules", rules),
    ])  # fmt: skip
    app.state.settings = settings
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape()
    )
    app.state.page = templates.get_template("page.html")
    limit = max(settings.limits.document_bytes, settings.limits.text_bytes)
    return Guard(app, hosts, limit, SECONDS)


async def index(request: Request) -> Response:
    state = request.app.state
    return HTMLResponse(state.page.render(**_facts(state.settings)))


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS:  # a fixed list: no path reaches the server's other files
        return JSONResponse({"error": "no such file"}, status_code=404)
    return Response((HERE / "static" / name).read_bytes(), media_type=ASSETS[name])


async def check(request: Request) -> Response:
    name, data = await _upload(request)
    if data is None:
        return name
    checked = await run_in_threadpool(check_bytes, data, name, request.app.state.settings)
    found = [d.to_dict() for d in checked.diagnostics]
    return JSONResponse({"name": name, "text": checked.text, "diagnostics": found})


async def lint(request: Request) -> Response:
    """The same JSON as `--output-format json`, for one file."""
    name, data = await _upload(request)
    if data is None:
        return name
    checked = await run_in_threadpool(check_bytes, data, name, request.app.state.settings)
    summary = RunSummary.of(checked.diagnostics, files=1)
    return JSONResponse({
        "schema_version": 1,
        "tool": {"name": "statement-lint", "version": __version__},
        "diagnostics": [d.to_dict() for d in checked.diagnostics],
        "summary": {"files": 1, "errors": summary.errors, "warnings": summary.warnings},
    })  # fmt: skip


async def fixed(request: Request) -> Response:
    return await _word(request, fix_word_file, "fixed")


async def reviewed(request: Request) -> Response:
    return await _word(request, review_word_file, "reviewed")


async def _word(request: Request, make, ending: str) -> Response:
    """A Word file made from the upload: fixed, or with review comments."""
    name, data = await _upload(request, (".docx",))
    if data is None:
        return name
    try:
        made = await run_in_threadpool(make, data, request.app.state.settings)
    except Exception as error:  # the file cannot take it: say why, keep serving
        return JSONResponse({"error": f"{name}: {error}"}, status_code=422)
    body = made[0] if isinstance(made, tuple) else made
    stem = os.path.splitext(os.path.basename(name))[0]
    disposition = f'attachment; filename="{_safe(stem)}.{ending}.docx"'
    return Response(body, media_type=WORD, headers={"content-disposition": disposition})


async def countries(request: Request) -> Response:
    from statement_lint.web.alignment import countries_on

    date = request.query_params.get("date", "")
    return JSONResponse(countries_on(date, request.app.state.settings))


async def align(request: Request) -> Response:
    from statement_lint.web.alignment import written

    try:
        asked = json.loads(await request.body())
    except (ValueError, BodyTooLarge):
        return JSONResponse({"error": "send {date, countries} as JSON"}, status_code=400)
    answer, status = written(asked, request.app.state.settings)
    return JSONResponse(answer, status_code=status)


async def rules(request: Request) -> Response:
    from statement_lint.rules import all_rules

    return JSONResponse({
        rule.code: {"name": rule.name, "summary": rule.summary, "doc": rule.doc}
        for rule in all_rules()
    })  # fmt: skip


async def _upload(request: Request, kinds: tuple[str, ...] = KINDS):
    """The upload's name and bytes; or an error response and None."""
    name = os.path.basename(request.query_params.get("name", "")) or "pasted.txt"
    if not name.lower().endswith(kinds):
        allowed = ", ".join(kinds)
        return JSONResponse({"error": f"{name}: give a {allowed} file"}, status_code=415), None
    try:
        return name, await request.body()
    except BodyTooLarge:
        return JSONResponse({"error": f"{name}: over the size limit"}, status_code=413), None


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name) or "statement"


def _facts(settings: Settings) -> dict:
    """What the footer says: the version, the profile and the registry's dates."""
    from statement_lint.reference import load_profile, load_registry

    registry = load_registry(settings.registry)
    return {
        "version": __version__,
        "profile": load_profile(settings.profile).name,
        "registry_from": registry.coverage.valid_from.isoformat(),
        "registry_checked": registry.coverage.checked.isoformat(),
        "today": dt.date.today().isoformat(),
    }
