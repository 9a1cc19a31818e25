"""Where the edition's files live.

The root is explicit: ``$EDITION_ROOT`` when it is set (the build command sets it, and puts the
root first on ``PYTHONPATH``, for every process it starts, so a copy of the book builds from its
own data and its own package), else the checkout this package was imported from.
"""

import os
from pathlib import Path

ROOT = Path(os.environ.get("EDITION_ROOT") or Path(__file__).resolve().parent.parent).resolve()
DATA_DIR = ROOT / "data"
BOOK_DIR = ROOT / "book"
PACKAGE_DIR = ROOT / "edition"


def seeds_dir() -> Path:
    """The folder of source texts: $EDITION_SEEDS, else ../shared/seeds beside the checkout."""
    return Path(os.environ.get("EDITION_SEEDS", ROOT.parent / "shared" / "seeds"))


# "static" in the book's build and the tests: charts are stored as HTML for the site layer; any
# other value (a reader's live kernel) draws them as offline widgets (edition/theme.py).
CHARTS_MODE = "EDITION_CHARTS"
