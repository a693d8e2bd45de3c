"""Sentences are bounded before parsing, so that no stage after spaCy meets a sentence longer than
``max_sentence_tokens``: the cuts fall after a full stop when there is one, and an article over its time budget
is recorded with its own code while the rest of the batch is stored."""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import spacy
from click.testing import CliRunner

from realpolitik.annotate.bounds import bound_sentences
from realpolitik.model import Article
from realpolitik.settings import Settings
from realpolitik.store import Store


def _runs(starts: Sequence[bool], n: int) -> list[int]:
    cuts = [i for i in range(n) if starts[i]] + [n]
    return [b - a for a, b in itertools.pairwise(cuts)]


def _doc(text: str) -> Any:
    doc = spacy.blank("en")(text)
    doc[0].is_sent_start = True
    return doc


def test_a_sentence_without_full_stops_is_cut_at_the_limit() -> None:
    doc = bound_sentences(_doc(" ".join(["word"] * 1000)), 150)
    runs = _runs([bool(t.is_sent_start) for t in doc], len(doc))
    assert max(runs) == 150 and sum(runs) == 1000


def test_cuts_fall_after_the_last_full_stop_or_comma_of_the_window() -> None:
    text = " ".join(["a"] * 100) + ' end." Then ' + " ".join(["b"] * 100) + " , " + " ".join(["c"] * 100)
    doc = bound_sentences(_doc(text), 150)
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["a", "Then", "c"]  # after the closing quote, then after the comma
    assert max(_runs([bool(t.is_sent_start) for t in doc], len(doc))) <= 150


def test_short_texts_and_preset_starts_are_left_alone() -> None:
    doc = _doc("Russia met China. " * 20)
    assert [t.i for t in bound_sentences(doc, 150) if t.is_sent_start] == [0]
    lines = _doc("\n".join(" ".join(["w"] * 100) for _ in range(5)))
    for token in lines:
        if token.i and "\n" in lines[token.i - 1].text:
            token.is_sent_start = True
    before = [t.i for t in lines if t.is_sent_start]
    assert [t.i for t in bound_sentences(lines, 150) if t.is_sent_start] == before


@pytest.mark.model
def test_no_sentence_of_an_analysed_article_passes_the_bound(nlp_engine: Any) -> None:
    unit = "Russia said that China accused Kazakhstan of threatening the United States and "
    text = " ".join((unit.split() * 300)[:3000])
    (analysis,) = nlp_engine.analyze_batch([Article.from_text(text)])
    lengths = [len(nlp_engine.annotator.nlp.tokenizer(text[s.start : s.end])) for s in analysis.sentences]
    assert len(analysis.sentences) >= 20 and max(lengths) <= Settings().max_sentence_tokens
    assert analysis.events and analysis.statements and not analysis.failures


@pytest.mark.model
@pytest.mark.timeout(600)
def test_an_article_over_its_time_budget_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from realpolitik import engine as engine_module

    class SlowCoderEngine(engine_module.Engine):
        """The real pipeline, plus a coder that never finishes on an article that says STALL."""

        def __init__(self, settings: Settings | None = None, **kwargs: Any) -> None:
            super().__init__(settings, **kwargs)

            def stall(doc: Any, article: Any, mentions: Any) -> list[Any]:
                while "STALL" in article.text:
                    time.sleep(0.01)
                return []

            self.coders = [*self.coders, ("stall", stall)]

    monkeypatch.setattr(engine_module, "Engine", SlowCoderEngine)
    monkeypatch.setenv("REALPOLITIK_ARTICLE_TIME_BUDGET", "2")
    corpus = tmp_path / "batch.jsonl"
    texts = {
        "a": "Russia signed a treaty with China.",
        "b": "STALL. Russia met China.",
        "c": "China met India.",
    }
    corpus.write_text("\n".join(json.dumps({"id": k, "text": v}) for k, v in texts.items()), encoding="utf-8")
    db = tmp_path / "budget.duckdb"
    from realpolitik.cli.main import main

    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(db), "--json", "--quiet"])
    assert result.exit_code == 1, result.output
    assert re.search(r"error\[RP-E202\] .*batch\.jsonl:2: the analysis ran past", result.stderr)
    with Store(db, read_only=True) as store, store.cursor() as cur:
        assert sorted(r[0] for r in cur.execute("SELECT id FROM articles").fetchall()) == ["a", "c"]
        assert [(f["input_ref"].rsplit("/", 1)[-1], f["code"]) for f in store.failures()] == [
            ("batch.jsonl:2", "RP-E202")
        ]
        assert store.failed_inputs() == [str(corpus) + ":2"]  # --retry-failed reads it again
