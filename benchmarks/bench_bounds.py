"""Work per article is linear in its length: the whole pipeline (``Engine.analyze_batch``: spaCy, resolve, code,
statements) on one article of 1k, 4k, 16k and 64k tokens, of three kinds, every figure measured in one run:

- ``unpunctuated``: one sentence, real news text with every punctuation mark and line break removed;
- ``prose``: real news articles one after another, as written (paragraphs, full stops, quotes);
- ``reported speech``: "X said that Y accused Z ..." without a full stop, the worst case found for the
  statement extractor before sentences were bounded.

For each size: seconds (wall clock and CPU time of this process), CPU microseconds per token, that figure over
the 1k figure of the same kind (the target: at most 2 at 64k), and the peak resident memory of the process
while it ran (VmHWM, reset before each size). The ratio is taken on CPU time because the machines it runs on
are shared: other processes stretch wall-clock time, not the CPU time the analysis itself takes.

    python -m benchmarks.bench_bounds [--data ../shared/data] [--sizes 1000,4000,16000,64000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = (1_000, 4_000, 16_000, 64_000)
TARGET = 2.0
REPORTED = "Russia said that China accused Kazakhstan of threatening the United States and "


def news_text(data_dir: Path) -> str:
    texts: list[str] = []
    for path in sorted((data_dir / "news").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    return "\n\n".join(texts)


def _words(text: str, n: int) -> list[str]:
    out: list[str] = []
    for match in re.finditer(r"\S+\s*", text):
        out.append(match.group())
        if len(out) >= n:
            break
    return out


def makers(data_dir: Path) -> dict[str, Callable[[int], str]]:
    corpus = news_text(data_dir)
    stripped = " ".join(re.sub(r"[^\w\s]", " ", corpus).split())

    def unpunctuated(n: int) -> str:
        return " ".join(stripped.split(" ", n)[:n])

    def prose(n: int) -> str:
        # whitespace tokens are about 0.87 spaCy tokens in news text
        return "".join(_words(corpus, int(n * 0.87))).strip()

    def reported(n: int) -> str:
        words = REPORTED.split()
        return " ".join((words * (n // len(words) + 1))[:n])

    return {"unpunctuated": unpunctuated, "prose": prose, "reported speech": reported}


def _reset_peak() -> None:
    # Linux resets the high-water mark of resident memory on request; elsewhere the peak only grows.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _memory_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    now = peak = 0.0
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    return now, peak


def measure(engine: Any, text: str, repeats: int) -> dict[str, float]:
    """The fastest of ``repeats`` analyses of one article, its tokens, and the peak memory while it ran."""
    import gc

    from realpolitik.model import Article

    article = Article.from_text(text)
    tokens = len(engine.annotator.nlp.tokenizer(text))
    best, best_cpu = float("inf"), float("inf")
    gc.collect()
    _reset_peak()
    before, _ = _memory_mb()
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        (analysis,) = engine.analyze_batch([article])
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
        best = min(best, time.perf_counter() - started)
    _, peak = _memory_mb()
    if analysis.failures:
        raise RuntimeError(f"the benchmark article failed: {analysis.failures[0]}")
    return {
        "tokens": tokens,
        "seconds": best,
        "cpu_seconds": best_cpu,
        "peak_mb": peak,
        "growth_mb": max(0.0, peak - before),
    }


def main(data_dir: Path | str = "../shared/data", sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    from realpolitik.engine import Engine
    from realpolitik.settings import Settings

    settings = Settings(article_time_budget=0.0)  # no budget: the point is to see the whole cost
    engine = Engine(settings)
    engine.analyze_text("Kazakhstan and Russia signed an agreement in Astana.")  # warm-up
    print(f"bench_bounds: sentences cut at {settings.max_sentence_tokens} tokens")
    results: dict[str, Any] = {}
    for kind, make in makers(Path(data_dir)).items():
        rows = []
        for n in sizes:
            row = measure(engine, make(n), repeats=max(1, 4_000 // n))
            row["us_per_token"] = 1e6 * row["cpu_seconds"] / row["tokens"]
            row["ratio"] = row["us_per_token"] / rows[0]["us_per_token"] if rows else 1.0
            rows.append(row)
            print(
                f"bench_bounds: {kind:16s} {row['tokens']:7d} tokens {row['seconds']:7.2f} s "
                f"(CPU {row['cpu_seconds']:7.2f} s) {row['us_per_token']:7.1f} CPU us/token  "
                f"x{row['ratio']:.2f} of {sizes[0]:,}  peak {row['peak_mb']:.0f} MB (+{row['growth_mb']:.0f} MB)",
                flush=True,
            )
        worst = rows[-1]["ratio"]
        verdict = "within" if worst <= TARGET else "OVER"
        print(f"bench_bounds: {kind}: time per token at {sizes[-1]:,} = {worst:.2f}x that at {sizes[0]:,} "
              f"({verdict} the {TARGET}x target)")  # fmt: skip
        results[kind] = rows
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    args = parser.parse_args()
    main(args.data, tuple(int(s) for s in args.sizes.split(",")))
