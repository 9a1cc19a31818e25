"""The notebooks as a reader runs them: a real JupyterLab, started here on 127.0.0.1, opened in
Debian's Chromium, every notebook in book/ run with Run All, with nothing fetched from elsewhere.

One server and one browser serve every notebook. The server runs a copy of book/ (so nothing a
reader's session writes, such as jupyterlab-myst's evaluated expressions, can reach the
checkout) and kernels that import the edition from this checkout and draw charts live, as a
reader's do (no EDITION_CHARTS=static).
"""

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import DATA_MARKS, ROOT

from edition.paths import BOOK_DIR, CHARTS_MODE
from edition.site.build import environment

NOTEBOOKS = sorted(path.name for path in BOOK_DIR.glob("*.ipynb"))
RUN_ALL_TIMEOUT = 240_000  # ms; a notebook runs in 5–25 s on 2 cores

# Text JupyterLab or the widget manager prints where an output failed to render.
RENDER_FAILURES = (
    "Error displaying widget",
    "Error loading script",
    "Loading widget...",
    "Javascript Error",
)
# MyST left as typed in a rendered cell: a role, a directive fence, or a figure not evaluated.
RAW_MYST = re.compile(
    r"\{[A-Za-z][\w:.-]*\}`|```\{|^:::|\bfigures\.\w+|Unknown (Directive|Role)", re.MULTILINE
)

NOTEBOOK_PANEL = "window.jupyterapp.shell.currentWidget"
KERNEL_IDLE = f"""() => {{
    const panel = window.jupyterapp && {NOTEBOOK_PANEL};
    const kernel = panel && panel.sessionContext && panel.sessionContext.session
        && panel.sessionContext.session.kernel;
    return Boolean(kernel) && kernel.status === 'idle';
}}"""
ALL_RUN = f"""() => {{
    const panel = {NOTEBOOK_PANEL};
    return panel.sessionContext.session.kernel.status === 'idle' && panel.content.widgets.every(
        cell => cell.model.type !== 'code' || (cell.model.executionCount !== null
            && !cell.promptNode.textContent.includes('*')));
}}"""
# What the reader sees once the run has finished, read from JupyterLab's own notebook model.
STATE = f"""() => {{
    const cells = {NOTEBOOK_PANEL}.content.widgets;
    const marks = svg => svg.querySelectorAll('{DATA_MARKS}').length;
    return {{
        errors: cells.flatMap(cell => cell.model.type !== 'code' ? [] :
            cell.model.outputs.toJSON().filter(
                output => output.output_type === 'error' || output.name === 'stderr'
            ).map(output => output.ename ? output.ename + ': ' + output.evalue : output.text)),
        failures: [...document.querySelectorAll('.jp-OutputArea-output')].map(o => o.textContent)
            .filter(text => {json.dumps(RENDER_FAILURES)}.some(failure => text.includes(failure))),
        charts: [...document.querySelectorAll('.jp-OutputArea-output .vega-embed')].map(
            chart => chart.querySelector('svg') ? marks(chart.querySelector('svg')) : 0),
        widgets: document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets.widget-vbox').length,
        markdown: cells.filter(cell => cell.model.type === 'markdown').map(cell => ({{
            rendered: cell.rendered,
            text: (cell.node.querySelector('.jp-MarkdownOutput') || {{textContent: ''}}).textContent,
        }})),
    }};
}}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory) -> str:
    """JupyterLab on 127.0.0.1 over a copy of book/, with a settings folder of its own; its URL."""
    home = tmp_path_factory.mktemp("jupyterlab")
    shutil.copytree(BOOK_DIR, home / "book", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    # JupyterLab saves open notebooks every two minutes by default; a test saves nothing.
    # Every cell kept in the page (not only those near the viewport), so each output is checked.
    for plugin, setting in {
        "docmanager-extension/plugin": '{"autosave": false}',
        "notebook-extension/tracker": '{"windowingMode": "none"}',
    }.items():
        path = home / "settings" / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(setting)
    env = {key: value for key, value in environment(ROOT).items() if key != CHARTS_MODE}
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
    )
    # The kernelspec comes from the Python that runs the tests (JUPYTER_DATA_DIR hides user ones).
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    port = free_port()
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",  # CI runs as root
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--ServerApp.root_dir={home / 'book'}",
            "--IdentityProvider.token=",
            "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: Run All, the notebook model
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if server.poll() is not None:
                break
            try:
                urllib.request.urlopen(f"{url}/api/status", timeout=2)
                break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("JupyterLab did not answer within a minute")
        assert server.poll() is None, (
            f"JupyterLab exited:\n{(home / 'server.log').read_text()[-3000:]}"
        )
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def stored_outputs(name: str) -> tuple[int, int]:
    """Charts and widget views in the notebook as the book stores it (run with static charts)."""
    cells = json.loads((BOOK_DIR / name).read_text(encoding="utf-8"))["cells"]
    outputs = [output for cell in cells for output in cell.get("outputs", [])]
    charts = sum("vegaEmbed(" in "".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    views = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    return charts, views


def run_all(browser, lab: str, name: str):
    """Open a notebook in JupyterLab, Run All, wait for the last cell; returns the context, the
    page and the URLs of requests that left 127.0.0.1."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    off_host = []
    page.on(
        "request",
        lambda request: (
            off_host.append(request.url)
            if urlsplit(request.url).scheme not in ("data", "blob")
            and urlsplit(request.url).hostname != "127.0.0.1"
            else None
        ),
    )
    page.goto(f"{lab}/lab/tree/{name}?reset")
    page.wait_for_function(KERNEL_IDLE, timeout=120_000)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(ALL_RUN, timeout=RUN_ALL_TIMEOUT, polling=500)
    page.wait_for_load_state("networkidle")
    return context, page, off_host


def wait_for_charts(page, expected: int) -> dict:
    """The page's state once ``expected`` charts have drawn their marks (widgets render a moment
    after their cell finishes), or after 30 s, whichever comes first."""
    deadline = time.monotonic() + 30
    while True:
        state = page.evaluate(STATE)
        drawn = [marks for marks in state["charts"] if marks]
        if len(drawn) >= expected or time.monotonic() > deadline:
            return state
        page.wait_for_timeout(500)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_live_offline(browser, lab, name):
    context, page, off_host = run_all(browser, lab, name)
    try:
        charts, views = stored_outputs(name)
        state = wait_for_charts(page, charts)
        assert not off_host, f"{name}: requests left the machine: {off_host}"
        assert not state["errors"], f"{name}: error output: {state['errors']}"
        assert not state["failures"], f"{name}: outputs that did not render: {state['failures']}"
        assert len(state["charts"]) >= charts, (
            f"{name}: {len(state['charts'])} charts on the page, {charts} in the stored notebook"
        )
        assert all(state["charts"]), f"{name}: charts with no data marks drawn: {state['charts']}"
        assert state["widgets"] >= views, (
            f"{name}: {state['widgets']} explorers rendered, {views} widget views stored"
        )
        unrendered = [cell["text"][:80] for cell in state["markdown"] if not cell["rendered"]]
        assert not unrendered, f"{name}: markdown cells left unrendered: {unrendered}"
        raw = [
            match.group(0)
            for cell in state["markdown"]
            for match in RAW_MYST.finditer(cell["text"])
        ]
        assert not raw, f"{name}: MyST shown as typed in rendered cells: {raw}"
    finally:
        context.close()


# Each explorer in explore.ipynb: its first control, and the chart and table it must change.
EXPLORER = ".jp-OutputArea-output .jupyter-widgets.widget-vbox"
SIGNATURE = f"""index => {{
    const explorer = document.querySelectorAll('{EXPLORER}')[index];
    const svg = explorer.querySelector('.vega-embed svg');
    const table = explorer.querySelector('table');
    return {{
        chart: svg ? svg.querySelector('.marks, g') && svg.innerHTML : '',
        table: table ? table.textContent : "",
    }};
}}"""


def test_explorer_controls_redraw_chart_and_table(browser, lab):
    """Changing each explorer's first control redraws its chart and its table in the browser."""
    context, page, off_host = run_all(browser, lab, "explore.ipynb")
    try:
        wait_for_charts(page, stored_outputs("explore.ipynb")[0])
        explorers = page.locator(EXPLORER)
        assert explorers.count() == 3, f"{explorers.count()} explorers rendered, expected 3"
        for index in range(3):
            before = page.evaluate(SIGNATURE, index)
            assert before["chart"], f"explorer {index}: no chart drawn"
            control = explorers.nth(index).locator("select").first
            # the first option that is not already the whole selection
            other = control.evaluate(
                "s => [...s.options].findIndex(o => !(o.selected && s.selectedOptions.length === 1))"
            )
            control.select_option(index=other)
            page.wait_for_function(
                f"""() => {{
                    const now = ({SIGNATURE})({index});
                    return now.chart && now.chart !== {json.dumps(before["chart"])};
                }}""",
                timeout=30_000,
            )
            after = page.evaluate(SIGNATURE, index)
            assert after["table"] != before["table"], (
                f"explorer {index}: choosing {other!r} redrew the chart but not the table "
            )
        assert not off_host, f"requests left the machine: {off_host}"
    finally:
        context.close()
