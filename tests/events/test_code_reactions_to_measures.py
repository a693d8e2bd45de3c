"""A reaction to a measure is aimed at whoever took it, never at the side it is taken against: "will not support
new sanctions on Syria" rejects nobody named (Syria is not the one rejected), "condemned the sanctions imposed by
the EU on Iran" accuses the EU (audit 14)."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "sanctioned"),
    [
        ("Russia will not support any new sanctions on Syria.", "SYR"),
        ("China opposed new sanctions on North Korea.", "PRK"),
        ("Russia supports sanctions against Iran.", "IRN"),
    ],
)
def test_the_side_a_measure_is_on_is_not_the_target_of_a_reaction(
    nlp_engine: Any, text: str, sanctioned: str
) -> None:
    got = asserted(nlp_engine, text)
    assert not {t for t in got if t[2] == sanctioned}, got


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Russia condemned the sanctions imposed by the EU on Iran.", ("ACCUSE", "RUS", "EU")),
        ("China condemned US sanctions against Russia.", ("ACCUSE", "CHN", "USA")),
    ],
)
def test_a_reaction_to_a_measure_is_aimed_at_its_author(
    nlp_engine: Any, text: str, wanted: tuple[str, str, str]
) -> None:
    assert wanted in asserted(nlp_engine, text)
