"""Visits paid or made, and time phrases, through the whole pipeline: "paid a state visit to Russia" is a visit
of its subject to Russia; "During his visit, Putin paid tribute" and "After the meeting, he held a news
conference" complete no act with the visit or meeting they are timed by."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted

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
