"""Political acts between two actors of one state in different sectors (docs/annotation.md: "the same state
with different sectors"), as news outside readouts report them: a candidate criticising the president, ..."""

from __future__ import annotations

from typing import Any

import pytest

from realpolitik.model import Event

pytestmark = pytest.mark.model


def _sides(event: Event) -> tuple[str | None, str | None, str | None, str | None]:
    src, tgt = event.source, event.target
    return (
        src.code if src else None,
        src.sector if src else None,
        tgt.code if tgt else None,
        tgt.sector if tgt else None,
    )


def test_a_former_official_out_of_office_is_no_government(nlp_engine: Any) -> None:
    # Biden held no office in October 2020: his criticism of the president is an elite's, not the government's
    # criticism of itself
    analysis = nlp_engine.analyze_text(
        "Former US Vice President Joe Biden criticized President Donald Trump on Friday.",
        published="2020-10-09",
    )
    hits = [e for e in analysis.events if e.type == "ACCUSE" and e.modality == "asserted"]
    assert [_sides(e) for e in hits] == [("USA", "ELI", "USA", "GOV")]


def test_an_official_in_office_stays_government(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "US Vice President Joe Biden criticized Russia on Friday.", published="2012-10-09"
    )
    hits = [e for e in analysis.events if e.type == "ACCUSE"]
    assert [_sides(e)[:2] for e in hits] == [("USA", "GOV")]


def test_the_office_with_no_holder_seen_is_its_holder_in_the_state_named(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Per request of United Kingdom Prime Minister Boris Johnson, the Queen suspended parliament for five weeks.",
        published="2019-08-29",
    )
    queen = next(m for m in analysis.mentions if m.text == "the Queen")
    assert (queen.code, queen.name) == ("GBR", "Elizabeth II")

