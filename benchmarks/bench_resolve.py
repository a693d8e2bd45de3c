"""Actor resolution: the wall time of ``realpolitik actors lookup NAME`` (the command in a fresh process, median
of 5 runs per name, with the knowledge base's cache warm and once cold; target: under 1 s, printed against a
bare interpreter's start-up in the same run), then throughput on the news corpus: annotate some articles of
``<data>/news/*.jsonl`` once (spaCy with the KB gazetteer in front of NER), then time ``Resolver.resolve`` over
those Docs, cycling through them, until 100,000 mentions are resolved; prints mentions per second on one core
(target: >= 20,000/s).

The gazetteer's own pass (part of annotation) is timed separately over the same Docs.

    python -m benchmarks.bench_resolve [--data ../shared/data] [--mentions 100000] [--articles 300]
                                       [--only lookup|resolve]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.annotate import Annotator
from realpolitik.annotate.gazetteer import COMPONENT
from realpolitik.model import Article
from realpolitik.resolve.resolver import Resolver
from realpolitik.settings import Settings

TARGET = 20_000
LOOKUP_TARGET = 1.0  # seconds, wall time of one `realpolitik actors lookup`
LOOKUPS = (
    ("President Tokayev", "2022-01-10"),
    ("President Berdimuhamedov", "2023-01-01"),
    ("Mohammed Shiaa al-Sudani", "2024-01-01"),
    ("the Russia-led security alliance", "2022-01-10"),
)


def _command() -> list[str]:
    script = Path(sys.executable).with_name("realpolitik")
    return [str(script)] if script.exists() else [sys.executable, "-m", "realpolitik.cli"]


def _wall(args: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False, env=env)
    return time.perf_counter() - start


def bench_lookup(runs: int = 5) -> dict[str, Any]:
    """Median wall time of ``realpolitik actors lookup`` per name (cache warm), one cold run (no cache), and a
    bare interpreter's start-up as the baseline of the same run."""
    command = _command()
    _wall([*command, "actors", "lookup", "Tokayev"])  # fills the knowledge base's cache
    baseline = statistics.median(_wall([sys.executable, "-c", "pass"]) for _ in range(runs))
    medians = {
        text: round(
            statistics.median(
                _wall([*command, "actors", "lookup", text, "--date", day]) for _ in range(runs)
            ),
            3,
        )
        for text, day in LOOKUPS
    }
    with tempfile.TemporaryDirectory() as empty:
        cold = _wall(
            [*command, "actors", "lookup", "Tokayev"], env={**os.environ, "REALPOLITIK_CACHE_DIR": empty}
        )
    worst = max(medians.values())
    result = {
        "benchmark": "actors-lookup",
        "runs": runs,
        "median_seconds": medians,
        "worst_median_seconds": worst,
        "cold_seconds": round(cold, 3),
        "target_seconds": LOOKUP_TARGET,
        "interpreter_seconds": round(baseline, 3),
        "ratio_to_interpreter": round(worst / baseline, 1),
    }
    print(json.dumps(result))
    return result


def load_articles(data_dir: Path, limit: int) -> list[Article]:
    articles: list[Article] = []
    for path in sorted((data_dir / "news").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text") or ""
            if not text.strip():
                continue
            day = date.fromisoformat(row["date"][:10]) if row.get("date") else None
            articles.append(Article.from_text(text, id=row.get("id"), published=day))
            if len(articles) >= limit:
                return articles
    return articles


def main(
    data_dir: Path | str = "../shared/data", mentions: int = 100_000, articles: int = 300, only: str = ""
) -> dict[str, Any]:
    """Run the benchmark; returns (and prints) the look-up times and mentions/s, and what was measured."""
    lookup = bench_lookup() if only in ("", "lookup") else None
    if only == "lookup":
        return {"lookup": lookup}
    data = Path(data_dir)
    kb = KnowledgeBase.bundled()
    sample = load_articles(data, articles)
    if not sample:
        raise SystemExit(f"no news articles under {data / 'news'}")
    annotator = Annotator(Settings.load(), kb)
    docs = [doc for _article, doc in annotator.pipe(sample)]
    resolver = Resolver(kb)
    for article, doc in zip(sample, docs, strict=True):  # warm-up, and the per-pass mention count
        resolver.resolve(doc, article)
    resolved = 0
    passes = 0
    start = time.perf_counter()
    while resolved < mentions:
        for article, doc in zip(sample, docs, strict=True):
            resolved += len(resolver.resolve(doc, article))
            if resolved >= mentions:
                break
        passes += 1
    elapsed = time.perf_counter() - start
    component = annotator.nlp.get_pipe(COMPONENT)
    tokens = sum(len(d) for d in docs)
    g_start = time.perf_counter()
    for doc in docs:
        component(doc)
    g_elapsed = time.perf_counter() - g_start
    result = {
        "benchmark": "resolve",
        "articles": len(sample),
        "mentions": resolved,
        "seconds": round(elapsed, 3),
        "mentions_per_second": round(resolved / elapsed),
        "target": TARGET,
        "passes": passes,
        "gazetteer_tokens_per_second": round(tokens / g_elapsed),
    }
    print(json.dumps(result))
    return {**result, "lookup": lookup}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--only", choices=("lookup", "resolve"), default="")
    args = parser.parse_args()
    main(args.data, args.mentions, args.articles, args.only)
