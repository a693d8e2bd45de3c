"""Who "I" and "we" are in a transcript, through the whole pipeline: the speaker of the turn, and nobody when the
turn's label names a person the knowledge base does not know."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from helpers import coded

pytestmark = pytest.mark.model

TRANSCRIPT = (
    "Vladimir Putin: Good afternoon, colleagues.\n\n"
    "Ivan Afanasyev: Thank you. We ask Russia to help Belarus with gas prices.\n\n"
    "Vladimir Putin: We will help Belarus.\n"
)


def test_we_of_a_speaker_we_do_not_know_is_not_the_previous_speaker(nlp_engine: Any) -> None:
    events = coded(
        nlp_engine, TRANSCRIPT, title="Annual news conference", url="http://en.kremlin.ru/events/1"
    )
    ask = TRANSCRIPT.index("We ask")
    in_turn = [e for e in events if ask <= e.start < TRANSCRIPT.rindex("Vladimir")]
    assert not any(e.source and e.source.code == "RUS" and e.source.text == "We" for e in in_turn), in_turn
    help_ = [e for e in events if e.start >= TRANSCRIPT.rindex("Vladimir") and e.source and e.target]
    assert any((e.source.code, e.target.code) == ("RUS", "BLR") for e in help_), events


MEETING = (
    "Vladimir Putin: Mr Prime Minister, I am glad to see you.\n\n"
    "Prime Minister of India Narendra Modi: You congratulated me even before the results were announced.\n"
)


def test_you_in_a_two_sided_meeting_is_the_other_side(nlp_engine: Any) -> None:
    events = coded(
        nlp_engine,
        MEETING,
        title="Meeting with Prime Minister of India Narendra Modi",
        url="http://en.kremlin.ru/events/1",
        published=date(2019, 9, 4),
    )
    turn = MEETING.index("You congratulated")
    said = [
        (e.type, e.source.code, e.target.code)
        for e in events
        if (e.trigger_start or 0) >= turn and e.source and e.target
    ]
    assert ("SUPPORT", "RUS", "IND") in said, events


def test_you_in_a_news_conference_is_no_side(nlp_engine: Any) -> None:
    text = "Question: Mr Putin, will you visit India?\n\nVladimir Putin: You asked about India. I will go there.\n"
    events = coded(
        nlp_engine,
        text,
        title="News conference following talks with Prime Minister of India Narendra Modi",
        url="http://en.kremlin.ru/events/1",
        published=date(2019, 9, 4),
    )
    asked = text.index("You asked")
    assert not any(
        e.type == "REQUEST" and e.source and e.source.code and (e.trigger_start or 0) >= asked for e in events
    ), events
