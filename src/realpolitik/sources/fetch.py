"""HTTP fetching for feeds and the pages they link: httpx with a timeout, a size cap, a per-host rate limit,
retries with exponential backoff for transient errors, and conditional GET (ETag / Last-Modified).

Errors after the last try are raised as RP-E111 (HTTP status), RP-E112 (timeout), RP-E114 (connection) or
RP-E105 (body larger than ``fetch_max_bytes``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from realpolitik.errors import FetchError, FetchTimeout, HTTPStatusError, InputError, OversizedInput
from realpolitik.settings import Settings
from realpolitik.version import __version__

USER_AGENT = f"realpolitik/{__version__} (+https://github.com/realpolitik)"
# Statuses worth another try: the server may answer later. Other 4xx are final.
_TRANSIENT = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for "not modified"
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class HostRateLimiter:
    """At most ``rate`` requests per second to any one host (thread-safe; sleeping happens outside the lock)."""

    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def wait(self, host: str) -> float:
        """Block until a request to ``host`` may go; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        delay = slot - now
        if delay > 0:
            time.sleep(delay)
        return max(delay, 0.0)


class Fetcher:
    """One httpx client for a whole ingest run (connection reuse), shared by the feed and page readers."""

    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self.limiter = HostRateLimiter(settings.host_rate_limit)
        self.client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )
        self.requests = 0  # counted for tests and stats: a second poll of an unchanged feed makes one request

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET with retries; raises an InputError after the last try."""
        tries = max(1, self.settings.fetch_retries)
        delay = self.settings.fetch_backoff
        for attempt in range(1, tries + 1):
            try:
                return self._get_once(url, etag=etag, last_modified=last_modified)
            except (FetchTimeout, FetchError) as exc:
                error: InputError = exc
            except HTTPStatusError as exc:
                if getattr(exc, "status", None) not in _TRANSIENT:
                    raise
                error = exc
            if attempt == tries:
                raise error
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # the loop returns or raises

    def _get_once(self, url: str, *, etag: str | None, last_modified: str | None) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self.limiter.wait(urlsplit(url).netloc.lower())
        self.requests += 1
        cap = self.settings.fetch_max_bytes
        try:
            with self.client.stream("GET", url, headers=headers) as reply:
                if reply.status_code == 304:
                    return Response(str(reply.url), 304, b"", "", etag, last_modified)
                if reply.status_code >= 400:
                    err = HTTPStatusError(f"HTTP {reply.status_code} {reply.reason_phrase}", ref=url)
                    err.status = reply.status_code  # type: ignore[attr-defined]
                    raise err
                declared = reply.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise OversizedInput(f"{declared} bytes is more than fetch_max_bytes={cap}", ref=url)
                chunks: list[bytes] = []
                size = 0
                for chunk in reply.iter_bytes():
                    size += len(chunk)
                    if size > cap:
                        raise OversizedInput(f"body is more than fetch_max_bytes={cap}", ref=url)
                    chunks.append(chunk)
                return Response(
                    url=str(reply.url),
                    status=reply.status_code,
                    body=b"".join(chunks),
                    content_type=reply.headers.get("content-type", ""),
                    etag=reply.headers.get("etag"),
                    last_modified=reply.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            raise FetchTimeout(
                f"no answer within fetch_timeout={self.settings.fetch_timeout}s", ref=url
            ) from exc
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}", ref=url) from exc
        except (httpx.TransportError, httpx.TooManyRedirects) as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}", ref=url) from exc
