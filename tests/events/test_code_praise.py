"""Praise of the one addressed through the whole pipeline (events/praise.py): in a readout's direct speech, what the
addressee or their country achieved, said to them, is support from the other side; the same words about the
speaker's own country, about a third party, or with a role that is only described, are no act toward anyone."""

from __future__ import annotations

from typing import Any

import pytest
from test_code_thanks import readout_pairs

pytestmark = pytest.mark.model

_MESSAGE = "Congratulations to President of Kyrgyzstan Sooronbay Jeenbekov"
_TALKS = "Meeting with President of the People's Republic of China Xi Jinping"


@pytest.mark.parametrize(
    "body",
    [
        "“Under your leadership, the Kyrgyz Republic is steadily progressing on the path of development.”",
        "“Under your guidance Kyrgyzstan has achieved impressive successes in the economy.”",
    ],
)
def test_what_the_addressees_country_achieved_under_them_is_praise(nlp_engine: Any, body: str) -> None:
    text = f"Vladimir Putin sent a message to President of Kyrgyzstan Sooronbay Jeenbekov.\n\n{body}"
    assert ("SUPPORT", "RUS", "KGZ") in readout_pairs(nlp_engine, text, _MESSAGE)


def test_what_you_did_said_to_you_is_praise_from_the_other_side(nlp_engine: Any) -> None:
    text = (
        "President of China Xi Jinping: Mr Putin, last month you took part in the G20 Summit and made a huge "
        "contribution to the summit's success.\n\n"
        "Vladimir Putin: Thank you, Mr President."
    )
    assert ("SUPPORT", "CHN", "RUS") in readout_pairs(nlp_engine, text, _TALKS)


@pytest.mark.parametrize(
    "body",
    [
        # the speaker's own country, with nobody addressed
        "“Russia has achieved impressive successes in the economy.”",
        # the addressed leader leading the speaker's country is no sense; a country of neither side is no side
        "“Under your leadership, Uzbekistan has achieved impressive successes.”",
        # a role described, not praised
        "“You played a direct role in mapping out our plans.”",
        # what is hoped for is no achievement told
        "“Has Kyrgyzstan achieved success under your leadership?”",
    ],
)
def test_achievements_not_said_of_the_one_addressed_are_no_praise(nlp_engine: Any, body: str) -> None:
    text = f"Vladimir Putin sent a message to President of Kyrgyzstan Sooronbay Jeenbekov.\n\n{body}"
    found = readout_pairs(nlp_engine, text, _MESSAGE)
    assert ("SUPPORT", "RUS", "KGZ") not in found and ("SUPPORT", "KGZ", "RUS") not in found, found
