"""``realpolitik plugins``: list the registered plugins (ours and installed third-party ones) in the order they
were registered, which is the order that decides which reader wins a suffix (see ``realpolitik.plugins``)."""

from __future__ import annotations

import json
from typing import Any

import click

from realpolitik.plugins import Registered, SourceReader, plugin_registry


def plugin_json(entry: Registered) -> dict[str, Any]:
    plugin = entry.plugin
    row: dict[str, Any] = {
        "name": plugin.name,
        "kind": plugin.kind,
        "module": entry.module,
        "origin": entry.origin,
        "description": plugin.description,
    }
    if isinstance(plugin, SourceReader):
        row.update(suffixes=list(plugin.suffixes), schemes=list(plugin.schemes), fallback=plugin.fallback)
    return row


def _handles(plugin: SourceReader) -> str:
    claims = [*plugin.suffixes, *(f"{s}://" for s in plugin.schemes)]
    if plugin.fallback:
        claims.append("(any other file)")
    return " ".join(claims)


@click.command("plugins")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def plugins(as_json: bool) -> None:
    """List the registered plugins: name, kind (reader, knowledge_base, ontology, annotator, resolver, coder,
    statements, evaluator, command), the module that
    implements it, and where it was registered from (a DEFAULT_PLUGINS entry or a `realpolitik.plugins` entry
    point). A plugin that fails to load is an error with code RP-E801.

    Example:
        realpolitik plugins
        realpolitik plugins --json
    """
    entries = plugin_registry().entries
    if as_json:
        for entry in entries:
            click.echo(json.dumps(plugin_json(entry), ensure_ascii=False))
        return
    name_width = max((len(e.plugin.name) for e in entries), default=0)
    module_width = max((len(e.module) for e in entries), default=0)
    for entry in entries:
        plugin = entry.plugin
        handles = f"  [{_handles(plugin)}]" if isinstance(plugin, SourceReader) else ""
        click.echo(
            f"{plugin.name:<{name_width}}  {plugin.kind:<14}  {entry.module:<{module_width}}"
            f"  from {entry.origin}{handles}"
        )
