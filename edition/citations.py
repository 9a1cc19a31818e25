"""Naming sources: short citations for tooltips and captions, and the BibTeX file for the book.

``sources.csv`` is the one place a source is described; ``book/references.bib`` is generated
from it (``python -m edition bib``) and a test checks the two agree.
"""

import re

import pandas as pd

from .paths import BOOK_DIR

BIB_PATH = BOOK_DIR / "references.bib"


def short_citation(source: pd.Series) -> str:
    """'Author, Title (date)' with whatever parts the source has."""
    parts = [part for part in (source["author"], f"“{source['title']}”") if part]
    date = f" ({source['date']})" if source["date"] else ""
    return ", ".join(parts) + date


def cite(source_ids: list[str], sources: pd.DataFrame) -> str:
    """The short citations of several sources, joined for a tooltip."""
    by_id = sources.set_index("source_id")
    return "; ".join(short_citation(by_id.loc[source_id]) for source_id in source_ids)


def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", text)


def bibtex(sources: pd.DataFrame) -> str:
    """A BibTeX entry per source, in the order of sources.csv."""
    entries = []
    for source in sources.itertuples():
        # the bibliography style requires a book's author and year; anything less is a misc entry
        kind = "book" if source.publisher and source.author and source.date else "misc"
        fields = {
            "title": "{" + _bib_escape(source.title) + "}",
            # braced as a literal name: authors here include institutions and "(copy)" notes
            "author": "{" + _bib_escape(source.author) + "}" if source.author else "",
            "year": source.date[:4] if source.date else "",
            "publisher": _bib_escape(source.publisher),
            "howpublished": "" if kind == "book" else _bib_escape(source.genre),
            "url": source.url,
            "note": f"Source text {source.seed_file}" if source.seed_file else "",
        }
        body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
        entries.append(f"@{kind}{{{source.bibtex_key},\n{body}\n}}\n")
    return (
        "% Generated from data/sources.csv by `python -m edition bib`; do not edit by hand.\n\n"
        + "\n".join(entries)
    )
