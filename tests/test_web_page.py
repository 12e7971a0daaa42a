"""The page in a real browser: Debian's Chromium, driven by Playwright, against the server
started as `statement-lint serve` starts it. With STATEMENT_LINT_SCREENSHOT=1 the README's
picture of the page (docs/images/serve.png) is taken here."""

import io
import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from documents import docx_parts, statement_from_top_layout, write_docx
from statement_lint.cli import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "pc-del-80-21-rev1.txt"

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
    reason="Chromium is not installed (.ci/run installs it, and CI never skips this)",
)


@pytest.fixture(scope="module")
def server():
    import uvicorn

    from statement_lint.cli.serve import hosts_for
    from statement_lint.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(hosts_for("127.0.0.1", port)), host="127.0.0.1", port=port, log_level="error"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )  # fmt: skip
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.requests = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.goto(server)
    opened.wait_for_selector("#align-countries input")
    yield opened
    # Nothing but this server: no CDN, font, script or beacon from anywhere else.
    assert opened.requests and all(url.startswith(server + "/") for url in opened.requests)
    context.close()


def cli_codes(path: Path, capsys) -> list[str]:
    main(["--isolated", "--no-cache", "--output-format", "json", "-q", str(path)],
         stdin=io.StringIO())  # fmt: skip
    return [d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]]


def test_seed_statement_is_highlighted_where_the_slip_is(page):
    page.set_input_files("#files", str(SEED))
    card = page.locator("article.result")
    card.wait_for()
    assert card.locator("h3").inner_text() == SEED.name
    assert card.locator(".verdict").inner_text() == "1 slip found"
    mark = card.locator("mark")
    assert mark.count() == 1 and mark.inner_text() == "ALBANIA"
    assert "ALN002" in mark.get_attribute("title")
    message = card.locator(".messages li").first
    assert message.locator(".code").inner_text() == "ALN002"
    assert "ALBANIA is named in the footnote * (line 67)" in message.inner_text()
    assert "The footnote names a country" in message.locator("details summary").inner_text()
    if os.environ.get("STATEMENT_LINT_SCREENSHOT"):
        mark.scroll_into_view_if_needed()  # the slip in view, in its text
        card.locator("h3").scroll_into_view_if_needed()
        card.screenshot(path=str(ROOT / "docs" / "images" / "serve.png"))


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.[tm][xd]*")))
def test_each_example_shows_what_the_command_line_finds(page, capsys, example):
    page.set_input_files("#files", str(EXAMPLES / example))
    card = page.locator("article.result")
    card.wait_for()
    expected = cli_codes(EXAMPLES / example, capsys)
    shown = [code.inner_text() for code in card.locator(".messages .code").all()]
    assert shown == expected
    if not expected:
        assert card.locator(".verdict").inner_text() == "No slips found: this statement is clean."


def test_word_file_is_downloaded_fixed(page, tmp_path, capsys):
    statement = statement_from_top_layout("layouts/top.txt")
    slipped = statement.replace_text("ENGLISH only", "English only").replace_text(
        "ALBANIA*,", "ALBANIA,"
    )
    draft = write_docx(docx_parts(slipped), tmp_path / "draft.docx")
    page.set_input_files("#files", str(draft))
    card = page.locator("article.result")
    card.wait_for()
    assert [c.inner_text() for c in card.locator(".messages .code").all()] == ["LNG002", "ALN002"]
    # Slips in the page header are shown in the text too, which starts with the header.
    assert card.locator("mark").first.inner_text() == "English only"
    with page.expect_download() as waiting:
        card.get_by_role("button", name="Download with fixes as tracked changes").click()
    fixed = tmp_path / "draft.fixed.docx"
    waiting.value.save_as(fixed)
    assert waiting.value.suggested_filename == "draft.fixed.docx"
    assert cli_codes(fixed, capsys) == []
    with page.expect_download() as waiting:
        card.get_by_role("button", name="Download with review comments").click()
    assert waiting.value.suggested_filename == "draft.reviewed.docx"


def test_pasted_text_and_a_clean_statement(page):
    page.fill("#pasted", (EXAMPLES / "pc-del-1544-23.txt").read_text(encoding="utf-8"))
    page.click("#check-pasted")
    card = page.locator("article.result")
    card.wait_for()
    assert card.locator("h3").inner_text() == "pasted.txt"
    assert card.locator(".verdict").inner_text() == "No slips found: this statement is clean."


def test_alignment_paragraph_builder(page, capsys):
    page.fill("#align-date", "2024-05-09")
    page.dispatch_event("#align-date", "change")
    page.wait_for_selector("#country-GE")
    for country in ("AL", "GE", "NO", "SM"):
        page.check(f"#country-{country}")
    page.click("#align-write")
    expect(page.locator("#align-output")).not_to_have_value("")
    main(["align", "--isolated", "--date", "2024-05-09", "AL", "GE", "NO", "SM"])
    assert page.input_value("#align-output") + "\n" == capsys.readouterr().out


def test_keyboard_reaches_the_controls(page):
    reached = set()
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.id"))
    assert {"files", "pasted", "check-pasted"} <= reached


def test_slips_without_a_place_are_listed_above_the_text(page, tmp_path):
    (tmp_path / "zipped.txt").write_bytes(b"PK\x03\x04" + bytes(40))
    page.set_input_files("#files", str(tmp_path / "zipped.txt"))
    card = page.locator("article.result")
    card.wait_for()
    assert card.locator(".unplaced li").inner_text() == (
        "DOC001 the file is not text: it is a ZIP archive: if it is a Word file, give it the "
        ".docx suffix"
    )


def test_narrow_window_and_zoom_keep_everything_in_view(browser, server):
    # 200 % zoom on a 1280-pixel screen leaves a 640-pixel-wide page.
    context = browser.new_context(viewport={"width": 640, "height": 900})
    narrow = context.new_page()
    narrow.goto(server)
    narrow.set_input_files("#files", str(SEED))
    narrow.locator("article.result").wait_for()
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 640
    context.close()
