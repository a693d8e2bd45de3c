"""Praise of the one addressed. In a readout's direct speech, what the addressee or their country achieved, said
to them, is praise from the other side (docs/annotation.md, SUPPORT): "Under your guidance China has achieved
impressive successes" in Putin's message to Xi, "you made a huge contribution to the summit's success" in Xi's
words to Putin, "Russia and you personally deserve credit for this". The sentence must speak to the one praised
("you" is its subject, or "your" leads or belongs to it): a speaker's own country "has achieved successes" is
no act toward anyone, and the readout's two sides say who speaks to whom."""

from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events.arguments import Argument, child, subject_of
from realpolitik.events.context import Candidate, CodingContext, clause_words
from realpolitik.events.triggers import Match
from realpolitik.model import ActorRef
from realpolitik.ontology import cues
from realpolitik.ontology.lexicon import LexiconEntry

_ACHIEVING = cues.words("achievement_verbs")
_OBJECTS = {verb: cues.words(kind) for verb, kind in cues.mapping("achievement_objects").items()}
_GUIDANCE = cues.words("guidance_nouns")
_PRAISING_ROLE = cues.words("praising_role_adjectives")
_SECOND = frozenset({"you", "your", "yours"})


def addressed_praise(sent: Span, ctx: CodingContext, triggers: dict[int, Match]) -> list[Candidate]:
    """SUPPORT from one side of a two-sided readout to the other for what the sentence, spoken to the other,
    says they achieved."""
    if len(ctx.sides) != 2 or ctx.forum or "?" in sent.text[-3:]:
        return []
    if not any(t.lower_ in _SECOND for t in sent):
        return []
    out: list[Candidate] = []
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.i in triggers or not _achieves(verb):
            continue
        subject = child(verb, "nsubj")
        if subject is None and verb.dep_ == "conj":
            subject = child(verb.head, "nsubj")  # "you took part in the summit and made a huge contribution"
        if subject is None:
            continue
        praised = _praised_side(verb, subject, ctx)
        if praised is None:
            continue
        speaker = next(s for s in ctx.sides if s.code != praised.code)
        entry = LexiconEntry(
            type="SUPPORT",
            cameo="051",
            pos="verb",
            lemmas=frozenset({verb.lemma_.lower()}),
            name="SUPPORT/addressed-praise",
        )
        out.append(
            Candidate(
                Match(verb, entry, child(verb, "dobj")),
                Argument((speaker,), "speaker"),
                Argument((praised,), "addressee"),
                clause_words(verb),
            )
        )
    return out


def _achieves(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in _ACHIEVING:
        return True
    wanted = _OBJECTS.get(lemma)
    obj = child(verb, "dobj")
    if wanted is None or obj is None or not ({obj.lemma_.lower(), obj.lower_} & wanted):
        return False
    # "played a key role" praises; "played a direct role" describes
    return obj.lemma_.lower() != "role" or any(c.lower_ in _PRAISING_ROLE for c in obj.children)


def _praised_side(verb: Token, subject: Token, ctx: CodingContext) -> ActorRef | None:
    """The side the achieving subject stands for, when the sentence speaks to it: "you" resolved to a side, or
    a side named with "you"/"your" in the subject ("Russia and you personally") or leading it ("Under your
    guidance China ...")."""
    found = subject_of(subject.head, ctx.index)  # the verb's own subject, or its first conjunct's
    codes = {r.code for r in found.refs if r.code} if found is not None else set()
    if len(codes) != 1:
        return None
    (code,) = codes
    side = next((s for s in ctx.sides if s.code == code), None)
    if side is None:
        return None
    spoken_to = subject.lower_ == "you" or any(t.lower_ in _SECOND for t in subject.subtree)
    return side if spoken_to or _led_by_addressee(verb) else None


def _led_by_addressee(verb: Token) -> bool:
    """ "Under your leadership", "with your guidance": the addressee leads what the subject achieved."""
    return any(
        noun.dep_ == "pobj"
        and noun.lemma_.lower() in _GUIDANCE
        and any(c.dep_ == "poss" and c.lower_ == "your" for c in noun.children)
        for prep in verb.children
        if prep.dep_ == "prep"
        for noun in prep.children
    )


__all__ = ["addressed_praise"]
