"""The data package's tables, typed, validated once per change and read from a cache.

Validating the package (``edition.data.check_package``: the schemas, the EDTF dates, the links
between tables, the quotations against the source texts) takes seconds. It is done once for each
state of what it depends on — the files in ``data/``, the ``edition`` package and the source
texts — and the typed tables are then kept in ``_build/.edition-tables/<fingerprint>.pickle``
beside the data folder. A loader in a fresh kernel reads that file (a fraction of a second).

The cache is never trusted blindly: a file for other inputs is not read (its name is their
fingerprint), a file is written whole or not at all (a temporary file renamed into place), and
its first line is the digest of the rest, so a truncated or damaged file is noticed, reported
on stderr and replaced by a fresh validation. ``EDITION_TABLE_CACHE=off`` turns the cache off
(every loader validates; the benchmark measures what the cache saves this way).
"""

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path

import pandas as pd

from .data import CheckReport, validated_tables
from .fingerprint import fingerprint
from .paths import DATA_DIR, seeds_dir

CACHE_FORMAT = "1"  # change when what is pickled changes shape
PACKAGE = Path(__file__).resolve().parent


class CacheError(ValueError):
    """A cache file that cannot be used: damaged, truncated or for other inputs."""


def cache_enabled() -> bool:
    return os.environ.get("EDITION_TABLE_CACHE", "on").lower() not in ("off", "0", "no", "false")


def inputs_fingerprint(data_dir: Path) -> str:
    """The state of everything the validated tables depend on."""
    versions = f"format={CACHE_FORMAT} python={sys.version} pandas={pd.__version__}"
    return fingerprint([data_dir, PACKAGE, seeds_dir()], [], versions)


def cache_path(data_dir: Path, key: str) -> Path:
    return data_dir.parent / "_build" / ".edition-tables" / f"{key}.pickle"


def read_cache(path: Path, key: str) -> dict[str, pd.DataFrame]:
    """The tables kept in ``path``; CacheError saying why when the file cannot be used."""
    raw = path.read_bytes()
    digest, _, payload = raw.partition(b"\n")
    if hashlib.sha256(payload).hexdigest().encode() != digest:
        raise CacheError(f"{path}: damaged or truncated (its digest does not match its contents)")
    try:
        kept = pickle.loads(payload)
    except (
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        IndexError,
        TypeError,
        ValueError,
    ) as error:
        # a payload that matches its digest but that this pandas or package cannot read
        raise CacheError(f"{path}: not readable ({type(error).__name__}: {error})") from None
    if (
        not isinstance(kept, dict)
        or kept.get("key") != key
        or not isinstance(kept.get("tables"), dict)
    ):
        raise CacheError(f"{path}: written for other inputs or in another format")
    return kept["tables"]


def write_cache(path: Path, key: str, tables: dict[str, pd.DataFrame]) -> None:
    """Write the tables whole or not at all, and remove the files of earlier inputs."""
    payload = pickle.dumps({"key": key, "tables": tables}, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.partial")
    partial.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    os.replace(partial, path)
    for old in path.parent.glob("*.pickle"):
        if old != path:
            old.unlink(missing_ok=True)


def validate_and_cache(data_dir: Path = DATA_DIR) -> tuple[CheckReport, dict[str, pd.DataFrame]]:
    """Validate the package (DataError listing every problem) and keep its typed tables; returns
    the check's report and the tables. The build and ``python -m edition check`` call this."""
    data_dir = Path(data_dir).resolve()
    key = inputs_fingerprint(
        data_dir
    )  # taken before reading: a file changed meanwhile makes the cache stale, never wrong
    report, tables = validated_tables(data_dir)
    if cache_enabled():
        write_cache(cache_path(data_dir, key), key, tables)
    return report, tables


@functools.lru_cache(maxsize=4)
def _tables(data_dir: Path) -> dict[str, pd.DataFrame]:
    """All tables of one data folder, read once per process: from the cache when it holds them."""
    if not cache_enabled():
        return validated_tables(data_dir)[1]
    key = inputs_fingerprint(data_dir)
    path = cache_path(data_dir, key)
    if path.is_file():
        try:
            return read_cache(path, key)
        except CacheError as error:
            print(
                f"edition: the cached tables cannot be used, validating again: {error}",
                file=sys.stderr,
            )
    return validate_and_cache(data_dir)[1]


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One table of the validated package as a typed DataFrame (a copy: change it freely).
    ``sources`` comes with the work each reading reads (see ``with_works``)."""
    tables = _tables(Path(data_dir).resolve())
    if name not in tables:
        raise KeyError(
            f"no table {name!r} in {data_dir}/datapackage.json (tables: {', '.join(tables)})"
        )
    if name == "sources":
        return with_works(tables["sources"], tables["works"])
    return tables[name].copy()


def with_works(readings: pd.DataFrame, works: pd.DataFrame) -> pd.DataFrame:
    """Each reading with the work it reads: ``works.csv`` is the one place a work is described,
    so the citation columns (title, author, date, genre, publisher, work_kind) come from there."""
    described = works.assign(
        author=works["author"].where(works["author"] != "", works["editor"]),
        date=works["year"].str[:4],
        genre=works["form"].where(works["form"] != "", works["kind"]),
        work_kind=works["kind"],
        bibtex_key=works["work_id"],
        work_url=works["url"],
    )[
        [
            "work_id",
            "title",
            "author",
            "date",
            "genre",
            "publisher",
            "work_kind",
            "bibtex_key",
            "work_url",
        ]
    ]
    return readings.merge(described, on="work_id", how="left", validate="many_to_one")


def load_works(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("works", data_dir)


def load_sources(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("sources", data_dir)


def load_people(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("people", data_dir)


def load_offices(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("offices", data_dir)


def load_events(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("events", data_dir)


def load_excerpts(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("excerpts", data_dir)


def load_annotations(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("annotations", data_dir)


def load_trials(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("trials", data_dir)


def load_defendants(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("defendants", data_dir)


def load_repression_annual(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("repression_annual", data_dir)


def load_operations(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("repression_operations", data_dir)


def load_series(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("series", data_dir)


def load_estimates(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("estimates", data_dir)


def load_claims(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("claims", data_dir)


def load_places(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load_table("places", data_dir)
