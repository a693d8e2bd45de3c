"""Helpers shared by the tests, in one place (no test module imports another): ``world`` (hand-built analyses
for the store, API and dashboard), ``parses`` (hand-built spaCy parses for the coder), ``corpora`` (syndicated
stories and a fake engine for the runners), ``browser`` (a server in a thread, Playwright helpers)."""

from helpers.browser import (
    CHROMIUM,
    charts_drawn,
    download,
    free_port,
    launched_chromium,
    legend_of,
    scrolls_sideways,
    serving,
    shot,
    tallest_table_row,
    walk_to_the_sentence,
)
from helpers.corpora import FakeEngine, corpus, fake_analysis, story, syndicated_corpus
from helpers.parses import coded, parse, triples
from helpers.world import (
    GOLDSTEIN,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    NAMES,
    QUAD,
    XSS_MARKERS,
    EventSpec,
    KeywordEngine,
    TestClient,
    build_world,
    hostile_analysis,
    make_analysis,
    trade_and_loans,
)

__all__ = [
    "CHROMIUM",
    "GOLDSTEIN",
    "HOSTILE_TEXT",
    "HOSTILE_TITLE",
    "NAMES",
    "QUAD",
    "XSS_MARKERS",
    "EventSpec",
    "FakeEngine",
    "KeywordEngine",
    "TestClient",
    "build_world",
    "charts_drawn",
    "coded",
    "corpus",
    "download",
    "fake_analysis",
    "free_port",
    "hostile_analysis",
    "launched_chromium",
    "legend_of",
    "make_analysis",
    "parse",
    "scrolls_sideways",
    "serving",
    "shot",
    "story",
    "syndicated_corpus",
    "tallest_table_row",
    "trade_and_loans",
    "triples",
    "walk_to_the_sentence",
]
