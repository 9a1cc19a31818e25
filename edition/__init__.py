"""The edition's shared code: data loading and checking, the chart theme, charts and excerpts.

The names below load on first use, so ``python -m edition build`` (which needs none of them)
starts at once, and a kernel that only loads tables does not import Altair. The first use of any
other name registers and enables the chart theme and sets how charts embed: see ``theme``.

Two layers: the history (this folder) and the site machinery (``edition.site``), which only the
command line and the Sphinx configuration reach; nothing here imports it.
"""

import importlib

_EXPORTS = {
    "catalogue": ["schema_tables", "table_summary"],
    "charts": [
        "fates_chart",
        "fates_marks",
        "politburo_chart",
        "rehabilitation_chart",
        "sovnarkom_chart",
        "trials_chart",
    ],
    "criticism": ["sources_overview_chart", "verdicts_chart"],
    "exile": ["exile_map", "exile_timeline_chart"],
    "explorers": ["PersonDossier", "StatisticsExplorer", "TimelineExplorer"],
    "statistics": ["estimates_chart", "gulag_chart", "operations_chart", "repression_chart"],
    "timelines": ["kirov_aftermath_chart", "purge_timeline_chart", "succession_chart"],
    "data": ["DataError", "check_package"],
    "tables": [
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
        "load_works",
    ],
    "excerpts": ["excerpt_html", "show_excerpt"],
    "figures": ["publish"],
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}
_WITHOUT_THEME = {"data", "tables", "figures"}  # reading data draws nothing


def __getattr__(name: str):
    """Load an exported name, or a submodule (``edition.summaries``), on first use."""
    if name.startswith("__"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if _MODULE_OF.get(name) not in _WITHOUT_THEME:
        importlib.import_module(
            f"{__name__}.theme"
        )  # the theme first: every chart drawn after this uses it
    if name in _MODULE_OF:
        value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    else:
        try:
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


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
    "load_works",
    "operations_chart",
    "politburo_chart",
    "publish",
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
