"""Sphinx extension: serve the chart libraries with every page, before any chart runs.

Altair's HTML output skips loading a library from the CDN when ``window.VEGA_DEBUG`` already
holds the version it wants, so that object is set first, then the served copies load in order
(vega, vega-lite, vega-embed). The build stops if the copies are not the versions Altair asks for.
"""

import json
import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError

from . import vendor
from .paths import BOOK_DIR, ROOT
from .served import SERVED_DIR

VEGA_DEBUG_SCRIPT = "vendor/vega-debug.js"


def _chart_scripts() -> list[str]:
    """The inline VEGA_DEBUG script, then the served libraries' paths, in loading order."""
    versions = {f"{library.replace('-', '')}_version": requested for library, (requested, _) in vendor.LIBRARIES.items()}
    return [f"window.VEGA_DEBUG = {json.dumps(versions)};"] + [vendor.script_path(library) for library in vendor.LIBRARIES]


def _check_and_record(app: Sphinx, config: Config) -> None:
    problems = vendor.mismatches()
    if problems:
        raise ExtensionError(
            "served chart libraries do not match Altair: " + "; ".join(problems) + " (run `python -m edition vendor`)"
        )
    # Kept as a config value so that any change to what is injected rewrites every page.
    config.edition_chart_scripts = _chart_scripts()
    # The versions go in a small served file rather than an inline script, which Jupyter Book's
    # Sphinx setup would print twice on every page.
    app.add_js_file(VEGA_DEBUG_SCRIPT, priority=100)
    for order, path in enumerate(config.edition_chart_scripts[1:]):
        app.add_js_file(path, priority=101 + order)


def _write_vega_debug_script(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / VEGA_DEBUG_SCRIPT
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(app.config.edition_chart_scripts[0] + "\n", encoding="utf-8")


def _copy_served_data(app: Sphinx, exception: Exception | None) -> None:
    """Charts name their data files relative to the chapter (``_static/data/…``, which is also
    where JupyterLab finds them), so the files go beside the built chapters as well."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / BOOK_DIR.relative_to(ROOT) / SERVED_DIR.relative_to(BOOK_DIR)
        shutil.copytree(SERVED_DIR, target, dirs_exist_ok=True)


def _trim_page_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Ship only the scripts a page uses: the explorers' saved widget state is useless without a
    kernel (their HTML output is a static chart), and a page with no chart needs no chart library."""
    has_chart = "vegaEmbed(" in context.get("body", "")
    vega_scripts = set(app.config.edition_chart_scripts[1:]) | {VEGA_DEBUG_SCRIPT}
    context["script_files"] = [
        script for script in context.get("script_files", [])
        if getattr(script, "attributes", {}).get("type") != "application/vnd.jupyter.widget-state+json"
        and (has_chart or str(getattr(script, "filename", script)).removeprefix("_static/") not in vega_scripts)
    ]


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
    app.connect("build-finished", _write_vega_debug_script)
    app.connect("build-finished", _copy_served_data)
    app.connect("html-page-context", _trim_page_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
