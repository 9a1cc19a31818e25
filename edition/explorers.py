"""ipywidgets explorers for readers who run the notebooks, built on the book's chart builders.

Each explorer holds its widgets, recomputes its selection when a widget changes, and shows a chart
and a table. Displayed in JupyterLab it is live; in the HTML book (no kernel) its output falls back
to a static chart with a line on how to run it live (the book drops the widget view for HTML).
"""

from html import escape

import altair as alt
import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display

from .charts import _midday, cited
from .statistics import ANNUAL_LABELS, GULAG_LABELS, _long_series
from .theme import EVENT_CATEGORY_COLOURS, SERIES_COLOURS, colour_scale, static_bundle

RUN_LIVE = "Run this notebook in JupyterLab (see the introduction) to use the controls; this is the chart they start from."


def _message(text: str) -> HTML:
    return HTML(f"<p class='explorer-message' role='status'>{escape(text)}</p>")


class Explorer:
    """Widgets, an output area, and a static fallback for pages without a kernel."""

    def __init__(self, controls: list[widgets.Widget]):
        self.output = widgets.Output()
        self.widget = widgets.VBox(
            [widgets.HBox(controls, layout=widgets.Layout(flex_flow="row wrap")), self.output]
        )
        for control in controls:
            control.observe(lambda change: self.refresh(), names="value")

    def refresh(self) -> None:
        self.output.clear_output(wait=True)
        with self.output:
            for item in self.view():
                display(item)

    def view(self) -> list:
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        self.refresh()
        bundle = self.widget._repr_mimebundle_(**kwargs)
        chart = next((item for item in self.view() if isinstance(item, alt.TopLevelMixin)), None)
        static = (
            static_bundle(chart.to_dict(context={"pre_transform": False}))["text/html"]
            if chart is not None
            else ""
        )
        bundle["text/html"] = f"<p class='explorer-note'>{RUN_LIVE}</p>{static}"
        return bundle


class TimelineExplorer(Explorer):
    """Events by people, categories and years: a timeline and the table of matching events."""

    def __init__(self, events: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame):
        names = people.set_index("person_id")["name"]
        self.rows = pd.DataFrame(
            {
                "date": _midday(events, "date"),
                "year": events["date_earliest"].dt.year,
                "when": events["date"],
                "category": events["category"],
                "event": events["title"],
                "person_ids": events["people"],
                "people": events["people"].map(lambda ids: "; ".join(names[i] for i in ids)),
                "source": cited(events, sources),
            }
        )
        concerned = sorted({i for ids in events["people"] for i in ids}, key=lambda i: names[i])
        self.people = widgets.SelectMultiple(
            options=[(names[i], i) for i in concerned], description="People", rows=8
        )
        self.categories = widgets.SelectMultiple(
            options=sorted(events["category"].unique()),
            value=sorted(events["category"].unique()),
            description="Kinds",
            rows=8,
        )
        self.years = widgets.IntRangeSlider(
            value=(1922, 1940), min=1917, max=1991, description="Years"
        )
        super().__init__([self.people, self.categories, self.years])

    @property
    def selection(self) -> pd.DataFrame:
        """The events matching the controls (every person when none is chosen)."""
        low, high = self.years.value
        chosen = set(self.people.value)
        rows = self.rows[
            self.rows["category"].isin(self.categories.value) & self.rows["year"].between(low, high)
        ]
        if chosen:
            rows = rows[rows["person_ids"].map(lambda ids: bool(chosen & set(ids)))]
        return rows.drop(columns="person_ids")

    def chart(self, rows: pd.DataFrame) -> alt.Chart:
        return (
            alt.Chart(rows)
            .mark_point(size=70, filled=True)
            .encode(
                x=alt.X("date:T", title="Date"),
                y=alt.Y("category:N", title=None),
                color=alt.Color(
                    "category:N",
                    title="Event",
                    scale=colour_scale(EVENT_CATEGORY_COLOURS, list(rows["category"].unique())),
                ),
                tooltip=[
                    "event:N",
                    alt.Tooltip("when:N", title="date"),
                    "category:N",
                    "people:N",
                    "source:N",
                ],
            )
            .properties(
                width="container",
                height=alt.Step(18),
                title="Events chosen in the explorer",
                description="Timeline of the events matching the explorer's people, kinds of event and years, one row per kind of event.",
            )
        )

    def view(self) -> list:
        if not self.categories.value:
            return [_message("Choose at least one kind of event.")]
        rows = self.selection
        if rows.empty:
            return [
                _message(
                    "No event in the data matches these people, kinds and years; widen the years or choose other people."
                )
            ]
        return [
            self.chart(rows),
            rows[["when", "category", "event", "people", "source"]].reset_index(drop=True),
        ]


class PersonDossier(Explorer):
    """One person: life, offices, events, the excerpts that name them and the claims in those excerpts."""

    def __init__(self, people, offices, events, excerpts, annotations, claims, sources):
        self.tables = {
            "people": people,
            "offices": offices,
            "events": events,
            "excerpts": excerpts,
            "annotations": annotations,
            "claims": claims,
            "sources": sources,
        }
        ordered = people.sort_values("name")
        self.person = widgets.Dropdown(
            options=list(zip(ordered["name"], ordered["person_id"])),
            value="trotsky",
            description="Person",
        )
        super().__init__([self.person])

    def dossier(self, person_id: str) -> dict[str, pd.DataFrame]:
        t = self.tables
        named_in = set(
            t["annotations"].loc[
                t["annotations"]["person_ids"].map(lambda ids: person_id in ids), "excerpt_id"
            ]
        )
        events = t["events"][t["events"]["people"].map(lambda ids: person_id in ids)]
        return {
            "offices": t["offices"].loc[
                t["offices"]["person_id"] == person_id,
                ["office_title", "start", "end", "end_manner"],
            ],
            "events": events[["date", "category", "title"]].sort_values("date"),
            "excerpts": t["excerpts"].loc[
                t["excerpts"]["excerpt_id"].isin(named_in), ["excerpt_id", "source_id", "text"]
            ],
            "claims": t["claims"].loc[
                t["claims"]["excerpt_id"].isin(named_in),
                ["source_id", "claim", "verdict", "reference_value"],
            ],
        }

    def chart(self, person_id: str, parts: dict) -> alt.Chart:
        events = self.tables["events"]
        rows = events[events["people"].map(lambda ids: person_id in ids)]
        frame = pd.DataFrame(
            {
                "date": _midday(rows, "date"),
                "when": rows["date"],
                "category": rows["category"],
                "event": rows["title"],
                "source": cited(rows, self.tables["sources"]),
            }
        )
        return (
            alt.Chart(frame)
            .mark_point(size=80, filled=True)
            .encode(
                x=alt.X("date:T", title="Date"),
                y=alt.Y("category:N", title=None),
                color=alt.Color(
                    "category:N",
                    title="Event",
                    scale=colour_scale(EVENT_CATEGORY_COLOURS, list(frame["category"].unique())),
                ),
                tooltip=["event:N", alt.Tooltip("when:N", title="date"), "category:N", "source:N"],
            )
            .properties(
                width="container",
                height=alt.Step(20),
                title=f"Events in the life of {self.person.label}",
                description=f"Timeline of the events in the edition's data that concern {self.person.label}, one row per kind of event.",
            )
        )

    def view(self) -> list:
        person = self.tables["people"].set_index("person_id").loc[self.person.value]
        head = _message(
            f"{person['name']} ({person['name_ru']}): {person['born'] or '?'} – {person['died'] or '?'}, {person['death_manner'] or 'manner of death not recorded'}; rehabilitation: {person['rehabilitated'] or person['rehabilitation_status']}."
        )
        parts = self.dossier(self.person.value)
        items = [head]
        if parts["events"].empty:
            items.append(_message("The edition's timeline has no event for this person yet."))
        else:
            items.append(self.chart(self.person.value, parts))
        for name, frame in parts.items():
            items.append(HTML(f"<h4>{name.capitalize()} ({len(frame)})</h4>"))
            items.append(
                frame.reset_index(drop=True)
                if len(frame)
                else _message(f"No {name} in the data for this person.")
            )
        return items


class StatisticsExplorer(Explorer):
    """Annual series on a linear or log scale over chosen years; estimates compared by estimator."""

    def __init__(self, annual, series, estimates, sources):
        self.series_rows = _long_series(annual, series, sources, {**ANNUAL_LABELS, **GULAG_LABELS})
        self.estimates = estimates.assign(source=cited(estimates, sources))
        self.series = widgets.SelectMultiple(
            options=list({**ANNUAL_LABELS, **GULAG_LABELS}.values()),
            value=list(ANNUAL_LABELS.values()),
            description="Series",
            rows=6,
        )
        self.scale = widgets.ToggleButtons(options=["linear", "log"], description="Scale")
        self.years = widgets.IntRangeSlider(
            value=(1921, 1953), min=1921, max=1953, description="Years"
        )
        topics = self.estimates.drop_duplicates("topic")
        self.topic = widgets.Dropdown(
            options=list(zip(topics["topic_label"], topics["topic"])), description="Total"
        )
        self.estimators = widgets.SelectMultiple(description="Estimators", rows=6)
        self.topic.observe(lambda change: self._choose_estimators(), names="value")
        self._choose_estimators()
        super().__init__([self.series, self.scale, self.years, self.topic, self.estimators])

    def _choose_estimators(self) -> None:
        names = list(self.estimates.loc[self.estimates["topic"] == self.topic.value, "estimator"])
        self.estimators.options, self.estimators.value = names, tuple(names)

    @property
    def selection(self) -> pd.DataFrame:
        low, high = self.years.value
        return self.series_rows[
            self.series_rows["series"].isin(self.series.value)
            & self.series_rows["year"].between(low, high)
        ]

    @property
    def compared(self) -> pd.DataFrame:
        rows = self.estimates[
            (self.estimates["topic"] == self.topic.value)
            & self.estimates["estimator"].isin(self.estimators.value)
        ].copy()
        rows["from"] = rows["low"].fillna(rows["point"]).fillna(rows["high"]).astype(float)
        rows["to"] = rows["high"].fillna(rows["point"]).fillna(rows["low"]).astype(float)
        return rows

    def series_chart(self, rows: pd.DataFrame) -> alt.Chart:
        return (
            alt.Chart(rows)
            .mark_line(point=True)
            .encode(
                x=alt.X("year:O", title="Year"),
                y=alt.Y("value:Q", title="Persons", scale=alt.Scale(type=self.scale.value)),
                color=alt.Color(
                    "series:N",
                    title=None,
                    scale=colour_scale(SERIES_COLOURS, list(rows["series"].unique())),
                ),
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
                height=280,
                title="Series chosen in the explorer",
                description="Line chart of the chosen archival series over the chosen years, on the chosen scale.",
            )
        )

    @staticmethod
    def series_table(rows: pd.DataFrame) -> pd.DataFrame:
        """The chosen figures, a year to a row and a series to a column (blank: no figure)."""
        table = rows.pivot(index="year", columns="series", values="value")
        table = table[list(dict.fromkeys(rows["series"]))]  # the series in the chart's order
        return table.apply(lambda column: column.map(lambda v: "" if pd.isna(v) else f"{v:,.0f}"))

    def estimates_chart(self, rows: pd.DataFrame) -> alt.Chart:
        base = alt.Chart(rows).encode(
            y=alt.Y("estimator:N", title=None),
            tooltip=["estimator:N", "low:Q", "high:Q", "point:Q", "scope:N", "source:N"],
        )
        return (
            base.mark_bar(height=8, opacity=0.6, color="#4477AA").encode(
                x=alt.X("from:Q", title=rows["unit"].iloc[0]), x2="to:Q"
            )
            + base.mark_point(shape="diamond", size=70, filled=True, color="#EE6677").encode(
                x="point:Q"
            )
        ).properties(
            width="container",
            height=alt.Step(18),
            title=rows["topic_label"].iloc[0],
            description="Range chart of the chosen estimators' figures for the chosen contested total.",
        )

    def view(self) -> list:
        items = []
        rows = self.selection
        if not self.series.value:
            items.append(_message("Choose at least one series."))
        elif rows.empty:
            items.append(_message("The chosen series have no figure in these years."))
        else:
            items += [self.series_chart(rows), self.series_table(rows)]
        compared = self.compared
        items.append(
            self.estimates_chart(compared)
            if len(compared)
            else _message("Choose at least one estimator.")
        )
        return items
