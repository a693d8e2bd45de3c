"""Event nouns for the rule coder: which nouns of a sentence are events of their own ("the talks between X and
Y", "X's visit to Y", "criticism from X"), who takes part in them, and who did the act a verbal reaction is
about ("condemned the attack by X" is aimed at X). Also the keys an object phrase is matched on ("all kinds of
humanitarian assistance" -> assistance, humanitarian) and a sentence's topic, the subject that later
subject-less event nouns are about. The coder (``code.py``) turns what this module finds into events.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Span, Token

from realpolitik.events.arguments import (
    Argument,
    MentionIndex,
    argument,
    child,
    nominal_arguments,
    prep_object,
    real_object,
    subject_of,
)
from realpolitik.ontology import cues
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry

_UNDERGOER_VERBS = cues.words("undergoer_verbs")
_TALKS_HAPPEN = cues.words("talks_happen_verbs")
_HOSTED_TALKS = cues.words("hosted_talks_verbs")
# How an event noun's own source was found, when that source is who did the act ("Israel's raid", "the attack
# by gunmen", "Israeli strikes"); an inherited topic or a light verb's subject is not the act's author.
_AUTHOR_ROLES = frozenset({"possessor", "prep:by", "prep:from", "modifier"})


@dataclass(frozen=True)
class NominalEvent:
    """An event noun that is news in its own right, with the entry it matched and its arguments."""

    token: Token
    entry: LexiconEntry
    source: Argument | None
    target: Argument | None


def object_keys(obj: Token) -> set[str]:
    """The words an object (or an event noun's modifiers) is matched on: its lemma, the real object behind a
    quantifier, compound and adjective modifiers, a split hyphenated compound, and "state of emergency"."""
    inner = real_object(obj)
    keys = {inner.lemma_.lower(), obj.lemma_.lower()}
    for token in (obj, inner):
        keys.update(c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
        left = token.i - 2
        if left >= 0 and token.doc[left + 1].text == "-" and token.doc[left].head.i == token.i:
            keys.add(f"{token.doc[left].lower_}-{token.lower_}")  # "cease-fire", split by the tokenizer
    of = prep_object(inner, ("of",))
    if of is not None:
        keys.add(of[0].lemma_.lower())  # "state of emergency"
        keys.update(c.lemma_.lower() for c in of[0].children if c.dep_ in ("compound", "amod"))
    if inner.ent_type_ in ("MONEY", "QUANTITY") or inner.pos_ == "NUM":
        in_ = prep_object(inner, ("in",))
        if in_ is not None:
            keys.add(in_[0].lemma_.lower())  # "$3.5 million in humanitarian funding"
    return keys


def _entry_for(token: Token, lex: Lexicon) -> LexiconEntry | None:
    entries = lex.nouns.get(token.lemma_.lower(), ())
    if not entries:
        return None
    keys = object_keys(token)
    # A noun entry's "objects" are its modifiers: "peacekeeping deployment" is aid, not mobilisation.
    return next((e for e in entries if e.objects is None or e.objects & keys), None)


def _undergone(noun: Token, index: MentionIndex) -> tuple[Argument | None, Argument | None] | None:
    """ "The plan drew sharp criticism from Germany": Germany is the source, the verb's subject the target."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _UNDERGOER_VERBS:
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.lemma_.lower() == "come":
        verb = noun.head.head  # "Japan came under criticism from South Korea"
    else:
        return None
    hit = prep_object(noun, ("from", "by")) or prep_object(verb, ("from", "by"))
    if hit is None:
        return None
    source = argument(hit[0], index, f"prep:{hit[1]}")
    target = subject_of(verb, index)
    if target is not None:
        target = Argument(target.refs, "undergoer")
    return source, target


def nominal_events(
    sent: Span,
    lex: Lexicon,
    index: MentionIndex,
    topic: Argument | None,
    consumed: Container[int],
    triggers: Container[int],
    sides_known: bool = False,
) -> list[NominalEvent]:
    """The event nouns of ``sent`` that are not the object of a coded verb ("condemned the attack": the attack
    is what is condemned, not the news) and that name at least one known actor, or, when the article's two
    sides are known (a readout), a joint act that is the news of its sentence ("The talks covered trade")."""
    out: list[NominalEvent] = []
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        entry = _entry_for(token, lex)
        if entry is None:
            continue
        # the object of a coded verb is what is acted on, unless the verb puts on talks between others
        taken = token.i in consumed or (token.dep_ in ("dobj", "nsubjpass") and token.head.i in triggers)
        if taken and not _hosted_talks(token, entry):
            continue
        if token.dep_ == "pobj" and (token.head.head.i in consumed or token.head.head.i in triggers):
            continue  # "praised China's assistance", "condemned the attack": the act referred to is not the news
        undergone = _undergone(token, index)
        source, target = undergone if undergone is not None else nominal_arguments(token, index)
        if source is None and target is not None and topic is not None:
            source = Argument(topic.refs, "topic")
        known = any(r.code for a in (source, target) if a for r in a.refs)
        talks = entry.type == "CONSULT"
        if not known and not (sides_known and entry.reciprocal and is_news(token, joint=True, talks=talks)):
            continue  # an event noun with no known actor ("the war") is not an event record
        if target is None and source is not None and source.how == "modifier" and token.dep_ != "ROOT":
            continue  # "over Israeli air raids": a bare "X-ish act" mentioned in passing says too little
        if source is None and target is not None and target.how == "prep:in":
            continue  # "concern that violence in Kasai has grown": a place, not a party, and nobody acting
        if entry.type == "SUPPORT" and target is not None and target.how == "prep:on" and not _coded(target):
            target = None  # "my congratulations on your re-election": the occasion; the one congratulated is addressed
        out.append(NominalEvent(token, entry, source, target))
    return out


def _coded(argument: Argument) -> bool:
    return any(r.code for r in argument.refs)


def _put_on_between(noun: Token) -> bool:
    """ "Beijing is hosting talks between Putin and Xi": talks put on by the verb's subject between parties the
    noun names are an event of those parties, besides the hosting."""
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _HOSTED_TALKS
        and prep_object(noun, ("between", "among")) is not None
    )


def _hosted_talks(noun: Token, entry: LexiconEntry) -> bool:
    return entry.type == "CONSULT" and entry.reciprocal and _put_on_between(noun)


def _addressed(noun: Token) -> Token | None:
    """The vocative a congratulation is said to ("Mr President, my congratulations on ..."), also after a turn
    label the parser kept in the sentence: the sentence's root, which the congratulation stands beside."""
    if (
        noun.dep_ != "appos"
        or noun.lower_ not in ("congratulations", "congratulation")
        or noun.head.pos_ != "PROPN"
    ):
        return None
    root = noun.head if noun.head.dep_ != "appos" else noun.head.head
    return root if root.dep_ == "ROOT" else None


def noun_governors(noun: Token) -> tuple[Token, ...]:
    """The verb that carries an event noun's tense and clause ("The visit will take place", "will host talks"), or
    the vocative a congratulation is said beside (the sentence's main clause)."""
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.i != noun.i:
        return (noun.head,)
    addressed = _addressed(noun)
    return (addressed,) if addressed is not None else ()


def is_news(noun: Token, joint: bool = False, talks: bool = False) -> bool:
    """Is an event noun what its clause reports ("The talks covered ...", "Talks were held", "drew criticism
    from Germany", "took part in the killing") rather than a passing mention ("during the talks", "the
    agreements reached at the meeting")? ``joint`` says the noun is a joint act (talks, a meeting)."""
    if noun.dep_ == "nsubj" and talks and noun.head.pos_ == "VERB":  # a copula is left to the rewrites
        # "The talks covered trade", "The meeting took place": the talks are the news; "The conversation confirmed
        # the allied nature of our relations": a judgement about them is not
        return noun.head.lemma_.lower() in _TALKS_HAPPEN
    if (
        noun.dep_ == "nsubj"
        and talks
        and noun.head.lemma_.lower() == "be"
        and child(noun.head, "attr") is not None
    ):
        return False  # "Each meeting is a landmark", "Our meetings are a major factor of relations": a description
    if (
        noun.dep_ == "nsubj"
        and noun.head.lemma_ == "be"
        and not any(c.dep_ != "punct" for c in noun.children)
    ):
        return False  # "Understanding is one thing, but ...": the notion, no act of anyone
    if noun.dep_ == "nsubjpass" and talks and noun.head.lemma_.lower() in ("precede", "follow"):
        return False  # "The meeting was preceded by an award ceremony": the ceremony is the news
    if noun.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return True
    if _addressed(noun) is not None:
        return True  # "Mr President, once again my congratulations on your re-election"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _UNDERGOER_VERBS:
        return True  # "drew sharp criticism from Germany", "received aid from China"
    if _put_on_between(noun):
        return True  # "Beijing is hosting talks between Putin and Xi"
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and not joint:
        # a joint act taken part in ("took part in the meeting") is attendance, coded by events/readouts.py
        above = noun.head.head  # "took part in the killing", "participated in the attack"
        took_part = above.lemma_.lower() == "take" and any(c.lower_ == "part" for c in above.children)
        return took_part or above.lemma_.lower() in ("participate", "part", "involve")
    return False


def act_author(obj: Token | None, lex: Lexicon, index: MentionIndex) -> Argument | None:
    """Who did the act a reaction is about, when the reaction's object is an event noun that names its author:
    "condemned the attack by Osgiliath soldiers", "denounced Israel's raid", "protested against the killing of
    civilians by US drones". The author, not the place or the victims, is the one criticised."""
    if obj is None:
        return None
    first = real_object(obj)
    # "supported the efforts and specific assistance by the G20 to African countries": the acts coordinated
    # with the object share its author, and "by" names the author of any act ("the decision by Iran")
    for noun in (first, *(c for c in first.children if c.dep_ == "conj")):
        source = nominal_arguments(noun, index)[0] if _entry_for(noun, lex) is not None else None
        if source is None or source.how not in _AUTHOR_ROLES:
            hit = prep_object(noun, ("by",))
            source = argument(hit[0], index, "prep:by") if hit is not None else None
        if source is not None and any(r.code for r in source.refs):
            return Argument(tuple(r for r in source.refs if r.code), "act-author")
    return None


def reaction_object(verb: Token) -> Token | None:
    """The act a verb of reaction is about: its direct object or passive patient, else the object of "against",
    "over" or "at" ("protested against the killing", "angry over the raid")."""
    obj = child(verb, "dobj", "nsubjpass")
    if obj is not None:
        return obj
    hit = prep_object(verb, ("against", "over", "at"))
    return hit[0] if hit is not None else None


def topic_of(sent: Span, index: MentionIndex) -> Argument | None:
    """The resolved subject of a sentence's main clause: who later subject-less event nouns are about."""
    root = sent.root
    subj = child(root, "nsubj", "nsubjpass")
    if subj is None:
        return None
    found = argument(subj, index, "topic")
    if found is None or not any(r.code for r in found.refs):
        return None
    return Argument(tuple(r for r in found.refs if r.code), "topic")


__all__ = [
    "NominalEvent",
    "act_author",
    "is_news",
    "nominal_events",
    "object_keys",
    "reaction_object",
    "topic_of",
]


def own_act_noun(obj: Token | None, entry: LexiconEntry, lex: Lexicon) -> bool:
    """Is the trigger's object the noun of the act itself ("conveyed congratulations from the Kyrgyz people"), not
    another act reacted to ("praised the decision of Kazakhstan")?"""
    if obj is None or entry.objects is None or obj.lemma_.lower() not in entry.objects:
        return False
    return any(e.type == entry.type for e in lex.nouns.get(obj.lemma_.lower(), ()))
