"""HTML pages (files or fetched URLs) to articles with trafilatura: main text, title, date, author,
canonical URL and site name. A page with no extractable article text is refused with RP-E113."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import EmptyInput, NoContent
from realpolitik.model import Article
from realpolitik.settings import Settings
from realpolitik.sources.files import check_article_size, decode_text, read_bytes

# trafilatura logs every page it cannot parse (at ERROR); the Failure record already says so.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def html_article(
    html: str, settings: Settings, *, ref: str, url: str | None = None, defaults: dict[str, Any] | None = None
) -> Article:
    """The article in an HTML page. ``defaults`` (title, published, source ... from a feed entry) fill the
    fields the page itself does not give."""
    import trafilatura  # imported here: it is slow to import and only HTML inputs need it

    if not html.strip():
        raise EmptyInput("the page is empty", ref=ref)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup; all mean "no content"
        raise NoContent(f"could not extract article text: {type(exc).__name__}", ref=ref) from exc
    meta: dict[str, Any] = {}
    if doc is not None:
        meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if not text:
        raise NoContent("no article text found in the page", ref=ref)
    check_article_size(text, settings, ref=ref)
    fields: dict[str, Any] = dict(defaults or {})
    title = meta.get("title")
    # trafilatura repeats a heading identical to the title as the first line of the body.
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :].lstrip("\n")
        if not text.strip():
            raise NoContent("the page holds a title but no article text", ref=ref)
    for key, value in (
        ("title", title),
        ("published", _date(meta.get("date"))),
        ("author", meta.get("author")),
        ("url", meta.get("url") or url),
        ("source", meta.get("sitename") or meta.get("hostname")),
    ):
        if value and not fields.get(key):
            fields[key] = value
    fields.setdefault("input_ref", ref)
    return Article.from_text(text, **fields)


def read_html_file(path: Path, settings: Settings, *, ref: str | None = None) -> Article:
    ref = ref or str(path)
    return html_article(decode_text(read_bytes(path, settings, ref=ref), ref=ref), settings, ref=ref)
