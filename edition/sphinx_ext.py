"""Sphinx extension: serve the chart libraries with the pages that draw charts.

Each chart of a page is compiled from Altair's Vega-Lite to Vega when the page is written
(``edition.pages``), so the pages need only vega and vega-embed, served from the book itself.
The build stops if the served copies are not the versions Altair asks for, or if vl-convert
cannot compile the Vega-Lite version Altair writes.
"""

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError

from . import pages, slim, vendor
from .paths import BOOK_DIR, ROOT
from .served import SERVED_DIR

SPHINX_DESIGN_FILES = {"sphinx-design.min.css", "design-tabs.js"}
CHART_SCRIPT = "edition.js"  # draws the compiled charts and their data tables (book/_static/)


def _check_and_record(app: Sphinx, config: Config) -> None:
    problems = vendor.mismatches() + [problem for problem in [pages.compiler_problem()] if problem]
    if problems:
        raise ExtensionError(
            "chart tools do not match Altair: " + "; ".join(problems)
            + " (refresh the served libraries with `python -m edition vendor`; pin a vl-convert-python that compiles Altair's Vega-Lite)"
        )
    # Kept as a config value so that any change to what is injected rewrites every page.
    config.edition_chart_scripts = [vendor.script_path(library) for library in vendor.LIBRARIES] + [CHART_SCRIPT]
    for order, path in enumerate(config.edition_chart_scripts):
        app.add_js_file(path, priority=101 + order)


def _copy_served_data(app: Sphinx, exception: Exception | None) -> None:
    """Charts name their data files relative to the chapter (``_static/data/…``, which is also
    where JupyterLab finds them), so the files go beside the built chapters as well."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / BOOK_DIR.relative_to(ROOT) / SERVED_DIR.relative_to(BOOK_DIR)
        shutil.copytree(SERVED_DIR, target, dirs_exist_ok=True)


def _slim_icons(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        slim.slim_icons(Path(app.outdir))


def _prepare_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Compile the page's charts, and ship only the scripts it uses: the explorers' saved widget
    state is useless without a kernel (their HTML output is a static chart), and a page with no
    chart needs no chart library."""
    if "body" in context:
        # sphinxcontrib-bibtex marks its list role="list" around entries that are not list items
        # (an ARIA error for screen readers); a plain block is what it is.
        context["body"] = pages.compile_charts(context["body"]).replace('<div role="list" class="citation-list">', '<div class="citation-list">')
    body = context.get("body", "")
    unused = set() if "editionChart(" in body else set(app.config.edition_chart_scripts)
    if 'class="sd-' not in body:  # sphinx-design, loaded by Jupyter Book, is used by no page of ours
        unused |= SPHINX_DESIGN_FILES
    context["script_files"] = [
        script for script in context.get("script_files", [])
        if getattr(script, "attributes", {}).get("type") != "application/vnd.jupyter.widget-state+json"
        and _static_name(script) not in unused
    ]
    context["css_files"] = [css for css in context.get("css_files", []) if _static_name(css) not in unused]


def _static_name(asset) -> str:
    return str(getattr(asset, "filename", asset)).removeprefix("_static/")


def _drop_thebe(app: Sphinx) -> None:
    """Jupyter Book always loads sphinx-thebe, which declares a CDN script URL on every page
    (twice: a console error) and offers live code through a remote Binder. The book promises
    no request to any other host, so its hooks and stylesheet are removed."""
    for listeners in app.events.listeners.values():
        listeners[:] = [listener for listener in listeners if not listener.handler.__module__.startswith("sphinx_thebe")]
    app.registry.css_files[:] = [(name, attrs) for name, attrs in app.registry.css_files if name != "sphinx-thebe.css"]


def setup(app: Sphinx) -> dict:
    _drop_thebe(app)
    app.add_config_value("edition_chart_scripts", [], "html")
    app.connect("config-inited", _check_and_record)
    app.connect("build-finished", _copy_served_data)
    app.connect("build-finished", _slim_icons)
    app.connect("html-page-context", _prepare_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
