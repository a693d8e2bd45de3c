"""The rule coder on hand-built parses (no spaCy model): roles, compound actors, passives, reported speech,
intentions, nominal events, modality, and the fields every event carries."""

from __future__ import annotations

from helpers import parse, triples
from realpolitik.events.coder import code_events

SENT_TROOPS = """
Russia Russia PROPN NNP nsubj 1
sent send VERB VBD ROOT 1
troops troop NOUN NNS dobj 1
to to ADP IN prep 1
Kazakhstan Kazakhstan PROPN NNP pobj 3
. . PUNCT . punct 1
"""


def test_subject_verb_object_pattern_with_prepositional_target() -> None:
    doc, article, mentions = parse(SENT_TROOPS)
    events = code_events(doc, article, mentions)
    assert triples(events) == {("MOBILIZE", "RUS", "KAZ", "asserted")}
    event = events[0]
    assert event.cameo == "154" and event.quad_class == 4 and event.domain == "security"
    assert event.goldstein is not None and event.goldstein < 0
    assert "send + troop" in event.rule and 0 < event.confidence <= 1
    assert doc.text[event.trigger_start : event.trigger_end] == "sent"
    assert (event.start, event.end) == (0, len(doc.text))
    assert event.source is not None and event.source.text == "Russia"


def test_negation_and_event_ids_differ_from_the_asserted_event() -> None:
    doc, article, mentions = parse(
        """
Russia Russia PROPN NNP nsubj 3
did do AUX VBD aux 3
not not PART RB neg 3
send send VERB VB ROOT 3
troops troop NOUN NNS dobj 3
to to ADP IN prep 3
Kazakhstan Kazakhstan PROPN NNP pobj 5
. . PUNCT . punct 3
"""
    )
    events = code_events(doc, article, mentions)
    assert triples(events) == {("MOBILIZE", "RUS", "KAZ", "negated")}
    asserted = code_events(*parse(SENT_TROOPS))
    assert events[0].id != asserted[0].id


def test_compound_subject_gives_one_event_per_actor() -> None:
    doc, article, mentions = parse(
        """
Egypt Egypt PROPN NNP nsubj 4
, , PUNCT , punct 0
Greece Greece PROPN NNP conj 0
and and CCONJ CC cc 2
condemned condemn VERB VBD ROOT 4
Turkey Turkey PROPN NNP dobj 4
. . PUNCT . punct 4
"""
    )
    assert triples(code_events(doc, article, mentions)) == {
        ("ACCUSE", "EGY", "TUR", "asserted"),
        ("ACCUSE", "GRC", "TUR", "asserted"),
    }


def test_passive_voice_swaps_roles() -> None:
    doc, article, mentions = parse(
        """
Ukraine Ukraine PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
attacked attack VERB VBN ROOT 2
by by ADP IN agent 2
Russia Russia PROPN NNP pobj 3
. . PUNCT . punct 2
"""
    )
    assert triples(code_events(doc, article, mentions)) == {("ASSAULT", "RUS", "UKR", "asserted")}


def test_reported_speech_codes_the_reported_act() -> None:
    doc, article, mentions = parse(
        """
Ukraine Ukraine PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Russia Russia PROPN NNP nsubj 4
had have AUX VBD aux 4
sent send VERB VBN ccomp 1
troops troop NOUN NNS dobj 4
. . PUNCT . punct 1
"""
    )
    events = code_events(doc, article, mentions)
    assert {(e.type, e.source.code if e.source else None) for e in events} == {("MOBILIZE", "RUS")}


def test_intention_to_cooperate_is_asserted_agree_with_implicit_target() -> None:
    doc, article, mentions = parse(
        """
China China PROPN NNP nsubj 1
is be AUX VBZ ROOT 1
ready ready ADJ JJ acomp 1
to to PART TO aux 4
deepen deepen VERB VB xcomp 2
cooperation cooperation NOUN NN dobj 4
with with ADP IN prep 5
Kazakhstan Kazakhstan PROPN NNP pobj 6
in in ADP IN prep 4
security security NOUN NN pobj 8
. . PUNCT . punct 1
"""
    )
    events = code_events(doc, article, mentions)
    assert triples(events) == {("AGREE", "CHN", "KAZ", "asserted")}
    assert events[0].domain == "security" and events[0].cameo == "0312"
    assert events[0].rule.startswith("intent-to-cooperate: ready")


def test_conditional_clause_is_hypothetical() -> None:
    doc, article, mentions = parse(
        """
If if SCONJ IN mark 2
Iran Iran PROPN NNP nsubj 2
attacks attack VERB VBZ advcl 6
Iraq Iraq PROPN NNP dobj 2
, , PUNCT , punct 6
Russia Russia PROPN NNP nsubj 6
condemns condemn VERB VBZ ROOT 6
Iran Iran PROPN NNP dobj 6
. . PUNCT . punct 6
"""
    )
    assert triples(code_events(doc, article, mentions)) == {
        ("ASSAULT", "IRN", "IRQ", "hypothetical"),
        ("ACCUSE", "RUS", "IRN", "hypothetical"),
    }


def test_nominal_event_between_two_actors_is_reciprocal() -> None:
    doc, article, mentions = parse(
        """
The the DET DT det 1
talks talk NOUN NNS nsubj 6
between between ADP IN prep 1
Iran Iran PROPN NNP pobj 2
and and CCONJ CC cc 3
Iraq Iraq PROPN NNP conj 3
ended end VERB VBD ROOT 6
. . PUNCT . punct 6
"""
    )
    assert triples(code_events(doc, article, mentions)) == {
        ("CONSULT", "IRN", "IRQ", "asserted"),
        ("CONSULT", "IRQ", "IRN", "asserted"),
    }


def test_a_question_is_hypothetical_and_unknown_words_code_nothing() -> None:
    doc, article, mentions = parse(
        """
Will will AUX MD aux 2
Russia Russia PROPN NNP nsubj 2
attack attack VERB VB ROOT 2
Ukraine Ukraine PROPN NNP dobj 2
? ? PUNCT . punct 2
"""
    )
    assert triples(code_events(doc, article, mentions)) == {("ASSAULT", "RUS", "UKR", "hypothetical")}
    doc, article, mentions = parse(
        """
Russia Russia PROPN NNP nsubj 1
likes like VERB VBZ ROOT 1
Ukraine Ukraine PROPN NNP dobj 1
. . PUNCT . punct 1
"""
    )
    assert code_events(doc, article, mentions) == []
