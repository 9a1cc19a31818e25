"""Every chart builder, drawn to SVG by vl-convert (no browser needed): its data marks are there,
as many as the data give, and every tooltip a reader can open names the source."""

import json
import xml.etree.ElementTree as ET

import pytest
import vl_convert

import edition
from edition.chart_files import inline_served
from edition.site.pages import compile_spec, vegalite_version
from edition.timelines import kirov_aftermath_marks

SVG = "{http://www.w3.org/2000/svg}"


def data_marks(svg: str) -> int:
    """Items drawn in the SVG's mark groups (points, bars, rules, labels), not axes or legends."""
    root = ET.fromstring(svg)
    return sum(
        len(list(group))
        for group in root.iter(f"{SVG}g")
        if "role-mark" in (group.get("class") or "").split()
    )


def tooltips(vega: dict) -> list[str]:
    """The tooltip expressions of every mark of a compiled Vega spec."""
    found = []
    for mark in vega.get("marks", []):
        tooltip = mark.get("encode", {}).get("update", {}).get("tooltip")
        if tooltip:
            found.append(json.dumps(tooltip))
        found += tooltips(mark)
    return found


@pytest.fixture(scope="module")
def t():
    names = [
        "people",
        "offices",
        "events",
        "sources",
        "trials",
        "defendants",
        "repression_annual",
        "series",
        "repression_operations",
        "estimates",
        "places",
        "claims",
        "excerpts",
    ]
    return {name: edition.load_table(name) for name in names}


def _builders(t):
    p, o, e, s = t["people"], t["offices"], t["events"], t["sources"]
    annual = t["repression_annual"]
    in_years = e["date_earliest"].dt.year
    # chart: (builder, the fewest data marks it may draw, with why)
    return {
        "fates": (
            lambda: edition.fates_chart(p, o, e, s),
            6 * 2,
        ),  # a lifeline and a death for each of the six
        "politburo": (
            lambda: edition.politburo_chart(o, p, s),
            int((o["office"] == "politburo-member").sum()),
        ),
        "sovnarkom": (lambda: edition.sovnarkom_chart(e, o, p, s), 10),
        "trials": (
            lambda: edition.trials_chart(t["trials"], t["defendants"], p, s),
            len(t["defendants"]),
        ),
        "rehabilitation": (lambda: edition.rehabilitation_chart(p, s), 20),
        "repression": (
            lambda: edition.repression_chart(annual, t["series"], s),
            int(annual["convicted"].notna().sum()),
        ),
        "gulag": (
            lambda: edition.gulag_chart(annual, t["series"], s),
            int(annual["gulag_total"].notna().sum()),
        ),
        "operations": (lambda: edition.operations_chart(t["repression_operations"], s), 5),
        "estimates": (lambda: edition.estimates_chart(t["estimates"], s), len(t["estimates"]) // 2),
        "exile map": (
            lambda: edition.exile_map(t["places"], s),
            int((t["places"]["person_id"] == "trotsky").sum()),
        ),
        "exile timeline": (
            lambda: edition.exile_timeline_chart(t["places"], e, p, s),
            int((t["places"]["person_id"] == "trotsky").sum()),
        ),
        "verdicts": (lambda: edition.verdicts_chart(t["claims"], s), 4),
        "sources overview": (lambda: edition.sources_overview_chart(t["excerpts"], s), 5),
        "succession": (lambda: edition.succession_chart(e, p, s), 20),
        "kirov aftermath": (
            lambda: edition.kirov_aftermath_chart(e, p, s),
            max(len(kirov_aftermath_marks(e, p, s)), 1),  # an empty window is a failure too
        ),
        "purge timeline": (
            lambda: edition.purge_timeline_chart(e, p, s),
            int(in_years.between(1935, 1939).sum()),
        ),
    }


CHARTS = [
    "fates",
    "politburo",
    "sovnarkom",
    "trials",
    "rehabilitation",
    "repression",
    "gulag",
    "operations",
    "estimates",
    "exile map",
    "exile timeline",
    "verdicts",
    "sources overview",
    "succession",
    "kirov aftermath",
    "purge timeline",
]


def test_every_chart_builder_is_covered():
    exported = {name for name in edition.__all__ if name.endswith(("_chart", "_map"))}
    assert len(exported) == len(CHARTS), sorted(exported)


@pytest.mark.parametrize("name", CHARTS)
def test_chart_draws_its_data_marks_and_names_sources_in_tooltips(name, t):
    build, fewest = _builders(t)[name]
    spec = inline_served(build().to_dict())
    svg = vl_convert.vegalite_to_svg(spec, vl_version=vegalite_version())
    drawn = data_marks(svg)
    assert drawn >= fewest, f"{name}: {drawn} data marks drawn, expected at least {fewest}"
    shown = tooltips(compile_spec(spec))
    assert shown, f"{name}: no mark has a tooltip"
    unsourced = [tip for tip in shown if '"source"' not in tip and "source" not in tip]
    assert not unsourced, f"{name}: tooltips that do not name the source: {unsourced[:2]}"


@pytest.mark.parametrize("name", CHARTS)
def test_chart_has_a_title_and_a_description_for_screen_readers(name, t):
    spec = _builders(t)[name][0]().to_dict()
    title = spec["title"]["text"] if isinstance(spec.get("title"), dict) else spec.get("title")
    assert title, f"{name}: no title"
    assert len(spec.get("description", "")) > 80, (
        f"{name}: the description is missing or too short for a screen reader"
    )
