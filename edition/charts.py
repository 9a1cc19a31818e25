"""Chart builders: one small function per chart, each returning an Altair chart.

Every chart has a title, labelled axes, a text description for screen readers and tooltips that
name the source of each mark; colours for a meaning come from ``theme``.
"""

import altair as alt
import pandas as pd

from .citations import cite
from .theme import DEATH_MANNER_COLOURS, EVENT_CATEGORY_COLOURS, INK, colour_scale

TESTAMENT_ORDER = ["stalin", "trotsky", "zinoviev", "kamenev", "bukharin", "pyatakov"]


def _midpoint(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    """The middle of an uncertain date's bounds, where a mark is drawn."""
    return earliest + (latest - earliest) / 2


def _iso(dates: pd.Series) -> pd.Series:
    return dates.dt.strftime("%Y-%m-%d")


# The blows a lifeline marks; deaths and rehabilitations have their own marks (squares, diamonds).
FATE_CATEGORIES = ["removal", "demotion", "expulsion", "readmission", "exile", "deportation", "arrest", "trial", "sentence"]


def fates_marks(people: pd.DataFrame, offices: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The rows each layer of the fates chart draws, for the people named in the Testament."""
    six = people[people["in_testament"]].set_index("person_id").loc[TESTAMENT_ORDER].reset_index()
    names = dict(zip(six["person_id"], six["name"]))
    cited = lambda frame: frame["source_ids"].map(lambda ids: cite(ids, sources))

    lives = pd.DataFrame({
        "person": six["name"],
        "start": _iso(six["born_earliest"]),
        "end": _iso(six["died_latest"]),
        "born": six["born"],
        "died": six["died"],
        "source": cited(six),
    })
    held = offices[offices["person_id"].isin(names)]
    office_bars = pd.DataFrame({
        "person": held["person_id"].map(names),
        "office": held["office_title"],
        "start": _iso(held["start_earliest"]),
        "end": _iso(held["end_latest"]),
        "from": held["start"],
        "to": held["end"],
        "how it ended": held["end_manner"],
        "source": cited(held),
    })
    # Blows are drawn for those who suffered them: where Stalin is among an event's people he dealt it.
    struck = set(six.loc[six["death_manner"].ne("natural"), "person_id"])
    concerned = events.explode("people")
    concerned = concerned[concerned["people"].isin(struck) & concerned["category"].isin(FATE_CATEGORIES)]
    event_points = pd.DataFrame({
        "person": concerned["people"].map(names),
        "date": _iso(_midpoint(concerned["date_earliest"], concerned["date_latest"])),
        "when": concerned["date"],
        "category": concerned["category"],
        "event": concerned["title"],
        "source": cited(concerned),
    })
    deaths = pd.DataFrame({
        "person": six["name"],
        "date": _iso(_midpoint(six["died_earliest"], six["died_latest"])),
        "when": six["died"],
        "manner of death": six["death_manner"],
        "source": cited(six),
    })
    rehabilitated = six[six["rehabilitated"].ne("")]
    rehabilitations = pd.DataFrame({
        "person": rehabilitated["name"],
        "start": _iso(rehabilitated["died_latest"]),
        "date": _iso(rehabilitated["rehabilitated_earliest"]),
        "when": rehabilitated["rehabilitated"],
        "what": rehabilitated["rehabilitation_note"],
        "years after death": ((rehabilitated["rehabilitated_earliest"] - rehabilitated["died_latest"]).dt.days / 365.25).round(1),
        "source": cited(rehabilitated),
    })
    return {"lives": lives, "offices": office_bars, "events": event_points, "deaths": deaths, "rehabilitations": rehabilitations}


def fates_chart(people: pd.DataFrame, offices: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame) -> alt.LayerChart:
    """One lifeline per person named in Lenin's Testament: offices, blows, death, rehabilitation."""
    marks = fates_marks(people, offices, events, sources)
    order = list(marks["lives"]["person"])
    y = alt.Y("person:N", sort=order, title=None, axis=alt.Axis(labelFontSize=13, labelLimit=160))
    x_title = "Year"
    life = alt.Chart(marks["lives"]).mark_rule(strokeWidth=2, color=INK, opacity=0.6).encode(
        x=alt.X("start:T", title=x_title, axis=alt.Axis(format="%Y", tickCount=12)),
        x2="end:T", y=y,
        tooltip=["person:N", alt.Tooltip("born:N", title="born"), alt.Tooltip("died:N", title="died"), "source:N"],
    )
    office = alt.Chart(marks["offices"]).mark_bar(height=9, opacity=0.45, color="#4477AA", cornerRadius=2).encode(
        x="start:T", x2="end:T", y=y,
        tooltip=["person:N", "office:N", "from:N", "to:N", "how it ended:N", "source:N"],
    )
    blows = alt.Chart(marks["events"]).mark_point(size=90, filled=True, opacity=0.95, stroke="white", strokeWidth=0.5).encode(
        x="date:T", y=y,
        color=alt.Color("category:N", title="Event", scale=colour_scale(EVENT_CATEGORY_COLOURS, list(marks["events"]["category"].unique()))),
        tooltip=["person:N", "event:N", alt.Tooltip("when:N", title="date"), "category:N", "source:N"],
    )
    rehab_line = alt.Chart(marks["rehabilitations"]).mark_rule(strokeDash=[3, 3], color="#228833", strokeWidth=1.5).encode(
        x="start:T", x2="date:T", y=y,
    )
    rehab = alt.Chart(marks["rehabilitations"]).mark_point(shape="diamond", size=140, filled=True, color="#228833").encode(
        x="date:T", y=y,
        tooltip=["person:N", alt.Tooltip("when:N", title="rehabilitated"), "years after death:Q", "what:N", "source:N"],
    )
    death = alt.Chart(marks["deaths"]).mark_point(shape="square", size=130, filled=True, stroke="white", strokeWidth=0.5).encode(
        x="date:T", y=y,
        fill=alt.Fill("manner of death:N", title="Manner of death", scale=colour_scale(DEATH_MANNER_COLOURS, list(marks["deaths"]["manner of death"].unique()))),
        tooltip=["person:N", alt.Tooltip("when:N", title="died"), "manner of death:N", "source:N"],
    )
    return alt.layer(life, office, rehab_line, blows, death, rehab).resolve_scale(
        color="independent", fill="independent",
    ).properties(
        width="container", height=300,
        title=alt.Title("The fates of the six named in Lenin's Testament", subtitle="Lifelines from birth to death; bars are offices; squares mark death; diamonds mark legal rehabilitation"),
        description=(
            "Timeline chart, one row per person named in Lenin's Testament: Stalin, Trotsky, Zinoviev, Kamenev, Bukharin and Pyatakov. "
            "A line runs from birth to death, bars show offices held, coloured points show removals, expulsions, exile, arrests, trials and sentences, "
            "a square at the end of each line shows the manner of death and a diamond the date of legal rehabilitation."
        ),
    )
