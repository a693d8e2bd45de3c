"""The event evaluators run end to end on the shared gold sets and report sane, comparable numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.evaluation.events import is_dev, penta_class
from realpolitik.model import PLOVER_TYPES
from realpolitik.plugins import plugin_registry

pytestmark = [pytest.mark.model, pytest.mark.slow]

EVALUATORS = {name: e.run for name, e in plugin_registry().evaluators.items()}


@pytest.mark.parametrize("name", ["plover-gsr", "petr2-gsr", "petrarch2-unittest"])
def test_evaluator_reports_bounded_metrics(name: str, data_dir: Path, nlp_engine: Any) -> None:
    result = EVALUATORS[name](data_dir, lambda: nlp_engine)
    assert result.size > 50
    assert result.metrics and all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert set(result.per_label) <= set(PLOVER_TYPES)
    # A floor well under today's numbers: falling through it means the coder broke, not that it got worse.
    assert max(result.metrics.values()) > 0.2


def test_plover_gsr_has_confusion_and_development_subset(data_dir: Path, nlp_engine: Any) -> None:
    result = EVALUATORS["plover-gsr"](data_dir, lambda: nlp_engine)
    confusion = result.extra["confusion"]
    assert sum(sum(row.values()) for row in confusion.values()) == result.size
    assert 0 < result.extra["development_size"] < result.size
    assert result.metrics["type_accuracy"] > 0.3


def test_conflibert_test_split_scores_classes_and_spans(data_dir: Path, nlp_engine: Any) -> None:
    result = EVALUATORS["conflibert"](data_dir, lambda: nlp_engine)
    assert result.size == 451 and result.extra["split"] == "test"
    assert result.metrics["accuracy_5way"] > 0.2
    assert 0.0 < result.metrics["source_span_f1"] <= 1.0


def test_development_subset_is_stable_and_about_a_fifth() -> None:
    ids = [f"record-{i}" for i in range(1000)]
    chosen = [i for i in ids if is_dev(i)]
    assert chosen == [i for i in ids if is_dev(i)]
    assert 150 < len(chosen) < 250


def test_a_sentence_without_events_is_class_zero() -> None:
    assert penta_class([]) == 0
