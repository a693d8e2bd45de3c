"""The commands of ``realpolitik``, registered as ``Command`` plugins (a third party adds its own the same way,
through the ``realpolitik.plugins`` entry-point group). One module per command group, each command a thin call on
the library."""

from __future__ import annotations

from realpolitik.cli.actors import actors
from realpolitik.cli.analyze import analyze
from realpolitik.cli.evaluate import evaluate
from realpolitik.cli.export import export
from realpolitik.cli.influence import influence
from realpolitik.cli.ingest import failures, ingest, stats, watch
from realpolitik.cli.plugins import plugins
from realpolitik.cli.serve import serve
from realpolitik.cli.statements import statements
from realpolitik.plugins import Command

PLUGINS: tuple[Command, ...] = tuple(
    Command(command.name or "", command, description=(command.help or "").split("\n", 1)[0])
    for command in (
        analyze,
        influence,
        actors,
        evaluate,
        statements,
        export,
        serve,
        ingest,
        watch,
        failures,
        stats,
        plugins,
    )
)

__all__ = ["PLUGINS"]
