"""The web page's time from upload to rendered result, in Debian's Chromium driven by
Playwright, against a server started as `statement-lint serve` starts it:

    python benchmarks/web.py [--repeat N]

for the seed statement (examples/pc-del-80-21-rev1.txt) and a 20-page PDF statement. Prints
the median and the spread of N uploads each (the page reloaded between them).
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the tests' PDF writer

from documents import write_text_pdf  # noqa: E402


def serve() -> tuple[str, object]:
    import uvicorn

    from statement_lint.cli.serve import hosts_for
    from statement_lint.web.app import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(hosts_for("127.0.0.1", port)), port=port, log_level="error")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def long_pdf(folder: Path, pages: int = 20) -> Path:
    """The seed statement with its body repeated until the PDF has `pages` pages."""
    lines = (ROOT / "examples" / "pc-del-80-21-rev1.txt").read_text(encoding="utf-8").split("\n")
    body = lines[8:60]
    text = "\n".join(lines[:8] + body * (pages * 58 // len(body)) + lines[60:])
    return write_text_pdf(text, folder / "twenty-pages.pdf")


def timed(page, url: str, path: Path) -> float:
    page.goto(url)
    page.wait_for_selector("#files")
    start = time.perf_counter()
    page.set_input_files("#files", str(path))
    page.wait_for_selector("article.result .verdict")
    return time.perf_counter() - start


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    url, server = serve()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        pdf = long_pdf(Path(folder))
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(pdf)))
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        files = {
            "seed statement (2.1 KB text)": ROOT / "examples" / "pc-del-80-21-rev1.txt",
            f"{pages}-page PDF ({pdf.stat().st_size // 1024} KB)": pdf,
        }
        for name, path in files.items():
            timed(page, url, path)  # warm: the first upload imports the linter
            times = [timed(page, url, path) for _ in range(options.repeat)]
            median, low, high = (1000 * f(times) for f in (statistics.median, min, max))
            print(f"{name}: upload to rendered {median:.0f} ms median "
                  f"({low:.0f}-{high:.0f} ms, {options.repeat} runs)")  # fmt: skip
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
