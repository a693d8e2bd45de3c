"""The progress of long runs, on stderr: a rich bar with articles/s and ETA on a terminal; when stderr is not a
terminal (pipes, CI, log files), a plain line every ``LINE_INTERVAL`` seconds, whether or not an article finished
meanwhile, so a piped ``ingest`` never goes quiet for minutes (the first batch waits for spaCy to load). Silent
when turned off (``--quiet``)."""

from __future__ import annotations

import sys
import threading
import time
from datetime import timedelta
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

LINE_INTERVAL = 5.0  # seconds between plain progress lines (the promise is one at least every 10 s)


class RateColumn(ProgressColumn):
    """Articles per second, over the whole run so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "… articles/s", style="progress.data.speed")


def _clock(seconds: float) -> str:
    return str(timedelta(seconds=int(seconds)))


class PlainProgress:
    """A line on ``stream`` every ``interval`` seconds from a thread of its own, and one at the end:
    ``analyzing: 120/1173 articles (10%), 2.9 articles/s, elapsed 0:00:41, ETA 0:06:03``."""

    def __init__(self, stream: IO[str], total: int | None, interval: float = LINE_INTERVAL) -> None:
        self.stream = stream
        self.total = total
        self.interval = interval
        self.done = 0
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._beat, name="realpolitik-progress", daemon=True)

    def start(self) -> None:
        self._started = time.monotonic()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.write()

    def advance(self, n: int) -> None:
        with self._lock:
            self.done += n

    def line(self) -> str:
        with self._lock:
            done = self.done
        elapsed = time.monotonic() - self._started
        rate = done / elapsed if elapsed > 0 else 0.0
        parts = [f"analyzing: {done}/{self.total} articles" if self.total else f"analyzing: {done} articles"]
        if self.total:
            parts[0] += f" ({100 * done / self.total:.0f}%)"
        parts.append(f"{rate:,.1f} articles/s")
        parts.append(f"elapsed {_clock(elapsed)}")
        if self.total and rate > 0 and done < self.total:
            parts.append(f"ETA {_clock((self.total - done) / rate)}")
        return ", ".join(parts)

    def write(self) -> None:
        try:
            self.stream.write(self.line() + "\n")
            self.stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe must not stop the run

    def _beat(self) -> None:
        while not self._stop.wait(self.interval):
            self.write()


class RunProgress:
    """``with RunProgress(enabled, total) as bar: bar.advance(n)``; a no-op object when disabled."""

    def __init__(
        self,
        enabled: bool,
        total: int | None = None,
        *,
        stream: IO[str] | None = None,
        interval: float = LINE_INTERVAL,
    ) -> None:
        stream = stream if stream is not None else sys.stderr
        self.enabled = bool(enabled)
        self.total = total
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._plain: PlainProgress | None = None
        if self.enabled and not stream.isatty():
            self._plain = PlainProgress(stream, total, interval)
        elif self.enabled:
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
        if self._plain is not None:
            self._plain.start()
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("articles", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._plain is not None:
            self._plain.stop()
        if self._progress is not None:
            self._progress.stop()

    def advance(self, n: int = 1) -> None:
        if self._plain is not None and n:
            self._plain.advance(n)
        if self._progress is not None and self._task is not None and n:
            self._progress.advance(self._task, n)
