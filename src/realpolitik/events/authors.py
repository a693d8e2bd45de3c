"""Whose words or decision an act is about. A verb of force whose object is a decision, a statement or a
proclamation ("Erdogan attacked the proclamation of the Golan Heights as Israeli territory by the US President")
is criticism, aimed at whoever made it, and at no one if the sentence does not say who did (the place or thing
proclaimed is no party). A message passed on ("Let me convey to you the congratulations of President Xi") is
its author's act toward the one it is addressed to, not the messenger's toward its author."""

from __future__ import annotations

from spacy.tokens import Token

from realpolitik.events.arguments import Argument, MentionIndex, argument, child, prep_object, real_object
from realpolitik.ontology import cues
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry

_UTTERANCES = cues.words("criticised_words")
_RELAYED = cues.words("relayed_messages")
_RELAYING = cues.words("relaying_verbs")
_OWN = frozenset({"my", "our", "i", "we", "me", "us"})


def is_verbal_attack(entry: LexiconEntry, verb: Token, obj: Token | None, lex: Lexicon) -> bool:
    """Is this a verb of physical force read as criticism because its object is a word or a decision
    ("attacked the decision", "hit the remarks"): an ACCUSE entry with an object list, on a verb that is also
    an ASSAULT trigger, whose object is an utterance?"""
    if entry.type != "ACCUSE" or entry.objects is None or obj is None:
        return False
    if real_object(obj).lemma_.lower() not in _UTTERANCES:
        return False
    return any(e.type == "ASSAULT" for e in lex.verbs.get(verb.lemma_.lower(), ()))


def _coded(found: Argument | None, how: str) -> Argument | None:
    if found is None or not any(r.code for r in found.refs):
        return None
    return Argument(tuple(r for r in found.refs if r.code), how)


def utterance_author(obj: Token, index: MentionIndex) -> Argument | None:
    """Who made the decision or statement ``obj``: its possessor ("Ukraine's decision"), its agent ("the
    proclamation ... by the US President"), an actor naming it ("the American proclamation"), or the "of" phrase
    ("the remarks of the British Foreign Secretary") unless that phrase is what is proclaimed ("the proclamation
    of the Golan Heights as Israeli territory"). None when the sentence does not say."""
    noun = real_object(obj)
    possessor = child(noun, "poss")
    if possessor is not None and possessor.lower_ not in _OWN:
        return _coded(argument(possessor, index, "possessor"), "act-author")
    verb = noun.head if noun.dep_ == "dobj" else None
    # "the proclamation of X as Y by Z": the parser hangs "as Y" on the verb, and "by Z" inside it
    named_as = [
        c for c in (verb.children if verb is not None else ()) if c.lower_ == "as" and c.dep_ == "prep"
    ]
    phrases = [noun, *named_as, *([verb] if verb is not None else [])]
    for phrase in phrases:
        holders = [phrase] if phrase is verb else [phrase, *(t for t in phrase.subtree if t.dep_ == "pobj")]
        for holder in holders:
            by = prep_object(holder, ("by",))
            if by is not None:
                return _coded(argument(by[0], index, "prep:by"), "act-author")
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    named = [m for m in index.in_tokens(modifiers) if m.code]
    if named:
        return Argument(tuple(m.ref() for m in named), "act-author")
    of = prep_object(noun, ("of",))
    if of is not None and not named_as and not _proclaimed(noun, of[0]):
        return _coded(argument(of[0], index, "prep:of"), "act-author")
    return None


def _proclaimed(noun: Token, of_object: Token) -> bool:
    """ "the proclamation of the Golan Heights as Israeli territory": the "of" phrase is what is named."""
    return any(t.lower_ == "as" and t.dep_ == "prep" for t in (*noun.children, *of_object.children))


def relayed_author(verb: Token, obj: Token | None, index: MentionIndex) -> Argument | None:
    """The author of a message a speaker passes on ("convey to you the congratulations of President Xi",
    "pass on President Xi's greetings"), when it is someone else than the speaker."""
    if obj is None or verb.lemma_.lower() not in _RELAYING:
        return None
    noun = real_object(obj)
    if noun.lemma_.lower() not in _RELAYED and noun.lower_ not in _RELAYED:
        return None
    possessor = child(noun, "poss")
    if possessor is not None:
        if possessor.lower_ in _OWN or possessor.pos_ == "PRON":
            return None
        return _coded(argument(possessor, index, "possessor"), "message-author")
    of = prep_object(noun, ("of", "from"))
    if of is not None and of[0].lower_ not in _OWN:
        return _coded(argument(of[0], index, f"prep:{of[1]}"), "message-author")
    return None


def relayed_addressee(verb: Token, author: Argument, index: MentionIndex) -> Argument | None:
    """Whom a relayed message is for: the "to" phrase when it names someone other than the author; else None
    (then the readout's other side of the author, as for any act that names no target)."""
    hit = prep_object(verb, ("to",))
    found = _coded(argument(hit[0], index, "prep:to"), "prep:to") if hit is not None else None
    own = {r.code for r in author.refs}
    if found is None or any(r.code in own for r in found.refs):
        return None
    return found


__all__ = ["is_verbal_attack", "relayed_addressee", "relayed_author", "utterance_author"]
