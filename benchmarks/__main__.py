"""``make bench``: run every benchmark module in one process and print their figures and ratios.

    python -m benchmarks [--data ../shared/data] [--limit N] [--only pipeline,resolve,api,bounds] [--api-events N]

Each module measures its own baseline in the same run (the pipeline against spaCy alone and Dask against the
local runner; resolution in mentions/s; API latency percentiles; the cost per token of 64k-token articles
against 1k-token ones), so the printed ratios compare like with like.
"""

from __future__ import annotations

import argparse
import importlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCHMARKS = ("pipeline", "resolve", "api", "bounds")


def _runner(name: str, args: argparse.Namespace) -> Callable[[], Any]:
    module = importlib.import_module(f"benchmarks.bench_{name}")
    data = Path(args.data)
    if name == "pipeline":
        return lambda: module.main(data, args.limit, args.workers)
    if name in ("resolve", "bounds"):
        return lambda: module.main(data)
    return lambda: module.main(n_events=args.api_events)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", default="../shared/data", help="the shared data folder (news corpus)")
    parser.add_argument("--limit", type=int, default=None, help="pipeline: only the first N articles")
    parser.add_argument("--workers", type=int, default=2, help="pipeline: Dask workers")
    parser.add_argument(
        "--api-events", type=int, default=1_000_000, help="api: events in the synthetic store"
    )
    parser.add_argument("--only", default=",".join(BENCHMARKS), help="comma-separated benchmarks to run")
    args = parser.parse_args()
    for name in [n.strip() for n in args.only.split(",") if n.strip()]:
        if name not in BENCHMARKS:
            parser.error(f"unknown benchmark {name!r}; choose from {', '.join(BENCHMARKS)}")
        run = _runner(name, args)
        started = time.perf_counter()
        run()
        print(f"benchmarks: bench_{name} took {time.perf_counter() - started:.1f} s\n")


if __name__ == "__main__":
    main()
