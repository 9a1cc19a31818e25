"""Issue 14: add the readings the fact-check found (support-N.csv) to the data.

For each record that agrees (fully or in part) with a row: the work joins data/works.csv (from
the review .bib files) if it is new, a reading (work + locator) joins data/sources.csv, and the
row cites it. Records that disagree are written to a report for the editors, never applied.
Usage: python review/issue-14/tools/apply_support.py NOTES_DIR REPORT.csv
"""

import codecs
import hashlib
import re
import sys
from pathlib import Path

import latexcodec  # noqa: F401  (registers the 'ulatex' codec)
from scrub_hosts import scrub
import pandas as pd
from pybtex.database import parse_file

notes, report_path = Path(sys.argv[1]), Path(sys.argv[2])
REVIEW = Path("review/issue-14")
BLOCKED = {
    line.strip()
    for line in Path("tests/blocked_hosts.sha256").read_text().splitlines()
    if line and not line.startswith("#")
}
COLUMN = {"claims": "reference_source_ids"}
KEY = {
    "events": "event_id",
    "people": "person_id",
    "offices": "holding_id",
    "places": "place_id",
    "annotations": "annotation_id",
    "claims": "claim_id",
    "estimates": "estimate_id",
    "repression_operations": "operation_id",
    "trials": "trial_id",
}


def blocked(url: str) -> bool:
    host = re.sub(r"^https?://([^/:]+).*", r"\1", url).lower().removeprefix("www.")
    labels = host.split(".")
    return any(
        hashlib.sha256(".".join(labels[i:]).encode()).hexdigest() in BLOCKED
        for i in range(len(labels) - 1)
    )


def text(value: str) -> str:
    value = codecs.decode(value, "ulatex") if "\\" in value else value
    value = value.replace("``", "“").replace("''", "”")
    return scrub(re.sub(r"[{}]", "", value).replace("--", "–").strip())


def people(entry, role):
    return " and ".join(text(str(p)) for p in entry.persons.get(role, []))


bib = {}
for path in [REVIEW / "14-works.bib", *sorted(notes.glob("support-*.bib"))]:
    try:
        bib.update({key: entry for key, entry in parse_file(path).entries.items() if key not in bib})
    except Exception as error:  # a malformed helper file is reported, not half-read
        sys.exit(f"{path}: {error}")

works = pd.read_csv("data/works.csv", dtype=str, keep_default_na=False)
sources = pd.read_csv("data/sources.csv", dtype=str, keep_default_na=False)
tables = {}
records = pd.concat(
    [pd.read_csv(path, dtype=str, keep_default_na=False) for path in sorted(notes.glob("support-*.csv"))],
    ignore_index=True,
)
disagreements, skipped, applied = [], [], 0
for record in records.itertuples():
    if record.agreement not in ("agrees", "partly"):
        disagreements.append(record)
        continue
    if record.work_key not in set(works["work_id"]):
        entry = bib.get(record.work_key)
        if entry is None:
            skipped.append((record.table, record.key, record.work_key, "work not described"))
            continue
        f = {k: text(v) for k, v in entry.fields.items()}
        url = f.get("url", "")
        row = {
            "work_id": record.work_key,
            "kind": f.get("kind", record.kind),
            "type": entry.type if entry.type in ("book", "article", "incollection") else "misc",
            "author": people(entry, "author"),
            "editor": people(entry, "editor"),
            "title": f["title"],
            "form": f.get("howpublished", ""),
            "container": f.get("journal", f.get("booktitle", f.get("series", ""))),
            "volume": f.get("volume", ""),
            "issue": f.get("number", ""),
            "place": f.get("address", ""),
            "publisher": f.get("publisher", ""),
            "year": f.get("year", ""),
            "pages": f.get("pages", ""),
            "url": "" if blocked(url) else url,
            "note": f.get("note", ""),
        }
        works = pd.concat([works, pd.DataFrame([row])], ignore_index=True)
    locator = record.locator.strip()
    same = sources[(sources["work_id"] == record.work_key) & (sources["locator"] == locator)]
    if len(same):
        source_id = same["source_id"].iloc[0]
    else:
        stem = re.sub(r"[^a-z0-9]+", "-", f"{record.work_key} {locator}".lower()).strip("-")[:60].strip("-")
        source_id, n = stem, 2
        while source_id in set(sources["source_id"]):
            source_id, n = f"{stem}-{n}", n + 1
        sources = pd.concat(
            [
                sources,
                pd.DataFrame(
                    [
                        {
                            "source_id": source_id,
                            "kind": "reference",
                            "work_id": record.work_key,
                            "locator": locator,
                            "seed_file": "",
                            "url": "",
                            "assessment": scrub(f"Read to check the edition's facts (issue 14): {record.what_the_work_says}"),
                        }
                    ]
                ),
            ],
            ignore_index=True,
        )
    table = record.table
    if not table:  # a reading the prose cites directly (historiography), not a row's
        print("  reading", source_id, "for", record.work_key)
        continue
    if table not in tables:
        tables[table] = pd.read_csv(f"data/{table}.csv", dtype=str, keep_default_na=False)
    frame, column = tables[table], COLUMN.get(table, "source_ids")
    if table == "defendants":
        trial, person = record.key.split("/")
        where = (frame["trial_id"] == trial) & (frame["person_id"] == person)
    else:
        where = frame[KEY[table]] == record.key
    if not where.any():
        skipped.append((table, record.key, record.work_key, "no such row"))
        continue
    for index in frame.index[where]:
        ids = [i for i in frame.at[index, column].split(";") if i]
        if source_id not in ids:
            frame.at[index, column] = ";".join([*ids, source_id])
    applied += 1

works.to_csv("data/works.csv", index=False)
sources.to_csv("data/sources.csv", index=False)
for table, frame in tables.items():
    frame.to_csv(f"data/{table}.csv", index=False)
pd.DataFrame(
    [
        {"table": r.table, "key": r.key, "work_key": r.work_key, "locator": r.locator, "what_the_work_says": r.what_the_work_says}
        for r in disagreements
    ]
).to_csv(report_path, index=False)
print(f"applied {applied}; disagreements {len(disagreements)} -> {report_path}; skipped {len(skipped)}")
for item in skipped:
    print("  skipped", *item)
