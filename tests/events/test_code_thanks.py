"""Thanks through the whole pipeline: for organising or preparing a meeting they are support of its host
(docs/annotation.md: thanks for a specific act); for hospitality they stay a courtesy."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin thanked Nursultan Nazarbayev for the excellent organisation of the summit.",
        "Vladimir Putin thanked Nursultan Nazarbayev for organising the talks in Astana.",
        "Vladimir Putin expressed gratitude to Nursultan Nazarbayev for the preparation of the meeting.",
    ],
)
def test_thanks_for_organising_a_meeting_support_its_host(nlp_engine: Any, text: str) -> None:
    assert ("SUPPORT", "RUS", "KAZ") in asserted(nlp_engine, text)


def test_thanks_for_hospitality_stay_a_courtesy(nlp_engine: Any) -> None:
    text = "Vladimir Putin thanked Nursultan Nazarbayev for the warm hospitality."
    assert not any(t == "SUPPORT" for t, _, _ in asserted(nlp_engine, text))
