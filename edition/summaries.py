"""Figures the chapters quote in their prose (handed over by ``edition.figures.publish``).

Where a chapter's chart draws the thing counted, the figure is read off the frame the chart
draws (its ``*_marks`` function), so a sentence and the chart beside it cannot disagree. Ages,
spans and counts no chart shows are computed from the tables.
"""

import pandas as pd

from .charts import (
    REHABILITATION_STATUS,
    fates_marks,
    politburo_marks,
    rehabilitation_marks,
    sovnarkom_marks,
    trials_marks,
)
from .statistics import (
    ANNUAL_LABELS,
    GULAG_LABELS,
    annual_marks,
    estimates_marks,
    gulag_marks,
    operations_marks,
)
from .timelines import purge_timeline_marks, succession_marks


def testament_figures(
    people: pd.DataFrame, offices: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, object]:
    """Counts and spans about the six named in Lenin's Testament, read off the fates chart's marks."""
    marks = fates_marks(people, offices, events, sources)
    manner = marks["deaths"]["manner of death"]
    executed = marks["deaths"][manner == "executed"]
    rehabilitated = marks["rehabilitations"]
    return {
        "testament_people": len(marks["lives"]),
        "testament_executed": len(executed),
        "testament_assassinated": int((manner == "assassinated").sum()),
        "testament_natural": int((manner == "natural").sum()),
        "testament_rehabilitated": len(rehabilitated),
        "testament_rehabilitation_year": ", ".join(sorted(rehabilitated["when"].str[:4].unique())),
        "testament_years_to_rehabilitation_min": int(rehabilitated["years after death"].min()),
        "testament_years_to_rehabilitation_max": int(rehabilitated["years after death"].max()),
        "testament_last_execution": pd.Timestamp(executed["date"].max()).strftime("%-d %B %Y"),
    }


def _thousands(value) -> str:
    return f"{int(value):,}"


def _whole_years(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Whole years completed between two days."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def counting_figures(
    annual: pd.DataFrame,
    series: pd.DataFrame,
    operations: pd.DataFrame,
    estimates: pd.DataFrame,
    sources: pd.DataFrame,
) -> dict[str, object]:
    """The archival totals, the 1937–38 peak, the mass operations and the range of famine
    estimates, read off the points and bars the chapter's charts draw."""
    points = annual_marks(annual, series, sources)
    by_year = {
        label: points[points["series"] == label].set_index("year")["value"]
        for label in ANNUAL_LABELS.values()
    }
    convicted, sentenced = by_year["convicted"], by_year["sentenced to death"]
    bars = operations_marks(operations, sources).set_index(["operation_id", "figure"])["persons"]
    peak = sentenced.loc[[1937, 1938]].sum()
    spans = estimates_marks(estimates, sources)
    famine = spans[spans["topic"] == "famine-1932-33-ussr"]
    gulag = gulag_marks(annual, series, sources)
    return {
        "convicted_1921_1953": _thousands(convicted.sum()),
        "sentenced_1921_1953": _thousands(sentenced.sum()),
        "convicted_1937": _thousands(convicted.loc[1937]),
        "sentenced_1938": _thousands(sentenced.loc[1938]),
        "sentenced_1937_1938": _thousands(peak),
        "share_sentenced_1937_1938": f"{round(100 * peak / sentenced.sum())}%",
        "kulak_convicted": _thousands(bars["kulak-operation", "convicted"]),
        "kulak_sentenced": _thousands(bars["kulak-operation", "sentenced to death"]),
        "polish_sentenced": _thousands(bars["polish-operation", "sentenced to death"]),
        "national_convicted": _thousands(bars["national-operations-total", "convicted"]),
        "national_sentenced": _thousands(bars["national-operations-total", "sentenced to death"]),
        "stalin_lists_persons": _thousands(bars["stalin-lists", "convicted"]),
        "gulag_total_years": int((gulag["series"] == GULAG_LABELS["gulag_total"]).sum()),
        "famine_ussr_low": _thousands(famine["from"].min()),
        "famine_ussr_high": _thousands(famine["to"].max()),
    }


def trotsky_figures(
    people: pd.DataFrame, events: pd.DataFrame, places: pd.DataFrame
) -> dict[str, object]:
    """Spans of Trotsky's exile and ages at death."""
    when = events.set_index("event_id")["date_earliest"]
    lives = people.set_index("person_id")
    stops = places[places["person_id"] == "trotsky"]
    return {
        "trotsky_exile_years": when["trotsky-death"].year - when["trotsky-exiled-alma-ata"].year,
        "trotsky_exile_countries": int(
            stops.loc[
                stops["country"].ne("Soviet Union") & stops["country"].ne("USSR"), "country"
            ].nunique()
        ),
        "trotsky_years_turkey": _whole_years(
            when["trotsky-arrives-turkey"], when["trotsky-leaves-turkey"]
        ),
        "trotsky_years_mexico": _whole_years(
            when["trotsky-arrives-mexico"], when["trotsky-attacked"]
        ),
        "sedov_age_at_death": _whole_years(
            lives.loc["sedov", "born_earliest"], lives.loc["sedov", "died_earliest"]
        ),
        "trotsky_age_at_death": _whole_years(
            lives.loc["trotsky", "born_earliest"], lives.loc["trotsky", "died_earliest"]
        ),
    }


def erasure_figures(
    people: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, object]:
    """Who was rehabilitated, when, and after how long (the rehabilitation chart's marks);
    Stalin's ages; the Mausoleum years."""
    when = events.set_index("event_id")["date_earliest"]
    stalin = people.set_index("person_id").loc["stalin"]
    drawn = rehabilitation_marks(people, sources)
    dated = drawn[drawn["rehabilitated"] != "—"]
    status = {key: label for key, (label, _) in REHABILITATION_STATUS.items()}
    rehabilitated = drawn["status"].isin([status["rehabilitated"], status["rehabilitated-undated"]])
    years = dated["years after death"]
    return {
        # the official birth year (1879) is given in the note of the event, not as a date
        "stalin_official_age": when["stalin-fiftieth-birthday"].year - 1879,
        "stalin_age_1929": _whole_years(stalin["born_earliest"], when["stalin-fiftieth-birthday"]),
        "condemned_people": len(drawn),
        "condemned_rehabilitated": len(dated),
        "condemned_no_rehabilitation": int((~rehabilitated).sum()),
        "condemned_refused": int((drawn["status"] == status["refused"]).sum()),
        "rehab_1955_1957": int(dated["rehabilitated"].str[:4].isin(["1955", "1956", "1957"]).sum()),
        "rehab_1988": int(dated["rehabilitated"].str.startswith("1988").sum()),
        "rehab_years_min": int(years.min()),
        "rehab_years_max": int(years.max()),
        "rehab_years_median": int(years.median()),
        "stalin_mausoleum_years": _whole_years(
            when["stalin-placed-in-mausoleum"], when["stalin-removed-from-mausoleum"]
        ),
    }


def claims_figures(claims: pd.DataFrame) -> dict[str, object]:
    """How many claims of the source texts were checked, by verdict."""
    verdicts = claims["verdict"].value_counts()
    return {
        "claims_total": len(claims),
        **{
            f"claims_{verdict}": int(verdicts.get(verdict, 0))
            for verdict in ["corroborated", "contradicted", "contested", "unverifiable"]
        },
    }


def testament_table(people: pd.DataFrame) -> pd.DataFrame:
    """The six named in Lenin's Testament: dates, manner of death and rehabilitation."""
    six = people[people["in_testament"]]
    return pd.DataFrame(
        {
            "name": six["name"],
            "in Russian": six["name_ru"],
            "born": six["born"],
            "died": six["died"],
            "how": six["death_manner"],
            "rehabilitated": six["rehabilitated"].where(
                six["rehabilitated"] != "", six["rehabilitation_status"].str.replace("-", " ")
            ),
        }
    ).set_index("name")


def troika_figures(
    people: pd.DataFrame, events: pd.DataFrame, offices: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, object]:
    """Lenin's strokes and age, Stalin's and Trotsky's tenures, and the events the succession
    chart draws."""
    when = events.set_index("event_id")
    held = offices.set_index("holding_id")
    lenin = people.set_index("person_id").loc["lenin"]
    succession = succession_marks(events, people, sources).drop_duplicates("event_id")
    removal = succession.set_index("event_id").loc["trotsky-removed-war-commissar", "date"]
    return {
        "troika_lenin_strokes": int(
            (
                events["category"].eq("illness") & events["people"].map(lambda ids: "lenin" in ids)
            ).sum()
        ),
        "troika_gensec_years": _whole_years(
            held.loc["stalin-general-secretary", "start_earliest"],
            held.loc["stalin-general-secretary", "end_earliest"],
        ),
        "troika_days_to_third_stroke": (
            when.loc["lenin-third-stroke", "date_earliest"]
            - when.loc["lenin-letter-to-stalin-break", "date_earliest"]
        ).days,
        "troika_reply_signatories": len(when.loc["politburo-reply-to-trotsky", "people"]),
        "troika_lenin_age": _whole_years(lenin["born_earliest"], lenin["died_earliest"]),
        "troika_war_commissar_years": _whole_years(
            held.loc["trotsky-war-commissar", "start_earliest"],
            held.loc["trotsky-war-commissar", "end_earliest"],
        ),
        "troika_succession_events": len(succession),
        "troika_testament_people": int(people["in_testament"].sum()),
        "troika_events_to_january_1925": int((succession["date"] <= removal).sum()),
    }


def oppositions_figures(
    people: pd.DataFrame, events: pd.DataFrame, offices: pd.DataFrame, sources: pd.DataFrame
) -> dict[str, object]:
    """The Politburo of December 1927, Stalin's ages in 1929, and the fates of the Politburo and
    the first Sovnarkom, read off the marks of their charts."""
    when = events.set_index("event_id")
    politburo = politburo_marks(offices, people, sources)
    terms = politburo["terms"]
    in_december_1927 = terms[
        (terms["status"] == "full member")
        & (terms["start"] <= "1927-12-19")
        & (terms["end"].isna() | (terms["end"] >= "1927-12-20"))
    ]
    birthday = when.loc["stalin-fiftieth-birthday", "date_earliest"]
    manners = politburo["deaths"]["manner of death"].value_counts()
    sovnarkom = sovnarkom_marks(events, offices, people, sources)
    sovnarkom_manners = sovnarkom["manner of death"].value_counts()
    return {
        "opp_politburo_1927_full": in_december_1927["member"].nunique(),
        # the official birth year (1879) is given in the note of the event, not as a date
        "opp_stalin_official_age": birthday.year - 1879,
        "opp_stalin_actual_age": _whole_years(
            people.set_index("person_id").loc["stalin", "born_earliest"], birthday
        ),
        "opp_politburo_members": len(politburo["deaths"]),
        **{
            f"opp_politburo_{manner}": int(manners.get(manner, 0))
            for manner in ["executed", "suicide", "assassinated", "natural"]
        },
        "opp_sovnarkom_members": len(sovnarkom),
        "opp_sovnarkom_executed": int(sovnarkom_manners.get("executed", 0)),
        "opp_sovnarkom_natural": int(sovnarkom_manners.get("natural", 0)),
        "opp_sovnarkom_unrecorded": int(sovnarkom_manners.get("unknown", 0)),
    }


def kirov_figures(people: pd.DataFrame, events: pd.DataFrame) -> dict[str, object]:
    """Kirov's age, and the days and years between the murder, the arrests, the executions and the decree's repeal."""
    when = events.set_index("event_id")["date_earliest"]
    kirov = people.set_index("person_id").loc["kirov"]
    return {
        "kirov_age_at_death": _whole_years(kirov["born_earliest"], kirov["died_earliest"]),
        "decree_years_in_force": _whole_years(
            when["decree-1-december-1934"], when["terror-decree-repealed"]
        ),
        "days_to_zinoviev_arrest": (when["zinoviev-kamenev-arrested"] - when["kirov-death"]).days,
        "days_to_nikolaev_execution": (when["nikolaev-death"] - when["kirov-death"]).days,
    }


def trials_figures(
    trials: pd.DataFrame,
    defendants: pd.DataFrame,
    people: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
) -> dict[str, object]:
    """Defendants, sentences, later deaths and rehabilitations of the four trials (the trials
    chart's points), and the events the purge timeline draws."""
    marks = trials_marks(trials, defendants, people, sources)
    names = trials.set_index("trial_id")["name"]
    by_trial = {trial: marks[marks["trial"] == name] for trial, name in names.items()}
    second, third = by_trial["moscow-trial-1937"], by_trial["moscow-trial-1938"]
    imprisoned = marks["sentence"] != "death"
    judges = trials.set_index("trial_id").loc["military-case-1937", "judges"]
    died = people.set_index("person_id").loc[judges, "died_earliest"]
    return {
        "defendants_1936": len(by_trial["moscow-trial-1936"]),
        "defendants_1937": len(second),
        "defendants_military": len(by_trial["military-case-1937"]),
        "defendants_1938": len(third),
        "death_sentences_1937": int((second["sentence"] == "death").sum()),
        "death_sentences_1938": int((third["sentence"] == "death").sum()),
        "defendants_total": len(marks),
        "death_sentences_total": int((~imprisoned).sum()),
        "survivors_1937": int(imprisoned[second.index].sum()),
        "killed_in_custody_1939": int((second["fate"] == "died-in-custody").sum()),
        "shot_1941_1937": int((imprisoned[second.index] & (second["fate"] == "executed")).sum()),
        "shot_1941_1938": int((imprisoned[third.index] & (third["fate"] == "executed")).sum()),
        "rehabilitated_total": int((marks["rehabilitated"] != "never").sum()),
        "military_judges_dead_1938": int((died.dt.year == 1938).sum()),
        "purge_events_1934_1940": len(purge_timeline_marks(events, people, sources)),
    }
