"""The progress bar of long runs: rich, on stderr, with articles/s and ETA; silent when turned off or when
stderr is not a terminal (pipes, CI, ``--quiet``)."""

from __future__ import annotations

import sys
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Articles per second, over the whole run so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")


class RunProgress:
    """``with RunProgress(enabled, total) as bar: bar.advance(n)``; a no-op object when disabled."""

    def __init__(self, enabled: bool, total: int | None = None, *, stream: IO[str] | None = None) -> None:
        stream = stream if stream is not None else sys.stderr
        self.enabled = bool(enabled) and stream.isatty()
        self.total = total
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if self.enabled:
            self._progress = Progress(
                TextColumn("[bold]analyzing"),
                BarColumn(),
                MofNCompleteColumn(),
                RateColumn(),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=stream),
                transient=False,
            )

    def __enter__(self) -> RunProgress:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("articles", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, n: int = 1) -> None:
        if self._progress is not None and self._task is not None and n:
            self._progress.advance(self._task, n)
