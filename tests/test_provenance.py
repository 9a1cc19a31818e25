"""What the prose rests on: ``{evidence}`table: key; …``` names data rows, and the book cites the
works behind them; a name the data lacks is refused with the table and the key."""

import json
import re

import pytest

from edition.paths import BOOK_DIR
from edition.provenance import EvidenceError, parse, sources_behind
from edition.tables import load_table

EVIDENCE = re.compile(r"\{evidence\}`([^`]*)`")


def chapter_markdown() -> dict[str, list[str]]:
    return {
        path.name: [
            "".join(cell["source"])
            for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "markdown"
        ]
        for path in sorted(BOOK_DIR.glob("*.ipynb"))
    }


def test_parse_reads_tables_and_their_keys():
    assert parse("events: a; b; people: c") == [("events", "a"), ("events", "b"), ("people", "c")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nothing: a", "no citable table 'nothing'"),
        ("a; events: b", "'a' comes before any table name"),
        ("events:", "names no row"),
        ("events: no-such-event", "data/events.csv has no row with event_id 'no-such-event'"),
        ("repression_annual: 1900", "data/repression_annual.csv has no row for [1900]"),
        ("repression_annual: the war years", "is cited by year or years"),
    ],
)
def test_evidence_the_data_lacks_is_refused_by_name(text, expected):
    with pytest.raises(EvidenceError, match=re.escape(expected)):
        sources_behind(text)


def test_evidence_resolves_to_the_rows_sources_in_order_each_once():
    events = load_table("events")
    first, second = events.iloc[0], events.iloc[1]
    cited = sources_behind(f"events: {first.event_id}; {second.event_id}; {first.event_id}")
    assert cited == list(dict.fromkeys([*first.source_ids, *second.source_ids]))
    series = load_table("series")
    yearly = series.loc[series["table"] == "repression_annual", "source_ids"].explode()
    assert set(sources_behind("repression_annual: 1930–1953")) == set(yearly)


def test_every_evidence_in_the_chapters_resolves():
    problems = []
    for name, cells in chapter_markdown().items():
        for text in (match.group(1) for cell in cells for match in EVIDENCE.finditer(cell)):
            try:
                assert sources_behind(text)
            except EvidenceError as error:
                problems.append(f"{name}: {error}")
    assert not problems, "\n".join(problems)


def test_no_chapter_hides_its_evidence_in_a_comment():
    """Provenance is for the reader: an HTML comment is invisible, and one that begins a line
    turns the rest of the line into raw HTML, roles and all."""
    hidden = [
        f"{name}: {cell[cell.index('<!--') :][:80]!r}"
        for name, cells in chapter_markdown().items()
        for cell in cells
        if "<!--" in cell
    ]
    assert not hidden, "\n".join(hidden)


# Chapters whose prose tells the history; data and explore describe the edition's tools.
NARRATIVE = [name for name in chapter_markdown() if name not in ("data.ipynb", "explore.ipynb")]
YEAR = re.compile(r"\b(18[7-9]\d|19\d\d|20[0-2]\d)\b")


def fact_paragraphs(cells: list[str]) -> list[str]:
    """Prose paragraphs that state something dated: not headings, lists (recaps and links to
    other chapters), fenced blocks or directives, and not the reading guide's undated lines."""
    paragraphs = []
    for cell in cells:
        cell = re.sub(r"(```|:::).*?\1", "", cell, flags=re.DOTALL)
        for paragraph in re.split(r"\n\s*\n", cell):
            paragraph = paragraph.strip()
            if not paragraph or paragraph.startswith(("#", "- ", "* ", "1. ")):
                continue
            if re.fullmatch(r"\*[^*]+\*", paragraph):  # a subtitle in italics
                continue
            if YEAR.search(re.sub(r"\{[a-z:]+\}`[^`]*`", "", paragraph)):
                paragraphs.append(paragraph)
    return paragraphs


def citation_share(cells: list[str]) -> tuple[int, int]:
    paragraphs = fact_paragraphs(cells)
    return sum("{evidence}" in p or "{cite" in p for p in paragraphs), len(paragraphs)


@pytest.mark.parametrize("chapter", NARRATIVE)
def test_nine_in_ten_dated_paragraphs_carry_a_visible_citation(chapter):
    cells = chapter_markdown()[chapter]
    cited, total = citation_share(cells)
    uncited = [
        p[:100] for p in fact_paragraphs(cells) if "{evidence}" not in p and "{cite" not in p
    ]
    assert total and cited / total >= 0.9, f"{cited}/{total} cited; uncited: {uncited}"


def test_the_citation_count_sees_an_uncited_paragraph():
    cells = ["In 1924 something happened. {evidence}`events: a`", "In 1925 something else."]
    assert citation_share(cells) == (1, 2)
    assert citation_share(["- In 1926 a recap line", "## 1927 heading", "Undated prose."]) == (0, 0)
