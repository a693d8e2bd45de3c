"""Scoring transcript turns: ``transcript-turns`` (our kremlin.ru gold, ``tests/data/transcript_turns_gold.jsonl``).

Each gold line names a kremlin.ru item of ``<data>/news`` and lists its speaker turns (label start, content
start, end, speaker name, state code, sector; ``docs/annotation.md`` section 8). The pipeline's statements are
read back into turns: a statement whose cue is a paragraph-opening label followed by a colon is a turn's first
paragraph, and the turn's predicted start is that label's first character.

*Turn boundaries*: a predicted turn start within 2 characters of a gold turn start is a match (one to one);
precision, recall and F1 over turns. *Turn speaker accuracy*: over all gold turns, the matched predicted turn's
speaker is right: the same person (every word of the gold name among the predicted name's words, or the same
surname with a first name sharing its first three letters, for transliterations such as Dmitry/Dmitri), or,
when the gold name is null ("Question:"), the same code and sector. A gold turn with no predicted turn counts
as wrong. *Code/sector accuracy* is reported beside it: the same state code and sector, whoever the person.
Scores are given per split (``dev``, ``test``); only ``dev`` errors are listed, so nobody reads the test part.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import EvalDataError
from realpolitik.evaluation.gold import find_gold, read_gold
from realpolitik.evaluation.results import PRF, EvalResult
from realpolitik.model import Speaker, Statement

GOLD_NAME = "transcript_turns_gold.jsonl"
TOLERANCE = 2
_LABEL_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?:")  # "Recep Tayyip Erdogan (retranslated):"
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def gold_path(data_dir: Path | None = None) -> Path:
    """The turns gold: $REALPOLITIK_TURNS_GOLD, <data_dir>/transcript_turns_gold.jsonl, or the checkout's
    tests/data/transcript_turns_gold.jsonl."""
    return find_gold(GOLD_NAME, "REALPOLITIK_TURNS_GOLD", "transcript turns gold", data_dir)


def load_gold(path: Path) -> list[dict[str, Any]]:
    return read_gold(path, "transcript turns gold")


def corpus_articles(data_dir: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The corpus items (id, title, text, date) the gold names, from ``<data_dir>/news/*.jsonl``."""
    wanted = set(ids)
    found: dict[str, dict[str, Any]] = {}
    folder = Path(data_dir) / "news"
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                item = json.loads(line)
                if item.get("id") in wanted:
                    found[item["id"]] = item
    missing = wanted - set(found)
    if missing:
        raise EvalDataError(
            f"{len(missing)} transcripts of the gold are not in {folder}: {sorted(missing)[:3]}"
        )
    return found


@dataclass(frozen=True, slots=True)
class PredictedTurn:
    start: int  # the label's first character
    speaker: Speaker


def predicted_turns(text: str, statements: Sequence[Statement]) -> list[PredictedTurn]:
    """Turns read back from statements: a cue that opens its line and is followed by a colon, or straight by
    the statement (a label the site left without its colon: "Megyn Kelly I do."), is a label."""
    turns: dict[int, PredictedTurn] = {}
    for s in statements:
        if s.cue_start is None or s.cue_end is None or s.cue_start in turns:
            continue
        line_start = text.rfind("\n", 0, s.cue_start) + 1
        colonless = s.cue_end < s.start and not text[s.cue_end : s.start].strip()
        if text[line_start : s.cue_start].strip() or not (colonless or _LABEL_END.match(text, s.cue_end)):
            continue
        turns[s.cue_start] = PredictedTurn(s.cue_start, s.speaker)
    return sorted(turns.values(), key=lambda t: t.start)


def _words(name: str | None) -> list[str]:
    """Name words without case or accents ("Nikolić" is "Nikolic")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name or "") if not unicodedata.combining(c))
    return [w.casefold() for w in _NAME_WORD.findall(plain)]


def same_person(gold_name: str, predicted: str | None) -> bool:
    gold, pred = _words(gold_name), _words(predicted)
    if not gold or not pred:
        return False
    if set(gold) <= set(pred):
        return True
    return gold[-1] == pred[-1] and (len(pred) == 1 or gold[0][:3] == pred[0][:3])


def speaker_right(gold: dict[str, Any], predicted: Speaker) -> bool:
    if gold.get("name"):
        return same_person(gold["name"], predicted.name)
    return gold.get("code") == predicted.code and gold.get("sector") == predicted.sector


@dataclass
class TurnScore:
    """Running turn-boundary P/R/F1, speaker and code/sector accuracy over transcripts."""

    boundaries: PRF = field(default_factory=PRF)
    turns: int = 0
    speaker_ok: int = 0
    code_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self, item_id: str, text: str, gold: Sequence[dict[str, Any]], predicted: Sequence[PredictedTurn]
    ) -> None:
        pairs = sorted(
            (abs(g["start"] - p.start), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if abs(g["start"] - p.start) <= TOLERANCE
        )
        match: dict[int, int] = {}
        used: set[int] = set()
        for _, gi, pi in pairs:
            if gi not in match and pi not in used:
                match[gi] = pi
                used.add(pi)
        self.boundaries.tp += len(match)
        self.boundaries.fn += len(gold) - len(match)
        self.boundaries.fp += len(predicted) - len(used)
        for gi, g in enumerate(gold):
            self.turns += 1
            label = text[g["start"] : g["content_start"]].strip().rstrip(":")
            if gi not in match:
                self.errors.append({"item": item_id, "kind": "missed", "label": label[:80]})
                continue
            speaker = predicted[match[gi]].speaker
            ok = speaker_right(g["speaker"], speaker)
            self.speaker_ok += ok
            gs = g["speaker"]
            self.code_ok += gs.get("code") == speaker.code and gs.get("sector") == speaker.sector
            if not ok or gs.get("code") != speaker.code or gs.get("sector") != speaker.sector:
                self.errors.append(
                    {
                        "item": item_id,
                        "kind": "speaker",
                        "label": label[:80],
                        "gold": [gs.get("name"), gs.get("code"), gs.get("sector")],
                        "predicted": [speaker.name, speaker.code, speaker.sector],
                    }
                )
        for pi, p in enumerate(predicted):
            if pi not in used:
                line_end = text.find("\n", p.start)
                label = text[p.start : line_end if line_end > 0 else p.start + 60]
                self.errors.append({"item": item_id, "kind": "spurious", "label": label[:80]})

    def metrics(self, prefix: str = "") -> dict[str, float]:
        return {
            f"{prefix}boundary_p": self.boundaries.precision,
            f"{prefix}boundary_r": self.boundaries.recall,
            f"{prefix}boundary_f1": self.boundaries.f1,
            f"{prefix}speaker_accuracy": self.speaker_ok / self.turns if self.turns else 0.0,
            f"{prefix}code_sector_accuracy": self.code_ok / self.turns if self.turns else 0.0,
        }


def score_turns(
    gold: Iterable[dict[str, Any]],
    texts: dict[str, str],
    analyze: Callable[[dict[str, Any]], Sequence[Statement]],
) -> dict[str, TurnScore]:
    """Scores per split ("dev", "test") and "all"; ``analyze`` maps a gold record to the article's statements."""
    scores: dict[str, TurnScore] = {"all": TurnScore()}
    for record in gold:
        text = texts[record["id"]]
        predicted = predicted_turns(text, analyze(record))
        for key in ("all", record.get("split", "dev")):
            scores.setdefault(key, TurnScore()).add(record["id"], text, record["turns"], predicted)
    return scores


def evaluate_transcript_turns(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    """Turn boundary F1, turn speaker accuracy and code/sector accuracy on the kremlin.ru turns, per split."""
    path = gold_path(data_dir)
    gold = load_gold(path)
    items = corpus_articles(data_dir, (r["id"] for r in gold))
    engine = engine_factory()

    def analyze(record: dict[str, Any]) -> Sequence[Statement]:
        item = items[record["id"]]
        published = date.fromisoformat(item["date"][:10]) if item.get("date") else None
        analysis = engine.analyze_text(
            item["text"], published=published, id=item["id"], title=item.get("title")
        )
        statements: Sequence[Statement] = analysis.statements
        return statements

    scores = score_turns(gold, {k: v["text"] for k, v in items.items()}, analyze)
    metrics: dict[str, float] = {}
    for split in ("test", "dev"):
        if split in scores:
            metrics.update(scores[split].metrics(f"{split}."))
    dev_errors = scores["dev"].errors if "dev" in scores else []
    return EvalResult(
        name="transcript-turns",
        size=scores["all"].turns,
        metrics=metrics,
        per_label={split: s.boundaries for split, s in scores.items() if split != "all"},
        extra={"gold": str(path), "transcripts": len(gold), "dev_errors": dev_errors[:300]},
    )
