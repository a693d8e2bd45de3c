"""The Dask runner writes exactly what the local runner writes: a LocalCluster of 2 single-threaded worker
processes, Parquet batches loaded by the store owner, the same rows in every analysis table. Once with a
hand-made engine (fast) and once with the real pipeline (spaCy loaded once per worker)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from helpers import FakeEngine, corpus
from realpolitik.runners import dask as dask_runner
from realpolitik.runners import local
from realpolitik.settings import Settings
from realpolitik.sources import read_inputs
from realpolitik.store import Store
from realpolitik.store.schema import ANALYSIS_TABLES


def fake_engine_factory() -> FakeEngine:
    """Module level, so Dask workers can unpickle it by reference."""
    return FakeEngine()


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with Store(path, read_only=True) as store, store.cursor() as cur:
        for table in ANALYSIS_TABLES:
            out[table.name] = cur.execute(f'SELECT * FROM "{table.name}" ORDER BY ALL').fetchall()
    return out


def test_dask_and_local_runners_store_the_same_rows(tmp_path: Path) -> None:
    articles = corpus(40)
    articles[5] = articles[5].__class__.from_text("Officials signed. EXPLODE.", input_ref="mem:bad")
    settings = Settings(batch_size=6)
    with Store(tmp_path / "local.duckdb") as store:
        local_report = local.run(articles, FakeEngine(), store, settings)
    seen: list[str] = []
    failed: list[str] = []
    with Store(tmp_path / "dask.duckdb") as store:
        dask_report = dask_runner.run(
            articles,
            fake_engine_factory,
            store,
            settings,
            workers=2,
            on_analysis=lambda a: seen.append(a.article.id),
            on_failure=lambda f: failed.append(f.input_ref),
        )
    assert snapshot(tmp_path / "local.duckdb") == snapshot(tmp_path / "dask.duckdb")
    for key in ("read", "analyzed", "stored", "failed", "events"):
        assert getattr(dask_report, key) == getattr(local_report, key), key
    assert sorted(seen) == sorted(a.id for a in articles if a.input_ref != "mem:bad")
    assert failed == ["mem:bad"]
    assert dask_report.workers == 2
    assert all(m["peak"] > 0 for m in dask_report.extra["worker_memory_mb"].values())
    assert len(dask_report.extra["worker_memory_mb"]) == 2


@pytest.mark.model
def test_dask_matches_local_on_real_news(tmp_path: Path, data_dir: Path, nlp_engine: Any) -> None:
    source = data_dir / "news" / "wikinews_en_2019_2020.jsonl"
    sample = tmp_path / "sample.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:24]
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    settings = dataclasses.replace(nlp_engine.settings, batch_size=4)
    with Store(tmp_path / "local.duckdb") as store:
        local.run(read_inputs([str(sample)], settings), nlp_engine, store, settings)
    with Store(tmp_path / "dask.duckdb") as store:
        report = dask_runner.run(read_inputs([str(sample)], settings), None, store, settings, workers=2)
    assert report.analyzed == len(lines) == report.stored
    local_rows, dask_rows = snapshot(tmp_path / "local.duckdb"), snapshot(tmp_path / "dask.duckdb")
    assert len(local_rows["events"]) > 0
    assert json.dumps(local_rows, default=str) == json.dumps(dask_rows, default=str)
