"""Build the book: ``python -m edition build [DIR] [--strict] [--jobs N]`` (DIR: the book's root).

It wraps ``jupyter-book build`` for three reasons:

- **Stale outputs.** Jupyter Book's notebook cache knows only a notebook's code, so after a change
  to the data or to the ``edition`` package it would serve the old outputs. When those change,
  the cache is emptied.
- **Speed of a cold build.** Jupyter Book executes the notebooks one after another. Here the
  notebooks the cache lacks are executed ``--jobs`` at a time (default: one per core) into the
  cache, the way Jupyter Book itself would execute them, so Sphinx then only reads them.
- **Speed of a rebuild with no change.** Sphinx and its extensions take seconds to start. A
  fingerprint of everything the build reads (sources, data, package, configuration, source texts,
  tool versions) is kept in ``_build/``; while it still matches and the site is there, nothing is run.

A lock keeps two builds of one checkout (two test workers, say) from writing the site at once.
Every process the build starts (kernels, Sphinx) gets the book's root as ``EDITION_ROOT`` and first
on ``PYTHONPATH``, so a copy of the book builds from its own data and package; kernels run over
IPC (``kernels``). Before any notebook runs, the data package is validated once and its typed
tables cached (``edition.tables``), so each kernel only reads them.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

import yaml

from ..fingerprint import fingerprint
from ..paths import CHARTS_MODE, seeds_dir
from .kernels import IPCKernelManager, quiet_closed_stream_warning

try:  # POSIX; elsewhere two builds of one checkout must not be started at once
    import fcntl
except ImportError:
    fcntl = None

INSTALLED_PACKAGE = (
    Path(__file__).resolve().parent.parent
)  # used where the book's root has no edition/ of its own
JUPYTER_BOOK = ["jupyter-book", "build", "."]
STRICT = ["-W", "-n", "--keep-going"]  # any warning, and any exception in a cell, fails the build
CACHE = Path("_build/.jupyter_cache")
STAMP = Path(
    "_build/.edition-build"
)  # the fingerprints of the last successful build: all inputs, static ones
COLD_MARK = Path(
    "_build/.edition-cold"
)  # present while the site is what a cold build wrote (tests/test_reproducible.py)
EXECUTION_STAMP = (
    CACHE / "edition-inputs"
)  # the fingerprint of the data and package the cache was made with
TIMEOUT = 180  # seconds per cell, as execute.timeout in _config.yml
TOOLS = [
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "jupyter-cache",
    "sphinx-book-theme",
    "pydata-sphinx-theme",
    "sphinxcontrib-bibtex",
    "altair",
    "vl-convert-python",
    "pandas",
    "numpy",
    "fonttools",
    "tinycss2",
]


def package_dir(root: Path) -> Path:
    """The ``edition`` package the book's processes import: the root's own, else the installed one."""
    return root / "edition" if (root / "edition" / "__init__.py").is_file() else INSTALLED_PACKAGE


def environment(root: Path) -> dict[str, str]:
    """The environment of every process the build starts: the root explicit and first on the
    path, and charts stored as static HTML, which the site layer compiles (edition/theme.py)."""
    path = os.pathsep.join(part for part in [str(root), os.environ.get("PYTHONPATH", "")] if part)
    return {
        **os.environ,
        "EDITION_ROOT": str(root),
        "PYTHONPATH": path,
        CHARTS_MODE: "static",
    }


def _execution_inputs(root: Path) -> str:
    """What a notebook's outputs depend on besides its code: the data, the package, the source texts."""
    return fingerprint([root / "data", package_dir(root), seeds_dir()], [], sys.version)


def _tool_versions() -> str:
    return " ".join(f"{tool}={metadata.version(tool)}" for tool in TOOLS)


def _build_inputs(root: Path, strict: bool) -> str:
    """Everything the build reads: the book's sources, configuration, execution inputs, tools."""
    return fingerprint(
        [root / "book"],
        [root / "_config.yml", root / "_toc.yml", root / "requirements.txt"],
        f"{_execution_inputs(root)} {_tool_versions()} strict={strict}",
    )


def _static_inputs(root: Path) -> str:
    """The files Sphinx copies or uses for every page: the static folder, templates, configuration."""
    return fingerprint(
        [root / "book" / "_static", root / "book" / "_templates"],
        [root / "_config.yml"],
        _tool_versions(),
    )


def toc_documents(root: Path) -> list[str]:
    """The documents the table of contents names (``book/intro``, …), in its order."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    names: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if "file" in node or "root" in node:
                names.append(node.get("file") or node.get("root"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(toc)
    return names


def toc_notebooks(root: Path) -> list[Path]:
    """The notebooks the table of contents names, in its order."""
    names = toc_documents(root)
    return [root / f"{name}.ipynb" for name in names if (root / f"{name}.ipynb").is_file()]


def _execute(path: Path, env: dict[str, str]) -> tuple[str, float, str | None]:
    """Execute one notebook in its folder, as myst-nb does; returns it as JSON, the seconds taken
    and the error's text, if any. Runs in a worker process, whose environment its kernel inherits."""

    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    quiet_closed_stream_warning()
    os.environ.update(env)
    notebook = nbformat.read(path, as_version=4)
    result = single_nb_execution(
        notebook,
        cwd=str(path.parent),
        timeout=TIMEOUT,
        allow_errors=False,
        meta_override=True,
        kernel_manager_class=IPCKernelManager,
    )
    return (
        nbformat.writes(notebook),
        result.time,
        result.exc_string if result.err is not None else None,
    )


def _validate_data(root: Path) -> None:
    """Validate the data package once, before any notebook runs, and cache its typed tables for
    the kernels (``edition.tables``); RuntimeError listing every problem if it is not valid."""
    if not (root / "data" / "datapackage.json").is_file():
        return  # a book with no data package (the build command's own tests)
    checked = subprocess.run(
        [sys.executable, "-m", "edition", "check", str(root / "data")],
        cwd=root,
        env=environment(root),
        capture_output=True,
        text=True,
        check=False,
    )
    if checked.returncode != 0:
        raise RuntimeError(
            f"the data package is not valid; no notebook was run:\n{checked.stdout}{checked.stderr}"
        )
    print(checked.stdout.strip(), flush=True)


def execute_into_cache(root: Path, jobs: int) -> list[str]:
    """Execute the notebooks the cache lacks, ``jobs`` at a time, and cache them; returns their names.
    Raises RuntimeError naming the notebook if one fails (the strict build would fail on it too)."""
    # imported here: nbformat's schema checks take a second to load, which a build with no change skips
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(str(root / CACHE))
    missing = []
    for path in toc_notebooks(root):
        try:
            cache.match_cache_notebook(nbformat.read(path, as_version=4))
        except KeyError:
            missing.append(path)
    if not missing:
        return []
    _validate_data(root)
    with ProcessPoolExecutor(max_workers=max(1, min(jobs, len(missing)))) as pool:
        for path, (text, seconds, error) in zip(
            missing, pool.map(_execute, missing, [environment(root)] * len(missing))
        ):
            if error:
                raise RuntimeError(f"executing {path.relative_to(root)} failed:\n{error}")
            cache.cache_notebook_bundle(
                CacheBundleIn(
                    nbformat.reads(text, as_version=4),
                    str(path),
                    data={"execution_seconds": seconds},
                ),
                check_validity=False,
                overwrite=True,
            )
            print(f"executed {path.relative_to(root)} in {seconds:.1f} s", flush=True)
    return [str(path.relative_to(root)) for path in missing]


def build(root: Path, strict: bool = False, jobs: int | None = None) -> int:
    """Build the book in ``root`` (see the module's docstring); returns jupyter-book's exit code."""
    root = root.resolve()
    if not jobs:
        jobs = (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1
        )
    (root / "_build").mkdir(exist_ok=True)
    with open(root / "_build" / ".edition-build.lock", "w") as lock:
        if fcntl:
            fcntl.flock(lock, fcntl.LOCK_EX)
        wanted = _build_inputs(root, strict)
        stamp = root / STAMP
        last = stamp.read_text().split() if stamp.is_file() else []
        if last and last[0] == wanted and (root / "_build/html/index.html").is_file():
            print(
                f"the book is up to date: nothing it reads has changed since the last build ({root / '_build/html'})"
            )
            return 0
        inputs = _execution_inputs(root)
        cold = not (root / CACHE).exists() and not (root / "_build/html").exists()
        (root / COLD_MARK).unlink(missing_ok=True)
        command = JUPYTER_BOOK + (STRICT if strict else [])
        if (root / CACHE).exists() and (
            not (root / EXECUTION_STAMP).is_file() or (root / EXECUTION_STAMP).read_text() != inputs
        ):
            print(
                "the data, the package or the source texts changed: the notebooks will run again",
                flush=True,
            )
            shutil.rmtree(root / CACHE)
            command.append(
                "--all"
            )  # Sphinx would otherwise keep the pages of notebooks whose files did not change
        elif last[1:] != [_static_inputs(root)]:
            command.append(
                "--all"
            )  # Sphinx copies the static files, and this book bundles them, only when it writes a page
        start = time.perf_counter()
        executed = execute_into_cache(root, jobs)
        (root / CACHE).mkdir(parents=True, exist_ok=True)
        (root / EXECUTION_STAMP).write_text(inputs)
        if executed:
            print(
                f"executed {len(executed)} notebooks, {jobs} at a time, in {time.perf_counter() - start:.1f} s",
                flush=True,
            )
        stamp.unlink(missing_ok=True)
        result = subprocess.run(command, cwd=root, check=False, env=environment(root))
        if result.returncode == 0:
            # read after the build: running the notebooks rewrites the chart data in book/_static/data
            stamp.write_text(f"{_build_inputs(root, strict)} {_static_inputs(root)}")
            if cold:
                (root / COLD_MARK).write_text(
                    "every notebook executed and every page written, from nothing\n"
                )
        return result.returncode


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "root",
        nargs="?",
        type=Path,
        default=Path("."),
        help="the book's root folder (default: here)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail on any warning (-W -n --keep-going)"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="notebooks executed at a time (default: one per core)",
    )
