"""Finding and reading our own gold files (JSON Lines in the checkout's tests/data/, or given by the user)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from realpolitik.errors import EvalDataError


def find_gold(name: str, env_var: str, what: str, data_dir: Path | None = None) -> Path:
    """The gold file ``name``: $``env_var``, <data_dir>/``name``, or the checkout's tests/data/``name`` (found
    relative to this package)."""
    candidates = []
    if os.environ.get(env_var):
        candidates.append(Path(os.environ[env_var]))
    if data_dir is not None:
        candidates.append(Path(data_dir) / name)
    candidates.append(Path(__file__).resolve().parents[3] / "tests" / "data" / name)
    for path in candidates:
        if path.is_file():
            return path
    raise EvalDataError(f"{what} not found (looked in {', '.join(map(str, candidates))})")


def read_gold(path: Path, what: str) -> list[dict[str, Any]]:
    """The records of a JSON Lines gold file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalDataError(f"unreadable {what}: {exc}", ref=str(path)) from exc


__all__ = ["find_gold", "read_gold"]
