"""How the event evaluators compare a coded event with a gold one (no model, no gold files): country parts,
legacy gold codes, groups matched through the states they live in, and PETRARCH's fictional actors."""

from __future__ import annotations

from dataclasses import replace

from realpolitik.evaluation.events import _country, _event_matches, _names_actor, validation_actor_names
from realpolitik.model import ActorRef, Event


def _event(kind: str, source: ActorRef | None, target: ActorRef | None) -> Event:
    return Event(
        id="e",
        article_id="a",
        sentence_index=0,
        start=0,
        end=1,
        source=source,
        target=target,
        type=kind,
        modality="asserted",
    )


_IGBO = ActorRef("IGB", text="Ibo elders", actor_id="IGB", kind="group")
_NIGERIA = ActorRef("NGA", sector="GOV", text="the Nigerian government", actor_id="NGA", kind="state")
_JAPAN = ActorRef("JPN", text="Tokyo", actor_id="JPN", kind="state")


def test_a_group_matches_the_gold_state_it_lives_in_and_no_other() -> None:
    event = _event("REQUEST", _IGBO, _NIGERIA)
    homes = {"IGB": ("NGA",)}
    assert _event_matches(("REQUEST", "NGA", "NGA"), event, homes)
    assert not _event_matches(("REQUEST", "NGA", "NGA"), event, {})
    assert not _event_matches(("REQUEST", "GHA", "NGA"), event, homes)
    # A state never matches through homes: only groups are coded by their state in the gold.
    assert not _event_matches(("REQUEST", "IGB", "NGA"), _event("REQUEST", _NIGERIA, _NIGERIA), homes)


def test_legacy_gold_country_codes_mean_their_iso_code() -> None:
    event = _event("AGREE", _NIGERIA, _JAPAN)
    assert _event_matches(("AGREE", "NGA", _country("JAPGOV")), event)
    assert _country("ITL") == "ITA" and _country("VTNMIL") == "VNM" and _country("---GOV") == "---"


def test_validation_dictionary_names_and_synonyms_are_read() -> None:
    text = """<!-- header -->
ARNOR_  [ARN]
+ARNORIAN
CARAS GALADHON [ELF] # pas   12/09/13
GOLLUM  # pas 27 Apr 03
\t[HOB < 950601]
# a comment
"""
    names = validation_actor_names(text)
    assert names == {"ARNOR", "ARNORIAN", "CARAS GALADHON", "GOLLUM"}


def test_only_resolved_or_dictionary_actors_count_as_petrarch_sources() -> None:
    names = frozenset({"ARNOR", "CARAS GALADHON"})
    assert _names_actor(ActorRef(None, text="Arnor's foreign minister"), names)
    assert _names_actor(ActorRef(None, text="Caras Galadhon"), names)
    assert _names_actor(ActorRef(None, text="Arnorian troops"), names)  # PETRARCH entries match as prefixes
    assert _names_actor(ActorRef("USA", text="Washington"), names)
    assert not _names_actor(ActorRef(None, text="crowds"), names)
    assert not _names_actor(None, names)


def test_cameo_gold_can_match_an_intention_to_the_same_act_only_when_tense_blind() -> None:
    usa, isr = ActorRef("USA", text="The United States"), ActorRef("ISR", text="Israel")
    intention = replace(_event("AGREE", usa, isr), cameo="0332")  # intent to provide military aid
    gold = ("AID", "USA", "ISR")
    assert _event_matches(gold, intention, tense_blind=True)
    assert not _event_matches(gold, intention)
    assert not _event_matches(("ASSAULT", "USA", "ISR"), intention, tense_blind=True)
    assert not _event_matches(gold, _event("AGREE", usa, isr), tense_blind=True)  # an agreement, no act named
