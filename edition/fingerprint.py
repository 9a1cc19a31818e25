"""A digest of files, to know when something a result was made from has changed."""

import hashlib
from pathlib import Path

SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints", "_build"}


def _files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not SKIPPED_PARTS & set(path.relative_to(folder).parts)
    )


def fingerprint(folders: list[Path], files: list[Path], extra: str = "") -> str:
    """A digest of the names and bytes of every file in ``folders`` and of ``files``, and ``extra``.
    Names are taken relative to each folder, so a copy elsewhere has the same one."""
    digest = hashlib.sha256(extra.encode())
    named = [
        (f"{index}/{file.relative_to(folder).as_posix()}", file)
        for index, folder in enumerate(folders)
        if folder.is_dir()
        for file in _files(folder)
    ]
    named += [(f"file/{file.name}", file) for file in files if file.is_file()]
    for name, path in named:
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
