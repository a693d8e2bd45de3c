"""Who an act is done to, through the whole pipeline: a topic, a place in a name, a host state or an institution
of the actor's own state is no target; the owner of an act and the author of a supported act are; and the near
misses that keep their targets."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted, coded
from realpolitik.events import complete_events

pytestmark = pytest.mark.model

KREMLIN = "http://en.kremlin.ru/events/president/news/1"


def events(engine: Any, text: str, title: str) -> set[tuple[str, str | None, str | None]]:
    """The asserted (type, source, target) of the complete events of a kremlin.ru article."""
    return {
        (e.type, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in complete_events(coded(engine, text, title=title, url=KREMLIN))
        if e.modality == "asserted"
    }


def test_what_was_discussed_is_no_party_to_the_talks(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: During the talks, we also discussed how the plans announced by the US to withdraw troops "
        "from northeastern Syria will affect developments in Syria.\n"
    )
    got = events(nlp_engine, text, "Meeting with President of Turkey Recep Tayyip Erdogan")
    assert not {t for t in got if t[0] == "CONSULT" and "SYR" in t}, got
    assert ("CONSULT", "RUS", "TUR") in got


def test_whom_the_talks_were_held_with_stays_their_party(nlp_engine: Any) -> None:
    got = asserted(nlp_engine, "Putin discussed the situation in Syria with Erdogan.")
    assert ("CONSULT", "RUS", "TUR") in got
    assert not {t for t in got if "SYR" in t}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "The governor of Louisiana, a U.S. state on the Gulf of Mexico, declared a state of emergency for the state.",
            "MEX",
        ),
        ("Russian warships fired missiles in the Sea of Japan.", "JPN"),
        ("Almost all OPEC member countries have already signed up to the Paris agreement.", "FRA"),
        ("Russia and Germany discussed the implementation of the Minsk agreements.", "BLR"),
    ],
)
def test_a_place_in_the_name_of_a_sea_or_a_treaty_is_no_actor(nlp_engine: Any, text: str, place: str) -> None:
    got = asserted(nlp_engine, text)
    assert not {t for t in got if place in t}, got


def test_a_city_for_its_government_still_acts(nlp_engine: Any) -> None:
    assert ("ACCUSE", "FRA", "RUS") in asserted(
        nlp_engine, "Paris accused Moscow of interfering in the election."
    )


def test_a_named_counterpart_the_knowledge_base_lacks_is_not_the_host(nlp_engine: Any) -> None:
    text = "At Minsk Arena, Vladimir Putin met with President of the International Olympic Committee Thomas Bach.\n"
    got = events(nlp_engine, text, "Visit to Republic of Belarus")
    assert not {t for t in got if t[0] == "CONSULT" and "BLR" in t}, got


def test_the_host_is_still_met_when_the_sentence_names_no_one(nlp_engine: Any) -> None:
    text = "Vladimir Putin met with President of Belarus Alexander Lukashenko.\n\nThe two leaders discussed trade.\n"
    assert ("CONSULT", "RUS", "BLR") in events(nlp_engine, text, "Visit to Republic of Belarus")


def test_congratulating_own_parties_on_a_domestic_election_is_no_act_toward_the_parliament(
    nlp_engine: Any,
) -> None:
    text = "The President congratulated meeting participants on winning the State Duma elections.\n"
    got = events(nlp_engine, text, "Meeting with leaders of political parties")
    assert not {t for t in got if t[0] == "SUPPORT"}, got


def test_congratulating_a_foreign_leader_on_his_election_stays_support(nlp_engine: Any) -> None:
    text = "Vladimir Putin congratulated Kassym-Jomart Tokayev on winning the presidential election."
    assert ("SUPPORT", "RUS", "KAZ") in asserted(nlp_engine, text)


def test_a_litigants_request_to_a_court_is_no_request_event(nlp_engine: Any) -> None:
    text = (
        "Trump had asked the United States District Court for the Southern District of New York to intervene."
    )
    assert not {t for t in events(nlp_engine, text, "Trump's tax records") if t[0] == "REQUEST"}


def test_a_high_assessment_of_an_actor_is_praise_not_a_concession(nlp_engine: Any) -> None:
    text = "In his telegram, Vladimir Putin gave a high assessment of Kazakhstan's achievements in the economy.\n"
    got = asserted(nlp_engine, text)
    assert ("SUPPORT", "RUS", "KAZ") in got
    assert not {t for t in got if t[0] == "CONCEDE"}, got


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin gave his assessment of Kazakhstan's policy.",
        "Vladimir Putin gave a high assessment of the level of cooperation with Kazakhstan.",
    ],
)
def test_a_plain_assessment_or_one_of_relations_is_no_event(nlp_engine: Any, text: str) -> None:
    assert not asserted(nlp_engine, text)


def test_giving_in_is_still_a_concession(nlp_engine: Any) -> None:
    assert ("CONCEDE", "GRC", None) in {
        (t, s, None) for t, s, _ in asserted(nlp_engine, "Greece gave in to Turkey in the dispute.")
    }


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Georgia withdrew its objections to Russia's WTO accession.", ("CONCEDE", "GEO", "RUS"), "WTO"),
        ("Greece dropped its objection to Ukraine's NATO membership.", ("CONCEDE", "GRC", "UKR"), "NATO"),
    ],
)
def test_the_owner_of_an_accession_is_the_target_not_the_organisation(
    nlp_engine: Any, text: str, wanted: tuple[str, str, str], unwanted: str
) -> None:
    got = asserted(nlp_engine, text)
    assert wanted in got
    assert not {t for t in got if t[2] == unwanted}, got


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Russia supports the efforts and specific assistance by the G20 to African countries.", "G20"),
        ("Russia welcomed the decision by Iran to release the sailors.", "IRN"),
    ],
)
def test_support_of_an_act_is_aimed_at_its_author(nlp_engine: Any, text: str, wanted: str) -> None:
    got = asserted(nlp_engine, text)
    assert ("SUPPORT", "RUS", wanted) in got
    assert not {t for t in got if t[2] == "AFR"}, got


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the possessor of the support expressed holds it; the one it is for is the target
        (
            "President Kassym-Jomart Tokayev met Chinese President Xi Jinping in Beijing. Tokayev expressed"
            " Kazakhstan's support for China's Global Development Initiative.",
            ("SUPPORT", "KAZ", "CHN"),
        ),
        # the object of praise is still whom the praise is for
        ("Vladimir Putin praised Kazakhstan's support for the initiative.", ("SUPPORT", "RUS", "KAZ")),
    ],
)
def test_the_holder_of_an_attitude_is_not_its_target(
    nlp_engine: Any, text: str, wanted: tuple[str, str, str]
) -> None:
    assert wanted in events(nlp_engine, text, title="News")


def test_acts_of_a_state_gone_by_the_articles_date_are_history_told(nlp_engine: Any) -> None:
    from datetime import date

    from realpolitik.model import Article

    text = "The Soviet Union and Czechoslovakia signed a treaty on mutual assistance. Putin met Lukashenko."
    told = nlp_engine.analyze_batch([Article.from_text(text, id="t", published=date(2020, 6, 30))])[0]
    then = nlp_engine.analyze_batch([Article.from_text(text, id="t", published=date(1989, 1, 1))])[0]
    kinds = [(e.type, e.source.code, e.target.code) for e in told.events if e.source and e.target]
    assert ("CONSULT", "RUS", "BLR") in kinds and not [k for k in kinds if "SUN" in k], kinds
    assert any(e.type == "SUPPORT" and {e.source.code, e.target.code} == {"SUN", "CSK"} for e in then.events)


def test_the_partner_of_a_phone_talk_is_the_one_on_the_line_not_the_other_side(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin met with President of Turkey Recep Tayyip Erdogan.\n\n"
        "Vladimir Putin: Yesterday, I discussed this issue on the phone with Mr Trump.\n"
    )
    got = events(nlp_engine, text, "News conference following Russian-Turkish talks")
    assert ("CONSULT", "RUS", "USA") in got, got
    assert ("CONSULT", "RUS", "TUR") in got  # the meeting itself


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Ukrainian literature both offer memorable examples that I could use to respond.",
        "The Chinese economy supports the recovery of Kazakhstan.",
    ],
)
def test_a_countrys_works_or_condition_act_for_nobody(nlp_engine: Any, text: str) -> None:
    assert not {e for e in asserted(nlp_engine, text) if e[1] in ("RUS", "UKR", "CHN")}


@pytest.mark.model
def test_the_one_named_as_doing_what_is_alleged_is_the_accused(nlp_engine: Any) -> None:
    # read as a user (Germany bans Mahan Air): the airline is accused, whoever it is said to have supported is not
    found = asserted(
        nlp_engine,
        "US Ambassador Richard Grenell alleged Mahan had contributed to human suffering by supporting Syrian "
        "President Bashar al-Assad.",
    )
    assert not [t for t in found if t[0] == "ACCUSE" and t[2] == "SYR"], found
