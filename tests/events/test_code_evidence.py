"""Evidence spans: an event points at the clause it was coded from, not at the whole sentence."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import coded


@pytest.mark.model
def test_coordinated_clauses_get_their_own_evidence(nlp_engine: Any) -> None:
    text = "Russia sent troops to Kazakhstan on Monday, and China condemned the Japanese sanctions on Iran."
    by_type = {
        e.type: e for e in coded(nlp_engine, text) if e.modality == "asserted"
    }  # spans, any confidence
    mobilize, accuse = by_type["MOBILIZE"], by_type["ACCUSE"]
    assert text[mobilize.start : mobilize.end] == "Russia sent troops to Kazakhstan on Monday"
    assert text[accuse.start : accuse.end] == "China condemned the Japanese sanctions on Iran."
    for event in (mobilize, accuse):
        assert event.start <= (event.trigger_start or 0) < (event.trigger_end or 0) <= event.end


@pytest.mark.model
def test_reported_speech_keeps_the_speaker_in_the_evidence(nlp_engine: Any) -> None:
    text = "Kiev said Russia had sent troops to the border."
    (event,) = [e for e in nlp_engine.analyze_text(text).events if e.type == "MOBILIZE"]
    assert text[event.start : event.end] == text
