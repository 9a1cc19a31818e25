"""The reader's edition (issue 15): display-only cells show no code; the method layer keeps the
cells whose code teaches something."""

import json
import re

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))
# a cell that only shows an excerpt, or only imports the package, teaches nothing about method
DISPLAY_ONLY = re.compile(r"edition\.show_excerpt\([^)]*\)|import edition")


def code_cells(path):
    return [
        cell
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_display_only_cells_remove_their_code(notebook):
    shown = [
        "".join(cell["source"])[:60]
        for cell in code_cells(notebook)
        if DISPLAY_ONLY.fullmatch("".join(cell["source"]).strip())
        and "remove-input" not in cell["metadata"].get("tags", [])
    ]
    assert not shown, f"display-only cells that still show a code toggle: {shown}"


def test_the_method_layer_keeps_code_that_teaches():
    teaching = [
        cell
        for path in NOTEBOOKS
        for cell in code_cells(path)
        if "remove-input" not in cell["metadata"].get("tags", [])
    ]
    assert teaching, "every code cell was removed: the method layer would be empty"
    assert all(
        not DISPLAY_ONLY.fullmatch("".join(cell["source"]).strip()) for cell in teaching
    )
