"""Every third-party package the code imports is pinned (==) in requirements.txt."""

import ast
import re
import sys
from importlib import metadata

from conftest import ROOT

FOLDERS = ["edition", "tests", "benchmarks"]


def _imported_top_level_names() -> set[str]:
    names = set()
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names


def _pinned() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s#]+)", line.strip())
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


def test_every_imported_package_is_pinned():
    ours = {"edition", "conftest"} | {path.stem for path in (ROOT / "tests").glob("*.py")}
    third_party = _imported_top_level_names() - set(sys.stdlib_module_names) - ours
    distributions = metadata.packages_distributions()
    pins = _pinned()
    unpinned = {}
    for name in sorted(third_party):
        owners = [
            re.sub(r"[-_.]+", "-", owner).lower() for owner in distributions.get(name, [name])
        ]
        if not any(owner in pins for owner in owners):
            unpinned[name] = owners
    assert not unpinned, f"imported but not pinned with == in requirements.txt: {unpinned}"
    assert len(third_party) >= 15, "the import scan found too little: it is broken"
