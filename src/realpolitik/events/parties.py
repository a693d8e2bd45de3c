"""Who an act is done with when the sentence says it in its own ways: the organisation a signing of more than
three parties is done with, and what those thanked did when a relative clause on them tells it."""

from __future__ import annotations

from spacy.tokens import Token

from realpolitik.events.context import CodingContext
from realpolitik.model import ActorRef


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


__all__ = ["joined_organisation", "thanked_deeds"]
