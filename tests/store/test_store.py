"""The DuckDB store: schema derived from the model, idempotent batch writes, failures, signatures, the
one-writer lock (checked from a second process), read-only opening, Parquet export and batch loading."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from realpolitik import render
from realpolitik.errors import StoreError, StoreLocked
from realpolitik.model import (
    ActorRef,
    Analysis,
    Article,
    Event,
    Failure,
    Mention,
    Sentence,
    Speaker,
    Stance,
    Statement,
)
from realpolitik.store import Store, analyses_to_arrow, write_parquet_batch
from realpolitik.store.schema import EVENTS, STATEMENTS

TEXT = "China is ready to deepen cooperation with Kazakhstan, Wang Yi said."


def analysis(aid: str, published: date | None = date(2022, 1, 10), n_events: int = 1) -> Analysis:
    article = Article(id=aid, text=TEXT, published=published, title=f"title {aid}", url=f"https://x/{aid}")
    events = tuple(
        Event(
            id=f"{aid}-e{i}",
            article_id=aid,
            sentence_index=0,
            start=0,
            end=52,
            source=ActorRef(code="CHN", sector="GOV", name="Wang Yi", text="Wang Yi", start=54, end=61),
            target=ActorRef(code="KAZ", name="Kazakhstan", text="Kazakhstan", start=42, end=52),
            type="AGREE",
            contexts=("military", "economic"),
            domain="security",
            quad_class=1,
            goldstein=4.0,
            confidence=0.8,
            rule="intent",
        )
        for i in range(n_events)
    )
    statement = Statement(
        id=f"{aid}-s",
        article_id=aid,
        start=0,
        end=52,
        speaker=Speaker(name="Wang Yi", type="actor", code="CHN", sector="GOV", start=54, end=61),
        cue="said",
        stances=(Stance("CHN", 0.5, 0, 5), Stance("KAZ", 0.25)),
    )
    return Analysis(
        article=article,
        sentences=(Sentence(aid, 0, 0, len(TEXT)),),
        mentions=(Mention(aid, 0, 5, "China", "chn", code="CHN", name="China", kind="state"),),
        events=events,
        statements=(statement,),
    )


def count(store: Store, table: str) -> int:
    row = store.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    assert row is not None
    return int(row[0])


def test_schema_is_derived_from_the_model() -> None:
    names = EVENTS.column_names
    assert {"source_code", "source_sector", "source_start", "target_code", "target_name"} <= set(names)
    assert "source" not in names and "target" not in names
    types = {c.name: c.sql_type for c in EVENTS.columns}
    assert (
        types["contexts"] == "VARCHAR[]"
        and types["goldstein"] == "DOUBLE"
        and types["quad_class"] == "BIGINT"
    )
    stances = {c.name: c.sql_type for c in STATEMENTS.columns}["stances"]
    assert stances.startswith("STRUCT(") and '"polarity" DOUBLE' in stances and stances.endswith("[]")
    assert "speaker_type" in STATEMENTS.column_names
    # the store's own derived columns are in the table, never in the rows records or batches carry
    assert [c.name for c in EVENTS.derived] == ["published", "canonical", "copies"]
    assert "published" in EVENTS.ddl() and "published" not in EVENTS.arrow_schema.names


def test_analyses_to_arrow_builds_one_row_per_record_and_keeps_the_first_copy_of_an_article() -> None:
    tables = analyses_to_arrow([analysis("a", n_events=2), analysis("b"), analysis("a", n_events=5)])
    assert tables["articles"].column("id").to_pylist() == ["a", "b"]
    assert tables["events"].num_rows == 3
    assert tables["events"].column("contexts").to_pylist()[0] == ["military", "economic"]
    assert tables["statements"].column("stances").to_pylist()[0][0] == {
        "code": "CHN",
        "polarity": 0.5,
        "start": 0,
        "end": 5,
    }


def test_write_is_idempotent_and_reports_new_articles(tmp_db: Path) -> None:
    with Store(tmp_db) as store:
        assert store.write([analysis("a", n_events=2), analysis("b")]) == 2
        assert store.write([analysis("a"), analysis("c")]) == 1
        assert store.write([]) == 0
        assert count(store, "articles") == 3
        assert count(store, "events") == 4  # a's second write brought nothing
        assert (
            count(store, "statements") == 3
            and count(store, "mentions") == 3
            and count(store, "sentences") == 3
        )
        assert store.known_article_ids(["a", "z", "c", "a"]) == {"a", "c"}
        assert store.known_article_ids([]) == set()


def test_records_round_trip_through_the_store(tmp_db: Path) -> None:
    original = analysis("a")
    with Store(tmp_db) as store:
        store.write([original])
        stored = store.article("a")
    assert stored is not None
    # the records read back are the records written
    assert [e.record for e in stored["events"]] == list(original.events)
    assert [s.record for s in stored["statements"]] == list(original.statements)
    assert stored["mentions"] == list(original.mentions)
    record = render.jsonable(stored)
    assert record["text"] == TEXT and record["published"] == "2022-01-10"
    event = record["events"][0]
    assert event["text"] == TEXT[0:52]
    assert event["source"] == {"code": "CHN", "sector": "GOV", "name": "Wang Yi", "text": "Wang Yi"}
    assert event["contexts"] == ["military", "economic"]
    statement = record["statements"][0]
    assert statement["speaker"] == {"name": "Wang Yi", "type": "actor", "code": "CHN", "sector": "GOV"}
    assert statement["stances"][1] == {"code": "KAZ", "polarity": 0.25, "start": None, "end": None}
    assert record["mentions"][0]["text"] == "China" and record["mentions"][0]["actor_id"] is not None
    assert record["sentences"] == [{"index": 0, "start": 0, "end": len(TEXT)}]


def test_a_batch_that_fails_half_way_leaves_nothing_behind(tmp_db: Path) -> None:
    with Store(tmp_db) as store:
        store.write([analysis("kept")])
        tables = analyses_to_arrow([analysis("lost")])
        bad = tables["events"].set_column(
            tables["events"].schema.get_field_index("quad_class"),
            "quad_class",
            pa.array(["not a number"], type=pa.string()),
        )
        with pytest.raises(StoreError, match="not a number"):
            store.write_tables({**tables, "events": bad})
        assert store.known_article_ids(["kept", "lost"]) == {"kept"}
        assert count(store, "statements") == 1
        assert store.write([analysis("lost")]) == 1


def test_failures_keep_one_row_per_input_stage_and_code_with_the_last_message(tmp_db: Path) -> None:
    with Store(tmp_db) as store:
        store.add_failures(
            [
                Failure("a.txt", "ingest", "RP-E102", "empty", datetime(2024, 1, 1)),
                Failure("b.txt", "ingest", "RP-E104", "bad bytes", datetime(2024, 1, 2)),
                Failure("art-1", "code", "RP-E201", "coder crashed", datetime(2024, 1, 2)),
            ]
        )
        store.add_failures([Failure("a.txt", "ingest", "RP-E102", "still empty", datetime(2024, 1, 3))])
        rows = store.failures()
        assert [(r["input_ref"], r["message"]) for r in rows] == [
            ("a.txt", "still empty"),
            ("art-1", "coder crashed"),
            ("b.txt", "bad bytes"),
        ]
        assert rows[0]["time"] == "2024-01-03T00:00:00"
        assert [r["input_ref"] for r in store.failures(code="RP-E104")] == ["b.txt"]
        assert store.failed_inputs() == ["a.txt", "b.txt"]  # the coder's failure kept its article
        assert store.resolve_failures(["a.txt", "nope"]) == 1
        assert [r["input_ref"] for r in store.failures()] == ["art-1", "b.txt"]


def test_signatures_persist_and_the_first_one_stays(tmp_db: Path) -> None:
    with Store(tmp_db) as store:
        store.add_signatures([("a", b"\x01\x02"), ("b", b"\x03")])
        store.add_signatures([("a", b"\xff")])
    with Store(tmp_db, read_only=True) as store:
        assert sorted(store.signatures()) == [("a", b"\x01\x02"), ("b", b"\x03")]


def test_read_only_needs_an_existing_store_and_never_writes(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()
    path = tmp_path / "s.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as store, pytest.raises(StoreError):
        store.write([analysis("a")])


@pytest.mark.parametrize(
    ("key", "message"), [("version", "schema version"), ("fingerprint", "schema fingerprint")]
)
def test_a_store_of_another_schema_is_refused(tmp_db: Path, key: str, message: str) -> None:
    with Store(tmp_db) as store:
        store.con.execute("UPDATE schema_info SET value = 'other' WHERE key = ?", [key])
    with pytest.raises(StoreError, match=message):
        Store(tmp_db)
    with pytest.raises(StoreError, match=message):
        Store(tmp_db, read_only=True)


def test_reopening_a_store_keeps_its_rows(tmp_db: Path) -> None:
    with Store(tmp_db) as store:
        store.write([analysis("a")])
    with Store(tmp_db) as store:
        assert store.known_article_ids(["a"]) == {"a"}
        assert store.write([analysis("a")]) == 0


def test_a_second_process_gets_store_locked_naming_the_owner(tmp_db: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from realpolitik.errors import StoreLocked
        from realpolitik.store import Store
        try:
            Store({str(tmp_db)!r}, read_only=True)
        except StoreLocked as exc:
            print(exc.one_line())
            sys.exit(3)
        """
    )
    with Store(tmp_db):
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 3, result.stderr
    assert f"error[{StoreLocked.code}]" in result.stdout
    assert "realpolitik serve" in result.stdout and "process " in result.stdout
    # once the owner has closed it, another process can open it
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stdout + again.stderr


def test_parquet_export_is_partitioned_by_year_and_month(tmp_db: Path, tmp_path: Path) -> None:
    with Store(tmp_db) as store:
        store.write([analysis("a", date(2021, 5, 2)), analysis("b", date(2022, 1, 10), n_events=2)])
        out = store.export_parquet(tmp_path / "export")
    files = sorted(p.relative_to(out).parts[:3] for p in out.rglob("*.parquet"))
    assert ("events", "year=2021", "month=5") in files and ("events", "year=2022", "month=1") in files
    assert ("articles", "year=2022", "month=1") in files
    events = pq.read_table(out / "events" / "year=2022" / "month=1")
    assert events.num_rows == 2 and "source_code" in events.column_names


def test_parquet_batches_from_workers_load_once(tmp_db: Path, tmp_path: Path) -> None:
    batch = write_parquet_batch([analysis("a", n_events=3), analysis("b")], tmp_path / "batch-0001")
    with Store(tmp_db) as store:
        assert store.load_parquet_batch(batch) == 2
        assert store.load_parquet_batch(batch) == 0
        assert count(store, "events") == 4
        assert store.article("a") is not None


def test_threads_can_read_while_batches_are_written(tmp_db: Path) -> None:
    errors: list[BaseException] = []
    seen: list[int] = []
    with Store(tmp_db) as store:
        store.write([analysis("seed")])

        def read() -> None:
            try:
                for _ in range(15):
                    seen.append(store.influence("KAZ").events)
                    store.events(actor="CHN", limit=5)
            except BaseException as exc:  # reported below: a thread's exception would otherwise be lost
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(3)]
        for t in threads:
            t.start()
        for i in range(10):
            store.write([analysis(f"w{i}")])
        for t in threads:
            t.join()
        assert errors == []
        assert store.influence("KAZ").events == 11
    assert seen and min(seen) >= 1 and max(seen) <= 11
