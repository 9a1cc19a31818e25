"""Charts about the source texts themselves: how the edition uses them and how they hold up."""

from html import escape

import altair as alt
import pandas as pd
from IPython.display import HTML

from .citations import short_citation
from .theme import VERDICT_COLOURS, colour_scale

VERDICTS = list(VERDICT_COLOURS)


def _text_labels(sources: pd.DataFrame) -> pd.Series:
    """A short label per source text: its file number and title."""
    texts = sources[sources["kind"] == "source-text"].set_index("source_id")
    return texts["seed_file"].str[:3] + " · " + texts["title"].str.slice(0, 48)


def verdicts_chart(claims: pd.DataFrame, sources: pd.DataFrame) -> alt.Chart:
    """Claims per verdict for each source text."""
    labels = _text_labels(sources)
    counts = claims.groupby(["source_id", "verdict"]).size().rename("claims").reset_index()
    counts["source text"] = counts["source_id"].map(labels)
    counts["citation"] = counts["source_id"].map(
        sources.set_index("source_id").apply(short_citation, axis=1)
    )
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("source text:N", title=None, sort=list(labels), axis=alt.Axis(labelLimit=320)),
            x=alt.X("claims:Q", title="Checkable claims", stack="zero"),
            color=alt.Color(
                "verdict:N", title="Verdict", scale=colour_scale(VERDICT_COLOURS), sort=VERDICTS
            ),
            order=alt.Order("verdict_order:Q"),
            tooltip=[
                "source text:N",
                "verdict:N",
                "claims:Q",
                alt.Tooltip("citation:N", title="source"),
            ],
        )
        .transform_calculate(verdict_order=f"indexof({VERDICTS!r}, datum.verdict)")
        .properties(
            width="container",
            height=alt.Step(28),
            title=alt.Title(
                "How the source texts hold up",
                subtitle="Checkable claims in each text, by the edition's verdict",
            ),
            description=(
                "Stacked bar chart, one bar per source text, splitting its checkable claims by the edition's verdict: corroborated, "
                "contested, contradicted or unverifiable."
            ),
        )
    )


def sources_overview_chart(excerpts: pd.DataFrame, sources: pd.DataFrame) -> alt.Chart:
    """Where the edition quotes each source text: excerpts per text and chapter."""
    labels = _text_labels(sources)
    counts = excerpts.groupby(["source_id", "chapter"]).size().rename("excerpts").reset_index()
    counts["source text"] = counts["source_id"].map(labels)
    counts["citation"] = counts["source_id"].map(
        sources.set_index("source_id").apply(short_citation, axis=1)
    )
    chapters = [
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
    base = alt.Chart(counts).encode(
        x=alt.X("chapter:N", title="Chapter", sort=chapters, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("source text:N", title=None, sort=list(labels), axis=alt.Axis(labelLimit=320)),
        tooltip=[
            "source text:N",
            "chapter:N",
            "excerpts:Q",
            alt.Tooltip("citation:N", title="source"),
        ],
    )
    cells = base.mark_rect(cornerRadius=3).encode(
        color=alt.Color("excerpts:Q", title="Excerpts", scale=alt.Scale(scheme="blues"))
    )
    numbers = base.mark_text(fontSize=12).encode(
        text="excerpts:Q",
        color=alt.condition("datum.excerpts > 3", alt.value("white"), alt.value("#222")),
    )
    return alt.layer(cells, numbers).properties(
        width="container",
        height=alt.Step(30),
        title=alt.Title(
            "The five source texts at a glance",
            subtitle="Excerpts of each text in the edition, by the chapter they belong to",
        ),
        description="Grid with one row per source text and one column per chapter; each cell gives the number of excerpts the chapter quotes from that text.",
    )


def source_cards(sources: pd.DataFrame, claims: pd.DataFrame, excerpts: pd.DataFrame) -> HTML:
    """A card per source text: what it is, who wrote it and when, the edition's assessment, counts."""

    cards = []
    for text in sources[sources["kind"] == "source-text"].itertuples():
        verdicts = claims[claims["source_id"] == text.source_id]["verdict"].value_counts()
        tally = ", ".join(f"{verdicts.get(v, 0)} {v}" for v in VERDICTS)
        cards.append(
            f"<section class='source-card' aria-label='{escape(text.title)}'>"
            f"<h3>{escape(text.seed_file[:3])} · {escape(text.title)}</h3>"
            f"<dl><dt>Author</dt><dd>{escape(text.author or 'not named')}</dd>"
            f"<dt>Date</dt><dd>{escape(text.date or 'not dated')}</dd>"
            f"<dt>Kind</dt><dd>{escape(text.genre)}</dd>"
            f"<dt>File</dt><dd><code>{escape(text.seed_file)}</code></dd>"
            f"<dt>Quoted</dt><dd>{(excerpts['source_id'] == text.source_id).sum()} excerpts</dd>"
            f"<dt>Claims checked</dt><dd>{verdicts.sum()}: {tally}</dd></dl>"
            f"<p>{escape(text.assessment)}</p></section>"
        )
    return HTML("<div class='source-cards'>" + "".join(cards) + "</div>")


def claims_table(claims: pd.DataFrame, sources: pd.DataFrame, verdict: str) -> pd.DataFrame:
    """The claims with one verdict: the text's words, the claim, and what the references say."""
    chosen = claims[claims["verdict"] == verdict]
    labels = _text_labels(sources)
    return pd.DataFrame(
        {
            "source text": chosen["source_id"].map(labels),
            "the text says": chosen["quote"],
            "claim": chosen["claim"],
            "the references say": chosen["reference_value"],
            "references": cited_references(chosen, sources),
        }
    ).reset_index(drop=True)


def cited_references(frame: pd.DataFrame, sources: pd.DataFrame) -> pd.Series:
    from .charts import cited

    return cited(frame, sources, "reference_source_ids")


def contradictions_table(claims: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Facts stated by two or more texts, side by side, where at least one of them is wrong or contested."""
    shared = claims.groupby("topic")["source_id"].transform("nunique") > 1
    disputed = claims.groupby("topic")["verdict"].transform(
        lambda v: v.isin(["contradicted", "contested"]).any()
    )
    chosen = claims[shared & disputed & claims["topic"].ne("")].sort_values(["topic", "source_id"])
    labels = _text_labels(sources)
    return pd.DataFrame(
        {
            "topic": chosen["topic"],
            "source text": chosen["source_id"].map(labels),
            "the text says": chosen["quote"],
            "verdict": chosen["verdict"],
            "the references say": chosen["reference_value"],
        }
    ).set_index(["topic", "source text"])
