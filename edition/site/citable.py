"""Citable pages: every paragraph of a chapter's prose gets a number and an anchor, and each
chapter ends with a citation for it, built from ``CITATION.cff``.

A paragraph's anchor is its place among the chapter's prose paragraphs (``#p-12``): it stays the
same from one build to the next while the chapter's text is unchanged.
"""

from html import escape
from pathlib import Path

import yaml
from docutils import nodes

# Pages that are lists or indexes, not prose to cite by paragraph.
UNNUMBERED = {"genindex", "search", "book/bibliography", "book/people", "book/glossary"}


def number_paragraphs(doctree: nodes.document) -> int:
    """Give each paragraph that stands directly in a section (prose, not a list item, a table
    cell, a caption, a note or a cell's output) an id ``p-N`` and a discreet link to itself."""
    number = 0
    for paragraph in doctree.findall(nodes.paragraph):
        if not isinstance(paragraph.parent, nodes.section):
            continue
        number += 1
        anchor = f"p-{number}"
        paragraph["ids"].insert(0, anchor)
        paragraph.insert(
            0,
            nodes.raw(
                "",
                f'<a class="paragraph-number" href="#{anchor}" '
                f'aria-label="Paragraph {number}" title="Link to paragraph {number}">{number}</a>',
                format="html",
            ),
        )
    return number


def citation_html(cff_path: Path, chapter_title: str) -> str:
    """'Cite this chapter': authors, chapter, edition, version, and the address and date of
    consultation, which the reader's browser fills in (the edition states no fixed address); a
    paragraph number chosen by its link is added to the citation."""
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8"))
    authors = "; ".join(
        author.get("name") or f"{author.get('family-names', '')}, {author.get('given-names', '')}"
        for author in cff.get("authors", [])
    )
    text = (
        f"{escape(authors)}, “{escape(chapter_title)}”, in <i>{escape(cff['title'])}</i>, "
        f"version {escape(str(cff['version']))}, "
        '<span class="cite-url">(address of this page)</span>'
        '<span class="cite-paragraph"></span>, consulted '
        '<span class="cite-date">(date)</span>.'
    )
    return (
        '<aside class="cite-this" aria-labelledby="cite-this-heading">'
        '<p id="cite-this-heading" class="cite-this-title">Cite this chapter</p>'
        f'<p class="cite-this-text">{text}</p>'
        '<p class="cite-this-help">To cite a paragraph, follow its number in the margin; the '
        "citation then names it.</p></aside>"
    )
