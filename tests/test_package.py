"""The edition package: served chart libraries, bibliography, theme, chart and excerpt builders."""

import altair as alt
import pytest

import edition
from edition import vendor
from edition.citations import BIB_PATH, bibtex
from edition.theme import DEATH_MANNER_COLOURS, THEME_NAME


@pytest.mark.parametrize("library, requested", [
    ("vega", alt.VEGA_VERSION), ("vega-lite", alt.VEGALITE_VERSION), ("vega-embed", alt.VEGAEMBED_VERSION),
])
def test_served_chart_library_is_the_version_altair_asks_for(library, requested):
    served = vendor.served_version(library)
    assert vendor.version_satisfies(served, requested), f"{library}: serving {served}, Altair asks for {requested}"
    assert (vendor.VENDOR_DIR / library / "LICENSE").stat().st_size > 0


def test_version_comparison_rejects_other_versions():
    assert vendor.version_satisfies("6.4.0", "6") and vendor.version_satisfies("6.4.1", "6.4.1")
    assert not vendor.version_satisfies("5.30.0", "6") and not vendor.version_satisfies("6.4.0", "6.4.1")


def test_mismatch_is_reported(tmp_path):
    for library in vendor.LIBRARIES:
        (tmp_path / library).mkdir()
        (tmp_path / library / "package.json").write_text('{"version": "5.0.0"}')
    assert len(vendor.mismatches(tmp_path)) == 3


def test_bibliography_is_generated_from_sources():
    assert BIB_PATH.read_text(encoding="utf-8") == bibtex(edition.load_sources()), "run `python -m edition bib`"


def test_theme_is_registered_and_enabled():
    assert alt.theme.active == THEME_NAME


@pytest.fixture(scope="module")
def fates():
    return edition.fates_chart(edition.load_people(), edition.load_offices(), edition.load_events(), edition.load_sources()).to_dict()


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
        "Joseph Stalin", "Leon Trotsky", "Grigory Zinoviev", "Lev Kamenev", "Nikolai Bukharin", "Georgy Pyatakov"]


def test_fates_chart_colours_death_by_manner_with_the_shared_palette(fates):
    death = next(layer for layer in fates["layer"] if "fill" in layer["encoding"])
    scale = death["encoding"]["fill"]["scale"]
    assert all(DEATH_MANNER_COLOURS[manner] == colour for manner, colour in zip(scale["domain"], scale["range"]))


def test_fates_marks_leave_trotsky_unrehabilitated():
    marks = edition.fates_marks(edition.load_people(), edition.load_offices(), edition.load_events(), edition.load_sources())
    assert "Leon Trotsky" not in set(marks["rehabilitations"]["person"])
    assert set(marks["deaths"]["manner of death"]) == {"natural", "assassinated", "executed"}


def test_excerpt_block_names_source_locator_and_notes():
    html = edition.excerpt_html("testament-barbaric", edition.load_excerpts(), edition.load_annotations(), edition.load_sources())
    assert html.startswith('<figure class="excerpt"')
    assert "paragraph 4" in html and "002_752fd258eb460da7.txt" in html
    assert "<mark" in html and "Correction" in html
    assert "Letter to the Congress" in html  # the older document it paraphrases


def test_register_of_people_is_generated_from_the_data():
    from edition.register import REGISTER_PATH, register_markdown

    assert REGISTER_PATH.read_text(encoding="utf-8") == register_markdown(edition.load_people(), edition.load_sources()), "run `python -m edition register`"


def test_served_chart_data_match_the_tables(tmp_path, monkeypatch):
    """The committed JSON files the charts read by URL are what the chart builders write now."""
    import edition.served
    from edition.paths import BOOK_DIR

    monkeypatch.setattr(edition.served, "SERVED_DIR", tmp_path)
    people, events, sources = edition.load_people(), edition.load_events(), edition.load_sources()
    edition.succession_chart(events, people, sources)
    edition.purge_timeline_chart(events, people, sources)
    written = sorted(path.name for path in tmp_path.glob("*.json"))
    assert written == ["event-people.json", "events.json"]
    for name in written:
        committed = BOOK_DIR / "_static" / "data" / name
        assert committed.read_text(encoding="utf-8") == (tmp_path / name).read_text(encoding="utf-8"), f"{name} is stale: re-run the notebooks"


def test_purge_timeline_has_three_bound_controls():
    chart = edition.purge_timeline_chart(edition.load_events(), edition.load_people(), edition.load_sources()).to_dict()
    params = chart.get("params", []) + [param for view in chart["vconcat"] for param in view.get("params", [])]
    kinds = {param["name"]: ("bind" in param, param.get("select", {}).get("type") if isinstance(param.get("select"), dict) else param.get("select")) for param in params}
    assert kinds["person"][0] and kinds["category_filter"] == (True, "point") and kinds["period"][1] == "interval"
    assert chart["vconcat"][0]["encoding"]["x"]["scale"] == {"domain": {"param": "period"}}


def test_every_chart_has_a_title_and_a_description():
    people, offices, events, sources = edition.load_people(), edition.load_offices(), edition.load_events(), edition.load_sources()
    annual, series = edition.load_repression_annual(), edition.load_series()
    charts = [
        edition.politburo_chart(offices, people, sources), edition.sovnarkom_chart(events, offices, people, sources),
        edition.trials_chart(edition.load_trials(), edition.load_defendants(), people, sources), edition.rehabilitation_chart(people, sources),
        edition.repression_chart(annual, series, sources), edition.gulag_chart(annual, series, sources),
        edition.operations_chart(edition.load_operations(), sources), edition.estimates_chart(edition.load_estimates(), sources),
        edition.exile_map(edition.load_places(), sources), edition.verdicts_chart(edition.load_claims(), sources),
    ]
    for chart in charts:
        spec = chart.to_dict()
        assert spec["title"]["text"] and len(spec["description"]) > 80, spec.get("title")
        assert "source" in str(spec), f"{spec['title']['text']}: no tooltip names a source"
