"""What a trigger's clause says about its act beyond the act itself: mentioned in passing inside a noun phrase,
dated years before the article, evaluated by a copula, done by a crowd. The rewrites read these as conditions
(``passing``, ``history``, ``crowd``) and the predicate's words as part of the clause."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from realpolitik.events.arguments import real_object
from realpolitik.ontology import cues

_CROWDS = cues.words("crowd_nouns")


def predicate_of(noun: Token) -> list[Token]:
    """What a copula says of an event noun that is its subject ("the meeting was very useful"): part of the
    clause the noun's act is stated (or evaluated) in."""
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return []
    return [t for c in noun.head.children if c.dep_ in ("acomp", "attr") for t in c.subtree]


def complement_words(trigger: Token) -> frozenset[str]:
    """The words and lemmas of the clauses ``trigger`` governs ("asked that his gratitude be extended", "asked him
    to pass on greetings"): what is asked or said, for the rewrites."""
    clauses = [c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")]
    # "share the view that ...": the "that" clause of the object, where the parser hung it
    clauses += [
        a
        for o in trigger.children
        if o.dep_ == "dobj"
        for a in o.children
        if a.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)
    ]
    return frozenset(w for c in clauses for t in c.subtree for w in (t.lower_, t.lemma_.lower()))


_TIME_WORDS = cues.words("time_nouns")


def blames(trigger: Token) -> bool:
    """Does the act name what its target is blamed for ("attacked Trump for the tweet", "attacked Biden for
    accumulating wealth", "attacked Trump on paying fewer taxes")? Force is used on someone, not for a reason
    ("attacked the base for the third time", "attacked Kyiv on Monday" name a time)."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "on", "over"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG" and prep.lower_ in ("for", "on"):
                return True  # "for accumulating wealth", "on paying fewer taxes"
            if obj.dep_ != "pobj" or prep.lower_ == "on":
                continue
            if obj.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC"):
                continue
            if obj.lemma_.lower() in _TIME_WORDS or any(c.ent_type_ in ("DATE", "TIME") for c in obj.subtree):
                continue
            if obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() in _BLAMED:
                return True
    return False


_BLAMED = cues.words("blamed_words") | cues.words("criticised_words")


def in_passing(trigger: Token, governors: Sequence[Token]) -> bool:
    """The act is mentioned inside a noun phrase, not stated by the sentence: its clause is a relative clause
    ("the agreement that Russia signed", "Russia, which sent troops, ...") or a participle modifying a noun ("the
    agreements reached at the last meeting"). "took this opportunity to thank" is a frame, not a mention."""
    head = governors[-1] if governors else trigger
    if head.dep_ == "relcl":
        return True
    return (
        head.dep_ == "acl"
        and head.tag_ in ("VBN", "VBG")
        and not any(c.lower_ == "to" for c in head.children)
    )


def dated_before(words: list[Token], published: date) -> bool:
    """The clause dates its act years before the article ("in 1998", "in the 1990s", "65 years ago"): history
    recounted, which the article's date would misplace in a profile of its period."""
    for token in words:
        text = token.text
        if token.lower_ != "ago" and (
            token.ent_type_ != "DATE" or (token.dep_ == "nummod" and token.head.ent_type_ != "DATE")
        ):
            continue  # "sent 2000 troops" counts troops; "in May 2000" is a date
        if len(text) == 4 and text.isdigit() and 1000 <= int(text) <= published.year - 2:
            return True
        if (
            len(text) == 5
            and text.endswith("s")
            and text[:4].isdigit()
            and int(text[:4]) + 10 <= published.year
        ):
            return True  # "the 1990s"
        if token.lower_ == "ago":  # "65 years ago", "decades ago"; not "a year ago"
            for unit in token.children:
                if unit.lower_ in ("decades", "centuries"):
                    return True
                if unit.lower_ == "years" and any(
                    t.like_num and t.lower_ not in ("1", "one") for t in unit.children
                ):
                    return True
    return False


def is_crowd(head: Token | None) -> bool:
    """Does the phrase headed by ``head`` name a crowd of protesters ("Kurdish protesters", "an angry mob",
    "thousands of demonstrators")?"""
    if head is None:
        return False
    inner = real_object(head)
    return inner.lemma_.lower() in _CROWDS or inner.lower_.removesuffix("s") in _CROWDS


def subject_word(trigger: Token, governors: Sequence[Token]) -> str:
    """The lower-cased subject of the trigger, or of the nearest verb it is the complement of ("we" in "we will
    discuss", "we decided to meet"): who says the act is theirs."""
    for token in (trigger, *governors):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.lower_
    return ""


__all__ = [
    "complement_words",
    "dated_before",
    "in_passing",
    "is_crowd",
    "predicate_of",
    "subject_word",
]
