"""Chart builders: one small function per chart, each returning an Altair chart.

Every chart has a title, labelled axes, a text description for screen readers and tooltips that
name the source of each mark; colours for a meaning come from ``theme``.
"""

import altair as alt
import pandas as pd

from .citations import cite
from .theme import (
    DEATH_MANNER_COLOURS,
    END_MANNER_COLOURS,
    EVENT_CATEGORY_COLOURS,
    INK,
    colour_scale,
)

TESTAMENT_ORDER = ["stalin", "trotsky", "zinoviev", "kamenev", "bukharin", "pyatakov"]


def _midpoint(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    """The middle of an uncertain date's bounds, where a mark is drawn."""
    return earliest + (latest - earliest) / 2


def _iso(dates: pd.Series) -> pd.Series:
    return dates.dt.strftime("%Y-%m-%d")


def cited(frame: pd.DataFrame, sources: pd.DataFrame, column: str = "source_ids") -> pd.Series:
    """Each row's references as short citations, for a tooltip."""
    return frame[column].map(lambda ids: cite(ids, sources))


def _midday(frame: pd.DataFrame, field: str) -> pd.Series:
    """The ISO day where a mark for an (uncertain) EDTF date is drawn."""
    return _iso(_midpoint(frame[f"{field}_earliest"], frame[f"{field}_latest"]))


# The blows a lifeline marks; deaths and rehabilitations have their own marks (squares, diamonds).
FATE_CATEGORIES = [
    "removal",
    "demotion",
    "expulsion",
    "readmission",
    "exile",
    "deportation",
    "arrest",
    "trial",
    "sentence",
]


def fates_marks(
    people: pd.DataFrame, offices: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """The rows each layer of the fates chart draws, for the people named in the Testament."""
    six = people[people["in_testament"]].set_index("person_id").loc[TESTAMENT_ORDER].reset_index()
    names = dict(zip(six["person_id"], six["name"]))

    def cited_here(frame):
        return cited(frame, sources)

    lives = pd.DataFrame(
        {
            "person": six["name"],
            "start": _iso(six["born_earliest"]),
            "end": _iso(six["died_latest"]),
            "born": six["born"],
            "died": six["died"],
            "source": cited_here(six),
        }
    )
    held = offices[offices["person_id"].isin(names)]
    office_bars = pd.DataFrame(
        {
            "person": held["person_id"].map(names),
            "office": held["office_title"],
            "start": _iso(held["start_earliest"]),
            "end": _iso(held["end_latest"]),
            "from": held["start"],
            "to": held["end"],
            "how it ended": held["end_manner"],
            "source": cited_here(held),
        }
    )
    # Blows are drawn for those who suffered them: where Stalin is among an event's people he dealt it.
    struck = set(six.loc[six["death_manner"].ne("natural"), "person_id"])
    concerned = events.explode("people")
    concerned = concerned[
        concerned["people"].isin(struck) & concerned["category"].isin(FATE_CATEGORIES)
    ]
    event_points = pd.DataFrame(
        {
            "person": concerned["people"].map(names),
            "date": _iso(_midpoint(concerned["date_earliest"], concerned["date_latest"])),
            "when": concerned["date"],
            "category": concerned["category"],
            "event": concerned["title"],
            "source": cited_here(concerned),
        }
    )
    deaths = pd.DataFrame(
        {
            "person": six["name"],
            "date": _iso(_midpoint(six["died_earliest"], six["died_latest"])),
            "when": six["died"],
            "manner of death": six["death_manner"],
            "source": cited_here(six),
        }
    )
    rehabilitated = six[six["rehabilitated"].ne("")]
    rehabilitations = pd.DataFrame(
        {
            "person": rehabilitated["name"],
            "start": _iso(rehabilitated["died_latest"]),
            "date": _iso(rehabilitated["rehabilitated_earliest"]),
            "when": rehabilitated["rehabilitated"],
            "what": rehabilitated["rehabilitation_note"],
            "years after death": (
                (rehabilitated["rehabilitated_earliest"] - rehabilitated["died_latest"]).dt.days
                / 365.25
            ).round(1),
            "source": cited_here(rehabilitated),
        }
    )
    return {
        "lives": lives,
        "offices": office_bars,
        "events": event_points,
        "deaths": deaths,
        "rehabilitations": rehabilitations,
    }


def fates_chart(
    people: pd.DataFrame, offices: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> alt.LayerChart:
    """One lifeline per person named in Lenin's Testament: offices, blows, death, rehabilitation."""
    marks = fates_marks(people, offices, events, sources)
    order = list(marks["lives"]["person"])
    y = alt.Y("person:N", sort=order, title=None, axis=alt.Axis(labelFontSize=13, labelLimit=160))
    x_title = "Year"
    life = (
        alt.Chart(marks["lives"])
        .mark_rule(strokeWidth=2, color=INK, opacity=0.6)
        .encode(
            x=alt.X("start:T", title=x_title, axis=alt.Axis(format="%Y", tickCount=12)),
            x2="end:T",
            y=y,
            tooltip=[
                "person:N",
                alt.Tooltip("born:N", title="born"),
                alt.Tooltip("died:N", title="died"),
                "source:N",
            ],
        )
    )
    office = (
        alt.Chart(marks["offices"])
        .mark_bar(height=9, opacity=0.45, color="#4477AA", cornerRadius=2)
        .encode(
            x="start:T",
            x2="end:T",
            y=y,
            tooltip=["person:N", "office:N", "from:N", "to:N", "how it ended:N", "source:N"],
        )
    )
    blows = (
        alt.Chart(marks["events"])
        .mark_point(size=90, filled=True, opacity=0.95, stroke="white", strokeWidth=0.5)
        .encode(
            x="date:T",
            y=y,
            color=alt.Color(
                "category:N",
                title="Event",
                scale=colour_scale(
                    EVENT_CATEGORY_COLOURS, list(marks["events"]["category"].unique())
                ),
            ),
            tooltip=[
                "person:N",
                "event:N",
                alt.Tooltip("when:N", title="date"),
                "category:N",
                "source:N",
            ],
        )
    )
    rehab_line = (
        alt.Chart(marks["rehabilitations"])
        .mark_rule(strokeDash=[3, 3], color="#228833", strokeWidth=1.5)
        .encode(
            x="start:T",
            x2="date:T",
            y=y,
        )
    )
    rehab = (
        alt.Chart(marks["rehabilitations"])
        .mark_point(shape="diamond", size=140, filled=True, color="#228833")
        .encode(
            x="date:T",
            y=y,
            tooltip=[
                "person:N",
                alt.Tooltip("when:N", title="rehabilitated"),
                "years after death:Q",
                "what:N",
                "source:N",
            ],
        )
    )
    death = (
        alt.Chart(marks["deaths"])
        .mark_point(shape="square", size=130, filled=True, stroke="white", strokeWidth=0.5)
        .encode(
            x="date:T",
            y=y,
            fill=alt.Fill(
                "manner of death:N",
                title="Manner of death",
                scale=colour_scale(
                    DEATH_MANNER_COLOURS, list(marks["deaths"]["manner of death"].unique())
                ),
            ),
            tooltip=[
                "person:N",
                alt.Tooltip("when:N", title="died"),
                "manner of death:N",
                "source:N",
            ],
        )
    )
    return (
        alt.layer(life, office, rehab_line, blows, death, rehab)
        .resolve_scale(
            color="independent",
            fill="independent",
        )
        .properties(
            width="container",
            height=300,
            title=alt.Title(
                "The fates of the six named in Lenin's Testament",
                subtitle="Lifelines from birth to death; bars are offices; squares mark death; diamonds mark legal rehabilitation",
            ),
            description=(
                "Timeline chart, one row per person named in Lenin's Testament: Stalin, Trotsky, Zinoviev, Kamenev, Bukharin and Pyatakov. "
                "A line runs from birth to death, bars show offices held, coloured points show removals, expulsions, exile, arrests, trials and sentences, "
                "a square at the end of each line shows the manner of death and a diamond the date of legal rehabilitation."
            ),
        )
    )


def _death_scale(values: pd.Series) -> alt.Scale:
    return colour_scale(DEATH_MANNER_COLOURS, list(values.unique()))


def politburo_marks(
    offices: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, pd.DataFrame]:
    """Terms of the full members of the Politburo 1919–1940 (and their candidate terms), and deaths."""
    terms = offices[offices["office"].isin(["politburo-member", "politburo-candidate"])]
    members = set(
        terms.loc[
            (terms["office"] == "politburo-member")
            & (terms["start_earliest"] <= "1940-12-31")
            & (terms["end_latest"].isna() | (terms["end_latest"] >= "1919-03-01")),
            "person_id",
        ]
    )
    terms = terms[terms["person_id"].isin(members)]
    names = people.set_index("person_id")["name"]
    first_start = terms.groupby("person_id")["start_earliest"].min()
    order = [names[person] for person in first_start.sort_values().index]
    bars = pd.DataFrame(
        {
            "member": terms["person_id"].map(names),
            "status": terms["office"].map(
                {"politburo-member": "full member", "politburo-candidate": "candidate"}
            ),
            "start": _iso(terms["start_earliest"]),
            "end": _iso(terms["end_latest"]),
            "from": terms["start"],
            "to": terms["end"],
            "how it ended": terms["end_manner"],
            "source": cited(terms, sources),
        }
    )
    lives = people[people["person_id"].isin(members)]
    deaths = pd.DataFrame(
        {
            "member": lives["name"],
            "date": _midday(lives, "died"),
            "died": lives["died"],
            "manner of death": lives["death_manner"].replace("", "unknown"),
            "source": cited(lives, sources),
        }
    )
    return {"terms": bars, "deaths": deaths, "order": order}


def politburo_chart(
    offices: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.LayerChart:
    """Every full member of the Politburo 1919–1940: a bar per term, how it ended, and the death."""
    marks = politburo_marks(offices, people, sources)
    y = alt.Y("member:N", sort=marks["order"], title=None)
    # (an explicit date domain would stop Vega sizing the chart to its container, so none is set)
    x_scale = alt.Scale()
    terms = alt.Chart(marks["terms"]).encode(
        x=alt.X("start:T", title="Year", scale=x_scale, axis=alt.Axis(format="%Y")),
        x2="end:T",
        y=y,
        tooltip=["member:N", "status:N", "from:N", "to:N", "how it ended:N", "source:N"],
    )
    bars = terms.mark_bar(height=10, cornerRadius=2).encode(
        opacity=alt.Opacity(
            "status:N",
            title="Politburo",
            scale=alt.Scale(domain=["full member", "candidate"], range=[0.85, 0.35]),
        ),
        color=alt.value("#4477AA"),
    )
    ends = terms.mark_tick(thickness=3, size=14).encode(
        x="end:T",
        color=alt.Color(
            "how it ended:N",
            title="Term ended",
            scale=colour_scale(END_MANNER_COLOURS, list(marks["terms"]["how it ended"].unique())),
        ),
    )
    deaths = (
        alt.Chart(marks["deaths"])
        .mark_point(shape="square", size=70, filled=True)
        .encode(
            x=alt.X("date:T", scale=x_scale),
            y=y,
            fill=alt.Fill(
                "manner of death:N",
                title="Manner of death",
                scale=_death_scale(marks["deaths"]["manner of death"]),
            ),
            tooltip=[
                "member:N",
                alt.Tooltip("died:N", title="died"),
                "manner of death:N",
                "source:N",
            ],
        )
    )
    return (
        alt.layer(bars, ends, deaths)
        .resolve_scale(color="independent", fill="independent")
        .properties(
            width="container",
            height=alt.Step(16),
            title=alt.Title(
                "The Politburo, 1919–1940: who sat in it and how each left",
                subtitle="Bars are terms (dark: full member, pale: candidate); ticks mark how a term ended; squares mark death (to 1953)",
            ),
            description=(
                "Timeline chart with one row for every full member of the Politburo between 1919 and 1940, ordered by first election. "
                "Bars show terms as full or candidate member, a coloured tick at the end of each term shows how it ended "
                "(removed, arrested, died), and a square shows the member's death and its manner."
            ),
        )
    )


def sovnarkom_marks(
    events: pd.DataFrame, offices: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """The members of the first Sovnarkom (November 1917), their posts and their deaths."""
    formed = events.set_index("event_id").loc["first-sovnarkom-formed"]
    members = people[people["person_id"].isin(formed["people"])].copy()
    first_posts = offices[
        offices["person_id"].isin(formed["people"]) & offices["start"].str.startswith("1917-11")
    ]
    posts = first_posts.groupby("person_id")["office_title"].agg("; ".join)
    return pd.DataFrame(
        {
            "member": members["name"],
            "post in 1917": members["person_id"].map(posts).fillna(""),
            "start": formed["date"],
            "date": _midday(members, "died"),
            "died": members["died"],
            "manner of death": members["death_manner"].replace("", "unknown"),
            "source": cited(members, sources),
        }
    ).sort_values("date")


def sovnarkom_chart(
    events: pd.DataFrame, offices: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.LayerChart:
    """What became of the members of Lenin's first Council of People's Commissars."""
    marks = sovnarkom_marks(events, offices, people, sources)
    y = alt.Y("member:N", sort=list(marks["member"]), title=None)
    base = alt.Chart(marks).encode(
        y=y,
        tooltip=[
            "member:N",
            "post in 1917:N",
            alt.Tooltip("died:N", title="died"),
            "manner of death:N",
            "source:N",
        ],
    )
    life = base.mark_rule(strokeWidth=2, color=INK, opacity=0.5).encode(
        x=alt.X("start:T", title="Year", axis=alt.Axis(format="%Y")), x2="date:T"
    )
    death = base.mark_point(shape="square", size=110, filled=True).encode(
        x="date:T",
        fill=alt.Fill(
            "manner of death:N",
            title="Manner of death",
            scale=_death_scale(marks["manner of death"]),
        ),
    )
    return alt.layer(life, death).properties(
        width="container",
        height=alt.Step(20),
        title=alt.Title(
            "The first Sovnarkom, November 1917: what became of its members",
            subtitle="A line from the council's formation to each member's death; the square gives the manner of death",
        ),
        description=(
            "Chart with one row for each member of the first Council of People's Commissars, formed in November 1917, "
            "ordered by date of death: a line runs from November 1917 to the member's death and a coloured square shows how they died."
        ),
    )


FATE_COLOURS_FROM_DEATH = {
    "executed": "executed",
    "died-in-custody": "died-in-custody",
    "survived": "natural",
    "unknown": "unknown",
}


def trials_marks(
    trials: pd.DataFrame, defendants: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> pd.DataFrame:
    """One row per defendant: trial, sentence, fate and rehabilitation."""
    names = people.set_index("person_id")["name"]
    trial_names = trials.set_index("trial_id")["name"]
    rows = defendants.merge(trials[["trial_id", "opened_earliest"]], on="trial_id")
    sentence = rows["sentence"].where(
        rows["sentence"] == "death",
        "imprisonment, " + rows["sentence_years"].astype("string") + " years",
    )
    return pd.DataFrame(
        {
            "trial": rows["trial_id"].map(trial_names),
            "trial_order": rows["opened_earliest"].dt.strftime("%Y-%m"),
            "defendant": rows["person_id"].map(names),
            "sentence": sentence,
            "fate": rows["fate"],
            "date": _midday(rows, "fate_date"),
            "fate date": rows["fate_date"],
            "rehabilitated": rows["rehabilitated"].replace("", "never"),
            "source": cited(rows, sources),
        }
    )


def trials_chart(
    trials: pd.DataFrame, defendants: pd.DataFrame, people: pd.DataFrame, sources: pd.DataFrame
) -> alt.FacetChart:
    """The defendants of the three Moscow trials and the military case: sentence, fate, date."""
    marks = trials_marks(trials, defendants, people, sources)
    fates = list(marks["fate"].unique())
    colour = alt.Scale(
        domain=fates, range=[DEATH_MANNER_COLOURS[FATE_COLOURS_FROM_DEATH[fate]] for fate in fates]
    )
    points = (
        alt.Chart(marks)
        .mark_point(size=60, filled=True)
        .encode(
            x=alt.X("date:T", title="Date of death", axis=alt.Axis(format="%Y")),
            y=alt.Y("defendant:N", title=None, sort=alt.EncodingSortField("date")),
            color=alt.Color("fate:N", title="Fate", scale=colour),
            shape=alt.Shape("sentence:N", title="Sentence", legend=None),
            tooltip=[
                "defendant:N",
                "trial:N",
                "sentence:N",
                "fate:N",
                "fate date:N",
                "rehabilitated:N",
                "source:N",
            ],
        )
        .properties(width=520, height=alt.Step(13))
    )
    return (
        points.facet(
            row=alt.Row(
                "trial:N",
                title=None,
                sort=alt.EncodingSortField("trial_order"),
                header=alt.Header(
                    labelAngle=0,
                    labelAlign="left",
                    labelAnchor="start",
                    labelOrient="top",
                    labelFontWeight="bold",
                ),
            ),
        )
        .resolve_scale(y="independent")
        .properties(
            title=alt.Title(
                "The Moscow trials and the military case: every defendant's fate",
                subtitle="Each point is a defendant at the date of death; colour gives the fate",
            ),
            description=(
                "Dot chart in four panels, one per trial (August 1936, January 1937, the military case of June 1937, March 1938). "
                "Each point is a defendant placed at the date of execution or death and coloured by fate: executed, died in custody or survived; "
                "tooltips give the sentence and the date of rehabilitation."
            ),
        )
    )


REHABILITATION_STATUS = {
    "rehabilitated": ("rehabilitated", "#228833"),
    "rehabilitated-undated": ("rehabilitated, date not found", "#88CCAA"),
    "refused": ("rehabilitation refused", "#EE6677"),
    "never": ("never rehabilitated", "#AA3377"),
    "unknown": ("no rehabilitation found", "#BBBBBB"),
}


def rehabilitation_marks(people: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Everyone executed or killed in custody (and Trotsky): death, rehabilitation, the years between."""
    condemned = people[
        people["rehabilitation_status"].ne("not-applicable")
        & people["death_manner"].isin(["executed", "died-in-custody", "assassinated"])
    ]
    status = condemned["rehabilitation_status"].where(
        ~(
            condemned["rehabilitation_status"].eq("rehabilitated")
            & condemned["rehabilitated"].eq("")
        ),
        "rehabilitated-undated",
    )
    years = (
        (condemned["rehabilitated_earliest"] - condemned["died_latest"]).dt.days / 365.25
    ).round(0)
    return pd.DataFrame(
        {
            "person": condemned["name"],
            "death": _midday(condemned, "died"),
            "died": condemned["died"],
            "rehabilitation": _midday(condemned, "rehabilitated").fillna("2000-01-01"),
            "rehabilitated": condemned["rehabilitated"].replace("", "—"),
            "years after death": years,
            "status": status.map(lambda key: REHABILITATION_STATUS[key][0]),
            "what": condemned["rehabilitation_note"],
            "source": cited(condemned, sources),
        }
    ).sort_values(["status", "rehabilitation", "death"])


def rehabilitation_chart(people: pd.DataFrame, sources: pd.DataFrame) -> alt.LayerChart:
    """Years from death to legal rehabilitation; who was refused, and whose rehabilitation is not known."""
    marks = rehabilitation_marks(people, sources)
    labels = [label for label, _ in REHABILITATION_STATUS.values()]
    y = alt.Y("person:N", sort=list(marks["person"]), title=None, axis=alt.Axis(labelFontSize=10))
    tooltip = [
        "person:N",
        "status:N",
        alt.Tooltip("died:N", title="died"),
        alt.Tooltip("rehabilitated:N", title="rehabilitated"),
        "years after death:Q",
        "what:N",
        "source:N",
    ]
    status = alt.Color(
        "status:N",
        title=None,
        scale=alt.Scale(
            domain=labels, range=[colour for _, colour in REHABILITATION_STATUS.values()]
        ),
    )
    base = alt.Chart(marks).encode(y=y, tooltip=tooltip)
    wait = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("death:T", title="Year", axis=alt.Axis(format="%Y")),
        x2="rehabilitation:T",
        color=status,
        strokeDash=alt.condition(
            "datum.status == 'rehabilitated'", alt.value([1, 0]), alt.value([3, 3])
        ),
    )
    death = base.mark_point(shape="square", size=40, filled=True, color="#EE6677").encode(
        x="death:T"
    )
    rehab = (
        base.transform_filter("datum.status == 'rehabilitated'")
        .mark_point(shape="diamond", size=60, filled=True, color="#228833")
        .encode(x="rehabilitation:T")
    )
    return alt.layer(wait, death, rehab).properties(
        width="container",
        height=alt.Step(11),
        title=alt.Title(
            "From death to rehabilitation",
            subtitle="Lines run from death (square) to legal rehabilitation (diamond); dashed lines run on where there was none, or none was found",
        ),
        description=(
            "Chart with one row for each person in the edition who was executed, killed in custody or, like Trotsky, condemned and murdered: "
            "a line from the square at the date of death to a diamond at the date of legal rehabilitation. Dashed lines, coloured by status, "
            "run to the edge of the chart for people whose rehabilitation was refused, never happened, or is not recorded in the references read."
        ),
    )
