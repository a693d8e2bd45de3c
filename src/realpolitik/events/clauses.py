"""What a trigger's clause says about its act beyond the act itself: mentioned in passing inside a noun phrase,
dated years before the article, evaluated by a copula, done by a crowd. The rewrites read these as conditions
(``passing``, ``history``, ``crowd``) and the predicate's words as part of the clause."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Span, Token

from realpolitik.events.arguments import child, real_object
from realpolitik.events.predicates import hung_predicate
from realpolitik.model import ActorRef
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
    if head.dep_ == "relcl" or (head.dep_ == "amod" and head.tag_ == "VBN"):
        return True  # "the agreement that Russia signed", "in accordance with recently signed agreements"
    if listed_participle(head):
        return False
    if message_participle(head):
        return False
    if (
        head.dep_ == "advcl"
        and head.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "mark" and c.lower_ == "since" for c in head.children)
    ):
        return True  # "twenty years have passed since our countries signed the treaty": a date, not an act stated
    if head.dep_ == "pcomp" and head.tag_ == "VBG" and head.head.head.pos_ in ("NOUN", "PROPN"):
        return True  # "the legal foundation for deploying a base", "the possibility of sending troops"
    return (
        head.dep_ == "acl"
        and head.tag_ in ("VBN", "VBG")
        and not any(c.lower_ == "to" for c in head.children)
        and not hung_predicate(head)
    )


# what a sentence listing the documents signed says of them: "Other documents signed included ...", "Among the
# documents signed were ..."
_LISTING_VERBS = frozenset({"include", "be", "concern", "cover"})


def listed_participle(verb: Token) -> bool:
    """Does a participle name what the sentence lists ("Among the documents signed were memorandums on ...",
    "Other documents signed included an agreement on ...")? Then its act is what the sentence reports, not a
    passing mention ("the documents signed will help")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
        return False
    noun = verb.head
    if noun.dep_ == "nsubj":
        return noun.head.lemma_.lower() in _LISTING_VERBS and noun.head.dep_ == "ROOT"
    if noun.dep_ == "pobj" and noun.head.lower_ == "among":
        root = noun.head.head
        return (
            root.lemma_.lower() == "be" and root.dep_ == "ROOT" and child(root, "attr", "nsubj") is not None
        )
    return False


_MESSAGES = frozenset({"message", "letter", "telegram", "messages", "letters", "telegrams"})
_SENDING = frozenset({"send", "address", "forward", "deliver"})
# what a message does by its words; "a message expressing support" to a leader fallen ill is sympathy
_MESSAGE_ACTS = frozenset({"congratulate", "thank", "praise", "commend", "invite"})


def message_participle(verb: Token) -> bool:
    """Does a participle say what a message sent does ("sent a message congratulating Mr Akayev on ...", "sent a
    letter thanking the President")? Then the message performs its act, which the sentence reports."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in _MESSAGE_ACTS
        and noun.lower_ in _MESSAGES
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _SENDING
    )


def _document_date(token: Token) -> bool:
    """Is a date part of a thing's name ("the Agreement on Marine Transport of September 17, 2013", "the Protocol
    ... of July 6, 1998"), not when the act was done ("in the summer of 1998")?"""
    if (
        token.dep_ in ("npadvmod", "appos")
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.head.ent_type_ != "DATE"
    ):
        return (
            True  # "the Intergovernmental Agreement on Marine Transport of September 17, 2013", parsed flat
        )
    node = token
    while node.head.i != node.i and node.head.pos_ not in ("VERB", "AUX"):
        above = node.head
        if node.dep_ == "pobj" and above.lower_ == "of" and above.head.pos_ in ("NOUN", "PROPN"):
            return above.head.ent_type_ != "DATE"
        node = above
    return False


def dated_before(words: list[Token], published: date) -> bool:
    """The clause dates its act years before the article ("in 1998", "in the 1990s", "65 years ago"): history
    recounted, which the article's date would misplace in a profile of its period."""
    for token in words:
        text = token.text
        if token.lower_ != "ago" and (
            token.ent_type_ != "DATE" or (token.dep_ == "nummod" and token.head.ent_type_ != "DATE")
        ):
            continue  # "sent 2000 troops" counts troops; "in May 2000" is a date
        if _document_date(token) or (
            token.head.lower_ == "since" and token.head.head.pos_ in ("NOUN", "ADJ")
        ):
            continue  # "his first trip to Uzbekistan since 2022": the year measures a gap, it dates no act
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


def refs_in(sent: Span, *refs: ActorRef | None) -> list[ActorRef]:
    """The actors among ``refs`` that are named inside ``sent``."""
    return [
        r
        for r in refs
        if r is not None
        and r.start is not None
        and r.end is not None
        and sent.start_char <= r.start
        and r.end <= sent.end_char
    ]


def evidence_span(trigger: Token, governors: tuple[Token, ...], sent: Span) -> tuple[int, int]:
    """The characters of the clause an event is coded from: the subtree of its highest governor (the trigger
    itself, "agreed" in "agreed to send", "said" in reported speech), without coordinated or appended clauses.
    An event noun's clause is that of the verb it hangs off."""
    head = governors[-1] if governors else trigger
    if listed_participle(head):
        head = sent.root  # "Other documents signed included ...": the listing states the act
    while head.pos_ not in ("VERB", "AUX", "ADJ") and head.dep_ != "ROOT" and head.head.i != head.i:
        head = head.head
    skip = [c for c in head.children if c.dep_ in ("conj", "parataxis", "cc") and c.i > trigger.i]
    first = head.left_edge.i
    last = min((c.left_edge.i for c in skip), default=head.right_edge.i + 1) - 1
    first, last = min(first, trigger.i), max(last, trigger.i)
    doc = sent.doc
    while last > first and doc[last].is_punct and doc[last].dep_ in ("punct", "cc"):
        last -= 1
    if last + 1 < sent.end and doc[last + 1].is_punct and last + 2 >= sent.end:
        last += 1  # the sentence's final stop belongs to a clause that runs to it
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def main_clause(trigger: Token, governors: tuple[Token, ...], coordinated: bool = False) -> bool:
    """Is the trigger (or the verb it is the complement of) the sentence's main verb? A speaker's act performed by
    saying it may be coordinated with it ("We are pleased to welcome you and would like to congratulate you"): the
    saying is the sentence's news whatever the parser hangs it on."""
    head = governors[-1] if governors else trigger
    while coordinated and head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "ROOT" or hung_predicate(head)


__all__ = [
    "complement_words",
    "dated_before",
    "evidence_span",
    "in_passing",
    "is_crowd",
    "listed_participle",
    "main_clause",
    "message_participle",
    "predicate_of",
    "refs_in",
    "subject_word",
]
