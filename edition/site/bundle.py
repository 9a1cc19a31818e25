"""Join the site's stylesheets into one file, in the order the pages link them.

A page's first paint waits for every stylesheet it links, and the theme links eight, one of them
through an ``@import`` (a second round trip). On a slow phone each request costs a round trip of
its own, so the pages link one bundle instead. Each part is purged of the rules no page can use
(``edition.site.purge``), and its ``url(...)`` references are rewritten to stay right from the
bundle's folder; ``@charset`` rules go (only the first line of a file may hold one, and the
bundle is UTF-8).
"""

import posixpath
import re
from pathlib import Path

from .purge import purge_stylesheet

BUNDLE = "styles/edition.bundle.css"  # in the static folder: beside the theme's stylesheet, whose font URLs then stay as they are
_IMPORT = re.compile(r'^@import\s+(?:url\()?["\']?([^"\')\s]+)["\']?\)?\s*;', re.MULTILINE)
_URL = re.compile(r'url\(\s*(["\']?)([^"\')]+)\1\s*\)')
_CHARSET = re.compile(r'^@charset\s+"[^"]*";\s*', re.MULTILINE)


def _is_relative(url: str) -> bool:
    return not re.match(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", url, re.IGNORECASE)


def _rebased(css: str, source_dir: str, target_dir: str) -> str:
    """``css`` with its relative URLs made relative to ``target_dir`` instead of ``source_dir``."""

    def rebase(match: re.Match) -> str:
        quote, url = match.groups()
        if not _is_relative(url):
            return match.group(0)
        moved = posixpath.relpath(
            posixpath.normpath(posixpath.join(source_dir, url)), target_dir or "."
        )
        return f"url({quote}{moved}{quote})"

    return _URL.sub(rebase, css)


def _part(static: Path, name: str, target_dir: str, seen: set[str]) -> str:
    """One stylesheet's text for the bundle, its ``@import``s (of the same site) put in their place."""
    if name in seen:  # an import cycle, or a sheet both imported and linked: once is enough
        return ""
    seen.add(name)
    path = static / name
    if not path.is_file():
        raise FileNotFoundError(f"stylesheet {path} is linked by the pages but was not written")
    source_dir = posixpath.dirname(name)
    css = _CHARSET.sub("", path.read_text(encoding="utf-8"))

    def inline(match: re.Match) -> str:
        imported = match.group(1)
        if not _is_relative(imported):
            raise ValueError(
                f"{path}: @import of {imported!r}: a bundle cannot import another host's sheet"
            )
        return _part(
            static, posixpath.normpath(posixpath.join(source_dir, imported)), target_dir, seen
        )

    return _rebased(_IMPORT.sub(inline, css), source_dir, target_dir)


def bundle_stylesheets(static: Path, names: list[str], tokens: set[str]) -> int:
    """Write ``static/BUNDLE`` from the stylesheets ``names`` (relative to ``static``, in cascade
    order), each purged of the selectors that name a class or id not in ``tokens``; returns the
    bundle's size in bytes. The file is rewritten only when its text changes."""
    if not names:
        raise ValueError(f"no stylesheet to bundle into {static / BUNDLE}")
    target_dir = posixpath.dirname(BUNDLE)
    seen: set[str] = set()
    parts = []
    for name in names:
        try:
            parts.append(purge_stylesheet(_part(static, name, target_dir, seen), tokens))
        except ValueError as error:
            raise ValueError(f"{static / name}: {error}") from error
    # The first line names the parts, for a maintainer and for the benchmark's comparisons.
    text = f"/* edition bundle: {' '.join(names)} */\n" + "".join(parts)
    target = static / BUNDLE
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
