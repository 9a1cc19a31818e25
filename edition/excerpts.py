"""Rendering an excerpt from a source text as an annotated block of HTML.

The block is a ``<figure class="excerpt">``: the verbatim text with the annotated spans marked,
a caption naming the source text and its locator (and the older document it quotes, if any), and
the notes, each saying what kind of note it is and which references support it.
"""

from html import escape

import pandas as pd
from IPython.display import HTML

from .citations import cite, short_citation

NOTE_LABELS = {
    "correction": "Correction",
    "dispute": "Disputed",
    "context": "Context",
    "person": "Person",
    "term": "Term",
}


def _marked_text(text: str, notes: pd.DataFrame, excerpt_id: str) -> str:
    """The text, escaped, with each annotated span wrapped in a <mark> linked to its note."""
    marks, taken = [], []
    for number, note in enumerate(notes.itertuples(), start=1):
        start = text.find(note.span)
        end = start + len(note.span)
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue  # overlapping spans: the note is still listed below the text
        taken.append((start, end))
        marks.append((start, end, number))
    html, cursor = [], 0
    for start, end, number in sorted(marks):
        html.append(escape(text[cursor:start]))
        html.append(
            f'<mark id="{excerpt_id}-span-{number}">{escape(text[start:end])}</mark>'
            f'<sup><a href="#{excerpt_id}-note-{number}" aria-label="note {number}">{number}</a></sup>'
        )
        cursor = end
    html.append(escape(text[cursor:]))
    return "".join(html).replace("\n", "<br>")


def excerpt_html(
    excerpt_id: str, excerpts: pd.DataFrame, annotations: pd.DataFrame, sources: pd.DataFrame
) -> str:
    """The HTML block for one excerpt with its annotations."""
    excerpt = excerpts.set_index("excerpt_id").loc[excerpt_id]
    source = sources.set_index("source_id").loc[excerpt["source_id"]]
    notes = annotations[annotations["excerpt_id"] == excerpt_id]
    end = excerpt["char_start"] + len(excerpt["text"])
    quotes = ""
    if excerpt["quotes_document"]:
        quotes = f" Quoting: {escape(excerpt['quotes_document'])} ({escape(cite(excerpt['quotes_source_ids'], sources))})."
    caption = (
        f"Source text: {escape(short_citation(source))}, {escape(source['genre'])}; "
        f"file {escape(source['seed_file'])}, paragraph {excerpt['paragraph']}, "
        f"characters {excerpt['char_start']}–{end}.{quotes}"
    )
    items = "".join(
        f'<li id="{excerpt_id}-note-{number}" class="excerpt-note excerpt-note-{note.kind}">'
        f"<strong>{NOTE_LABELS[note.kind]}</strong> — “{escape(note.span)}”: {escape(note.note)} "
        f'<span class="excerpt-refs">References: {escape(cite(note.source_ids, sources))}.</span></li>'
        for number, note in enumerate(notes.itertuples(), start=1)
    )
    return (
        f'<figure class="excerpt" id="excerpt-{excerpt_id}">'
        f"<blockquote>{_marked_text(excerpt['text'], notes, excerpt_id)}</blockquote>"
        f"<figcaption>{caption}</figcaption>"
        f'<ol class="excerpt-notes">{items}</ol></figure>'
    )


def show_excerpt(
    excerpt_id: str,
    excerpts: pd.DataFrame | None = None,
    annotations: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
) -> HTML:
    """Display one excerpt in a notebook (and in the built book); tables not given are loaded."""
    from .tables import load_annotations, load_excerpts, load_sources

    excerpts = load_excerpts() if excerpts is None else excerpts
    annotations = load_annotations() if annotations is None else annotations
    sources = load_sources() if sources is None else sources
    return HTML(excerpt_html(excerpt_id, excerpts, annotations, sources))
