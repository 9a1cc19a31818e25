"""Charts of the numbers: the annual archival series, the Gulag population, the mass operations
and the contested totals, each mark citing the references its figure was read in."""

import altair as alt
import pandas as pd

from .charts import cited
from .theme import SERIES_COLOURS, colour_scale

ANNUAL_LABELS = {"convicted": "convicted", "sentenced_to_death": "sentenced to death"}
GULAG_LABELS = {
    "camps": "camps",
    "colonies": "colonies",
    "prisons": "prisons",
    "gulag_total": "camps and colonies",
}


def _long_series(
    annual: pd.DataFrame, series: pd.DataFrame, sources: pd.DataFrame, labels: dict[str, str]
) -> pd.DataFrame:
    """Year, series label, value and the series' references, for the columns named in ``labels``."""
    described = series[series["table"] == "repression_annual"].set_index("column")
    rows = annual.melt(
        id_vars="year", value_vars=list(labels), var_name="column", value_name="value"
    ).dropna(subset=["value"])
    rows["series"] = rows["column"].map(labels)
    rows["publication"] = rows["column"].map(described["publication"])
    rows["source"] = rows["column"].map(cited(described, sources))
    rows["value"] = rows["value"].astype(int)
    return rows.drop(columns="column")


def annual_marks(annual: pd.DataFrame, series: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The points of the repression chart: convictions and death sentences by year."""
    return _long_series(annual, series, sources, ANNUAL_LABELS)


def gulag_marks(annual: pd.DataFrame, series: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The points of the Gulag chart: prisoners on 1 January, where a figure was found."""
    return _long_series(annual, series, sources, GULAG_LABELS)


def repression_chart(
    annual: pd.DataFrame, series: pd.DataFrame, sources: pd.DataFrame
) -> alt.LayerChart:
    """Convictions and death sentences by year, 1921–1953, on a linear or a logarithmic scale."""
    rows = annual_marks(annual, series, sources)
    scale = alt.param(
        name="scale_type",
        value="linear",
        bind=alt.binding_radio(options=["linear", "log"], name="Scale: "),
    )
    # Vega-Lite cannot switch a scale's type from a control, so the log view plots log10 of the
    # value and labels the axis with the powers of ten.
    base = (
        alt.Chart(rows)
        .transform_calculate(plotted="scale_type == 'log' ? log(datum.value) / LN10 : datum.value")
        .encode(x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=-90)))
    )
    y = alt.Y(
        "plotted:Q",
        title="Persons",
        axis=alt.Axis(
            labelExpr="scale_type == 'log' ? format(pow(10, datum.value), ',') : format(datum.value, ',')"
        ),
    )
    colour = alt.Color(
        "series:N", title=None, scale=colour_scale(SERIES_COLOURS, list(ANNUAL_LABELS.values()))
    )
    tooltip = [
        "year:O",
        "series:N",
        alt.Tooltip("value:Q", format=","),
        "publication:N",
        "source:N",
    ]
    lines = base.mark_line(point=True).encode(y=y, color=colour, tooltip=tooltip).add_params(scale)
    peak = alt.Chart(
        pd.DataFrame({"year": [1937, 1938], "label": ["1937–38:\nthe Great Terror", ""]})
    ).encode(x="year:O")
    band = peak.mark_rect(opacity=0.12, color="#EE6677")
    # set to the left of the band, so that on a narrow screen it runs into the chart, not past it
    label = peak.mark_text(
        align="right", dx=-4, baseline="top", fontSize=11, lineBreak="\n"
    ).encode(text="label:N", y=alt.value(12))
    return alt.layer(band, lines, label).properties(
        width="container",
        height=340,
        title=alt.Title(
            "Convictions and death sentences for 'counter-revolutionary' crimes, 1921–1953",
            subtitle="Cases of the secret police (Cheka–GPU–OGPU–NKVD–MGB); switch the scale below",
        ),
        description=(
            "Line chart of two archival series by year from 1921 to 1953: persons convicted in cases of the secret police for "
            "counter-revolutionary and other state crimes, and those of them sentenced to death. Both peak in 1937 and 1938, which are shaded. "
            "A control switches the vertical axis between a linear and a logarithmic scale."
        ),
    )


def gulag_chart(annual: pd.DataFrame, series: pd.DataFrame, sources: pd.DataFrame) -> alt.Chart:
    """The population of the Gulag on 1 January, where a figure was found: camps, colonies, prisons."""
    rows = gulag_marks(annual, series, sources)
    return (
        alt.Chart(rows)
        .mark_point(size=70, filled=True)
        .encode(
            x=alt.X(
                "year:O",
                title="1 January of the year",
                scale=alt.Scale(domain=list(range(1930, 1954))),
                axis=alt.Axis(labelAngle=-90),
            ),
            y=alt.Y("value:Q", title="Prisoners", axis=alt.Axis(format="~s")),
            color=alt.Color(
                "series:N",
                title=None,
                scale=colour_scale(SERIES_COLOURS, list(GULAG_LABELS.values())),
            ),
            shape=alt.Shape("series:N", title=None),
            tooltip=[
                "year:O",
                "series:N",
                alt.Tooltip("value:Q", format=","),
                "publication:N",
                "source:N",
            ],
        )
        .properties(
            width="container",
            height=300,
            title=alt.Title(
                "Prisoners of the Gulag and of the prisons, 1930–1953",
                subtitle="Only the figures read in a reference are drawn; empty years have no figure in the edition's data",
            ),
            description=(
                "Dot chart of prisoners on 1 January of each year from 1930 to 1953, by kind of place: corrective-labour camps, "
                "camps and colonies together, and prisons. Many years have no point, because the edition enters only figures it could check."
            ),
        )
    )


def operations_marks(operations: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The bars of the operations chart: one per operation and figure (convicted, sentenced to death)."""
    rows = operations.melt(
        id_vars=["operation_id", "name", "kind", "order", "note"],
        value_vars=["convicted", "sentenced_to_death"],
        var_name="figure",
        value_name="persons",
    ).dropna(subset=["persons"])
    rows["figure"] = rows["figure"].map(ANNUAL_LABELS)
    rows["source"] = rows["operation_id"].map(
        dict(zip(operations["operation_id"], cited(operations, sources)))
    )
    rows["persons"] = rows["persons"].astype(int)
    return rows


def operations_chart(operations: pd.DataFrame, sources: pd.DataFrame) -> alt.Chart:
    """The NKVD mass operations of 1937–38 and Stalin's lists: persons convicted and sentenced to death."""
    rows = operations_marks(operations, sources)
    order = list(operations.sort_values("convicted", ascending=False)["name"])
    return (
        alt.Chart(rows)
        .mark_bar()
        .encode(
            y=alt.Y("name:N", title=None, sort=order, axis=alt.Axis(labelLimit=260)),
            yOffset=alt.YOffset("figure:N", sort=list(ANNUAL_LABELS.values())),
            x=alt.X("persons:Q", title="Persons", axis=alt.Axis(format="~s")),
            color=alt.Color(
                "figure:N",
                title=None,
                scale=colour_scale(SERIES_COLOURS, list(ANNUAL_LABELS.values())),
            ),
            tooltip=[
                "name:N",
                "order:N",
                "figure:N",
                alt.Tooltip("persons:Q", format=","),
                "note:N",
                "source:N",
            ],
        )
        .properties(
            width="container",
            height=alt.Step(12),
            title=alt.Title(
                "The mass operations of 1937–38 and Stalin's lists",
                subtitle="Persons convicted and, of them, sentenced to death, as the references give them",
            ),
            description=(
                "Grouped bar chart, one group per NKVD operation of 1937–38 (the kulak operation, the national operations and their total) "
                "and Stalin's execution lists: one bar for persons convicted and one for persons sentenced to death, where a figure is known."
            ),
        )
    )


def estimates_marks(estimates: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each estimator's span (``from``–``to``; a single figure spans itself), as the chart draws it."""
    rows = estimates.assign(source=cited(estimates, sources))
    for column in ("low", "high", "point"):
        rows[column] = rows[column].astype("Float64")
    rows["from"] = rows["low"].fillna(rows["point"]).fillna(rows["high"])
    rows["to"] = rows["high"].fillna(rows["point"]).fillna(rows["low"])
    return rows.astype({"from": float, "to": float, "low": float, "high": float, "point": float})


def estimates_chart(estimates: pd.DataFrame, sources: pd.DataFrame) -> alt.FacetChart:
    """Contested totals: each estimator's range (and point), one panel per question."""
    rows = estimates_marks(estimates, sources)
    tooltip = [
        "estimator:N",
        "year_published:O",
        alt.Tooltip("low:Q", format=","),
        alt.Tooltip("high:Q", format=","),
        alt.Tooltip("point:Q", format=","),
        "scope:N",
        "source:N",
    ]
    base = alt.Chart().encode(
        y=alt.Y("estimator:N", title=None, axis=alt.Axis(labelLimit=240)), tooltip=tooltip
    )
    span = base.mark_bar(height=8, opacity=0.5, color="#4477AA", cornerRadius=3).encode(
        x=alt.X("from:Q", title="Deaths or persons", axis=alt.Axis(format="~s")), x2="to:Q"
    )
    ends = base.mark_tick(thickness=2, size=12, color="#4477AA").encode(
        x="from:Q"
    ) + base.mark_tick(thickness=2, size=12, color="#4477AA").encode(x="to:Q")
    point = base.mark_point(shape="diamond", size=70, filled=True, color="#EE6677").encode(
        x="point:Q"
    )
    return (
        alt.layer(span, ends, point, data=rows)
        .properties(width=520, height=alt.Step(16))
        .facet(
            row=alt.Row(
                "topic_label:N",
                title=None,
                header=alt.Header(
                    labelAngle=0,
                    labelAlign="left",
                    labelAnchor="start",
                    labelOrient="top",
                    labelFontWeight="bold",
                ),
            ),
        )
        .resolve_scale(x="independent", y="independent")
        .properties(
            title=alt.Title(
                "Contested totals: how far the estimates disagree",
                subtitle="Bars span each estimator's low and high figures; diamonds mark a single figure",
            ),
            description=(
                "Range chart in one panel per contested total (famine deaths of 1932–33 in the USSR and in Ukraine, deaths in deportation, "
                "executions and arrests in the Great Terror, deaths in the Gulag, total excess deaths). In each panel every estimator has a "
                "bar from their lowest to their highest figure, or a diamond where they give a single figure."
            ),
        )
    )
