"""The built book in a real browser: every page offline, error-free, with every chart drawn."""

import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
from conftest import DATA_MARKS, ROOT, draw_every_chart, run_strict_build

pytestmark = pytest.mark.browser


def site_pages(built_site: Path) -> list[str]:
    """Every HTML page of the book (Sphinx's own genindex/search pages included)."""
    return sorted(
        str(path.relative_to(built_site))
        for path in built_site.rglob("*.html")
        if "_static" not in path.parts
    )


def visit(browser, url: str, route=None) -> dict:
    """Open a page; record console errors, failed and foreign requests, and the charts drawn.
    ``route``, if given, answers the request for the page itself."""
    page = browser.new_page()
    if route:
        page.route(url, route)
    seen = {"errors": [], "foreign": [], "failed": []}
    page.on(
        "console",
        lambda message: seen["errors"].append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on(
        "request",
        lambda request: (
            seen["foreign"].append(request.url)
            if urlparse(request.url).hostname not in (None, "127.0.0.1")
            and not request.url.startswith("data:")
            else None
        ),
    )
    page.on("requestfailed", lambda request: seen["failed"].append(request.url))
    page.on(
        "response",
        lambda response: (
            seen["failed"].append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    page.goto(url, wait_until="networkidle")
    seen["charts"] = draw_every_chart(page)
    seen["drawn"] = page.evaluate(
        f"() => [...document.querySelectorAll('.edition-chart')].filter(c => c.querySelector('{DATA_MARKS}')).length"
    )
    page.wait_for_load_state("networkidle")  # the chart libraries and data fetched on the way
    seen["excerpts"] = page.locator("figure.excerpt").count()
    page.close()
    return seen


def test_every_page_is_offline_error_free_and_drawn(built_site, site_url, browser):
    pages = site_pages(built_site)
    assert len(pages) >= 3
    total_charts = 0
    for path in pages:
        seen = visit(browser, f"{site_url}/{path}")
        assert seen["foreign"] == [], f"{path} asked another host: {seen['foreign']}"
        assert seen["failed"] == [], f"{path} failed to load: {seen['failed']}"
        assert seen["errors"] == [], f"{path} logged console errors: {seen['errors']}"
        assert seen["drawn"] >= seen["charts"], (
            f"{path}: {seen['charts']} charts, {seen['drawn']} drawn"
        )
        total_charts += seen["charts"]
    assert total_charts >= 15


CHAPTERS = [
    "testament",
    "troika",
    "oppositions",
    "kirov",
    "trials",
    "counting",
    "trotsky",
    "erasure",
    "sources",
]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_quotes_excerpts_and_draws_its_charts(built_site, site_url, browser, chapter):
    seen = visit(browser, f"{site_url}/book/{chapter}.html")
    assert seen["excerpts"] >= 3, f"{chapter}: {seen['excerpts']} excerpts"
    assert seen["charts"] >= 1 and seen["drawn"] == seen["charts"], f"{chapter}: {seen}"


def test_chart_pages_serve_vega_and_no_compiler_or_cdn(built_site):
    html = (built_site / "book" / "testament.html").read_text(encoding="utf-8")
    # edition.js names the served libraries it loads when a chart nears the viewport
    loader = re.search(r'<script[^>]*src="../_static/edition.js[^>]*>', html)
    libraries = (
        re.search(r'data-libraries="([^"]+)"', loader.group(0)).group(1).split() if loader else []
    )
    assert libraries == ["vendor/vega/vega.min.js", "vendor/vega-embed/vega-embed.min.js"], loader
    assert all((built_site / "_static" / path).exists() for path in libraries)
    assert re.search(r'class="edition-chart" data-spec="../_static/charts/[0-9a-f]{12}.json"', html)
    # no script holds up the first paint: every script file waits, inert, in the template the
    # page runs once it is drawn
    held = re.search(r'<template id="edition-scripts">(.*?)</template>', html, re.DOTALL)
    assert held and "edition.js" in held.group(1) and "bootstrap.js" in held.group(1)
    outside = html.replace(held.group(0), "")
    assert re.findall(r"<script[^>]*\bsrc=[^>]*>", outside) == [] and 'rel="preload"' not in outside
    # charts are compiled to Vega when the book is built: no Vega-Lite compiler, no Altair loader
    # with its CDN addresses, no <script> or stylesheet from another host, no RequireJS
    assert (
        "vega-lite.min.js" not in html and "altair-viz" not in html and "cdn.jsdelivr" not in html
    )
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', html)
    assert "require.js" not in html and "requirejs" not in html.split("<body")[0]
    # every compiled chart file is named by some page, and no stale one is left behind
    named = {
        name
        for page in built_site.rglob("*.html")
        for name in re.findall(
            r'data-spec="[^"]*/charts/([0-9a-f]{12}\.json)"', page.read_text(encoding="utf-8")
        )
    }
    assert len(named) >= 15 and named == {
        path.name for path in (built_site / "_static" / "charts").glob("*.json")
    }
    glossary = (built_site / "book" / "glossary.html").read_text(encoding="utf-8")
    assert "edition.js" not in glossary and "vega.min.js" not in glossary, (
        "a page with no chart loads no chart library"
    )


def test_a_chart_pointed_at_the_cdn_is_caught(built_site, site_url, browser):
    """The offline check must see a page that asks a CDN for a chart library. The altered page is
    served by the browser's request routing, so the built site is never written to."""
    page_url = f"{site_url}/book/testament.html"
    html = (built_site / "book" / "testament.html").read_text(encoding="utf-8")
    altered = html.replace(
        "</head>", '<script src="https://cdn.jsdelivr.net/npm/vega@6"></script></head>'
    )
    seen = visit(
        browser, page_url, route=lambda route: route.fulfill(body=altered, content_type="text/html")
    )
    assert any("cdn.jsdelivr.net" in url for url in seen["foreign"]), seen["foreign"]


def test_an_exception_in_a_cell_fails_the_strict_build(tmp_path):
    """Jupyter Book 1 would print the traceback into the page and exit 0; ours must fail."""
    for name in ("_config.yml", "book/_static", "book/references.bib"):
        source, target = ROOT / name, tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/broken\n")
    notebook = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        }
    )
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Broken"),
        nbformat.v4.new_code_cell("raise RuntimeError('deliberate')"),
    ]
    nbformat.write(notebook, tmp_path / "book" / "broken.ipynb")
    result = run_strict_build(tmp_path)
    assert result.returncode != 0
    assert "deliberate" in result.stdout + result.stderr


def _marks_state(page, chart_index: int) -> list[str]:
    """A fingerprint of a chart's data marks: each mark's path or position and opacity."""
    return page.evaluate(
        """(i) => [...document.querySelectorAll('.vega-embed')[i].querySelectorAll('g.role-mark > path, g.role-mark > line')]
                .map(m => (m.getAttribute('d') || '') + (m.getAttribute('transform') || '') + (m.getAttribute('opacity') || '') + (m.getAttribute('fill-opacity') || ''))""",
        chart_index,
    )


def _open(browser, url):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(url, wait_until="networkidle")
    draw_every_chart(page)
    return page


def test_scale_switch_redraws_the_repression_chart(built_site, site_url, browser):
    page = _open(browser, f"{site_url}/book/counting.html")
    before = _marks_state(page, 0)
    page.locator(".vega-embed").nth(0).locator("input[type=radio][value=log]").check()
    page.wait_for_timeout(500)
    assert _marks_state(page, 0) != before
    page.close()


def test_person_list_and_legend_filter_the_purge_timeline(built_site, site_url, browser):
    page = _open(browser, f"{site_url}/book/trials.html")
    embed = page.locator(".vega-embed").nth(0)
    visible = "(i) => [...document.querySelectorAll('.vega-embed')[i].querySelectorAll('g.mark-symbol.role-mark > path')].length"
    everyone = page.evaluate(visible, 0)
    embed.locator("select").select_option("Leon Trotsky")
    page.wait_for_timeout(500)
    one_person = page.evaluate(visible, 0)
    assert 0 < one_person < everyone
    before = _marks_state(page, 0)
    embed.locator("g.role-legend g.role-legend-symbol path").first.click()
    page.wait_for_timeout(500)
    assert _marks_state(page, 0) != before, "clicking a legend entry changed nothing"
    page.close()


def test_explorers_show_a_static_chart_and_how_to_run_them_live(built_site, site_url, browser):
    page = _open(browser, f"{site_url}/book/explore.html")
    assert page.get_by_text("Run this notebook in JupyterLab").count() == 3
    assert page.locator(".edition-chart.vega-embed").count() >= 3
    assert page.locator("script[type='application/vnd.jupyter.widget-view+json']").count() == 0
    page.close()


# MyST that reached a page as typed: a role or a directive fence.
UNRENDERED_MYST = re.compile(r"\{[A-Za-z][\w:.-]*\}`|```\{|^:::", re.MULTILINE)


def test_no_page_shows_myst_as_typed(built_site):
    """A role on a line that CommonMark reads as raw HTML (one that begins with a comment, say)
    reaches the page as typed and the strict build does not notice: every page is read here."""
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        # what the reader reads: no scripts, styles or code listings (which may show MyST on purpose)
        html = re.sub(r"<(script|style|pre|code)\b.*?</\1>", "", html, flags=re.DOTALL)
        text = re.sub(r"<[^>]+>", " ", html)
        hits = [match.group(0) for match in UNRENDERED_MYST.finditer(text)]
        if hits:
            found[str(page.relative_to(built_site))] = hits[:5]
    assert not found, f"MyST shown as typed: {found}"


def test_no_built_page_or_served_file_names_a_copy_or_mirror(built_site):
    """The reader meets works, never the unauthorised copies or mirrors they were read in: every
    page, and every data file the pages fetch, is searched for a blocked host."""
    from test_works import blocked_hosts_named

    named = {}
    for path in sorted(built_site.rglob("*")):
        if path.suffix in (".html", ".json", ".csv", ".bib", ".txt") and path.is_file():
            found = blocked_hosts_named(path.read_text(encoding="utf-8", errors="replace"))
            if found:
                named[str(path.relative_to(built_site))] = sorted(found)
    assert not named, f"hosts of unauthorised copies or mirrors on the built site: {named}"
