"""Event-coder evaluation on the gold sets of the shared data folder: ``plover-gsr`` (PLOVER 2016 gold, mapped
to PLOVER 0.8), ``petr2-gsr`` (CAMEO gold on AFP text, mapped through the ontology table), ``conflibert``
(5-way CAMEO class and source/target spans, test split; ``conflibert-train`` for development) and
``petrarch2-unittest`` (a regression report on constructed sentences with fictional actors).

Scoring conventions, the same for every set: an event is (type, source country, target country); actor codes
are compared on their country part (first three letters; ``IGO``/``NGO`` gold codes match any predicted actor
of that kind; ``---`` matches any source). Only asserted events are scored (negated and hypothetical ones say
nothing happened). The headline figures are **strict**: every asserted event the JSON contract emits counts, so
an event without a source is a false positive, and a gold event without a target matches only a prediction
without one. ``lenient_*`` figures beside them use the earlier conventions (events without a source dropped
before scoring, a gold event without a target matching any target), for comparison with earlier rounds.
plover-gsr and petr2-gsr have no train split, so records whose id hashes to 0 mod 5 form the development subset
the rules were looked at against; ``heldout_*`` metrics exclude them.

Two conventions fix how the gold's actor codes are read. Gold country codes that are not ISO 3166 (``JAP``,
``ITL``, ``VTN`` in plover-gsr) are read as the ISO code they mean. A group we code as itself (plover.md: "Ibo
elders" is IGB, not NGA) matches a gold state code when the knowledge base lists that state among the group's
homes, because both gold sets code domestic groups by their state. petrarch2-unittest counts an event of ours
only when its source is resolved or names an actor of PETRARCH's validation dictionary (PETRARCH codes events
between dictionary actors only; "crowds trashed its embassy" is no event to it).

petr2-gsr's CAMEO gold was derived from PETRARCH output, which codes "will supply arms" as the act (07x) where
PLOVER and our coder code an intention (AGREE with CAMEO 03x, "express intent to ..."). Its ``event_f1`` is strict;
``event_f1_intent_as_act`` and ``heldout_event_f1_intent_as_act`` are the same scores letting an intention
match a gold event of exactly the act intended (033x -> AID, 036 -> CONSULT, ...) between the same actors.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import EvalDataError
from realpolitik.evaluation.results import PRF, EvalResult
from realpolitik.model import ActorRef, Analysis, Article, Event, stable_id
from realpolitik.ontology import cameo_entry, cameo_to_plover, plover_type

Gold = tuple[str, str | None, str | None]  # (type, source country, target country)
Homes = dict[str, tuple[str, ...]]
_BATCH = 32
_COLLECTIVE = {"IGO": "igo", "NGO": "ngo"}
# CAMEO 03x "express intent to ..." and the act intended. PETRARCH-derived CAMEO gold codes a future act ("will
# supply arms") as the act (07x); PLOVER, and our coder, code it as an intention (AGREE, 033x).
_INTENDED: dict[str, tuple[str, ...]] = {
    "031": ("COOPERATE",),
    "032": ("SUPPORT",),
    "033": ("AID",),
    "035": ("CONCEDE", "RETREAT"),
    "036": ("CONSULT",),
}
# Country codes in the gold files that are not ISO 3166 (older CAMEO habits and typos) and the ISO code meant.
_LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise EvalDataError(f"gold file not found: {path}")
    try:
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalDataError(f"cannot read gold file: {exc}", ref=str(path)) from exc


def _analyze(engine_factory: Callable[[], Any], records: list[dict[str, Any]]) -> Iterator[Analysis]:
    """Analyses in record order, batched through the engine (one spaCy pass per batch)."""
    engine = engine_factory()
    for offset in range(0, len(records), _BATCH):
        chunk = records[offset : offset + _BATCH]
        articles = [
            Article.from_text(str(r["text"]), id=str(r["id"]), published=_date(r.get("date"))) for r in chunk
        ]
        yield from engine.analyze_batch(articles)


def _date(value: object) -> date | None:
    """Gold dates come as YYYY-MM-DD, or (PETRARCH records) as YYMMDD."""
    text = str(value or "")
    try:
        if len(text) == 6 and text.isdigit():
            year = int(text[:2])
            return date(2000 + year if year < 50 else 1900 + year, int(text[2:4]), int(text[4:6]))
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def is_dev(record_id: str) -> bool:
    """The development subset of sets without a train split (stable across runs and machines)."""
    return int(stable_id("dev", record_id), 16) % 5 == 0


def _country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("---"):
        return "---"
    return _LEGACY.get(code[:3], code[:3])


def _actor_matches(gold: str | None, ref: ActorRef | None, homes: Homes | None = None) -> bool:
    if gold == "---":
        return True
    if gold is None or ref is None:
        return gold is None and ref is None
    if gold in _COLLECTIVE:
        return ref.kind == _COLLECTIVE[gold] or (ref.code or "")[:3] == gold
    if _country(ref.code) == gold:
        return True
    # A group we code as itself ("Ibo elders" -> IGB, plover.md) is what the gold codes by its state (NGA).
    return ref.kind == "group" and gold in (homes or {}).get(ref.actor_id or ref.code or "", ())


def _event_matches(
    gold: Gold, event: Event, homes: Homes | None = None, tense_blind: bool = False, strict: bool = True
) -> bool:
    kind, source, target = gold
    same = event.type == kind or (tense_blind and kind in _INTENDED.get((event.cameo or "")[:3], ()))
    if not same or not _actor_matches(source, event.source, homes):
        return False
    if target is None and not strict:
        return True  # earlier rounds: a gold event without a target matched any target
    return _actor_matches(target, event.target if event.target and event.target.code else None, homes)


def _homes(engine_factory: Callable[[], Any]) -> Homes:
    """Group or region id -> the states it lives in, from the engine's knowledge base (empty without one)."""
    kb = getattr(engine_factory(), "kb", None)
    homes = getattr(kb, "homes", None)
    return homes if isinstance(homes, dict) else {}


def _coded(events: Iterable[Event], strict: bool = True) -> list[Event]:
    """The asserted events: strict, every one the JSON contract emits; lenient (earlier rounds), only those
    with a known source. Negated and hypothetical events are kept in the record but are not claims that
    something happened, so they are not scored against gold events."""
    asserted = [e for e in events if e.modality == "asserted"]
    return asserted if strict else [e for e in asserted if e.source is not None and e.source.code]


def _top(events: list[Event]) -> Event | None:
    return max(
        events, key=lambda e: (e.modality == "asserted", e.confidence, -(e.trigger_start or 0)), default=None
    )


def _score(
    name: str,
    records: list[dict[str, Any]],
    golds: list[list[Gold]],
    analyses: list[Analysis],
    extra: dict[str, Any],
    homes: Homes | None = None,
    tense_blind: bool = False,
    strict: bool = True,
) -> EvalResult:
    overall, heldout = PRF(), PRF()
    per_type: dict[str, PRF] = defaultdict(PRF)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    type_hits = type_any = typed = heldout_typed = heldout_hits = 0
    for record, gold, analysis in zip(records, golds, analyses, strict=True):
        predicted = _coded(analysis.events, strict)
        matched_pred: set[int] = set()
        buckets = [overall] if is_dev(str(record["id"])) else [overall, heldout]
        for g in gold:
            hit = next(
                (
                    i
                    for i, e in enumerate(predicted)
                    if i not in matched_pred and _event_matches(g, e, homes, tense_blind, strict)
                ),
                None,
            )
            for prf in (*buckets, per_type[g[0]]):
                if hit is None:
                    prf.fn += 1
                else:
                    prf.tp += 1
            if hit is not None:
                matched_pred.add(hit)
        for i, event in enumerate(predicted):
            if i not in matched_pred and not any(
                _event_matches(g, event, homes, tense_blind, strict) for g in gold
            ):
                for prf in (*buckets, per_type[event.type]):
                    prf.fp += 1
        if gold:
            typed += 1
            top = _top(predicted) or _top(list(analysis.events))
            gold_type = gold[0][0]
            confusion[gold_type][top.type if top else "NONE"] += 1
            type_hits += bool(top and top.type == gold_type)
            if not is_dev(str(record["id"])):
                heldout_typed += 1
                heldout_hits += bool(top and top.type == gold_type)
            type_any += any(e.type == gold_type for e in analysis.events)
    metrics = {
        "event_precision": overall.precision,
        "event_recall": overall.recall,
        "event_f1": overall.f1,
        "heldout_event_f1": heldout.f1,
        "type_accuracy": type_hits / typed if typed else 0.0,
        "type_recall_any": type_any / typed if typed else 0.0,
        "heldout_type_accuracy": heldout_hits / heldout_typed if heldout_typed else 0.0,
    }
    extra = {
        **extra,
        "confusion": {gold: dict(row) for gold, row in sorted(confusion.items())},
        "development_subset": "records whose stable_id('dev', id) is 0 mod 5; heldout_* excludes them",
        "development_size": sum(is_dev(str(r["id"])) for r in records),
    }
    return EvalResult(name=name, size=len(records), metrics=metrics, per_label=dict(per_type), extra=extra)


def evaluate_plover_gsr(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """PLOVER gold-standard records (2016 labels mapped to PLOVER 0.8): event F1, type accuracy, confusion."""
    records = _read_jsonl(Path(data_dir) / "plover-gsr-cameo" / "plover_gsr_cameo.jsonl")
    golds: list[list[Gold]] = []
    for record in records:
        gold: list[Gold] = []
        for event in record.get("events") or []:
            kind = plover_type(str(event["code"]))
            targets = [_country(t) for t in event.get("target") or []] or [None]
            for source in event.get("source") or [None]:
                gold.extend((kind, _country(source), t) for t in targets)
        golds.append(list(dict.fromkeys(gold)))
    analyses = list(_analyze(engine_factory, records))
    extra = {"labels": "PLOVER 0.5 names mapped per plover.md"}
    homes = _homes(engine_factory)
    result = _score("plover-gsr", records, golds, analyses, extra, homes)
    _add_lenient(result, _score("plover-gsr", records, golds, analyses, extra, homes, strict=False))
    return result


def _add_lenient(result: EvalResult, lenient: EvalResult) -> None:
    for name in ("event_precision", "event_recall", "event_f1", "heldout_event_f1"):
        result.metrics[f"lenient_{name}"] = lenient.metrics[name]


def evaluate_petr2_gsr(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """PETRARCH-2 validation sentences: CAMEO gold mapped to PLOVER through the ontology table."""
    records = _read_jsonl(Path(data_dir) / "up-petr2-gsr" / "petr2_gsr.jsonl")
    golds: list[list[Gold]] = []
    dropped = 0
    for record in records:
        gold: list[Gold] = []
        for event in record.get("events") or []:
            kind = cameo_to_plover(str(event["code"]))
            if kind is None:
                dropped += 1  # CAMEO 01/02 statements and appeals: PLOVER has no such type
                continue
            gold.append((kind, _country(event.get("source")), _country(event.get("target"))))
        golds.append(gold)
    analyses = list(_analyze(engine_factory, records))
    extra = {"gold_events_dropped_cameo_01_02": dropped}
    homes = _homes(engine_factory)
    result = _score("petr2-gsr", records, golds, analyses, extra, homes)
    _add_lenient(result, _score("petr2-gsr", records, golds, analyses, extra, homes, strict=False))
    # CAMEO gold does not tell a promised act from a done one: reported beside the headline, an intention of
    # ours may match the act intended.
    lenient = _score("petr2-gsr", records, golds, analyses, extra, homes, tense_blind=True)
    result.metrics["event_f1_intent_as_act"] = lenient.metrics["event_f1"]
    result.metrics["heldout_event_f1_intent_as_act"] = lenient.metrics["heldout_event_f1"]
    quiet = [a for r, a in zip(records, analyses, strict=True) if r.get("no_events_expected")]
    result.metrics["no_event_accuracy"] = (
        sum(not _coded(a.events) for a in quiet) / len(quiet) if quiet else 0.0
    )
    return result


# ConfliBERT's 5-way classes by CAMEO root. On the train split, sentences whose CAMEO event is 16 ("reduce
# relations": suspending aid, imposing sanctions, expelling inspectors) are labelled 3 far more often than 4
# (55 of 59 with our coder), so this set's convention puts root 16 with verbal conflict.
_PENTA_BY_ROOT: dict[str, int] = {
    **{f"{r:02d}": 0 for r in (1, 2)},
    **{f"{r:02d}": 1 for r in (3, 4, 5)},
    **{f"{r:02d}": 2 for r in (6, 7, 8)},
    **{f"{r:02d}": 3 for r in (9, 10, 11, 12, 13, 16)},
    **{f"{r:02d}": 4 for r in (14, 15, 17, 18, 19, 20)},
}


def _complete(events: Iterable[Event]) -> list[Event]:
    """The events of the data set: asserted, with a resolved source and target."""
    return [
        e
        for e in events
        if e.modality == "asserted" and e.source and e.source.code and e.target and e.target.code
    ]


def penta_class(events: list[Event]) -> int:
    """The CAMEO 5-way class of a sentence from its coded events: 0 for no event or an appeal (CAMEO 02x, coded
    by us as REQUEST), else the class of the CAMEO root of its most confident asserted event."""
    top = _top([e for e in events if e.modality == "asserted"])
    if top is None:
        return 0  # only hypothetical or negated acts ("is considering giving money"): nothing happened
    root = (top.cameo or "")[:2]
    if root in _PENTA_BY_ROOT:
        return _PENTA_BY_ROOT[root]
    entry = cameo_entry(top.cameo)
    return top.quad_class or (entry.quad_class if entry else 0)


def _norm_tokens(text: str) -> set[str]:
    stop = {"the", "a", "an", "'s", "’s", "of", ",", "."}
    return {t for t in text.lower().replace("’s", " 's").replace("'s", " 's").split() if t not in stop}


def _span_prf(golds: list[str], predicted: list[str], prf: PRF, exact: PRF) -> None:
    gold_sets = [_norm_tokens(g) for g in golds]
    pred_sets = [_norm_tokens(p) for p in predicted if p]
    for counter, same in ((prf, lambda a, b: bool(a & b)), (exact, lambda a, b: a == b)):
        matched = {j for j, g in enumerate(gold_sets) if any(same(p, g) for p in pred_sets)}
        counter.tp += len(matched)
        counter.fn += len(gold_sets) - len(matched)
        counter.fp += sum(1 for p in pred_sets if not any(same(p, g) for g in gold_sets))


def _conflibert_scores(
    records: list[dict[str, Any]], analyses: list[Analysis], strict: bool
) -> dict[str, Any]:
    """5-way accuracy and span F1; strict: from complete events only (what the data set holds), lenient: from
    every event, as in earlier rounds."""
    per_class: dict[str, PRF] = defaultdict(PRF)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    correct = spans = 0
    src, tgt, src_exact, tgt_exact = PRF(), PRF(), PRF(), PRF()
    for record, analysis in zip(records, analyses, strict=True):
        events = _complete(analysis.events) if strict else list(analysis.events)
        guess, gold = penta_class(events), int(record["penta_class"])
        correct += guess == gold
        confusion[str(gold)][str(guess)] += 1
        per_class[str(gold)].fn += guess != gold
        per_class[str(gold)].tp += guess == gold
        if guess != gold:
            per_class[str(guess)].fp += 1
        if "source_spans" not in record:
            continue
        spans += 1
        top = _top(events)
        reciprocal = list(record.get("r_spans") or [])
        for gold_spans, side, prf, exact in (
            (record.get("source_spans"), top.source if top else None, src, src_exact),
            (record.get("target_spans"), top.target if top else None, tgt, tgt_exact),
        ):
            _span_prf(list(gold_spans or []) + reciprocal, [side.text] if side else [], prf, exact)
    return {
        "accuracy_5way": correct / len(records) if records else 0.0,
        "source_span_f1": src.f1,
        "target_span_f1": tgt.f1,
        "source_span_f1_exact": src_exact.f1,
        "target_span_f1_exact": tgt_exact.f1,
        "_per_class": per_class,
        "_confusion": confusion,
        "_spans": spans,
        "_span_scores": {"source": src.to_json(), "target": tgt.to_json()},
    }


def _conflibert(data_dir: Path, engine_factory: Callable[[], Any], split: str) -> EvalResult:
    records = [r for r in _read_jsonl(Path(data_dir) / "conflibert-cameo" / "conflibert_cameo.jsonl")]
    records = [r for r in records if r.get("split") == split]
    analyses = list(_analyze(engine_factory, records))
    strict = _conflibert_scores(records, analyses, strict=True)
    lenient = _conflibert_scores(records, analyses, strict=False)
    metrics = {k: v for k, v in strict.items() if not k.startswith("_")}
    metrics.update({f"lenient_{k}": v for k, v in lenient.items() if not k.startswith("_")})
    extra = {
        "split": split,
        "records_with_spans": strict["_spans"],
        "confusion": {g: dict(row) for g, row in sorted(strict["_confusion"].items())},
        "class_rule": "strict: from complete events (asserted, source and target resolved); lenient: from every "
        "event. No asserted event -> 0; else by the CAMEO root of the most confident asserted event: 01-02 -> 0, "
        "03-05 -> 1, 06-08 -> 2, 09-13 and 16 -> 3 (this set's convention, seen on train), 14-15 and 17-20 -> 4",
        "span_rule": "source/target of the most confident (complete, when strict) event; a span matches a gold "
        "span sharing a content word (exact: same words); reciprocal R spans count as both source and target",
        "span_scores": strict["_span_scores"],
    }
    return EvalResult(
        name=f"conflibert-{split}",
        size=len(records),
        metrics=metrics,
        per_label=dict(strict["_per_class"]),
        extra=extra,
    )


def evaluate_conflibert(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """ConfliBERT CAMEO test split: 5-way class accuracy and source/target span F1."""
    return _conflibert(data_dir, engine_factory, "test")


def evaluate_conflibert_train(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """The same measures on the train split, which is the one to develop against."""
    return _conflibert(data_dir, engine_factory, "train")


_SYNTHETIC_ROOTS = ("21", "22", "34", "80", "90", "91")


def validation_actor_names(text: str) -> frozenset[str]:
    """The actor names (and ``+`` synonyms) of a PETRARCH actor dictionary, upper case with spaces for the
    underscores; code lines, comments and date blocks are skipped."""
    names: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line[0] in " \t<#[":
            continue
        name = line.split("#", 1)[0].split("[", 1)[0].strip().lstrip("+")
        name = " ".join(name.replace("_", " ").split()).upper()
        if len(name) > 1:
            names.add(name)
    return frozenset(names)


def _names_actor(ref: ActorRef | None, names: frozenset[str]) -> bool:
    """Is ``ref`` an actor PETRARCH would code: resolved by us, or naming a validation-dictionary actor?"""
    if ref is None:
        return False
    if ref.code:
        return True
    plain = ref.text.upper().replace("’", " ").replace("'", " ")
    words = " " + " ".join(plain.split()) + " "
    return any(f" {name}" in words for name in names)  # PETRARCH's entries match word prefixes ("ARGENTIN")


def evaluate_petrarch2_unittest(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """Regression report on PETRARCH-2's constructed sentences. Their actors are fictional and coded by
    PETRARCH's validation dictionary, which PETRARCH codes events between: an event of ours counts when its
    source is resolved or names an actor of that dictionary ("crowds trashed its embassy" is nobody's event to
    PETRARCH). Only event types and 'no event' cases are compared."""
    folder = Path(data_dir) / "petrarch2-unittest"
    records = _read_jsonl(folder / "petr_unittest.jsonl")
    actors_file = folder / "PETR.Validate.actors.txt"
    try:
        names = validation_actor_names(actors_file.read_text(encoding="utf-8", errors="replace"))
    except OSError as exc:
        raise EvalDataError(f"cannot read actor dictionary: {exc}", ref=str(actors_file)) from exc
    analyses = list(_analyze(engine_factory, records))
    types, quiet = PRF(), PRF()
    per_type: dict[str, PRF] = defaultdict(PRF)
    skipped = 0
    per_category: dict[str, PRF] = defaultdict(PRF)
    for record, analysis in zip(records, analyses, strict=True):
        gold: set[str] = set()
        for event in record.get("events") or []:
            code = str(event.get("code") or "")
            kind = None if code.startswith(_SYNTHETIC_ROOTS) else cameo_to_plover(code)
            if kind is None:
                skipped += 1
                continue
            gold.add(kind)
        predicted = {
            e.type for e in analysis.events if e.modality == "asserted" and _names_actor(e.source, names)
        }
        category = str(record.get("category") or "OTHER")
        if record.get("no_events_expected"):
            quiet.tp += not predicted
            quiet.fn += bool(predicted)
        for prf in (types, per_category[category]):
            prf.tp += len(gold & predicted)
            prf.fn += len(gold - predicted)
            prf.fp += len(predicted - gold)
        for kind in gold | predicted:
            per_type[kind].tp += kind in gold and kind in predicted
            per_type[kind].fn += kind in gold and kind not in predicted
            per_type[kind].fp += kind in predicted and kind not in gold
    metrics = {
        "type_precision": types.precision,
        "type_recall": types.recall,
        "type_f1": types.f1,
        "no_event_accuracy": quiet.recall,
    }
    extra = {
        "note": "fictional actors: source/target agreement is not measured; gold events with synthetic or "
        "01/02 codes are skipped, and so are our events whose source is neither resolved nor an actor of "
        "PETR.Validate.actors.txt",
        "gold_events_skipped": skipped,
        "per_category_f1": {k: round(v.f1, 4) for k, v in sorted(per_category.items())},
    }
    return EvalResult("petrarch2-unittest", len(records), metrics, dict(per_type), extra)


__all__ = ["is_dev", "penta_class", "validation_actor_names"]
