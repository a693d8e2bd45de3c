"""Who speaks: cue verbs, the subject phrase of a cue, and turning that phrase into a typed ``Speaker``.

A speaker is a resolved actor when a resolver mention covers the subject phrase (the mention holding the
phrase's head wins, then people, then the longest); a named but unknown person or organisation is still an
``actor`` (with no code); otherwise the head noun types it: ``anonymous_expert`` ("analysts"),
``anonymous_official`` ("a source in the ministry", "police"), ``group`` ("protesters"), else ``unknown``.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
from spacy.tokens import Token

from realpolitik.annotate import doc_text, ents_over
from realpolitik.model import Mention, Speaker, SpeakerType
from realpolitik.ontology import cues
from realpolitik.statements.antecedents import (
    definite_antecedent,
    figure_of_speech,
    infinitive_subject,
    lowers,
    name_before_aside,
    study_team,
)
from realpolitik.statements.mentions import (
    TITLE_HEADS,
    MentionIndex,
    from_mention,
    lead_author,
    name_chain,
    named_author,
    only_titles,
    surname_speaker,
)

CUE_LEMMAS: frozenset[str] = cues.words("speech_verbs")
NON_AGENTS: frozenset[str] = cues.words("non_agents")
_NAME_TAIL = re.compile(r"(?:\s+(?:of|the|and|for|in))+$")
UTTERANCE_HEADS: frozenset[str] = cues.words("utterance_nouns")
_RELATIVE = frozenset({"which", "who", "that"})
# Of those, the ones that take a reported clause ("X said that ...") as their statement.
REPORT_LEMMAS: frozenset[str] = CUE_LEMMAS - cues.words("not_reporting_verbs")

_EXPERT_HEADS = cues.words("expert_heads")
_OFFICIAL_HEADS = cues.words("official_heads")
_GROUP_HEADS = cues.words("group_heads")
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG", "COP", "SPY", "ELI"})
_FIRST_SECOND = cues.words("first_second_pronouns")
_THIRD_PERSON = cues.words("third_person_pronouns")
_NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_INSTITUTION_HEADS = cues.words("institution_heads")
_TITLE_HEADS = TITLE_HEADS
STATEMENT_NOUNS: frozenset[str] = cues.words("statement_nouns")
_STATEMENT_NOUNS = STATEMENT_NOUNS
_DOCUMENT_HEADS = NON_AGENTS | UTTERANCE_HEADS | _STATEMENT_NOUNS | cues.words("authored_documents")
_AUTHOR_PREPS = frozenset({"by", "of", "from"})
_MANNER_PREPS = frozenset({"by", "after", "before", "upon", "while"})
_PART_WORDS = frozenset({"some", "many", "most", "several", "one", "two", "three", "few", "all", "dozens"})
_QUOTING_VERBS = frozenset({"quote", "cite", "report"})


def is_cue(token: Token) -> bool:
    """A speech verb, or a verb whose object is a statement ("issued a statement", "posted a message")."""
    if token.pos_ not in ("VERB", "AUX"):
        # "The Russian President's message reads, in part:": the tagger can take "reads" for a noun
        told = any(c.dep_ == "nsubj" and c.lemma_.lower() in UTTERANCE_HEADS for c in token.children)
        return token.lower_ in ("reads", "read", "said") and told
    if token.lemma_.lower() in CUE_LEMMAS:
        return not figure_of_speech(token)
    return statement_object(token) is not None


def continues_cue(cue: Token) -> bool:
    """ "X said A, adding B" with "adding" parsed under A: a second statement of X's, not part of A."""
    comp = cue.head
    return (
        cue.tag_ == "VBG"
        and cue.dep_ == "advcl"
        and cue.lemma_.lower() in CUE_LEMMAS
        and comp.dep_ == "ccomp"
        and comp.i < cue.i
        and is_cue(comp.head)
        and comp.head.i < comp.i
        and cue.i > 0
        and cue.doc[cue.i - 1].text == ","
    )


def statement_object(verb: Token) -> Token | None:
    """The statement a verb puts out ("issued a statement that ...", "released a statement:")."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _STATEMENT_NOUNS:
            return child
    return None


def reported_subject(cue: Token) -> Token | None:
    """ "Lavrov is reported to have said that ...", "Tokayev is said to have told Putin that ...": the one a
    report speaks of is the speaker of the cue under it."""
    head = cue.head
    if (
        cue.dep_ != "xcomp"
        or head.lemma_.lower() not in ("say", "report")
        or cue.lemma_.lower() not in CUE_LEMMAS
    ):
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def issued_with_its_words(verb: Token) -> bool:
    """ "issued a statement saying the talks had failed": the statement's own cue reports the words, so the verb
    putting it out reports nothing more."""
    obj = statement_object(verb)
    if obj is None:
        return False
    hung = [c for c in obj.children if c.dep_ == "acl"]
    # "posted a message, announcing"
    hung += [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.i > obj.i]
    return any(c.lemma_.lower() in CUE_LEMMAS and any(g.dep_ == "ccomp" for g in c.children) for c in hung)


def subject_of(cue: Token) -> Token | None:
    """The grammatical subject of a cue verb, borrowed from the governing verb for "..., adding that".

    A relative pronoun gives way to its antecedent ("Toronto Police, which indicated ..."), a document to
    its author ("Judge Miller's statement reads"); a noun right before the cue stands in when the parser
    lost the subject ("On Friday Ford Motor Company announced ...").
    """
    node: Token = cue
    hearsay = reported_subject(cue)
    if hearsay is not None:
        return _actor_behind(hearsay, cue.head)
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_.lower() in _QUOTING_VERBS:
        # "Interfax quoted Lavrov as saying ...", "Lavrov was quoted as saying ...": the one quoted speaks
        quoting = cue.head.head
        quoted = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if quoted is not None:
            return _actor_behind(quoted, quoting)
    # "underlined the call by saying ...", "continued by noting that ...": the clause's subject
    manner = cue.head
    if cue.dep_ == "pcomp" and manner.lower_ in _MANNER_PREPS and manner.head.tag_ in ("VBD", "VBZ", "VBP"):
        if cue.lemma_.lower() in CUE_LEMMAS and not any(c.dep_ == "nsubj" for c in cue.children):
            node = manner.head
    elif continues_cue(cue):  # "said the talks had failed, adding ...": the parser hung it on what was said
        node = cue.head.head
    elif cue.tag_ == "VBG" and cue.dep_ in ("advcl", "acl") and cue.head.pos_ in ("VERB", "AUX"):
        # "The governor tweeted her reasoning saying, ...": the gerund's subject is the clause's
        node = cue.head
    if (
        cue.tag_ == "VBG"
        and cue.dep_ == "acl"
        and cue.head.dep_ == "pobj"
        and cue.head.head.lower_ == "with"
        and (cue.head.tag_ in ("NNS", "NNP", "NNPS") or cue.head.ent_type_ in ("PERSON", "ORG", "NORP"))
    ):  # "..., with officials saying this is for security reasons", not "come up with a task saying"
        return _actor_behind(cue.head, cue)
    for _ in range(3):
        # "The attacker is reported to have jumped on stage and claimed ...": a conjunct shares a passive subject
        deps = (
            ("nsubj", "csubj", "nsubjpass") if node is not cue and cue.dep_ == "conj" else ("nsubj", "csubj")
        )
        subjects = [
            c for c in node.children if c.dep_ in deps and (c.dep_ != "nsubjpass" or c.lower_ != "it")
        ]
        if subjects:
            # two subjects ("New Orleans and Jefferson Parish officials"): the one next to the verb
            before = [c for c in subjects if c.i < node.i]
            if before:
                return _actor_behind(before[-1], node)
            # after the verb, the name beats a title cut in two ("said study co-author Karen Alley": "co", "Alley")
            named = [c for c in subjects if c.ent_type_ == "PERSON" or c.pos_ == "PROPN"]
            return _actor_behind((named or subjects)[0], node)
        # passive "he was quoted/reported as saying" has no agent we trust; nor "After it was revealed ..., Barron
        # tested positive": an impersonal passive cue is nobody's, not the next clause's subject's
        if node is cue and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in node.children):
            break
        controller = infinitive_subject(node)  # "Backlash ... led Biden to express ...": Biden expresses
        if controller is not None:
            return _actor_behind(controller, node.head)
        if node.dep_ in ("conj", "advcl", "xcomp", "pcomp") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "acl" and node.head.head.i != node.head.i:  # "tweeted her reasoning saying, ..."
            node = node.head.head
            continue
        break
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i >= cue.sent.start and doc[i].pos_ == "PROPN":
        return doc[i]
    return name_before_aside(cue, i)


def _actor_behind(subject: Token, verb: Token) -> Token | None:
    low = subject.lower_
    if subject.pos_ == "PRON":  # "the filing itself, Ford, ...": a name in apposition to the pronoun
        named = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    if low in _RELATIVE and verb.dep_ == "relcl":
        return _actor_behind(verb.head, verb.head.head) if verb.head.i != verb.head.head.i else verb.head
    if low in ("who", "which") and subject.i > 1 and subject.doc[subject.i - 1].text == ",":
        # "according to police, who said", the clause parsed as a conjunct
        before = subject.doc[subject.i - 2]
        if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("pobj", "nsubj", "dobj", "appos"):
            return before
    lemma = subject.lemma_.lower()
    if lemma in UTTERANCE_HEADS or lemma in _STATEMENT_NOUNS:
        issuer = issuer_of(subject)
        if issuer is not None:  # "They released a statement which said", "a statement released by her family"
            return issuer
        for child in subject.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "of":  # "part of the judge's statement"
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return _actor_behind(obj, verb)
    before = subject.doc[verb.i - 1] if verb.i > 0 else subject
    if (
        subject.ent_type_ != "PERSON"
        and before.ent_type_ == "PERSON"
        and subject.i < before.i
        and subject.left_edge.i <= before.i <= subject.right_edge.i
    ):
        # "Longtime Imus in the Morning writer and performer Rob Bartlett tweeted": the parser made a word of the
        # title the subject; the person named right before the verb speaks
        return before
    return subject


def issuer_of(statement: Token) -> Token | None:
    """Who put a statement out: the subject of the verb it is the object of ("They released a statement"), or
    the agent of the participle after it ("a statement released by her family")."""
    if statement.dep_ == "dobj" and statement.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in statement.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    for child in statement.children:
        if child.dep_ == "acl":
            for agent in child.children:
                if agent.dep_ == "agent":
                    obj = next((o for o in agent.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def _author(document: Token) -> Token | None:
    """Who a document named as a source is by: a named possessor ("PG&E's schedule"), a proper-noun
    modifier ("the NDRRMC report"), or a named body after "by"/"of"/"from" ("a report by UpGuard"). Only
    names count: "a police report" or "the report of the commission" stay without an author here."""
    for child in document.children:
        if child.dep_ == "poss" and _is_name(child):
            return child
    modifiers = [c for c in document.children if c.dep_ == "compound" and c.i < document.i and _is_name(c)]
    if modifiers:
        return modifiers[-1]
    for child in document.children:
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is None:
                continue
            # a name, an institution ("reports from the ministry of internal affairs"), or anyone "by" whom
            by = child.lower_ == "by" and obj.pos_ in ("NOUN", "PROPN")
            if _is_name(obj) or by or obj.lemma_.lower() in _INSTITUTION_HEADS:
                return obj
    for child in document.children:  # "the decree signed by the Pope"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                obj = (
                    next((o for o in agent.children if o.dep_ == "pobj"), None)
                    if agent.dep_ == "agent"
                    else None
                )
                if obj is not None:
                    return obj
    return None


def _spoke_in(document: Token) -> Token | None:
    """ "Ford said in a financial filing to the SEC that ...": whoever spoke in the document."""
    prep = document.head
    if document.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_.lower() not in CUE_LEMMAS:
        return None
    subject = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and _is_name(subject) else None


def _earlier_author(document: Token, spoken_in_only: bool = False) -> Token | None:
    """ "read the warning", "the statement said", "according to the filing": the author the article gave the
    same document when it first named it ("The orange warning issued by Met Éireann", "The city issued a
    statement", "Ford said in a filing"); only for a bare definite document, and only the nearest earlier uses
    of its word."""
    before = [c for c in document.children if c.i < document.i]
    if document.pos_ != "NOUN" or [c.lower_ for c in before] != ["the"]:
        return None  # not "the Post": a name, not a document
    doc = document.doc
    for j in np.flatnonzero(lowers(doc)[: document.i] == document.lower)[::-1][:3]:
        earlier = doc[int(j)]
        if earlier.pos_ != "NOUN":
            continue
        found = (
            _spoke_in(earlier)
            if spoken_in_only
            else _author(earlier) or issuer_of(earlier) or _spoke_in(earlier)
        ) or named_author(earlier)
        if found is not None and found.pos_ != "PRON":
            return found
    return None


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def phrase_span(head: Token, exclude: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character span of the noun phrase under ``head`` (its subtree without clauses hanging off it)."""
    left, right = head.i, head.i
    for tok in head.subtree:
        if tok.dep_ in ("relcl", "acl", "punct", "cc") and tok.i > head.i:
            break
        if exclude and exclude[0] <= tok.idx < exclude[1]:
            continue
        left, right = min(left, tok.i), max(right, tok.i)
    doc = head.doc
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    # stop a noun phrase at an apposition comma ("Mr Smith, a professor at ...") only after the head
    return doc[left].idx, doc[right].idx + len(doc[right])


def _best_mention(mentions: list[Mention], head: Token) -> Mention | None:
    resolved = [m for m in mentions if m.code or m.actor_id]
    if not resolved:
        return None
    head_pos = head.idx

    def key(m: Mention) -> tuple[int, int, int]:
        return (m.start <= head_pos < m.end, m.kind == "person", m.end - m.start)

    return max(resolved, key=key)


def _common_type(head: Token) -> SpeakerType:
    if head.lower_ in _PART_WORDS:  # "some of the protesters", "one of the witnesses": of what they are part
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                whole = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if whole is not None:
                    return _common_type(whole)
    lemma = head.lemma_.lower()
    if lemma in _EXPERT_HEADS:
        return "anonymous_expert"
    if lemma in _OFFICIAL_HEADS:
        return "anonymous_official"
    if lemma in _GROUP_HEADS:
        return "group"
    for child in head.children:  # "a source in the ministry", "sources close to the Kremlin"
        if child.dep_ == "compound" and child.lemma_.lower() in _EXPERT_HEADS:
            return "anonymous_expert"
    return "unknown"


def speaker_from_head(
    head: Token,
    index: MentionIndex,
    *,
    exclude: tuple[int, int] | None = None,
    previous_person: Speaker | None = None,
) -> Speaker | None:
    """Type the phrase headed by ``head`` as a speaker (see the module docstring); None when the phrase names
    something that does not speak (a document, an utterance)."""
    start, end = phrase_span(head, exclude)
    low = head.lower_
    part_of = low in _PART_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    if not part_of and (head.pos_ == "PRON" or low in _THIRD_PERSON or low in _FIRST_SECOND or low == "they"):
        # our own antecedent (the last person named as a subject) before the resolver's coreference
        if low in _THIRD_PERSON and previous_person is not None:
            return previous_person
        covering = [m for m in index.covering(head.idx, head.idx + len(head)) if m.code or m.actor_id]
        if covering:
            return from_mention(covering[-1])
        return Speaker(name=None, type="unknown", start=head.idx, end=head.idx + len(head))
    lemma = head.lemma_.lower()
    author = _author(head) if lemma in _DOCUMENT_HEADS else None
    if author is None and lemma in _DOCUMENT_HEADS:
        # not "the website", "the study" in general: often another one than before, unless someone spoke in it
        author = _earlier_author(head, spoken_in_only=lemma in NON_AGENTS)
    if author is not None:  # "according to PG&E's schedule", "a report by UpGuard", "the NDRRMC report"
        return speaker_from_head(author, index, exclude=exclude, previous_person=previous_person)
    issuer = issuer_of(head) if lemma in UTTERANCE_HEADS or lemma in _STATEMENT_NOUNS else None
    if issuer is not None:  # "according to a statement released by her family"
        return speaker_from_head(issuer, index, exclude=exclude, previous_person=previous_person)
    # "the U.S. Geological Survey" is a body; "the Constitution", one capitalised word, is still a document
    named_body = (
        head.pos_ == "PROPN" and head.text[:1].isupper() and any(c.dep_ == "compound" for c in head.children)
    )
    if (lemma in NON_AGENTS and not named_body) or (
        (lemma in UTTERANCE_HEADS or lemma in _STATEMENT_NOUNS)
        and not any(c.dep_ == "poss" for c in head.children)
    ):
        return None  # a document, an utterance: not a speaker ("The Declaration reads ...")
    named = _named_in_phrase(head, exclude, index)
    if named is not None:
        return named
    holding = [m for m in index.within(start, end) + index.covering(head.idx, head.idx + len(head))]
    on_head = [m for m in holding if m.start <= head.idx < m.end]
    modifier = _best_mention(holding, head)  # "Saudi officials", "the NTSC of Indonesia": the country
    code = modifier.code if modifier else None
    agent = next((m for m in on_head if m.via == "agent" or m.kind == "agent"), None)
    mention = _best_mention([m for m in on_head if m is not agent], head)
    if agent is not None and agent.kind == "person" and agent.actor_id and _of_a_state(agent.text):
        # "The Russian President's message reads": who held the office that day
        return replace(from_mention(agent), name=agent.name or agent.text)
    if mention is not None and agent is None:
        outlet = _organisation_around(head, mention)
        if outlet is not None:  # "according to CNN Philippines": the outlet, of that state
            return outlet
        return from_mention(mention)
    surname = surname_speaker(head, index) or lead_author(head, index)
    if surname is not None:
        return surname
    if head.text[:1].isupper() and (head.pos_ == "PROPN" or head.ent_type_ in _NAMED_ENTS):
        ns, ne = name_chain(head)
        sector = agent.sector if agent else None
        code = (agent.code if agent else None) or code
        name = _NAME_TAIL.sub(
            "", doc_text(head.doc)[ns:ne]
        )  # "the Heads of the States of the": no name ends so
        if only_titles(name):  # "The President said": an office holder the text does not name
            return Speaker(name=None, type="anonymous_official", code=code, sector=sector, start=ns, end=ne)
        return Speaker(name=name, type="actor", code=code, sector=sector, start=ns, end=ne)
    earlier = definite_antecedent(head, index) or study_team(head, index)
    if earlier is not None:
        return earlier
    institution = _named_institution(head, start, end)
    if institution is not None:
        code = (agent.code if agent else None) or code
        sector = agent.sector if agent else None
        return Speaker(name=institution, type="actor", code=code, sector=sector, start=start, end=end)
    kind = _common_type(head)
    if agent is not None:
        # an unnamed agent ("Saudi officials", "the ministry") keeps its code and sector but stays anonymous
        if kind == "unknown" and agent.sector in _OFFICIAL_SECTORS:
            kind = "anonymous_official"
        return Speaker(
            name=None, type=kind, code=agent.code or code, sector=agent.sector, start=start, end=end
        )
    return Speaker(name=None, type=kind, code=code, start=start, end=end)


def _of_a_state(title: str) -> bool:
    """ "The Russian President", "the President of Kazakhstan": an office named with its state (the resolver
    found who held it that day), not a bare "the President"."""
    return len([w for w in title.split() if w[:1].isupper() and w.casefold() not in ("the", "of")]) >= 2


def _organisation_around(head: Token, mention: Mention) -> Speaker | None:
    """An organisation the parser sees around a place's name ("CNN Philippines", "Radio Free Asia"), as a
    speaker of its own with the place's state."""
    if mention.kind not in ("state", "region"):
        return None
    for ent in ents_over(head.doc, head.idx, head.idx + len(head)):
        around = ent.start_char <= mention.start and mention.end <= ent.end_char
        if ent.label_ == "ORG" and around and (ent.start_char, ent.end_char) != (mention.start, mention.end):
            return Speaker(
                name=ent.text, type="actor", code=mention.code, start=ent.start_char, end=ent.end_char
            )
    # the gazetteer took the place out of the organisation's name: an organisation's name in front of it
    names = [c for c in head.children if c.dep_ == "compound" and c.i < head.i and _is_name(c)]
    if names and names[0].ent_type_ == "ORG" and names[0].idx < mention.start:
        start, end = names[0].idx, head.idx + len(head)
        return Speaker(
            name=doc_text(head.doc)[start:end], type="actor", code=mention.code, start=start, end=end
        )
    return None


def _named_institution(head: Token, start: int, end: int) -> str | None:
    """ "the Myanma embassy", "Japan's defence ministry", "the Texas Department of Public Safety": one
    institution named by what qualifies it is a speaker in its own right (an ``actor``), unlike the people
    of one ("officials", "a spokesman")."""
    if head.lemma_.lower() not in _INSTITUTION_HEADS or head.tag_ not in ("NN", "NNP"):
        return None
    qualified = any(
        c.dep_ in ("compound", "amod", "poss", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED_ENTS)
        for c in head.children
    )
    if not qualified and not _of_named(head):
        return None
    text = doc_text(head.doc)[start:end]
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article) :]
    return text


def _of_named(head: Token, depth: int = 2) -> bool:
    """ "the government of American Samoa", "the ministry of internal affairs of Belarus": a name after "of"."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or depth == 0:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (
                (obj.pos_ == "PROPN" and obj.text[:1].isupper()) or _of_named(obj, depth - 1)
            ):
                return True
    return False


def _titled_name(head: Token, index: MentionIndex) -> Speaker | None:
    """ "First Minister of Scotland Nicola Sturgeon", "Ambassador to the United Nations Nikki Haley" parsed as
    the title with the name under "of" or "to": the capitalised words after the place."""
    if head.lemma_.lower() not in _TITLE_HEADS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "to"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.pos_ != "PROPN":
                continue
            chain = [t for t in obj.subtree if t.i <= obj.i and t.pos_ == "PROPN"]
            words = [
                t
                for t in chain
                if not any(m.kind not in ("person", None) for m in index.covering(t.idx, t.idx + len(t)))
            ]
            if len(words) >= 2 and words[-1].i == obj.i and words[0].i > chain[0].i:
                start, end = words[0].idx, obj.idx + len(obj)
                return Speaker(name=doc_text(head.doc)[start:end], type="actor", start=start, end=end)
    return None


def _named_in_phrase(head: Token, exclude: tuple[int, int] | None, index: MentionIndex) -> Speaker | None:
    """A person named in apposition ("One activist, Nur Khan Liton") or by "named" ("a student named Wong")."""
    from_title = _titled_name(head, index)
    if from_title is not None:
        return from_title
    for tok in head.subtree:
        if tok.i == head.i or (exclude and exclude[0] <= tok.idx < exclude[1]):
            continue
        if tok.dep_ in ("relcl", "ccomp"):
            break
        # "First Minister of Scotland N. Sturgeon"; the head's own apposition ("One activist, Nur Khan Liton")
        # or a name after "named" ("a student named Wong"), not a place deeper in ("police in Baytown, Texas")
        titled = head.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.head.i == head.i
        own = (
            tok.head.i == head.i
            or (tok.head.dep_ == "acl" and tok.head.head.i == head.i)
            or (tok.head.dep_ == "acl" and tok.head.head.dep_ == "appos" and tok.head.head.head.i == head.i)
            or (tok.dep_ == "appos" and tok.head.dep_ in ("poss", "compound") and tok.head.head.i == head.i)
            or (tok.dep_ == "appos" and tok.head.dep_ == "appos" and tok.head.head.i == head.i)
            or (tok.dep_ == "appos" and tok.ent_type_ == "PERSON")  # "The mayor of Paris, Anne Hidalgo"
        )  # "news source Daily Xtra's editorial director, Rachel Giese"
        if titled or (
            own
            and tok.dep_ in ("appos", "oprd", "attr", "dobj")
            and (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON")
        ):
            people = [m for m in index.covering(tok.idx, tok.idx + len(tok)) if m.code or m.actor_id]
            if people:
                return from_mention(people[-1])
            ns, ne = name_chain(tok)
            return Speaker(name=doc_text(head.doc)[ns:ne], type="actor", start=ns, end=ne)
    return None


def group_before(head: Token, index: MentionIndex, floor: int) -> Speaker | None:
    """Who "they" at ``head`` stands for: the nearest plural subject before it, from ``floor`` on (the
    paragraph), when it types as more than an unknown ("Hundreds of residents protested. They said ...":
    the residents; "Stamenković et al studied ... They found": the team)."""
    doc = head.doc
    for j in range(head.i - 1, -1, -1):
        tok = doc[j]
        if tok.idx < floor:
            break
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        plural = tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)
        if not plural and tok.lower_.rstrip(".") != "al":
            continue
        found = speaker_from_head(tok, index)
        if found is not None and (found.type != "unknown" or found.name):
            return found
        return None  # the nearest plural subject is what "they" stands for, even when nothing says who
    return None
