"""Draw a fixed-seed random sample of statements from a store, with the text around each, for judging by hand
(docs/audits/statements-sample.md holds the sample of 60 drawn from the whole shared corpus and our judgements).

    .venv/bin/realpolitik ingest ../shared/data/news/ --db news.duckdb
    .venv/bin/python scripts/sample_statements.py --db news.duckdb --seed 13 --n 60 > sample.jsonl

Statements are ordered by id before sampling, so the same store and seed give the same sample.
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
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument(
        "--context", type=int, default=300, help="characters of text shown before the statement"
    )
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    rows = con.sql(
        'SELECT s.id, s.article_id, s.start, s."end", s.speaker_name, s.speaker_type, s.speaker_code, '
        "s.speaker_sector, s.form, s.cue, a.text, a.title "
        "FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY s.id"
    ).fetchall()
    sample = random.Random(args.seed).sample(rows, args.n)
    for sid, article, start, end, name, kind, code, sector, form, cue, text, title in sample:
        record = {
            "id": sid,
            "article": article,
            "title": title,
            "start": start,
            "end": end,
            "speaker": {"name": name, "type": kind, "code": code, "sector": sector},
            "form": form,
            "cue": cue,
            "before": text[max(0, start - args.context) : start],
            "content": text[start:end],
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
