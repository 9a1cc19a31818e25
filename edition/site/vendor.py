"""The chart libraries served with the book, at the versions Altair asks for.

Altair names the vega and vega-embed versions it wants; the book serves copies of exactly those
from ``book/_static/vendor/<library>/`` so no reader's browser is sent to a CDN. (Vega-Lite is
compiled to Vega when the book is built, see ``edition.site.pages``, so its compiler is not served.) ``python -m edition vendor`` refreshes the copies from the npm registry.
"""

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import altair as alt

from ..chart_files import MAP_DATA, SERVED_DIR
from ..paths import BOOK_DIR

VENDOR_DIR = BOOK_DIR / "_static" / "vendor"

# library -> (Altair's requested version, the minified UMD build inside the npm package)
LIBRARIES = {
    "vega": (alt.VEGA_VERSION, "build/vega.min.js"),
    "vega-embed": (alt.VEGAEMBED_VERSION, "build/vega-embed.min.js"),
}


def script_path(library: str) -> str:
    """Path of a library's script relative to the static folder, as Sphinx wants it."""
    return f"vendor/{library}/{Path(LIBRARIES[library][1]).name}"


def served_version(library: str, vendor_dir: Path = VENDOR_DIR) -> str:
    """The version of the copy the book serves, read from its package.json."""
    return json.loads((vendor_dir / library / "package.json").read_text())["version"]


def version_satisfies(served: str, requested: str) -> bool:
    """Altair asks for "6" (any 6.x.y) or "6.4.1" (exactly); compare component by component."""
    return served.split(".")[: len(requested.split("."))] == requested.split(".")


def mismatches(vendor_dir: Path = VENDOR_DIR) -> list[str]:
    """Every served library whose version is not the one Altair asks for (empty when all match)."""
    problems = []
    for library, (requested, _) in LIBRARIES.items():
        try:
            served = served_version(library, vendor_dir)
        except FileNotFoundError:
            problems.append(f"{library}: no copy in {vendor_dir / library}")
            continue
        if not version_satisfies(served, requested):
            problems.append(
                f"{library}: serving {served}, Altair {alt.__version__} asks for {requested}"
            )
    return problems


def _fetch(package: str, version: str, files: list[str], target: Path, tmp: str) -> None:
    """Unpack ``files`` (plus LICENSE and package.json) of an npm package into ``target``."""
    packed = subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--json"],
        cwd=tmp,
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = Path(tmp) / json.loads(packed.stdout)[0]["filename"]
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    with tarfile.open(tarball) as archive:
        for member in [*files, "LICENSE", "package.json"]:
            (target / Path(member).name).write_bytes(
                archive.extractfile(f"package/{member}").read()
            )
    print(f"{package}: {json.loads((target / 'package.json').read_text())['version']} -> {target}")


def vendor(vendor_dir: Path = VENDOR_DIR, served_dir: Path = SERVED_DIR) -> None:
    """Fetch the chart libraries (at Altair's versions) and the map data from npm."""
    with tempfile.TemporaryDirectory() as tmp:
        for library, (requested, build_file) in LIBRARIES.items():
            _fetch(library, requested, [build_file], vendor_dir / library, tmp)
        for package, (version, data_file) in MAP_DATA.items():
            _fetch(package, version, [data_file], served_dir / package, tmp)
