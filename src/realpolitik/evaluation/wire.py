"""``wire-stories``: the coder on news in the styles of other outlets (Reuters, AP, AFP, BBC, Al Jazeera, Xinhua,
TASS, Eurasianet, ...), scored strictly like ``news-events`` (``realpolitik.evaluation.news``).

The stories (``tests/data/wire_stories.jsonl``) are our own: written for this test, with plausible but invented
details, and labelled blind under ``docs/annotation.md`` by annotators who never ran the system (batches of twelve,
one outlet's style each). They are not real news; they stand for the outlets the kremlin.ru and Wikinews corpus does
not have: datelines, attributions to agencies, unknown officials named by their title, sports and business senses of
trigger words. A batch is ``dev`` once its output has been read while rules changed, ``test`` while it is only
scored. Each record holds the story and the sentences that state events (offsets into its text); an event the
coder places in any other sentence is a false positive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from realpolitik.errors import EvalDataError
from realpolitik.evaluation import news
from realpolitik.evaluation.results import PRF, EvalResult
from realpolitik.model import Analysis

GOLD_NAME = "wire_stories.jsonl"


def evaluate_wire_stories(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """Strict event P/R/F1 on our wire-style stories, by part (``dev`` read, ``test`` only scored)."""
    del data_dir  # the stories are ours, in tests/data
    gold = news.read_jsonl(news._gold_dir() / GOLD_NAME)
    engine = engine_factory()
    analyses: list[Analysis] = []
    for offset in range(0, len(gold), 16):
        analyses += engine.analyze_batch([news.article_of(r) for r in gold[offset : offset + 16]])
    for record, analysis in zip(gold, analyses, strict=True):
        text = analysis.article.text
        for s in record["sentences"]:
            if text[s["start"] : s["end"]] != s["text"]:
                raise EvalDataError(f"{record['id']}: sentence {s['index']} does not match the story's text")
    metrics: dict[str, float] = {}
    per_label: dict[str, PRF] = {}
    extra: dict[str, Any] = {"guideline": "docs/annotation.md", "scoring": "strict (news-events)"}
    lexicon = getattr(engine, "lexicon", None)
    for split in ("dev", "test"):
        part = [(r, a) for r, a in zip(gold, analyses, strict=True) if r["split"] == split]
        if not part:
            continue
        records = [r for r, _ in part]
        predicted = [news.predicted_by_sentence(a, r["sentences"]) for r, a in part]
        total, per_type, _pairs = news._score(records, predicted)
        metrics[f"{split}_event_precision"] = total.precision
        metrics[f"{split}_event_recall"] = total.recall
        metrics[f"{split}_event_f1"] = total.f1
        if lexicon is not None:
            keyword = [news.keyword_baseline(a, r["sentences"], lexicon) for r, a in part]
            base, _, _ = news._score(records, keyword)
            metrics[f"{split}_keyword_baseline_f1"] = base.f1
        per_label.update({f"{split}:{k}": v for k, v in per_type.items()})
        extra[f"{split}_counts"] = {"stories": len(records), **total.to_json()}
    return EvalResult("wire-stories", len(gold), metrics, per_label, extra)


__all__ = ["evaluate_wire_stories"]
