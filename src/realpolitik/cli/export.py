"""``realpolitik export``: stored events, statements or influence profiles as data (JSON Lines, CSV or Parquet)
for pandas, R, Excel and event-data tooling. Every row is what ``realpolitik.render`` makes of the record, the
same as the API and ``analyze --json``; CSV and Parquet flatten it (``source_code``, ``speaker_name``, lists
joined by ``;``). Events can also come in the GDELT 2.0 or ICEWS layout (``render.layout_rows``, documented in
``realpolitik.render``). Events are the complete ones (asserted, both actors resolved) unless ``--all``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import IO, Any

import click

from realpolitik import render
from realpolitik.cli.options import db_option
from realpolitik.errors import ConfigError
from realpolitik.model import DOMAINS, MODALITIES, PLOVER_TYPES
from realpolitik.settings import Settings


def write_rows(
    rows: Iterable[dict[str, Any]], fmt: str, out: IO[bytes], columns: Sequence[str] | None = None
) -> int:
    """Write ``rows`` to ``out`` as ``jsonl``, ``csv`` or ``parquet`` (flattened, in ``columns`` order when
    given); returns the number of rows."""
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    flat = [render.flat(row) for row in rows]
    if fmt == "csv":
        out.write(render.csv_text(flat, columns).encode("utf-8"))
        return len(flat)
    import pyarrow as pa
    import pyarrow.parquet as pq

    if columns is None:
        table = pa.Table.from_pylist(flat)
    elif flat:
        table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in flat])
    else:
        table = pa.table({c: pa.array([], type=pa.string()) for c in columns})
    pq.write_table(table, out)
    return len(flat)


def _day(value: datetime | None) -> Any:
    return value.date() if value else None


def _event_rows(store: Any, filters: dict[str, Any], layout: str, fmt: str) -> tuple[Iterator[Any], Any]:
    listed = (render.listed(item) for item in store.iter_events(**filters))
    if layout == "native":
        # JSON Lines keep the nested shape of the API; CSV and Parquet take the flat columns.
        return listed, None if fmt == "jsonl" else render.listed_columns("events")
    rows, columns = render.layout_rows(listed, layout)
    return rows, columns


@click.command("export")
@click.argument("what", type=click.Choice(["events", "statements", "influence"]))
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True
)
@click.option(
    "--layout",
    type=click.Choice(["native", "gdelt", "icews"]),
    default="native",
    show_default=True,
    help="Events only: our columns, the GDELT 2.0 event table's or an ICEWS event file's.",
)
@click.option("--output", "-o", default="-", help="File to write [default: standard output].")
@db_option
@click.option("--all", "everything", is_flag=True, help="Events: every event, not only the complete ones.")
@click.option("--actor", default=None, help="Events with this actor on either side.")
@click.option("--partner", default=None, help="With --actor or --target: the events between the two.")
@click.option("--dyad", default=None, help="Events between two actors, e.g. RUS-KAZ.")
@click.option("--source", default=None, help="Events from this actor.")
@click.option(
    "--target", default=None, help="Events toward this actor; influence: the target (code or name)."
)
@click.option("--type", "event_type", type=click.Choice(PLOVER_TYPES), default=None, help="One PLOVER type.")
@click.option("--quad", default=None, help="Quad class 1-4, coop (1-2) or pressure (3-4).")
@click.option(
    "--domain", type=click.Choice(DOMAINS), default=None, help="One domain (events, influence --by)."
)
@click.option("--modality", type=click.Choice(MODALITIES), default=None, help="Events of this modality.")
@click.option("--q", default=None, help="Events whose evidence or actors mention these words.")
@click.option("--article", default=None, help="Events of one article id.")
@click.option("--canonical", is_flag=True, help="Leave out events of near-duplicate copies.")
@click.option("--speaker", default=None, help="Statements by this speaker (code or words of the name).")
@click.option("--about", default=None, help="Statements with a stance toward this actor code.")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First day (inclusive).")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last day (inclusive).")
@click.option(
    "--by", type=click.Choice(["year", "month"]), default=None, help="Influence: shares per year or month."
)
@click.option(
    "--top", type=click.IntRange(min=1), default=5, show_default=True, help="Influence --by: powers."
)
def export(
    what: str,
    fmt: str,
    layout: str,
    output: str,
    db: str | None,
    everything: bool,
    start: datetime | None,
    end: datetime | None,
    **given: Any,
) -> None:
    """Export stored events, statements or an influence profile as JSON Lines, CSV or Parquet, with the API's
    filters. Events are the complete ones (asserted, both actors resolved and different) unless --all; with
    --layout gdelt or icews they come in the columns of those data sets (the mapping is in ``realpolitik.render``).

    \b
    Example:
        realpolitik export events --format csv --target KAZ -o kaz-events.csv
        realpolitik export events --format csv --layout gdelt -o events-gdelt.csv
        realpolitik export statements --about KAZ --format parquet -o statements.parquet
        realpolitik export influence --target Kazakhstan --by year --format csv -o kaz-shares.csv
    """
    from realpolitik.store import Store
    from realpolitik.store.params import check_period, event_filters

    first, last = _day(start), _day(end)
    check_period(first, last)
    if layout != "native" and what != "events":
        raise ConfigError(f"--layout {layout} is a layout of events; {what} export in the native layout")
    settings = Settings.load(db=db)
    with Store(settings.db, read_only=True, settings=settings) as store:
        rows: Iterable[Any]
        columns: Sequence[str] | None
        if what == "events":
            filters = event_filters(
                actor=given["actor"],
                source=given["source"],
                target=given["target"],
                partner=given["partner"],
                dyad=given["dyad"],
                type=given["event_type"],
                quad=given["quad"],
                domain=given["domain"],
                modality=given["modality"],
                start=first,
                end=last,
                q=given["q"],
                article=given["article"],
                canonical=given["canonical"],
                complete=not everything,
            )
            rows, columns = _event_rows(store, filters, layout, fmt)
        elif what == "statements":
            statement_filters = {"speaker": given["speaker"], "about": given["about"], "start": first}
            statement_filters["end"] = last
            picked = {k: v for k, v in statement_filters.items() if v is not None}
            rows = (render.listed(item) for item in store.iter_statements(**picked))
            columns = None if fmt == "jsonl" else render.listed_columns("statements")
        else:
            rows, columns = _influence_rows(store, given, first, last)
        if output == "-":
            count = write_rows(rows, fmt, sys.stdout.buffer, columns)
        else:
            with open(output, "wb") as handle:
                count = write_rows(rows, fmt, handle, columns)
    click.echo(f"{count} {'rows of influence' if what == 'influence' else what} exported", err=True)


def _influence_rows(store: Any, given: dict[str, Any], first: Any, last: Any) -> tuple[list[Any], list[str]]:
    from realpolitik.actors.names import bundled_names
    from realpolitik.store.influence import SERIES_COLUMNS
    from realpolitik.store.params import actor_code

    if not given["target"]:
        raise ConfigError("export influence needs --target (a code or a name, e.g. KAZ or Kazakhstan)")
    code = actor_code(given["target"], store, bundled_names())
    if given["by"]:
        series = store.influence_series(code, given["by"], first, last, given["top"], given["domain"])
        return series.to_json()["rows"], list(SERIES_COLUMNS)
    return render.influence_rows(store.influence(code, first, last).to_json()), list(render.INFLUENCE_COLUMNS)
