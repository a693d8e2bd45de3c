"""Evaluation against the gold sets in the shared data folder: one module per set, one registry.

Each module registers a function ``(data_dir: Path, engine_factory) -> EvalResult`` under the gold set's name
with :func:`evaluator`. ``realpolitik eval`` runs the requested (or all) sets and prints one table.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Modules that register evaluators; importing them fills EVALUATORS.
EVALUATION_MODULES: tuple[str, ...] = (
    "realpolitik.evaluation.events",
    "realpolitik.evaluation.actors",
    "realpolitik.evaluation.statements",
)


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


Evaluator = Callable[[Path, Callable[[], Any]], EvalResult]
EVALUATORS: dict[str, Evaluator] = {}


def evaluator(name: str) -> Callable[[Evaluator], Evaluator]:
    def register(fn: Evaluator) -> Evaluator:
        EVALUATORS[name] = fn
        return fn

    return register


def load_evaluators() -> dict[str, Evaluator]:
    for module in EVALUATION_MODULES:
        importlib.import_module(module)
    return EVALUATORS
