"""Modality decisions on hand-built parses (no spaCy model)."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from realpolitik.events.modality import future_intent, modality_of
from realpolitik.ontology.lexicon import load_lexicon

_VOCAB = English().vocab  # language defaults only; no trained model


def parse(spec: str) -> Doc:
    rows = [line.split() for line in spec.strip().splitlines()]
    return Doc(
        _VOCAB,
        words=[r[0] for r in rows],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[int(r[5]) for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )


def test_plain_act_is_asserted() -> None:
    doc = parse("Russia Russia PROPN NNP nsubj 1\nattacked attack VERB VBD ROOT 1\n. . PUNCT . punct 1")
    assert modality_of(doc[1], [], load_lexicon()) == ("asserted", None)


def test_never_negates_and_no_on_the_object_negates() -> None:
    lex = load_lexicon()
    doc = parse(
        "China China PROPN NNP nsubj 2\nnever never ADV RB neg 2\ninterferes interfere VERB VBZ ROOT 2"
    )
    assert modality_of(doc[2], [], lex)[0] == "negated"
    doc = parse(
        "Russia Russia PROPN NNP nsubj 1\nsent send VERB VBD ROOT 1\nno no DET DT det 3\ntroops troop NOUN NNS dobj 1"
    )
    assert modality_of(doc[1], [], lex) == ("negated", "negated object")


def test_modal_verb_and_speculative_adverb_are_hypothetical() -> None:
    lex = load_lexicon()
    doc = parse("Russia Russia PROPN NNP nsubj 2\ncould could AUX MD aux 2\nattack attack VERB VB ROOT 2")
    assert modality_of(doc[2], [], lex) == ("hypothetical", "modal")
    doc = parse(
        "Perhaps perhaps ADV RB advmod 2\nRussia Russia PROPN NNP nsubj 2\nattacked attack VERB VBD ROOT 2"
    )
    assert modality_of(doc[2], [], lex) == ("hypothetical", "speculation")


def test_failed_to_governs_negation() -> None:
    doc = parse(
        "France France PROPN NNP nsubj 1\nfailed fail VERB VBD ROOT 1\nto to PART TO aux 3\nsign sign VERB VB xcomp 1"
    )
    assert modality_of(doc[3], [doc[1]], load_lexicon()) == ("negated", "governor:fail")


def test_will_is_future_intent_and_would_in_reported_speech_too() -> None:
    lex = load_lexicon()
    doc = parse("China China PROPN NNP nsubj 2\nwill will AUX MD aux 2\nhelp help VERB VB ROOT 2")
    assert future_intent(doc[2], [], lex)
    assert modality_of(doc[2], [], lex)[0] == "asserted"
    doc = parse(
        "Iran Iran PROPN NNP nsubj 1\nsaid say VERB VBD ROOT 1\nit it PRON PRP nsubj 4\n"
        "would would AUX MD aux 4\nretaliate retaliate VERB VB ccomp 1"
    )
    assert future_intent(doc[4], [], lex)
    assert modality_of(doc[4], [], lex)[0] == "asserted"
    doc = parse("Iran Iran PROPN NNP nsubj 2\nwould would AUX MD aux 2\nretaliate retaliate VERB VB ROOT 2")
    assert not future_intent(doc[2], [], lex)
    assert modality_of(doc[2], [], lex)[0] == "hypothetical"
