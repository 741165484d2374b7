"""The built gazetteer, kept on disk between runs (issue 3: start-up).

Indexing the 126k names of the bundled files takes ~0.45 s of every process that codes; reading back a
pickle of the finished index takes ~0.17 s. The file is named by a hash of everything the index is made
from: every file in the gazetteer directory, the code that builds it (gazetteer.py, loading.py), the
eventwire version and the Python version, so a change to any of them builds afresh. The cache is only a
shortcut: a file that is missing, corrupt or of another shape is built over, and a directory that cannot
be written is left alone. Nothing here prints or raises for the cache's sake.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from . import gazetteer as _gazetteer_module
from .gazetteer import Gazetteer

CACHE_ENV = "XDG_CACHE_HOME"
# The modules whose code decides what the pickled index holds.
_BUILD_SOURCES = ("gazetteer.py", "loading.py")


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/eventwire, or ~/.cache/eventwire."""
    root = os.environ.get(CACHE_ENV) or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(root) / "eventwire"


def cache_key(directory: Path) -> str | None:
    """A hash of what the index of `directory` is built from; None where a file cannot be read (the build
    then reports it)."""
    digest = hashlib.sha256()
    for part in (__version__, sys.version, str(pickle.HIGHEST_PROTOCOL)):
        digest.update(part.encode() + b"\0")
    code_dir = Path(_gazetteer_module.__file__).parent
    try:
        files = sorted(p for p in directory.iterdir() if p.is_file())
        for path in [*files, *(code_dir / name for name in _BUILD_SOURCES)]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def cached_build(directory: Path, build: Callable[[], Gazetteer]) -> Gazetteer:
    """The gazetteer of `directory` from the cache, or `build()` it and keep it there for the next run."""
    key = cache_key(directory)
    if key is None:
        return build()
    path = cache_dir() / f"gazetteer-{key[:32]}.pickle"
    found = _read(path)
    if found is not None:
        return found
    gazetteer = build()
    _write(path, gazetteer)
    return gazetteer


def _read(path: Path) -> Gazetteer | None:
    try:
        with path.open("rb") as fh:
            found = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, truncated or corrupt: any of them means build afresh
        return None
    return found if isinstance(found, Gazetteer) else None


def _write(path: Path, gazetteer: Gazetteer) -> None:
    """Write whole or not at all: a temporary file renamed into place, so that a process reading at the
    same time sees the old file or the new, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    except OSError:
        return  # an unwritable cache directory: every run builds, as before
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(gazetteer, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a full disk or a failed rename leaves no cache, not an error
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    _remove_others(path)


def _remove_others(path: Path) -> None:
    """Each edit of the data or the build code makes a new 4.5 MB file; only the newest is kept. (Two
    eventwire versions used by turns then rebuild by turns: slower, never wrong.)"""
    for other in path.parent.glob("gazetteer-*.pickle"):
        if other != path:
            with contextlib.suppress(OSError):
                other.unlink()
