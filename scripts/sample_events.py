"""Draw a fixed-seed random sample of asserted events from a store, with the sentence and the text around each,
for judging by hand (docs/audits/events-sample.jsonl holds the sample of 100 drawn from the whole shared corpus
with our judgements, docs/audits/README.md the rules and the tally).

    .venv/bin/realpolitik ingest ../shared/data/news/ --db news.duckdb
    .venv/bin/python scripts/sample_events.py --db news.duckdb --seed 12 --n 100 > sample.jsonl

Only events of canonical articles are drawn (a copy of an article adds no event to a profile). Events are ordered
by id before sampling, so the same store and seed give the same sample.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

import duckdb


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", required=True, help="a store written by realpolitik ingest")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument(
        "--context", type=int, default=400, help="characters of text shown before the sentence"
    )
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    rows = con.sql(
        'SELECT e.id, e.article_id, e.start, e."end", e.type, e.cameo, e.modality, e.domain, e.rule, '
        "e.source_code, e.source_sector, e.source_name, e.source_text, "
        "e.target_code, e.target_sector, e.target_name, e.target_text, "
        "e.trigger_start, e.trigger_end, a.text, a.title, a.published, a.source "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.modality = 'asserted' AND e.canonical ORDER BY e.id"
    ).fetchall()
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    for row in sample:
        (eid, article, start, end, kind, cameo, modality, domain, rule) = row[:9]
        source = dict(zip(("code", "sector", "name", "text"), row[9:13], strict=True))
        target = dict(zip(("code", "sector", "name", "text"), row[13:17], strict=True))
        t_start, t_end, text, title, published, outlet = row[17:]
        record = {
            "id": eid,
            "article": article,
            "title": title,
            "outlet": outlet,
            "published": published.isoformat() if published else None,
            "type": kind,
            "cameo": cameo,
            "modality": modality,
            "domain": domain,
            "rule": rule,
            "source": source,
            "target": target,
            "trigger": text[t_start:t_end] if t_start is not None and t_end is not None else None,
            "before": text[max(0, start - args.context) : start],
            "sentence": text[start:end],
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
