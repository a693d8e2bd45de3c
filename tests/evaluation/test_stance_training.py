"""The stance trainer on hand-made examples: it learns sparse and dense evidence, and weights classes equally."""

from __future__ import annotations

import random

import pytest

from realpolitik.evaluation.stance_training import Example, cross_validate, fit, folds
from realpolitik.statements import stance


def made_up(n: int = 90) -> list[Example]:
    rng = random.Random(3)
    words = ("bad", "table", "good")
    out: list[Example] = []
    for i in range(n):
        label = i % 3
        dense = [float(label == k) + rng.gauss(0, 0.1) for k in range(3)]
        out.append(({"bias": 1.0, "c:" + words[label]: 1.0}, dense, label))
    return out


def test_fit_learns_words_and_token_vectors() -> None:
    data = made_up()
    model = fit(data, {"bias", "c:bad", "c:table", "c:good"}, l2=1e-4, l2_dense=1e-4)
    assert model.predict(data) == [g for _, _, g in data]
    no_words = [({"bias": 1.0}, dense, label) for _, dense, label in data]
    assert model.predict(no_words) == [g for _, _, g in data]  # the dense part alone separates them too


def test_dense_weights_count_only_with_their_width(monkeypatch: pytest.MonkeyPatch) -> None:
    weights = {
        "labels": ["negative", "neutral", "positive"],
        "weights": {},
        "dense": {"mean": [0.0, 0.0], "std": [1.0, 1.0], "weights": [[-3.0, 0.0, 3.0], [0.0, 0.0, 0.0]]},
    }
    monkeypatch.setattr(stance, "_model", lambda: weights)
    probs = stance.model_probabilities({}, [1.0, 0.0])
    assert probs is not None and max(probs, key=probs.__getitem__) == "positive"
    flat = stance.model_probabilities({}, [1.0, 0.0, 5.0])  # another pipeline's vectors: ignored
    assert flat is not None and flat["positive"] == pytest.approx(1 / 3)


def test_folds_keep_a_records_targets_together() -> None:
    groups = [0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9]
    fold = folds(groups, k=5)
    assert set(fold) == set(range(5))
    for g in set(groups):
        assert len({f for f, h in zip(fold, groups, strict=True) if h == g}) == 1


def test_cross_validation_scores_held_out_folds() -> None:
    data = made_up(60)
    assert cross_validate(data, list(range(60)), l2=1e-4, l2_dense=1e-4) == pytest.approx(1.0)
    # labels that nothing predicts: held-out folds score far below a perfect fit
    rng = random.Random(5)
    noise = [({"bias": 1.0}, [rng.gauss(0, 1)], rng.randrange(3)) for _ in range(60)]
    assert cross_validate(noise, list(range(60)), l2=1e-4, l2_dense=1e-4) < 0.7
