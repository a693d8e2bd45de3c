"""Modality of a coded event: is the act reported as happening (``asserted``), denied (``negated``), or
conditional, asked, speculated or merely possible (``hypothetical``)? Decided from the dependency parse around
the trigger: negation children, modal auxiliaries, conditional clauses, questions, speculative adverbs, verbs
of belief above a reported clause and verbs of allegation above the act alleged ("accused X of shelling").
Intentions and offers are not hypothetical: the coder turns them into asserted AGREE events (plover.md), and
``future_intent`` tells it when "will" marks one.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from realpolitik.model import Modality
from realpolitik.ontology import cues
from realpolitik.ontology.lexicon import Lexicon

# Dependencies that attach a clause to the clause it modifies; walking up through them stays in one "scope".
_CLAUSE_LINKS = frozenset(
    {"xcomp", "acomp", "pcomp", "prep", "conj", "advcl", "ccomp", "relcl", "acl", "aux"}
)


def _negated_here(token: Token, lex: Lexicon) -> bool:
    negation = lex.modality["negation"]
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in negation):
            return True
    return False


def _object_negated(token: Token, lex: Lexicon) -> bool:
    """ "sent no troops", "has offered nothing new": the object, or its determiner, negates the act."""
    negation = lex.modality["negation"]
    for child in token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        if child.lower_ in negation or any(d.dep_ == "det" and d.lower_ in negation for d in child.children):
            return True
    return False


def _yet_to(token: Token) -> bool:
    """ "have yet to sign", "the deal is yet to be signed", "had yet to exchange the instruments": not done."""
    return (
        token.lemma_.lower() in ("have", "be")
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in token.children)
        and any(c.dep_ == "xcomp" for c in token.children)
    )


_WISH_VERBS = ("like", "love")
_PERFORMATIVES = cues.words("performative_verbs")


def _reported(token: Token) -> bool:
    return token.dep_ == "ccomp" or (token.dep_ == "conj" and token.head.dep_ == "ccomp")


def _modal_here(token: Token, lex: Lexicon) -> bool:
    modals = lex.modality["hypothetical_modals"]
    for c in token.children:
        if c.dep_ == "aux" and c.lower_ in modals:
            # In reported speech "would" is the past of "will" ("said they would release"): a stated plan.
            if c.lower_ == "would" and _reported(token):
                continue
            return True
    return False


def _conditional_here(token: Token, lex: Lexicon) -> bool:
    """The token heads a conditional clause ("if X strikes") or a clause that has one ("if ..., Russia acts")."""
    marks = lex.modality["conditional_marks"]
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in marks:
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(g.lower_ in ("case", "event") for g in child.children)
        ):
            return True
    return False


def _speculative_here(token: Token, lex: Lexicon) -> bool:
    adverbs = lex.modality["speculation"]
    return any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in adverbs for c in token.children)


def _scope(trigger: Token, governors: Iterable[Token]) -> list[Token]:
    """The trigger, the verbs that govern it as complements, and the clause heads above them."""
    chain = [trigger, *governors]
    seen = {t.i for t in chain}
    top = chain[-1]
    while top.dep_ in _CLAUSE_LINKS and top.head.i != top.i and top.head.i not in seen:
        top = top.head
        seen.add(top.i)
        chain.append(top)
    return chain


def _judged_infinitive(token: Token) -> bool:
    """Is ``token`` an infinitive that a judgement is passed on ("it is important to expand trade with China",
    "it was counterproductive to accuse China", "it is time to lift the sanctions")? A view of the act, not the
    act: "it" stands for the infinitive, which nobody is said to do."""
    if token.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    return (
        head.lemma_ == "be"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
        and any(c.dep_ in ("acomp", "attr") for c in head.children)
    )


_TURNOUT = cues.words("turnout_verbs")


def turned_out_to_protest(trigger: Token) -> bool:
    """ "Thousands gathered in Hong Kong to protest the law", "supporters turned out in D.C. to protest": a crowd
    that came together to demonstrate is demonstrating, no mere aim."""
    return (
        trigger.lemma_.lower() in ("protest", "demonstrate", "rally")
        and trigger.dep_ in ("advcl", "xcomp")
        and trigger.head.lemma_.lower() in _TURNOUT
        and not any(
            c.dep_ == "dobj" for c in trigger.head.children
        )  # "gathered signatures to protest the plan"
    )


def modality_of(trigger: Token, governors: Iterable[Token], lex: Lexicon) -> tuple[Modality, str | None]:
    """``(modality, cue)`` for the event whose trigger is ``trigger``; ``governors`` are the verbs or adjectives
    it is the complement of ("ready" in "ready to provide"). The cue names what decided it."""
    chain = list(governors)
    near = [trigger, *chain]
    for token in near:
        if _negated_here(token, lex):
            return "negated", "negation"
        if token.lemma_.lower() in lex.modality["negating_governors"] and token != trigger:
            return "negated", f"governor:{token.lemma_.lower()}"
    if _object_negated(trigger, lex):
        return "negated", "negated object"
    if any(_yet_to(token) for token in (*near, trigger.head)):
        return "negated", "yet to"
    for token in near:
        if _modal_here(token, lex):
            return "hypothetical", "modal"
        if _speculative_here(token, lex):
            return "hypothetical", "speculation"
    sentence = trigger.sent
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    if last is not None and last.text == "?":
        return "hypothetical", "question"
    believers = lex.modality["speculative_governors"]
    for token in _scope(trigger, chain):
        if _conditional_here(token, lex):
            return "hypothetical", "conditional"
        if token != trigger and token.dep_ != "conj" and _speculative_here(token, lex):
            return "hypothetical", "speculation"
        if token.lemma_.lower() in believers and token != trigger:
            return "hypothetical", f"belief:{token.lemma_.lower()}"
        if _judged_infinitive(token):
            return "hypothetical", "evaluation"
        if token.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        ):
            if token == trigger and turned_out_to_protest(trigger):
                continue  # "thousands gathered in the capital to protest": they are protesting there
            # An infinitival purpose clause ("sent troops to attack the town") states an aim, not an act.
            return "hypothetical", "purpose"
    alleged = _alleged_by(trigger, lex)
    if alleged is not None:
        return "hypothetical", f"allegation:{alleged}"
    scheduled = lex.modality.get("scheduled", frozenset())
    for token in near:
        if any(
            c.lower_ in scheduled and c.dep_ in ("amod", "acl", "advmod", "acomp") for c in token.children
        ):
            return "hypothetical", "scheduled"  # "the forthcoming summit", "talks scheduled for tomorrow"
        if token.lower_ in scheduled and token.dep_ in ("ROOT", "conj", "ccomp") and token != trigger:
            return "hypothetical", "scheduled"  # "the talks are set to begin", "the visit is expected to"
    return "asserted", None


def _alleged_by(trigger: Token, lex: Lexicon) -> str | None:
    """The verb or noun of allegation the trigger is said under, at any depth ("accused Rwanda of taking part in
    the killing", "denied charges that it tortured"), unless the path runs through its subject ("the ministry,
    which was attacked, accused ..." reports the attack as a fact)."""
    allegers = lex.modality["allegation_governors"]
    hearsay = lex.modality.get("allegation_nouns", frozenset())
    token = trigger
    while token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass", "csubj", "agent"):
            return None
        if token.dep_ in ("conj", "parataxis") and token.head.lemma_.lower() in allegers:
            return None  # "accused Rwanda ... but said it was determined to mend ties": a clause of its own
        token = token.head
        if token.lemma_.lower() in allegers or (token.pos_ == "NOUN" and token.lemma_.lower() in hearsay):
            return token.lemma_.lower()
    return None


def future_intent(trigger: Token, governors: Iterable[Token], lex: Lexicon) -> bool:
    """ "will provide", "is going to send": a future act, which PLOVER codes as an expressed intention."""
    future = lex.modality["future_markers"]
    # Only the verbs the trigger is the controlled complement of ("will continue to develop"); a clause the
    # trigger is the object of ("... that will account for what they discussed") says nothing of its tense.
    chain = [trigger]
    performed = trigger.lemma_ in _PERFORMATIVES
    for governor in governors:
        link = (
            ("xcomp", "acomp", "nsubj", "nsubjpass", "dobj")
            if chain[-1].pos_ in ("NOUN", "PROPN")
            else ("xcomp", "acomp")
        )
        if chain[-1].dep_ not in link or chain[-1].head.i != governor.i:
            break
        chain.append(governor)
    if trigger.dep_ == "conj" and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in trigger.children):
        # "will take part in the forum and sign the declaration": one "will" for both
        chain.append(trigger.head)
    for token in chain:
        for child in token.children:
            if child.dep_ == "aux" and (
                child.lower_ in future
                # "would like to congratulate" is done as it is said, even where it hangs on another clause
                or (
                    child.lower_ == "would"
                    and _reported(token)
                    and not (performed and token.lemma_ in _WISH_VERBS)
                )
            ):
                return True
        if token.lemma_ == "go" and token.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in token.children):
            return True
    return False


__all__ = ["future_intent", "modality_of"]
