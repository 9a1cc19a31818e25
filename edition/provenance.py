"""What a statement in the prose rests on: the data rows it names, and the works behind them.

A paragraph names its evidence as ``{evidence}`events: kirov-murder; people: kirov, nikolaev```:
tables by name, rows by their key, several rows of one table separated by commas or semicolons.
The site layer turns that into a citation of the works the rows cite (their ``source_ids``), so
the reader sees what each paragraph rests on and an unknown table or row fails the strict build.
"""

import re

import pandas as pd

from .tables import load_table

# Each table a paragraph may cite: its key column, and the columns naming its sources (in order).
CITABLE = {
    "events": ("event_id", ["source_ids"]),
    "people": ("person_id", ["source_ids"]),
    "offices": ("holding_id", ["source_ids"]),
    "places": ("place_id", ["source_ids"]),
    "trials": ("trial_id", ["source_ids"]),
    "defendants": ("trial_id", ["source_ids"]),  # every defendant of the trial
    "annotations": ("annotation_id", ["source_ids"]),
    "claims": ("claim_id", ["source_id", "reference_source_ids"]),
    "excerpts": ("excerpt_id", ["source_id", "quotes_source_ids"]),
    "estimates": ("estimate_id", ["source_ids"]),
    "repression_operations": ("operation_id", ["source_ids"]),
    "series": ("series_id", ["source_ids"]),
    "sources": ("source_id", ["source_id"]),
}
# The yearly table names no sources in its rows: a year (or "1930–1953") cites its series'.
YEARLY = "repression_annual"
HEADING = re.compile(r"\s*([a-z_]+)\s*:\s*")


class EvidenceError(ValueError):
    """Evidence that names no table or row of the data package."""


def parse(text: str) -> list[tuple[str, str]]:
    """``"events: a; b; people: c"`` as ``[("events", "a"), ("events", "b"), ("people", "c")]``."""
    cited, table = [], None
    for part in re.split(r"[;,\n]", text):
        part = part.strip()
        if not part:
            continue
        heading = HEADING.match(part)
        if heading:
            table, part = heading.group(1), part[heading.end() :].strip()
            if table not in CITABLE and table != YEARLY:
                raise EvidenceError(
                    f"{text!r}: no citable table {table!r} (expected one of {', '.join(CITABLE)})"
                )
        if table is None:
            raise EvidenceError(f"{text!r}: {part!r} comes before any table name ('events: …')")
        if part:
            cited.append((table, part))
    if not cited:
        raise EvidenceError(f"{text!r}: names no row (expected 'table: key; key; table: key')")
    return cited


def _ids(value) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value if item]
    return [str(value)] if isinstance(value, str) and value else []


def _yearly_sources(text: str, key: str, tables: dict[str, pd.DataFrame] | None) -> list[str]:
    years = [int(year) for year in re.findall(r"\d{4}", key)]
    if not years or not re.fullmatch(r"\d{4}(\s*[–-]\s*\d{4})?", key):
        raise EvidenceError(f"{text!r}: {YEARLY} is cited by year or years ('1937', '1930–1953')")
    annual = tables[YEARLY] if tables is not None else load_table(YEARLY)
    missing = [year for year in years if year not in set(annual["year"])]
    if missing:
        raise EvidenceError(f"{text!r}: data/{YEARLY}.csv has no row for {missing}")
    series = tables["series"] if tables is not None else load_table("series")
    return [
        item for ids in series.loc[series["table"] == YEARLY, "source_ids"] for item in _ids(ids)
    ]


def sources_behind(text: str, tables: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """The source ids behind the rows ``text`` names, each once, in the order named."""
    found: list[str] = []
    for table, key in parse(text):
        if table == YEARLY:
            found += _yearly_sources(text, key, tables)
            continue
        key_column, source_columns = CITABLE[table]
        frame = tables[table] if tables is not None else load_table(table)
        rows = frame[frame[key_column].astype(str) == key]
        if rows.empty:
            raise EvidenceError(f"{text!r}: data/{table}.csv has no row with {key_column} {key!r}")
        for row in rows.itertuples(index=False):
            for column in source_columns:
                found += _ids(getattr(row, column))
    return list(dict.fromkeys(found))
