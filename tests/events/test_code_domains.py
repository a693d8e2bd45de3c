"""Domains of events on whole readouts: talks named by a noun take what they were about from their verb's clause."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import coded

READOUT = (
    "Vladimir Putin had a telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev. "
    "The discussion focused on the COVID-19 pandemic and measures to stop the spread of the coronavirus infection."
)


@pytest.mark.model
def test_the_subject_of_talks_takes_its_domain_from_what_they_focused_on(nlp_engine: Any) -> None:
    title = "Telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev"
    events = coded(nlp_engine, READOUT, title=title, source="kremlin.ru")
    discussion = [e for e in events if e.rule and e.rule.startswith("consult: discussion")]
    assert {(e.source and e.source.code, e.target and e.target.code) for e in discussion} == {
        ("RUS", "KAZ"),
        ("KAZ", "RUS"),
    }
    assert {e.domain for e in discussion} == {"society"}
