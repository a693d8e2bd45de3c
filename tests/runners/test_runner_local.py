"""The local runner over a real store with a hand-made engine (no spaCy): batches committed, re-runs skip
what is stored, duplicates counted, failures recorded and retried, the ingest/failures/stats commands."""

from __future__ import annotations

import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from helpers import FakeEngine, corpus, fake_analysis, syndicated_corpus
from realpolitik.cli import ingest as ingest_cli
from realpolitik.errors import EmptyInput, MalformedRecord, PipelineError
from realpolitik.model import Article
from realpolitik.runners import local
from realpolitik.runners.progress import RunProgress
from realpolitik.settings import Settings
from realpolitik.sources import read_inputs
from realpolitik.sources.memory import read_texts
from realpolitik.store import Store


def test_run_commits_batches_and_a_rerun_skips_everything(tmp_db: Path) -> None:
    settings = Settings(batch_size=4)
    articles = corpus()
    engine = FakeEngine()
    seen: list[str] = []
    with Store(tmp_db) as store:
        report = local.run(articles, engine, store, settings, on_analysis=lambda a: seen.append(a.article.id))
        assert (report.read, report.analyzed, report.stored, report.skipped, report.failed) == (
            30,
            30,
            30,
            0,
            0,
        )
        assert engine.batches == [4] * 7 + [2]
        assert seen == [a.id for a in articles]
        events = store.stats().events
        assert report.events == events == sum(len(fake_analysis(a).events) for a in articles)
        again = local.run(articles, engine, store, settings)
        assert (again.read, again.analyzed, again.skipped) == (30, 0, 30)
        assert engine.batches == [4] * 7 + [2]  # nothing analyzed the second time
        assert store.stats().articles == 30 and store.stats().events == events


def test_syndicated_copies_count_as_ten_stories_with_rates_in_stats(tmp_db: Path) -> None:
    originals, copies = syndicated_corpus()
    exact = [Article.from_text(o.text, id=f"dup-{i}") for i, o in enumerate(originals[:5])]
    repeated = originals[5:8]  # the very same articles again, batches after their first commit
    with Store(tmp_db) as store:
        report = local.run(originals + copies + exact + repeated, FakeEngine(), store, Settings(batch_size=8))
        assert (report.analyzed, report.near_duplicates, report.duplicates) == (60, 50, 8)
        rerun = local.run(originals + copies + exact + repeated, FakeEngine(), store, Settings(batch_size=8))
        # a re-run counts every article as already stored: the copies were dropped and counted the first time
        assert (rerun.analyzed, rerun.duplicates, rerun.skipped) == (0, 0, 68)
    result = CliRunner().invoke(_group(), ["stats", "--db", str(tmp_db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # the re-run changed no counter: the exact copies are remembered, not counted again
    assert (data["articles"], data["stories"], data["near_duplicates"], data["exact_duplicates"]) == (
        60,
        10,
        50,
        8,
    )
    assert data["near_duplicate_rate"] == pytest.approx(50 / 60, abs=1e-3)
    assert data["exact_duplicate_rate"] == pytest.approx(8 / 68, abs=1e-3)
    table = CliRunner().invoke(_group(), ["stats", "--db", str(tmp_db)])
    assert "near duplicate rate" in table.output and "83.3%" in table.output


def test_near_duplicates_in_a_later_run_link_to_stored_originals(tmp_db: Path) -> None:
    originals, copies = syndicated_corpus()
    with Store(tmp_db) as store:
        local.run(originals, FakeEngine(), store, Settings())
        report = local.run(copies, FakeEngine(), store, Settings())
        assert report.near_duplicates == 50
        assert store.stats().stories == 10


def test_engine_failure_costs_one_article(tmp_db: Path) -> None:
    articles = corpus(6)
    articles[2] = Article.from_text("Officials signed nothing. EXPLODE here.", input_ref="mem:bad")
    failures = []
    with Store(tmp_db) as store:
        report = local.run(articles, FakeEngine(), store, Settings(batch_size=4), on_failure=failures.append)
        assert (report.analyzed, report.failed) == (5, 1)
        assert [(f.input_ref, f.code, f.stage) for f in failures] == [
            ("mem:bad", PipelineError.code, "analyze")
        ]
        assert store.stats().articles == 5
        assert [r["input_ref"] for r in store.failures()] == ["mem:bad"]


def test_run_without_store_only_calls_back() -> None:
    seen = []
    report = local.run(read_texts(["a signed b. c", "a signed b. c", "d"]), FakeEngine(), None, Settings(),
                       on_analysis=seen.append)  # fmt: skip
    assert (report.analyzed, report.duplicates, len(seen)) == (2, 1, 2)


def _group() -> click.Group:
    group = click.Group()
    for command in (ingest_cli.ingest, ingest_cli.watch, ingest_cli.failures, ingest_cli.stats):
        group.add_command(command)
    return group


def test_ingest_failures_and_retry_commands(
    tmp_path: Path, tmp_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("realpolitik.engine.Engine", FakeEngine)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Kazakhstan signed a treaty. It matters.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "a.jsonl").write_text('{"text": "China signed a loan. Yes."}\n{"text": 3}\n', encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(_group(), ["ingest", str(folder), "--db", str(tmp_db), "--json"])
    assert first.exit_code == 1, first.output
    assert json.loads(first.stdout.strip().splitlines()[-1])["analyzed"] == 2
    assert f"error[{EmptyInput.code}]" in first.stderr and f"error[{MalformedRecord.code}]" in first.stderr

    listed = runner.invoke(_group(), ["failures", "--db", str(tmp_db), "--json"])
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted((Path(r["input_ref"]).name, r["code"]) for r in rows) == [
        ("a.jsonl:2", MalformedRecord.code),
        ("empty.txt", EmptyInput.code),
    ]
    table = runner.invoke(_group(), ["failures", "--db", str(tmp_db)])
    assert "RP-E102" in table.stdout

    (folder / "empty.txt").write_text("Uzbekistan signed an accord. Fine.", encoding="utf-8")
    retry = runner.invoke(_group(), ["ingest", "--retry-failed", "--db", str(tmp_db), "--json"])
    assert json.loads(retry.stdout.strip().splitlines()[-1])["analyzed"] == 1
    left = runner.invoke(_group(), ["failures", "--db", str(tmp_db), "--json"])
    assert [Path(json.loads(line)["input_ref"]).name for line in left.stdout.splitlines()] == ["a.jsonl:2"]
    with Store(tmp_db, read_only=True) as store:
        assert store.stats().articles == 3


def test_progress_bar_shows_rate_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with RunProgress(True, 10, stream=stream) as bar:
        for _ in range(10):
            bar.advance(1)
    assert "articles/s" in stream.getvalue() and "10/10" in stream.getvalue()
    quiet = Terminal()
    with RunProgress(False, 10, stream=quiet) as bar:
        bar.advance(5)
    assert quiet.getvalue() == ""


def test_read_inputs_failures_reach_the_store(tmp_path: Path, tmp_db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bin.txt").write_bytes(b"\x00" * 10)
    with Store(tmp_db) as store:
        report = local.run(read_inputs([str(folder)], Settings()), FakeEngine(), store, Settings())
        assert report.failed == 1
        assert store.stats().failures_by_code == {"RP-E103": 1}
