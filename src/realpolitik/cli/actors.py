"""``realpolitik actors``: look names up in the actor knowledge base (as of a date) and list its actors."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

import click

from realpolitik import render
from realpolitik.actors.kb import KINDS, KnowledgeBase
from realpolitik.resolve import Resolver


def _kb(path: str | None) -> KnowledgeBase:
    base = KnowledgeBase.bundled()
    return base.merged(path) if path else base


@click.group("actors")
def actors() -> None:
    """The actor knowledge base: states, people with dated offices, organisations, regions, groups."""


@actors.command("lookup")
@click.argument("text")
@click.option(
    "--date", "day", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Resolve as of this date [today]."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--kb", "kb_file", type=click.Path(dir_okay=False), default=None, help="Merge this KB file over ours."
)
def lookup(text: str, day: datetime | None, as_json: bool, kb_file: str | None) -> None:
    """Resolve TEXT to actors: id, code, sector, name, kind and the office held on that date.

    Exits with status 1 if nothing in TEXT is a known actor.

    Example:
        realpolitik actors lookup "President Tokayev" --date 2022-01-10 --json
        realpolitik actors lookup "the President of Kazakhstan" --date 2010-05-01
    """
    kb = _kb(kb_file)
    on: date = day.date() if day else date.today()
    mentions = Resolver(kb).resolve_text(text, on)
    for m in mentions:
        if as_json:
            click.echo(json.dumps(render.mention(m), ensure_ascii=False))
        else:
            role = f", {m.role}" if m.role else ""
            code = f"{m.code or '-'} {m.sector or ''}".strip()
            click.echo(
                f"{m.text!r}: {code}  {m.name or '(unknown)'} [{m.kind or '?'}{role}]  id={m.actor_id}"
            )
    if not any(m.actor_id for m in mentions):
        click.echo(f"no known actor in {text!r}", err=True)
        sys.exit(1)


@actors.command("list")
@click.option(
    "--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only actors of this kind (repeatable)."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--kb", "kb_file", type=click.Path(dir_okay=False), default=None, help="Merge this KB file over ours."
)
def list_actors(kinds: tuple[str, ...], as_json: bool, kb_file: str | None) -> None:
    """List the knowledge base's actors (id, code, sector, name, kind), sorted by id.

    Example:
        realpolitik actors list --kind igo
        realpolitik actors list --kind state --json
    """
    kb = _kb(kb_file)
    today = date.today()
    for actor_id in sorted(kb.actors):
        actor = kb.actors[actor_id]
        if kinds and actor.kind not in kinds:
            continue
        row = render.actor(actor, kb.role_on(actor, today))
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(
                f"{actor.id}\t{row['code'] or '-'}\t{row['sector'] or '-'}\t{actor.kind}\t{actor.name}"
            )
