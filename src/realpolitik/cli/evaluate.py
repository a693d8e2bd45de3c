"""``realpolitik eval``: score the pipeline on the gold sets of the shared data folder."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from realpolitik.cli.report import make_console
from realpolitik.errors import EvalDataError
from realpolitik.evaluation.results import EvalResult
from realpolitik.plugins import plugin_registry
from realpolitik.settings import Settings


@click.command("eval")
@click.argument("sets", nargs=-1)
@click.option("--data", "data_dir", default=None, help="Folder of gold sets [default: ../shared/data].")
@click.option("--json", "as_json", is_flag=True, help="Print the results as one JSON object.")
@click.option("--list", "list_sets", is_flag=True, help="List the gold sets that can be scored.")
def evaluate(sets: tuple[str, ...], data_dir: str | None, as_json: bool, list_sets: bool) -> None:
    """Score realpolitik against gold sets (all of them if none is named).

    Sets (--list shows the installed ones): news-events (whole real articles, strict), wire-stories
    (other outlets' styles, strict), plover-gsr,
    petr2-gsr, conflibert, conflibert-train, petrarch2-unittest, plover-gsr-actors, statements, newsmtsc,
    transcript-turns.

    Example:
        realpolitik eval plover-gsr petr2-gsr
        realpolitik eval --json > eval.json
    """
    evaluators = plugin_registry().evaluators
    if list_sets:
        click.echo("\n".join(sorted(evaluators)))
        return
    unknown = [s for s in sets if s not in evaluators]
    if unknown:
        raise EvalDataError(
            f"unknown gold set(s) {', '.join(unknown)}; known: {', '.join(sorted(evaluators))}"
        )
    settings = Settings.load(data_dir=data_dir)
    root = Path(settings.data_dir)
    if not root.is_dir():
        raise EvalDataError(f"gold data folder not found: {root} (use --data)")

    @cache
    def engine() -> Any:
        from realpolitik.engine import Engine

        return Engine(settings)

    results: list[EvalResult] = []
    for name in sets or tuple(evaluators):
        results.append(evaluators[name].run(root, engine))
    if as_json:
        json.dump({r.name: r.to_json() for r in results}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    print_results(make_console(), results)


def print_results(console: Console, results: list[EvalResult]) -> None:
    summary = Table(title="realpolitik eval")
    summary.add_column("gold set")
    summary.add_column("n", justify="right")
    summary.add_column("metrics")
    for r in results:
        summary.add_row(r.name, str(r.size), "  ".join(f"{k}={v:.3f}" for k, v in r.metrics.items()))
    console.print(summary)
    for r in results:
        if not r.per_label:
            continue
        table = Table(title=f"{r.name}: per label")
        for col in ("label", "P", "R", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="left" if col == "label" else "right")
        for label, prf in sorted(r.per_label.items()):
            table.add_row(
                label,
                f"{prf.precision:.3f}",
                f"{prf.recall:.3f}",
                f"{prf.f1:.3f}",
                *map(str, (prf.tp, prf.fp, prf.fn)),
            )
        console.print(table)
        confusion = r.extra.get("confusion")
        if isinstance(confusion, dict) and confusion:
            labels = sorted({*confusion, *(p for row in confusion.values() for p in row)})
            cm = Table(title=f"{r.name}: confusion (rows gold, columns predicted)")
            cm.add_column("gold")
            for p in labels:
                cm.add_column(p[:6], justify="right")
            for g in labels:
                row = confusion.get(g, {})
                cm.add_row(g, *(str(row.get(p, "")) for p in labels))
            console.print(cm)
