"""API latency benchmark: a synthetic store of 1,000,000 events (``bench_api_data.generate_store``) served by
``create_app`` in process (ASGI, through httpx), then a bounded number of requests to the influence and dyad
endpoints; prints median and 95th-percentile latency per endpoint against the target (p95 < 200 ms). Numbers
are printed, never asserted.

Each endpoint is measured twice over the same distinct URLs: *cold* (first request of each URL, the store
query runs) and *warm* (repeated, answered from the server's per-generation aggregate cache, as a dashboard
reloading a profile is).

    python -m benchmarks.bench_api --events 1000000 --requests 60
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from benchmarks.bench_api_data import ACTORS, generate_store

from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store

TARGET_P95_MS = 200.0


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _urls(kind: str, n: int, seed: int) -> list[str]:
    """Requests spread over actors, pairs and periods, as a dashboard would make them."""
    rng = random.Random(seed)
    top = ACTORS[:12]
    urls: list[str] = []
    i = 0
    while len(urls) < n:
        i += 1
        a = rng.choice(top)
        period = (
            ""
            if i % 3 == 0
            else f"?start={rng.randint(2000, 2015)}-01-01&end={rng.randint(2016, 2022)}-12-31"
        )
        if kind == "influence":
            url = f"/api/v1/influence/{a}{period}"
        else:
            b = rng.choice([x for x in top if x != a])
            url = f"/api/v1/dyads/{a}/{b}{period}"
        if url not in urls:  # distinct URLs, so the cold pass never hits the cache
            urls.append(url)
    return urls


def _store_call(url: str) -> Any:
    """The Store call behind an API URL, for the in-process baseline."""
    path, _, query = url.partition("?")
    params = dict(p.split("=", 1) for p in query.split("&") if p)
    start = date.fromisoformat(params["start"]) if "start" in params else None
    end = date.fromisoformat(params["end"]) if "end" in params else None
    parts = path.split("/")
    if parts[3] == "influence":
        return lambda s: s.influence(parts[4], start, end)
    return lambda s: s.dyad_series(parts[4], parts[5], start, end)


def _measure_store(path: Path, urls: list[str]) -> list[float]:
    """The bare Store calls behind ``urls`` on a Store of their own (so the API's run starts with empty caches)."""
    timings = []
    with Store(path, settings=Settings()) as store:
        for url in urls:
            call = _store_call(url)
            started = time.perf_counter()
            call(store)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


async def _measure(app: Any, urls: list[str]) -> list[float]:
    transport = httpx.ASGITransport(app=app)
    timings = []
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        for url in urls:
            started = time.perf_counter()
            response = await client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")
    return timings


def main(
    n_events: int = 1_000_000, requests: int = 60, seed: int = 0, db: str | Path | None = None
) -> dict[str, dict[str, float]]:
    """Build (or reuse) the synthetic store, time the endpoints, print and return the numbers (ms)."""
    workdir = None
    if db is None:
        workdir = tempfile.TemporaryDirectory(prefix="realpolitik-bench-api-")
        db = Path(workdir.name) / "bench.duckdb"
    path = Path(db)
    if not path.exists():
        started = time.perf_counter()
        generate_store(path, n_events, seed)
        print(f"bench_api: generated {n_events:,} events in {time.perf_counter() - started:.1f} s -> {path}")
    results: dict[str, dict[str, float]] = {}
    # "store": the bare Store calls (the baseline, in this process, first); then a fresh app: "cold" is the
    # first API request of each distinct URL, "warm" the same URLs again (answered from the caches).
    baselines = {kind: _measure_store(path, _urls(kind, requests, seed)) for kind in ("influence", "dyad")}
    app = create_app(path, Settings(), token="")
    try:
        asyncio.run(_measure(app, ["/api/v1/stats"]))  # warm-up: first connection and query plans
        for kind in ("influence", "dyad"):
            urls = _urls(kind, requests, seed)
            for phase in ("store", "cold", "warm"):
                timings = baselines[kind] if phase == "store" else asyncio.run(_measure(app, urls))
                r = results[f"{kind}_{phase}"] = {
                    "requests": float(len(timings)),
                    "median_ms": statistics.median(timings),
                    "p95_ms": _p95(timings),
                    "max_ms": max(timings),
                }
                verdict = "within" if r["p95_ms"] < TARGET_P95_MS else "OVER"
                base = results[f"{kind}_store"]["median_ms"]
                print(
                    f"bench_api: {kind:9s} {phase:5s} {len(timings)} requests over {n_events:,} events: "
                    f"median {r['median_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, max {r['max_ms']:.1f} ms "
                    f"({verdict} the {TARGET_P95_MS:.0f} ms p95 target; p95/target = "
                    f"{r['p95_ms'] / TARGET_P95_MS:.2f}; median/store median = {r['median_ms'] / base:.2f})"
                )
    finally:
        app.state.owner.close()
        if workdir is not None:
            workdir.cleanup()
    return results


def _cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", default=None, help="reuse (or create) this store instead of a temporary one")
    args = parser.parse_args()
    main(args.events, args.requests, args.seed, args.db)


if __name__ == "__main__":
    _cli()
