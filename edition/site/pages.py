"""What the built pages ship for each chart: a compiled Vega spec, a stable id and a data table.

A notebook keeps Altair's own HTML output (a Vega-Lite spec and a loader script), which works in
JupyterLab. For the book, each such output is rewritten when the page is written:

- the Vega-Lite spec is compiled to Vega with vl-convert (offline, at build time), so the reader's
  browser needs neither the Vega-Lite compiler (250 kB) nor Altair's loader and its CDN addresses;
- the chart's element id is derived from its spec instead of a random uuid, so two builds of the
  same commit write the same page;
- the marks that have no meaning of their own for a screen reader (a brush, a map's land shapes)
  are hidden from it, and the data behind the chart follows in a ``<details>`` block that
  ``book/_static/edition.js`` fills with tables when a reader opens it;
- the compiled spec goes to a file of its own, which ``edition.js`` fetches and draws only when the
  chart nears the viewport: a reader on a slow phone gets the text first, and the chart library
  and the spec only when a chart is about to be seen.
"""

import hashlib
import html
import json
import re

import altair as alt
import vl_convert

# Altair's HTML output ends in ``})(SPEC, EMBED_OPTIONS);`` inside a script after an
# ``altair-viz-<uuid>`` div, with a style block for that id before it.
_ALTAIR_OUTPUT = re.compile(
    r"(?:<style>\s*#altair-viz-[0-9a-f]{32}\.vega-embed.*?</style>\s*)?"
    r'<div id="altair-viz-[0-9a-f]{32}"></div>\s*<script type="text/javascript">.*?</script>',
    re.DOTALL,
)
_SPEC_START = "})("
CHART_CLASS = 'class="edition-chart"'  # how edition.js (and the build) find a page's charts
SPEC_DIR = "charts"  # in the static folder: a compiled chart per file, named by its spec's digest


class ChartCompileError(ValueError):
    """An Altair output in a page could not be read or compiled."""


def vegalite_version() -> str:
    """The Vega-Lite release Altair writes (``6.4`` for v6.4.1), as vl-convert names them."""
    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def compiler_problem() -> str | None:
    """Why vl-convert cannot compile Altair's specs, or None when it can."""
    wanted = vegalite_version()
    if wanted not in vl_convert.get_vegalite_versions():
        return f"vl-convert compiles Vega-Lite {', '.join(vl_convert.get_vegalite_versions())}; Altair {alt.__version__} writes {wanted}"
    return None


def _spec_and_options(script: str) -> tuple[dict, dict]:
    start = script.rfind(_SPEC_START)
    if start < 0:
        raise ChartCompileError("no chart spec found in an Altair output")
    decoder = json.JSONDecoder()
    spec, end = decoder.raw_decode(script, start + len(_SPEC_START))
    comma = re.compile(r"\s*,\s*").match(script, end)
    if comma is None:
        raise ChartCompileError("no embed options after the chart spec in an Altair output")
    options, _ = decoder.raw_decode(script, comma.end())
    return spec, options


def _quiet_marks(marks: list[dict]) -> None:
    """Hide from screen readers the marks that carry no data of their own, and name every group
    of marks (a facet with no data would otherwise be an unnamed graphic)."""
    for mark in marks:
        name = mark.get("name", "")
        if name.endswith(("_brush", "_brush_bg")) or mark.get("type") == "shape":
            mark["aria"] = False
        elif mark.get("type") != "group":
            mark.setdefault("description", f"{mark.get('type', 'data')} marks")
        _quiet_marks(mark.get("marks", []))


def compile_spec(spec: dict) -> dict:
    """Vega-Lite -> Vega, with the quiet marks hidden from assistive technology."""
    vega = vl_convert.vegalite_to_vega(spec, vl_version=vegalite_version())
    _quiet_marks(vega.get("marks", []))
    return vega


def _data_disclosure(chart_id: str) -> str:
    """An empty disclosure that ``edition.js`` fills with the chart's data as tables when opened."""
    return (
        f'<details class="chart-data" id="{chart_id}-data"><summary>The data behind this chart, as a table</summary>'
        f'<div class="chart-data-scroll"></div></details>'
    )


def _replacement(
    match: re.Match, seen: dict[str, int], static_url: str, specs: dict[str, str]
) -> str:
    spec, options = _spec_and_options(match.group(0))
    digest = hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:12]
    seen[digest] = seen.get(digest, 0) + 1
    chart_id = f"chart-{digest}" + (f"-{seen[digest]}" if seen[digest] > 1 else "")
    specs[f"{digest}.json"] = json.dumps(
        {"spec": compile_spec(spec), "options": {**options, "mode": "vega"}},
        separators=(",", ":"),
        ensure_ascii=False,
        sort_keys=True,
    )
    description = spec.get("description", "")
    label = f' role="figure" aria-label="{html.escape(description)}"' if description else ""
    # The page names the chart's file; edition.js fetches and draws it when the chart nears the viewport.
    return (
        f'<div id="{chart_id}" {CHART_CLASS} data-spec="{static_url}{SPEC_DIR}/{digest}.json"{label}></div>'
        + _data_disclosure(chart_id)
    )


def compile_charts(body: str, static_url: str = "_static/") -> tuple[str, dict[str, str]]:
    """Rewrite every Altair output in a page body (see the module's docstring). ``static_url`` is
    the static folder as the page reaches it. Returns the new body and the chart files it names
    (file name in ``_static/charts/``: compiled spec and embed options, as JSON)."""
    seen: dict[str, int] = {}
    specs: dict[str, str] = {}
    return _ALTAIR_OUTPUT.sub(
        lambda match: _replacement(match, seen, static_url, specs), body
    ), specs
