"""Where the edition's files live, found from the package itself (no sys.path edits)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
BOOK_DIR = ROOT / "book"
VENDOR_DIR = BOOK_DIR / "_static" / "vendor"


def seeds_dir() -> Path:
    """The folder of source texts: $EDITION_SEEDS, else ../shared/seeds beside the checkout."""
    return Path(os.environ.get("EDITION_SEEDS", ROOT.parent / "shared" / "seeds"))
