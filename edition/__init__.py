"""The edition's shared code: data loading and checking, the chart theme, charts and excerpts.

Importing the package registers and enables the chart theme once and sets how charts embed
(SVG, so screen readers and tests see the marks; no action menu).
"""

import altair as alt

from . import criticism, explorers, summaries, theme  # noqa: F401  (theme: registers the chart theme)
from .catalogue import schema_tables, table_summary
from .charts import fates_chart, fates_marks, politburo_chart, rehabilitation_chart, sovnarkom_chart, trials_chart
from .criticism import sources_overview_chart, verdicts_chart
from .exile import exile_map, exile_timeline_chart
from .explorers import PersonDossier, StatisticsExplorer, TimelineExplorer
from .statistics import estimates_chart, gulag_chart, operations_chart, repression_chart
from .timelines import kirov_aftermath_chart, purge_timeline_chart, succession_chart
from .data import (
    DataError,
    check_package,
    load_annotations,
    load_claims,
    load_defendants,
    load_estimates,
    load_events,
    load_excerpts,
    load_offices,
    load_operations,
    load_people,
    load_places,
    load_repression_annual,
    load_series,
    load_sources,
    load_table,
    load_trials,
)
from .excerpts import excerpt_html, show_excerpt

alt.renderers.set_embed_options(renderer="svg", actions=False)

__all__ = [
    "DataError",
    "PersonDossier",
    "StatisticsExplorer",
    "TimelineExplorer",
    "check_package",
    "estimates_chart",
    "excerpt_html",
    "exile_map",
    "exile_timeline_chart",
    "fates_chart",
    "fates_marks",
    "gulag_chart",
    "kirov_aftermath_chart",
    "load_annotations",
    "load_claims",
    "load_defendants",
    "load_estimates",
    "load_events",
    "load_excerpts",
    "load_offices",
    "load_operations",
    "load_people",
    "load_places",
    "load_repression_annual",
    "load_series",
    "load_sources",
    "load_table",
    "load_trials",
    "operations_chart",
    "politburo_chart",
    "purge_timeline_chart",
    "rehabilitation_chart",
    "repression_chart",
    "schema_tables",
    "show_excerpt",
    "sources_overview_chart",
    "sovnarkom_chart",
    "succession_chart",
    "table_summary",
    "trials_chart",
    "verdicts_chart",
]
