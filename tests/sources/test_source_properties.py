"""Property tests: random bytes, random encodings of real text, and truncated files fed to every source reader
(plain text, HTML, JSONL, feed files, stdin) never raise, and every input that yields no article is recorded as a
Failure with a known error code."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.errors import all_error_classes
from realpolitik.model import Article, Failure
from realpolitik.settings import Settings
from realpolitik.sources import read_inputs

CODES = {cls.code for cls in all_error_classes()}
SETTINGS = Settings(max_input_bytes=4000, fetch_retries=1, fetch_timeout=0.2, host_rate_limit=1000.0)
SUFFIXES = (".txt", ".html", ".jsonl", ".xml", ".rss", ".atom", ".dat")
ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-32",
    "cp1252",
    "latin-1",
    "koi8-r",
    "shift_jis",
)
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    "<item><title>One</title><description>&lt;p&gt;Russia and China met in Moscow to talk about trade.&lt;/p&gt;"
    "</description></item><item><title>Two</title><link>http://127.0.0.1:9/p</link></item></channel></rss>"
)
SEEDS = {
    ".txt": "Kazakhstan signed a treaty with Russia.\n\nThe president said — “it is historic”.",
    ".html": "<html><head><title>T</title></head><body><article><p>Kazakhstan signed a treaty with Russia "
    "on Monday in Astana, the ministry said in a statement.</p></article></body></html>",
    ".jsonl": json.dumps({"id": "a", "text": "Kazakhstan signed a treaty.", "date": "2020-01-02"})
    + "\n"
    + json.dumps({"text": "Ölüm – «Großes» café"}, ensure_ascii=False)
    + "\n",
    ".xml": FEED,
}
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(items: list[Article | Failure]) -> None:
    assert items, "an input must give an article or a failure"
    for item in items:
        if isinstance(item, Failure):
            assert item.code in CODES and item.code.startswith("RP-E1"), item
            assert item.input_ref and item.message
        else:
            assert isinstance(item, Article)
            assert item.text.strip() and item.id
            assert len(item.text) <= SETTINGS.max_article_chars


def _read_file(data: bytes, suffix: str) -> list[Article | Failure]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_inputs([str(path)], SETTINGS))


@PROPS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(data: bytes, suffix: str) -> None:
    _check(_read_file(data, suffix))


@PROPS
@given(
    kind=st.sampled_from(sorted(SEEDS)),
    encoding=st.sampled_from(ENCODINGS),
    extra=st.text(max_size=200),
)
def test_random_encodings_never_raise(kind: str, encoding: str, extra: str) -> None:
    data = (SEEDS[kind] + extra).encode(encoding, errors="replace")
    items = _read_file(data, kind)
    _check(items)
    if kind == ".txt" and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32") and "\x00" not in extra:
        articles = [i for i in items if isinstance(i, Article)]
        if articles:  # control characters in ``extra`` may rightly make it binary
            assert articles[0].text.startswith("Kazakhstan signed")


@PROPS
@given(
    kind=st.sampled_from(sorted(SEEDS)),
    cut=st.floats(min_value=0.0, max_value=1.0),
    junk=st.binary(max_size=40),
)
def test_truncated_files_never_raise(kind: str, cut: float, junk: bytes) -> None:
    data = SEEDS[kind].encode("utf-8")
    _check(_read_file(data[: int(len(data) * cut)] + junk, kind))


@PROPS
@given(data=st.binary(max_size=3000))
def test_random_stdin_never_raises(data: bytes) -> None:
    _check(list(read_inputs(["-"], SETTINGS, stdin=io.BytesIO(data))))


@PROPS
@given(lines=st.lists(st.one_of(st.text(max_size=80), st.binary(max_size=80).map(repr)), max_size=8))
def test_jsonl_every_nonblank_line_is_an_article_or_a_failure(lines: list[str]) -> None:
    body = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    items = _read_file(body.encode("utf-8", errors="replace"), ".jsonl")
    _check(items)
    nonblank = [n for n, line in enumerate(body.split("\n"), 1) if line.strip()]
    line_refs = {i.input_ref.rsplit(":", 1)[-1] for i in items if i.input_ref and ":" in i.input_ref}
    if nonblank and not any(
        isinstance(i, Failure) and not i.input_ref.rsplit(":", 1)[-1].isdigit() for i in items
    ):
        assert line_refs == {str(n) for n in nonblank}
