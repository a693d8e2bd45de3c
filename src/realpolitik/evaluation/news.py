"""``news-events``: the coder on whole real articles, scored strictly against our own gold set
(``tests/data/news_events_gold.jsonl``, guideline ``docs/annotation.md``).

Every asserted event the JSON contract emits for an annotated article counts. It is placed in the gold sentence
holding its trigger (its evidence start if it has none) and is a true positive when a gold asserted event of that
sentence has its type, source code and target code (a missing target matches only a missing one); an undirected
gold event matches either direction and its two directions count once. Everything else is a false positive (an
event without a source included); gold events left over are false negatives. P, R and F1 are micro-averaged
over events, for the ``train`` and ``dev`` parts (rules may be written against them) and the ``test`` part (only
scored).

Beside them: the domain agreement of matched events, a naive keyword coder on the same articles (first two
states of a sentence named by the resolver, the first trigger word of the lexicon) as a floor, and the agreement
of two annotators on the articles labelled twice (``news_events_second_annotation.jsonl``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import EvalDataError
from realpolitik.evaluation.results import PRF, EvalResult
from realpolitik.model import Analysis, Article, Event

GOLD_NAME = "news_events_gold.jsonl"
TRAIN_NAME = "news_events_train.jsonl"
SECOND_NAME = "news_events_second_annotation.jsonl"
_BATCH = 16


@dataclass(frozen=True)
class Coded:
    """An event reduced to what is scored: type, source code, target code (None if missing)."""

    type: str
    source: str | None
    target: str | None
    directed: bool = True
    domain: str | None = None


def _gold_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "data"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvalDataError(f"gold file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _corpus(data_dir: Path) -> dict[str, dict[str, Any]]:
    folder = Path(data_dir) / "news"
    if not folder.is_dir():
        raise EvalDataError(f"news corpus not found: {folder} (use --data)")
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for record in read_jsonl(path):
            out[str(record["id"])] = record
    return out


def article_of(record: dict[str, Any]) -> Article:
    """The article as ``analyze`` reads it from a JSONL line of the corpus."""
    return Article.from_text(
        str(record["text"]).replace("\r\n", "\n"),
        id=str(record["id"]),
        title=record.get("title"),
        published=date.fromisoformat(record["date"]) if record.get("date") else None,
        url=record.get("url"),
        source=record.get("source"),
    )


def gold_events(sentence: dict[str, Any]) -> list[Coded]:
    return [
        Coded(
            e["type"],
            e["source"]["code"],
            e["target"]["code"] if e.get("target") else None,
            bool(e.get("directed", True)),
            e.get("domain"),
        )
        for e in sentence.get("events", [])
        if e.get("modality", "asserted") == "asserted"
    ]


def _matches(gold: Coded, event: Coded) -> bool:
    if gold.type != event.type:
        return False
    if (gold.source, gold.target) == (event.source, event.target):
        return True
    return not gold.directed and (gold.source, gold.target) == (event.target, event.source)


def score_sentence(golds: list[Coded], predicted: list[Coded], prf: PRF) -> list[tuple[Coded, Coded]]:
    """Add one sentence's counts to ``prf``; returns the matched (gold, predicted) pairs."""
    used: set[int] = set()
    pairs: list[tuple[Coded, Coded]] = []
    for gold in golds:
        hit = next((i for i, p in enumerate(predicted) if i not in used and _matches(gold, p)), None)
        if hit is None:
            prf.fn += 1
            continue
        used.add(hit)
        pairs.append((gold, predicted[hit]))
        prf.tp += 1
        if not gold.directed:  # the other direction of the same undirected event is not a second event
            twin = next((i for i, p in enumerate(predicted) if i not in used and _matches(gold, p)), None)
            if twin is not None:
                used.add(twin)
    prf.fp += len(predicted) - len(used)
    return pairs


def _coded(event: Event) -> Coded:
    return Coded(
        event.type,
        event.source.code if event.source else None,
        event.target.code if event.target else None,
        domain=event.domain,
    )


def _sentence_of(position: int, sentences: list[dict[str, Any]]) -> int | None:
    for i, s in enumerate(sentences):
        if s["start"] <= position < max(s["end"], s["start"] + 1):
            return i
    return None


def predicted_by_sentence(analysis: Analysis, sentences: list[dict[str, Any]]) -> dict[int, list[Coded]]:
    """The asserted events of an analysis, by the gold sentence that holds their trigger."""
    out: dict[int, list[Coded]] = defaultdict(list)
    for event in analysis.events:
        if event.modality != "asserted":
            continue
        where = _sentence_of(
            event.trigger_start if event.trigger_start is not None else event.start, sentences
        )
        out[-1 if where is None else where].append(_coded(event))
    return out


def keyword_baseline(
    analysis: Analysis, sentences: list[dict[str, Any]], lexicon: Any
) -> dict[int, list[Coded]]:
    """The naive coder: in each sentence, the first two states the resolver found and the type of the first word
    that is a trigger verb or noun of the lexicon."""
    text = analysis.article.text
    out: dict[int, list[Coded]] = {}
    for i, s in enumerate(sentences):
        states = []
        for m in sorted(analysis.mentions, key=lambda m: m.start):
            if s["start"] <= m.start < s["end"] and m.kind == "state" and m.code and m.code not in states:
                states.append(m.code)
        if len(states) < 2:
            continue
        for word in text[s["start"] : s["end"]].lower().replace(",", " ").replace(".", " ").split():
            for table in (lexicon.verbs, lexicon.nouns):
                entries = table.get(word) or table.get(word.rstrip("sd")) or table.get(word[:-2])
                if entries:
                    out[i] = [Coded(entries[0].type, states[0], states[1])]
                    break
            if i in out:
                break
    return out


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> PRF:
    """Event agreement of two annotations of the same articles, scored as the coder is (first as gold)."""
    by_id = {r["id"]: r for r in first}
    prf = PRF()
    for record in second:
        gold = {s["index"]: gold_events(s) for s in by_id[record["id"]]["sentences"]}
        for s in record["sentences"]:
            score_sentence(gold.get(s["index"], []), gold_events(s), prf)
    return prf


def _score(
    gold: list[dict[str, Any]], predicted: Iterable[dict[int, list[Coded]]]
) -> tuple[PRF, dict[str, PRF], list[tuple[Coded, Coded]]]:
    total: PRF = PRF()
    per_type: dict[str, PRF] = defaultdict(PRF)
    pairs: list[tuple[Coded, Coded]] = []
    for record, by_sentence in zip(gold, predicted, strict=True):
        for i, sentence in enumerate(record["sentences"]):
            golds, preds = gold_events(sentence), by_sentence.get(i, [])
            for kind in {g.type for g in golds} | {p.type for p in preds}:
                score_sentence(
                    [g for g in golds if g.type == kind], [p for p in preds if p.type == kind], per_type[kind]
                )
            pairs += score_sentence(golds, preds, total)
        stray = by_sentence.get(-1, [])
        total.fp += len(stray)
        for p in stray:
            per_type[p.type].fp += 1
    return total, dict(per_type), pairs


def evaluate_news_events(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """Strict event P/R/F1 on our real-news gold, dev and test parts."""
    gold = read_jsonl(_gold_dir() / GOLD_NAME)
    if (_gold_dir() / TRAIN_NAME).is_file():
        gold += read_jsonl(_gold_dir() / TRAIN_NAME)
    corpus = _corpus(data_dir)
    missing = [r["id"] for r in gold if r["id"] not in corpus]
    if missing:
        raise EvalDataError(f"{len(missing)} gold articles are not in the corpus, e.g. {missing[0]}")
    engine = engine_factory()
    analyses: list[Analysis] = []
    for offset in range(0, len(gold), _BATCH):
        chunk = gold[offset : offset + _BATCH]
        analyses += engine.analyze_batch([article_of(corpus[r["id"]]) for r in chunk])
    for record, analysis in zip(gold, analyses, strict=True):
        text = analysis.article.text
        for s in record["sentences"]:
            if text[s["start"] : s["end"]] != s["text"]:
                raise EvalDataError(
                    f"{record['id']}: sentence {s['index']} no longer matches the corpus text"
                )
    metrics: dict[str, float] = {}
    per_label: dict[str, PRF] = {}
    extra: dict[str, Any] = {"guideline": "docs/annotation.md", "scoring": "strict (module docstring)"}
    lexicon = getattr(engine, "lexicon", None)
    for split in ("train", "dev", "test"):
        part = [(r, a) for r, a in zip(gold, analyses, strict=True) if r["split"] == split]
        records = [r for r, _ in part]
        predicted = [predicted_by_sentence(a, r["sentences"]) for r, a in part]
        total, per_type, pairs = _score(records, predicted)
        metrics[f"{split}_event_precision"] = total.precision
        metrics[f"{split}_event_recall"] = total.recall
        metrics[f"{split}_event_f1"] = total.f1
        if pairs:
            metrics[f"{split}_domain_agreement"] = sum(g.domain == p.domain for g, p in pairs) / len(pairs)
        if lexicon is not None:
            base, _, _ = _score(records, [keyword_baseline(a, r["sentences"], lexicon) for r, a in part])
            metrics[f"{split}_keyword_baseline_f1"] = base.f1
        per_label.update({f"{split}:{k}": v for k, v in per_type.items()})
        extra[f"{split}_counts"] = {
            "articles": len(records),
            "sentences": sum(len(r["sentences"]) for r in records),
            **total.to_json(),
        }
    second = _gold_dir() / SECOND_NAME
    if second.is_file():
        agreed = agreement(gold, read_jsonl(second))
        metrics["annotator_agreement_f1"] = agreed.f1
        extra["annotator_agreement"] = agreed.to_json()
    return EvalResult("news-events", len(gold), metrics, per_label, extra)


__all__ = ["Coded", "agreement", "evaluate_news_events", "gold_events", "score_sentence"]
