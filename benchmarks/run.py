"""Build, test and reader budgets, measured in one run (not part of the test run): writes benchmarks/REPORT.md.

    python benchmarks/run.py            # everything (about 40 minutes on 2 cores)
    python benchmarks/run.py --no-tests # without the two pytest runs

Times are compared as ratios within this one run, never asserted. It measures:

- the import floor: 12 fresh ``python -c "import altair, pandas, edition"``, two at a time (what
  12 notebooks run two at a time must pay before doing anything), and a fresh process's first
  load of every table from the cache;
- three cold builds in a row with the book's build command (the table cache on, off, on again),
  each checked for kernel lines on stderr; a rebuild with no change; a rebuild after one notebook
  changes;
- pytest, serial, with the table cache and without it;
- per page, the bytes a host sends (gzipped text) for the first view and for the page read to its
  end, and the time until every chart is drawn; Lighthouse (mobile) on the heaviest chapter;
- the theme work kept in the site layer against the alternatives, on copies of the built site.
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
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import (  # weigh and read a page as the tests do
    bytes_received,
    draw_every_chart,
    weigh,
)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
BUILD = [sys.executable, "-m", "edition", "build", "--strict"]
REPORT = ROOT / "benchmarks" / "REPORT.md"
CHROMIUM = os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium")
CHANGED = ROOT / "book" / "troika.ipynb"  # the notebook edited for "rebuild after one change"
NO_CACHE = {"EDITION_TABLE_CACHE": "off"}
KERNEL_NOISE = (
    "IPKernelApp",
    "Kernel is running over TCP",
    "Address already in use",
    "Kernel died",
)
THEME_PAGES = ["book/trials.html", "book/intro.html", "book/bibliography.html"]


def run(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, str]:
    """Seconds taken and output of a command that must succeed."""
    start = time.perf_counter()
    done = subprocess.run(
        command,
        cwd=cwd,
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(command)} failed:\n{done.stdout[-4000:]}\n{done.stderr[-2000:]}"
        )
    return time.perf_counter() - start, done.stdout + done.stderr


def import_floor() -> float:
    """Wall time of 12 fresh interpreters importing altair, pandas and edition, two at a time."""
    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(
            pool.map(
                lambda _: run([sys.executable, "-c", "import altair, pandas, edition"]), range(12)
            )
        )
    return time.perf_counter() - start


def first_data_load() -> float:
    """Seconds a fresh process takes to load every table (the cache written beforehand)."""
    run([sys.executable, "-m", "edition", "check"])
    code = (
        "import time; start = time.perf_counter(); import edition\n"
        "for name in ['sources','people','offices','events','excerpts','annotations','trials','defendants',"
        "'repression_annual','repression_operations','series','estimates','claims','places']: edition.load_table(name)\n"
        "print(time.perf_counter() - start)"
    )
    return float(run([sys.executable, "-c", code])[1].split()[-1])


def builds() -> tuple[dict[str, float], list[str]]:
    """Build timings, and the kernel lines any cold build printed (there should be none)."""
    results, noise = {}, []
    for label, env in [
        ("cold build, table cache on", {}),
        ("cold build, table cache off", NO_CACHE),
        ("cold build again, table cache on", {}),
    ]:
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
        results[label], output = run(BUILD, env)
        noise += [
            f"{label}: {line}"
            for line in output.splitlines()
            if any(mark in line for mark in KERNEL_NOISE)
        ]
    results["rebuild, no change"] = run(BUILD)[0]
    original = CHANGED.read_text(encoding="utf-8")
    notebook = json.loads(original)
    code = next(cell for cell in notebook["cells"] if cell["cell_type"] == "code")
    code["source"] = "".join(code["source"]) + "\n# benchmark edit"
    try:
        CHANGED.write_text(
            json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        results[f"rebuild after one notebook changes ({CHANGED.name})"] = run(BUILD)[0]
    finally:
        CHANGED.write_text(original, encoding="utf-8")
    run(BUILD)  # leave the cache matching the committed notebooks
    return results, noise


def serve(site: Path):
    handler = functools.partial(
        type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
        directory=str(site),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def weigh_pages(site: Path, paths: list[str], draw: bool = True) -> list[dict]:
    """Per page: bytes a host sends for the first view and read to the end, time to every chart drawn."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for path in paths:
            page = browser.new_context().new_page()
            received = weigh(page)
            start = time.perf_counter()
            page.goto(f"{url}/{path}", wait_until="networkidle")
            first_view = bytes_received(received)
            charts = draw_every_chart(page, timeout=30000) if draw else 0
            drawn = time.perf_counter() - start
            page.wait_for_load_state("networkidle")
            rows.append(
                {
                    "page": path,
                    "charts": charts,
                    "first_view": first_view,
                    "bytes": bytes_received(received),
                    "drawn_s": drawn if charts else None,
                }
            )
            page.context.close()
        browser.close()
    server.shutdown()
    return rows


def lighthouse(site: Path, path: str) -> dict[str, float]:
    """Lighthouse's mobile preset on one page: category scores and the first and largest paints (ms)."""
    tool = ROOT / "node_modules" / ".bin" / "lighthouse"
    server, url = serve(site)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(tool),
                f"{url}/{path}",
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
        )
        report = json.loads(out.read_text())
    server.shutdown()
    scores = {key: value["score"] for key, value in report["categories"].items()}
    scores["first contentful paint (ms)"] = round(
        report["audits"]["first-contentful-paint"]["numericValue"]
    )
    scores["largest contentful paint (ms)"] = round(
        report["audits"]["largest-contentful-paint"]["numericValue"]
    )
    return scores


# --- the theme work, against its alternatives ------------------------------------------------------


def _bundle_parts(site: Path) -> list[str]:
    """The stylesheets the bundle joins, in cascade order (named on the bundle's first line)."""
    from edition.site.bundle import BUNDLE

    first = (site / "_static" / BUNDLE).read_text(encoding="utf-8").splitlines()[0]
    return first.removeprefix("/* edition bundle: ").removesuffix(" */").split()


def _relink(site: Path, parts: list[str]) -> None:
    """Make every page link the theme's own stylesheets again, in place of the bundle."""
    from edition.site.bundle import BUNDLE

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        depth = "../" * (len(page.relative_to(site).parts) - 1)
        links = "".join(f'<link rel="stylesheet" href="{depth}_static/{part}" />' for part in parts)
        page.write_text(
            text.replace(f'<link rel="stylesheet" href="{depth}_static/{BUNDLE}" />', links),
            encoding="utf-8",
        )


def theme_variants(site: Path, work: Path) -> dict[str, Path]:
    """Copies of the built site: (a) as built; (b) the theme as Jupyter Book ships it, its
    stylesheets and its icon fonts untouched; (c) the bundle purged by PurgeCSS (npm) instead of
    ``edition.site.purge``, the icon font cut as in (a); (d) the stylesheets untouched, the icon
    font cut (what the stylesheet work alone is worth)."""
    import pydata_sphinx_theme

    from edition.site.bundle import BUNDLE, _part

    parts = _bundle_parts(site)
    variants = {key: work / key for key in "abcd"}
    for folder in variants.values():
        shutil.copytree(site, folder)
    _relink(variants["b"], parts)
    _relink(variants["d"], parts)
    fonts = (
        Path(pydata_sphinx_theme.__file__).parent
        / "theme/pydata_sphinx_theme/static/vendor/fontawesome/webfonts"
    )
    shutil.copytree(
        fonts, variants["b"] / "_static/vendor/fontawesome/webfonts", dirs_exist_ok=True
    )
    static = variants["c"] / "_static"
    whole = work / "whole.css"
    whole.write_text(
        "".join(_part(static, name, "styles", set()) for name in parts), encoding="utf-8"
    )
    out = work / "purgecss"
    subprocess.run(
        [
            str(ROOT / "node_modules/.bin/purgecss"),
            "--css",
            str(whole),
            "--output",
            str(out),
            "--content",
            f"{variants['c']}/**/*.html",
            f"{variants['c']}/_static/**/*.js",
            "--safelist",
            "bs-tooltip-auto",
        ],
        check=True,
        capture_output=True,
    )
    (static / BUNDLE).write_text((out / "whole.css").read_text(encoding="utf-8"), encoding="utf-8")
    return variants


THEME_LABELS = {
    "a": "(a) today: one bundle purged by `edition.site.purge` (196 lines), icon font cut by `slim`",
    "b": "(b) the theme as configured in `_config.yml`, its stylesheets and icon fonts untouched",
    "c": "(c) the same bundle purged by PurgeCSS 8 (npm) instead, icon font cut by `slim`",
    "d": "(d) the theme's stylesheets untouched, icon font cut by `slim`",
}


def compare_themes(site: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        variants = theme_variants(site, Path(tmp))
        lines = [
            "| variant | "
            + " | ".join(f"first view, {page.removeprefix('book/')}" for page in THEME_PAGES)
            + " | Lighthouse performance (trials) | first contentful paint (ms) |",
            "|---|" + "---:|" * (len(THEME_PAGES) + 2),
        ]
        for key, folder in variants.items():
            weights = {
                row["page"]: row["first_view"]
                for row in weigh_pages(folder, THEME_PAGES, draw=False)
            }
            scores = lighthouse(folder, "book/trials.html")
            lines.append(
                f"| {THEME_LABELS[key]} | "
                + " | ".join(f"{weights[page]:,}" for page in THEME_PAGES)
                + f" | {scores['performance']} | {scores['first contentful paint (ms)']:,} |"
            )
    return lines


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip the pytest timings")
    args = parser.parse_args()
    floor = import_floor()
    load = first_data_load()
    build, noise = builds()
    tests = {}
    if not args.no_tests:
        tests["pytest, serial, table cache on"] = run([sys.executable, "-m", "pytest", "-q"])[0]
        tests["pytest, serial, table cache off"] = run(
            [sys.executable, "-m", "pytest", "-q"], NO_CACHE
        )[0]
    run(BUILD)  # the site as the tests left it is the site measured below
    pages = sorted(
        str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if "_static" not in p.parts
    )
    rows = weigh_pages(SITE, pages)
    heaviest = max(
        (row for row in rows if row["page"].startswith("book/") and row["charts"]),
        key=lambda row: row["bytes"],
    )
    scores = lighthouse(SITE, heaviest["page"])
    themes = compare_themes(SITE)

    cold, uncached = build["cold build, table cache on"], build["cold build, table cache off"]
    lines = [
        "# Benchmark report",
        "",
        (
            f"Made by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} cores, "
            f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}. "
            "Wall-clock seconds, one run each; compare them as ratios within this run."
        ),
        "",
        "| measure | seconds | compared with |",
        "|---|---:|---|",
        f"| import floor: 12 × fresh `import altair, pandas, edition`, two at a time | {floor:.1f} | floor |",
        f"| a fresh process loads all 14 tables (from the cache) | {load:.2f} | target ≤ 0.5 s |",
    ]
    for name, value in build.items():
        note = {
            "cold build, table cache on": f"{cold / floor:.2f}× the import floor (target ≤ 2.5)",
            "cold build, table cache off": f"{uncached / floor:.2f}× the import floor; the cache saves {uncached - cold:.1f} s",
            "cold build again, table cache on": f"{value / floor:.2f}× the import floor",
            "rebuild, no change": "target ≤ 2 s",
        }.get(name, "")
        lines.append(f"| {name} | {value:.1f} | {note} |")
    if tests:
        on, off = tests["pytest, serial, table cache on"], tests["pytest, serial, table cache off"]
        lines += [
            f"| pytest, serial, table cache off | {off:.1f} | |",
            f"| pytest, serial, table cache on | {on:.1f} | {on / off:.2f}× the uncached run |",
        ]
    lines += [
        "",
        f"Three cold builds in a row succeeded; kernel lines on their stderr: {len(noise)}.",
    ] + [f"- `{line}`" for line in noise[:10]]
    lines += [
        "",
        "## Pages",
        "",
        (
            "Bytes a host sends (text gzipped at level 6, fonts and images as they are): on first view (charts are drawn "
            "only as they near the viewport, so a page whose charts are below the first screen loads no chart library yet), "
            "and once read to its end with every chart drawn (budget 500,000). Time from navigation until every chart is "
            "drawn, scrolling to each."
        ),
        "",
        "| page | charts | first view | read to the end | every chart drawn after (s) |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {row['page']} | {row['charts']} | {row['first_view']:,} | {row['bytes']:,} | {_seconds(row['drawn_s'])} |"
        for row in rows
    ]
    lines += [
        "",
        f"## Lighthouse (default mobile preset) on the heaviest chapter, `{heaviest['page']}`",
        "",
        "| measure | value |",
        "|---|---:|",
    ] + [f"| {key} | {value} |" for key, value in scores.items()]
    lines += [
        "",
        "## The theme work and its alternatives",
        "",
        "First-view bytes as a host sends them, and Lighthouse (mobile) on the trials chapter, for copies of the same built site:",
        "",
    ]
    lines += themes + [""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
