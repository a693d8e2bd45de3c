"""``realpolitik actors lookup`` answers without spaCy, DuckDB or the spaCy model: the command runs in a fresh
interpreter and reports the heavy modules it loaded (its speed is measured in benchmarks/bench_resolve.py, never
timed here)."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = """
import json, sys
from realpolitik.cli.main import main
try:
    main(["actors", "lookup", "President Berdimuhamedov", "--date", "2023-01-01", "--json"])
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "thinc", "duckdb", "pyarrow", "numpy", "torch"})
print(json.dumps({"exit": code, "heavy": heavy}))
"""


def test_lookup_loads_no_heavy_dependency() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, check=False
    )
    lines = done.stdout.strip().splitlines()
    mention = json.loads(lines[0])
    report = json.loads(lines[-1])
    assert report == {"exit": 0, "heavy": []}, done.stderr
    assert (mention["actor_id"], mention["code"], mention["role"]) == (
        "person:serdar-berdimuhamedow",
        "TKM",
        "President",
    )
