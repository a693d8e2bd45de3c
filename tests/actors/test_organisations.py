"""Organisations in the bundled knowledge base: every intergovernmental organisation is its own actor (the
Phoenix import once folded the OSCE, La Francophonie and the IMO into the OPCW), renamed bodies keep one actor
with dated names, and armed forces, security services, state companies and state media carry their state's
code and a sector."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from realpolitik.actors.kb import KnowledgeBase, form_key


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.bundled()


def _igo_of(kb: KnowledgeBase, text: str) -> set[str]:
    return {
        kb.forms[i].actor_id
        for i in kb.by_key.get(form_key(text), ())
        if kb.actors[kb.forms[i].actor_id].kind == "igo"
    }


def test_every_igo_is_its_own_actor(kb: KnowledgeBase) -> None:
    opcw = kb.actors["OPCW"]
    assert not any("Security" in n or "Francophonie" in n or "Maritime" in n for n in opcw.aliases)
    assert _igo_of(kb, "OSCE") == {"OSCE"}
    assert _igo_of(kb, "International Maritime Organization") == {"IMO"}
    assert _igo_of(kb, "UNESCO") == {"UNESCO"} and _igo_of(kb, "UNDP") == {"UNDP"}
    assert _igo_of(kb, "World Tourism Organization") != {"WTO"}  # not the World Trade Organization
    # no name is two organisations' (at one time)
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in kb.actors.values():
        if actor.kind == "igo":
            for name in actor.aliases:
                owners[form_key(name)].add(actor.id)
    shared = {name: ids for name, ids in owners.items() if len(ids) > 1 and len(name) > 3}
    assert shared == {}


def test_people_filed_under_an_igo_are_people(kb: KnowledgeBase) -> None:
    eu = kb.actors["EU"]
    assert not any("Ashton" in n for n in eu.aliases)
    ashton = kb.actors["person:catherine-ashton"]
    role = kb.role_on(ashton, date(2012, 1, 1))
    assert role is not None and role.country == "EU"


@pytest.mark.parametrize(
    ("text", "code", "valid", "invalid"),
    [
        ("Turkic Council", "OTS", date(2015, 1, 1), date(2023, 1, 1)),
        ("Cooperation Council of Turkic Speaking States", "OTS", date(2015, 1, 1), date(2023, 1, 1)),
        ("Organisation of the Islamic Conference", "OIC", date(2005, 1, 1), date(2015, 1, 1)),
        ("the 27-nation bloc", "EU", date(2021, 1, 1), date(2016, 1, 1)),
        ("the 28-nation bloc", "EU", date(2016, 1, 1), date(2021, 1, 1)),
        ("CSCE", "OSCE", date(1990, 1, 1), date(2000, 1, 1)),
    ],
)
def test_renamings_and_member_counts_are_dated(
    kb: KnowledgeBase, text: str, code: str, valid: date, invalid: date
) -> None:
    forms = [kb.forms[i] for i in kb.by_key[form_key(text)] if kb.forms[i].actor_id == code]
    assert any(f.valid_on(valid) for f in forms) and not any(f.valid_on(invalid) for f in forms)


def test_eurasec_and_the_g8_are_not_their_successors(kb: KnowledgeBase) -> None:
    assert _igo_of(kb, "EurAsEC") == {"EURASEC"} and "EurAsEC" not in kb.actors["EAEU"].aliases
    assert _igo_of(kb, "G8") == {"G8"} and "G8" not in kb.actors["G7"].aliases


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Bundeswehr", "DEU", "MIL"),
        ("IRGC", "IRN", "MIL"),
        ("People's Liberation Army", "CHN", "MIL"),
        ("Wagner Group", "RUS", "UAF"),
        ("Houthis", "YEM", "REB"),
        ("FSB", "RUS", "SPY"),
        ("Gazprom", "RUS", "BUS"),
        ("Rosneft", "RUS", "BUS"),
        ("CNPC", "CHN", "BUS"),
        ("KazMunayGas", "KAZ", "BUS"),
        ("Sinopec", "CHN", "BUS"),
        ("Xinhua", "CHN", "MED"),
    ],
)
def test_state_bodies_carry_their_state_and_sector(
    kb: KnowledgeBase, text: str, code: str, sector: str
) -> None:
    actor = kb.actors[kb.forms[kb.by_key[form_key(text)][0]].actor_id]
    assert (actor.code, actor.sector) == (code, sector)


def test_the_development_banks_of_brics_and_africa_are_organisations_of_their_own(kb: KnowledgeBase) -> None:
    assert _igo_of(kb, "New Development Bank") == {"NDB"} and _igo_of(kb, "NDB") == {"NDB"}
    assert _igo_of(kb, "Afreximbank") == {"AFREXIMBANK"}
    assert kb.actors["NDB"].kind == "igo"  # the Ndebele group took another code
    assert kb.actors["NDBL"].kind == "group"
