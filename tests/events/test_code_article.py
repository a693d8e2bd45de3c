"""The example article's acceptance checks for the coder (issue 2 and 4): the events a reader of it expects,
and none from its denial."""

from __future__ import annotations

from typing import Any

import pytest

from realpolitik.model import Analysis, Event

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def analysis(nlp_engine: Any, example_article: str) -> Analysis:
    return nlp_engine.analyze_text(example_article, published="2022-01-10")


def _dyad(event: Event, source: str, target: str) -> bool:
    return bool(event.source and event.target and event.source.code == source and event.target.code == target)


def _sentence_with(analysis: Analysis, words: str) -> int:
    text = analysis.article.text
    return next(s.index for s in analysis.sentences if words in text[s.start : s.end])


def test_security_cooperation_offer_is_an_asserted_agree(analysis: Analysis) -> None:
    index = _sentence_with(analysis, "deepen cooperation")
    hits = [
        e
        for e in analysis.events
        if e.sentence_index == index
        and e.type == "AGREE"
        and _dyad(e, "CHN", "KAZ")
        and e.domain == "security"
    ]
    assert hits and all(e.modality == "asserted" for e in hits)


def test_peacekeeping_contingent_is_russian_security_help(analysis: Analysis) -> None:
    index = _sentence_with(analysis, "peacekeeping contingent")
    hits = [
        e
        for e in analysis.events
        if e.sentence_index == index and e.type in ("AID", "MOBILIZE") and _dyad(e, "RUS", "KAZ")
    ]
    assert hits and hits[0].domain == "security" and hits[0].modality == "asserted"


def test_offer_of_all_kinds_of_assistance_is_agree(analysis: Analysis) -> None:
    index = _sentence_with(analysis, "all kinds of assistance")
    assert any(
        e.sentence_index == index
        and e.type == "AGREE"
        and _dyad(e, "CHN", "KAZ")
        and e.modality == "asserted"
        for e in analysis.events
    )


def test_some_china_kazakhstan_event_is_about_the_economy(analysis: Analysis) -> None:
    assert any(
        e.domain == "economy"
        and e.modality == "asserted"
        and (_dyad(e, "CHN", "KAZ") or _dyad(e, "KAZ", "CHN"))
        for e in analysis.events
    )


def test_the_denial_yields_no_asserted_event(analysis: Analysis) -> None:
    index = _sentence_with(analysis, "never interferes")
    assert not [e for e in analysis.events if e.sentence_index == index and e.modality == "asserted"]


def test_questions_and_conditionals_are_not_asserted(analysis: Analysis) -> None:
    text = analysis.article.text
    sentences = {s.index: text[s.start : s.end] for s in analysis.sentences}
    for event in analysis.events:
        sentence = sentences[event.sentence_index]
        if sentence.rstrip().endswith("?") or sentence.lstrip().startswith("If "):
            assert event.modality == "hypothetical", (sentence, event.rule)


def test_every_event_is_traceable(analysis: Analysis) -> None:
    assert analysis.events
    text = analysis.article.text
    for event in analysis.events:
        assert event.rule and event.cameo and event.quad_class in (1, 2, 3, 4)
        assert event.start <= (event.trigger_start or 0) < (event.trigger_end or 0) <= event.end
        assert text[event.trigger_start : event.trigger_end].strip()
        assert len({e.id for e in analysis.events}) == len(analysis.events)
