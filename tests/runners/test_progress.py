"""Progress off a terminal (issue 14): a piped ``ingest`` prints a plain progress line on stderr at regular
intervals, whether or not an article finished meanwhile, and one more at the end; ``--quiet`` prints nothing."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from pathlib import Path

from realpolitik.runners.progress import LINE_INTERVAL, RunProgress


class Pipe(io.StringIO):
    """A stream that is not a terminal and tells when a line was written."""

    def __init__(self) -> None:
        super().__init__()
        self.wrote = threading.Event()

    def write(self, text: str) -> int:
        self.wrote.set()
        return super().write(text)


def test_a_line_comes_on_time_even_while_no_article_finishes() -> None:
    pipe = Pipe()
    with RunProgress(True, 40, stream=pipe, interval=0.01) as bar:
        assert pipe.wrote.wait(5), "no progress line while the first batch was still running"
        bar.advance(10)
        pipe.wrote.clear()
        assert pipe.wrote.wait(5)
    lines = pipe.getvalue().splitlines()
    assert lines[0].startswith("analyzing: 0/40 articles (0%)")
    assert lines[-1].startswith("analyzing: 10/40 articles (25%)") and "articles/s" in lines[-1]
    assert all("elapsed" in line for line in lines)


def test_the_promise_is_a_line_at_least_every_ten_seconds() -> None:
    assert LINE_INTERVAL <= 10


def test_off_or_quiet_prints_nothing() -> None:
    pipe = Pipe()
    with RunProgress(False, 10, stream=pipe, interval=0.01) as bar:
        bar.advance(5)
    assert pipe.getvalue() == ""


def test_piped_ingest_prints_progress_lines_and_quiet_none(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "p1", "text": ""}\n', encoding="utf-8")  # fails at once: no model is loaded
    cli = [sys.executable, "-m", "realpolitik", "ingest", str(source), "--db", str(tmp_path / "p.duckdb")]
    loud = subprocess.run(cli, capture_output=True, text=True, timeout=600)
    assert "analyzing: " in loud.stderr and "articles/s" in loud.stderr
    quiet = subprocess.run([*cli, "--quiet"], capture_output=True, text=True, timeout=600)
    assert "analyzing: " not in quiet.stderr
