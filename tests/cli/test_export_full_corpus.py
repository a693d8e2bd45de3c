"""Acceptance 2 of issue 14 on the whole shared corpus (the session's ``news_db``): ``realpolitik export events``
in the GDELT 2.0 and ICEWS layouts, as CSV and Parquet, loads with pandas, has those data sets' columns in their
order, and has one row per complete asserted event of the store, counted here by its definition."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from realpolitik import render

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Asserted, both actors resolved, and two actors: different codes, or one code with two different known sectors.
COMPLETE = """
SELECT count(*) FROM events WHERE modality = 'asserted' AND source_code IS NOT NULL AND target_code IS NOT NULL
AND (source_code <> target_code OR (source_sector IS NOT NULL AND target_sector IS NOT NULL
     AND source_sector <> target_sector))
"""


@pytest.mark.parametrize(
    ("layout", "columns"), [("gdelt", render.GDELT_COLUMNS), ("icews", render.ICEWS_COLUMNS)]
)
def test_event_exports_in_gdelt_and_icews_layouts_hold_every_complete_event(
    news_db: Path, tmp_path: Path, layout: str, columns: tuple[str, ...]
) -> None:
    with duckdb.connect(str(news_db), read_only=True) as con:
        row = con.execute(COMPLETE).fetchone()
    assert row is not None
    complete = int(row[0])
    assert complete > 100
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"events-{layout}.{fmt}"
        done = subprocess.run(
            [sys.executable, "-m", "realpolitik", "export", "events", "--format", fmt, "--layout", layout,
             "--db", str(news_db), "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=1200,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert f"{complete} events exported" in done.stderr
        frame = pd.read_csv(out, low_memory=False) if fmt == "csv" else pd.read_parquet(out)
        assert list(frame.columns) == list(columns)
        assert len(frame) == complete
        ids = frame["GLOBALEVENTID" if layout == "gdelt" else "Event ID"]
        assert ids.is_unique and ids.notna().all()
