"""The print edition: the whole book printed by Debian's Chromium to one PDF, read back with pypdf."""

import json
import re
import subprocess
import sys
import unicodedata

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, require
from pypdf import PdfReader

from edition.site.build import toc_documents
from edition.site.pdf import CHROMIUM, PDF_NAME, PRINT_PAGE

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def printed(built_site):
    require(CHROMIUM.exists(), f"Debian's chromium is not installed at {CHROMIUM}")
    # the documented command, in its own process (this session's browser already runs Playwright)
    made = subprocess.run(
        [sys.executable, "-m", "edition", "pdf", str(ROOT)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr[-2000:]
    path = built_site / PDF_NAME
    assert not (built_site / PRINT_PAGE).exists(), "the print page was left in the book"
    reader = PdfReader(path)
    # NFKC: Chromium sets "fi" and "fl" as ligatures, which the text layer keeps as one character
    text = unicodedata.normalize(
        "NFKC", "\n".join(page.extract_text() or "" for page in reader.pages)
    )
    return reader, text, built_site


def _openings(built_site) -> list[str]:
    """The first words of each document's first paragraph (headings' text layer is less reliable
    to read back than the body's)."""
    openings = []
    for name in toc_documents(ROOT):
        page = BeautifulSoup(
            (built_site / f"{name}.html").read_text(encoding="utf-8"), "html.parser"
        )
        paragraph = page.select_one("article.bd-article section > p")
        for number in paragraph.select(".paragraph-number"):
            number.decompose()
        openings.append(" ".join(paragraph.get_text(" ", strip=True).split()[:6]))
    return openings


def test_every_page_of_the_contents_is_printed_in_reading_order(printed):
    reader, text, built_site = printed
    assert len(reader.pages) > 100
    openings = [re.sub(r"\s+", " ", words).replace("’", "'") for words in _openings(built_site)]
    pages = [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text() or "")).replace(
            "’", "'"
        )
        for page in reader.pages
    ]
    # each document's opening words on a later page than the last one's, after the contents page
    current = next(n for n, page in enumerate(pages) if "Contents" in page)
    for words in openings:
        found = next((n for n in range(current + 1, len(pages)) if words in pages[n]), None)
        assert found is not None, f"the page opening {words!r} is missing or out of order"
        current = found
    assert "Contents" in text and len(reader.outline) > 0  # a contents page and PDF bookmarks
    assert re.search(r"\b1 / \d+\b", text), "no page numbers in the footers"


def test_charts_are_vector_and_drawn(printed):
    reader, text, built_site = printed
    assert not any(page.images for page in reader.pages), "a chart was printed as an image"
    # vector charts keep their text: every chart's title is in the PDF's text
    chart_titles = []
    for name in toc_documents(ROOT):
        html = (built_site / f"{name}.html").read_text(encoding="utf-8")
        for spec_path in re.findall(r'class="edition-chart" data-spec="\.\./([^"]+)"', html):
            title = json.loads((built_site / spec_path).read_text(encoding="utf-8"))["spec"][
                "title"
            ]
            text_of = title["text"] if isinstance(title, dict) else title
            chart_titles.append(" ".join(text_of) if isinstance(text_of, list) else text_of)
    assert chart_titles, "no chart found in the book's pages"
    flat = re.sub(r"\s+", " ", text)
    missing = [title for title in chart_titles if re.sub(r"\s+", " ", title)[:25] not in flat]
    assert not missing, f"charts whose title is not in the PDF (blank or rasterised): {missing}"


def test_text_is_set_with_embedded_fonts_cyrillic_included(printed):
    reader, text, _ = printed
    assert "Политбюро" in text and "Иосиф" in text
    assert "\ufffd" not in text
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values()
    ]
    assert fonts

    def embedded(font) -> bool:
        if font.get("/Subtype") == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor else {}
        return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))

    assert all(embedded(font) for font in fonts), "a font is not embedded: glyphs may be missing"


def test_the_book_links_to_the_print_edition(printed):
    _, _, built_site = printed
    intro = (built_site / "book" / "intro.html").read_text(encoding="utf-8")
    assert 'href="../edition.pdf"' in intro and (built_site / "edition.pdf").is_file()
