"""The ipywidgets explorers, driven in-process and in a real kernel: setting a widget changes the
selection, the chart data and the table; bad input gets a message, not a traceback."""

import json

import altair as alt
import pandas as pd
import pytest
from conftest import ROOT

import edition


@pytest.fixture(scope="module")
def tables():
    return {
        name: edition.load_table(name)
        for name in [
            "people",
            "offices",
            "events",
            "excerpts",
            "annotations",
            "claims",
            "sources",
            "repression_annual",
            "series",
            "estimates",
        ]
    }


def chart_rows(items) -> pd.DataFrame:
    chart = next(item for item in items if isinstance(item, alt.TopLevelMixin))
    spec = chart.to_dict()
    return pd.DataFrame(next(iter(spec["datasets"].values())))


def messages(items) -> str:
    return " ".join(
        item.data for item in items if hasattr(item, "data") and isinstance(item.data, str)
    )


def test_timeline_explorer_follows_people_categories_and_years(tables):
    explorer = edition.TimelineExplorer(tables["events"], tables["people"], tables["sources"])
    everyone = explorer.selection
    explorer.people.value = ("trotsky",)
    trotsky = explorer.selection
    assert 0 < len(trotsky) < len(everyone) and trotsky["people"].str.contains("Leon Trotsky").all()
    explorer.years.value = (1929, 1929)
    assert set(explorer.selection["when"].str[:4]) == {"1929"}
    explorer.categories.value = ("exile",)
    items = explorer.view()
    assert set(chart_rows(items)["category"]) == {"exile"}
    table = next(item for item in items if isinstance(item, pd.DataFrame))
    assert len(table) == len(explorer.selection) and table["source"].str.len().gt(0).all()


def test_timeline_explorer_answers_bad_input_in_words(tables):
    explorer = edition.TimelineExplorer(tables["events"], tables["people"], tables["sources"])
    explorer.categories.value = ()
    assert "Choose at least one kind of event" in messages(explorer.view())
    explorer.categories.value = ("mass-operation",)
    explorer.people.value = ("lenin",)
    assert "No event in the data matches" in messages(explorer.view())


def test_person_dossier_changes_with_the_person(tables):
    t = tables
    dossier = edition.PersonDossier(
        t["people"],
        t["offices"],
        t["events"],
        t["excerpts"],
        t["annotations"],
        t["claims"],
        t["sources"],
    )
    trotsky = dossier.dossier("trotsky")
    assert (
        len(trotsky["offices"]) >= 2
        and len(trotsky["events"]) >= 10
        and len(trotsky["excerpts"]) >= 1
    )
    dossier.person.value = "zinoviev"
    assert "Grigory Zinoviev" in messages(dossier.view())
    assert not dossier.dossier("zinoviev")["events"].equals(trotsky["events"])


def test_person_dossier_says_when_a_person_has_no_events(tables):
    t = tables
    # everyone in the data has an event (at least a death), so take one person's events away
    events = t["events"][~t["events"]["people"].map(lambda ids: "hrasche" in ids)]
    dossier = edition.PersonDossier(
        t["people"],
        t["offices"],
        events,
        t["excerpts"],
        t["annotations"],
        t["claims"],
        t["sources"],
    )
    dossier.person.value = "hrasche"
    assert "no event for this person" in messages(dossier.view())


def test_statistics_explorer_series_scale_years_and_estimators(tables):
    t = tables
    explorer = edition.StatisticsExplorer(
        t["repression_annual"], t["series"], t["estimates"], t["sources"]
    )
    explorer.years.value = (1936, 1939)
    rows = chart_rows(explorer.view())
    assert set(rows["year"]) == {1936, 1937, 1938, 1939} and set(rows["series"]) == {
        "convicted",
        "sentenced to death",
    }
    explorer.scale.value = "log"
    series_chart = next(item for item in explorer.view() if isinstance(item, alt.Chart))
    assert series_chart.to_dict()["encoding"]["y"]["scale"]["type"] == "log"
    explorer.series.value = ()
    assert "Choose at least one series" in messages(explorer.view())
    first = explorer.estimators.options[0]
    explorer.estimators.value = (first,)
    assert list(explorer.compared["estimator"]) == [first]
    explorer.estimators.value = ()
    assert "Choose at least one estimator" in messages(explorer.view())


def test_html_fallback_is_a_static_chart_with_a_line_on_running_live(tables):
    explorer = edition.TimelineExplorer(tables["events"], tables["people"], tables["sources"])
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert edition.explorers.RUN_LIVE in bundle["text/html"] and "vegaEmbed" in bundle["text/html"]


def test_explorers_live_in_a_real_kernel():
    """The same steps a reader takes in JupyterLab, in a real ipykernel: the explorer displays as a
    live widget, and setting a widget's value there changes the selection."""
    from edition.site.build import environment
    from edition.site.kernels import IPCKernelManager

    manager = IPCKernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(ROOT / "book"), env=environment(ROOT))
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    outputs = []
    try:
        reply = client.execute_interactive(
            "import json, edition\n"
            "t = {name: edition.load_table(name) for name in ['events', 'people', 'sources']}\n"
            "explorer = edition.TimelineExplorer(t['events'], t['people'], t['sources'])\n"
            "display(explorer)\n"
            "everyone = len(explorer.selection)\n"
            "explorer.people.value = ('trotsky',)\n"
            "print(json.dumps([everyone, len(explorer.selection)]))\n",
            timeout=120,
            output_hook=lambda message: outputs.append(message),
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok", reply["content"]
    shown = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
    assert any("application/vnd.jupyter.widget-view+json" in data for data in shown), (
        "no live widget was displayed"
    )
    printed = "".join(
        m["content"]["text"]
        for m in outputs
        if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"
    )
    everyone, trotsky = json.loads(printed)
    assert 0 < trotsky < everyone
