"""Definite noun phrases that stand for an actor named earlier in the article ("the agency" for the Saudi Press
Agency, "the governor" for Governor Kay Ivey): a speaker the text names once and then refers to by a word of
its name or title."""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Token

from realpolitik.annotate import doc_text
from realpolitik.model import Speaker
from realpolitik.ontology import cues
from realpolitik.statements.mentions import MentionIndex, from_mention, name_chain


def lowers(doc: Doc) -> np.ndarray:
    """The words' lower-case ids, read once per Doc: a walk back over Token objects per look-up was slow."""
    found = doc.user_data.get("realpolitik_lowers")
    if found is None:
        found = doc.user_data["realpolitik_lowers"] = doc.to_array("LOWER")
    return found


def definite_antecedent(head: Token, index: MentionIndex) -> Speaker | None:
    """ "the agency", "the company", "the governor", "the archbishop", "the city": the named actor earlier in the
    article whose name holds that word ("Saudi Press Agency", "Governor Kay Ivey"), or that the word named as a
    title ("archbishop Jorge Scheinig", "Tony Evers, the governor of Wisconsin") or with a name of its own ("the
    Trump administration", "the city of White Plains"). Only for a bare definite noun phrase; the nearest
    earlier use of the word that names someone decides."""
    children = [c for c in head.children if c.i < head.i]  # "the three-judge court": modifiers before it
    if not children or any(c.dep_ not in ("det", "case", "amod", "compound", "nummod") for c in children):
        return None
    if children[0].lower_ != "the" or any(c.pos_ == "PROPN" for c in children) or _of_name(head) is not None:
        return None
    doc = head.doc
    for j in np.flatnonzero(lowers(doc)[: head.i] == head.lower)[::-1]:
        tok = doc[int(j)]
        if tok.pos_ != "PROPN":
            named = _named_by(tok, index)
            if named is not None:
                return named
            continue
        top = tok
        while top.dep_ in ("compound", "flat") and top.head.pos_ == "PROPN" and top.head.i > top.i:
            top = top.head
        return _speaker_at(top, index)
    return None


_TEAM_WORDS = cues.words("study_team_nouns")
_INSTITUTION_HEADS = cues.words("institution_heads")
_NAME_ENTS = frozenset({"PERSON", "ORG", "NORP", ""})  # "the August campaign" is a date, no name
_FIGURE_GOVERNORS = cues.words("figure_governors")
_FIGURE_SUBJECTS = cues.words("figure_subjects")
OBJECT_CONTROL = cues.words("object_control_verbs")  # "led Biden to express": Biden expresses
_AFFILIATION_PREPS = frozenset({"from", "at", "of"})


def study_team(head: Token, index: MentionIndex) -> Speaker | None:
    """ "The researchers noted ...", "the researchers estimate ...": the team the article named earlier by its
    institutions ("scientists from the University of Miami and Apex Shark Expeditions published a study"), the
    nearest one before; a bare "the researchers" with no such team stays an anonymous expert."""
    if head.lower_ not in _TEAM_WORDS or head.tag_ not in ("NNS", "NN"):
        return None
    children = [c for c in head.children if c.i < head.i]
    if [c.lower_ for c in children] != ["the"] or any(
        c.i > head.i and c.dep_ == "prep" for c in head.children
    ):
        return None
    doc = head.doc
    ids = [doc.vocab.strings[w] for w in _TEAM_WORDS]
    for j in np.flatnonzero(np.isin(lowers(doc)[: head.i], ids))[::-1]:
        team = doc[int(j)]
        for prep in team.children:
            if prep.dep_ != "prep" or prep.lower_ not in _AFFILIATION_PREPS:
                continue
            place = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if place is None or not any(t.pos_ == "PROPN" and t.ent_type_ == "ORG" for t in place.subtree):
                continue
            last = place.right_edge
            while last.i > place.i and (last.is_punct or last.pos_ == "CCONJ"):
                last = doc[last.i - 1]  # "researchers from the University of Washington and": a lost conjunct
            return _named_actor(doc, index, team.idx, last.idx + len(last))
    return None


def _speaker_at(name: Token, index: MentionIndex) -> Speaker:
    covering = [m for m in index.covering(name.idx, name.idx + len(name)) if m.code or m.actor_id]
    if covering:
        return from_mention(covering[-1])
    ns, ne = name_chain(name)
    return Speaker(name=doc_text(name.doc)[ns:ne], type="actor", start=ns, end=ne)


def _person(token: Token, index: MentionIndex) -> bool:
    """A person's name ending at ``token``: NER or the resolver sees a person in it ("Albert Muchanga", where
    only the first name is tagged)."""
    if token.pos_ != "PROPN":
        return False
    words = [c for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"] + [token]
    return any(
        w.ent_type_ == "PERSON" or any(m.kind == "person" for m in index.covering(w.idx, w.idx + len(w)))
        for w in words
    )


def _of_name(noun: Token) -> Token | None:
    """ "city of White Plains", "government of American Samoa": the name after "of"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN" and obj.text[:1].isupper():
                return obj
    return None


def _named_by(noun: Token, index: MentionIndex) -> Speaker | None:
    """The actor a common noun names where it is used with a name: a title before a person's name
    ("archbishop Jorge Scheinig"), in apposition to one ("Tony Evers, the governor"), a name of its own
    ("the Trump administration", "the city of White Plains")."""
    if noun.dep_ == "compound" and noun.head.i > noun.i and _person(noun.head, index):
        return _speaker_at(noun.head, index)
    if noun.dep_ == "appos" and _person(noun.head, index):
        return _speaker_at(noun.head, index)
    named = next((c for c in noun.children if c.dep_ == "appos" and _person(c, index)), None)
    if named is not None:  # "the coach, Geoff Ingram"
        return _speaker_at(named, index)
    if noun.lemma_.lower() not in _INSTITUTION_HEADS:
        return None  # "the CentOS project", "the Imus family": not the project or family that speaks later
    own = [  # "the Trump administration"; not a place ("the US city of White Plains": the city's name follows)
        c
        for c in noun.children
        if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "PROPN" and c.ent_type_ in _NAME_ENTS
    ]
    of = _of_name(noun)
    if not own and of is None:
        return None
    doc = noun.doc
    start = own[0].left_edge.idx if own else noun.idx
    end = of.idx + len(of) if of is not None else noun.idx + len(noun)
    return _named_actor(doc, index, start, end)


def _named_actor(doc: Doc, index: MentionIndex, start: int, end: int) -> Speaker:
    """The body the words ``start:end`` name, as a speaker, with the first state coded inside them."""
    codes = [m for m in index.within(start, end) if m.code]
    return Speaker(
        name=doc_text(doc)[start:end],
        type="actor",
        code=codes[0].code if codes else None,
        start=start,
        end=end,
    )


def name_before_aside(cue: Token, comma: int) -> Token | None:
    """ "On Twitter, Adrian Wojnarowski, US sport columnist from ESPN, said ...", the name parsed into the
    opening phrase: the name right before an aside between commas that ends at the cue."""
    doc = cue.doc
    if comma <= cue.sent.start or doc[comma].text != ",":
        return None
    j = comma - 1
    while j > cue.sent.start and comma - j <= 10 and doc[j].text != ",":
        if doc[j].pos_ in ("VERB", "AUX"):
            return None  # a clause, not an aside
        j -= 1
    # "..., the president of the Tunisian League, Jamel Msallem, said": the aside is the name itself
    aside = doc[j + 1 : comma]
    if (
        doc[j].text == ","
        and len(aside)
        and all(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in aside)
    ):
        return aside[-1]
    name = doc[j - 1] if doc[j].text == "," and j > cue.sent.start else None
    return name if name is not None and name.pos_ == "PROPN" and name.ent_type_ == "PERSON" else None


def infinitive_subject(verb: Token) -> Token | None:
    """The object of a verb of causing or asking that is the subject of its infinitive ("led Biden to
    express", "prompted the minister to say")."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i or head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def figure_of_speech(cue: Token) -> bool:
    """ "Suffice it to say that ...", "Needless to say", "so to say", "common sense tells us that ...": the
    speaker's own words, which report nobody."""
    if cue.dep_ in ("xcomp", "pcomp") and cue.head.lower_ in _FIGURE_GOVERNORS:
        return True
    before = cue.doc[max(cue.i - 2, 0) : cue.i]
    if cue.lemma_.lower() in ("say", "speak") and [t.lower_ for t in before] in (["so", "to"], ["is", "to"]):
        return True  # "so to say", "that is to say": the speaker's own hedge (audit 15)
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _FIGURE_SUBJECTS for c in cue.children)
