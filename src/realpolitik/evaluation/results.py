"""What an evaluation returns: precision/recall counts and one result per gold set."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class EvalResult:
    """Headline metrics (name -> number), an optional per-label P/R/F1 table, and anything else as JSON."""

    name: str
    size: int
    metrics: dict[str, float] = field(default_factory=dict)
    per_label: dict[str, PRF] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "size": self.size,
            "metrics": {k: round(v, 4) for k, v in self.metrics.items()},
            "per_label": {k: v.to_json() for k, v in sorted(self.per_label.items())},
            **self.extra,
        }


__all__ = ["PRF", "EvalResult"]
