"""Figures the chapters quote in their prose (through myst-nb ``glue``), computed from the data."""

import pandas as pd


def testament_figures(people: pd.DataFrame) -> dict[str, object]:
    """Counts and spans about the six people named in Lenin's Testament."""
    six = people[people["in_testament"]]
    executed = six[six["death_manner"] == "executed"]
    rehabilitated = six[six["rehabilitated"] != ""]
    years_to_rehabilitation = (rehabilitated["rehabilitated_earliest"] - rehabilitated["died_latest"]).dt.days / 365.25
    return {
        "testament_people": len(six),
        "testament_executed": len(executed),
        "testament_assassinated": int((six["death_manner"] == "assassinated").sum()),
        "testament_natural": int((six["death_manner"] == "natural").sum()),
        "testament_rehabilitated": len(rehabilitated),
        "testament_rehabilitation_year": ", ".join(sorted(rehabilitated["rehabilitated"].str[:4].unique())),
        "testament_years_to_rehabilitation_min": int(years_to_rehabilitation.min()),
        "testament_years_to_rehabilitation_max": int(years_to_rehabilitation.max()),
        "testament_last_execution": executed["died_latest"].max().strftime("%-d %B %Y"),
    }
