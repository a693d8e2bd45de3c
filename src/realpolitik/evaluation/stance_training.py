"""Training the optional stance classifier: a multinomial logistic regression over the cheap features of
:func:`realpolitik.statements.stance.features` and the token-vector features of
:func:`realpolitik.statements.stance.dense_features`, fitted on the NewsMTSC **train** split only (MIT; Hamborg &
Donnay, EACL 2021) and written as a small JSON of weights beside the stance module.

It never reads ``devtest_rw`` or ``devtest_mt``: the penalties are chosen by 5-fold cross-validation on train.
Training needs scipy (there through datasketch); the shipped weights are read without it. Set
``OMP_NUM_THREADS=1`` on a shared machine: BLAS threads fighting over two cores make the fits several times
slower.
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
_FOLDS = 5
# (l2 on the sparse weights, l2 on the token-vector weights) tried by cross-validation on train; the best is
# refitted on all of train. The loss is a weighted mean, so these are per-example penalties.
GRID = ((2e-3, 0.1), (3e-3, 0.1), (3e-3, 0.3))


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


def fit(data: Sequence[Example], vocab: set[str], *, l2: float, l2_dense: float, maxiter: int = 300) -> Model:
    """Softmax regression by L-BFGS on the whole set (convex, so no epochs, rate or seed to choose), classes
    weighted to count equally (macro-F1 is the aim); ``l2`` on the sparse weights, ``l2_dense`` on the token
    vectors' (they want much more: 96 correlated numbers per block overfit a small training set)."""
    from scipy.optimize import minimize  # training only: the shipped classifier needs neither scipy nor numpy
    from scipy.sparse import csr_matrix

    names = {n: i for i, n in enumerate(sorted(vocab))}
    width = next((len(d) for _, d, _ in data if d is not None), 0)
    dense_rows = [d for _, d, _ in data if d is not None and len(d) == width]
    mean = np.mean(dense_rows, axis=0) if dense_rows else np.zeros(width)
    std = (np.std(dense_rows, axis=0) if dense_rows else np.ones(width)) + 1e-6
    model = Model(names, np.zeros((len(names), 3)), np.zeros((width, 3)), np.zeros(3), mean, std)
    n, p = len(data), len(names)
    cells = [(i, names[f], v) for i, (feats, _, _) in enumerate(data) for f, v in feats.items() if f in names]
    rows, cols, vals = zip(*cells, strict=True) if cells else ((), (), ())
    sparse = csr_matrix((vals, (rows, cols)), shape=(n, p))
    dense = model._dense_matrix(data)
    labels = np.array([g for _, _, g in data])
    counts = np.bincount(labels, minlength=3)
    weight = (n / (3 * np.maximum(counts, 1)))[labels]
    weight = weight / weight.sum()
    onehot = np.eye(3)[labels]
    penalty = np.concatenate([np.full(p, l2), np.full(width, l2_dense)])[:, None]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-3].reshape(p + width, 3), theta[-3:]
        z = sparse @ w[:p] + dense @ w[p:] + b
        z = z - z.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -float((weight * (log_probs * onehot).sum(axis=1)).sum()) + 0.5 * float(
            (penalty * w * w).sum()
        )
        grad = (np.exp(log_probs) - onehot) * weight[:, None]
        grad_w = np.vstack([sparse.T @ grad, dense.T @ grad]) + penalty * w
        return value, np.concatenate([grad_w.ravel(), grad.sum(axis=0)])

    theta = np.zeros((p + width) * 3 + 3)
    found = minimize(loss, theta, jac=True, method="L-BFGS-B", options={"maxiter": maxiter}).x
    w = found[:-3].reshape(p + width, 3)
    model.sparse, model.dense, model.bias = w[:p], w[p:], found[-3:]
    return model


def folds(groups: Sequence[int], k: int = _FOLDS, seed: int = 13) -> list[int]:
    """The fold of each example, whole records kept together (the targets of one sentence share its words)."""
    order = sorted(set(groups))
    random.Random(seed).shuffle(order)
    fold_of = {g: i % k for i, g in enumerate(order)}
    return [fold_of[g] for g in groups]


def cross_validate(
    data: Sequence[Example], groups: Sequence[int], l2: float, l2_dense: float, k: int = _FOLDS
) -> float:
    """Macro-F1 over k folds of train, each predicted by a model fitted on the other folds."""
    fold = folds(groups, k)
    predicted = [0] * len(data)
    for f in range(k):
        inside = [d for d, g in zip(data, fold, strict=True) if g != f]
        held = [i for i, g in enumerate(fold) if g == f]
        model = fit(inside, _vocab(inside), l2=l2, l2_dense=l2_dense)
        for i, label in zip(held, model.predict([data[i] for i in held]), strict=True):
            predicted[i] = label
    gold = [STANCE_LABELS[g] for _, _, g in data]
    return macro_f1(gold, [STANCE_LABELS[k] for k in predicted])[0]


def _vocab(data: Sequence[Example]) -> set[str]:
    counts = Counter(n for feats, _, _ in data for n in feats)
    return {n for n, c in counts.items() if c >= _MIN_COUNT}


def train(data_dir: Path, nlp: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """Weights fitted on all of train, with the two penalties chosen by 5-fold cross-validation on train (records
    kept whole); returns (model, report)."""
    records = read_newsmtsc(data_dir, "train")
    data = examples(nlp, records)
    groups = [i for i, r in enumerate(records) for _ in r["targets"]]
    scores = {(l2, l2_dense): cross_validate(data, groups, l2, l2_dense) for l2, l2_dense in GRID}
    l2, l2_dense = max(scores, key=scores.__getitem__)
    model = fit(data, _vocab(data), l2=l2, l2_dense=l2_dense)
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
        "l2_dense": l2_dense,
    }
    report = {
        "train_cv_macro_f1": {f"l2={a:g} l2_dense={b:g}": round(v, 4) for (a, b), v in scores.items()},
        "l2": l2,
        "l2_dense": l2_dense,
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
