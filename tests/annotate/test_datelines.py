"""A wire story's dateline is no part of its first sentence: no actor acts in it and no one says it."""

from __future__ import annotations

from typing import Any

import pytest

from realpolitik.annotate.datelines import after_dateline


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("ASTANA, Sept 12 (Reuters) - China will invest", "ASTANA, Sept 12 (Reuters) - "),
        ("KYIV, Ukraine (AP) — Russian forces launched", "KYIV, Ukraine (AP) — "),
        ("WASHINGTON (AP) — The Senate voted", "WASHINGTON (AP) — "),
        ("MOSCOW, Dec. 1 (Xinhua) -- Russia said", "MOSCOW, Dec. 1 (Xinhua) -- "),
        ("DUSHANBE -- Tajik border guards and Afghan Taliban fighters", "DUSHANBE -- "),
        ("BAKU -- Azerbaijan said", "BAKU -- "),
        # capitals and a dash alone are no dateline
        ("NATO - the alliance said", ""),
        ("UN SECURITY COUNCIL - a meeting", ""),
        ("The US — and Russia", ""),
    ],
)
def test_a_dateline_is_found_at_the_start_of_a_paragraph(text: str, dateline: str) -> None:
    assert text[: after_dateline(text, 0)] == dateline


def test_a_dateline_only_opens_a_paragraph() -> None:
    text = "He said: ASTANA, Sept 12 (Reuters) - was the line."
    assert after_dateline(text, text.index("ASTANA")) == text.index("ASTANA")
    text = "Title\nASTANA, Sept 12 (Reuters) - China will invest."
    assert text[after_dateline(text, 6) :] == "China will invest."


@pytest.mark.model
def test_the_first_sentence_starts_after_the_dateline(nlp_engine: Any) -> None:
    text = "KYIV, Ukraine (AP) — Russian forces launched a missile attack on Ukraine's energy grid."
    analysis = nlp_engine.analyze_text(text)
    attacks = [e for e in analysis.events if e.type == "ASSAULT"]
    assert attacks and all(text[e.start : e.end].startswith("Russian forces") for e in attacks)
    assert all(e.target is None or e.target.text != "KYIV" for e in attacks)
