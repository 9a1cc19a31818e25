"""Chart data read by URL, so large tables are not inlined into every chart (Altair's large-data advice).

A chart over a large table points at ``_static/data/<name>.json`` (relative to the chapter). The
file is written next to the chapters (``book/_static/data/``), where JupyterLab finds it, and the
Sphinx extension copies the folder beside the built chapters. Files are rewritten only when their
content changes, and are committed; a test checks them against the data.
"""

import json
from pathlib import Path

import pandas as pd

from .paths import BOOK_DIR

SERVED_DIR = BOOK_DIR / "_static" / "data"
URL_PREFIX = "_static/data"

# Map data the exile map reads: npm package -> (version, file), kept in SERVED_DIR/<package>/
# (``python -m edition vendor`` refreshes it from the npm registry).
MAP_DATA = {"world-atlas": ("2.0.2", "countries-110m.json")}
WORLD_URL = f"{URL_PREFIX}/world-atlas/{MAP_DATA['world-atlas'][1]}"


def served_url(name: str, frame: pd.DataFrame, served_dir: Path | None = None) -> str:
    """Write ``frame`` as ``<name>.json`` (records, stable order) and return its URL from a chapter."""
    served_dir = SERVED_DIR if served_dir is None else served_dir
    text = (
        json.dumps(
            json.loads(frame.to_json(orient="records", force_ascii=False)),
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )
        + "\n"
    )
    path = served_dir / f"{name}.json"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return f"{URL_PREFIX}/{name}.json"


def inline_served(spec):
    """``spec`` with every dataset the book serves (``_static/data/…``) read in as values.

    A live notebook's page (JupyterLab's ``/lab/tree/…``) has no such URL, and vl-convert would
    fetch a relative URL from the web; both draw the chart from the same file the book serves.
    """
    if isinstance(spec, dict):
        url = spec.get("url")
        if isinstance(url, str) and url.startswith(f"{URL_PREFIX}/"):
            path = SERVED_DIR / url.removeprefix(f"{URL_PREFIX}/")
            spec = {key: value for key, value in spec.items() if key != "url"}
            spec["values"] = json.loads(path.read_text(encoding="utf-8"))
        return {key: inline_served(value) for key, value in spec.items()}
    if isinstance(spec, list):
        return [inline_served(item) for item in spec]
    return spec
