"""Figures the chapters quote in their prose (through myst-nb ``glue``), computed from the data."""

import pandas as pd


def testament_figures(people: pd.DataFrame) -> dict[str, object]:
    """Counts and spans about the six people named in Lenin's Testament."""
    six = people[people["in_testament"]]
    executed = six[six["death_manner"] == "executed"]
    rehabilitated = six[six["rehabilitated"] != ""]
    years_to_rehabilitation = (
        rehabilitated["rehabilitated_earliest"] - rehabilitated["died_latest"]
    ).dt.days / 365.25
    return {
        "testament_people": len(six),
        "testament_executed": len(executed),
        "testament_assassinated": int((six["death_manner"] == "assassinated").sum()),
        "testament_natural": int((six["death_manner"] == "natural").sum()),
        "testament_rehabilitated": len(rehabilitated),
        "testament_rehabilitation_year": ", ".join(
            sorted(rehabilitated["rehabilitated"].str[:4].unique())
        ),
        "testament_years_to_rehabilitation_min": int(years_to_rehabilitation.min()),
        "testament_years_to_rehabilitation_max": int(years_to_rehabilitation.max()),
        "testament_last_execution": executed["died_latest"].max().strftime("%-d %B %Y"),
    }


def _thousands(value) -> str:
    return f"{int(value):,}"


def _whole_years(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Whole years completed between two days."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def counting_figures(
    annual: pd.DataFrame, operations: pd.DataFrame, estimates: pd.DataFrame
) -> dict[str, object]:
    """The archival totals, the 1937–38 peak, the mass operations and the range of famine estimates."""
    by_year = annual.set_index("year")
    operation = operations.set_index("operation_id")
    peak = by_year.loc[[1937, 1938], "sentenced_to_death"].sum()
    famine = estimates[estimates["topic"] == "famine-1932-33-ussr"]
    return {
        "convicted_1921_1953": _thousands(by_year["convicted"].sum()),
        "sentenced_1921_1953": _thousands(by_year["sentenced_to_death"].sum()),
        "convicted_1937": _thousands(by_year.loc[1937, "convicted"]),
        "sentenced_1938": _thousands(by_year.loc[1938, "sentenced_to_death"]),
        "sentenced_1937_1938": _thousands(peak),
        "share_sentenced_1937_1938": f"{round(100 * peak / by_year['sentenced_to_death'].sum())}%",
        "kulak_convicted": _thousands(operation.loc["kulak-operation", "convicted"]),
        "kulak_sentenced": _thousands(operation.loc["kulak-operation", "sentenced_to_death"]),
        "polish_sentenced": _thousands(operation.loc["polish-operation", "sentenced_to_death"]),
        "national_convicted": _thousands(operation.loc["national-operations-total", "convicted"]),
        "national_sentenced": _thousands(
            operation.loc["national-operations-total", "sentenced_to_death"]
        ),
        "stalin_lists_persons": _thousands(operation.loc["stalin-lists", "convicted"]),
        "gulag_total_years": int(by_year["gulag_total"].notna().sum()),
        "famine_ussr_low": _thousands(pd.concat([famine["low"], famine["point"]]).min()),
        "famine_ussr_high": _thousands(pd.concat([famine["high"], famine["point"]]).max()),
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


def erasure_figures(people: pd.DataFrame, events: pd.DataFrame) -> dict[str, object]:
    """Who was rehabilitated, when, and after how long; Stalin's ages; the Mausoleum years."""
    when = events.set_index("event_id")["date_earliest"]
    stalin = people.set_index("person_id").loc["stalin"]
    drawn = people[
        people["rehabilitation_status"].ne("not-applicable")
        & people["death_manner"].isin(["executed", "died-in-custody", "assassinated"])
    ]
    dated = drawn[drawn["rehabilitated"] != ""]
    years = ((dated["rehabilitated_earliest"] - dated["died_latest"]).dt.days / 365.25).round(0)
    return {
        # the official birth year (1879) is given in the note of the event, not as a date
        "stalin_official_age": when["stalin-fiftieth-birthday"].year - 1879,
        "stalin_age_1929": _whole_years(stalin["born_earliest"], when["stalin-fiftieth-birthday"]),
        "condemned_people": len(drawn),
        "condemned_rehabilitated": len(dated),
        "condemned_no_rehabilitation": int(
            (drawn["rehabilitation_status"] != "rehabilitated").sum()
        ),
        "condemned_refused": int((drawn["rehabilitation_status"] == "refused").sum()),
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
    people: pd.DataFrame, events: pd.DataFrame, offices: pd.DataFrame
) -> dict[str, object]:
    """Lenin's strokes and age, Stalin's and Trotsky's tenures, and the events of the succession chart."""
    from .timelines import SUCCESSION_CATEGORIES, SUCCESSION_PEOPLE

    when = events.set_index("event_id")
    held = offices.set_index("holding_id")
    lenin = people.set_index("person_id").loc["lenin"]
    concerned = events["people"].map(lambda ids: bool(set(ids) & set(SUCCESSION_PEOPLE)))
    drawn_at = (
        events["date_earliest"] + (events["date_latest"] - events["date_earliest"]) / 2
    )  # as the chart draws them
    succession = events[
        concerned
        & events["category"].isin(SUCCESSION_CATEGORIES)
        & drawn_at.dt.year.between(1922, 1929)
    ]
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
        "troika_events_to_january_1925": int(
            (
                succession["date_latest"]
                <= when.loc["trotsky-removed-war-commissar", "date_latest"]
            ).sum()
        ),
    }


def oppositions_figures(
    people: pd.DataFrame, events: pd.DataFrame, offices: pd.DataFrame
) -> dict[str, object]:
    """The Politburo of December 1927, Stalin's ages in 1929, and the fates of the Politburo and the first Sovnarkom."""
    when = events.set_index("event_id")
    full = offices[offices["office"] == "politburo-member"]
    in_december_1927 = full[
        (full["start_earliest"] <= "1927-12-19") & (full["end_earliest"] >= "1927-12-20")
    ]
    members = people[
        people["person_id"].isin(
            set(
                full.loc[
                    (full["start_earliest"] <= "1940-12-31")
                    & (full["end_latest"].isna() | (full["end_latest"] >= "1919-03-01")),
                    "person_id",
                ]
            )
        )
    ]
    first_sovnarkom = people[people["person_id"].isin(when.loc["first-sovnarkom-formed", "people"])]
    birthday = when.loc["stalin-fiftieth-birthday", "date_earliest"]
    manners, sovnarkom = (
        members["death_manner"].value_counts(),
        first_sovnarkom["death_manner"].value_counts(),
    )
    return {
        "opp_politburo_1927_full": in_december_1927["person_id"].nunique(),
        # the official birth year (1879) is given in the note of the event, not as a date
        "opp_stalin_official_age": birthday.year - 1879,
        "opp_stalin_actual_age": _whole_years(
            people.set_index("person_id").loc["stalin", "born_earliest"], birthday
        ),
        "opp_politburo_members": len(members),
        **{
            f"opp_politburo_{manner}": int(manners.get(manner, 0))
            for manner in ["executed", "suicide", "assassinated", "natural"]
        },
        "opp_sovnarkom_members": len(first_sovnarkom),
        "opp_sovnarkom_executed": int(sovnarkom.get("executed", 0)),
        "opp_sovnarkom_natural": int(sovnarkom.get("natural", 0)),
        "opp_sovnarkom_unrecorded": int(sovnarkom.get("", 0)),
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
    trials: pd.DataFrame, defendants: pd.DataFrame, people: pd.DataFrame, events: pd.DataFrame
) -> dict[str, object]:
    """Defendants, sentences, later deaths and rehabilitations of the four trials; the purge events."""
    count = trials.set_index("trial_id")["defendants_count"]
    by_trial = {trial: rows for trial, rows in defendants.groupby("trial_id")}
    second, third = by_trial["moscow-trial-1937"], by_trial["moscow-trial-1938"]
    judges = trials.set_index("trial_id").loc["military-case-1937", "judges"]
    died = people.set_index("person_id").loc[judges, "died_earliest"]
    return {
        "defendants_1936": int(count["moscow-trial-1936"]),
        "defendants_1937": int(count["moscow-trial-1937"]),
        "defendants_military": int(count["military-case-1937"]),
        "defendants_1938": int(count["moscow-trial-1938"]),
        "death_sentences_1937": int((second["sentence"] == "death").sum()),
        "death_sentences_1938": int((third["sentence"] == "death").sum()),
        "defendants_total": len(defendants),
        "death_sentences_total": int((defendants["sentence"] == "death").sum()),
        "survivors_1937": int((second["sentence"] == "imprisonment").sum()),
        "killed_in_custody_1939": int((second["fate"] == "died-in-custody").sum()),
        "shot_1941_1937": int(
            ((second["sentence"] == "imprisonment") & (second["fate"] == "executed")).sum()
        ),
        "shot_1941_1938": int(
            ((third["sentence"] == "imprisonment") & (third["fate"] == "executed")).sum()
        ),
        "rehabilitated_total": int((defendants["rehabilitated"] != "").sum()),
        "military_judges_dead_1938": int((died.dt.year == 1938).sum()),
        # counted where the purge timeline draws them: at the middle of an uncertain date
        "purge_events_1934_1940": int(
            (events["date_earliest"] + (events["date_latest"] - events["date_earliest"]) / 2)
            .dt.year.between(1934, 1940)
            .sum()
        ),
    }
