"""The bibliography is of works: each work once, with a kind the reader can count, cited with
where it was read; no unauthorised copy or mirror is named anywhere the reader or the data goes."""

import hashlib
import re
from pathlib import Path

import pandas as pd
import pytest

from edition.citations import BIB_PATH, BIBLIOGRAPHY_PATH, KINDS, bibliography_markdown, bibtex
from edition.paths import BOOK_DIR, DATA_DIR, ROOT
from edition.provenance import CITABLE
from edition.tables import load_sources, load_table, load_works

BLOCKED = {
    line.strip()
    for line in (Path(__file__).parent / "blocked_hosts.sha256").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
NAMES = {
    line.strip()
    for line in (Path(__file__).parent / "blocked_names.sha256").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
WORD = re.compile(r"[\w-]{4,}")
HOST = re.compile(r"(?<![\w@.-])((?:[\w-]+\.)+[\w-]{2,})(?![\w-])")
# Tables whose rows state facts, and the column naming what each row rests on.
FACT_TABLES = {
    name: columns[-1] if name == "claims" else columns[0]
    for name, (_, columns) in CITABLE.items()
    if name not in ("sources", "excerpts")
}
WEIGHTY = {"scholarship", "published documents"}


def blocked_hosts_named(text: str) -> set[str]:
    """Every host in ``text`` (or its parent domain) that is on the blocklist, and every bare
    mention of such a site's name ('the example copy')."""
    found = {
        word
        for word in set(WORD.findall(text.lower()))
        if hashlib.sha256(word.encode()).hexdigest() in NAMES
    }
    for host in HOST.findall(text.lower()):
        labels = host.removeprefix("www.").split(".")
        for start in range(len(labels) - 1):
            candidate = ".".join(labels[start:])
            if hashlib.sha256(candidate.encode()).hexdigest() in BLOCKED:
                found.add(host)
    return found


def test_the_blocklist_catches_a_blocked_host_in_running_text():
    # a host is known only by its hash: pick one from a work's address and block it for this test
    assert blocked_hosts_named("see https://en.wikipedia.org/wiki/X") == set()
    sample = "example-copy.test"
    BLOCKED.add(hashlib.sha256(sample.encode()).hexdigest())
    try:
        assert blocked_hosts_named(f"read at https://www.{sample}/book/12 (copy)") == {
            f"www.{sample}"
        }
        assert blocked_hosts_named(f"(the sub.{sample} copy)") == {f"sub.{sample}"}
        NAMES.add(hashlib.sha256(b"examplecopysite").hexdigest())
        assert blocked_hosts_named("read in the Examplecopysite copy, p. 4") == {"examplecopysite"}
    finally:
        BLOCKED.discard(hashlib.sha256(sample.encode()).hexdigest())
        NAMES.discard(hashlib.sha256(b"examplecopysite").hexdigest())


def files_the_reader_or_the_data_reach() -> list[Path]:
    return [
        *sorted(DATA_DIR.glob("*.csv")),
        DATA_DIR / "datapackage.json",
        BIB_PATH,
        *sorted(BOOK_DIR.glob("*.md")),
        *sorted(BOOK_DIR.glob("*.ipynb")),
        ROOT / "README.md",
    ]


def test_no_data_reference_or_chapter_names_a_copy_or_mirror():
    named = {
        path.relative_to(ROOT).as_posix(): sorted(found)
        for path in files_the_reader_or_the_data_reach()
        if (found := blocked_hosts_named(path.read_text(encoding="utf-8")))
    }
    assert not named, f"hosts of unauthorised copies or mirrors named: {named}"


def test_bibliography_is_generated_from_the_works():
    assert BIB_PATH.read_text(encoding="utf-8") == bibtex(load_works()), (
        "run `python -m edition bib`"
    )
    assert BIBLIOGRAPHY_PATH.read_text(encoding="utf-8") == bibliography_markdown(), (
        "run `python -m edition bib`"
    )


def test_each_work_once_each_cited_and_each_of_a_known_kind():
    works, readings = load_works(), load_table("sources")
    assert works["work_id"].is_unique
    assert set(works["kind"]) <= set(KINDS)
    uncited = sorted(set(works["work_id"]) - set(readings["work_id"]))
    assert not uncited, f"works no reading cites (drop them or cite them): {uncited}"
    same_title = works[works.duplicated(["title", "author", "volume", "year", "form"], keep=False)]
    assert same_title.empty, f"one work entered twice: {same_title['work_id'].tolist()}"


def test_a_reading_names_its_work_and_the_citation_shows_where():
    sources = load_sources()
    assert sources["title"].ne("").all()
    row = sources[sources["locator"] != ""].iloc[0]
    from edition.citations import cite_targets, short_citation

    assert short_citation(row).endswith(row["locator"])
    assert cite_targets([row["source_id"]], sources) == (
        row["work_id"] + "{" + re.sub(r"[{},]", " ", row["locator"]).strip() + "}"
    )


def weighty_share(data_dir: Path = DATA_DIR) -> dict[str, tuple[int, int]]:
    """For each fact table: rows citing scholarship or published documents, and all its rows."""
    kind_of = load_sources(data_dir).set_index("source_id")["work_kind"]
    shares = {}
    for table, column in FACT_TABLES.items():
        cited = load_table(table, data_dir)[column]
        weighty = cited.map(lambda ids: any(kind_of[i] in WEIGHTY for i in ids))
        shares[table] = (int(weighty.sum()), int(cited.map(bool).sum()))
    return shares


def overall(shares: dict[str, tuple[int, int]]) -> float:
    return sum(count for count, _ in shares.values()) / sum(rows for _, rows in shares.values())


# Issue 14 asks for 80 %. The floor is the share reached (data/README.md, "Known gaps"), so a
# change that lets it fall fails here; raise it as rows gain citations.
WEIGHTY_FLOOR = 0.81


def test_fact_rows_rest_on_scholarship_or_published_documents():
    shares = weighty_share()
    report = ", ".join(f"{table} {count}/{rows}" for table, (count, rows) in shares.items())
    assert overall(shares) >= WEIGHTY_FLOOR, f"{overall(shares):.1%}: {report}"


def test_the_share_counts_only_scholarship_and_documents(data_copy):
    works = pd.read_csv(data_copy / "works.csv", dtype=str, keep_default_na=False)
    works["kind"] = works["kind"].replace({kind: "reference work" for kind in WEIGHTY})
    works.to_csv(data_copy / "works.csv", index=False)
    assert overall(weighty_share()) > 0
    assert overall(weighty_share(data_copy)) == 0


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_bibliography_page_has_a_section_per_kind(kind):
    assert f'keywords % "{kind.replace(" ", "-")}"' in bibliography_markdown()
