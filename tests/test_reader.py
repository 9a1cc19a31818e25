"""The reader's experience of the built book, in Debian's chromium: dark mode, a phone's width,
the weight of each page, charts loaded only when needed, offline search, the chart data tables
and Lighthouse's scores (axe-core's checks are in test_accessibility.py). Wall-clock timings are
not asserted here: they belong to benchmarks/run.py."""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import PHONE, ROOT, bytes_received, draw_every_chart, open_page, require
from test_site import CHAPTERS, site_pages

pytestmark = pytest.mark.browser

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGE_BUDGET = (
    500_000  # bytes as a host serves them (gzipped), of a page read to its end (every chart drawn)
)


def test_every_page_read_to_its_end_is_within_the_budget(built_site, site_url, browser):
    weights = {}
    for path in site_pages(built_site):
        context, _, received = open_page(browser, f"{site_url}/{path}")
        weights[path] = bytes_received(received)
        context.close()
    heavy = {path: size for path, size in weights.items() if size > PAGE_BUDGET}
    assert not heavy, f"pages over {PAGE_BUDGET} bytes, read to the end: {heavy}"
    assert min(weights.values()) > 20_000, "the byte count saw no assets: the measure is broken"


def test_charts_and_their_library_load_only_as_a_reader_nears_them(built_site, site_url, browser):
    """On a phone, a chapter whose charts lie below the first screens is read without the chart
    library; scrolling to a chart fetches the library and the chart's file, and draws it."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/book/trials.html", wait_until="networkidle")
    page.wait_for_function(
        "() => typeof Documentation === 'object'", timeout=10000
    )  # the page's scripts run once it is drawn
    page.wait_for_timeout(500)  # time for edition.js's first look at what is in view
    first_chart = page.evaluate(
        "() => document.querySelector('.edition-chart').getBoundingClientRect().top - window.innerHeight"
    )
    assert first_chart > 600, (
        "the first chart must lie well below the first screen for this test to mean anything"
    )
    assert not [url for url in requested if "vega" in url or "/charts/" in url], requested
    assert draw_every_chart(page) == 2
    assert any("vega.min.js" in url for url in requested) and any(
        "/_static/charts/" in url for url in requested
    )
    context.close()


def test_every_page_fits_a_phone(built_site, site_url, browser):
    problems = {}
    for path in site_pages(built_site):
        context, page, _ = open_page(browser, f"{site_url}/{path}", viewport=PHONE)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        wide_charts = page.evaluate(
            "() => [...document.querySelectorAll('.vega-embed svg')].filter(s => s.getBoundingClientRect().width > window.innerWidth).length"
        )
        if overflow > 0 or wide_charts:
            problems[path] = {"overflow_px": overflow, "charts_wider_than_the_screen": wide_charts}
        context.close()
    assert not problems, f"at {PHONE['width']} px: {problems}"


def _axis_label_luminance(page) -> float:
    """Relative luminance (0 dark - 1 light) of the first chart's first axis label as drawn."""
    return page.evaluate("""() => {
        const label = document.querySelector('.vega-embed .role-axis-label text');
        const [r, g, b] = getComputedStyle(label).fill.match(/[0-9.]+/g).slice(0, 3).map(Number).map(v => v / 255)
            .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }""")


def test_charts_follow_dark_mode(built_site, site_url, browser):
    luminance = {}
    for scheme in ("light", "dark"):
        context, page, _ = open_page(browser, f"{site_url}/book/counting.html", scheme)
        assert page.evaluate("() => document.documentElement.dataset.theme") == scheme
        luminance[scheme] = _axis_label_luminance(page)
        context.close()
    assert luminance["light"] < 0.2 and luminance["dark"] > 0.5, luminance


def test_dark_mode_is_settled_before_any_script_file_runs(built_site, site_url, browser):
    """The theme's scripts run once the page is drawn; a reader in dark mode must not see the
    light theme first. With every script file refused, the page is already dark."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.route("**/*.js*", lambda route: route.abort())
    page.goto(f"{site_url}/book/testament.html", wait_until="load")
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert sum(map(int, re.findall(r"\d+", background)[:3])) < 150, background
    context.close()


def test_search_works_offline(built_site, site_url, browser):
    context, page, received = open_page(browser, f"{site_url}/search.html?q=Kirov")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    results = page.locator("#search-results ul.search li")
    assert results.count() >= 2
    assert any(
        "kirov" in (results.nth(i).locator("a").first.get_attribute("href") or "")
        for i in range(results.count())
    )
    assert all(response.url.startswith(site_url) for response in received)
    context.close()


def test_each_chart_offers_its_data_as_a_table(built_site, site_url, browser):
    context, page, _ = open_page(browser, f"{site_url}/book/trials.html")
    charts = page.locator(".edition-chart").count()
    disclosures = page.locator("details.chart-data")
    assert charts >= 2 and disclosures.count() == charts
    assert page.locator("details.chart-data table").count() == 0, (
        "tables are built only when opened"
    )
    for index in range(charts):
        disclosures.nth(index).locator("summary").click()
    page.wait_for_function(
        f"() => document.querySelectorAll('details.chart-data table').length >= {charts}",
        timeout=10000,
    )
    rows = page.locator("details.chart-data table tbody tr").count()
    assert rows >= 60  # the trials chart alone has a row per defendant
    assert page.locator("details.chart-data table th[scope=col]").count() > 0
    context.close()


def test_lighthouse_on_the_heaviest_chapter(built_site, site_url, tmp_path):
    """Lighthouse's mobile preset, for the categories it scores by rules (accessibility, best
    practices). Its performance score depends on the CPU time the page takes on this machine, so
    it is measured by the benchmark (benchmarks/REPORT.md), not asserted here."""
    require(
        LIGHTHOUSE.exists(),
        f"lighthouse is not installed at {LIGHTHOUSE} (run `npm ci` at the root)",
    )
    heaviest = max(
        (f"book/{chapter}.html" for chapter in CHAPTERS),
        key=lambda path: (built_site / path).stat().st_size,
    )
    report = tmp_path / "lighthouse.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            f"{site_url}/{heaviest}",
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=accessibility,best-practices",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            "--disable-full-page-screenshot",
        ],
        check=True,
        env={
            **os.environ,
            "CHROME_PATH": str(Path(os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium"))),
        },
        capture_output=True,
        timeout=240,
    )
    categories = json.loads(report.read_text())["categories"]
    failing = {key: value["score"] for key, value in categories.items()}
    assert (
        categories["accessibility"]["score"] == 1.0
        and categories["best-practices"]["score"] >= 0.95
    ), (heaviest, failing)
