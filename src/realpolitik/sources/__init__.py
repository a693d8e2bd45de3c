"""Sources: turn input references (files, directories, globs, ``-`` for stdin, feed and page URLs) into a
stream of ``Article`` records, and every problem into a ``Failure`` with a stable ``errors.py`` code.

:func:`read_inputs` is the one entry point; it never raises for a bad input. Readers by kind: ``files``
(plain text and the byte checks), ``jsonl``, ``html``, ``feeds`` (RSS/Atom + linked pages, fetched by
``fetch``), ``memory`` (strings and dicts, for tests and the API).
"""

from __future__ import annotations

import glob
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from realpolitik.errors import InputError, OversizedInput, UnreadableInput
from realpolitik.model import Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources.feeds import (
    FeedStateStore,
    MemoryFeedState,
    is_feed_path,
    read_feed_file,
    read_feed_url,
)
from realpolitik.sources.fetch import Fetcher
from realpolitik.sources.files import read_text_file, text_article
from realpolitik.sources.html import html_article, read_html_file
from realpolitik.sources.jsonl import read_jsonl_file, read_jsonl_lines

__all__ = ["SUFFIXES", "count_inputs", "expand_ref", "read_inputs"]

STAGE = "ingest"
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = (".txt", ".text", ".md", *HTML_SUFFIXES, *JSONL_SUFFIXES, ".xml", ".rss", ".atom")
_GLOB = re.compile(r"[*?\[]")
# In a folder every visible file is an input (an unreadable one is reported, never silently dropped), except
# a store kept beside its inputs (``--db news/x.duckdb``) and the folder's Markdown notes (README.md,
# SOURCE.md). A file named explicitly is always read.
_FOLDER_SKIP = (".duckdb", ".duckdb.wal", ".duckdb.tmp", ".md")
_JSONL_LINE = re.compile(r"^(?P<path>.+\.(?:jsonl|ndjson)):(?P<line>\d+)$")


def _is_article_file(name: str) -> bool:
    return not name.lower().endswith(_FOLDER_SKIP)


def _fail(ref: str, exc: InputError) -> Failure:
    return Failure(exc.ref or ref, STAGE, exc.code, exc.message)


def expand_ref(ref: str) -> Iterator[Path | Failure]:
    """The files one reference names: a file, every visible file under a directory (sorted, recursive;
    see ``_FOLDER_SKIP``), or the matches of a glob. A reference that names nothing becomes a Failure (RP-E101)."""
    path = Path(ref)
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and _is_article_file(name):
                    yield Path(root) / name
        return
    if path.exists() or not _GLOB.search(ref):
        if path.exists():
            yield path
        else:
            yield _fail(ref, UnreadableInput("no such file or directory", ref=ref))
        return
    matches = sorted(glob.glob(ref, recursive=True))
    if not matches:
        yield _fail(ref, UnreadableInput("no file matches this pattern", ref=ref))
    for match in matches:
        yield from expand_ref(match) if Path(match).is_dir() else iter([Path(match)])


def read_path(
    path: Path, settings: Settings, *, fetcher: Callable[[], Fetcher], states: FeedStateStore
) -> Iterator[Article | Failure]:
    """Articles from one file, chosen by its suffix; an unknown suffix is read as plain text."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, settings)
    elif is_feed_path(path):
        yield from read_feed_file(path, fetcher(), settings, states)
    elif suffix in HTML_SUFFIXES:
        yield read_html_file(path, settings)
    else:
        yield read_text_file(path, settings)


def read_stdin(stream: IO[bytes], settings: Settings) -> Iterator[Article | Failure]:
    """Standard input, sniffed: JSON Lines if it opens with ``{``, HTML if with ``<``, else plain text."""
    head = stream.read(1)
    while head and head.isspace():
        head = stream.read(1)
    if head == b"{":
        lines = _prepend(head, stream)
        yield from read_jsonl_lines(lines, settings, name="-")
        return
    data = head + stream.read(settings.max_input_bytes)
    if stream.read(1):
        raise OversizedInput(f"more than max_input_bytes={settings.max_input_bytes} on stdin", ref="-")
    if head == b"<":
        from realpolitik.sources.files import decode_text

        yield html_article(decode_text(data, ref="-"), settings, ref="-")
    else:
        yield text_article(data, settings, ref="-")


def _prepend(first: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    line = first + stream.readline()
    yield line
    yield from stream


def read_inputs(
    refs: Iterable[str],
    settings: Settings | None = None,
    *,
    feed_states: FeedStateStore | None = None,
    fetcher: Fetcher | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Article | Failure]:
    """Every article the references name, in order, and a Failure for each input that could not be read.

    ``feed_states`` keeps feed polling state (pass the Store so a second poll fetches nothing new); one
    ``fetcher`` (HTTP client) is created on first need and closed at the end unless one is passed in.
    """
    settings = settings or Settings()
    states: FeedStateStore = feed_states if feed_states is not None else MemoryFeedState()
    with ExitStack() as stack:
        shared: list[Fetcher] = [fetcher] if fetcher is not None else []

        def get_fetcher() -> Fetcher:
            if not shared:
                shared.append(stack.enter_context(Fetcher(settings)))
            return shared[0]

        for ref in refs:
            yield from _guarded(ref, _read_ref(ref, settings, get_fetcher, states, stdin))


def _read_ref(
    ref: str,
    settings: Settings,
    get_fetcher: Callable[[], Fetcher],
    states: FeedStateStore,
    stdin: IO[bytes] | None,
) -> Iterator[Article | Failure]:
    if ref == "-":
        yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
        return
    if ref.startswith(("http://", "https://")):
        yield from read_feed_url(ref, get_fetcher(), settings, states)
        return
    line = _JSONL_LINE.match(ref)
    if line and not Path(ref).exists() and Path(line["path"]).is_file():
        # A failure's input_ref ("path:LINE"): re-read just that line (--retry-failed).
        yield from read_jsonl_file(Path(line["path"]), settings, only={int(line["line"])})
        return
    for item in expand_ref(ref):
        if isinstance(item, Failure):
            yield item
        else:
            yield from _guarded(str(item), read_path(item, settings, fetcher=get_fetcher, states=states))


def _guarded(ref: str, reader: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Drain one reader (a generator: nothing runs before iteration); an InputError (or any unexpected
    error) becomes a Failure instead of ending the stream."""
    try:
        yield from reader
    except InputError as exc:
        yield _fail(ref, exc)
    except Exception as exc:  # a reader bug must cost one input, not the whole run; the message says which
        yield Failure(ref, STAGE, UnreadableInput.code, f"{type(exc).__name__}: {exc}")


def count_inputs(refs: Iterable[str]) -> int | None:
    """A cheap estimate of how many articles the references hold (JSONL lines, other files one each), for
    progress bars; None when it cannot be known in advance (stdin, URLs)."""
    total = 0
    for ref in refs:
        if ref == "-" or ref.startswith(("http://", "https://")):
            return None
        for item in expand_ref(ref):
            if isinstance(item, Failure):
                continue
            if item.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with item.open("rb") as handle:
                        total += sum(1 for line in handle if line.strip())
                except OSError:
                    continue
            elif is_feed_path(item):
                return None
            else:
                total += 1
    return total
