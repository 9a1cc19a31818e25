"""Build and test budgets, measured (not part of the test run): writes benchmarks/REPORT.md.

    python benchmarks/run.py            # everything (about 20 minutes on 2 cores)
    python benchmarks/run.py --no-tests # skip the two pytest runs

Measures, with the book's build command (``python -m edition build --strict``, as the tests
build): a cold build (every notebook executed), a rebuild with no change, a rebuild after one
notebook changes; for comparison, plain ``jupyter-book build`` cold (notebooks run one after
another) and with no change (Sphinx's start-up); the floor they compare with, the bare execution
of the same notebooks with nbclient, serially and two at a time; pytest serially and with
``-n 2 --dist loadfile``; per page, the bytes of its first view and of the page read to its end,
and the time until every chart is drawn as a reader scrolls to each; Lighthouse (mobile preset)
on the heaviest chapter.
"""

import argparse
import functools
import http.server
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import bytes_received, draw_every_chart  # read and weigh a page as the tests do

ROOT = Path(__file__).resolve().parent.parent
BUILD = [sys.executable, "-m", "edition", "build", "--strict"]
PLAIN_BUILD = ["jupyter-book", "build", ".", "-W", "-n", "--keep-going"]
REPORT = ROOT / "benchmarks" / "REPORT.md"
CHROMIUM = os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium")
CHANGED = ROOT / "book" / "troika.ipynb"  # the notebook edited for "rebuild after one change"


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True, **kwargs)
    if finished.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{finished.stdout[-4000:]}\n{finished.stderr[-2000:]}")
    return time.perf_counter() - start


def execute(path: str) -> float:
    """Run one notebook top to bottom in a fresh kernel (what a build must do at least)."""
    notebook = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    return time.perf_counter() - start


def bare_execution(workers: int) -> float:
    notebooks = sorted(str(path) for path in (ROOT / "book").glob("*.ipynb"))
    start = time.perf_counter()
    if workers == 1:
        for notebook in notebooks:
            execute(notebook)
    else:
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(execute, notebooks))
    return time.perf_counter() - start


def builds() -> dict[str, float]:
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    results = {"plain jupyter-book, cold (notebooks one after another)": timed(PLAIN_BUILD)}
    results["plain jupyter-book, no change (Sphinx start-up)"] = timed(PLAIN_BUILD)
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    results["cold build (every notebook executed)"] = timed(BUILD)
    results["rebuild, no change"] = timed(BUILD)
    original = CHANGED.read_text(encoding="utf-8")
    notebook = nbformat.reads(original, as_version=4)
    code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    code.source += "\n# benchmark edit"
    try:
        CHANGED.write_text(nbformat.writes(notebook), encoding="utf-8")
        results[f"rebuild after one notebook changes ({CHANGED.name})"] = timed(BUILD)
    finally:
        CHANGED.write_text(original, encoding="utf-8")
    timed(BUILD)  # leave the cache matching the committed notebooks
    return results


def pages() -> tuple[list[dict], str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    site = ROOT / "_build" / "html"
    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for path in sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if "_static" not in p.parts):
            page = browser.new_context().new_page()
            received = []
            page.on("response", lambda response: received.append(response))
            start = time.perf_counter()
            page.goto(f"{url}/{path}", wait_until="networkidle")
            first_view = bytes_received(received)
            charts = draw_every_chart(page, timeout=30000)  # scrolls to each chart, as a reader would
            drawn = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            rows.append({"page": path, "charts": charts, "first_view": first_view, "bytes": bytes_received(received), "drawn_s": drawn if charts else None})
            page.context.close()
        browser.close()
    heaviest = max((row for row in rows if row["page"].startswith("book/") and row["charts"]), key=lambda row: row["bytes"])
    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    scores = {}
    if lighthouse.exists():
        out = ROOT / "_build" / "lighthouse.json"
        subprocess.run([str(lighthouse), f"{url}/{heaviest['page']}", "--quiet", "--output=json", f"--output-path={out}",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                       check=True, capture_output=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
        scores = {key: value["score"] for key, value in json.loads(out.read_text())["categories"].items()}
    server.shutdown()
    return rows, heaviest["page"], scores


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip the pytest timings")
    args = parser.parse_args()
    floor = {"bare nbclient execution, serial": bare_execution(1), "bare nbclient execution, two at a time": bare_execution(2)}
    build = builds()
    tests = {}
    if not args.no_tests:
        tests["pytest, serial"] = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
        tests["pytest -n 2 --dist loadfile"] = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadfile"])
    rows, heaviest, scores = pages()

    serial = floor["bare nbclient execution, serial"]
    cold = build["cold build (every notebook executed)"]
    lines = [
        "# Benchmark report", "",
        (f"Made by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, "
         f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}. Wall-clock seconds, one run each."), "",
        "| measure | seconds | compared with |", "|---|---:|---|",
    ]
    lines += [f"| {name} | {value:.1f} | floor |" for name, value in floor.items()]
    for name, value in build.items():
        if name.startswith(("cold", "plain jupyter-book, cold")):
            note = f"{value / serial:.2f}× the serial floor" + (" (target ≤ 1.2)" if name.startswith("cold") else "")
        else:
            note = "target ≤ 2 s" if name == "rebuild, no change" else ""
        lines.append(f"| {name} | {value:.1f} | {note} |")
    if tests:
        ratio = tests["pytest -n 2 --dist loadfile"] / tests["pytest, serial"]
        lines += [f"| pytest, serial | {tests['pytest, serial']:.1f} | |", f"| pytest -n 2 --dist loadfile | {tests['pytest -n 2 --dist loadfile']:.1f} | {ratio:.2f}× serial (target ≤ 0.6) |"]
    lines += ["", f"Cold build / bare serial execution: **{cold / serial:.2f}** (target ≤ 1.2; below 1 means faster than running the notebooks one after another).", "",
              "## Pages", "",
              ("Uncompressed bytes, as python's http.server sends them: on first view (charts are drawn only as they near the "
               "viewport, so a page whose charts are below the first screen loads no chart library yet), and once read to its "
               "end with every chart drawn (budget 1,500,000). Time from navigation until every chart is drawn, scrolling to each."), "",
              "| page | charts | first view | read to the end | every chart drawn after (s) |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {row['page']} | {row['charts']} | {row['first_view']:,} | {row['bytes']:,} | {_seconds(row['drawn_s'])} |" for row in rows]
    lines += ["", f"Largest page read to its end: {max(row['bytes'] for row in rows):,} bytes (budget 1,500,000).", ""]
    if scores:
        lines += [f"## Lighthouse (default mobile preset) on the heaviest chapter, `{heaviest}`", "",
                  "| category | score |", "|---|---:|"] + [f"| {key} | {value} |" for key, value in scores.items()] + [""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
