"""``realpolitik statements``: search the stored statements by speaker and by the actors they are about."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import click
from rich.table import Table

from realpolitik import render
from realpolitik.cli.options import db_option
from realpolitik.cli.report import make_console
from realpolitik.settings import Settings


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _speaker_label(speaker: dict[str, Any]) -> str:
    name, code, kind = speaker.get("name"), speaker.get("code"), speaker.get("type")
    label = name or (kind or "unknown").replace("_", " ")
    if code:
        label = f"{label} ({code}{' ' + speaker['sector'] if speaker.get('sector') else ''})"
    return label


def _stances_label(stances: list[dict[str, Any]]) -> str:
    return " ".join(f"{s['code']}{s['polarity']:+.2f}" for s in stances)


def statements_table(items: list[dict[str, Any]], width: int = 160) -> Table:
    table = Table(title=f"{len(items)} statements", title_justify="left")
    table.add_column("date")
    table.add_column("speaker")
    table.add_column("form")
    table.add_column("statement", overflow="fold", max_width=width)
    table.add_column("stance")
    for item in items:
        text = " ".join((item.get("text") or "").split())
        if len(text) > 300:
            text = text[:297] + "..."
        table.add_row(
            item.get("published") or "",
            _speaker_label(item["speaker"]),
            item.get("form") or "",
            text,
            _stances_label(item.get("stances") or []),
        )
    return table


@click.command("statements")
@click.option("--speaker", default=None, help="Speaker's actor code (CHN) or words of its name (Wang Yi).")
@click.option("--about", default=None, help="Only statements with a stance toward this actor code (KAZ).")
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First published date.")
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last published date.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="Most statements shown.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per statement (JSON Lines).")
def statements(
    speaker: str | None,
    about: str | None,
    start: datetime | None,
    end: datetime | None,
    limit: int,
    db: str | None,
    as_json: bool,
) -> None:
    """Who said what about whom: stored statements, newest first, with speaker, form and stance per actor.

    Example:
        realpolitik statements --about KAZ
        realpolitik statements --speaker "Wang Yi" --json
        realpolitik statements --speaker CHN --about KAZ --db news.duckdb
    """
    from realpolitik.store import Store

    settings = Settings.load(db=db)
    with Store(settings.db, read_only=True, settings=settings) as store:
        page = store.statements(speaker=speaker, about=about, start=_day(start), end=_day(end), limit=limit)
    items: list[dict[str, Any]] = render.jsonable(page.items)
    if as_json:
        for item in items:
            click.echo(json.dumps(item, ensure_ascii=False, default=str))
        return
    make_console().print(statements_table(items))
