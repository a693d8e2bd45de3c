"""The on-disk cache of the bundled knowledge base's indexes: building them from 30,000 records takes longer
than a look-up may (``realpolitik actors lookup`` answers in well under a second), loading them from a pickle of
plain builtins does not.

The cache lives in ``$REALPOLITIK_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/realpolitik``, else
``~/.cache/realpolitik``. A file is named by a fingerprint of the knowledge-base files (path, size, modification
time), the KB version and the Python version, so an edited or upgraded knowledge base is never read from a stale
file; a cache that cannot be read or written is skipped silently (it only costs time).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ENV = "REALPOLITIK_CACHE_DIR"
KEEP = 6


def cache_dir() -> Path | None:
    """Where cache files go, or None when caching is off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "realpolitik"


def fingerprint(paths: Sequence[Path], version: str) -> str:
    parts = [version, sys.version]
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            parts.append(f"{path}:missing")
            continue
        parts.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def load(key: str) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"kb-{key}.pickle").open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return None


def save(key: str, state: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp = Path(fh.name)
        os.replace(tmp, folder / f"kb-{key}.pickle")  # atomic: a reader sees the old file or the new one
        # Several installations (virtual environments, checkouts) may share the folder: keep the newest few.
        files = sorted(folder.glob("kb-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
