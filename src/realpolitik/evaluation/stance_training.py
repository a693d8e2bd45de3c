"""Training the optional stance classifier: a multinomial logistic regression over the cheap features of
:func:`realpolitik.statements.stance.features` and the token-vector features of
:func:`realpolitik.statements.stance.dense_features`, fitted on the NewsMTSC **train** split only (MIT; Hamborg &
Donnay, EACL 2021) and written as a small JSON of weights beside the stance module.

It never reads ``devtest_rw`` or ``devtest_mt``: regularisation, epochs and rate are chosen on a slice of train.
Run ``python -m realpolitik.evaluation.stance_training [--data DIR] [--out PATH]``.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.evaluation.statements import STANCE_LABELS, macro_f1, read_newsmtsc

Example = tuple[dict[str, float], list[float] | None, int]
_MIN_COUNT = 3
_BATCH = 32
# (l2, epochs, learning rate) tried on the slice of train; the best is refitted on all of train
GRID = ((1e-4, 6, 0.003), (1e-4, 10, 0.001))


def examples(nlp: Any, records: Sequence[dict[str, Any]]) -> list[Example]:
    from realpolitik.statements.stance import dense_features, features

    out: list[Example] = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=128), strict=True):
        for target in record["targets"]:
            start, end = target["start"], target["end"]
            label = STANCE_LABELS.index(target["polarity"])
            out.append((features(doc, start, end), dense_features(doc, start, end), label))
    return out


@dataclass
class Model:
    """Sparse weights by feature name, dense weights over standardised token vectors, class biases."""

    vocab: dict[str, int]
    sparse: np.ndarray
    dense: np.ndarray
    bias: np.ndarray
    mean: np.ndarray
    std: np.ndarray

    def logits(self, data: Sequence[Example]) -> np.ndarray:
        out = self._dense_matrix(data) @ self.dense + self.bias
        for i, (feats, _, _) in enumerate(data):
            for name, value in feats.items():
                j = self.vocab.get(name)
                if j is not None:
                    out[i] += self.sparse[j] * value
        return np.asarray(out)

    def _dense_matrix(self, data: Sequence[Example]) -> np.ndarray:
        width = len(self.mean)
        rows = [d if d is not None and len(d) == width else self.mean for _, d, _ in data]
        return np.asarray((np.asarray(rows, dtype=float) - self.mean) / self.std)

    def predict(self, data: Sequence[Example]) -> list[int]:
        return [int(k) for k in self.logits(data).argmax(axis=1)]


def fit(
    data: Sequence[Example], vocab: set[str], *, l2: float, epochs: int, rate: float, seed: int = 7
) -> Model:
    """Softmax regression with Adam on mini-batches, classes weighted to count equally (macro-F1 is the aim)."""
    names = {n: i for i, n in enumerate(sorted(vocab))}
    width = next((len(d) for _, d, _ in data if d is not None), 0)
    dense_rows = [d for _, d, _ in data if d is not None and len(d) == width]
    mean = np.mean(dense_rows, axis=0) if dense_rows else np.zeros(width)
    std = (np.std(dense_rows, axis=0) if dense_rows else np.ones(width)) + 1e-6
    model = Model(names, np.zeros((len(names), 3)), np.zeros((width, 3)), np.zeros(3), mean, std)
    labels = np.array([g for _, _, g in data])
    counts = np.bincount(labels, minlength=3)
    weight = (len(labels) / (3 * np.maximum(counts, 1)))[labels]
    dense = model._dense_matrix(data)
    moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in (("s", model.sparse), ("d", model.dense))}
    order = np.arange(len(data))
    rng = np.random.default_rng(seed)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for lo in range(0, len(order), _BATCH):
            batch = order[lo : lo + _BATCH]
            step += 1
            rows = [[(names[n], v) for n, v in data[i][0].items() if n in names] for i in batch]
            scores = dense[batch] @ model.dense + model.bias
            for k, row in enumerate(rows):
                for j, v in row:
                    scores[k] += model.sparse[j] * v
            scores -= scores.max(axis=1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=1, keepdims=True)
            probs[np.arange(len(batch)), labels[batch]] -= 1.0
            grad = probs * (weight[batch] / len(batch))[:, None]
            grad_sparse = np.zeros_like(model.sparse)
            touched = sorted({j for row in rows for j, _ in row})
            for k, row in enumerate(rows):
                for j, v in row:
                    grad_sparse[j] += grad[k] * v
            grad_sparse[touched] += l2 * model.sparse[touched]
            _adam(model.dense, dense[batch].T @ grad + l2 * model.dense, moments["d"], step, rate, None)
            _adam(model.sparse, grad_sparse, moments["s"], step, rate, touched)
            model.bias -= rate * grad.sum(axis=0)
    return model


def _adam(
    param: np.ndarray,
    grad: np.ndarray,
    moments: tuple[np.ndarray, np.ndarray],
    step: int,
    rate: float,
    rows: list[int] | None,
) -> None:
    first, second = moments
    idx: Any = slice(None) if rows is None else rows
    first[idx] = 0.9 * first[idx] + 0.1 * grad[idx]
    second[idx] = 0.999 * second[idx] + 0.001 * grad[idx] ** 2
    corrected = first[idx] / (1 - 0.9**step)
    param[idx] -= rate * corrected / (np.sqrt(second[idx] / (1 - 0.999**step)) + 1e-8)


def train(data_dir: Path, nlp: Any) -> tuple[dict[str, Any], dict[str, float]]:
    """Weights fitted on all of train, with l2/epochs/rate chosen on a 15% slice of train; returns (model, report)."""
    data = examples(nlp, read_newsmtsc(data_dir, "train"))
    rng = random.Random(13)
    idx = list(range(len(data)))
    rng.shuffle(idx)
    cut = int(len(idx) * 0.85)
    fit_part = [data[i] for i in idx[:cut]]
    check_part = [data[i] for i in idx[cut:]]
    counts = Counter(n for feats, _, _ in fit_part for n in feats)
    vocab = {n for n, c in counts.items() if c >= _MIN_COUNT}
    best: tuple[float, tuple[float, int, float]] = (-1.0, GRID[0])
    gold = [STANCE_LABELS[g] for _, _, g in check_part]
    for l2, epochs, rate in GRID:
        model = fit(fit_part, vocab, l2=l2, epochs=epochs, rate=rate)
        score = macro_f1(gold, [STANCE_LABELS[k] for k in model.predict(check_part)])[0]
        if score > best[0]:
            best = (score, (l2, epochs, rate))
    l2, epochs, rate = best[1]
    counts = Counter(n for feats, _, _ in data for n in feats)
    vocab = {n for n, c in counts.items() if c >= _MIN_COUNT}
    model = fit(data, vocab, l2=l2, epochs=epochs, rate=rate)
    # Drop rows that carry almost nothing, to keep the shipped file small.
    kept = {
        n: [round(float(w), 4) for w in model.sparse[j]]
        for n, j in model.vocab.items()
        if float(np.abs(model.sparse[j]).max()) >= 0.01
    }
    kept["bias"] = [
        round(float(a + b), 4) for a, b in zip(kept.get("bias", [0.0] * 3), model.bias, strict=True)
    ]
    shipped = {
        "labels": list(STANCE_LABELS),
        "weights": dict(sorted(kept.items())),
        "dense": {
            "mean": [round(float(x), 5) for x in model.mean],
            "std": [round(float(x), 5) for x in model.std],
            "weights": [[round(float(w), 5) for w in row] for row in model.dense],
        },
        "trained_on": "NewsMTSC train split (MIT, Hamborg & Donnay 2021)",
        "l2": l2,
        "epochs": epochs,
        "rate": rate,
    }
    report = {
        "train_slice_macro_f1": best[0],
        "l2": l2,
        "epochs": epochs,
        "rate": rate,
        "features": len(kept),
    }
    return shipped, report


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data")
    default_out = Path(__file__).resolve().parents[1] / "statements" / "stance_weights.json"
    parser.add_argument("--out", default=str(default_out))
    args = parser.parse_args(argv)
    from realpolitik.annotate import load_model
    from realpolitik.settings import Settings

    nlp = load_model(Settings.load().spacy_model)
    model, report = train(Path(args.data), nlp)
    Path(args.out).write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
