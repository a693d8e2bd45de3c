"""``realpolitik analyze``: read inputs, analyze them, store the results, print JSON Lines or a report."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click

from realpolitik import render
from realpolitik.cli.options import db_option, run_options
from realpolitik.cli.report import echo_failure, echo_not_retried, make_console, print_analysis
from realpolitik.model import Analysis, Failure
from realpolitik.settings import Settings

_JSONL_LINE = re.compile(r"^(?P<path>.+\.(?:jsonl|ndjson)):\d+$")


def missing_inputs(refs: tuple[str, ...]) -> list[Failure] | None:
    """The failures of ``refs`` if every one of them names nothing on disk (no such file, no glob match), else
    None: then there is nothing to analyze, and no store needs to be created for it."""
    from realpolitik.sources import expand_ref

    failures = []
    for ref in refs:
        line = _JSONL_LINE.match(ref)
        if ref == "-" or "://" in ref or (line and Path(line["path"]).is_file()):
            return None
        first = next(expand_ref(ref), None)
        if not isinstance(first, Failure):
            return None
        failures.append(first)
    return failures


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON object per article (the JSON Lines contract)."
)
@db_option
@click.option("--no-store", is_flag=True, help="Analyze and print only; write nothing.")
@run_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def analyze(
    inputs: tuple[str, ...], as_json: bool, db: str | None, no_store: bool, quiet: bool, **run: Any
) -> None:
    """Analyze news: .txt, .html, .jsonl files, directories, globs, feed URLs, or - for stdin.

    Events, statements and failures go into the store; re-running never duplicates. Bad inputs are
    reported on stderr with a stable error code and the exit status is 1; when no input exists at all, no
    store is created.

    Example:
        realpolitik analyze article.txt --json
        realpolitik analyze news/ --db news.duckdb --workers 2
    """
    from realpolitik.runners import run_refs
    from realpolitik.store import Store

    settings = Settings.load(db=db)
    console = make_console()
    failed: list[Failure] = []

    def on_analysis(analysis: Analysis) -> None:
        if as_json:
            sys.stdout.write(json.dumps(render.analysis(analysis), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            print_analysis(console, analysis)

    def on_failure(failure: Failure) -> None:
        failed.append(failure)
        echo_failure(failure)

    if not no_store and not Path(settings.db).exists() and (nothing := missing_inputs(inputs)) is not None:
        for failure in nothing:
            echo_failure(failure)
        sys.exit(1)
    store = None if no_store else Store(settings.db, settings=settings)
    try:
        report = run_refs(
            inputs,
            settings,
            store,
            on_analysis=on_analysis,
            on_failure=on_failure,
            progress=not quiet and not as_json,
            **run,
        )
    finally:
        if store is not None:
            store.close()
    echo_not_retried(report.extra.get("not_retried", []))
    if not as_json and not quiet:
        click.echo(report.summary(), err=True)
    if failed:
        sys.exit(1)
