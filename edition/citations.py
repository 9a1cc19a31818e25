"""Naming works: short citations for tooltips and captions, and the BibTeX file for the book.

``works.csv`` is the one place a work is described and ``sources.csv`` says where in it the
edition read (``locator``); ``book/references.bib`` is generated from the works
(``python -m edition bib``) and a test checks the two agree.
"""

import re

import pandas as pd

from .paths import BOOK_DIR

BIB_PATH = BOOK_DIR / "references.bib"
BIBLIOGRAPHY_PATH = BOOK_DIR / "bibliography.md"
# The kinds of work, in the order the bibliography shows them; each is a BibTeX keyword.
KINDS = {
    "published documents": "Published documents",
    "scholarship": "Scholarship",
    "reference work": "Reference works",
    "press": "Press",
    "other": "Other texts and web pages",
}


def keyword(kind: str) -> str:
    """The BibTeX keyword of a kind of work ('published documents' -> 'published-documents')."""
    return kind.replace(" ", "-")


def short_citation(source: pd.Series) -> str:
    """'Author, “Title” (year), locator' with whatever parts the reading has."""
    parts = [part for part in (source["author"], f"“{source['title']}”") if part]
    date = f" ({source['date']})" if source["date"] else ""
    locator = f", {source['locator']}" if source.get("locator") else ""
    return ", ".join(parts) + date + locator


def cite(source_ids: list[str], sources: pd.DataFrame) -> str:
    """The short citations of several readings, joined for a tooltip."""
    by_id = sources.set_index("source_id")
    return "; ".join(short_citation(by_id.loc[source_id]) for source_id in source_ids)


def cite_targets(source_ids: list[str], sources: pd.DataFrame) -> str:
    """sphinxcontrib-bibtex targets for readings: each work once, its locators as post-text
    (``key{ch. 4; pp. 10–12}``)."""
    by_id = sources.set_index("source_id")
    locators: dict[str, list[str]] = {}
    for source_id in source_ids:
        reading = by_id.loc[source_id]
        found = locators.setdefault(reading["work_id"], [])
        locator = re.sub(r"[{},]", " ", reading["locator"]).strip()
        if locator and locator not in found:
            found.append(locator)
    return ",".join(
        key + ("{" + "; ".join(found) + "}" if found else "") for key, found in locators.items()
    )


def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", text)


def _names(names: str) -> str:
    # 'Last, First and Last, First' is BibTeX's own form; anything else (an institution,
    # 'Wikipedia contributors') is braced so it prints as written
    if not names:
        return ""
    return " and ".join(
        name if re.fullmatch(r"[^,(){}]+, [^,(){}]+", name) else "{" + name + "}"
        for name in names.split(" and ")
    )


def bibtex(works: pd.DataFrame) -> str:
    """A BibTeX entry per work, in the order of works.csv, with its kind as keyword."""
    entries = []
    for work in works.itertuples():
        kind = work.type
        # the bibliography style requires a book's author (or editor), publisher and year
        if kind == "book" and not ((work.author or work.editor) and work.publisher and work.year):
            kind = "misc"
        if kind in ("article", "incollection") and not (
            work.author and work.container and work.year
        ):
            kind = "misc"
        container = (
            "journal" if kind == "article" else "booktitle" if kind == "incollection" else "series"
        )
        fields = {
            "author": _bib_escape(_names(work.author)),
            "editor": _bib_escape(_names(work.editor)) if kind in ("book", "incollection") else "",
            "title": "{" + _bib_escape(work.title) + "}",
            container: _bib_escape(work.container) if kind != "misc" else "",
            "volume": _bib_escape(work.volume),
            "number": _bib_escape(work.issue),
            "address": _bib_escape(work.place),
            "publisher": _bib_escape(work.publisher),
            "year": work.year,
            "pages": work.pages.replace("–", "--"),
            "howpublished": _bib_escape(
                ", ".join(
                    part for part in (work.form, work.container if kind == "misc" else "") if part
                )
            )
            if kind == "misc"
            else "",
            "url": work.url,
            "keywords": keyword(work.kind),
        }
        body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items() if value)
        entries.append(f"@{kind}{{{work.work_id},\n{body}\n}}\n")
    return (
        "% Generated from data/works.csv by `python -m edition bib`; do not edit by hand.\n\n"
        + "\n".join(entries)
    )


def bibliography_markdown() -> str:
    """The bibliography page: one section per kind of work, each work once."""
    sections = [
        f'## {title}\n\n```{{bibliography}}\n:filter: keywords % "{keyword(kind)}"\n'
        f":labelprefix: {prefix}\n```\n"
        for (kind, title), prefix in zip(KINDS.items(), "DSRPO")
    ]
    return (
        "# Bibliography\n\n"
        "% Generated by `python -m edition bib`; do not edit by hand.\n\n"
        "Every work the edition cites, once, grouped by kind: published documents of the time, "
        "the scholarship, reference works, the press, and other texts (among them the five source "
        "texts the edition examines). A citation in the chapters gives the chapter or pages read; "
        "where a work was read without its print pagination, the locator says so.\n\n"
        + "\n".join(sections)
    )
