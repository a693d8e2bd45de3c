"""The other side of a readout stands in for an act's missing partner, but not for others the sentence names."""

from __future__ import annotations

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
