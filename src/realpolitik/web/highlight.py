"""Marking an article's text: every event span, statement span, source and target actor and trigger, as
escaped HTML segments.

Spans overlap freely (an event inside a quotation, an actor inside an event), so the text is cut at every span
boundary and each piece carries the set of marks covering it; the template wraps each piece in one ``<span>``
whose classes say which marks apply. Text is escaped by the template (autoescape), never here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # ids of events whose evidence covers this piece
    statements: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids of events/statements starting at this piece

    @property
    def css(self) -> str:
        return " ".join(self.classes)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # ev, st, src, tgt, trig, focus
    ref: str | None = None


def _marks(article: dict[str, Any], focus: str | None) -> list[_Mark]:
    mentions = {(m["start"], m["end"]): m for m in article.get("mentions", [])}
    marks: list[_Mark] = []
    for e in article.get("events", []):
        marks.append(_Mark(e["start"], e["end"], "ev", e["id"]))
        if focus and e["id"] == focus:
            marks.append(_Mark(e["start"], e["end"], "focus", e["id"]))
        for side, kind in (("source", "src"), ("target", "tgt")):
            span = _actor_span(e, side, e["start"], e["end"], article.get("text", ""), mentions)
            if span:
                marks.append(_Mark(span[0], span[1], kind, e["id"]))
    for s in article.get("statements", []):
        marks.append(_Mark(s["start"], s["end"], "st", s["id"]))
    return marks


def _actor_span(
    event: dict[str, Any], side: str, start: int, end: int, text: str, mentions: dict[tuple[int, int], Any]
) -> tuple[int, int] | None:
    """Where the event's source or target is written: its own offsets if the store kept them, else the first
    occurrence of its words inside the evidence span."""
    ref = event.get(side) or {}
    if isinstance(ref.get("start"), int) and isinstance(ref.get("end"), int) and ref["end"] > ref["start"]:
        return ref["start"], ref["end"]
    words = ref.get("text") or ""
    if not words:
        return None
    at = text.find(words, start, end)
    return (at, at + len(words)) if at >= 0 else None


def segments(article: dict[str, Any], focus: str | None = None) -> list[Segment]:
    """The article text cut into pieces, each with the marks covering it (see the module docstring)."""
    text: str = article.get("text") or ""
    marks = [m for m in _marks(article, focus) if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    anchored: set[tuple[str, str]] = set()
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = [m for m in marks if m.start <= left and right <= m.end]
        seg = Segment(text[left:right])
        for kind in ("ev", "st", "src", "tgt", "focus"):
            if any(m.kind == kind for m in covering):
                seg.classes.append(kind)
        seg.events = sorted({m.ref for m in covering if m.kind == "ev" and m.ref})
        seg.statements = sorted({m.ref for m in covering if m.kind == "st" and m.ref})
        for m in covering:
            if m.kind in ("ev", "st") and m.ref and m.start == left and (m.kind, m.ref) not in anchored:
                anchored.add((m.kind, m.ref))
                seg.anchors.append(("event-" if m.kind == "ev" else "statement-") + m.ref)
        out.append(seg)
    return out
