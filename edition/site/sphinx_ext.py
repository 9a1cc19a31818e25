"""Sphinx extension: light pages, with the chart libraries served from the book itself.

Each chart of a page is compiled from Altair's Vega-Lite to Vega when the page is written
(``edition.site.pages``), so the pages need only vega and vega-embed, and only once a chart nears the
viewport: ``edition.js`` (on chart pages only) loads them then. No script holds up the first
paint (the layout template runs them once the page is drawn), and the pages link a single
stylesheet that keeps only the rules they and their scripts can use (``edition.site.bundle``,
``edition.site.purge``; ``edition.site.slim`` for the icons).
The build stops if the served copies are not the versions Altair asks for, or if vl-convert
cannot compile the Vega-Lite version Altair writes.
"""

import functools
import re
import shutil
from html import escape
from pathlib import Path

from docutils import nodes
from myst_nb.ext.glue.roles import PasteTextRole
from myst_nb.sphinx_ import HideCodeCellNode
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError

from ..chart_files import SERVED_DIR
from ..citations import cite_targets
from ..figures import PROSE_NAMESPACE
from ..paths import BOOK_DIR, ROOT
from ..provenance import CITABLE, YEARLY, EvidenceError, sources_behind
from ..tables import load_table
from . import bundle, citable, pages, purge, slim, vendor

SPHINX_DESIGN_FILES = {"sphinx-design.min.css", "design-tabs.js"}
THEME_STYLESHEETS = [
    "styles/theme.css",
    "styles/pydata-sphinx-theme.css",
]  # linked by the theme's template, before the others
_CHART_FILE = re.compile(rf'data-spec="[^"]*/{re.escape(pages.SPEC_DIR)}/([0-9a-f]+\.json)"')
READER_SCRIPT = "reader.js"  # layer switch, citation of a chapter, previews (book/_static/)
CHART_SCRIPT = "edition.js"  # draws the compiled charts and their data tables (book/_static/)


def _check_and_record(app: Sphinx, config: Config) -> None:
    problems = vendor.mismatches() + [problem for problem in [pages.compiler_problem()] if problem]
    if problems:
        raise ExtensionError(
            "chart tools do not match Altair: "
            + "; ".join(problems)
            + " (refresh the served libraries with `python -m edition vendor`; pin a vl-convert-python that compiles Altair's Vega-Lite)"
        )
    # Kept as a config value so that any change to what is injected rewrites every page.
    config.edition_chart_libraries = " ".join(
        vendor.script_path(library) for library in vendor.LIBRARIES
    )
    # edition.js loads the libraries (paths relative to itself) when the first chart nears the viewport
    app.add_js_file(
        CHART_SCRIPT, priority=101, **{"data-libraries": config.edition_chart_libraries}
    )
    app.add_js_file(READER_SCRIPT, priority=102)


def _copy_served_data(app: Sphinx, exception: Exception | None) -> None:
    """Charts name their data files relative to the chapter (``_static/data/…``, which is also
    where JupyterLab finds them), so the files go beside the built chapters as well."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / BOOK_DIR.relative_to(ROOT) / SERVED_DIR.relative_to(BOOK_DIR)
        shutil.copytree(SERVED_DIR, target, dirs_exist_ok=True)


def _drop_stale_charts(app: Sphinx, exception: Exception | None) -> None:
    """A chart whose spec changed is written to a new file: the old one goes once no page names it."""
    if exception is None and app.builder.format == "html":
        site = Path(app.outdir)
        named = {
            name
            for page in site.rglob("*.html")
            for name in _CHART_FILE.findall(page.read_text(encoding="utf-8"))
        }
        for path in (site / "_static" / pages.SPEC_DIR).glob("*.json"):
            if path.name not in named:
                path.unlink()


def _slim_assets(app: Sphinx, exception: Exception | None) -> None:
    """Cut the icon fonts to the icons the pages use, and write the one stylesheet the pages link:
    the theme's and the extensions' sheets, cut to the rules the pages and scripts can use (they
    hold up a page's first paint, so every byte counts)."""
    if exception is None and app.builder.format == "html":
        site = Path(app.outdir)
        slim.slim_icons(site)
        stylesheets = getattr(app.builder, "edition_stylesheets", None)
        if (
            stylesheets is not None
        ):  # else no page was written: the static files, bundle included, are as they were
            bundle.bundle_stylesheets(site / "_static", stylesheets, purge.site_tokens(site))
        elif not (site / "_static" / bundle.BUNDLE).exists():
            raise ExtensionError(
                f"{site / '_static' / bundle.BUNDLE} is missing and no page was written: build with --all"
            )


def _prepare_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Compile the page's charts, and ship only the scripts it uses: the explorers' saved widget
    state is useless without a kernel (their HTML output is a static chart), and a page with no
    chart needs no chart library."""
    if "body" in context:
        body, specs = pages.compile_charts(context["body"], context["pathto"]("_static/", 1))
        _write_specs(Path(app.outdir) / "_static" / pages.SPEC_DIR, specs)
        # sphinxcontrib-bibtex marks its list role="list" around entries that are not list items
        # (an ARIA error for screen readers); a plain block is what it is.
        context["body"] = body.replace(
            '<div role="list" class="citation-list">', '<div class="citation-list">'
        )
    body = context.get("body", "")
    unused = set() if pages.CHART_CLASS in body else {CHART_SCRIPT}
    if (
        'class="sd-' not in body
    ):  # sphinx-design, loaded by Jupyter Book, is used by no page of ours
        unused |= SPHINX_DESIGN_FILES
    context["script_files"] = [
        script
        for script in context.get("script_files", [])
        if getattr(script, "attributes", {}).get("type")
        != "application/vnd.jupyter.widget-state+json"
        and _static_name(script) not in unused
    ]
    # The page links one bundle of its stylesheets (see the layout template), which the build
    # writes at the end from every written page's list.
    stylesheets = getattr(app.builder, "edition_stylesheets", [])
    for name in THEME_STYLESHEETS + [
        _static_name(css) for css in context.get("css_files", []) if _static_name(css) not in unused
    ]:
        if name not in stylesheets:
            stylesheets.append(name)
    app.builder.edition_stylesheets = stylesheets
    context["edition_stylesheet"] = f"_static/{bundle.BUNDLE}"


def _write_specs(folder: Path, specs: dict[str, str]) -> None:
    """Write the compiled charts (named by digest: the same chart on two pages is one file)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in specs.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _static_name(asset) -> str:
    return str(getattr(asset, "filename", asset)).removeprefix("_static/")


def _drop_thebe(app: Sphinx) -> None:
    """Jupyter Book always loads sphinx-thebe, which declares a CDN script URL on every page
    (twice: a console error) and offers live code through a remote Binder. The book promises
    no request to any other host, so its hooks and stylesheet are removed."""
    for listeners in app.events.listeners.values():
        listeners[:] = [
            listener
            for listener in listeners
            if not listener.handler.__module__.startswith("sphinx_thebe")
        ]
    app.registry.css_files[:] = [
        (name, attrs) for name, attrs in app.registry.css_files if name != "sphinx-thebe.css"
    ]


FIGURE_EXPRESSION = re.compile(rf"{PROSE_NAMESPACE}\.([A-Za-z_]\w*)")


class FigureRole(PasteTextRole):
    """``{eval}`figures.<name>``` in a built page: the figure the chapter glued as ``<name>``
    (edition/figures.py). JupyterLab evaluates the same expression live; the build runs no kernel
    for prose, so any other expression is refused."""

    def run(self):
        match = FIGURE_EXPRESSION.fullmatch(self.text.strip())
        if match is None:
            message = self.document.reporter.warning(
                f"{{eval}}`{self.text}`: the book pastes only `{PROSE_NAMESPACE}.<name>`, a figure"
                " its notebook published (edition.publish)",
                line=self.line,
            )
            return [], [message]
        self.text = match.group(1)
        return super().run()


@functools.cache
def _citable_tables() -> dict:
    return {name: load_table(name) for name in [*CITABLE, YEARLY]}


def evidence_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{evidence}`events: a; people: b``` as a citation of the works those rows cite, through
    sphinxcontrib-bibtex (``{cite:p}``), so it links into the bibliography; a table or row the
    data package lacks is an error, which fails the strict build."""
    tables = _citable_tables()
    try:
        source_ids = sources_behind(text, tables)
    except EvidenceError as error:
        message = inliner.reporter.error(f"{{evidence}}: {error}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    targets = cite_targets(source_ids, tables["sources"])  # readings with their works
    cite = inliner.document.settings.env.get_domain("cite").role("p")
    return cite("cite:p", rawtext, targets, lineno, inliner, options or {}, content)


def _figures_role(app: Sphinx) -> None:
    # After myst-nb, which registers its own (kernel-evaluating) {eval} role at setup.
    app.add_role("eval", FigureRole(), override=True)


def _visit_code_toggle(self, node) -> None:
    # myst-nb's toggle, named by the words it shows ("Show code cell source") rather than by an
    # aria-label that differs from them (WCAG 2.5.3, label in name)
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def _depart_code_toggle(self, node) -> None:
    self.body.append("</details>\n")


def _citable_page(app: Sphinx, doctree, docname: str) -> None:
    """Number the prose paragraphs of a chapter and close it with 'Cite this chapter'."""
    if docname in citable.UNNUMBERED or not citable.number_paragraphs(doctree):
        return
    if not (ROOT / "CITATION.cff").is_file():  # a book with no citation file (the build's tests)
        return
    sections = list(doctree.findall(nodes.section))
    title = sections[0].next_node(nodes.title).astext() if sections else docname
    box = citable.citation_html(ROOT / "CITATION.cff", title)
    (sections[0] if sections else doctree).append(nodes.raw("", box, format="html"))


def setup(app: Sphinx) -> dict:
    app.add_node(HideCodeCellNode, override=True, html=(_visit_code_toggle, _depart_code_toggle))
    _drop_thebe(app)
    app.add_config_value("edition_chart_libraries", "", "html")
    app.connect("config-inited", _check_and_record)
    app.connect("builder-inited", _figures_role)
    app.add_role("evidence", evidence_role)
    app.connect("build-finished", _copy_served_data)
    app.connect("build-finished", _drop_stale_charts)
    app.connect("build-finished", _slim_assets)
    app.connect("doctree-resolved", _citable_page)
    app.connect("html-page-context", _prepare_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
