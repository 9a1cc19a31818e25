"""The edition's shared code: data loading and checking, the chart theme, charts and excerpts.

Importing the package registers and enables the chart theme once and sets how charts embed
(SVG, so screen readers and tests see the marks; no action menu).
"""

import altair as alt

from . import theme  # noqa: F401  (registers the theme)
from .charts import fates_chart, fates_marks
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
    "check_package",
    "excerpt_html",
    "fates_chart",
    "fates_marks",
    "load_annotations",
    "load_claims",
    "load_defendants",
    "load_estimates",
    "load_events",
    "load_excerpts",
    "load_offices",
    "load_operations",
    "load_people",
    "load_repression_annual",
    "load_series",
    "load_sources",
    "load_table",
    "load_trials",
    "show_excerpt",
]
