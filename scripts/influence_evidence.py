"""Print the events behind the leading powers of each domain of an influence profile, with their sentences:
the evidence to read before trusting a share.

    .venv/bin/python scripts/influence_evidence.py --db news.duckdb --target KAZ --top 3 > evidence.md
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from realpolitik.model import Event, Listed
from realpolitik.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--top", type=int, default=3)
    args = parser.parse_args()
    with Store(args.db, read_only=True) as store:
        profile = store.influence(args.target).to_json()
        print(
            f"# Events behind the first {args.top} powers of each domain: {profile['name']} ({profile['target']})"
        )
        for domain in profile["domains"]:
            print(f"\n## {domain['domain']} ({domain['events']} events)")
            for power in domain["powers"][: args.top]:
                # every event of the cell, by the query the profile gives for it (its id lists are capped)
                listed = list(store.iter_events(**power["query"]))
                print(
                    f"\n### {power['rank']}. {power['name']} ({power['code']}): share {power['share']:.3f}, "
                    f"{power['events']} events"
                )
                for item in sorted(listed, key=lambda x: (x.published or date.min, x.record.id)):
                    print(_line(item))


def _side(ref: Any) -> str:
    return "/".join(x for x in (ref.code, ref.sector) if x) if ref is not None else "-"


def _line(item: Listed) -> str:
    event = item.record
    assert isinstance(event, Event)
    return (
        f"- `{event.id}` {item.published} {event.article_id}: **{_side(event.source)} {event.type} "
        f"{_side(event.target)}** ({event.rule}; contexts {', '.join(event.contexts) or '-'}): "
        + " ".join(item.text.split())
    )


if __name__ == "__main__":
    main()
