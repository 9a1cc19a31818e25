"""Shared fixtures: the strictly built book, served on 127.0.0.1, and Debian's chromium; how a
check that cannot run says so (``require``); kernels over IPC for nbval as for the build."""

import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import NamedTuple

import nbval.kernel
import pytest
from playwright.sync_api import Error as PlaywrightError

from edition.paths import CHARTS_MODE, seeds_dir
from edition.site.kernels import IPCKernelManager

# nbval starts each notebook's kernel with jupyter_client's KernelManager (over TCP: two workers
# can race for a port); it gets the manager the build uses instead.
nbval.kernel.KernelManager = IPCKernelManager
# nbval's kernels store charts as the book does (static HTML), not as live widgets.
os.environ[CHARTS_MODE] = "static"

IN_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


def require(condition: bool, reason: str) -> None:
    """Skip, saying why, when a check cannot run here; under CI (``CI=true``) fail instead, so a
    missing browser, tool or source text can never leave the run green."""
    if not condition:
        if IN_CI:
            pytest.fail(f"{reason} — CI=true: a check that cannot run fails the run", pytrace=False)
        pytest.skip(reason)


ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHROMIUM = Path(os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium"))
# The README's build command: jupyter-book with warnings as errors, notebooks run two at a time
# into its cache first, and nothing run at all when nothing changed (edition/build.py).
STRICT_BUILD = [sys.executable, "-m", "edition", "build", "--strict"]


# A chart counts as drawn when its SVG holds data marks (not just axes): its data loaded.
DATA_MARKS = "g.role-mark > path, g.role-mark > line, g.role-mark > text"
CHARTS_DRAWN = f"() => [...document.querySelectorAll('.edition-chart')].every(c => c.querySelector('{DATA_MARKS}'))"


def draw_every_chart(page, timeout: int = 15000) -> int:
    """Bring each chart of an open page into view, as a reader scrolling down would (charts are
    drawn only as they near the viewport), wait until all are drawn; returns how many there are."""
    charts = page.locator(".edition-chart")
    count = charts.count()
    for index in range(count):
        charts.nth(index).scroll_into_view_if_needed()
    if count:
        page.wait_for_function(CHARTS_DRAWN, timeout=timeout)
    return count


PHONE = {"width": 390, "height": 844}


def open_page(browser, url: str, scheme: str = "light", viewport: dict | None = None):
    """Open a page in a fresh context and read it to its end (every chart drawn); returns the
    context, the page and the responses received."""
    context = browser.new_context(
        color_scheme=scheme, viewport=viewport or {"width": 1280, "height": 900}
    )
    page = context.new_page()
    received = weigh(page)
    page.goto(url, wait_until="networkidle")
    if draw_every_chart(page):
        page.wait_for_load_state("networkidle")
    return context, page, received


# What a host compresses before sending (text); fonts and images are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class Received(NamedTuple):
    url: str
    status: int
    bytes: int  # as a host sends it: gzip (level 6, the usual default) for text, as-is for the rest


def weigh(page) -> list[Received]:
    """Record every response the page receives from now on, weighed when it finishes (a body
    cannot be read once its document has navigated away). python's http.server, which serves
    the tests, does not compress, so the gzip a host applies is applied here."""
    received = []

    def finished(request):
        response = request.response()
        if response is None:
            return
        compressible = response.headers.get("content-type", "").startswith(COMPRESSED_TYPES)
        try:
            body = response.body() if response.status == 200 else b""
            size = len(gzip.compress(body, 6, mtime=0)) if compressible else len(body)
        except PlaywrightError:
            # the page navigated on before the body could be read (Chromium drops it): weigh it
            # as sent, uncompressed — an overestimate, never a response left out
            size = int(response.headers.get("content-length", 0))
        received.append(Received(request.url, response.status, size))

    page.on("requestfinished", finished)
    return received


def bytes_received(received: list[Received]) -> int:
    """Bytes a reader's browser received, as a host serves them (gzipped)."""
    return sum(item.bytes for item in received if item.status == 200)


def run_strict_build(root: Path) -> subprocess.CompletedProcess:
    """The real jupyter-book, warnings as errors, through the book's build command; returns the
    finished process. Safe from two test workers at once: the command takes a lock."""
    # A copy elsewhere reads the same source texts (they are found beside the checkout by default).
    env = {**os.environ, "EDITION_SEEDS": str(seeds_dir())}
    return subprocess.run(
        STRICT_BUILD, check=False, cwd=root, capture_output=True, text=True, env=env
    )


@pytest.fixture(scope="session")
def built_site() -> Path:
    """Build the book strictly (cached notebooks are not re-run) and return the HTML folder."""
    result = run_strict_build(ROOT)
    assert result.returncode == 0, (
        f"strict build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    warnings = [
        line for line in (result.stdout + result.stderr).splitlines() if "WARNING" in line
    ]  # kernels' included
    assert not warnings, "the build printed warnings:\n" + "\n".join(warnings)
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built book served by python's http.server on 127.0.0.1 (a free port)."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (never a downloaded browser)."""
    require(
        CHROMIUM.exists(),
        f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium); it is absent",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of data/ to break in one test."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def pytest_report_header() -> str:
    return f"edition tests: python {sys.version.split()[0]}; chromium {'found' if CHROMIUM.exists() else 'ABSENT (browser tests skip)'}"
