"""The ``realpolitik`` command: a click group; each command group lives in its own module of this package
and registers itself through ``register(group)``."""

from __future__ import annotations

import importlib
import sys

import click

from realpolitik.errors import RealpolitikError
from realpolitik.version import __version__

COMMAND_MODULES: tuple[str, ...] = (
    "analyze",
    "influence",
    "actors",
    "evaluate",
    "statements",
    "serve",
    "ingest",
    "plugins",
)


class Group(click.Group):
    """Turns library errors into one line with the stable code and exit status 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except RealpolitikError as exc:
            click.echo(exc.one_line(), err=True)
            sys.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="realpolitik")
def main() -> None:
    """Who did what to whom, in which domain, and who said what about it: evidence-backed event and
    statement records from international news.

    Example:
        realpolitik analyze article.txt --json
    """


for _name in COMMAND_MODULES:
    importlib.import_module(f"realpolitik.cli.{_name}").register(main)
