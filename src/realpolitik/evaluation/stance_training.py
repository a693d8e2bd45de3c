"""Training the optional stance classifier: a multinomial logistic regression over the cheap features of
:func:`realpolitik.statements.stance.features`, fitted on the NewsMTSC **train** split only (MIT; Hamborg &
Donnay, EACL 2021) and written as a small JSON of weights beside the stance module.

It never reads ``devtest_rw`` or ``devtest_mt``: regularisation and epochs are chosen on a slice of train.
Run ``python -m realpolitik.evaluation.stance_training [--data DIR] [--out PATH]``.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from realpolitik.evaluation.statements import STANCE_LABELS, macro_f1, read_newsmtsc

Example = tuple[dict[str, float], int]
_MIN_COUNT = 3


def examples(nlp: Any, records: Sequence[dict[str, Any]]) -> list[Example]:
    from realpolitik.statements.stance import features

    out: list[Example] = []
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=128), strict=True):
        for target in record["targets"]:
            out.append(
                (features(doc, target["start"], target["end"]), STANCE_LABELS.index(target["polarity"]))
            )
    return out


def fit(
    data: Sequence[Example], vocab: set[str], *, l2: float, epochs: int, rate: float = 0.1, seed: int = 7
) -> dict[str, list[float]]:
    """Plain SGD on the softmax loss with L2 (lazy decay is skipped: a small data set, a few epochs)."""
    k = len(STANCE_LABELS)
    weights: dict[str, list[float]] = {name: [0.0] * k for name in vocab}
    order = list(range(len(data)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1 + epoch)
        for i in order:
            feats, gold = data[i]
            active = [(weights[n], v) for n, v in feats.items() if n in weights]
            logits = [sum(w[c] * v for w, v in active) for c in range(k)]
            top = max(logits)
            exps = [math.exp(x - top) for x in logits]
            total = sum(exps)
            for c in range(k):
                grad = exps[c] / total - (1.0 if c == gold else 0.0)
                for w, v in active:
                    w[c] -= step * (grad * v + l2 * w[c])
    return weights


def predict(weights: dict[str, list[float]], feats: dict[str, float]) -> int:
    logits = [0.0] * len(STANCE_LABELS)
    for name, value in feats.items():
        row = weights.get(name)
        if row:
            for c, w in enumerate(row):
                logits[c] += w * value
    return max(range(len(logits)), key=logits.__getitem__)


def train(data_dir: Path, nlp: Any) -> tuple[dict[str, Any], dict[str, float]]:
    """Weights fitted on all of train, with l2/epochs chosen on a 15% slice of train; returns (model, report)."""
    data = examples(nlp, read_newsmtsc(data_dir, "train"))
    rng = random.Random(13)
    idx = list(range(len(data)))
    rng.shuffle(idx)
    cut = int(len(idx) * 0.85)
    fit_part = [data[i] for i in idx[:cut]]
    check_part = [data[i] for i in idx[cut:]]
    counts = Counter(n for feats, _ in fit_part for n in feats)
    vocab = {n for n, c in counts.items() if c >= _MIN_COUNT}
    best: tuple[float, float, int] = (-1.0, 0.0, 0)
    for l2 in (1e-4, 1e-3, 3e-3):
        for epochs in (3, 6):
            weights = fit(fit_part, vocab, l2=l2, epochs=epochs)
            gold = [STANCE_LABELS[g] for _, g in check_part]
            pred = [STANCE_LABELS[predict(weights, f)] for f, _ in check_part]
            score = macro_f1(gold, pred)[0]
            if score > best[0]:
                best = (score, l2, epochs)
    _, l2, epochs = best
    counts = Counter(n for feats, _ in data for n in feats)
    vocab = {n for n, c in counts.items() if c >= _MIN_COUNT}
    weights = fit(data, vocab, l2=l2, epochs=epochs)
    # Drop rows that carry almost nothing, to keep the shipped file small.
    kept = {n: [round(w, 4) for w in row] for n, row in weights.items() if max(abs(w) for w in row) >= 0.01}
    model = {
        "labels": list(STANCE_LABELS),
        "weights": dict(sorted(kept.items())),
        "trained_on": "NewsMTSC train split (MIT, Hamborg & Donnay 2021)",
        "l2": l2,
        "epochs": epochs,
    }
    return model, {"train_slice_macro_f1": best[0], "l2": l2, "epochs": epochs, "features": len(kept)}


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
