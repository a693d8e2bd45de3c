"""The ``realpolitik`` command: a click group whose commands are the ``command`` plugins of the registry (ours
are listed in ``cli/commands.py``, one module per command group)."""

from __future__ import annotations

import sys

import click

from realpolitik.errors import PluginError, RealpolitikError
from realpolitik.plugins import Command, load_registry, plugin_registry
from realpolitik.version import __version__


class Group(click.Group):
    """Turns library errors into one line with the stable code and exit status 2."""

    load_error: PluginError | None = None

    def invoke(self, ctx: click.Context) -> object:
        try:
            if self.load_error is not None:
                raise self.load_error
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


def _add_commands(group: Group) -> None:
    """Every ``command`` plugin, ours and installed ones. If an installed plugin cannot be loaded, our commands
    are still listed (``--help`` works) and running any of them reports the plugin's RP-E801 error."""
    commands: tuple[Command, ...]
    try:
        commands = plugin_registry().commands
    except PluginError as exc:
        group.load_error = exc
        commands = load_registry(entry_points=False).commands
    for command in commands:
        group.add_command(command.command, command.name)


assert isinstance(main, Group)
_add_commands(main)
