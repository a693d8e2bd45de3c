"""Readable terminal reports (rich) for analyzed articles; the JSON contract lives in ``realpolitik.render``."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from realpolitik import render
from realpolitik.model import Analysis, Failure

MAX_ROWS = 40
PIPE_WIDTH = 140  # rich assumes 80 columns when output is not a terminal; reports are read in files too


def make_console() -> Console:
    """A console for reports: the terminal's width, or a comfortable fixed width when piped."""
    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=PIPE_WIDTH)
    return console


def echo_failure(failure: Failure) -> None:
    """One line on stderr with the stable error code: ``error[RP-E102] in/a.txt: file is empty``."""
    click.echo(f"error[{failure.code}] {failure.input_ref}: {failure.message}", err=True)


def echo_not_retried(refs: list[str]) -> None:
    """Say which failed inputs ``--retry-failed`` left alone: standard input and API records are gone."""
    if refs:
        click.echo(
            f"note: {len(refs)} failed input(s) came from standard input or the API and cannot be read again "
            "(`realpolitik failures` lists them)",
            err=True,
        )


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_analysis(console: Console, analysis: Analysis) -> None:
    article = analysis.article
    head = Text(article.title or _clip(article.text, 70), style="bold")
    meta = " · ".join(x for x in (article.published and article.published.isoformat(), article.source) if x)
    console.rule(head)
    if meta:
        console.print(meta, style="dim")

    actors = render.actors(analysis)
    if actors:
        console.print(
            "Actors: "
            + ", ".join(f"{a['name']} ({a['code']}, {a['kind']}) ×{a['mentions']}" for a in actors[:15])
        )

    events = sorted(analysis.events, key=lambda e: (e.modality != "asserted", e.start))
    table = Table(title=f"Events ({len(events)})", show_lines=False, expand=True)
    for col in ("source", "type", "target", "domain", "modality", "evidence"):
        table.add_column(col, overflow="fold")
    for e in events[:MAX_ROWS]:
        src = f"{e.source.code or '?'} {e.source.sector or ''}".strip() if e.source else "—"
        tgt = f"{e.target.code or '?'} {e.target.sector or ''}".strip() if e.target else "—"
        style = None if e.modality == "asserted" else "dim"
        table.add_row(
            src, e.type, tgt, e.domain, e.modality, _clip(article.text[e.start : e.end]), style=style
        )
    console.print(table)

    statements = analysis.statements
    st = Table(title=f"Statements ({len(statements)})", expand=True)
    for col in ("speaker", "form", "stance", "content"):
        st.add_column(col, overflow="fold")
    for s in statements[:MAX_ROWS]:
        who = s.speaker.name or s.speaker.type
        if s.speaker.code:
            who = f"{who} ({s.speaker.code})"
        stance = ", ".join(f"{x.code} {x.polarity:+.2f}" for x in s.stances[:4])
        st.add_row(who, s.form, stance, _clip(article.text[s.start : s.end]))
    console.print(st)
