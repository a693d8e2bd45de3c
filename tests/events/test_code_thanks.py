"""Thanks and congratulations through the whole pipeline: for organising or preparing a meeting thanks are support
of its host (docs/annotation.md: thanks for a specific act); for hospitality they stay a courtesy. A speaker
congratulating as he speaks, in a clause coordinated with the sentence's main verb, does so as surely as in the
main clause. Greetings sent on a political occasion (a state's anniversary, its national day) are
congratulations; on no such occasion, or on a calendar one, they stay a courtesy. Gratitude is support when
what it is for is told, also in a relative clause on those thanked ("to all the CSTO members who supported the
resolution"), and "his gratitude" is no gratitude to himself."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import asserted
from realpolitik.model import Article

pytestmark = pytest.mark.model


def readout_pairs(engine: Any, text: str, title: str) -> set[tuple[str, str | None, str | None]]:
    """(type, source, target) of the events with both sides of a kremlin.ru readout or transcript."""
    article = Article.from_text(
        text, title=title, source="kremlin.ru", url="http://en.kremlin.ru/events/president/transcripts/1"
    )
    (analysis,) = engine.analyze_batch([article])
    return {(e.type, e.source.code, e.target.code) for e in analysis.events if e.source and e.target}


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


@pytest.mark.parametrize(
    "text",
    [
        "Mr Putin thanked his Kyrgyz colleague for giving official status to the Russian language in the "
        "Constitution of Kyrgyzstan.",
        "Erdogan thanked Putin for sending a plane to bring the Turkish citizens home.",
    ],
)
def test_thanks_for_an_act_named_by_its_verb_support_the_one_thanked(nlp_engine: Any, text: str) -> None:
    found = {(t, s, g) for t, s, g in asserted(nlp_engine, text) if t == "SUPPORT"}
    assert found in ({("SUPPORT", "RUS", "KGZ")}, {("SUPPORT", "TUR", "RUS")})


def test_thanks_for_hosting_or_opening_a_meeting_stay_a_courtesy(nlp_engine: Any) -> None:
    for text in (
        "Tokayev thanked Putin for hosting the summit.",
        "Putin thanked Tokayev for opening the meeting.",
    ):
        assert not any(t == "SUPPORT" for t, _, _ in asserted(nlp_engine, text))


def test_thanks_for_hospitality_stay_a_courtesy(nlp_engine: Any) -> None:
    text = "Vladimir Putin thanked Nursultan Nazarbayev for the warm hospitality."
    assert not any(t == "SUPPORT" for t, _, _ in asserted(nlp_engine, text))


@pytest.mark.parametrize(
    "text",
    [
        "We are very pleased to welcome you in Moscow and would like to congratulate you on your win in the "
        "presidential election.",
        "I would like to congratulate you on your win in the presidential election.",
    ],
)
def test_congratulations_said_in_a_clause_coordinated_with_the_main_verb_enter_the_data_set(
    nlp_engine: Any, text: str
) -> None:
    kept = readout_pairs(nlp_engine, text, "Meeting with President of Kyrgyzstan Sooronbay Jeenbekov")
    assert ("SUPPORT", "RUS", "KGZ") in kept, kept


def test_congratulations_said_without_a_verb_are_the_speakers_support(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Mr President, welcome to Moscow.\n\n"
        "President of Uzbekistan Shavkat Mirziyoyev: Mr President, thank you.\n\n"
        "My sincere congratulations to you on your re-election."
    )
    kept = readout_pairs(nlp_engine, text, "Talks with President of Uzbekistan Shavkat Mirziyoyev")
    assert ("SUPPORT", "UZB", "RUS") in kept, kept


def test_congratulations_conveyed_from_a_people_are_support_of_the_one_congratulated(nlp_engine: Any) -> None:
    # the noun of the act conveyed is no other act whose author would be the target
    text = (
        "Askar Akayev conveyed to Vladimir Putin warm congratulations from the Kyrgyz people on his victory in the "
        "presidential election."
    )
    found = asserted(nlp_engine, text)
    assert ("SUPPORT", "KGZ", "RUS") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin sent a message of greetings to President of Tajikistan Emomali Rahmon on the 25th anniversary "
        "of the republic's independence.",
        "Vladimir Putin sent greetings to President of Kyrgyzstan Sooronbay Jeenbekov on Independence Day.",
    ],
)
def test_greetings_sent_on_a_political_occasion_are_congratulations(nlp_engine: Any, text: str) -> None:
    found = asserted(nlp_engine, text)
    assert any(t == "SUPPORT" and s == "RUS" and g in ("TJK", "KGZ") for t, s, g in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin sent his greetings to the participants of the Russian-Chinese forum.",
        "Vladimir Putin sent New Year greetings to President of China Xi Jinping.",
        "Vladimir Putin sent Kyrgyz President Sooronbay Jeenbekov a message of greetings.",
    ],
)
def test_greetings_on_no_political_occasion_stay_a_courtesy(nlp_engine: Any, text: str) -> None:
    assert not any(t == "SUPPORT" for t, _, _ in asserted(nlp_engine, text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "On the same day, Mr Putin sent a message congratulating Askar Akayev on the tenth anniversary of the "
            "Treaty of Friendship between Russia and Kyrgyzstan.",
            ("RUS", "KGZ"),
        ),
        (
            "Vladimir Putin sent a letter thanking Kyrgyz President Sooronbay Jeenbekov for his support.",
            ("RUS", "KGZ"),
        ),
    ],
)
def test_a_message_sent_congratulating_or_thanking_is_its_senders_act(
    nlp_engine: Any, text: str, pair: tuple[str, str]
) -> None:
    found = asserted(nlp_engine, text)
    assert ("SUPPORT", *pair) in found, found


def test_a_message_sent_expressing_support_to_the_ill_is_no_act_of_the_message(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin sent Kyrgyz President Sooronbay Jeenbekov a message expressing support in connection with "
        "information that he has contracted the coronavirus."
    )
    assert not any(t == "SUPPORT" for t, _, _ in asserted(nlp_engine, text))


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin expressed his gratitude to all the CSTO members who supported the resolution.",
        "Vladimir Putin expressed his gratitude to the CSTO members for their support.",
    ],
)
def test_gratitude_for_what_the_thanked_did_is_support_of_them_not_of_the_speakers_own(
    nlp_engine: Any, text: str
) -> None:
    # the act thanked for may stand in a relative clause on those thanked; "his gratitude" is the actor's own,
    # not whom it is for
    found = asserted(nlp_engine, text)
    assert ("SUPPORT", "RUS", "CSTO") in found, found


def test_gratitude_to_those_who_did_nothing_specific_stays_a_courtesy(nlp_engine: Any) -> None:
    text = "Vladimir Putin expressed his gratitude to the Kazakh officials who met him at the airport."
    assert not any(t == "SUPPORT" for t, _, _ in asserted(nlp_engine, text))


@pytest.mark.parametrize(
    ("occasion", "kept"),
    [("your re-election", True), ("your birthday", False)],
)
def test_congratulations_said_to_the_one_addressed_without_a_verb(
    nlp_engine: Any, occasion: str, kept: bool
) -> None:
    text = (
        "Vladimir Putin met with President of Uzbekistan Shavkat Mirziyoyev.\n\n"
        f"President of Uzbekistan Shavkat Mirziyoyev: Mr President, once again my congratulations on {occasion}."
    )
    found = readout_pairs(nlp_engine, text, "Meeting with President of Uzbekistan Shavkat Mirziyoyev")
    assert (("SUPPORT", "UZB", "RUS") in found) is kept, found
