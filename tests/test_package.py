"""The edition package: served chart libraries, bibliography, theme, chart and excerpt builders."""

import json
import re

import altair as alt
import pytest

import edition
from edition.site import pages, slim, vendor
from edition.theme import DEATH_MANNER_COLOURS, THEME_NAME


@pytest.mark.parametrize(
    "library, requested", [("vega", alt.VEGA_VERSION), ("vega-embed", alt.VEGAEMBED_VERSION)]
)
def test_served_chart_library_is_the_version_altair_asks_for(library, requested):
    served = vendor.served_version(library)
    assert vendor.version_satisfies(served, requested), (
        f"{library}: serving {served}, Altair asks for {requested}"
    )
    assert (vendor.VENDOR_DIR / library / "LICENSE").stat().st_size > 0


def test_version_comparison_rejects_other_versions():
    assert vendor.version_satisfies("6.4.0", "6") and vendor.version_satisfies("6.4.1", "6.4.1")
    assert not vendor.version_satisfies("5.30.0", "6") and not vendor.version_satisfies(
        "6.4.0", "6.4.1"
    )


def test_mismatch_is_reported(tmp_path):
    for library in vendor.LIBRARIES:
        (tmp_path / library).mkdir()
        (tmp_path / library / "package.json").write_text('{"version": "5.0.0"}')
    assert len(vendor.mismatches(tmp_path)) == len(vendor.LIBRARIES) == 2


def test_theme_is_registered_and_enabled():
    assert alt.theme.active == THEME_NAME


@pytest.fixture(scope="module")
def fates():
    return edition.fates_chart(
        edition.load_people(), edition.load_offices(), edition.load_events(), edition.load_sources()
    ).to_dict()


def test_fates_chart_has_title_description_and_sourced_tooltips(fates):
    assert "Testament" in fates["title"]["text"]
    assert len(fates["description"]) > 80
    for layer in fates["layer"]:
        tooltip = layer["encoding"].get("tooltip")
        if tooltip:  # every layer a reader can hover names its source
            assert any(item["field"] == "source" for item in tooltip)


def test_fates_chart_draws_one_lifeline_per_testament_person(fates):
    lives = fates["datasets"][fates["layer"][0]["data"]["name"]]
    assert [row["person"] for row in lives] == [
        "Joseph Stalin",
        "Leon Trotsky",
        "Grigory Zinoviev",
        "Lev Kamenev",
        "Nikolai Bukharin",
        "Georgy Pyatakov",
    ]


def test_fates_chart_colours_death_by_manner_with_the_shared_palette(fates):
    death = next(layer for layer in fates["layer"] if "fill" in layer["encoding"])
    scale = death["encoding"]["fill"]["scale"]
    assert all(
        DEATH_MANNER_COLOURS[manner] == colour
        for manner, colour in zip(scale["domain"], scale["range"])
    )


def test_fates_marks_leave_trotsky_unrehabilitated():
    marks = edition.fates_marks(
        edition.load_people(), edition.load_offices(), edition.load_events(), edition.load_sources()
    )
    assert "Leon Trotsky" not in set(marks["rehabilitations"]["person"])
    assert set(marks["deaths"]["manner of death"]) == {"natural", "assassinated", "executed"}


def test_excerpt_block_names_source_locator_and_notes():
    html = edition.excerpt_html(
        "testament-barbaric",
        edition.load_excerpts(),
        edition.load_annotations(),
        edition.load_sources(),
    )
    assert html.startswith('<figure class="excerpt"')
    assert "paragraph 4" in html and "002_752fd258eb460da7.txt" in html
    assert "<mark" in html and "Correction" in html
    assert "Letter to the Congress" in html  # the older document it paraphrases


def test_register_of_people_is_generated_from_the_data():
    from edition.register import REGISTER_PATH, register_markdown

    assert REGISTER_PATH.read_text(encoding="utf-8") == register_markdown(
        edition.load_people(), edition.load_sources()
    ), "run `python -m edition register`"


def test_served_chart_data_match_the_tables(tmp_path, monkeypatch):
    """The committed JSON files the charts read by URL are what the chart builders write now."""
    import edition.chart_files
    from edition.paths import BOOK_DIR

    monkeypatch.setattr(edition.chart_files, "SERVED_DIR", tmp_path)
    people, events, sources = edition.load_people(), edition.load_events(), edition.load_sources()
    edition.succession_chart(events, people, sources)
    edition.kirov_aftermath_chart(events, people, sources)
    edition.purge_timeline_chart(events, people, sources)
    written = sorted(path.name for path in tmp_path.glob("*.json"))
    assert written == ["kirov-aftermath.json", "purges.json", "succession.json"]
    for name in written:
        committed = BOOK_DIR / "_static" / "data" / name
        assert committed.read_text(encoding="utf-8") == (tmp_path / name).read_text(
            encoding="utf-8"
        ), f"{name} is stale: re-run the notebooks"


def test_purge_timeline_has_three_bound_controls():
    chart = edition.purge_timeline_chart(
        edition.load_events(), edition.load_people(), edition.load_sources()
    ).to_dict()
    params = chart.get("params", []) + [
        param for view in chart["vconcat"] for param in view.get("params", [])
    ]
    kinds = {
        param["name"]: (
            "bind" in param,
            param.get("select", {}).get("type")
            if isinstance(param.get("select"), dict)
            else param.get("select"),
        )
        for param in params
    }
    assert (
        kinds["person"][0]
        and kinds["category_filter"] == (True, "point")
        and kinds["period"][1] == "interval"
    )
    assert chart["vconcat"][0]["encoding"]["x"]["scale"] == {"domain": {"param": "period"}}


def _altair_output(chart) -> str:
    bundle = chart._repr_mimebundle_()
    return (bundle[0] if isinstance(bundle, tuple) else bundle)["text/html"]


def test_pages_compile_altair_output_to_vega_with_a_stable_id_and_no_cdn():
    chart = (
        alt.Chart(alt.Data(values=[{"a": 1, "b": "x"}, {"a": 2, "b": "</b>"}]))
        .mark_point()
        .encode(x="a:Q", tooltip="b:N")
        .properties(title="T", description="Two points")
    )
    first, second = (
        pages.compile_charts(f"<p>before</p>{_altair_output(chart)}<p>after</p>", "../_static/")
        for _ in range(2)
    )
    assert first == second, "the same chart must compile to the same page and file"
    body, specs = first
    assert (
        "altair-viz" not in body
        and "cdn.jsdelivr" not in body
        and "vega-lite" not in body
        and "<script" not in body
    )
    assert body.startswith("<p>before</p>") and body.endswith("<p>after</p>")
    [(name, text)] = specs.items()
    assert (
        f'data-spec="../_static/charts/{name}"' in body
        and body.count(name.removesuffix(".json")) >= 2
    )  # file and id
    compiled = json.loads(text)
    assert (
        compiled["spec"]["$schema"].startswith("https://vega.github.io/schema/vega/")
        and compiled["options"]["mode"] == "vega"
    )
    assert "</b>" in text, "the data travel whole in the chart's file"
    assert 'aria-label="Two points"' in body and 'class="chart-data"' in body


def test_pages_number_repeated_charts_and_hide_brushes_from_screen_readers():
    brush = alt.selection_interval(encodings=["x"], name="zoom")
    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q").add_params(brush)
    html, specs = pages.compile_charts(_altair_output(chart) * 2)
    assert len(specs) == 1, "one chart shown twice is one file"
    ids = re.findall(r'<div id="(chart-[0-9a-f]{12}(?:-2)?)"', html)
    assert len(ids) == 2 and ids[1] == ids[0] + "-2"
    vega = pages.compile_spec(chart.to_dict())
    brushes = [mark for mark in vega["marks"] if mark.get("name", "").startswith("zoom_brush")]
    assert brushes and all(mark["aria"] is False for mark in brushes)


def test_pages_refuse_an_unreadable_altair_output():
    broken = (
        '<div id="altair-viz-'
        + "0" * 32
        + '"></div><script type="text/javascript">nothing here</script>'
    )
    with pytest.raises(pages.ChartCompileError):
        pages.compile_charts(broken)


def test_vl_convert_compiles_the_vega_lite_altair_writes():
    assert pages.compiler_problem() is None


def test_icon_purge_keeps_used_icons_only():
    css = '.x{color:red}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-moon:before{content:"\\f186"}'
    purged, codepoints = slim.purge_icon_rules(css, {"fa-bars"})
    assert purged == '.x{color:red}.fa-bars:before{content:"\\f0c9"}' and codepoints == {0xF0C9}
