"""Measures announced are measures taken: "announced new sanctions against Cuba" is the sanction, as "imposed" is;
an announcement of what may come is not."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The United States announced new sanctions against Cuba.", ("SANCTION", "USA", "CUB")),
        (
            "On Friday, the United States Department of Transportation announced new restrictions on flights to Cuba.",
            ("COERCE", "USA", "CUB"),
        ),
    ],
)
def test_measures_announced_are_taken(nlp_engine: Any, text: str, wanted: tuple[str, str, str]) -> None:
    assert wanted in asserted(nlp_engine, text)


def test_measures_still_considered_are_not(nlp_engine: Any) -> None:
    got = asserted(nlp_engine, "The EU announced it would consider new sanctions against Russia.")
    assert not {t for t in got if t[0] in ("SANCTION", "COERCE")}, got
