"""The store's bookkeeping of ingestion: the text key of each stored id, exact copies remembered once, articles
replaced with every row derived from them, and the durable ingest queue."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from helpers import fake_analysis
from realpolitik.model import Article, article_id_for
from realpolitik.store import Store


def test_stored_ids_give_the_key_of_their_text(tmp_db: Path) -> None:
    article = Article.from_text("Kazakhstan signed a treaty.", id="7")
    with Store(tmp_db) as store:
        store.write([fake_analysis(article)])
        assert store.stored_text_keys(["7", "8"]) == {"7": article_id_for("kazakhstan  signed a TREATY.")}


def test_exact_copies_count_once_however_often_they_are_recorded(tmp_db: Path) -> None:
    copy = ("b", "key", "in.jsonl:2", "a")
    with Store(tmp_db) as store:
        assert store.record_exact_copies([copy, copy, ("c", "key", "in.jsonl:3", "a")]) == 2
        assert store.record_exact_copies([copy]) == 0
        assert store.stats().exact_duplicates == 2
        assert store.known_copies(["b", "x"]) == {("b", "key")}


def test_deleting_an_article_removes_every_row_derived_from_it(tmp_db: Path) -> None:
    kept = Article.from_text("Russia signed a loan. China signed too.", id="kept")
    gone = Article.from_text("Kazakhstan signed a treaty. It signed.", id="gone")
    with Store(tmp_db) as store:
        store.write([fake_analysis(kept), fake_analysis(gone)])
        store.add_signatures([("gone", b"\x00" * 8), ("kept", b"\x01" * 8)])
        assert store.delete_articles(["gone", "missing"]) == 1
        assert store.stored_text_keys(["kept", "gone"]).keys() == {"kept"}
        assert store.stats().events == len(fake_analysis(kept).events)
        assert [aid for aid, _ in store.signatures()] == ["kept"]


def test_the_queue_keeps_articles_in_order_across_reopening(tmp_db: Path) -> None:
    articles = [
        Article.from_text(
            f"Russia met China, {i}.", id=f"q{i}", published=date(2022, 1, 1), input_ref=f"api:q{i}"
        )
        for i in range(5)
    ]
    with Store(tmp_db) as store:
        assert store.enqueue(articles[:3]) == [1, 2, 3]
        assert store.enqueue(articles[3:]) == [4, 5]
        assert store.dequeue([1, 2]) == 2
    with Store(tmp_db) as store:
        assert store.queue_length() == 3
        assert store.queued(2) == [(3, articles[2]), (4, articles[3])]
        store.dequeue([3, 4, 5])
        assert store.queued() == [] and store.enqueue(articles[:1]) == [1]
