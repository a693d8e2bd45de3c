"""What enters the data set (events/complete.py), on hand-built events: a resolved source, a resolved target
where the act has one, two different actors, and each act once."""

from __future__ import annotations

from realpolitik.events import complete_events, is_complete
from realpolitik.model import ActorRef, Event


def _event(
    source: ActorRef | None,
    target: ActorRef | None,
    kind: str = "CONSULT",
    sentence: int = 0,
    confidence: float = 0.7,
    ident: str = "e",
) -> Event:
    return Event(ident, "a", sentence, 0, 5, source, target, kind, confidence=confidence)


RUS, KAZ = ActorRef("RUS", "GOV"), ActorRef("KAZ", "GOV")


def test_an_event_needs_a_resolved_source() -> None:
    assert not is_complete(_event(None, KAZ))
    assert not is_complete(_event(ActorRef(None, "GOV", text="the government"), KAZ))
    assert is_complete(_event(RUS, KAZ))


def test_a_target_is_needed_except_for_protests_and_mobilisations() -> None:
    assert not is_complete(_event(RUS, None, "CONSULT"))
    assert not is_complete(_event(RUS, None, "AID"))
    assert is_complete(_event(ActorRef("ARM", "CVL"), None, "PROTEST"))
    assert is_complete(_event(RUS, None, "MOBILIZE"))
    # a target the sentence names but that is not resolved is not "no target"
    assert not is_complete(_event(ActorRef("ARM", "CVL"), ActorRef(None, text="the authorities"), "PROTEST"))


def test_the_same_state_on_both_sides_needs_two_known_sectors() -> None:
    assert not is_complete(_event(RUS, ActorRef("RUS", "GOV")))
    assert not is_complete(_event(ActorRef("RUS", None), ActorRef("RUS", "GOV")))
    assert is_complete(_event(ActorRef("EGY", "COP"), ActorRef("EGY", "CVL"), "COERCE"))


def test_an_act_coded_from_both_sides_is_counted_once() -> None:
    both = [
        _event(RUS, KAZ, confidence=0.6, ident="a"),
        _event(KAZ, RUS, confidence=0.8, ident="b"),
        _event(RUS, KAZ, sentence=1, ident="c"),
        _event(RUS, KAZ, kind="AGREE", ident="d"),
        _event(RUS, None, ident="e"),
    ]
    kept = complete_events(both)
    assert [e.id for e in kept] == ["b", "d", "c"]


def test_the_confidence_floor_holds_back_unsure_asserted_events_only() -> None:
    sure, unsure = (
        _event(RUS, KAZ, confidence=0.9, ident="sure"),
        _event(RUS, KAZ, "AGREE", confidence=0.6, ident="unsure"),
    )
    denied = Event("denied", "a", 1, 0, 5, RUS, KAZ, "AID", modality="negated", confidence=0.5)
    assert [e.id for e in complete_events([sure, unsure, denied], min_confidence=0.8)] == ["sure", "denied"]
    assert {e.id for e in complete_events([sure, unsure, denied])} == {"sure", "unsure", "denied"}


def test_a_meeting_inside_one_state_counts_only_with_its_opposition_or_rebels() -> None:
    government = ActorRef("RUS", "GOV")
    assert not is_complete(_event(government, ActorRef("RUS", "BUS"), "CONSULT"))
    assert not is_complete(_event(government, ActorRef("RUS", "LEG"), "CONSULT"))
    assert is_complete(_event(government, ActorRef("RUS", "OPP"), "CONSULT"))
    assert is_complete(_event(ActorRef("AFG", "REB"), ActorRef("AFG", "GOV"), "CONSULT"))
    # other acts inside a state stay: a parliament accusing its government, a government coercing civilians
    assert is_complete(_event(ActorRef("USA", "LEG"), ActorRef("USA", "GOV"), "ACCUSE"))
    assert is_complete(_event(government, ActorRef("RUS", "CVL"), "COERCE"))


def test_a_meeting_with_people_the_text_calls_demonstrators_is_politics() -> None:
    demonstrators = ActorRef("GEO", "CVL", text="Georgian demonstrators")
    assert is_complete(_event(demonstrators, ActorRef("GEO", "GOV"), "CONSULT"))
    assert not is_complete(
        _event(ActorRef("GEO", "CVL", text="business leaders"), ActorRef("GEO", "GOV"), "CONSULT")
    )


def test_a_request_to_a_court_of_ones_own_state_is_legal_procedure() -> None:
    court = ActorRef("USA", "JUD")
    assert not is_complete(_event(ActorRef("USA", "GOV"), court, kind="REQUEST"))
    assert is_complete(
        _event(ActorRef("USA", "GOV"), court, kind="ACCUSE")
    )  # a government attacking its courts
    assert is_complete(_event(ActorRef("USA", "GOV"), ActorRef("RUS", "GOV"), kind="REQUEST"))


def test_cooperation_inside_a_state_with_its_own_companies_is_administration() -> None:
    government, company = ActorRef("RUS", "GOV"), ActorRef("RUS", "BUS", text="Russian companies")
    assert not is_complete(_event(government, company, "AID"))
    assert not is_complete(_event(government, company, "REQUEST"))
    assert not is_complete(_event(ActorRef("RUS", "EDU"), ActorRef("RUS", "BUS"), "COOPERATE"))
    assert is_complete(_event(government, company, "COERCE"))  # a state fining or closing its companies
    assert is_complete(_event(government, ActorRef("KAZ", "BUS"), "AID"))


def test_no_one_cooperates_with_a_region_but_force_is_done_in_one() -> None:
    far_east = ActorRef("FAREAST", None, kind="region", text="the Far East")
    kashmir = ActorRef("KASHMIR", None, kind="region", text="Kashmir")
    assert not is_complete(_event(RUS, far_east, "COOPERATE"))
    assert not is_complete(_event(RUS, far_east, "CONSULT"))
    assert not is_complete(_event(ActorRef("EUR", None, kind="region"), RUS, "SUPPORT"))
    assert is_complete(_event(ActorRef("IND", "GOV"), kashmir, "COERCE"))
    assert is_complete(_event(RUS, ActorRef("CHN", "GOV", kind="state"), "COOPERATE"))


def test_a_government_thanking_urging_or_helping_its_own_people_or_parliament_is_administration() -> None:
    government = ActorRef("RUS", "GOV")
    assert not is_complete(_event(government, ActorRef("RUS", "LEG", text="the State Duma"), "SUPPORT"))
    assert not is_complete(_event(government, ActorRef("RUS", "LAB", text="cultural workers"), "REQUEST"))
    # ... but urging its population is an act on civilians ("urged residents to evacuate")
    assert is_complete(_event(ActorRef("BHS", "GOV"), ActorRef("BHS", "CVL", text="residents"), "REQUEST"))
    assert not is_complete(_event(government, ActorRef("RUS", "MIL", text="servicemen"), "AID"))
    assert not is_complete(_event(government, ActorRef("RUS", "LEG", text="Sergei Naryshkin"), "AGREE"))
    # politicians out of office and parties are politics: an endorsement, a candidate's demand of the president
    assert is_complete(_event(ActorRef("USA", "PTY"), ActorRef("USA", "ELI"), "SUPPORT"))
    assert is_complete(_event(ActorRef("USA", "ELI"), ActorRef("USA", "GOV"), "REQUEST"))
    assert is_complete(_event(government, ActorRef("RUS", "OPP"), "REQUEST"))
