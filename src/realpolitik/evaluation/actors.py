"""Actor-resolution accuracy on the PLOVER gold standard (``plover-gsr-cameo``): for every gold source and target
actor, resolve its sentence and check that a mention overlapping the gold ``actorText`` carries the gold
country code.

The gold codes are mostly ISO3, with a few of their own, mapped as follows (documented here because the score
depends on it):

- ``JAP`` -> ``JPN``, ``ITL`` -> ``ITA``, ``VTN`` -> ``VNM`` (CAMEO spellings of ISO codes);
- ``IGO`` (any intergovernmental organisation) -> recovered if the mention is of an actor of kind ``igo``
  (our codes are the organisations' acronyms, e.g. ``UN``, ``EU``, ``APEC``) or ``ngo`` (the gold files the
  Red Cross and Amnesty International under IGO);
- ``NGO`` -> recovered if the mention is of kind ``ngo``;
- ``IMG`` (international militant group, e.g. al-Qaeda) -> recovered if the mention is of kind ``armed_group``;
- an IGO's officer ("Kofi Annan", coded ``UN``) counts as IGO.

A mention recovers a state code through its ``code`` or its ``country``: groups keep their own codes
("Yoruba" is ``YOR``) and carry the state the sentence places them in as ``country``.
Sentences are cached by id and text (a few gold ids are reused for different sentences).

Misses are reported by the kind of gold actor (state-coded person, agent, named state, IGO, ...), with the
texts, so the knowledge base can be improved where it fails.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.actors.kb import one_edit
from realpolitik.errors import EvalDataError
from realpolitik.evaluation.results import EvalResult
from realpolitik.model import Article, Mention

GOLD_FILE = Path("plover-gsr-cameo") / "plover_gsr_cameo.jsonl"
CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
KIND_CODES = {"IGO": ("igo", "ngo"), "NGO": ("ngo",), "IMG": ("armed_group",)}
TARGET = 0.95


def gold_actors(path: Path) -> list[dict[str, Any]]:
    """Every gold actor as {text, date, actor_text, code, role} (role: source or target)."""
    if not path.is_file():
        raise EvalDataError(f"gold set not found: {path}")
    out: list[dict[str, Any]] = []
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    for row in rows:
        for event in row.get("events", []):
            for role in ("source", "target"):
                for actor in event.get(f"{role}_actors", []) or []:
                    if actor.get("actorText") and actor.get("code"):
                        out.append(
                            {
                                "id": row["id"],
                                "text": row["text"],
                                "date": row.get("date"),
                                "actor_text": actor["actorText"].strip(),
                                "code": actor["code"],
                                "role": role,
                            }
                        )
    return out


def actor_span(text: str, actor_text: str) -> tuple[int, int] | None:
    """Where the gold actor text is in the sentence ("A ... B" elisions: from A to B)."""
    parts = [p.strip(" .") for p in actor_text.replace("..", "...").split("...") if p.strip(" .")]
    if not parts:
        return None
    start = _find(text, parts[0])
    if start < 0 and " " not in parts[0]:
        start, parts = _find_misspelt(text, parts[0])
    if start < 0:
        # The gold sometimes joins words the sentence keeps apart ("French warships" in "French and
        # Egyptian warships"): span from its first word to its last.
        words = actor_text.split()
        start = _find(text, words[0])
        if start < 0:
            return None
        last = _find(text, words[-1], start)
        return (start, last + len(words[-1])) if last >= 0 else (start, start + len(words[0]))
    end = start + len(parts[0])
    last = _find(text, parts[-1], end) if len(parts) > 1 else -1
    if last >= 0:
        end = last + len(parts[-1])
    return start, end


def _find_misspelt(text: str, word: str) -> tuple[int, list[str]]:
    """A gold word the sentence spells with one letter more or less ("Ghanians" for "Ghanaians")."""
    for match in re.finditer(r"\w+", text):
        seen = match.group()
        if (
            len(word) >= 5
            and len(seen) != len(word)
            and seen[:1].lower() == word[:1].lower()
            and one_edit(seen.lower(), word.lower())
        ):
            return match.start(), [seen]
    return -1, [word]


def _find(text: str, words: str, pos: int = 0) -> int:
    """Where ``words`` occur in ``text`` as whole words (case-insensitive), or -1."""
    match = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)", re.IGNORECASE).search(text, pos)
    return match.start() if match else -1


def recovered(gold_code: str, mentions: list[Mention], igo_codes: frozenset[str] = frozenset()) -> bool:
    kinds = KIND_CODES.get(gold_code, ())
    code = CODE_MAP.get(gold_code, gold_code)
    for m in mentions:
        if m.kind in kinds or (gold_code == "IGO" and m.code in igo_codes):
            return True
        if code in (m.code, m.country):
            return True
    return False


def gold_kind(actor_text: str, code: str) -> str:
    """A rough kind of the gold actor, for the table of misses."""
    if code in KIND_CODES:
        return code.lower()
    words = actor_text.split()
    if any(w[:1].islower() for w in words[1:]) or (words and words[0][:1].islower()):
        return "agent phrase"
    if len(words) >= 2:
        return "person or organisation"
    return "name"


def evaluate_actors(data_dir: Path, engine_factory: Callable[[], Any]) -> EvalResult:
    engine = engine_factory()
    golds = gold_actors(data_dir / GOLD_FILE)
    by_sentence: dict[tuple[str, str], list[Mention]] = {}
    igo_codes = frozenset(a.code for a in engine.kb.actors.values() if a.kind == "igo" and a.code)
    hits = 0
    misses: dict[str, list[str]] = defaultdict(list)
    per_kind: Counter[str] = Counter()
    kind_hits: Counter[str] = Counter()
    for gold in golds:
        key = (gold["id"], gold["text"])
        if key not in by_sentence:
            day = date.fromisoformat(gold["date"]) if gold.get("date") else None
            article = Article.from_text(gold["text"], id=gold["id"], published=day)
            doc = engine.annotator(article.text)
            by_sentence[key] = engine.resolver.resolve(doc, article)
        mentions = by_sentence[key]
        span = actor_span(gold["text"], gold["actor_text"])
        kind = gold_kind(gold["actor_text"], gold["code"])
        per_kind[kind] += 1
        inside = [] if span is None else [m for m in mentions if m.start < span[1] and span[0] < m.end]
        if recovered(gold["code"], inside, igo_codes):
            hits += 1
            kind_hits[kind] += 1
        else:
            got = ",".join(sorted({m.country or m.code or m.kind or "?" for m in inside})) or "-"
            misses[kind].append(f"{gold['actor_text']} [{gold['code']}; got {got}]")
    total = len(golds)
    share = hits / total if total else 0.0
    return EvalResult(
        name="plover-gsr-actors",
        size=total,
        metrics={"country_code_recovered": share},
        extra={
            "target": TARGET,
            "recovered": hits,
            "by_kind": {k: {"n": n, "recovered": kind_hits[k]} for k, n in sorted(per_kind.items())},
            "misses": {k: v for k, v in sorted(misses.items())},
            "code_map": {**CODE_MAP, **{k: "kind in " + "/".join(v) for k, v in KIND_CODES.items()}},
        },
    )
