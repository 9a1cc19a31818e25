"""The edition's chart theme and its colours, defined once and registered once.

Colours carry meaning and keep it everywhere: a manner of death or an event category is drawn
in the same colour in every chart. The palettes come from Paul Tol's colour-blind-safe schemes
("bright" and "muted"), which stay distinguishable in dark mode as well.
"""

import os

import altair as alt

from .paths import CHARTS_MODE

THEME_NAME = "edition"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
# Neutral greys that read on both the light and the dark page background.
INK = "#5f6b7a"

DEATH_MANNER_COLOURS = {
    "executed": "#EE6677",
    "assassinated": "#AA3377",
    "died-in-custody": "#CCBB44",
    "suicide": "#66CCEE",
    "natural": "#4477AA",
    "killed-in-action": "#228833",
    "unknown": "#BBBBBB",
}

EVENT_CATEGORY_COLOURS = {
    "appointment": "#4477AA",
    "election": "#4477AA",
    "removal": "#CCBB44",
    "demotion": "#CCBB44",
    "resignation": "#CCBB44",
    "expulsion": "#EE7733",
    "readmission": "#009988",
    "exile": "#33BBEE",
    "deportation": "#33BBEE",
    "arrest": "#CC3311",
    "trial": "#EE3377",
    "sentence": "#EE3377",
    "execution": "#EE6677",
    "assassination": "#AA3377",
    "death": "#BBBBBB",
    "rehabilitation": "#228833",
    "illness": "#BBBBBB",
    "document": "#882255",
    "congress": "#332288",
    "plenum": "#332288",
    "decree": "#882255",
    "mass-operation": "#CC3311",
    "publication": "#882255",
    "birth": "#BBBBBB",
    "other": "#BBBBBB",
}


# How a term of office ended (Politburo and other posts).
END_MANNER_COLOURS = {
    "removed": "#CCBB44",
    "demoted": "#CCBB44",
    "resigned": "#CCBB44",
    "arrested": "#CC3311",
    "died": "#BBBBBB",
    "promoted": "#4477AA",
    "abolished": "#BBBBBB",
    "term-ended": "#BBBBBB",
}

# The edition's verdict on a claim of a source text.
VERDICT_COLOURS = {
    "corroborated": "#4477AA",
    "contested": "#CCBB44",
    "contradicted": "#EE6677",
    "unverifiable": "#BBBBBB",
}

# A series of figures (convictions, death sentences, prisoners).
SERIES_COLOURS = {
    "convicted": "#4477AA",
    "sentenced to death": "#EE6677",
    "camps": "#228833",
    "colonies": "#CCBB44",
    "prisons": "#AA3377",
    "camps and colonies": "#66CCEE",
}


def colour_scale(colours: dict[str, str], domain: list[str] | None = None) -> alt.Scale:
    """An Altair colour scale that maps each meaning to its colour (only ``domain``, if given)."""
    keys = list(colours) if domain is None else [key for key in colours if key in domain]
    return alt.Scale(domain=keys, range=[colours[key] for key in keys])


@alt.theme.register(THEME_NAME, enable=True)
def edition_theme() -> alt.theme.ThemeConfig:
    # Transparent background and mid-grey text, so the same chart reads in light and dark mode.
    return {
        "config": {
            "background": "transparent",
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 640, "continuousHeight": 320},
            "title": {"fontSize": 15, "anchor": "start", "color": INK, "subtitleColor": INK},
            "axis": {
                "labelColor": INK,
                "titleColor": INK,
                "gridColor": "#8884",
                "domainColor": INK,
                "tickColor": INK,
                "labelFontSize": 12,
                "titleFontSize": 12,
                # labels that would overlap are dropped (every other year, say), not printed on top
                # of each other; a phone's narrow chart keeps fewer of them
                "labelOverlap": "greedy",
            },
            # below the chart, in two columns: a legend at the side takes a phone's whole width
            "legend": {
                "labelColor": INK,
                "titleColor": INK,
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "direction": "vertical",
                "columns": 2,
                "labelLimit": 170,
            },
            "header": {"labelColor": INK, "titleColor": INK},
            "text": {"color": INK},
        }
    }


# How a chart displays depends on where its notebook runs, and is chosen here only.
# - The book's build and the tests (EDITION_CHARTS=static, set by `python -m edition build` and
#   tests/conftest.py): Altair's HTML output, which nbval compares and the site layer compiles
#   and serves with its own copy of the chart libraries.
# - A reader's live kernel (JupyterLab, VS Code, Notebook 7): Altair's JupyterChart widget in its
#   offline mode, whose JavaScript comes from vl-convert (installed by requirements.txt), never
#   from a CDN, with the data the book serves by URL read into the chart.
EMBED_OPTIONS = {"renderer": "svg", "actions": False}  # SVG: screen readers and tests see the marks


def charts_are_static() -> bool:
    return os.environ.get(CHARTS_MODE, "live") == "static"


def static_bundle(spec: dict) -> dict:
    """The chart as the book stores it: Altair's HTML output."""
    from altair.vegalite.v6.display import html_renderer

    return html_renderer(spec, embed_options=EMBED_OPTIONS)


def _render(spec: dict, **metadata) -> dict:
    if charts_are_static():
        return static_bundle(spec)
    from altair.vegalite.v6.display import jupyter_renderer

    from .chart_files import inline_served

    return jupyter_renderer(inline_served(spec), offline=True, embed_options=EMBED_OPTIONS)


alt.renderers.register(THEME_NAME, _render)
alt.renderers.enable(THEME_NAME)
