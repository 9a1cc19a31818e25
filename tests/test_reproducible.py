"""Two cold builds of one commit write the same site, byte for byte (no volatile bits are declared).

In a file of its own: its two builds are the longest test, and a file is what
``pytest -n 2 --dist loadfile`` hands to a worker, so the other worker runs the rest meanwhile.
"""

import shutil
from pathlib import Path

from conftest import ROOT, run_strict_build

from edition.site.build import COLD_MARK

# Parts of a built site that may differ between two cold builds of one commit, and why: none.
# (An incremental rebuild is another matter: Sphinx then adds ``?v=`` checksums to links on the
# pages it rewrites, and its search index can differ, so the site's own build is compared only
# when the build command marked it cold.)
VOLATILE: dict[str, str] = {}
# Made by a separate command after the build (python -m edition pdf), not by the build itself.
AFTER_THE_BUILD = {"edition.pdf"}


def _cold_build(tmp_path: Path, name: str) -> Path:
    """Build a copy of the sources with no cache, so every notebook is executed afresh."""
    copy = tmp_path / name
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            "_build", "node_modules", ".git", ".jupyter_cache", "__pycache__"
        ),
    )
    result = run_strict_build(copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return copy / "_build" / "html"


def test_two_cold_builds_write_the_same_site(built_site, tmp_path):
    """Two cold builds must write byte-identical files: no random chart ids, no timestamps, no
    absolute paths (this test once caught the icon font's save time). When the session's own build
    was cold (a fresh checkout, as in CI), it is the first of the two; else a copy is built."""
    first = (
        built_site
        if (built_site.parent / COLD_MARK.name).is_file()
        else _cold_build(tmp_path, "first")
    )
    second = _cold_build(tmp_path, "second")
    files = {str(path.relative_to(first)) for path in first.rglob("*") if path.is_file()}
    files_again = {str(path.relative_to(second)) for path in second.rglob("*") if path.is_file()}
    assert files - set(VOLATILE) - AFTER_THE_BUILD == files_again - set(VOLATILE) - AFTER_THE_BUILD
    differ = sorted(
        name
        for name in files & files_again
        if name not in VOLATILE and (first / name).read_bytes() != (second / name).read_bytes()
    )
    assert not differ, f"files that differ between two cold builds: {differ}"
