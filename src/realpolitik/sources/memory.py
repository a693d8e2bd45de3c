"""In-memory sources: articles from Python strings or dicts, for tests, notebooks and the API."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from realpolitik.errors import InputError
from realpolitik.model import Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources.jsonl import STAGE, record_article


def read_texts(texts: Iterable[str], *, prefix: str = "memory") -> Iterator[Article]:
    """One article per string, ids from the normalised text, ``input_ref`` ``memory:N``."""
    for number, text in enumerate(texts, 1):
        yield Article.from_text(text, input_ref=f"{prefix}:{number}")


def read_records(
    records: Iterable[Mapping[str, Any]], settings: Settings | None = None, *, prefix: str = "memory"
) -> Iterator[Article | Failure]:
    """Articles from dicts shaped like JSONL lines; a bad record becomes a Failure, as in a file."""
    settings = settings or Settings()
    for number, record in enumerate(records, 1):
        ref = f"{prefix}:{number}"
        try:
            yield record_article(dict(record), settings, ref=ref)
        except InputError as exc:
            yield Failure(ref, STAGE, exc.code, exc.message)
