"""Visits paid or made, travel the sentence calls a visit, signed joint statements, and time phrases, through the
whole pipeline: "paid a state visit to Russia" and "arrived in China on a state visit" are visits of their subject
to that state; "During his visit, Putin paid tribute" and "After the meeting, he held a news conference" complete
no act with the visit or meeting they are timed by."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted
from realpolitik.model import Article

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Islam Karimov is paying a state visit to Russia.",
        "Vladimir Putin made a working visit to Uzbekistan.",
    ],
)
def test_a_visit_paid_or_made_is_a_visit(nlp_engine: Any, text: str) -> None:
    found = asserted(nlp_engine, text)
    assert any(t == "CONSULT" and {s, g} == {"RUS", "UZB"} for t, s, g in found), found


@pytest.mark.parametrize(
    "text",
    [
        "During his visit to Uzbekistan, Vladimir Putin paid tribute to the victims.",
        "After the meeting with Islam Karimov, Vladimir Putin held a news conference.",
    ],
)
def test_a_time_phrase_completes_no_act(nlp_engine: Any, text: str) -> None:
    assert not any(t == "CONSULT" for t, _, _ in asserted(nlp_engine, text))


def _kept(engine: Any, text: str) -> set[tuple[str, str | None, str | None]]:
    """The asserted events that enter the data set (complete and sure enough)."""
    (analysis,) = engine.analyze_batch([Article.from_text(text)])
    return {
        (e.type, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in analysis.events
        if e.modality == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The President of China has come to Russia on an official visit.", ("CHN", "RUS")),
        (
            "The President of Russia arrived in the People's Republic of China on a state visit at the invitation "
            "of President of Kazakhstan Kassym-Jomart Tokayev.",
            ("RUS", "CHN"),
        ),
    ],
)
def test_travel_the_sentence_calls_a_visit_is_a_visit_to_the_place(
    nlp_engine: Any, text: str, pair: tuple[str, str]
) -> None:
    # where the visitor went is whom he visited, not whoever invited him
    kept = _kept(nlp_engine, text)
    assert ("CONSULT", *pair) in kept, kept
    assert not any(t == "CONSULT" and g == "KAZ" for t, _, g in kept), kept


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops arrived in Syria on Monday.",
        "We went to China last year.",
        "The Russian President will arrive in China tomorrow.",
    ],
)
def test_travel_of_troops_groups_or_to_come_stays_unsure(nlp_engine: Any, text: str) -> None:
    # anyone's journey but an official's, done: coded, but not sure enough for the data set
    assert not any(t == "CONSULT" and s == "RUS" for t, s, _ in _kept(nlp_engine, text))


@pytest.mark.parametrize(
    "text",
    [
        "President Vladimir Putin came to India last year.",
        "The President of Russia arrived in Kazakhstan the day before.",
    ],
)
def test_an_official_who_went_to_another_state_visited_it(nlp_engine: Any, text: str) -> None:
    kept = _kept(nlp_engine, text)
    assert any(t == "CONSULT" and s == "RUS" and g in ("IND", "KAZ") for t, s, g in kept), kept


def test_leaders_signing_a_joint_statement_sign_an_agreement(nlp_engine: Any) -> None:
    # a joint statement is a document the two sides sign, as sure as a signed treaty
    kept = _kept(
        nlp_engine, "Vladimir Putin and Kassym-Jomart Tokayev signed a Joint Statement on the anniversary."
    )
    assert {("SUPPORT", "RUS", "KAZ"), ("SUPPORT", "KAZ", "RUS")} & kept, kept
