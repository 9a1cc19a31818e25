"""Validated once per change: the cached typed tables, the fast date path, the two layers."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT

from edition import dates, tables
from edition.data import DataError


def _all_date_values() -> set[str]:
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    values = set()
    for resource in descriptor["resources"]:
        frame = pd.read_csv(ROOT / "data" / resource["path"], dtype=str, keep_default_na=False)
        for field in resource["schema"]["fields"]:
            if field.get("edtf"):
                values |= {value for value in frame[field["name"]] if value}
    return values


def test_fast_date_path_agrees_with_the_edtf_library_on_every_date_in_the_data():
    values = _all_date_values()
    fast = {value: dates.fast_bounds(value) for value in values}
    assert sum(bound is not None for bound in fast.values()) > len(values) / 2, (
        "the fast path should take most dates"
    )
    differ = {
        value: (bound, dates.library_bounds(value))
        for value, bound in fast.items()
        if bound is not None and bound != dates.library_bounds(value)
    }
    assert not differ, differ


@pytest.mark.parametrize("text", ["1927-02-29", "1937-13", "1937-00-10", "0000", "1938/1937"])
def test_fast_date_path_leaves_what_it_cannot_vouch_for_to_the_library(text):
    assert dates.fast_bounds(text) is None


def test_plain_forms_give_whole_year_month_and_day():
    assert dates.date_bounds("1928-02") == (
        pd.Timestamp("1928-02-01").date(),
        pd.Timestamp("1928-02-29").date(),
    )
    assert dates.date_bounds("1936~") == dates.library_bounds(
        "1936~"
    )  # a qualified date goes to the library
    with pytest.raises(ValueError):
        dates.date_bounds("1883-02-30")


def _fresh(data_copy: Path) -> dict:
    tables._tables.cache_clear()
    return tables._tables(data_copy.resolve())


def test_tables_are_cached_by_fingerprint_and_read_back_equal(data_copy):
    report, validated = tables.validate_and_cache(data_copy)
    key = tables.inputs_fingerprint(data_copy.resolve())
    path = tables.cache_path(data_copy.resolve(), key)
    assert path.is_file() and not report.problems
    kept = tables.read_cache(path, key)
    assert set(kept) == set(validated)
    for name in validated:
        pd.testing.assert_frame_equal(kept[name], validated[name])


def test_a_changed_data_file_makes_the_cache_stale(data_copy):
    tables.validate_and_cache(data_copy)
    before = tables.inputs_fingerprint(data_copy.resolve())
    with open(data_copy / "people.csv", "a", encoding="utf-8") as handle:
        handle.write("")  # same bytes: same key
    assert tables.inputs_fingerprint(data_copy.resolve()) == before
    text = (data_copy / "people.csv").read_text(encoding="utf-8")
    (data_copy / "people.csv").write_text(
        text.replace("1883-02-30", "x").replace(",1870-04-22,", ",1870-04-21,", 1), encoding="utf-8"
    )
    after = tables.inputs_fingerprint(data_copy.resolve())
    assert after != before and not tables.cache_path(data_copy.resolve(), after).exists()
    people = _fresh(data_copy)["people"]
    assert people.set_index("person_id").loc["lenin", "born"] == "1870-04-21", (
        "a stale cache was read"
    )
    assert tables.cache_path(data_copy.resolve(), after).is_file()
    assert not tables.cache_path(data_copy.resolve(), before).exists(), "the old file is removed"


def test_a_damaged_cache_is_refused_reported_and_replaced(data_copy, capsys):
    tables.validate_and_cache(data_copy)
    key = tables.inputs_fingerprint(data_copy.resolve())
    path = tables.cache_path(data_copy.resolve(), key)
    path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])  # truncated mid-write
    with pytest.raises(tables.CacheError, match="damaged or truncated"):
        tables.read_cache(path, key)
    assert len(_fresh(data_copy)["people"]) > 100
    assert "cannot be used" in capsys.readouterr().err
    tables.read_cache(path, key)  # rewritten whole


def test_a_cache_for_other_inputs_is_refused(data_copy):
    tables.validate_and_cache(data_copy)
    key = tables.inputs_fingerprint(data_copy.resolve())
    path = tables.cache_path(data_copy.resolve(), key)
    with pytest.raises(tables.CacheError, match="other inputs"):
        tables.read_cache(path, "0" * 64)


def test_a_broken_package_is_never_cached(data_copy):
    (data_copy / "people.csv").write_text(
        (data_copy / "people.csv")
        .read_text(encoding="utf-8")
        .replace("1870-04-22", "1870-04-32", 1),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="people.csv:2:born"):
        tables.validate_and_cache(data_copy)
    assert not list((data_copy.parent / "_build").glob("**/*.pickle"))


def test_a_fresh_process_loads_every_table_from_the_cache_without_the_checkers():
    """What a kernel does: with the cache written, no validation library is even imported."""
    tables.validate_and_cache()
    code = (
        "import sys, edition\n"
        "names = ['sources','people','offices','events','excerpts','annotations','trials','defendants',"
        "'repression_annual','repression_operations','series','estimates','claims','places']\n"
        "assert all(len(edition.load_table(name)) for name in names)\n"
        "print(sorted(m for m in ('frictionless', 'edtf', 'altair') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_command_line_names_a_missing_column_without_a_traceback(data_copy):
    frame = pd.read_csv(data_copy / "people.csv", dtype=str, keep_default_na=False)
    frame.drop(columns=["died"]).to_csv(data_copy / "people.csv", index=False)
    done = subprocess.run(
        [sys.executable, "-m", "edition", "check", str(data_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "people.csv:1:died: column missing from the header" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


# --- the two layers ------------------------------------------------------------------------------

PACKAGE = ROOT / "edition"
ENTRY_POINT = PACKAGE / "__main__.py"  # the command line: the one door to both layers


def _imports(path: Path) -> set[str]:
    """The modules a file imports, absolute (``edition.site.build``)."""
    found = set()
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in [base, node.module or ""] if part)
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
    return found


def test_history_modules_never_import_the_site_layer():
    history = [path for path in PACKAGE.glob("*.py") if path != ENTRY_POINT]
    assert len(history) >= 15
    offending = {
        path.name: sorted(
            name for name in _imports(path) if name.startswith(("edition.site", "sphinx"))
        )
        for path in history
    }
    assert not {name: found for name, found in offending.items() if found}, offending


def test_the_import_checker_sees_relative_imports():
    assert "edition.site.build" in _imports(ENTRY_POINT)
    assert "edition.chart_files" in _imports(PACKAGE / "site" / "vendor.py")


def test_the_cache_can_be_turned_off(data_copy):
    env = {**os.environ, "EDITION_TABLE_CACHE": "off"}
    code = f"import edition; edition.load_people({str(data_copy)!r})"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    assert not list((data_copy.parent / "_build").glob("**/*.pickle"))
