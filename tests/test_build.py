"""The build command (``python -m edition build``): what it runs again, and what it skips."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
from conftest import ROOT

from edition.site import build


def test_fingerprint_follows_every_byte_and_name(tmp_path: Path):
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "a.md").write_text("one")
    first = build.fingerprint([folder], [])
    assert build.fingerprint([folder], []) == first
    (folder / "a.md").write_text("two")
    assert build.fingerprint([folder], []) != first
    (folder / "a.md").write_text("one")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.pyc").write_bytes(b"\0")  # caches are not sources
    assert build.fingerprint([folder], []) == first
    (folder / "b.md").write_text("")
    assert build.fingerprint([folder], []) != first
    assert build.fingerprint([folder], [], "strict=True") != build.fingerprint(
        [folder], [], "strict=False"
    )
    copy = tmp_path / "elsewhere" / "book"
    shutil.copytree(folder, copy)
    assert build.fingerprint([copy], []) == build.fingerprint([folder], []), (
        "the same book elsewhere is the same book"
    )


def test_the_notebooks_are_those_of_the_table_of_contents_in_order():
    names = [path.stem for path in build.toc_notebooks(ROOT)]
    assert names[:3] == ["intro", "testament", "troika"] and "explore" in names
    assert "people" not in names and "glossary" not in names  # Markdown pages, nothing to execute


def _tiny_book(root: Path, value: str) -> None:
    """A one-chapter book whose notebook prints a value read from its data folder."""
    for name in (
        "_config.yml",
        "book/_static",
        "book/_templates",
        "book/_extra",
        "book/references.bib",
    ):
        source, target = ROOT / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    (root / "_toc.yml").write_text("format: jb-book\nroot: book/tiny\n")
    (root / "data").mkdir()
    (root / "data" / "value.txt").write_text(value)
    notebook = nbformat.v4.new_notebook(
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        }
    )
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Tiny"),
        nbformat.v4.new_code_cell("print(open('../data/value.txt').read())"),
    ]
    nbformat.write(notebook, root / "book" / "tiny.ipynb")


def _build(root: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "edition", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_build_skips_when_nothing_changed_and_reruns_notebooks_when_data_change(tmp_path: Path):
    _tiny_book(tmp_path, "first value")
    page = tmp_path / "_build" / "html" / "book" / "tiny.html"

    assert "executed book/tiny.ipynb" in _build(tmp_path)
    assert "first value" in page.read_text()
    assert (tmp_path / build.COLD_MARK).is_file(), "a build from nothing is marked cold"
    written = page.stat().st_mtime_ns

    assert "the book is up to date" in _build(tmp_path)
    assert page.stat().st_mtime_ns == written, "a build with no change wrote the page again"

    # The notebook's code is the same, so Jupyter Book's cache alone would keep the old output.
    (tmp_path / "data" / "value.txt").write_text("second value")
    output = _build(tmp_path)
    assert "the notebooks will run again" in output and "executed book/tiny.ipynb" in output
    assert "second value" in page.read_text() and "first value" not in page.read_text()
    assert not (tmp_path / build.COLD_MARK).exists(), "a rebuild over an old site is not cold"

    # Sphinx copies the static files only when it writes a page: a stylesheet change alone must
    # still reach the site's one stylesheet.
    with open(tmp_path / "book" / "_static" / "edition.css", "a") as stylesheet:
        stylesheet.write("\nbody { --edition-test: 1; }\n")
    _build(tmp_path)
    assert (
        "--edition-test"
        in (tmp_path / "_build" / "html" / "_static" / "styles" / "edition.bundle.css").read_text()
    )


def test_prose_figures_are_pasted_and_other_expressions_refused(tmp_path: Path):
    """``{eval}`figures.<name>``` pastes the figure the notebook published; the book runs no
    kernel for its prose, so any other expression fails the strict build, saying why."""
    _tiny_book(tmp_path, "unused")
    path = tmp_path / "book" / "tiny.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Tiny"),
        nbformat.v4.new_code_cell("import edition\nfigures = edition.publish({'answer': '4,217'})"),
        nbformat.v4.new_markdown_cell("The answer is {eval}`figures.answer` persons."),
    ]
    nbformat.write(notebook, path)
    _build(tmp_path)
    page = (tmp_path / "_build" / "html" / "book" / "tiny.html").read_text(encoding="utf-8")
    assert "The answer is 4,217 persons." in re.sub(r"<[^>]+>", "", page)

    notebook.cells[2] = nbformat.v4.new_markdown_cell("The answer is {eval}`6 * 7`.")
    nbformat.write(notebook, path)
    result = subprocess.run(
        [sys.executable, "-m", "edition", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "{eval}`6 * 7`: the book pastes only `figures.<name>`" in result.stdout + result.stderr
