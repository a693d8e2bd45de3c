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
