"""Trotsky's exile, 1928–1940: the route on a map drawn offline, and a timeline of his last years.

The map's country shapes are the world-atlas TopoJSON served with the book (``chart_files.WORLD_URL``).
"""

import altair as alt
import pandas as pd

from .chart_files import WORLD_URL
from .charts import _midday, cited
from .theme import EVENT_CATEGORY_COLOURS, INK, colour_scale
from .timelines import TOOLTIP, event_rows


def route_rows(places: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The stops of the route in order, with coordinates, dates and references."""
    stops = places[places["person_id"] == "trotsky"].sort_values("order")
    return pd.DataFrame(
        {
            "order": stops["order"].astype(int),
            "place": stops["name"],
            "country": stops["country"],
            "latitude": stops["latitude"].astype(float),
            "longitude": stops["longitude"].astype(float),
            "arrived": stops["arrived"],
            "left": stops["left"],
            "note": stops["note"],
            "source": cited(stops, sources),
        }
    )


def exile_map(places: pd.DataFrame, sources: pd.DataFrame) -> alt.LayerChart:
    """Trotsky's route from Moscow to Coyoacán on a world map."""
    route = route_rows(places, sources)
    land = alt.Chart(alt.topo_feature(WORLD_URL, "countries")).mark_geoshape(
        fill="#8883", stroke="#8886", strokeWidth=0.4
    )
    base = alt.Chart(route).encode(longitude="longitude:Q", latitude="latitude:Q")
    path = base.mark_line(color="#EE6677", strokeWidth=1.6, opacity=0.8).encode(order="order:O")
    stops = base.mark_circle(
        size=70, color="#EE6677", stroke="white", strokeWidth=0.8, opacity=1
    ).encode(
        tooltip=["order:O", "place:N", "country:N", "arrived:N", "left:N", "note:N", "source:N"]
    )
    # neighbouring stops (Istanbul and Prinkipo, say) are numbered alternately above right and
    # below left of their points, so their numbers never overprint
    above = (
        base.transform_filter("datum.order % 2 == 1")
        .mark_text(align="left", dx=6, dy=-6, fontSize=10, color=INK)
        .encode(text="order:O")
    )
    below = (
        base.transform_filter("datum.order % 2 == 0")
        .mark_text(align="right", dx=-6, dy=10, fontSize=10, color=INK)
        .encode(text="order:O")
    )
    return (
        alt.layer(land, path, stops, above, below)
        .project(type="equalEarth")
        .properties(
            width="container",
            height=360,
            title=alt.Title(
                "Trotsky's road of exile, 1928–1940",
                subtitle="Numbered stops in order, from Moscow to Coyoacán; hover a stop for its dates and references",
            ),
            description=(
                "World map with Trotsky's stops in exile joined in order: Moscow, Alma-Ata in Soviet Kazakhstan, Istanbul and the island of "
                "Prinkipo in Turkey, places in France, Norway, then Tampico and Coyoacán in Mexico. Each numbered point's tooltip gives "
                "the dates of arrival and departure and the references."
            ),
        )
    )


def exile_timeline_chart(
    places: pd.DataFrame, events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.LayerChart:
    """Where Trotsky lived, 1928–1940 (bars), and what happened to him and his family (points)."""
    stops = places[places["person_id"] == "trotsky"].sort_values("order")
    stays = pd.DataFrame(
        {
            "place": stops["name"] + " (" + stops["country"] + ")",
            "start": _midday(stops, "arrived"),
            "end": _midday(stops, "left").fillna("1940-08-21"),
            "arrived": stops["arrived"],
            "left": stops["left"],
            "source": cited(stops, sources),
        }
    )
    concerning = events[
        events["people"].map(
            lambda ids: bool({"trotsky", "sedov", "sedova", "mercader", "siqueiros"} & set(ids))
        )
    ]
    rows = event_rows(concerning, people, sources)
    rows = rows[(rows["year"] >= 1928) & (rows["date"] <= "1940-12-31")]
    # One row per stay, named on the axis, above one row per kind of event: the place names
    # never overprint one another, however short a stay or narrow the screen.
    stays["row"] = stops["name"].to_numpy()
    rows = rows.assign(row=rows["category"])
    order = [*stays["row"], *dict.fromkeys(rows["row"])]
    y = alt.Y("row:N", title=None, sort=order, axis=alt.Axis(labelLimit=170))
    bars = (
        alt.Chart(stays)
        .mark_bar(height=12, color="#66CCEE", opacity=0.8, cornerRadius=2)
        .encode(
            x=alt.X("start:T", title="Year", axis=alt.Axis(format="%Y")),
            x2="end:T",
            y=y,
            tooltip=["place:N", "arrived:N", "left:N", "source:N"],
        )
    )
    points = (
        alt.Chart(rows)
        .mark_point(size=70, filled=True)
        .encode(
            x=alt.X("date:T"),
            y=y,
            color=alt.Color(
                "category:N",
                title="Event",
                scale=colour_scale(EVENT_CATEGORY_COLOURS, list(rows["category"].unique())),
            ),
            tooltip=TOOLTIP,
        )
    )
    return alt.layer(bars, points).properties(
        width="container",
        height=alt.Step(22),
        title=alt.Title(
            "Trotsky in exile, 1928–1940",
            subtitle="Bars: where he lived, one row per place; points: events concerning him, his family and his killers",
        ),
        description=(
            "Timeline from 1928 to 1940. Bars, one row per place, show where Trotsky lived (Alma-Ata, Turkey, France, Norway, Mexico); "
            "below, points by kind of event mark his deportation, moves, the deaths in his family, the raid of May 1940 and his murder."
        ),
    )
