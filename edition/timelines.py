"""Timeline charts over the events table.

Each chart draws the frame its ``*_marks`` function returns (the chapters count from the same
frames), written to ``_static/data/`` by ``served_url`` and read by URL, since the frames are
large. A mark for an uncertain date is drawn at the middle of its bounds (``event_rows``).
"""

import altair as alt
import pandas as pd

from .chart_files import served_url
from .charts import _midday, cited
from .theme import EVENT_CATEGORY_COLOURS, colour_scale

CATEGORIES = list(EVENT_CATEGORY_COLOURS)


def event_rows(events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """One row per event with its day, year, category, people's names and references."""
    names = people.set_index("person_id")["name"]
    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "date": _midday(events, "date"),
            "year": events["date_earliest"].dt.year,
            "when": events["date"],
            "category": events["category"],
            "event": events["title"],
            "people": events["people"].map(lambda ids: "; ".join(names[i] for i in ids)),
            "source": cited(events, sources),
        }
    )


def event_person_rows(events: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """One row per event and person concerned, with the person's name."""
    rows = events[["event_id", "people"]].explode("people").dropna(subset=["people"])
    return pd.DataFrame(
        {
            "event_id": rows["event_id"],
            "person_id": rows["people"],
            "person": rows["people"].map(people.set_index("person_id")["name"]),
        }
    )


def _category_colour(domain: list[str] | None = None) -> alt.Color:
    return alt.Color(
        "category:N", title="Event", scale=colour_scale(EVENT_CATEGORY_COLOURS, domain)
    )


TOOLTIP = ["event:N", alt.Tooltip("when:N", title="date"), "category:N", "people:N", "source:N"]
SUCCESSION_CATEGORIES = [
    "illness",
    "document",
    "congress",
    "plenum",
    "appointment",
    "removal",
    "demotion",
    "expulsion",
    "readmission",
    "exile",
    "deportation",
]
SUCCESSION_PEOPLE = ["lenin", "stalin", "trotsky", "zinoviev", "kamenev", "bukharin", "pyatakov"]


def _drawn_between(rows: pd.DataFrame, first: str, last: str) -> pd.Series:
    """Rows whose mark (at the middle of an uncertain date) falls between two ISO days inclusive."""
    return rows["date"].between(first, last)


def succession_marks(
    events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """One row per event and person of the succession chart: Lenin and the six, 1922–1929."""
    rows = event_rows(events, people, sources)
    drawn = rows[
        rows["category"].isin(SUCCESSION_CATEGORIES)
        & _drawn_between(rows, "1922-01-01", "1929-12-31")
    ]
    pairs = event_person_rows(events, people)
    pairs = pairs[pairs["person_id"].isin(SUCCESSION_PEOPLE)]
    return pairs.merge(drawn.drop(columns="people"), on="event_id").drop(columns="person_id")


def succession_chart(
    events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.Chart:
    """The succession struggle, 1922–1929: Lenin and the six, one row each."""
    marks = succession_marks(events, people, sources)
    order = [people.set_index("person_id").loc[p, "name"] for p in SUCCESSION_PEOPLE]
    return (
        alt.Chart(alt.Data(url=served_url("succession", marks), format=alt.DataFormat(type="json")))
        .mark_point(size=80, filled=True, opacity=0.9)
        .encode(
            x=alt.X("date:T", title="Year", axis=alt.Axis(format="%Y")),
            y=alt.Y("person:N", title=None, sort=order),
            color=_category_colour(SUCCESSION_CATEGORIES),
            tooltip=["person:N"] + [t for t in TOOLTIP if t != "people:N"],
        )
        .properties(
            width="container",
            height=alt.Step(34),
            title=alt.Title(
                "The succession struggle, 1922–1929",
                subtitle="Lenin's illness, the congresses and plenums, and the removals, expulsions and exile of his heirs",
            ),
            description=(
                "Timeline with one row each for Lenin, Stalin, Trotsky, Zinoviev, Kamenev, Bukharin and Pyatakov from 1922 to 1929. "
                "Coloured points mark Lenin's strokes, documents, congresses and plenums, appointments, removals, expulsions, readmissions, "
                "internal exile and deportation; tooltips name each event and its references."
            ),
        )
    )


KIROV_CATEGORIES = [
    "assassination",
    "decree",
    "arrest",
    "trial",
    "sentence",
    "execution",
    "expulsion",
    "removal",
    "appointment",
    "plenum",
    "other",
]


def kirov_aftermath_marks(
    events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """The events the Kirov chart draws: November 1934 to July 1936, of the kinds it shows."""
    rows = event_rows(events, people, sources)
    return rows[
        rows["category"].isin(KIROV_CATEGORIES) & _drawn_between(rows, "1934-11-01", "1936-07-31")
    ]


def kirov_aftermath_chart(
    events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.Chart:
    """From the Kirov murder to the first Moscow trial: December 1934 – August 1936."""
    marks = kirov_aftermath_marks(events, people, sources)
    return (
        alt.Chart(
            alt.Data(url=served_url("kirov-aftermath", marks), format=alt.DataFormat(type="json"))
        )
        .mark_point(size=90, filled=True, opacity=0.9)
        .encode(
            x=alt.X("date:T", title="Month", axis=alt.Axis(format="%b %Y")),
            y=alt.Y("category:N", title=None, sort=KIROV_CATEGORIES),
            color=_category_colour(KIROV_CATEGORIES),
            tooltip=TOOLTIP,
        )
        .properties(
            width="container",
            height=alt.Step(28),
            title=alt.Title(
                "After the Kirov murder, December 1934 – August 1936",
                subtitle="Decrees, arrests, trials and sentences, one row per kind of event",
            ),
            description=(
                "Timeline from 1 December 1934 to August 1936 with one row per kind of event (assassination, decree, arrest, trial, sentence, "
                "execution, expulsion, removal, appointment, plenum, other); each point is an event, and its tooltip names it and its references."
            ),
        )
    )


def purge_timeline_marks(
    events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """The events the purge timeline draws: those whose mark falls in 1934–1940."""
    rows = event_rows(events, people, sources)
    return rows[_drawn_between(rows, "1934-01-01", "1940-12-31")]


def purge_timeline_chart(
    events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.VConcatChart:
    """The purges 1934–1940: a detail view zoomed by a brush on the overview, with a category
    legend that filters and a person chooser, all working in the page without a kernel."""
    period = purge_timeline_marks(events, people, sources)
    url = served_url("purges", period)
    categories = [c for c in CATEGORIES if c in set(period["category"])]
    named = sorted({name for names in period["people"] for name in names.split("; ") if name})
    brush = alt.selection_interval(encodings=["x"], name="period")
    chosen_categories = alt.selection_point(
        fields=["category"], bind="legend", name="category_filter"
    )
    person = alt.param(
        name="person",
        value="Everyone",
        bind=alt.binding_select(options=["Everyone"] + named, name="Person: "),
    )
    base = (
        alt.Chart(alt.Data(url=url, format=alt.DataFormat(type="json")))
        # the person chooser filters in the page, without a kernel
        .transform_filter("person == 'Everyone' || indexof(datum.people, person) >= 0")
    )
    colour = _category_colour(categories)
    detail = (
        base.mark_point(size=70, filled=True)
        .encode(
            x=alt.X(
                "date:T", title="Date", scale=alt.Scale(domain=brush), axis=alt.Axis(format="%b %Y")
            ),
            y=alt.Y("category:N", title=None, sort=categories),
            color=colour,
            opacity=alt.condition(chosen_categories, alt.value(0.95), alt.value(0.08)),
            tooltip=TOOLTIP,
        )
        .add_params(chosen_categories, person)
        .properties(width=640, height=alt.Step(16))
    )
    overview = (
        base.mark_tick(thickness=1.5, size=14)
        .encode(
            x=alt.X(
                "date:T",
                title="Drag across this strip to zoom the chart above",
                axis=alt.Axis(format="%Y"),
            ),
            color=colour,  # the same scale as the detail view, so the two share one legend
            opacity=alt.condition(chosen_categories, alt.value(0.9), alt.value(0.08)),
        )
        .add_params(brush)
        .properties(width=640, height=40)
    )
    return alt.vconcat(detail, overview).properties(
        title=alt.Title(
            "The purges, 1934–1940",
            subtitle="Brush the strip to zoom; click a legend entry to pick a kind of event; choose a person below",
        ),
        description=(
            "Interactive timeline of the events of 1934–1940 in the edition's data, one row per kind of event. "
            "A strip below the chart shows the whole period; dragging across it zooms the main view. Clicking an event kind in the legend "
            "highlights that kind, and a drop-down list restricts the chart to the events concerning one person."
        ),
    )
