"""Build and test budgets, measured (not part of the test run): writes benchmarks/REPORT.md.

    python benchmarks/run.py            # everything (about 15 minutes on 2 cores)
    python benchmarks/run.py --no-tests # skip the two pytest runs

Measures: a cold build (every notebook executed), a rebuild with no change, a rebuild after one
notebook changes; the floor they compare with, the bare execution of the same notebooks with
nbclient, serially and two at a time; pytest serially and with ``-n 2 --dist loadfile``; and per
page, the bytes of its first view and the time until every chart is drawn; Lighthouse (mobile
preset) on the heaviest chapter. The build steps use the strict build the tests use.
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

ROOT = Path(__file__).resolve().parent.parent
BUILD = ["jupyter-book", "build", ".", "-W", "-n", "--keep-going"]
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
    results = {"cold build (every notebook executed)": timed(BUILD)}
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
            page.goto(f"{url}/{path}", wait_until="load")
            charts = page.locator(".vega-embed").count()
            if charts:
                page.wait_for_function("() => [...document.querySelectorAll('.vega-embed')].every(c => c.querySelector('g.role-mark'))", timeout=30000)
            drawn = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            rows.append({"page": path, "charts": charts, "bytes": sum(int(r.headers.get("content-length", 0)) for r in received if r.status == 200),
                         "drawn_s": drawn if charts else None})
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
    lines += [f"| {name} | {value:.1f} | {value / serial:.2f}× the serial floor |" if name.startswith("cold") else f"| {name} | {value:.1f} | target ≤ 2 s |" if "no change" in name else f"| {name} | {value:.1f} | |" for name, value in build.items()]
    if tests:
        ratio = tests["pytest -n 2 --dist loadfile"] / tests["pytest, serial"]
        lines += [f"| pytest, serial | {tests['pytest, serial']:.1f} | |", f"| pytest -n 2 --dist loadfile | {tests['pytest -n 2 --dist loadfile']:.1f} | {ratio:.2f}× serial (target ≤ 0.6) |"]
    lines += ["", f"Cold build / bare serial execution: **{cold / serial:.2f}** (target ≤ 1.2).", "",
              "## Pages: first view (uncompressed bytes, as python's http.server sends them) and time until every chart is drawn", "",
              "| page | charts | bytes | drawn after (s) |", "|---|---:|---:|---:|"]
    lines += [f"| {row['page']} | {row['charts']} | {row['bytes']:,} | {_seconds(row['drawn_s'])} |" for row in rows]
    lines += ["", f"Largest page: {max(row['bytes'] for row in rows):,} bytes (budget 1,500,000).", ""]
    if scores:
        lines += [f"## Lighthouse (default mobile preset) on the heaviest chapter, `{heaviest}`", "",
                  "| category | score |", "|---|---:|"] + [f"| {key} | {value} |" for key, value in scores.items()] + [""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
