"""RSS and Atom feeds (feedparser): each entry's linked page is fetched and extracted as an article.

A feed is polled with a conditional GET (ETag, Last-Modified), and the entries already ingested are remembered,
so a second poll of an unchanged feed fetches nothing new. That state lives in the store (``feed_state`` /
``set_feed_state``, see :class:`FeedStateStore`) or, without a store, in memory for the process. Entries whose
page failed are not remembered, so a later poll of a changed feed (or ``--retry-failed``) tries them again.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from realpolitik.errors import InputError, MalformedFeed, NoContent
from realpolitik.model import Article, Failure, stable_id
from realpolitik.settings import Settings
from realpolitik.sources.fetch import Fetcher, Response
from realpolitik.sources.files import decode_text, read_bytes
from realpolitik.sources.html import html_article

STAGE = "ingest"
FEED_SUFFIXES = (".xml", ".rss", ".atom")
_FEED_TYPES = ("rss", "atom", "xml", "rdf")


@dataclass
class FeedState:
    """What a poll remembers about one feed: validators for the conditional GET and the entries done."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: set[str] = field(default_factory=set)
    polled: datetime | None = None


class FeedStateStore(Protocol):
    """Where feed state persists (``realpolitik.store.Store`` implements it)."""

    def feed_state(self, url: str) -> dict[str, Any] | None: ...

    def set_feed_state(
        self, url: str, *, etag: str | None, last_modified: str | None, seen: list[str], polled: datetime
    ) -> None: ...


class MemoryFeedState:
    """Feed state kept in memory: for runs without a store, and for tests."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Any]] = {}

    def feed_state(self, url: str) -> dict[str, Any] | None:
        return self.rows.get(url)

    def set_feed_state(
        self, url: str, *, etag: str | None, last_modified: str | None, seen: list[str], polled: datetime
    ) -> None:
        self.rows[url] = {"etag": etag, "last_modified": last_modified, "seen": list(seen), "polled": polled}


def load_state(states: FeedStateStore, url: str) -> FeedState:
    row = states.feed_state(url) or {}
    return FeedState(
        url=url,
        etag=row.get("etag"),
        last_modified=row.get("last_modified"),
        seen=set(row.get("seen") or ()),
        polled=row.get("polled"),
    )


def save_state(states: FeedStateStore, state: FeedState) -> None:
    states.set_feed_state(
        state.url,
        etag=state.etag,
        last_modified=state.last_modified,
        seen=sorted(state.seen),
        polled=datetime.now(UTC).replace(microsecond=0, tzinfo=None),
    )


def is_feed_path(path: Path) -> bool:
    return path.suffix.lower() in FEED_SUFFIXES


def looks_like_feed(response: Response) -> bool:
    """A fetched body is treated as a feed unless the server says HTML and the body is not XML."""
    kind = response.content_type.split(";")[0].strip().lower()
    head = response.body[:512].lstrip().lower()
    if any(t in kind for t in _FEED_TYPES):
        return True
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        return True
    return not ("html" in kind or head.startswith((b"<!doctype html", b"<html")))


def parse_feed(body: bytes, *, ref: str) -> Any:
    """feedparser's result, or MalformedFeed when the body is not a usable feed."""
    import feedparser  # imported here: only feed inputs need it

    try:
        parsed = feedparser.parse(body)
    except Exception as exc:  # feedparser should not raise, but hostile input has made it do so
        raise MalformedFeed(f"could not parse the feed: {type(exc).__name__}", ref=ref) from exc
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom document found"
        raise MalformedFeed(f"malformed feed: {reason}", ref=ref)
    return parsed


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def _entry_key(entry: Any) -> str:
    """What identifies an entry across polls: its link, id or title, else a hash of what it carries."""
    return (
        entry.get("link")
        or entry.get("id")
        or entry.get("title")
        or stable_id("entry", _entry_inline_text(entry))
    )


def _entry_inline_text(entry: Any) -> str:
    """Text carried in the feed itself, for entries that link no page."""
    for content in entry.get("content") or ():
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def _failure(exc: InputError, ref: str) -> Failure:
    return Failure(exc.ref or ref, STAGE, exc.code, exc.message)


def entry_articles(
    parsed: Any, fetcher: Fetcher | None, settings: Settings, *, feed_ref: str, state: FeedState
) -> Iterator[Article | Failure]:
    """Articles for the entries not seen before; each entry's key is added to ``state.seen`` once it worked."""
    feed_title = parsed.feed.get("title") or urlsplit(feed_ref).netloc or None
    for entry in parsed.entries:
        key = _entry_key(entry)
        if key in state.seen:
            continue
        defaults = {
            "title": entry.get("title") or None,
            "published": _entry_date(entry),
            "source": feed_title,
            "author": entry.get("author") or None,
        }
        link = entry.get("link")
        try:
            if link and link.startswith(("http://", "https://")):
                if fetcher is None:
                    raise NoContent("entry links a page but no fetcher was given", ref=link)
                page = fetcher.get(link)
                defaults["url"] = link
                article = html_article(page.text(), settings, ref=link, url=page.url, defaults=defaults)
            else:
                inline = _entry_inline_text(entry)
                ref = f"{feed_ref}#{key}"
                article = html_article(f"<html><body><article>{inline}</article></body></html>", settings,
                                       ref=ref, url=link, defaults=defaults)  # fmt: skip
        except InputError as exc:
            yield _failure(exc, link or feed_ref)
            continue
        except Exception as exc:  # a reader bug must not end the poll: record it against the entry
            yield Failure(link or feed_ref, STAGE, NoContent.code, f"{type(exc).__name__}: {exc}")
            continue
        state.seen.add(key)
        yield article


def read_feed_url(
    url: str, fetcher: Fetcher, settings: Settings, states: FeedStateStore
) -> Iterator[Article | Failure]:
    """Poll one feed URL. A URL that turns out to serve an HTML page is read as one article (this is how
    ``--retry-failed`` re-reads a failed page)."""
    state = load_state(states, url)
    try:
        response = fetcher.get(url, etag=state.etag, last_modified=state.last_modified)
    except InputError as exc:
        yield _failure(exc, url)
        return
    if response.not_modified:
        save_state(states, state)
        return
    try:
        if not looks_like_feed(response):
            yield html_article(response.text(), settings, ref=url, url=response.url)
            return
        parsed = parse_feed(response.body, ref=url)
    except InputError as exc:
        yield _failure(exc, url)
        return
    yield from entry_articles(parsed, fetcher, settings, feed_ref=url, state=state)
    state.etag, state.last_modified = response.etag, response.last_modified
    save_state(states, state)


def read_feed_file(
    path: Path, fetcher: Fetcher | None, settings: Settings, states: FeedStateStore
) -> Iterator[Article | Failure]:
    ref = str(path)
    state = load_state(states, ref)
    try:
        body = read_bytes(path, settings, ref=ref)
        decode_text(body, ref=ref)  # empty, binary and undecodable files fail with their own codes
        parsed = parse_feed(body, ref=ref)
    except InputError as exc:
        yield _failure(exc, ref)
        return
    yield from entry_articles(parsed, fetcher, settings, feed_ref=ref, state=state)
    save_state(states, state)


def feed_states_for(store: Any) -> FeedStateStore:
    """Where feed state persists: the store (its ``feed_state`` table), or memory when there is no store."""
    if store is None:
        return MemoryFeedState()
    return store  # type: ignore[no-any-return]
