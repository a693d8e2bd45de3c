"""Taking part in an organisation's meeting, through the whole pipeline: each named participant consults with the
organisation; chairing a meeting or speaking at it is taking part when the sentence names the organisation
outright ("the CIS Council of Heads of State"), not by a name any state's body has ("the Security Council") nor
as a meeting elsewhere ("we spoke at the St Petersburg forum"); a participant of one side at the two states' own
forum ("the Russia-Kazakhstan Interregional Cooperation Forum") meets the other side, once."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted, coded

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "President of Russia chaired a meeting of the CIS Council of Heads of State in Sochi.",
        "Vladimir Putin spoke at the plenary session of the CIS summit in Dushanbe.",
        "Vladimir Putin took part in the meeting of the CIS Council of Heads of State.",
    ],
)
def test_chairing_or_speaking_at_an_organisations_meeting_is_taking_part(nlp_engine: Any, text: str) -> None:
    assert ("CONSULT", "RUS", "CIS") in asserted(nlp_engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin chaired an extended meeting of the Security Council at the Kremlin.",
        "Vladimir Putin spoke about the results of the CIS summit.",
    ],
)
def test_a_council_any_state_has_or_speaking_about_a_meeting_is_no_meeting_with_an_organisation(
    nlp_engine: Any, text: str
) -> None:
    found = asserted(nlp_engine, text)
    assert not any(t == "CONSULT" and g in ("UN", "CIS") for t, _, g in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin took part in the 14th Russia-Kazakhstan Interregional Cooperation Forum.",
        "Vladimir Putin and Nursultan Nazarbayev attended the Russia-Kazakhstan Interregional Cooperation Forum.",
    ],
)
def test_a_side_at_the_two_states_own_forum_meets_the_other_side_once(nlp_engine: Any, text: str) -> None:
    meetings = [e for e in coded(nlp_engine, text) if e.type == "CONSULT" and e.modality == "asserted"]
    assert [{e.source.code, e.target.code} for e in meetings if e.source and e.target] == [{"RUS", "KAZ"}]


def test_a_forum_of_two_other_states_is_no_meeting_of_the_participant(nlp_engine: Any) -> None:
    found = asserted(nlp_engine, "Vladimir Putin attended the opening of the China-India Business Forum.")
    assert not any(t == "CONSULT" and "RUS" in (s, g) for t, s, g in found), found


def test_a_meeting_with_named_leaders_on_an_organisations_sidelines_is_with_them(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin took part in a meeting in the Russia-India-China format with Prime Minister of India "
        "Narendra Modi and President of China Xi Jinping on the sidelines of the G20 summit in Osaka."
    )
    found = asserted(nlp_engine, text)
    assert {("CONSULT", "RUS", "IND"), ("CONSULT", "RUS", "CHN")} <= found
    assert ("CONSULT", "RUS", "G20") not in found  # the summit is where they met
    assert ("CONSULT", "RUS", "JPN") not in found  # and Osaka, where the summit was
