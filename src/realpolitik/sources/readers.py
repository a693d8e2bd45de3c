"""Our source readers as plugins (registered through ``realpolitik.plugins.DEFAULT_PLUGINS``): plain text (the
fallback for any unclaimed suffix), HTML, JSON Lines, RSS/Atom files, and feed or page URLs over http(s). Each
adapts one reader module (``files``, ``html``, ``jsonl``, ``feeds``) to the ``SourceReader`` shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from realpolitik.model import Article, Failure
from realpolitik.sources.feeds import FEED_SUFFIXES, read_feed_file, read_feed_url
from realpolitik.sources.files import read_text_file
from realpolitik.sources.html import read_html_file
from realpolitik.sources.jsonl import read_jsonl_file
from realpolitik.sources.reader import SourceContext, SourceReader

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _read_text(ref: str, context: SourceContext) -> Iterator[Article | Failure]:
    yield read_text_file(Path(ref), context.settings)


def _read_html(ref: str, context: SourceContext) -> Iterator[Article | Failure]:
    yield read_html_file(Path(ref), context.settings)


def _read_jsonl(ref: str, context: SourceContext) -> Iterator[Article | Failure]:
    yield from read_jsonl_file(Path(ref), context.settings)


def _count_jsonl(ref: str) -> int | None:
    # One article per non-blank line; an unreadable file adds nothing (reading it reports the failure).
    try:
        with open(ref, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def _read_feed_file(ref: str, context: SourceContext) -> Iterator[Article | Failure]:
    yield from read_feed_file(Path(ref), context.fetcher(), context.settings, context.states)


def _read_url(ref: str, context: SourceContext) -> Iterator[Article | Failure]:
    yield from read_feed_url(ref, context.fetcher(), context.settings, context.states)


def _unknown_count(ref: str) -> int | None:
    # A feed's entries (and which are new) are only known once it is fetched.
    return None


TEXT = SourceReader(
    "text",
    _read_text,
    suffixes=TEXT_SUFFIXES,
    fallback=True,
    description="plain text (UTF-8/16, byte checks); also any file no reader claims",
)
HTML = SourceReader("html", _read_html, suffixes=HTML_SUFFIXES, description="an HTML page (trafilatura)")
JSONL = SourceReader(
    "jsonl",
    _read_jsonl,
    suffixes=JSONL_SUFFIXES,
    count=_count_jsonl,
    description="JSON Lines, one article record per line",
)
FEED_FILE = SourceReader(
    "feed-file",
    _read_feed_file,
    suffixes=FEED_SUFFIXES,
    count=_unknown_count,
    description="a saved RSS/Atom feed; each entry's linked page is fetched",
)
URL = SourceReader(
    "url",
    _read_url,
    schemes=("http", "https"),
    description="an RSS/Atom feed URL (conditional GET, remembered entries) or an article page",
)

PLUGINS: tuple[SourceReader, ...] = (TEXT, HTML, JSONL, FEED_FILE, URL)
