"""Coder rules on hand-built parses (no spaCy model): lemma repair, the author of a criticised act as target,
crowds' violence as protest, "said X was responsible", acts undergone ("drew criticism from"), abstract objects
kept out of localisation, and the accusation lexicon entries."""

from __future__ import annotations

from helpers import parse, triples
from realpolitik.events.coder import code_events
from realpolitik.model import Mention


def _code(spec: str) -> list[tuple[str, str | None, str | None, str, str]]:
    doc, article, mentions = parse(spec)
    return sorted(
        (
            e.type,
            e.source.code if e.source else None,
            e.target.code if e.target else None,
            e.modality,
            e.cameo or "",
        )
        for e in code_events(doc, article, mentions)
    )


def test_a_lemma_missing_its_final_e_still_fires_the_trigger() -> None:
    # The small English model lemmatizes "staged" as "stag"; the lexicon entry is "stage + protest".
    spec = """
Egyptians Egyptians PROPN NNPS nsubj 1
staged {lemma} VERB VBD ROOT 1
a a DET DT det 3
protest protest NOUN NN dobj 1
against against ADP IN prep 3
China China PROPN NNP pobj 4
. . PUNCT . punct 1
"""
    assert [(e[0], e[2], e[4]) for e in _code(spec.format(lemma="stag"))] == [("PROTEST", "CHN", "141")]
    assert _code(spec.format(lemma="stag")) == _code(spec.format(lemma="stage"))


def test_condemning_an_act_targets_its_author_not_its_place() -> None:
    assert _code(
        """
Egypt Egypt PROPN NNP nsubj 1
condemned condemn VERB VBD ROOT 1
the the DET DT det 3
attack attack NOUN NN dobj 1
by by ADP IN prep 3
Turkey Turkey PROPN NNP pobj 4
in in ADP IN prep 3
Iraq Iraq PROPN NNP pobj 6
. . PUNCT . punct 1
"""
    ) == [("ACCUSE", "EGY", "TUR", "asserted", "111")]


def test_protesters_storming_a_building_is_a_violent_protest() -> None:
    events = _code(
        """
Protesters protester NOUN NNS nsubj 1
stormed storm VERB VBD ROOT 1
the the DET DT det 3
embassy embassy NOUN NN dobj 1
of of ADP IN prep 3
Iran Iran PROPN NNP pobj 4
. . PUNCT . punct 1
"""
    )
    assert [(kind, tgt, modality, cameo) for kind, _, tgt, modality, cameo in events] == [
        ("PROTEST", "IRN", "asserted", "145")
    ]


def test_a_clash_with_protesters_has_two_sides() -> None:
    events = _code(
        """
Police police NOUN NNS nsubj 1
clashed clash VERB VBD ROOT 1
with with ADP IN prep 1
protesters protester NOUN NNS pobj 2
in in ADP IN prep 3
Egypt Egypt PROPN NNP pobj 4
. . PUNCT . punct 1
"""
    )
    assert {(kind, src, tgt, cameo) for kind, src, tgt, _, cameo in events} == {
        ("ASSAULT", "EGY", "EGY", "190"),
        ("PROTEST", "EGY", "EGY", "145"),
    }


RESPONSIBLE = """
Russia Russia PROPN NNP nsubj 1
said say VERB VBD ROOT 1
Ukraine Ukraine PROPN NNP nsubj 3
was be AUX VBD ccomp 1
{neg}responsible responsible ADJ JJ acomp 3
for for ADP IN prep {prep_head}
the the DET DT det {det_head}
attack attack NOUN NN pobj {pobj_head}
. . PUNCT . punct 1
"""


def test_saying_another_actor_is_responsible_is_an_accusation() -> None:
    spec = RESPONSIBLE.format(neg="", prep_head=4, det_head=7, pobj_head=5)
    assert ("ACCUSE", "RUS", "UKR", "asserted", "112") in _code(spec)


def test_saying_another_actor_is_not_responsible_accuses_nobody() -> None:
    spec = RESPONSIBLE.format(neg="not not PART RB neg 3\n", prep_head=5, det_head=8, pobj_head=6)
    assert not any(kind == "ACCUSE" for kind, *_ in _code(spec))


def test_an_act_received_or_drawn_comes_from_the_from_phrase() -> None:
    assert triples(
        code_events(
            *parse(
                """
Iran Iran PROPN NNP nsubj 1
received receive VERB VBD ROOT 1
aid aid NOUN NN dobj 1
from from ADP IN prep 1
Russia Russia PROPN NNP pobj 3
. . PUNCT . punct 1
"""
            )
        )
    ) == {("AID", "RUS", "IRN", "asserted")}
    assert triples(
        code_events(
            *parse(
                """
Turkey Turkey PROPN NNP nsubj 1
drew draw VERB VBD ROOT 1
criticism criticism NOUN NN dobj 1
from from ADP IN prep 1
Greece Greece PROPN NNP pobj 3
. . PUNCT . punct 1
"""
            )
        )
    ) == {("ACCUSE", "GRC", "TUR", "asserted")}


def test_a_decision_criticised_is_not_a_domestic_group() -> None:
    events = _code(
        """
Russia Russia PROPN NNP nsubj 1
criticised criticise VERB VBD ROOT 1
the the DET DT det 3
decision decision NOUN NN dobj 1
. . PUNCT . punct 1
"""
    )
    assert events == [("ACCUSE", "RUS", None, "asserted", "111")]


def test_hitting_out_at_is_criticism_not_assault() -> None:
    assert _code(
        """
Russia Russia PROPN NNP nsubj 1
hit hit VERB VBD ROOT 1
out out ADP RP prt 1
at at ADP IN prep 1
Ukraine Ukraine PROPN NNP pobj 3
. . PUNCT . punct 1
"""
    ) == [("ACCUSE", "RUS", "UKR", "asserted", "111")]


def test_voiced_dissatisfaction_is_disapproval() -> None:
    assert _code(
        """
China China PROPN NNP nsubj 1
voiced voice VERB VBD ROOT 1
dissatisfaction dissatisfaction NOUN NN dobj 1
with with ADP IN prep 1
Iran Iran PROPN NNP pobj 3
. . PUNCT . punct 1
"""
    ) == [("ACCUSE", "CHN", "IRN", "asserted", "110")]


def test_calling_an_act_illegal_criticises_its_author() -> None:
    assert _code(
        """
Iran Iran PROPN NNP nsubj 1
called call VERB VBD ROOT 1
the the DET DT det 3
move move NOUN NN dobj 1
of of ADP IN prep 3
Iraq Iraq PROPN NNP pobj 4
illegal illegal ADJ JJ oprd 1
. . PUNCT . punct 1
"""
    ) == [("ACCUSE", "IRN", "IRQ", "asserted", "111")]


def test_a_report_takes_the_country_it_was_published_in() -> None:
    assert _code(
        """
A a DET DT det 1
report report NOUN NN nsubj 5
published publish VERB VBN acl 1
in in ADP IN prep 2
Ukraine Ukraine PROPN NNP pobj 3
accused accuse VERB VBD ROOT 5
Russia Russia PROPN NNP dobj 5
. . PUNCT . punct 5
"""
    ) == [("ACCUSE", "UKR", "RUS", "asserted", "112")]


def test_a_state_protesting_to_another_complains_while_people_demonstrate() -> None:
    assert _code(
        """
China China PROPN NNP nsubj 1
protested protest VERB VBD ROOT 1
to to ADP IN prep 1
Turkey Turkey PROPN NNP pobj 2
. . PUNCT . punct 1
"""
    ) == [("ACCUSE", "CHN", "TUR", "asserted", "111")]
    events = _code(
        """
Students student NOUN NNS nsubj 1
protested protest VERB VBD ROOT 1
against against ADP IN prep 1
Turkey Turkey PROPN NNP pobj 2
. . PUNCT . punct 1
"""
    )
    assert [(kind, tgt) for kind, _, tgt, _, _ in events] == [("PROTEST", "TUR")]


def test_a_possessive_pronoun_in_the_target_phrase_is_not_the_target() -> None:
    doc, article, mentions = parse(
        """
China China PROPN NNP nsubj 1
met meet VERB VBD ROOT 1
its its PRON PRP$ poss 4
Iran Iran PROPN NNP compound 4
counterpart counterpart NOUN NN dobj 1
. . PUNCT . punct 1
"""
    )
    its = doc[2]
    own = Mention(
        article.id, its.idx, its.idx + 3, "its", actor_id="CHN", code="CHN", name="China", kind="state"
    )
    assert triples(code_events(doc, article, [*mentions, own])) == {("CONSULT", "CHN", "IRN", "asserted")}


def test_an_agentless_passive_act_is_done_by_the_author_of_the_attack_it_happened_in() -> None:
    assert _code(
        """
Egypt Egypt PROPN NNP nsubjpass 2
was be AUX VBD auxpass 2
attacked attack VERB VBN ROOT 2
in in ADP IN prep 2
an an DET DT det 6
Iraq Iraq PROPN NNP compound 6
raid raid NOUN NN pobj 3
. . PUNCT . punct 2
"""
    ) == [("ASSAULT", "IRQ", "EGY", "asserted", "190")]
