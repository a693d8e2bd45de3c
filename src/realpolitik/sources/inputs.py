"""Reading input references (files, directories, globs, ``-`` for stdin, feed and page URLs) into a stream of
``Article`` records, and every problem into a ``Failure`` with a stable ``errors.py`` code.

:func:`read_inputs` is the one entry point; it never raises for a bad input. Readers by kind: ``files``
(plain text and the byte checks), ``jsonl``, ``html``, ``feeds`` (RSS/Atom + linked pages, fetched by
``fetch``), ``memory`` (strings and dicts, for tests and the API). Files and URLs are dispatched to the
``SourceReader`` plugins of :mod:`realpolitik.plugins` (ours are in ``readers``) by suffix and scheme, so a
third party's reader is chosen the same way; standard input is sniffed here.
"""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO

from realpolitik.errors import InputError, OversizedInput, SpecialFile, UnreadableInput
from realpolitik.model import Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources.feeds import FeedStateStore, MemoryFeedState
from realpolitik.sources.fetch import Fetcher
from realpolitik.sources.files import text_article
from realpolitik.sources.html import html_article
from realpolitik.sources.jsonl import read_jsonl_file, read_jsonl_lines
from realpolitik.sources.reader import ReaderTable, SourceContext, SourceReader
from realpolitik.sources.readers import HTML_SUFFIXES, JSONL_SUFFIXES, PLUGINS

__all__ = ["SUFFIXES", "count_inputs", "expand_ref", "read_inputs", "rereadable"]

STAGE = "ingest"
# The suffixes our default readers claim (a third party's readers add theirs to the registry, not here).
SUFFIXES = (".txt", ".text", ".md", *HTML_SUFFIXES, *JSONL_SUFFIXES, ".xml", ".rss", ".atom")
_GLOB = re.compile(r"[*?\[]")
# In a folder every visible file is an input (an unreadable one is reported, never silently dropped), except
# a store kept beside its inputs (``--db news/x.duckdb``) and the folder's Markdown notes (README.md,
# SOURCE.md). A file named explicitly is always read.
_FOLDER_SKIP = (".duckdb", ".duckdb.wal", ".duckdb.tmp", ".md")
_JSONL_LINE = re.compile(r"^(?P<path>.+\.(?:jsonl|ndjson)):(?P<line>\d+)$")


def rereadable(ref: str) -> bool:
    """Whether a failure's input reference can be read again (``--retry-failed``): not standard input (``-``,
    ``-:LINE``), which is gone, nor a record sent to the server's API (``api:...``), which only its client has."""
    return ref != "-" and not ref.startswith(("-:", "api:"))


def _is_article_file(name: str) -> bool:
    return not name.lower().endswith(_FOLDER_SKIP)


def _fail(ref: str, exc: InputError) -> Failure:
    return Failure(exc.ref or ref, STAGE, exc.code, exc.message)


def expand_ref(ref: str, seen: set[str] | None = None) -> Iterator[Path | Failure]:
    """The files one reference names: a file, every visible file under a directory (sorted, recursive;
    see ``_FOLDER_SKIP``), or the matches of a glob. A reference that names nothing becomes a Failure (RP-E101).

    ``seen`` (real paths of files and folders) makes a run read each file once, however many references name it
    (``dir/**`` names every file twice). In folders and globs a FIFO, socket or device is a Failure (RP-E109), never opened: a
    FIFO without a writer would block the run. A folder that cannot be listed is a Failure (RP-E101); a linked
    folder is followed once (a link back to a folder already walked adds nothing).
    """
    seen = seen if seen is not None else set()
    path = Path(ref)
    if path.is_dir():
        yield from _walk(path, seen)
        return
    if path.exists() or not _GLOB.search(ref):
        if path.exists():
            if _first_time(path, seen):
                yield path
        else:
            yield _fail(ref, UnreadableInput("no such file or directory", ref=ref))
        return
    matches = sorted(glob.glob(ref, recursive=True))
    if not matches:
        yield _fail(ref, UnreadableInput("no file matches this pattern", ref=ref))
    for match in matches:
        if os.path.realpath(Path(match).parent) in seen:
            continue  # under a folder already walked (``**`` names it and everything in it, links followed)
        if Path(match).is_dir():
            yield from _walk(Path(match), seen)
        else:
            yield from _found(Path(match), seen)


def _first_time(path: Path, seen: set[str]) -> bool:
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _found(path: Path, seen: set[str]) -> Iterator[Path | Failure]:
    """A file met in a folder or a glob: itself if it is a regular file (or a broken link, which reading
    reports), a Failure if it is a FIFO, socket or device; nothing if this run has read it already."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        yield _fail(str(path), SpecialFile(f"{kind}, not a regular file: skipped", ref=str(path)))
        return
    if _first_time(path, seen):
        yield path


def _walk(root: Path, seen: set[str]) -> Iterator[Path | Failure]:
    """Every visible file under ``root``, a folder's own files before its subfolders, each sorted by name.
    Folders walked go into ``seen`` too: one reached again (a link, a cycle, another reference) adds nothing."""
    stack = [root]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield _fail(
                str(folder),
                UnreadableInput(f"cannot list the folder: {exc.strerror or exc}", ref=str(folder)),
            )
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows a link to a folder
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(Path(entry.path))
            elif _is_article_file(entry.name):
                yield from _found(Path(entry.path), seen)
        stack.extend(reversed(subfolders))


def read_path(path: Path, context: SourceContext, readers: ReaderTable) -> Iterator[Article | Failure]:
    """Articles from one file, by the reader plugin that claims its suffix (else the fallback, plain text)."""
    yield from _read_with(readers.for_path(path), str(path), context)


def _read_with(reader: SourceReader, ref: str, context: SourceContext) -> Iterator[Article | Failure]:
    # A generator, so a reader that raises when called (not only while iterated) is still caught by _guarded.
    yield from reader.read(ref, context)


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
    readers: Sequence[SourceReader] | None = None,
) -> Iterator[Article | Failure]:
    """Every article the references name, in order, and a Failure for each input that could not be read.

    ``feed_states`` keeps feed polling state (pass the Store so a second poll fetches nothing new); one
    ``fetcher`` (HTTP client) is created on first need and closed at the end unless one is passed in.
    ``readers`` are the reader plugins in registration order (``realpolitik.plugins.plugin_registry().readers``
    adds installed ones to ours); None means ours (``sources.readers.PLUGINS``).
    """
    settings = settings or Settings()
    registry = ReaderTable(readers if readers is not None else PLUGINS)
    states: FeedStateStore = feed_states if feed_states is not None else MemoryFeedState()
    with ExitStack() as stack:
        shared: list[Fetcher] = [fetcher] if fetcher is not None else []

        def get_fetcher() -> Fetcher:
            if not shared:
                shared.append(stack.enter_context(Fetcher(settings)))
            return shared[0]

        context = SourceContext(settings, get_fetcher, states)
        seen: set[str] = set()  # real paths of the files read: each once per run
        for ref in refs:
            yield from _guarded(ref, _read_ref(ref, context, registry, stdin, seen))


def _read_ref(
    ref: str, context: SourceContext, readers: ReaderTable, stdin: IO[bytes] | None, seen: set[str]
) -> Iterator[Article | Failure]:
    settings = context.settings
    if ref == "-":
        yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
        return
    url_reader = readers.for_ref(ref)
    if url_reader is not None:
        yield from url_reader.read(ref, context)
        return
    line = _JSONL_LINE.match(ref)
    if line and not Path(ref).exists() and Path(line["path"]).is_file():
        # A failure's input_ref ("path:LINE"): re-read just that line (--retry-failed).
        yield from read_jsonl_file(Path(line["path"]), settings, only={int(line["line"])})
        return
    for item in expand_ref(ref, seen):
        if isinstance(item, Failure):
            yield item
        else:
            yield from _guarded(str(item), read_path(item, context, readers))


def _guarded(ref: str, reader: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Drain one reader (a generator: nothing runs before iteration); an InputError (or any unexpected
    error) becomes a Failure instead of ending the stream."""
    try:
        yield from reader
    except InputError as exc:
        yield _fail(ref, exc)
    except Exception as exc:  # a reader bug must cost one input, not the whole run; the message says which
        yield Failure(ref, STAGE, UnreadableInput.code, f"{type(exc).__name__}: {exc}")


def count_inputs(refs: Iterable[str], readers: Sequence[SourceReader] | None = None) -> int | None:
    """A cheap estimate of how many articles the references hold (each reader's ``count``: JSONL lines, other
    files one each), for progress bars; None when it cannot be known in advance (stdin, URLs, feeds)."""
    registry = ReaderTable(readers if readers is not None else PLUGINS)
    total = 0
    seen: set[str] = set()
    for ref in refs:
        if ref == "-" or registry.for_ref(ref) is not None:
            return None
        for item in expand_ref(ref, seen):
            if isinstance(item, Failure):
                continue
            try:
                reader = registry.for_path(item)
            except InputError:
                total += 1  # read_inputs reports it as one failed input
                continue
            count = reader.count(str(item)) if reader.count is not None else 1
            if count is None:
                return None
            total += count
    return total
