"""Options several commands share: the store, and the user's knowledge-base and lexicon files."""

from __future__ import annotations

from typing import Any

import click


def db_option(fn: Any) -> Any:
    return click.option(
        "--db", envvar="REALPOLITIK_DB", default=None, help="DuckDB store [default: realpolitik.duckdb]."
    )(fn)


def rules_options(fn: Any) -> Any:
    """``--kb FILE`` (actors merged over the bundled knowledge base) and ``--lexicon FILE`` (trigger entries,
    rewrites and reported acts merged over the bundled rules; repeatable)."""
    fn = click.option(
        "--lexicon",
        "lexicon_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra lexicon file (trigger entries, rewrites, reported acts); repeatable.",
    )(fn)
    return click.option(
        "--kb", "kb_file", type=click.Path(exists=True, dir_okay=False), help="Extra knowledge-base file."
    )(fn)


def run_options(fn: Any) -> Any:
    """The options of a run (``run_refs``): the user's KB and lexicon files, Dask, retrying failed inputs,
    replacing stored texts. The command receives them as keyword arguments to pass on unchanged."""
    for option in (
        click.option(
            "--update",
            is_flag=True,
            help="An article whose id is stored with another text replaces it (else: error RP-E115).",
        ),
        click.option(
            "--retry-failed", is_flag=True, help="Also read again every input in the failures table."
        ),
        click.option("--scheduler", default=None, help="Run on an existing Dask cluster at ADDRESS."),
        click.option("--workers", type=int, default=None, help="Run on a local Dask cluster with N workers."),
    ):
        fn = option(fn)
    return rules_options(fn)
