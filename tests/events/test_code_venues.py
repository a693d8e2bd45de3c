"""KAZ influence evidence must not count through a venue, a topic or a default domain: a forum described by who
it brings together, a visit to a place, and the domain of a list of signed documents."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from helpers import asserted, coded, parse
from realpolitik.events.domains import listed_domain
from realpolitik.events.readouts import gathers_people

BRINGS = """
meeting meeting NOUN NN nsubj 1
brings bring VERB VBZ ROOT 1
together together ADV RB advmod 1
diplomats diplomat NOUN NNS dobj 1
. . PUNCT . punct 1
"""

BROUGHT_RESULTS = """
talks talk NOUN NNS nsubj 1
brought bring VERB VBD ROOT 1
results result NOUN NNS dobj 1
. . PUNCT . punct 1
"""

HEADER = """
documents document NOUN NNS nsubjpass 2
were be AUX VBD auxpass 2
signed sign VERB VBN ROOT 2
: : PUNCT : punct 2
"""

READOUT = "Meeting with President of Kazakhstan Nursultan Nazarbayev"


def test_a_meeting_that_brings_people_together_describes_a_forum() -> None:
    doc, _, _ = parse(BRINGS)
    assert gathers_people(doc[0])
    doc, _, _ = parse(BROUGHT_RESULTS)
    assert not gathers_people(doc[0])


def test_a_list_header_takes_the_domain_of_its_items() -> None:
    doc, _, _ = parse(HEADER)
    after = [Counter({"economy": 2}), Counter({"economy": 1, "security": 1}), Counter()]
    assert listed_domain(doc[:], after) == "economy"
    assert (
        listed_domain(doc[:], [Counter({"economy": 1}), Counter({"security": 1})]) is None
    )  # a tie says nothing
    doc, _, _ = parse(BROUGHT_RESULTS)
    assert listed_domain(doc[:], after) is None  # no list introduced


@pytest.mark.model
def test_a_visit_to_a_place_is_no_visit_to_the_other_side(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin met with President of Kazakhstan Nursultan Nazarbayev.\n\n"
        "President of Kazakhstan Nursultan Nazarbayev: Our cooperation at the Baikonur cosmodrome is developing "
        "very well. I have visited it recently, and I will tell you about this trip."
    )
    events = coded(nlp_engine, text, title=READOUT, source="en.kremlin.ru")
    visits = [e for e in events if e.rule and e.rule.startswith("consult: visit")]
    assert visits, [e.rule for e in events]
    assert all(e.target is None or e.target.code is None for e in visits)


@pytest.mark.model
def test_a_forum_of_people_from_two_states_is_no_act_between_them(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin sent his greetings to the participants of the conference Russia-Kazakhstan.\n\n"
        "Your meeting brings together politicians, diplomats and journalists from the Russian Federation and the "
        "Republic of Kazakhstan."
    )
    events = coded(
        nlp_engine, text, title="Greetings on opening of conference Russia-Kazakhstan", source="en.kremlin.ru"
    )
    assert not [e for e in events if e.type == "CONSULT"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Beijing is hosting talks between Vladimir Putin and President of China Xi Jinping.",
            {"RUS", "CHN"},
        ),
        ("Qatar brokered talks between Hamas and Israel.", {"PSE", "ISR"}),
        ("Moscow organised talks between Armenia and Azerbaijan.", {"ARM", "AZE"}),  # a verb no entry codes
    ],
)
def test_talks_hosted_between_two_parties_are_between_them(
    nlp_engine: Any, text: str, pair: set[str]
) -> None:
    found = {(t, s, g) for t, s, g in asserted(nlp_engine, text) if t == "CONSULT"}
    assert any({s, g} == pair for _, s, g in found)


@pytest.mark.model
def test_talks_a_host_will_put_on_have_not_taken_place(nlp_engine: Any) -> None:
    found = asserted(nlp_engine, "Qatar will host talks between Hamas and Israel next week.")
    assert not any({s, g} == {"PSE", "ISR"} for _, s, g in found)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a city named for its government is where the bombing happened, not who did it
        "Last week a Kabul car bombing killed five people.",
        # a state after a place preposition is where the ministers met, not whose ministers they were
        "On Wednesday, an assembly of several foreign ministers in Cairo denounced the agreement between Turkey "
        "and Libya.",
    ],
)
def test_where_a_gathering_or_an_incident_happened_does_not_act(nlp_engine: Any, text: str) -> None:
    sources = {s for _, s, _ in asserted(nlp_engine, text)}
    assert not sources & {"AFG", "EGY"}, sources


@pytest.mark.model
def test_the_state_of_an_attack_still_acts(nlp_engine: Any) -> None:
    assert ("ASSAULT", "USA", "SYR") in asserted(nlp_engine, "A US airstrike killed five militants in Syria.")


@pytest.mark.model
def test_an_envoys_posting_is_no_side_of_the_meeting(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin met with the Ambassador of the Russian Federation to the Republic of Kazakhstan Alexei "
        "Borodavkin.\n\nAlexei Borodavkin: Thank you, Mr President. I would like to congratulate you on your "
        "election as Russian President."
    )
    title = "Working meeting with Russian Ambassador to Kazakhstan Alexei Borodavkin"
    events = coded(nlp_engine, text, title=title, source="en.kremlin.ru")
    assert not [e for e in events if e.target is not None and e.target.code == "KAZ"], [
        e.rule for e in events
    ]


@pytest.mark.model
def test_a_letter_from_an_ambassador_is_no_meeting_with_him(nlp_engine: Any) -> None:
    found = asserted(nlp_engine, "Putin received a letter of credence from the new ambassador of Uzbekistan.")
    assert not [t for t in found if t[0] == "CONSULT"], found
    assert ("CONSULT", "RUS", "UZB") in asserted(
        nlp_engine, "Putin received the new ambassador of Uzbekistan."
    )


@pytest.mark.model
def test_an_accusations_verb_gives_it_no_military_domain(nlp_engine: Any) -> None:
    events = coded(nlp_engine, "Trump attacked Biden for accumulating wealth since leaving public office.")
    accusations = [e for e in events if e.type == "ACCUSE"]
    assert accusations and all(e.domain != "security" for e in accusations), [
        (e.type, e.domain) for e in events
    ]


@pytest.mark.model
def test_a_visit_told_by_another_outlet_has_its_two_sides(nlp_engine: Any) -> None:
    text = (
        "Chinese President Xi Jinping said on Wednesday that China will invest in Kazakhstan's energy sector.\n\n"
        "The two leaders signed more than 30 agreements on trade, transport and agriculture."
    )
    events = coded(nlp_engine, text, title="China pledges $5 billion for Kazakh energy as Xi visits Astana")
    signed = {
        (e.source.code, e.target.code)
        for e in events
        if e.type == "SUPPORT" and e.modality == "asserted" and e.source and e.target
    }
    assert signed & {("CHN", "KAZ"), ("KAZ", "CHN")}, signed
