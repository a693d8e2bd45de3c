"""Scoring statements and stance: ``statements`` (our Wikinews gold) and ``newsmtsc`` (stance toward actors).

``statements`` reads ``tests/data/statements_gold.jsonl`` (42 Wikinews articles, CC BY 2.5, annotated by hand:
content span, speaker name and type; split into ``dev``, which rules were developed on, and ``heldout``).
Spans are compared after trimming spaces, quotation marks and edge punctuation. *Exact*: same trimmed span.
*Overlap*: one-to-one pairs, greedily by shared characters, sharing at least half of the shorter span.
*Speaker accuracy*: over overlap pairs, the speaker type is the same and, for a named ``actor``, a word of
the gold name (3+ letters) occurs in the predicted name or speaker span.

Annotation conventions: a statement is a proposition attributed to a person, group, organisation or the media
(a direct quote, a reported clause after a cue verb, "according to X", a colon or dash introduction); the
content is what is attributed (inside the quotation marks; the complement clause without "that"). Scare
quotes, titles and sources that are documents or findings with no actor ("the autopsy determined") are not
statements. Unnamed officials, police, authorities -> ``anonymous_official``; unnamed experts ->
``anonymous_expert``; residents, witnesses, activists -> ``group``; unnamed media and "reports" -> ``unknown``.

``newsmtsc`` scores :func:`realpolitik.statements.stance.target_stance` on NewsMTSC ``devtest_rw`` (3-class
macro-F1), both the default method and the model-free rules.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import EvalDataError
from realpolitik.evaluation.gold import find_gold, read_gold
from realpolitik.evaluation.results import PRF, EvalResult

GOLD_NAME = "statements_gold.jsonl"
_EDGE = " \t\n\r\"'“”‘’„«»‹›,.;:!?—–-"
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
STANCE_LABELS = ("negative", "neutral", "positive")


def gold_path(data_dir: Path | None = None) -> Path:
    """The statements gold: $REALPOLITIK_STATEMENTS_GOLD, <data_dir>/statements_gold.jsonl, or the checkout's
    tests/data/statements_gold.jsonl (found relative to this package)."""
    return find_gold(GOLD_NAME, "REALPOLITIK_STATEMENTS_GOLD", "statements gold", data_dir)


def load_gold(path: Path) -> list[dict[str, Any]]:
    return read_gold(path, "statements gold")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _name_words(name: str | None) -> set[str]:
    return {w.casefold() for w in _NAME_WORD.findall(name or "")}


def speaker_matches(gold: dict[str, Any], pred_type: str, pred_name: str | None, pred_text: str) -> bool:
    if gold["type"] != pred_type:
        return False
    if gold["type"] != "actor":
        return True
    wanted = _name_words(gold.get("name") or gold.get("text"))
    return bool(wanted & (_name_words(pred_name) | _name_words(pred_text)))


class StatementScore:
    """Running exact/overlap P/R/F1 and speaker accuracy over articles."""

    def __init__(self) -> None:
        self.exact = PRF()
        self.overlap = PRF()
        self.speaker_ok = 0
        self.per_type: dict[str, PRF] = {}
        self.errors: list[dict[str, Any]] = []

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.overlap.tp if self.overlap.tp else 0.0

    def add(
        self, text: str, gold: Sequence[dict[str, Any]], predicted: Sequence[Any], article_id: str
    ) -> None:
        g_spans = [trim(text, g["start"], g["end"]) for g in gold]
        p_spans = [trim(text, p.start, p.end) for p in predicted]
        exact = set(g_spans) & set(p_spans)
        self.exact.tp += len(exact)
        self.exact.fp += len(p_spans) - len(exact)
        self.exact.fn += len(g_spans) - len(exact)
        pairs = []
        for gi, (gs, ge) in enumerate(g_spans):
            for pi, (ps, pe) in enumerate(p_spans):
                shared = min(ge, pe) - max(gs, ps)
                if shared > 0 and shared * 2 >= min(ge - gs, pe - ps):
                    pairs.append((shared, gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, gi, pi in sorted(pairs, reverse=True):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            g, p = gold[gi]["speaker"], predicted[pi].speaker
            p_text = text[p.start : p.end] if p.start is not None and p.end is not None else ""
            ok = speaker_matches(g, p.type, p.name, p_text)
            self.speaker_ok += ok
            self.per_type.setdefault(g["type"], PRF()).tp += ok
            if not ok:
                self.per_type.setdefault(g["type"], PRF()).fn += 1
                self.per_type.setdefault(p.type, PRF()).fp += 1
                self.errors.append(
                    {
                        "article": article_id,
                        "kind": "speaker",
                        "text": text[gold[gi]["start"] : gold[gi]["end"]][:80],
                        "gold": [g["type"], g.get("name")],
                        "predicted": [p.type, p.name],
                    }
                )
        self.overlap.tp += len(used_g)
        self.overlap.fp += len(p_spans) - len(used_p)
        self.overlap.fn += len(g_spans) - len(used_g)
        for gi, g in enumerate(gold):
            if gi not in used_g:
                self.per_type.setdefault(g["speaker"]["type"], PRF()).fn += 1
                self.errors.append(
                    {"article": article_id, "kind": "missed", "text": text[g["start"] : g["end"]][:80]}
                )
        for pi, p in enumerate(predicted):
            if pi not in used_p:
                self.per_type.setdefault(p.speaker.type, PRF()).fp += 1
                self.errors.append(
                    {"article": article_id, "kind": "spurious", "text": text[p.start : p.end][:80]}
                )

    def metrics(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}content_exact_f1": self.exact.f1,
            f"{prefix}content_overlap_p": self.overlap.precision,
            f"{prefix}content_overlap_r": self.overlap.recall,
            f"{prefix}content_overlap_f1": self.overlap.f1,
            f"{prefix}speaker_accuracy": self.speaker_accuracy,
        }


def score_statements(
    gold: Iterable[dict[str, Any]], analyze: Callable[[dict[str, Any]], Sequence[Any]]
) -> dict[str, StatementScore]:
    """Scores per split ("dev", "heldout") and "all"; ``analyze`` maps a gold record to predicted statements."""
    scores: dict[str, StatementScore] = {"all": StatementScore()}
    for record in gold:
        predicted = analyze(record)
        for key in ("all", record.get("split", "dev")):
            scores.setdefault(key, StatementScore()).add(
                record["text"], record["statements"], predicted, record["id"]
            )
    return scores


def evaluate_statements(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """Statement content (exact and overlap P/R/F1) and speaker accuracy on the Wikinews gold, per split."""
    path = gold_path(data_dir)
    gold = load_gold(path)
    engine = engine_factory()

    def analyze(record: dict[str, Any]) -> Sequence[Any]:
        published = date.fromisoformat(record["date"][:10]) if record.get("date") else None
        return engine.analyze_text(record["text"], published=published, id=record["id"]).statements

    scores = score_statements(gold, analyze)
    metrics: dict[str, float] = {}
    for split in ("heldout", "dev"):
        if split in scores:
            metrics.update(scores[split].metrics(f"{split}."))
    metrics.update(scores["all"].metrics())
    n_statements = sum(len(r["statements"]) for r in gold)
    return EvalResult(
        name="statements",
        size=n_statements,
        metrics=metrics,
        per_label=scores["all"].per_type,
        # only dev errors are listed: nobody reads the held-out half while changing rules
        extra={
            "gold": str(path),
            "articles": len(gold),
            "dev_errors": scores.get("dev", StatementScore()).errors[:200],
        },
    )


# --------------------------------------------------------------------------- NewsMTSC stance


def read_newsmtsc(data_dir: Path, split: str) -> list[dict[str, Any]]:
    path = Path(data_dir) / "newsmtsc" / f"{split}.jsonl"
    if not path.is_file():
        raise EvalDataError(f"NewsMTSC split not found: {path}")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, dict[str, PRF]]:
    per = {label: PRF() for label in STANCE_LABELS}
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            per[g].tp += 1
        else:
            per[g].fn += 1
            per[p].fp += 1
    return sum(prf.f1 for prf in per.values()) / len(per), per


def nlp_of(engine: Any) -> Any:
    """The spaCy pipeline inside an Engine (stance only needs tokens and the parse)."""
    annotator = getattr(engine, "annotator", None)
    nlp = getattr(annotator, "nlp", None)
    if nlp is None:
        raise EvalDataError("the engine exposes no spaCy pipeline (engine.annotator.nlp)")
    return nlp


def stance_predictions(
    nlp: Any, records: Sequence[dict[str, Any]], methods: Sequence[str]
) -> dict[str, list[str]]:
    """Predicted labels for every target of every record, per method."""
    from realpolitik.statements.stance import classify

    out: dict[str, list[str]] = {m: [] for m in methods}
    docs = nlp.pipe((r["text"] for r in records), batch_size=64)
    for record, doc in zip(records, docs, strict=True):
        for target in record["targets"]:
            for method in methods:
                label, _, _, _ = classify(doc, target["start"], target["end"], method=method)  # type: ignore[arg-type]
                out[method].append(label)
    return out


def evaluate_newsmtsc(
    data_dir: Path, engine_factory: Callable[[], Any], split: str = "devtest_rw"
) -> EvalResult:
    """3-class macro-F1 of stance toward each target of NewsMTSC ``devtest_rw`` (default and rules-only)."""
    records = read_newsmtsc(data_dir, split)
    gold = [t["polarity"] for r in records for t in r["targets"]]
    preds = stance_predictions(nlp_of(engine_factory()), records, ("auto", "rules"))
    f1, per = macro_f1(gold, preds["auto"])
    f1_rules, _ = macro_f1(gold, preds["rules"])
    accuracy = sum(g == p for g, p in zip(gold, preds["auto"], strict=True)) / len(gold)
    confusion: dict[str, dict[str, int]] = {}
    for (g, p), n in Counter(zip(gold, preds["auto"], strict=True)).items():
        confusion.setdefault(g, {})[p] = n
    return EvalResult(
        name="newsmtsc",
        size=len(gold),
        metrics={"macro_f1": f1, "macro_f1_rules": f1_rules, "accuracy": accuracy},
        per_label=per,
        extra={"split": split, "confusion": confusion},
    )
