"""Print the events behind the leading powers of each domain of an influence profile, with their sentences:
the evidence to read before trusting a share.

    .venv/bin/python scripts/influence_evidence.py --db news.duckdb --target KAZ --top 3 > evidence.md
"""

from __future__ import annotations

import argparse

import duckdb

from realpolitik.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--top", type=int, default=3)
    args = parser.parse_args()
    with Store(args.db, read_only=True) as store:
        profile = store.influence(args.target).to_json()
    con = duckdb.connect(args.db, read_only=True)
    print(
        f"# Events behind the first {args.top} powers of each domain: {profile['name']} ({profile['target']})"
    )
    for domain in profile["domains"]:
        print(f"\n## {domain['domain']} ({domain['events']} events)")
        for power in domain["powers"][: args.top]:
            ids = power["cooperation"]["event_ids"] + power["pressure"]["event_ids"]
            print(
                f"\n### {power['rank']}. {power['name']} ({power['code']}): share {power['share']:.3f}, {len(ids)} events"
            )
            rows = con.execute(
                "SELECT e.id, e.type, e.source_code, e.source_sector, e.target_code, e.target_sector, e.rule, "
                'a.published, a.id, a.text, e.start, e."end", e.contexts '
                "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN (SELECT unnest(?)) "
                "ORDER BY a.published, e.id",
                [ids],
            ).fetchall()
            for eid, kind, sc, ss, tc, ts, rule, day, art, text, start, end, ctx in rows:
                sentence = " ".join(text[start:end].split())
                print(
                    f"- `{eid}` {day} {art}: **{sc}{'/' + ss if ss else ''} {kind} {tc}{'/' + ts if ts else ''}**"
                    f" ({rule}; contexts {', '.join(ctx) or '-'}): {sentence}"
                )


if __name__ == "__main__":
    main()
