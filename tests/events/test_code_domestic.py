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


@pytest.mark.parametrize(
    "text",
    [
        "Biden attacked Trump for the tweet, claiming he used it to distract from the funeral.",
        "Trump attacked Biden for accumulating wealth since leaving public office.",
    ],
)
def test_attacked_for_a_reason_is_criticism(nlp_engine: Any, text: str) -> None:
    analysis = nlp_engine.analyze_text(
        "Former US Vice President Joe Biden and President Donald Trump met voters. " + text,
        published="2020-09-10",
    )
    kinds = {e.type for e in analysis.events if e.sentence_index == 1}
    assert "ACCUSE" in kinds and "ASSAULT" not in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Russian troops attacked Ukrainian positions for the third time on Monday.",
        "Israeli jets attacked Hamas targets in Gaza for hours.",
    ],
)
def test_force_used_for_a_time_stays_assault(nlp_engine: Any, text: str) -> None:
    analysis = nlp_engine.analyze_text(text, published="2020-09-10")
    assert {e.type for e in analysis.events} == {"ASSAULT"}


def test_a_government_urging_its_residents_acts_on_civilians(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Bahamas Prime Minister Hubert Minnis urged residents to evacuate.", published="2019-09-01"
    )
    hits = [e for e in analysis.events if e.type == "REQUEST" and e.modality == "asserted"]
    assert [_sides(e) for e in hits] == [("BHS", "GOV", "BHS", "CVL")]


def test_a_crowd_gathering_for_a_rally_protests_with_no_addressee_where_it_gathers(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Several conservative groups gathered on Saturday in the U.S. capital, Washington D.C., for a rally.",
        published="2020-12-12",
    )
    hits = [e for e in analysis.events if e.type == "PROTEST" and e.modality == "asserted"]
    assert [(e.source.code if e.source else None, e.target) for e in hits] == [("USA", None)]


def test_a_crowd_gathered_to_protest_is_protesting(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Thousands of Belarusians gathered in Minsk to protest against Lukashenko.", published="2020-08-20"
    )
    hits = [e for e in analysis.events if e.type == "PROTEST"]
    assert hits and all(e.modality == "asserted" for e in hits)


def test_gathering_things_to_protest_is_an_aim(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Belarusian activists gathered signatures to protest against Lukashenko.", published="2020-08-20"
    )
    assert all(e.modality != "asserted" for e in analysis.events if e.type == "PROTEST")


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Adderley wrote to the US Embassy in London. The embassy declined the request.",
            "The embassy",
            "USA",
        ),
        (
            "The Russian Foreign Ministry summoned the British ambassador. The ministry said London broke the rules.",
            "The ministry",
            "RUS",
        ),
    ],
)
def test_the_body_just_named_by_its_noun(nlp_engine: Any, text: str, words: str, code: str) -> None:
    analysis = nlp_engine.analyze_text(text, published="2019-10-10")
    body = next(m for m in analysis.mentions if m.text == words)
    assert (body.code, body.sector) == (code, "GOV")


def test_a_lawsuit_against_a_subdivision_accuses_its_government(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Native American groups filed a lawsuit against the state of Montana over its ballot law.",
        published="2020-03-05",
    )
    hits = [e for e in analysis.events if e.type == "ACCUSE" and e.modality == "asserted"]
    assert ("USA", "CVL", "USA", "GOV") in [_sides(e) for e in hits]


def test_a_city_shelled_is_a_place_not_its_government(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text("Russian troops shelled the city of Kharkiv.", published="2022-03-05")
    assert [_sides(e)[2:] for e in analysis.events if e.type == "ASSAULT"] == [("UKR", None)]


def test_georgia_among_us_states_is_the_us_state(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "The Supreme Court rejected a lawsuit filed by Texas which tried to overturn the results in Georgia, "
        "Michigan, Pennsylvania, and Wisconsin.",
        published="2020-12-12",
    )
    assert [m.code for m in analysis.mentions if m.text == "Georgia"] == ["USA"]


def test_georgia_with_georgians_named_is_the_country(nlp_engine: Any) -> None:
    analysis = nlp_engine.analyze_text(
        "Georgian President Saakashvili visited Texas after Russia attacked Georgia.", published="2008-09-12"
    )
    assert [m.code for m in analysis.mentions if m.text == "Georgia"] == ["GEO"]
