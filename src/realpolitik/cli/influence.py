"""``realpolitik influence CODE``: the influence profile of a target from the store, as JSON or rich tables
(one per domain: power, share, cooperation, pressure, events) followed by what commentators say."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TYPE_CHECKING

import click
from rich.console import Group
from rich.table import Table
from rich.text import Text

from realpolitik.cli.options import db_option
from realpolitik.cli.report import make_console
from realpolitik.errors import ConfigError
from realpolitik.settings import Settings

if TYPE_CHECKING:
    from realpolitik.store.aggregate import Commentary, InfluenceProfile


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _label(name: str, code: str) -> str:
    return code if name == code else f"{name} ({code})"


def influence_tables(
    profile: InfluenceProfile, commentary: list[Commentary] | None = None, top: int | None = None
) -> Group:
    """The profile as rich tables, one per domain (its ``top`` powers, all if None), then the commentary."""
    period = (
        f"{profile.start or '…'} to {profile.end or '…'}" if profile.start or profile.end else "all dates"
    )
    parts: list[Table | Text] = [
        Text(
            f"Influence on {profile.name} ({profile.target}), {period}: {profile.events} asserted events",
            "bold",
        )
    ]
    for domain in profile.domains:
        if not domain.powers:
            continue
        table = Table(title=f"{domain.domain} ({domain.events} events)", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("power")
        table.add_column("share", justify="right")
        table.add_column("cooperation", justify="right", style="green")
        table.add_column("pressure", justify="right", style="red")
        table.add_column("events +copies", justify="right")
        shown = domain.powers if top is None else domain.powers[:top]
        for p in shown:
            table.add_row(
                str(p.rank),
                _label(p.name, p.code),
                _pct(p.share),
                f"{_pct(p.cooperation.share)} ({p.cooperation.events})",
                f"{_pct(p.pressure.share)} ({p.pressure.events})",
                str(p.events) if p.reports == p.events else f"{p.events} +{p.reports - p.events}",
            )
        if len(shown) < len(domain.powers):
            rest = domain.powers[len(shown) :]
            table.add_row(
                "",
                f"{len(rest)} more",
                _pct(sum(p.share for p in rest)),
                _pct(sum(p.cooperation.share for p in rest)),
                _pct(sum(p.pressure.share for p in rest)),
                str(sum(p.events for p in rest)),
            )
        parts.append(table)
    if profile.events == 0:
        parts.append(Text(f"No asserted events involve {profile.target} in this period.", "yellow"))
    if commentary:
        table = Table(
            title="What commentators say (stance in statements about the target)", title_justify="left"
        )
        table.add_column("power")
        table.add_column("statements", justify="right")
        table.add_column("mean stance", justify="right")
        table.add_column("+ / -", justify="right")
        for c in commentary:
            table.add_row(
                _label(c.name, c.code),
                str(c.statements),
                f"{c.mean_polarity:+.2f}",
                f"{c.positive} / {c.negative}",
            )
        parts.append(table)
    return Group(*parts)


@click.command()
@click.argument("code")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the profile as one JSON object.")
@click.option(
    "--start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First published date counted."
)
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last published date counted.")
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="Powers shown per domain."
)
def influence(
    code: str, db: str | None, as_json: bool, start: datetime | None, end: datetime | None, top: int
) -> None:
    """Which powers engage the target CODE (ISO3 or IGO acronym), per domain: each one's share of the
    engagement, split into cooperation (quad 1-2) and pressure (quad 3-4), from asserted events in the store.

    \b
    Example:
        realpolitik influence KAZ --db news.duckdb --start 2020-01-01 --end 2022-12-31
        realpolitik influence KAZ --json

    --json prints every power of every domain, with the ids of the events behind each cell.
    """
    from realpolitik.store import Store

    first, last = _day(start), _day(end)
    if first and last and first > last:
        raise ConfigError(f"--start {first} is after --end {last}")
    settings = Settings.load(db=db)
    target = code.strip().upper()
    with Store(settings.db, read_only=True, settings=settings) as store:
        profile = store.influence(target, first, last)
        if as_json:
            click.echo(json.dumps(profile.to_json(), ensure_ascii=False))
            return
        commentary = store.commentary(target, first, last)
    make_console().print(influence_tables(profile, commentary, top))
