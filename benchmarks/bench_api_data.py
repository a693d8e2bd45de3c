"""Synthetic stores for the query and API benchmarks: ``generate_store(path, n_events, seed)`` fills a DuckDB
store with ``n_events`` events (ten per article, plus mentions, statements and near-duplicate copies) built as
Arrow columns with numpy and written through ``Store.write_tables``, the same path as real batches.

Run ``python -m benchmarks.bench_api_data --events 1000000 --db /tmp/bench.duckdb`` to build a store and time
the influence and dyad queries against a full scan of the events table in the same process (ratios, not
pass/fail timings).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa

from realpolitik.model import DOMAINS, PLOVER_TYPES
from realpolitik.store import Store, aggregate, influence
from realpolitik.store.records import conform
from realpolitik.store.schema import ARTICLES, EVENTS, MENTIONS, STATEMENTS

# Actors with a skewed frequency, as in real news: a few powers dominate.
ACTORS = [
    *(
        "KAZ",
        "RUS",
        "CHN",
        "USA",
        "UZB",
        "KGZ",
        "TJK",
        "TKM",
        "IRN",
        "TUR",
        "IND",
        "PAK",
        "AFG",
        "UKR",
        "BLR",
    ),
    *(
        "ARM",
        "AZE",
        "GEO",
        "MNG",
        "DEU",
        "FRA",
        "GBR",
        "JPN",
        "KOR",
        "EU",
        "NATO",
        "CSTO",
        "SCO",
        "EAEU",
        "UN",
    ),
    *("CIS", "OSCE"),
]
SECTORS = np.array(["GOV", "MIL", "BUS", "CVL", None], dtype=object)
MODALITIES = np.array(["asserted", "negated", "hypothetical"], dtype=object)
QUAD_OF_TYPE = np.array([1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4])
GOLDSTEIN_OF_QUAD = {1: 3.0, 2: 6.0, 3: -4.0, 4: -8.0}
CONTEXT_OF_DOMAIN = {
    "security": "military",
    "economy": "economic",
    "diplomacy": "diplomatic",
    "society": "health",
}
EVENTS_PER_ARTICLE = 10
SENTENCE = "The minister of one country met the delegation of another country and spoke about it. "
TEXT = SENTENCE * EVENTS_PER_ARTICLE


def _hex_ids(rng: np.random.Generator, n: int) -> list[str]:
    return [format(int(x), "016x") for x in rng.integers(0, 2**63 - 1, size=n, dtype=np.int64)]


def _actor_weights() -> np.ndarray:
    w = 1.0 / np.arange(1, len(ACTORS) + 1) ** 1.1
    return w / w.sum()


def build_tables(n_events: int, seed: int = 0) -> dict[str, pa.Table]:
    """The Arrow tables of a synthetic batch of ``n_events`` events."""
    rng = np.random.default_rng(seed)
    n_articles = max(1, n_events // EVENTS_PER_ARTICLE)
    article_ids = np.array(_hex_ids(rng, n_articles), dtype=object)
    first = date(2000, 1, 1).toordinal()
    days = rng.integers(0, date(2022, 12, 31).toordinal() - first, size=n_articles)
    published = pa.array((days + (first - date(1970, 1, 1).toordinal())).astype(np.int32), type=pa.date32())
    # 3% of articles are near-duplicate copies of another article.
    dup = rng.random(n_articles) < 0.03
    duplicate_of = np.where(dup, article_ids[rng.integers(0, n_articles, size=n_articles)], None)
    duplicate_of[duplicate_of == article_ids] = None
    sources = np.array(["kremlin.ru", "wikinews", "tass", "reuters"], dtype=object)
    articles = {
        "id": pa.array(article_ids, type=pa.string()),
        "text": pa.array(np.full(n_articles, TEXT, dtype=object), type=pa.string()),
        "title": pa.array([f"Synthetic article {i}" for i in range(n_articles)], type=pa.string()),
        "published": published,
        "source": pa.array(sources[rng.integers(0, len(sources), size=n_articles)], type=pa.string()),
        "lang": pa.array(np.full(n_articles, "en", dtype=object), type=pa.string()),
        "duplicate_of": pa.array(duplicate_of, type=pa.string()),
    }

    event_article = np.repeat(np.arange(n_articles), EVENTS_PER_ARTICLE)[:n_events]
    if len(event_article) < n_events:
        event_article = np.concatenate(
            [event_article, np.zeros(n_events - len(event_article), dtype=np.int64)]
        )
    sentence = np.arange(n_events) % EVENTS_PER_ARTICLE
    codes = np.array(ACTORS, dtype=object)
    weights = _actor_weights()
    src = rng.choice(len(ACTORS), size=n_events, p=weights)
    tgt = rng.choice(len(ACTORS), size=n_events, p=weights)
    tgt = np.where(tgt == src, (tgt + 1) % len(ACTORS), tgt)
    types = rng.integers(0, len(PLOVER_TYPES), size=n_events)
    quad = QUAD_OF_TYPE[types]
    goldstein = np.vectorize(GOLDSTEIN_OF_QUAD.get)(quad) + rng.normal(0, 1, size=n_events).round(1)
    domain_idx = rng.integers(0, len(DOMAINS), size=n_events)
    domains = np.array(DOMAINS, dtype=object)[domain_idx]
    # the unspecified domain has no context
    contexts = [[CONTEXT_OF_DOMAIN[d]] if d in CONTEXT_OF_DOMAIN else [] for d in domains]
    start = sentence * len(SENTENCE)
    events = {
        "id": pa.array(_hex_ids(rng, n_events), type=pa.string()),
        "article_id": pa.array(article_ids[event_article], type=pa.string()),
        "sentence_index": pa.array(sentence, type=pa.int64()),
        "start": pa.array(start, type=pa.int64()),
        "end": pa.array(start + len(SENTENCE) - 1, type=pa.int64()),
        "source_code": pa.array(codes[src], type=pa.string()),
        "source_sector": pa.array(SECTORS[rng.integers(0, len(SECTORS), size=n_events)], type=pa.string()),
        "source_name": pa.array(codes[src], type=pa.string()),
        "target_code": pa.array(codes[tgt], type=pa.string()),
        "target_name": pa.array(codes[tgt], type=pa.string()),
        "type": pa.array(np.array(PLOVER_TYPES, dtype=object)[types], type=pa.string()),
        "contexts": pa.array(contexts, type=pa.list_(pa.string())),
        "domain": pa.array(domains, type=pa.string()),
        "modality": pa.array(MODALITIES[rng.choice(3, size=n_events, p=[0.85, 0.1, 0.05])], type=pa.string()),
        "quad_class": pa.array(quad, type=pa.int64()),
        "goldstein": pa.array(goldstein, type=pa.float64()),
        "confidence": pa.array(rng.uniform(0.3, 1.0, size=n_events).round(2), type=pa.float64()),
        "rule": pa.array(np.full(n_events, "synthetic", dtype=object), type=pa.string()),
    }

    # Two mentions and one statement per article, naming the first event's actors.
    first_event = np.arange(n_articles) * EVENTS_PER_ARTICLE
    first_event = np.minimum(first_event, n_events - 1)
    mention_codes = np.concatenate([codes[src[first_event]], codes[tgt[first_event]]])
    mentions = {
        "article_id": pa.array(np.concatenate([article_ids, article_ids]), type=pa.string()),
        "start": pa.array(np.zeros(2 * n_articles, dtype=np.int64)),
        "end": pa.array(np.full(2 * n_articles, 3, dtype=np.int64)),
        "text": pa.array(mention_codes, type=pa.string()),
        "code": pa.array(mention_codes, type=pa.string()),
        "name": pa.array(mention_codes, type=pa.string()),
        "kind": pa.array(np.full(2 * n_articles, "state", dtype=object), type=pa.string()),
        "score": pa.array(np.ones(2 * n_articles)),
        "via": pa.array(np.full(2 * n_articles, "gazetteer", dtype=object), type=pa.string()),
    }
    polarity = rng.uniform(-1, 1, size=n_articles).round(2)
    stances = [
        [{"code": c, "polarity": float(p), "start": None, "end": None}]
        for c, p in zip(codes[src[first_event]], polarity, strict=True)
    ]
    statements = {
        "id": pa.array(_hex_ids(rng, n_articles), type=pa.string()),
        "article_id": pa.array(article_ids, type=pa.string()),
        "start": pa.array(np.zeros(n_articles, dtype=np.int64)),
        "end": pa.array(np.full(n_articles, len(SENTENCE) - 1, dtype=np.int64)),
        "speaker_type": pa.array(np.full(n_articles, "anonymous_expert", dtype=object), type=pa.string()),
        "form": pa.array(np.full(n_articles, "direct", dtype=object), type=pa.string()),
        "stances": pa.array(stances, type=STATEMENTS.arrow_schema.field("stances").type),
    }
    return {
        "articles": conform(ARTICLES, pa.table(articles)),
        "events": conform(EVENTS, pa.table(events)),
        "mentions": conform(MENTIONS, pa.table(mentions)),
        "statements": conform(STATEMENTS, pa.table(statements)),
    }


def generate_store(path: str | Path, n_events: int, seed: int = 0) -> None:
    """Fill the store at ``path`` (created if needed) with ``n_events`` synthetic events."""
    tables = build_tables(n_events, seed)
    with Store(path) as store:
        store.write_tables(tables)


def _timings(fn: object, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - t0)
    return out


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="bench-api.duckdb")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = Path(args.db)
    if not path.exists():
        t0 = time.perf_counter()
        generate_store(path, args.events, args.seed)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s -> {path}")
    with Store(path, read_only=True) as store:
        con = store.con
        base = _timings(
            lambda: con.execute("SELECT count(*), sum(goldstein) FROM events").fetchall(), args.repeat
        )
        # Cold: the SQL every first request runs (the store caches aggregates until its next write).
        cur = con.cursor()
        cases = {
            "influence KAZ (cold)": lambda: influence.influence(cur, "KAZ"),
            "influence KAZ (store, cached)": lambda: store.influence("KAZ"),
            "influence TKM 2010-2015 (cold)": lambda: influence.influence(
                cur, "TKM", date(2010, 1, 1), date(2015, 12, 31)
            ),
            "dyad_series RUS-KAZ (cold)": lambda: aggregate.dyad_series(cur, "RUS", "KAZ"),
            "events dyad RUS-KAZ page": lambda: store.events(dyad=("RUS", "KAZ"), limit=100),
            "events cell KAZ/RUS security coop": lambda: store.events(
                actor="KAZ",
                partner="RUS",
                domain="security",
                side="cooperation",
                modality="asserted",
                canonical=True,
                limit=100,
            ),
        }
        base_p95 = _p95(base)
        print(f"baseline grouped scan of events: p95 {base_p95 * 1000:.1f} ms")
        for name, fn in cases.items():
            fn()  # warm
            t = _timings(fn, args.repeat)
            p95 = _p95(t)
            print(
                f"{name:38s} p50 {statistics.median(t) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
                f"ratio to scan {p95 / base_p95:5.1f}x"
            )


if __name__ == "__main__":
    main()
