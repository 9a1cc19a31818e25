"""The data package: valid as committed, and every kind of broken table refused clearly."""

import csv
from pathlib import Path

import pytest
from conftest import require

import edition
from edition.data import DataError, check_package
from edition.paths import seeds_dir


def rewrite(path: Path, change) -> None:
    """Apply ``change`` to the rows (dicts) of a CSV file and write it back."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0])
    rows, fields = change(rows, fields) or (rows, fields)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def problems_text(data_dir: Path) -> str:
    return "\n".join(str(problem) for problem in check_package(data_dir).problems)


def test_committed_package_is_valid():
    report = check_package()
    assert report.problems == [], "\n".join(map(str, report.problems))
    assert report.rows["people"] >= 7 and report.rows["excerpts"] >= 3


def test_excerpts_are_checked_against_the_source_texts():
    require(
        seeds_dir().is_dir(), f"source texts absent at {seeds_dir()}: the verbatim check cannot run"
    )
    report = check_package()
    assert report.excerpts_skipped_reason is None
    assert report.excerpts_checked == report.rows["excerpts"]


def test_verbatim_check_is_skipped_and_said_when_texts_are_absent(tmp_path):
    report = check_package(seeds=tmp_path / "nowhere")
    assert report.excerpts_checked == 0
    assert "not found" in report.excerpts_skipped_reason
    assert "SKIPPED" in report.summary()


def test_every_table_row_names_a_source():
    for name in (
        "people",
        "offices",
        "events",
        "annotations",
        "trials",
        "defendants",
        "repression_operations",
        "series",
        "estimates",
    ):
        table = edition.load_table(name)
        assert table["source_ids"].map(len).gt(0).all(), name


def test_the_package_holds_what_the_chapters_need():
    report = check_package()
    assert report.rows["excerpts"] >= 30 and report.rows["events"] >= 200
    excerpts = edition.load_excerpts()
    texts = edition.load_sources().query("kind == 'source-text'")["source_id"]
    assert excerpts["source_id"].value_counts().reindex(texts, fill_value=0).min() >= 3
    trials = edition.load_trials().set_index("trial_id")
    assert {
        "moscow-trial-1936",
        "moscow-trial-1937",
        "moscow-trial-1938",
        "military-case-1937",
    } <= set(trials.index)
    annual = edition.load_repression_annual().set_index("year")
    assert annual.loc[1921:1953, "convicted"].notna().all()
    assert edition.load_estimates().groupby("topic")["estimator"].nunique().min() >= 2


def test_loaders_return_typed_frames():
    people = edition.load_people()
    assert people["in_testament"].dtype == "boolean"
    assert str(people["born_earliest"].dtype).startswith("datetime64")
    assert isinstance(people.loc[0, "source_ids"], list)
    excerpts = edition.load_excerpts()
    assert str(excerpts["char_start"].dtype) == "Int64"


def _missing_column(rows, fields):
    fields.remove("born")
    for row in rows:
        del row["born"]


def _set(file_column_value, row_index=0):
    column, value = file_column_value

    def change(rows, fields):
        rows[row_index][column] = value

    return change


def _set_where(column, value, where):
    """Set ``column`` to ``value`` in the first row for which ``where(row)`` holds."""

    def change(rows, fields):
        next(row for row in rows if where(row))[column] = value

    return change


def _drop_first_row(rows, fields):
    del rows[0]


def _duplicate_first_row(rows, fields):
    rows.append(dict(rows[0]))


# (file, change, words the problem list must contain)
BAD_CASES = {
    "missing column": ("people.csv", _missing_column, ["people.csv", "born"]),
    "impossible date": (
        "people.csv",
        _set(("born", "1883-02-30")),
        ["people.csv:2:born", "1883-02-30", "EDTF"],
    ),
    "unknown person id": (
        "events.csv",
        _set(("people", "stalin;nobody")),
        ["events.csv:2:people", "nobody", "unknown id"],
    ),
    "duplicate id": ("people.csv", _duplicate_first_row, ["people.csv", "person_id", "lenin"]),
    "word for a number": (
        "excerpts.csv",
        _set(("char_start", "many")),
        ["excerpts.csv:2:char_start", "many", "integer"],
    ),
    "value outside enum": (
        "people.csv",
        _set(("death_manner", "mysterious")),
        ["people.csv:2:death_manner", "mysterious", "enum"],
    ),
    "death before birth": (
        "people.csv",
        _set(("died", "1850-01-01")),
        ["people.csv:2:died", "1850-01-01", "not earlier than born"],
    ),
    "uncited fact": (
        "events.csv",
        _set(("source_ids", "")),
        ["events.csv:2:source_ids", "constraint"],
    ),
    "excerpt of unknown source": (
        "excerpts.csv",
        _set(("source_id", "no-such-source")),
        ["excerpts.csv:2", "source_id", "no-such-source"],
    ),
    "unknown cited source": (
        "offices.csv",
        _set(("source_ids", "wp-zinoviev;invented-book")),
        ["offices.csv:2:source_ids", "invented-book"],
    ),
    "defendants miscounted": (
        "trials.csv",
        _set(("defendants_count", "99")),
        ["trials.csv:2:defendants_count", "99", "defendants.csv"],
    ),
    "execution date unlike the death date": (
        "defendants.csv",
        _set(("fate_date", "1950-01-01")),
        ["defendants.csv:2:fate_date", "1950-01-01", "date of death in people.csv"],
    ),
    "years for a death sentence": (
        "defendants.csv",
        _set_where("sentence_years", "10", lambda row: row["sentence"] == "death"),
        ["defendants.csv", "sentence_years", "empty for a death sentence"],
    ),
    "estimate low above high": (
        "estimates.csv",
        _set_where("low", "999999999", lambda row: row["high"] != ""),
        ["estimates.csv", "low", "999999999", "low ≤ high"],
    ),
    "series without its source": (
        "series.csv",
        _drop_first_row,
        ["repression_annual.csv", "series.csv", "archival source"],
    ),
    "word for a yearly figure": (
        "repression_annual.csv",
        _set(("convicted", "many thousands")),
        ["repression_annual.csv:2:convicted", "many thousands", "integer"],
    ),
    "judged claim without reference": (
        "claims.csv",
        _set_where("reference_source_ids", "", lambda row: row["verdict"] == "contradicted"),
        ["claims.csv", "reference_source_ids", "must name the references"],
    ),
    "claim outside the enum": (
        "claims.csv",
        _set(("verdict", "probably-true")),
        ["claims.csv:2:verdict", "probably-true", "enum"],
    ),
    "excerpt not verbatim": (
        "excerpts.csv",
        _set(("text", "Comrade Stalin was entirely blameless.")),
        ["excerpts.csv:2:text", "not verbatim"],
    ),
    "claim quote not verbatim": (
        "claims.csv",
        _set_where(
            "quote",
            "Stalin was a kindly gardener.",
            lambda row: row["quote"] != "" and row["excerpt_id"] == "",
        ),
        ["claims.csv", "quote", "not found verbatim in the source text"],
    ),
}
VERBATIM_CASES = {"excerpt not verbatim", "claim quote not verbatim"}


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_table_is_refused_with_its_place_named(case, data_copy):
    file, change, expected = BAD_CASES[case]
    if case in VERBATIM_CASES:
        require(
            seeds_dir().is_dir(),
            f"source texts absent at {seeds_dir()}: the verbatim check cannot run",
        )
    rewrite(data_copy / file, change)
    text = problems_text(data_copy)
    for words in expected:
        assert words in text, f"{case}: expected {words!r} in:\n{text}"


def test_empty_file_is_refused(data_copy):
    (data_copy / "events.csv").write_bytes(b"")
    assert "events.csv: file is empty" in problems_text(data_copy)


def test_non_utf8_file_is_refused(data_copy):
    path = data_copy / "people.csv"
    path.write_bytes(path.read_bytes().replace("Ленин".encode(), "Ленин".encode("cp1251")))
    assert "people.csv:2" in problems_text(data_copy) and "not UTF-8" in problems_text(data_copy)


def test_missing_table_is_refused(data_copy):
    (data_copy / "offices.csv").unlink()
    assert "offices.csv: file missing" in problems_text(data_copy)


def test_every_problem_is_listed_not_just_the_first(data_copy):
    rewrite(data_copy / "people.csv", _set(("born", "soon")))
    rewrite(data_copy / "events.csv", _set(("category", "party")))
    text = problems_text(data_copy)
    assert "people.csv:2:born" in text and "events.csv:2:category" in text


def test_loader_refuses_a_broken_package_and_loads_nothing(data_copy):
    rewrite(data_copy / "people.csv", _set(("born", "1883-02-30")))
    with pytest.raises(DataError) as refused:
        edition.load_people(data_copy)
    assert "people.csv:2:born" in str(refused.value)
    with pytest.raises(DataError):
        edition.load_sources(data_copy)  # the valid tables of a broken package are refused too


def test_command_line_check(data_copy, capsys):
    from edition.__main__ import main

    assert main(["check"]) == 0
    assert "data package valid" in capsys.readouterr().out
    rewrite(data_copy / "people.csv", _set(("died", "1850-01-01")))
    assert main(["check", str(data_copy)]) == 1
    assert "people.csv:2:died" in capsys.readouterr().out
