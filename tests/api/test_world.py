"""The hand-built world of tests/helpers.py: its builders cannot silently drift from the data model."""

from __future__ import annotations

from helpers import KeywordEngine, build_world, hostile_analysis
from realpolitik.model import Article


def test_keyword_engine_codes_lines_with_two_actors() -> None:
    article = Article.from_text("Russia sanctioned China.\nNothing here.\nKazakhstan met Russia.", id="k1")
    (analysis,) = KeywordEngine().analyze_batch([article])
    assert [(e.source.code, e.type, e.target.code) for e in analysis.events if e.source and e.target] == [
        ("RUS", "SANCTION", "CHN"),
        ("KAZ", "CONSULT", "RUS"),
    ]


def test_world_spans_point_at_their_words() -> None:
    for analysis in [*build_world(), hostile_analysis()]:
        text = analysis.article.text
        for event in analysis.events:
            assert event.source is not None and event.target is not None
            assert text[event.source.start : event.source.end] == event.source.text
            assert text[event.target.start : event.target.end] == event.target.text
            assert event.start <= event.source.start < event.end
        for statement in analysis.statements:
            assert 0 <= statement.start < statement.end <= len(text)


def test_world_has_both_sides_of_kazakhstan() -> None:
    events = [e for a in build_world() for e in a.events]
    partners = {e.source.code for e in events if e.target and e.target.code == "KAZ" and e.source}
    assert {"RUS", "CHN", "USA"} <= partners
    assert {e.quad_class for e in events} == {1, 2, 3, 4}
