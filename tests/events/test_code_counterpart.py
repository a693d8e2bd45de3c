"""The other side of a readout stands in for an act's missing partner, but not for others the sentence names."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from helpers import coded

TRANSCRIPT = (
    "Vladimir Putin met with President of Kazakhstan Nursultan Nazarbayev.\n\n"
    "President of Kazakhstan Nursultan Nazarbayev: Mr Putin, the Union is talking to many countries. "
    "We have signed agreements with four of them."
)


@pytest.mark.model
def test_agreements_with_others_are_not_with_the_readouts_other_side(nlp_engine: Any) -> None:
    title = "Meeting with President of Kazakhstan Nursultan Nazarbayev"
    events = coded(nlp_engine, TRANSCRIPT, title=title, source="kremlin.ru")
    signed = [e for e in events if e.rule and e.rule.startswith("support: sign")]
    assert signed, [e.rule for e in events]
    assert all(e.target is None or e.target.code != "RUS" for e in signed)


FORUM_SPEECH = (
    "Vladimir Putin took part in the 14th Russia-Kazakhstan Interregional Cooperation Forum.\n\n"
    "President of Russia Vladimir Putin: Mr Nazarbayev, colleagues, welcome to the forum. "
    "We discussed the key aspects of bilateral cooperation. "
    "We will continue to promote the convergence of our economies. "
    "Mr Nazarbayev talked about recent progress in Kazakhstan. "
    "A series of documents was signed on the sidelines of the forum."
)


@pytest.mark.model
def test_a_forum_of_two_states_gives_the_other_side_only_to_what_we_did(nlp_engine: Any) -> None:
    from realpolitik.events import complete_events

    title = "Russia-Kazakhstan Interregional Cooperation Forum"
    events = complete_events(
        coded(nlp_engine, FORUM_SPEECH, title=title, source="kremlin.ru", url="http://en.kremlin.ru/events/1")
    )
    found = {(e.type, e.source.code, e.target.code, e.trigger_start) for e in events if e.target}
    discussed = FORUM_SPEECH.index("discussed")
    assert ("CONSULT", "RUS", "KAZ", discussed) in found, found
    # a commitment, a guest's speech and the forum's own signings are not acts between the two states
    later = FORUM_SPEECH.index("We will continue")
    assert not [f for f in found if f[3] >= later], found


@pytest.mark.model
def test_a_forum_without_two_states_in_its_title_has_no_sides(nlp_engine: Any) -> None:
    from realpolitik.events import complete_events

    text = FORUM_SPEECH.replace("14th Russia-Kazakhstan Interregional Cooperation", "St Petersburg Economic")
    title = "St Petersburg International Economic Forum"
    events = complete_events(coded(nlp_engine, text, title=title, source="kremlin.ru"))
    discussed = text.index("discussed")
    assert not [e for e in events if e.trigger_start == discussed and e.target is not None]


@pytest.mark.model
def test_agreeing_to_instruct_ones_own_governments_is_the_agreement(nlp_engine: Any) -> None:
    from realpolitik.events import complete_events

    text = (
        "Vladimir Putin and Leonid Kuchma agreed to instruct their governments to examine the gas pipeline."
    )
    events = complete_events(coded(nlp_engine, text, published=date(2003, 5, 1)))
    found = {(e.type, e.source.code, e.target.code) for e in events}
    assert found and found <= {("AGREE", "RUS", "UKR"), ("AGREE", "UKR", "RUS")}, found
    # instructing another state is still the request agreed on
    urged = "Russia and Ukraine agreed to urge Georgia to withdraw its troops."
    found = {(e.type, e.target.code) for e in complete_events(coded(nlp_engine, urged))}
    assert ("REQUEST", "GEO") in found, found


@pytest.mark.model
def test_a_partner_named_inside_the_object_is_the_target_not_the_other_side(nlp_engine: Any) -> None:
    from realpolitik.events import complete_events

    title = "Meeting with President of China Hu Jintao"
    text = (
        "Vladimir Putin met with President of China Hu Jintao. "
        "The Chinese leader also confirmed his country's commitment to such dialogue with the United States."
    )
    events = complete_events(
        coded(nlp_engine, text, title=title, source="kremlin.ru", url="http://en.kremlin.ru/events/1")
    )
    confirmed = [e for e in events if e.trigger_start == text.index("confirmed")]
    assert [(e.source.code, e.target.code) for e in confirmed] == [("CHN", "USA")], confirmed
