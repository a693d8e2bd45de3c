"""Ingest commands: ``ingest`` (analyze inputs into the store, quietly, locally or on Dask), ``watch``
(poll feeds until stopped), ``failures`` (list what could not be read or analyzed) and ``stats`` (what the
store holds, with the exact and near-duplicate rates)."""

from __future__ import annotations

import json
import re
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import click

from realpolitik import budget
from realpolitik.cli.options import db_option, run_options
from realpolitik.cli.report import echo_failure, echo_not_retried
from realpolitik.settings import Settings

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """``90``, ``30s``, ``15m``, ``2h``, ``1d`` to seconds."""
    match = _DURATION.match(text)
    if not match:
        raise click.BadParameter(f"{text!r} is not a duration such as 30s, 15m or 2h")
    return float(match.group(1)) * _UNIT[match.group(2)]


@click.command()
@click.argument("inputs", nargs=-1)
@db_option
@run_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the run report as JSON.")
def ingest(inputs: tuple[str, ...], db: str | None, quiet: bool, as_json: bool, **run: Any) -> None:
    """Analyze inputs into the store without printing each article: files, directories, globs, JSONL
    archives, RSS/Atom feeds and page URLs, or - for stdin. Committed in batches, so a re-run after a crash
    finishes the job without duplicates. Exit status 1 if any input failed.

    \b
    Example:
        realpolitik ingest ../shared/data/news/ --db news.duckdb --workers 2
    """
    from realpolitik.runners import run_refs
    from realpolitik.store import Store

    settings = Settings.load(db=db)
    if not inputs and not run["retry_failed"]:
        raise click.UsageError("give at least one INPUT (or --retry-failed with failures to retry)")
    with Store(settings.db, settings=settings) as store:
        report = run_refs(inputs, settings, store, on_failure=echo_failure, progress=not quiet, **run)
    echo_not_retried(report.extra.get("not_retried", []))
    if as_json:
        click.echo(json.dumps(report.to_json()))
    elif not quiet:
        click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


class _StopFlag:
    """Set by SIGINT/SIGTERM: ``watch`` stops now, not after its poll. A page being fetched or a batch being
    analyzed is cancelled (``budget.Cancelled``): nothing of the poll is remembered before it is committed, so
    those entries are read again by the next poll. A second signal raises KeyboardInterrupt."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if self.event.is_set():
            raise KeyboardInterrupt
        click.echo(f"stopping ({signal.Signals(signum).name})", err=True)
        self.event.set()
        budget.cancel(threading.get_ident())  # raises Cancelled here if a fetch or an analysis is running

    @contextmanager
    def installed(self) -> Iterator[_StopFlag]:
        previous = {sig: signal.signal(sig, self.handle) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield self
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            budget.clear()


def _cancellable(items: Iterable[Any]) -> Iterator[Any]:
    """``items``, each read in a ``budget.section``, so that a stop cancels a fetch in flight."""
    iterator = iter(items)
    while True:
        with budget.section():
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--interval", default="15m", show_default=True, help="Time between polls (30s, 15m, 2h).")
@click.option("--once", is_flag=True, help="Poll once and exit.")
@click.option("--max-polls", type=int, default=None, help="Stop after this many polls.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def watch(
    feeds: tuple[str, ...], db: str | None, interval: str, once: bool, max_polls: int | None, quiet: bool
) -> None:
    """Poll RSS/Atom feeds until stopped (Ctrl-C or SIGTERM), analyzing new entries into the store.

    Conditional GET and remembered entries mean an unchanged feed costs one request and ingests nothing.
    Pages that fail are retried with backoff and recorded in the failures table. A stop takes effect at
    once: the page or batch in flight is dropped and read again by the next poll. Exit status 1 if any
    input failed.

    \b
    Example:
        realpolitik watch https://example.org/world.rss --interval 15m --db news.duckdb
    """
    from realpolitik.engine import Engine
    from realpolitik.plugins import plugin_registry
    from realpolitik.runners import local
    from realpolitik.sources import read_inputs
    from realpolitik.sources.feeds import feed_states_for
    from realpolitik.store import Store

    seconds = parse_duration(interval)
    limit = 1 if once else max_polls
    settings = Settings.load(db=db)
    engine = Engine(settings)
    polls = failed = 0
    with Store(settings.db, settings=settings) as store, _StopFlag().installed() as stop:
        states = feed_states_for(store)
        while not stop.event.is_set():
            items = read_inputs(list(feeds), settings, feed_states=states, readers=plugin_registry().readers)
            try:
                report = local.run(_cancellable(items), engine, store, settings, on_failure=echo_failure)
            except budget.Cancelled:
                click.echo("stopped; entries not yet stored are read again by the next poll", err=True)
                break
            finally:
                close = getattr(items, "close", None)  # the feeds' generators end here, not at collection
                if close is not None:
                    close()
            polls += 1
            failed += report.failed
            if not quiet:
                click.echo(f"poll {polls}: {report.summary()}", err=True)
            if limit is not None and polls >= limit:
                break
            stop.event.wait(seconds)
    if failed:
        sys.exit(1)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines, one failure per line.")
@click.option("--code", default=None, help="Only failures with this error code (e.g. RP-E104).")
@click.option("--stage", default=None, help="Only failures of this stage (ingest, analyze, resolve, ...).")
@click.option("--limit", type=int, default=1000, show_default=True, help="Most failures listed.")
def failures(db: str | None, as_json: bool, code: str | None, stage: str | None, limit: int) -> None:
    """List the inputs that could not be read or analyzed, newest first, with their error codes.

    \b
    Example:
        realpolitik failures --db news.duckdb --code RP-E111
    """
    from rich.console import Console
    from rich.table import Table

    from realpolitik.store import Store

    settings = Settings.load(db=db)
    with Store(settings.db, read_only=True, settings=settings) as store:
        rows = store.failures(limit=limit, code=code, stage=stage)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    if not rows:
        click.echo("no failures")
        return
    table = Table("time", "code", "stage", "input", "message")
    for row in rows:
        table.add_row(str(row["time"]), row["code"], row["stage"], row["input_ref"], row["message"])
    Console().print(table)
    click.echo(f"{len(rows)} failure(s); retry them with `realpolitik ingest --retry-failed`", err=True)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def stats(db: str | None, as_json: bool) -> None:
    """What the store holds: articles, distinct stories, exact and near-duplicate rates, events, statements
    and failures by code.

    \b
    Example:
        realpolitik stats --db news.duckdb --json
    """
    from rich.console import Console
    from rich.table import Table

    from realpolitik.store import Store

    settings = Settings.load(db=db)
    with Store(settings.db, read_only=True, settings=settings) as store:
        data = store.stats().to_json()
    if as_json:
        click.echo(json.dumps(data, default=str))
        return
    table = Table("measure", "value", show_header=False)
    for key, value in data.items():
        if isinstance(value, float):
            value = f"{value:.1%}"
        elif isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "-"
        table.add_row(key.replace("_", " "), str(value))
    Console().print(table)
