"""Taking part in an organisation's meeting, through the whole pipeline: each named participant consults with the
organisation; chairing a meeting or speaking at it is taking part when the sentence names the organisation
outright ("the CIS Council of Heads of State"), not by a name any state's body has ("the Security Council") nor
as a meeting elsewhere ("we spoke at the St Petersburg forum")."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted

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
