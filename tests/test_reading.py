"""The reader's edition (issue 15): display-only cells show no code; the method layer keeps the
cells whose code teaches something."""

import json
import re

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
# a cell that only shows an excerpt, or only imports the package, teaches nothing about method
DISPLAY_ONLY = re.compile(r"edition\.show_excerpt\([^)]*\)|import edition")


def code_cells(path):
    return [
        cell
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_display_only_cells_remove_their_code(notebook):
    shown = [
        "".join(cell["source"])[:60]
        for cell in code_cells(notebook)
        if DISPLAY_ONLY.fullmatch("".join(cell["source"]).strip())
        and "remove-input" not in cell["metadata"].get("tags", [])
    ]
    assert not shown, f"display-only cells that still show a code toggle: {shown}"


def test_the_method_layer_keeps_code_that_teaches():
    teaching = [
        cell
        for path in NOTEBOOKS
        for cell in code_cells(path)
        if "remove-input" not in cell["metadata"].get("tags", [])
    ]
    assert teaching, "every code cell was removed: the method layer would be empty"
    assert all(not DISPLAY_ONLY.fullmatch("".join(cell["source"]).strip()) for cell in teaching)


# --- In the built book, in Debian's Chromium -------------------------------------------------


def _paragraph_ids(html: str) -> list[str]:
    return re.findall(r'<p id="(p-\d+)"', html)


@pytest.mark.browser
def test_every_chapter_numbers_its_paragraphs_and_offers_a_citation(built_site):
    for name in ("book/kirov.html", "book/trials.html", "book/counting.html"):
        html = (built_site / name).read_text(encoding="utf-8")
        ids = _paragraph_ids(html)
        assert ids and ids == [f"p-{n}" for n in range(1, len(ids) + 1)], name
        assert html.count('class="paragraph-number"') == len(ids)
        assert 'class="cite-this"' in html and "Cite this chapter" in html
    assert not _paragraph_ids((built_site / "book/bibliography.html").read_text(encoding="utf-8"))


def test_paragraph_numbers_depend_only_on_the_text():
    """The same chapter text numbered twice gives the same anchors; a paragraph added at the end
    leaves the earlier anchors as they were; list items and notes are not numbered."""
    from docutils import nodes
    from docutils.core import publish_doctree

    from edition.site.citable import number_paragraphs

    text = "Title\n=====\n\nOne.\n\nTwo.\n\n* a list item\n\n.. note:: A note.\n\nThree.\n"
    numbered = []
    for source in (text, text, text + "\nFour.\n"):
        tree = publish_doctree(source, settings_overrides={"doctitle_xform": False})
        number_paragraphs(tree)
        numbered.append(
            [(p["ids"][0], p[-1].astext()) for p in tree.findall(nodes.paragraph) if p["ids"]]
        )
    assert numbered[0] == numbered[1] == [("p-1", "One."), ("p-2", "Two."), ("p-3", "Three.")]
    assert numbered[2][:3] == numbered[0] and numbered[2][3][0] == "p-4"


@pytest.mark.browser
def test_the_layer_switch_hides_layers_keeps_the_choice_and_prints_it(
    built_site, site_url, browser
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/book/kirov.html", wait_until="networkidle")
    switch = page.locator("fieldset.layer-switch")
    assert switch.locator("input[type=checkbox]").count() == 4
    assert page.locator("figure.excerpt:visible").count() > 0
    # keyboard only: focus the "Sources" box and toggle it with the space bar
    switch.locator("input[value=sources]").focus()
    page.keyboard.press("Space")
    assert page.locator("figure.excerpt:visible").count() == 0
    assert page.locator(".bd-article section > p:visible").count() > 0  # the narrative stays
    page.goto(f"{site_url}/book/trials.html", wait_until="networkidle")  # the choice persists
    assert page.locator("figure.excerpt:visible").count() == 0
    page.emulate_media(media="print")
    assert page.locator("figure.excerpt:visible").count() == 0  # and prints as chosen
    page.emulate_media(media="screen")
    page.locator("fieldset.layer-switch input[value=sources]").check()
    assert page.locator("figure.excerpt:visible").count() > 0
    context.close()


@pytest.mark.browser
def test_terms_citations_and_paragraph_citation_preview_on_hover_focus_and_tap(
    built_site, site_url, browser
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/book/kirov.html#p-3", wait_until="networkidle")
    assert ", para. 3," in page.locator(".cite-this-text").inner_text()
    term = page.locator('.bd-article a[href*="glossary.html#term-"]').first
    term.hover()
    preview = page.locator(".edition-preview")
    preview.wait_for()
    assert term.inner_text().strip().lower()[:5] in preview.inner_text().lower()
    assert term.get_attribute("aria-describedby") == "edition-preview"
    page.keyboard.press("Escape")
    assert preview.count() == 0
    citation = page.locator('.bd-article a[href*="bibliography.html#"]').first
    citation.focus()  # keyboard
    preview.wait_for()
    assert len(preview.inner_text()) > 20
    context.close()
    touch = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = touch.new_page()
    page.goto(f"{site_url}/book/kirov.html", wait_until="networkidle")
    term = page.locator('.bd-article a[href*="glossary.html#term-"]').first
    term.tap()  # the first tap shows the preview and stays on the page
    page.locator(".edition-preview").wait_for()
    assert page.url.endswith("kirov.html")
    touch.close()


# --- Legible charts ------------------------------------------------------------------------------

# For each drawn chart: text running past the chart or the page's column, text over other text
# (labels a chart hides because they would collide are not counted), and a chart much narrower
# than its column.
CHART_TEXT_PROBLEMS = """() => {
  const out = [];
  const charts = [...document.querySelectorAll('.edition-chart')];
  charts.forEach((chart, ci) => {
    const svg = chart.querySelector('svg'); if (!svg) { out.push({ci, problem: 'no svg'}); return; }
    const box = svg.getBoundingClientRect();
    const col = chart.parentElement.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.getClientRects().length && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0' && !t.closest('[opacity="0"]'));
    const rects = texts.map(t => ({t: t.textContent.trim().slice(0,40), r: t.getBoundingClientRect(), role: (t.closest('[class*=role-]')||{}).getAttribute ? t.closest('[class*=role-]').getAttribute('class') : ''}));
    const title = (svg.querySelector('.role-title-text') || {}).textContent || '';
    for (const a of rects) {
      if (a.r.right > box.right + 1 || a.r.left < box.left - 1) out.push({ci, title, problem: 'outside', text: a.t});
      if (a.r.right > col.right + 1) out.push({ci, title, problem: 'past column', text: a.t});
    }
    let overlaps = 0, example = null;
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i].r, b = rects[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 2 && h > 2) { overlaps++; example = example || [rects[i].t, rects[j].t]; }
    }
    if (overlaps) out.push({ci, title, problem: 'overlap', n: overlaps, example});
    if (box.width < col.width * 0.8) out.push({ci, title, problem: 'narrow', w: Math.round(box.width), col: Math.round(col.width)});
  });
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
def test_every_chart_fills_its_column_with_no_clipped_or_overprinted_text(
    built_site, site_url, browser, width
):
    from conftest import draw_every_chart

    from edition.site.build import toc_documents

    problems = {}
    # every page of the table of contents that has a chart
    for name in toc_documents(ROOT):
        if 'class="edition-chart"' not in (built_site / f"{name}.html").read_text(encoding="utf-8"):
            continue
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{site_url}/{name}.html", wait_until="networkidle")
        assert draw_every_chart(page)
        found = page.evaluate(CHART_TEXT_PROBLEMS)
        if found:
            problems[name] = found[:5]
        context.close()
    assert not problems, f"at {width} px: {problems}"
