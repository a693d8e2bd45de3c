"""Who an act is done with when the sentence says it in its own ways: the organisation a signing of more than
three parties is done with, what those thanked did when a relative clause on them tells it, a partner that is
others referred back to or a name no actor was found for, a partner named inside the act's object, a state's people
named for the state, and the own bodies an agreement instructs."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from realpolitik.events.arguments import Argument, child, prep_object
from realpolitik.events.context import CodingContext
from realpolitik.events.triggers import Match
from realpolitik.model import ActorRef
from realpolitik.ontology import cues

_OWN_BODIES = cues.words("own_bodies")
_OWNERS = cues.words("body_owners")
_PARTNERSHIPS = cues.words("partnership_nouns")
_PEOPLE = cues.words("people_met")
_CONGRATULATING = frozenset({"congratulate", "congratulation", "congratulations"})
_OCCASIONS = cues.words("courtesy_occasions") | cues.words("political_occasions")
_OCCASION_REACH = 5  # sentences back: the congratulation of the same readout


def orders_own_bodies(match: Match) -> bool:
    """Is the act an instruction to the actor's own bodies ("agreed to instruct their governments to study the
    pipeline", "to instruct the relevant agencies of our countries")? Agreed between sides, it is how they carry out
    their agreement: the agreement is the event, not an order from each to itself."""
    obj = match.obj or child(match.token, "dobj")
    if match.entry.type != "REQUEST" or obj is None or obj.lemma_.lower() not in _OWN_BODIES:
        return False
    owners = [c for c in obj.children if c.dep_ in ("poss", "amod")]
    of = prep_object(obj, ("of",))
    if of is not None:
        owners += [
            c for c in of[0].children if c.dep_ in ("poss", "nummod")
        ]  # "of our countries", "of the two"
    return any(o.lower_ in _OWNERS or o.lower_ in ("two", "both") for o in owners)


def partner_within(
    trigger: Token, kind: str, ctx: CodingContext, sources: tuple[ActorRef, ...]
) -> Argument | None:
    """A partner an intention names deeper than its arguments ("confirmed his country's commitment to such dialogue
    with the United States", "will adopt a decision to sign a free trade agreement with Serbia"): the actor after
    "with" on a noun of relations inside the trigger's object, before the readout's other side is taken for it.
    Only there: "compliance with the UN Charter", "an agreement with support from the European Commission" or a
    question "about your contacts with Trump" name no partner of the act."""
    if kind != "AGREE":
        return None
    own = {s.code for s in sources if s.code}
    for obj in (c for c in trigger.children if c.dep_ in ("dobj", "pobj", "prep", "xcomp")):
        for token in obj.subtree:
            if (
                token.lower_ != "with"
                or token.dep_ != "prep"
                or token.head.lemma_.lower() not in _PARTNERSHIPS
            ):
                continue
            pobj = child(token, "pobj")
            if pobj is None:
                continue
            named = [m for m in ctx.index.in_tokens([pobj]) if m.code and m.code not in own]
            if named:
                return Argument((named[0].ref(),), "prep:with")
    return None


def joined_organisation(
    kind: str,
    sources: tuple[ActorRef, ...],
    targets: tuple[ActorRef, ...],
    words: list[Token],
    ctx: CodingContext,
) -> ActorRef | None:
    """The organisation a signing of more than three parties is done with: the one among the parties ("The EAEU
    signed agreements with China, Vietnam, Iran, Serbia and Singapore"), else the one the clause names ("signed a
    declaration on the establishment of the Shanghai Cooperation Organisation"), else the title's."""
    if kind != "SUPPORT":
        return None
    among = {r.code: r for r in (*sources, *targets) if r.code and r.kind == "igo"}
    if among:
        return next(iter(among.values())) if len(among) == 1 else None
    if not all(r.kind in ("state", "person") for r in (*sources, *targets) if r.code):
        return None
    named = {m.code: m for m in ctx.index.in_tokens(words) if m.code and m.kind == "igo"}
    if named:
        return next(iter(named.values())).ref() if len(named) == 1 else None
    return ctx.organisation


_THANKING = frozenset({"thank", "express", "convey", "extend", "voice"})


def thanked_deeds(trigger: Token) -> list[Token]:
    """What those thanked did, told in a relative clause on them ("express my gratitude to all the CSTO members
    who jointly supported the resolution", "thank everyone who helped"): what the thanks are for."""
    if trigger.lemma_.lower() not in _THANKING:
        return []
    thanked = [c for c in trigger.children if c.dep_ == "dobj"]
    holders = (trigger, *thanked)  # "my gratitude to all the CSTO members": the noun holds the addressee
    thanked += [
        g
        for h in holders
        for c in h.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return [t for n in thanked for c in n.children if c.dep_ == "relcl" for t in c.subtree]


def earlier_occasion(clause: list[Token]) -> list[Token]:
    """A congratulation that names no occasion ("Earlier, Mr Putin sent Mr Berdimuhamedov a message of
    congratulations") is on the one the article gave the last congratulation before it, a few sentences back
    ("The President congratulated Mr Berdimuhamedov on his 60th birthday"): the words of that occasion."""
    words = {w for t in clause for w in (t.lower_, t.lemma_.lower())}
    if not clause or not words & _CONGRATULATING or _names_occasion(words):
        return []
    doc = clause[0].doc
    sent = doc[min(t.i for t in clause)].sent
    for _ in range(_OCCASION_REACH):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        for tok in sent:
            if tok.lemma_.lower() in _CONGRATULATING:
                on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"), None)
                if on is not None:
                    return list(on.subtree)
    return []


def _names_occasion(words: set[str]) -> bool:
    return any(all(part in words for part in phrase.split()) for phrase in _OCCASIONS)


def tokens_of(doc: Doc, ref: ActorRef) -> list[Token]:
    """The tokens an actor reference covers."""
    if ref.start is None or ref.end is None:
        return []
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return list(span) if span is not None else []


def names_unknown(target: Argument | None, doc: Doc) -> bool:
    """Is the target a person or organisation named by a proper name that no actor was resolved for, or whoever a
    request is addressed to ("call on the international community to join forces": no one's other side)?"""
    if target is None or any(r.code for r in target.refs):
        return False
    if target.how == "addressee":
        return True
    return any(
        t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for r in target.refs for t in tokens_of(doc, r)
    )


def with_others(trigger: Token) -> bool:
    """Does the act name its partner as others the sentence refers back to ("We have signed agreements with four of
    them", "talks with them") or as people of no state's ("Putin and Xi met with representatives of public
    organisations")? Then the partner is a third party, neither the readout's other side (who is "you") nor,
    for "X and Y met with ...", X and Y each other."""
    for holder in (trigger, *(c for c in trigger.children if c.dep_ == "dobj")):
        found = prep_object(holder, ("with",))
        if found is None:
            continue
        partner = found[0]
        inner = prep_object(partner, ("of",))  # "four of them"
        if (inner[0] if inner else partner).lower_ in ("them", "others") or partner.lemma_.lower() in _PEOPLE:
            return True
    return False


def people_of(ref: ActorRef) -> bool:
    """Does a state's mention name its people ("Thousands of Belarusians", "Iraqis"), not the state itself?"""
    text = ref.text[4:] if ref.text.lower().startswith("the ") else ref.text
    return ref.kind == "state" and text.endswith("s") and text.lower() != (ref.name or "").lower()


__all__ = [
    "joined_organisation",
    "names_unknown",
    "orders_own_bodies",
    "partner_within",
    "people_of",
    "thanked_deeds",
    "tokens_of",
    "with_others",
]
