"""``realpolitik export``: stored events or statements as data (JSON Lines, CSV or Parquet) for pandas, R,
Excel and event-data tooling. Every row is what ``realpolitik.render`` makes of the record, the same as the API
and ``analyze --json``; CSV and Parquet flatten it (``source_code``, ``speaker_name``, lists joined by ``;``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

import click

from realpolitik import render
from realpolitik.cli.options import db_option
from realpolitik.settings import Settings


def _rows(store: Any, what: str, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    records = store.iter_events(**filters) if what == "events" else store.iter_statements(**filters)
    for item in records:
        yield render.listed(item)


def write_rows(rows: Iterator[dict[str, Any]], fmt: str, out: IO[bytes]) -> int:
    """Write ``rows`` to ``out`` as ``jsonl``, ``csv`` or ``parquet``; returns the number of rows."""
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    flat = [render.flat(row) for row in rows]
    if fmt == "csv":
        out.write(render.csv_text(flat).encode("utf-8"))
        return len(flat)
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(flat), out)
    return len(flat)


@click.command("export")
@click.argument("what", type=click.Choice(["events", "statements"]))
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True
)
@click.option("--output", "-o", default="-", help="File to write [default: standard output].")
@db_option
@click.option("--actor", default=None, help="Events with this actor on either side.")
@click.option("--source", default=None, help="Events from this actor.")
@click.option("--target", default=None, help="Events toward this actor.")
@click.option("--type", "event_type", default=None, help="One PLOVER type.")
@click.option("--domain", default=None, help="security, economy, diplomacy, society or unspecified.")
@click.option("--modality", default=None, help="asserted, negated or hypothetical (events).")
@click.option("--speaker", default=None, help="Statements by this speaker (code or words of the name).")
@click.option("--about", default=None, help="Statements with a stance toward this actor code.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First day (inclusive).")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last day (inclusive).")
def export(
    what: str,
    fmt: str,
    output: str,
    db: str | None,
    actor: str | None,
    source: str | None,
    target: str | None,
    event_type: str | None,
    domain: str | None,
    modality: str | None,
    speaker: str | None,
    about: str | None,
    start: datetime | None,
    end: datetime | None,
) -> None:
    """Export stored events or statements as JSON Lines, CSV or Parquet, with the API's filters.

    Example:
        realpolitik export events --format csv --target KAZ -o kaz-events.csv
        realpolitik export statements --about KAZ --format parquet -o statements.parquet
    """
    from realpolitik.store import Store

    settings = Settings.load(db=db)
    given: dict[str, Any] = {"start": start.date() if start else None, "end": end.date() if end else None}
    if what == "events":
        given |= {"actor": actor, "source": source, "target": target, "type": event_type, "domain": domain}
        given |= {"modality": modality}
    else:
        given |= {"speaker": speaker, "about": about}
    filters = {k: v for k, v in given.items() if v is not None}
    with Store(settings.db, read_only=True, settings=settings) as store:
        rows = _rows(store, what, filters)
        if output == "-":
            count = write_rows(rows, fmt, sys.stdout.buffer)
        else:
            with open(output, "wb") as handle:
                count = write_rows(rows, fmt, handle)
    click.echo(f"{count} {what} exported", err=True)
