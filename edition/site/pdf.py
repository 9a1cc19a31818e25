"""The print edition: the built book as one PDF, printed by Debian's Chromium.

``python -m edition pdf`` (after ``python -m edition build``) joins every page of the table of
contents, in its order, into one print page beside the chapters (``book/print.html``: the same
stylesheets, scripts and relative links as the chapters), opens it in Chromium on 127.0.0.1,
draws every chart (SVG, so the PDF keeps them as vector graphics), and prints it with the print
stylesheet, a table of contents and page numbers, to ``_build/html/edition.pdf``, where the
introduction links to it. Nothing is fetched from anywhere else.
"""

import functools
import http.server
import os
import threading
from pathlib import Path

from bs4 import BeautifulSoup

from .build import toc_documents

PRINT_PAGE = "book/print.html"
PDF_NAME = "edition.pdf"
# Debian's Chromium; `playwright install` is never used.
CHROMIUM = Path(os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium"))
# The whole page drawn: every chart, brought into view in turn (charts draw as they near the view).
DRAW_ALL = """async () => {
  const charts = [...document.querySelectorAll('.edition-chart')];
  for (const chart of charts) { chart.scrollIntoView(); await new Promise(r => setTimeout(r, 60)); }
  return charts.length;
}"""
# drawn means drawn with data: an empty frame would print as a blank chart
CHARTS_DRAWN = """() => [...document.querySelectorAll('.edition-chart')].every(chart =>
  chart.querySelector('g.role-mark > path, g.role-mark > line, g.role-mark > text'))"""
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#555;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class PrintError(RuntimeError):
    """The print edition could not be made (no built book, no Chromium, a chart not drawn)."""


def print_page(site: Path, root: Path) -> str:
    """One HTML page holding every document of the table of contents, in order, after a title
    and a table of contents; built from the written pages, so it is exactly what readers read."""
    documents = toc_documents(root)
    pages = []
    for name in documents:
        path = site / f"{name}.html"
        if not path.is_file():
            raise PrintError(f"{path} is missing: build the book first (python -m edition build)")
        pages.append(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
    shell = pages[0]
    article = shell.select_one("article.bd-article")
    title = shell.title.get_text().split("—")[0].strip() if shell.title else "The edition"
    contents, chapters = [], []
    for number, (name, page) in enumerate(zip(documents, pages), start=1):
        body = page.select_one("article.bd-article")
        heading = body.find("h1")
        label = heading.get_text(" ", strip=True).rstrip("#¶ ") if heading else name
        contents.append(f'<li><a href="#print-{number}">{label}</a></li>')
        chapters.append(
            f'<section class="print-chapter" id="print-{number}">{body.decode_contents()}</section>'
        )
    article.clear()
    article.append(
        BeautifulSoup(
            f'<section class="print-title"><h1>{title}</h1>'
            "<p>Print edition of the digital edition: every chapter, its excerpts and notes, its "
            "charts, citations and the bibliography, in the order of the table of contents.</p>"
            f'<nav class="print-contents" aria-label="Contents"><h2>Contents</h2><ol>{"".join(contents)}</ol></nav>'
            f"</section>{''.join(chapters)}",
            "html.parser",
        )
    )
    return str(shell)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def make_pdf(root: Path) -> Path:
    """Write the print page, print it to ``_build/html/edition.pdf`` and return that path."""
    from playwright.sync_api import sync_playwright

    root = root.resolve()
    site = root / "_build" / "html"
    if not CHROMIUM.exists():
        raise PrintError(f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)")
    (site / PRINT_PAGE).write_text(print_page(site, root), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    target = site / PDF_NAME
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.goto(
                f"http://127.0.0.1:{server.server_port}/{PRINT_PAGE}", wait_until="networkidle"
            )
            charts = page.evaluate(DRAW_ALL)
            if charts:
                page.wait_for_function(CHARTS_DRAWN, timeout=60000)
            page.emulate_media(media="print")
            page.pdf(
                path=str(target),
                format="A4",
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                print_background=False,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                outline=True,
                tagged=True,
            )
            browser.close()
    finally:
        server.shutdown()
        # the print page is a tool of this command, not a page of the book
        (site / PRINT_PAGE).unlink(missing_ok=True)
    return target
