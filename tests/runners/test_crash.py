"""Crash safety: a run killed with SIGKILL in the middle and then re-run ends with exactly the rows of a clean
run (articles, events, everything), no duplicates, and the re-run does not redo committed batches. Once with a
hand-made engine (fast, exact control of timing) and once with the real pipeline on real news."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from helpers import story, syndicated_corpus
from realpolitik.model import Article
from realpolitik.store import Store
from realpolitik.store.schema import ANALYSIS_TABLES

HERE = Path(__file__).resolve().parent
BATCH = 4

DRIVER = textwrap.dedent(
    """
    import sys, time
    from realpolitik.runners import local
    from realpolitik.settings import Settings
    from realpolitik.sources import read_inputs
    from realpolitik.store import Store

    def main() -> None:
        corpus, db, kind, batch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        settings = Settings(batch_size=batch)
        if kind == "fake":
            sys.path.insert(0, {helpers!r})
            from helpers import FakeEngine

            class SlowEngine(FakeEngine):
                def analyze_batch(self, articles):
                    time.sleep(0.2)  # time for the test to kill us between two commits
                    return super().analyze_batch(articles)

            engine = SlowEngine()
        else:
            from realpolitik.engine import Engine

            engine = Engine(settings)
        with Store(db) as store:
            report = local.run(
                read_inputs([corpus], settings), engine, store, settings,
                on_analysis=lambda a: print("analyzed", a.article.id, flush=True),
            )
        print("report", report.analyzed, report.skipped, flush=True)

    if __name__ == "__main__":
        main()
    """
).format(helpers=str(HERE.parent))


def _driver(tmp_path: Path) -> Path:
    path = tmp_path / "driver.py"
    path.write_text(DRIVER, encoding="utf-8")
    return path


def _run(driver: Path, corpus: Path, db: Path, kind: str, kill_after: int | None = None) -> list[str]:
    """Run the driver; with ``kill_after``, SIGKILL it once that many articles were reported committed."""
    process = subprocess.Popen(
        [sys.executable, str(driver), str(corpus), str(db), kind, str(BATCH)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines: list[str] = []
    for line in process.stdout:
        lines.append(line.strip())
        if kill_after is not None and len(lines) >= kill_after:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.stdout.close()
    code = process.wait()
    if kill_after is not None:
        assert code == -signal.SIGKILL, "the run finished before it could be killed"
    else:
        assert code == 0 and lines[-1].startswith("report"), lines[-3:]
    return lines


def snapshot(db: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with Store(db, read_only=True) as store, store.cursor() as cur:
        for table in ANALYSIS_TABLES:
            out[table.name] = cur.execute(f'SELECT * FROM "{table.name}" ORDER BY ALL').fetchall()
        stats = store.stats()
    out["stats"] = (
        stats.articles,
        stats.stories,
        stats.near_duplicates,
        stats.exact_duplicates,
        stats.events,
    )
    return out


def _crash_and_compare(tmp_path: Path, corpus: Path, kind: str, n_articles: int, kill_after: int) -> None:
    driver = _driver(tmp_path)
    crashed, clean = tmp_path / "crashed.duckdb", tmp_path / "clean.duckdb"
    first = _run(driver, corpus, crashed, kind, kill_after=kill_after)
    committed = sum(1 for line in first if line.startswith("analyzed"))
    rerun = _run(driver, corpus, crashed, kind)
    _run(driver, corpus, clean, kind)
    after, expected = snapshot(crashed), snapshot(clean)
    assert after["articles"] and after["events"]
    for key, rows in expected.items():
        if key != "stats":
            mine, theirs = {repr(r) for r in after[key]}, {repr(r) for r in rows}
            extra, missing = mine - theirs, theirs - mine
            assert not extra and not missing, (key, sorted(extra)[:3], sorted(missing)[:3])
    assert after == expected
    ids = [row[0] for row in after["articles"]]
    assert len(ids) == len(set(ids))
    # the re-run skipped every committed article and redid at most the batch in flight
    report = rerun[-1].split()
    analyzed_again, skipped = int(report[1]), int(report[2])
    assert skipped >= committed
    assert analyzed_again <= n_articles - committed


def test_kill_9_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    rng = random.Random(5)
    originals, copies = syndicated_corpus()
    articles = [Article.from_text(story(rng, 6)) for _ in range(20)] + originals + copies[:10]
    rng.shuffle(articles)
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": a.id, "text": a.text}) for a in articles]
    lines.insert(7, lines[3])  # one exact copy
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _crash_and_compare(tmp_path, corpus, "fake", len(articles), kill_after=3 * BATCH)


@pytest.mark.model
def test_kill_9_then_rerun_on_real_news(tmp_path: Path, data_dir: Path) -> None:
    source = data_dir / "news" / "kremlin_en_ir.part1.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:32]
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _crash_and_compare(tmp_path, corpus, "real", len(lines), kill_after=2 * BATCH)
