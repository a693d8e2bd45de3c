"""``realpolitik influence TARGET``: the influence profile of a target from the store, as JSON or rich tables
(one per domain: power, share with its interval, cooperation, pressure, the evidence behind each cell), the outlet
mix and what commentators say; with ``--by year|month``, each domain's shares over time for its leading powers.
TARGET is a code, a name or a demonym ("KAZ", "Kazakhstan", "kazakh")."""

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
from realpolitik.model import DOMAINS
from realpolitik.settings import Settings

if TYPE_CHECKING:  # the store (DuckDB, Arrow) loads when a command reads it, not for every command's start
    from realpolitik.store.aggregate import Commentary
    from realpolitik.store.influence import InfluenceProfile, InfluenceSeries


def _thin_events() -> int:
    from realpolitik.store.influence import THIN_EVENTS

    return THIN_EVENTS


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%"


def _label(name: str, code: str) -> str:
    return code if name == code else f"{name} ({code})"


def _evidence(events: int, articles: int, outlets: int) -> str:
    thin = " thin" if events < _thin_events() else ""
    return f"{events} / {articles} / {outlets}{thin}"


def influence_tables(
    profile: InfluenceProfile, commentary: list[Commentary] | None = None, top: int | None = None
) -> Group:
    """The profile as rich tables, one per domain (its ``top`` powers, all if None), then the outlet mix and
    the commentary."""
    period = (
        f"{profile.start or '…'} to {profile.end or '…'}" if profile.start or profile.end else "all dates"
    )
    parts: list[Table | Text] = [
        Text(
            f"Influence on {profile.name} ({profile.target}), {period}: {profile.events} complete events "
            f"in {profile.articles} articles",
            "bold",
        )
    ]
    for domain in profile.domains:
        if not domain.powers:
            continue
        table = Table(
            title=f"{domain.domain} ({domain.events} events, {domain.articles} articles)",
            title_justify="left",
        )
        table.add_column("#", justify="right")
        table.add_column("power")
        table.add_column("share", justify="right")
        table.add_column("95% interval", justify="right")
        table.add_column("cooperation", justify="right", style="green")
        table.add_column("pressure", justify="right", style="red")
        table.add_column("events / articles / outlets", justify="right")
        table.add_column("+copies", justify="right")
        shown = domain.powers if top is None else domain.powers[:top]
        for p in shown:
            table.add_row(
                str(p.rank),
                _label(p.name, p.code),
                _pct(p.share),
                f"{_pct(p.share_low)}–{_pct(p.share_high)}",
                f"{_pct(p.cooperation.share)} ({p.cooperation.events})",
                f"{_pct(p.pressure.share)} ({p.pressure.events})",
                _evidence(p.events, p.articles, p.outlets),
                str(p.reports - p.events) if p.reports != p.events else "",
            )
        if len(shown) < len(domain.powers):
            rest = domain.powers[len(shown) :]
            table.add_row(
                "",
                f"{len(rest)} more",
                _pct(sum(p.share for p in rest)),
                "",
                _pct(sum(p.cooperation.share for p in rest)),
                _pct(sum(p.pressure.share for p in rest)),
                str(sum(p.events for p in rest)),
                "",
            )
        parts.append(table)
    if profile.events == 0:
        parts.append(Text(f"No complete events involve {profile.target} in this period.", "yellow"))
    else:
        parts.append(
            Text(f"thin: fewer than {_thin_events()} events behind the share; interval: Wilson 95%.", "dim")
        )
    if profile.outlets:
        table = Table(title=f"Outlets ({profile.outlet_count})", title_justify="left")
        table.add_column("outlet")
        table.add_column("events", justify="right")
        table.add_column("share of events", justify="right")
        table.add_column("articles", justify="right")
        for o in profile.outlets:
            table.add_row(o.outlet or "unknown", str(o.events), _pct(o.share), str(o.articles))
        parts.append(table)
    if commentary:
        table = Table(
            title="What commentators say (statements with a stance on the target)", title_justify="left"
        )
        table.add_column("stance on")
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


def series_tables(series: InfluenceSeries) -> Group:
    """One table per domain: a row per period, a column per leading power (its share, and ``thin`` marks)."""
    parts: list[Table | Text] = [
        Text(f"Shares of the leading powers in {series.name} ({series.target}) per {series.by}", "bold")
    ]
    for domain in [*DOMAINS, *sorted({r["domain"] for r in series.rows} - set(DOMAINS))]:
        rows = [r for r in series.rows if r["domain"] == domain]
        if not rows:
            continue
        powers = sorted({(r["rank"], r["code"], r["name"]) for r in rows})
        table = Table(title=domain, title_justify="left")
        table.add_column(series.by)
        table.add_column("events", justify="right")
        for _, code, name in powers:
            table.add_column(_label(name, code), justify="right")
        for period in sorted({r["period"] for r in rows}):
            cells = {r["code"]: r for r in rows if r["period"] == period}
            first = next(iter(cells.values()))
            table.add_row(
                period,
                str(first["domain_events"]),
                *(
                    f"{_pct(cells[code]['share'])}{'*' if cells[code]['thin'] else ''}"
                    for _, code, _ in powers
                ),
            )
        parts.append(table)
    if len(parts) == 1:
        parts.append(Text(f"No dated complete events involve {series.target}.", "yellow"))
    else:
        parts.append(Text(f"* thin: fewer than {_thin_events()} events behind the share.", "dim"))
    return Group(*parts)


@click.command()
@click.argument("target")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the profile (or the series) as one JSON object.")
@click.option(
    "--start", type=click.DateTime(["%Y-%m-%d"]), default=None, help="First published date counted."
)
@click.option("--end", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Last published date counted.")
@click.option(
    "--by",
    type=click.Choice(["year", "month"]),
    default=None,
    help="Shares over time: each domain's leading powers per year or month.",
)
@click.option(
    "--domain", type=click.Choice(DOMAINS), default=None, help="With --by: only this domain's series."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=None,
    help="Powers shown per domain [10]; with --by, leading powers per domain [5].",
)
def influence(
    target: str,
    db: str | None,
    as_json: bool,
    start: datetime | None,
    end: datetime | None,
    by: str | None,
    domain: str | None,
    top: int | None,
) -> None:
    """Which powers engage TARGET (a code, a name or a demonym: KAZ, Kazakhstan, kazakh), per domain: each
    one's share of the engagement with a 95% interval, split into cooperation (quad 1-2) and pressure (quad
    3-4), with the events, articles and outlets behind it, from the complete events in the store (asserted, both
    actors resolved). An unknown TARGET is an error (RP-E404).

    \b
    Example:
        realpolitik influence KAZ --json
        realpolitik influence Kazakhstan --db news.duckdb --start 2020-01-01 --end 2022-12-31
        realpolitik influence kazakh --by year --domain economy

    --json prints every power of every domain, with the ids of the events behind each cell; with --by, one
    flat row per (period, domain, power), the same rows as the dashboard's CSV of that table.
    """
    from realpolitik.actors.names import bundled_names
    from realpolitik.store import Store
    from realpolitik.store.params import actor_code

    first, last = _day(start), _day(end)
    if first and last and first > last:
        raise ConfigError(f"--start {first} is after --end {last}")
    if domain and not by:
        raise ConfigError("--domain goes with --by (the profile always lists every domain)")
    settings = Settings.load(db=db)
    with Store(settings.db, read_only=True, settings=settings) as store:
        code = actor_code(target, store, bundled_names())
        if by:
            series = store.influence_series(code, by, first, last, top or 5, domain)
            if as_json:
                click.echo(json.dumps(series.to_json(), ensure_ascii=False))
            else:
                make_console().print(series_tables(series))
            return
        profile = store.influence(code, first, last)
        if as_json:
            click.echo(json.dumps(profile.to_json(), ensure_ascii=False))
            return
        commentary = store.commentary(code, first, last)
    make_console().print(influence_tables(profile, commentary, top or 10))
