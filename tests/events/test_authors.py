"""Whose words or decision an act is about: a verb of force aimed at a decision is criticism of its maker (and of
no one when the sentence does not say who made it); a message passed on is its author's act."""

from __future__ import annotations

from typing import Any

import pytest

from helpers import coded, parse
from realpolitik.events.arguments import MentionIndex
from realpolitik.events.authors import is_verbal_attack, relayed_author, utterance_author
from realpolitik.ontology.lexicon import load_lexicon

# "Turkey attacked the proclamation of Iraq as territory by Iran ." as the small model parses it: "as" hangs
# on the verb and "by" inside the "as" phrase.
PROCLAMATION = """
Turkey Turkey PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
the the DET DT det 3
proclamation proclamation NOUN NN dobj 1
of of ADP IN prep 3
Iraq Iraq PROPN NNP pobj 4
as as ADP IN prep 1
territory territory NOUN NN pobj 6
by by ADP IN prep 7
Iran Iran PROPN NNP pobj 8
. . PUNCT . punct 1
"""

NO_AUTHOR = """
Turkey Turkey PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
the the DET DT det 3
proclamation proclamation NOUN NN dobj 1
of of ADP IN prep 3
Iraq Iraq PROPN NNP pobj 4
as as ADP IN prep 1
territory territory NOUN NN pobj 6
. . PUNCT . punct 1
"""

POSITIONS = """
Turkey Turkey PROPN NNP nsubj 1
attacked attack VERB VBD ROOT 1
Iraqi iraqi ADJ JJ amod 3
positions position NOUN NNS dobj 1
. . PUNCT . punct 1
"""

CONVEYED = """
Let let VERB VB ROOT 0
me I PRON PRP nsubj 2
convey convey VERB VB ccomp 0
the the DET DT det 4
congratulations congratulation NOUN NNS dobj 2
of of ADP IN prep 4
China China PROPN NNP pobj 5
. . PUNCT . punct 0
"""


def _index(spec: str) -> tuple[Any, MentionIndex]:
    doc, _, mentions = parse(spec)
    return doc, MentionIndex.build(doc, mentions)


def _accuse_entry(lemma: str) -> Any:
    lex = load_lexicon()
    return lex, next(e for e in lex.verbs[lemma] if e.type == "ACCUSE" and e.objects)


def test_the_agent_of_a_proclamation_is_its_author_not_what_it_proclaims() -> None:
    doc, index = _index(PROCLAMATION)
    author = utterance_author(doc[3], index)
    assert author is not None
    assert [r.code for r in author.refs] == ["IRN"]


def test_a_proclamation_with_no_agent_has_no_author() -> None:
    doc, index = _index(NO_AUTHOR)
    assert utterance_author(doc[3], index) is None


def test_attacking_a_decision_is_verbal_and_attacking_positions_is_not() -> None:
    lex, entry = _accuse_entry("attack")
    doc, _ = _index(PROCLAMATION)
    assert is_verbal_attack(entry, doc[1], doc[3], lex)
    doc, _ = _index(POSITIONS)
    assert not is_verbal_attack(entry, doc[1], doc[3], lex)


def test_the_sender_of_relayed_congratulations_is_the_one_they_are_of() -> None:
    doc, index = _index(CONVEYED)
    author = relayed_author(doc[2], doc[4], index)
    assert author is not None
    assert [r.code for r in author.refs] == ["CHN"]
    assert relayed_author(doc[0], doc[4], index) is None  # "let" passes nothing on


@pytest.mark.model
def test_a_verbal_attack_is_criticism_of_the_author(nlp_engine: Any) -> None:
    events = coded(
        nlp_engine,
        "Erdogan attacked the recognition of Jerusalem as the capital of Israel by the United States.",
    )
    assert {(e.type, e.target.code if e.target else None) for e in events} == {("ACCUSE", "USA")}


@pytest.mark.model
def test_a_verbal_attack_without_author_is_no_event(nlp_engine: Any) -> None:
    events = coded(nlp_engine, "China attacked the proclamation of Taiwan as an independent state.")
    assert not [e for e in events if e.type in ("ASSAULT", "ACCUSE")]


@pytest.mark.model
def test_relayed_congratulations_go_from_their_author_to_the_host(nlp_engine: Any) -> None:
    events = coded(
        nlp_engine,
        "Let me also convey to you the sincere congratulations of President Xi Jinping on your re-election.",
        title="Meeting with Special Envoy of the President of China Wang Yi",
        source="en.kremlin.ru",
    )
    support = [
        (e.source.code if e.source else None, e.target.code if e.target else None)
        for e in events
        if e.type == "SUPPORT"
    ]
    assert support == [("CHN", "RUS")]
