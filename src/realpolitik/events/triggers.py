"""Trigger finding for the rule coder: which words of a sentence fire a lexicon entry (a verb with its object
pattern and particles, an intent adjective with its complement), with the lemma repaired where the model's
lemmatizer mangles a trigger verb, and the chain of words a trigger is the complement of ("agreed to send").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from realpolitik.events.arguments import child, passive_patient
from realpolitik.events.clauses import message_participle
from realpolitik.events.nominal import object_keys
from realpolitik.ontology.cues import words
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry

# Light verbs whose object noun carries the event ("held talks", "made investments").
_OBJECT_DEPS = ("dobj", "attr", "oprd", "npadvmod")


@dataclass
class Match:
    """A trigger in a sentence: the lexicon entry that fired and the object that completed its pattern."""

    token: Token
    entry: LexiconEntry
    obj: Token | None = None
    governors: tuple[Token, ...] = ()
    intent_by: Token | None = None


# "During his visit, Putin paid tribute", "Despite the appeal, they made the decision": when or in spite of what
_ADJUNCT_PREPOSITIONS = words("time_prepositions") | words("concessive_prepositions")


def _objects_of(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
    patient = passive_patient(verb)
    if patient is not None:
        objs.append(patient)
    for c in verb.children:
        # "During his visit, Putin paid tribute": a time phrase says when, it does not complete the verb's act
        # "received a letter of credence from your ambassador": whom a thing came from is no object
        if (
            c.dep_ in ("prep", "prt", "dative")
            and c.lower_ not in _ADJUNCT_PREPOSITIONS
            and c.lower_ != "from"
        ):
            objs.extend(g for g in c.children if g.dep_ == "pobj")
    objs.extend(g for o in list(objs) for g in o.children if g.dep_ == "conj")
    objs.extend(c for c in verb.children if c.dep_ == "xcomp")  # "declined to comment"
    # "found the commander guilty", "called the move illegal": the small clause's adjective completes the pattern.
    objs.extend(c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "ADJ")
    # "will not accept refugees fleeing the war", parsed as a clause whose subject is the real object.
    objs.extend(
        g
        for c in verb.children
        if c.dep_ == "ccomp" and c.tag_ == "VBG"
        for g in c.children
        if g.dep_ == "nsubj"
    )
    # "began preparations in March 2016": a date is no object ("march" as a protest)
    return [o for o in objs if o.ent_type_ not in ("DATE", "TIME")]


def _bare_in(verb: Token) -> bool:
    """Does an "in" after the verb stand without an object of its own ("the government gave in")?"""
    return any(
        c.lower_ == "in" and c.i > verb.i and not any(g.dep_ == "pobj" for g in c.children)
        for c in verb.children
    )


def _match_verb(token: Token, entries: tuple[LexiconEntry, ...]) -> Match | None:
    # a phrasal verb's particle follows it: "In his telegram, the President gave ..." is no "give in"
    particles = {
        c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "dative", "advmod") and c.i > token.i
    }
    # "returned the sculpture ... to Algeria": the parser often hangs the particle's phrase on the object.
    particles.update(
        g.lower_ for c in token.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"
    )
    # "gave in" is a particle, "given instructions ... in order to", "given Russia its due in this area" a place or a
    # purpose: "in" with an object of its own is a preposition, except where the act goes somewhere ("arrived in")
    # or the entry's object follows it
    phrasal = particles - {"in"} if not _bare_in(token) else particles
    if token.lemma_.lower() in words("opinion_verbs") and any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in token.children
    ):
        return None  # "Putin and I agree that relations must ...": an opinion shared, not an agreement made
    # "called the Arctic 'ground zero' for climate change": a name given, no call for anything (but "called the
    # remarks irresponsible" may still accuse)
    naming = token.lemma_.lower() in words("naming_verbs") and any(c.dep_ == "oprd" for c in token.children)
    objects = _objects_of(token)
    for entry in entries:
        if naming and entry.type == "REQUEST":
            continue
        # an entry with objects of its own matches them after any particle ("handed in their weapons")
        own = particles if entry.place_target or entry.objects is not None else phrasal
        if entry.particles is not None and not (entry.particles & own):
            continue
        if entry.objects is None:
            return Match(token, entry)
        for obj in objects:
            if entry.objects & object_keys(obj):
                return Match(token, entry, obj=obj)
    return None


def verb_lemma(token: Token, table: dict[str, tuple[LexiconEntry, ...]]) -> str:
    """The token's lemma, repaired where the model's lemmatizer drops a stem's final "e" ("staged" -> "stag",
    "waged" -> "wag", "raped" -> "rap"): when only the form with the "e" is a trigger and the word is that form
    inflected, the "e" form is meant."""
    lemma = token.lemma_.lower()
    if lemma in table or f"{lemma}e" not in table:
        return lemma
    if token.lower_ in (f"{lemma}ed", f"{lemma}es", f"{lemma}ing"):
        return f"{lemma}e"
    return lemma


def polite_frame(token: Token) -> bool:
    """ "Let me thank you", "Allow us to express ...": a verb of permission whose complement's subject or own
    object is the speaker frames what the speaker does; it concedes nothing."""
    if token.lemma_.lower() not in words("polite_frames"):
        return False
    speaker = words("first_person_singular") | words("first_person_plural")
    near = [c for c in token.children if c.dep_ in ("dobj", "nsubj")]
    near += [
        g for c in token.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"
    ]
    return any(t.lower_ in speaker for t in near)


def _object_between(adj: Token, comp: Token) -> bool:
    """Does a prepositional object of ``adj`` stand between it and its complement ``comp``?"""
    return any(
        c.dep_ == "prep" and adj.i < c.i < comp.i and child(c, "pobj") is not None for c in adj.children
    )


_ADJECTIVAL = frozenset({"promising", "threatening", "demanding", "welcoming", "encouraging", "supporting"})


def _describes(token: Token) -> bool:
    """A participle used as an adjective: "the growing threat", and the words that are adjectives far more often
    than acts ("learned about promising economic projects", "a demanding task"), which the parser may take for a
    gerund with a bare object; not with an auxiliary, a subject or a determined object ("Moscow is promising gas",
    "grateful for supporting a number of our initiatives")."""
    if token.dep_ == "amod":
        return True
    obj = child(token, "dobj")
    if obj is None or token.lower_ not in _ADJECTIVAL:
        return False
    return (
        not any(c.dep_ in ("det", "poss", "nummod") for c in obj.children)
        and not any(c.dep_ in ("aux", "nsubj") for c in token.children)
        and all(t.dep_ in ("amod", "compound") for t in token.doc[token.i + 1 : obj.i])
    )


def find_triggers(sent: Span, lex: Lexicon) -> dict[int, Match]:
    found: dict[int, Match] = {}
    for token in sent:
        lemma = verb_lemma(token, lex.verbs) if token.pos_ in ("VERB", "AUX") else token.lemma_.lower()
        match: Match | None = None
        if polite_frame(token):
            continue
        if token.tag_ == "VBG" and _describes(token):
            continue  # "promising economic projects", "the growing threat": a participle that describes a noun
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux" and lemma in lex.verbs):
            entries = lex.verbs.get(lemma)
            if entries:
                match = _match_verb(token, entries)
        elif token.pos_ == "ADJ":
            entries = lex.adjs.get(lemma)
            # "ready to help", "interested in cooperating": an adjective governing an act
            xcomp = child(token, "xcomp")
            # ... but not "interested in Ukraine getting the resource": the act is another's (the parser hangs
            # the gerund on the adjective with "in Ukraine" before it)
            governs = (xcomp is not None and not _object_between(token, xcomp)) or any(
                g.dep_ == "pcomp" and g.pos_ == "VERB"
                for c in token.children
                if c.dep_ == "prep"
                for g in c.children
            )
            if entries and governs:
                match = Match(token, entries[0])
        if match is not None:
            found[token.i] = match
    return found


def governors_of(token: Token) -> list[Token]:
    """The words a trigger is the complement of: "ready" in "ready to deepen", "agreed" in "agreed to meet",
    "accused" in "accused Moscow of sending troops". One reported-speech step (ccomp) at most."""
    if message_participle(token):
        return [token.head.head]  # "sent a message congratulating him": the sending tells the act
    chain: list[Token] = []
    current = token
    for _ in range(8):
        dep, head = current.dep_, current.head
        # "take this opportunity to congratulate": the noun frames the act like "would like to" does
        framed = (dep == "acl" and head.lemma_.lower() in words("polite_frames")) or (
            dep == "advcl"
            and any(o.dep_ == "dobj" and o.lemma_.lower() in words("polite_frames") for o in head.children)
        )
        if head.i == current.i or (dep not in ("xcomp", "acomp", "pcomp", "ccomp", "prep") and not framed):
            break
        if dep == "prep" and current.i == token.i:
            break
        current = head
        if head.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
            chain.append(head)
        if dep == "ccomp":
            break
    return chain


__all__ = ["Match", "find_triggers", "governors_of", "polite_frame", "verb_lemma"]
