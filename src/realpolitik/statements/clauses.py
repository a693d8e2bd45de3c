"""What a cue verb reports: its complement clause ("said [the talks failed]"), repaired where the small parser
lost it (a clause after the listener and adverbials, a subject the parser made the cue's object), and the
tests that keep a cue out of reported speech (a cue inside what another cue reports, an outlet relaying)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.ontology import cues
from realpolitik.statements.drafts import ArticleContext, trim
from realpolitik.statements.speakers import (
    REPORT_LEMMAS,
    UTTERANCE_HEADS,
    continues_cue,
    is_cue,
    reported_subject,
    statement_object,
    subject_of,
)

_CLAIM_VERBS = cues.words("infinitive_claim_verbs")
_ATTITUDES = cues.words("stated_attitudes")
_ATTITUDE_VERBS = frozenset({"express", "voice", "reiterate", "reaffirm"})
_FIRST_PERSON = frozenset({"me", "us", "'s"})
_RESPONSE_VERBS = frozenset(
    {"call", "dismiss", "reject", "counter", "respond", "criticise", "criticize", "condemn"}
)
_MAX_ASIDE_TOKENS = 10
_LISTENER_VERBS = ("tell", "inform", "assure", "remind", "advise", "notify", "warn", "brief", "promise")


def _infinitival(verb: Token) -> bool:
    """ "finding it to be unlawful": a small clause, not a reported statement."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _question(clause: Token) -> bool:
    """ "did not mention if there were casualties", "decide whether ...": an open question, not a statement."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children)


def complement(cue: Token) -> Token | None:
    """The reported clause: a complement after the cue, the "that" clause of the statement it issued, a "to"
    clause of a claim ("claimed to have no memory"), or a complement before the cue in the inverted "X, Y
    said" order (not across a semicolon, which ends the reported sentence)."""
    after = [
        c
        for c in cue.children
        if c.dep_ == "ccomp" and c.i > cue.i and not _infinitival(c) and not _question(c) and c.pos_ != "ADJ"
    ]  # not the small clause of "find it easy to ...": a judgement of the subject's, nothing said
    if after:
        relay = after[0]  # "X said the talks failed, the BBC reported": what X said is the relay's clause
        inner = [c for c in relay.children if c.dep_ == "ccomp" and c.i < relay.i] if is_cue(relay) else []
        return inner[0] if inner else relay
    issued = statement_object(cue) or _attitude_object(cue)
    if issued is not None:
        for child in issued.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and any(
                g.lower_ == "that" and g.dep_ == "mark" for g in child.children
            ):
                return child
    if cue.lemma_.lower() in _CLAIM_VERBS:
        for child in cue.children:
            if child.dep_ == "xcomp" and child.i > cue.i and _infinitival(child):
                return child
    for child in cue.children:
        if child.dep_ == "ccomp" and child.i < cue.i:
            between = cue.doc[child.right_edge.i + 1 : cue.i]
            if not any(t.text == ";" for t in between):
                return child
    return _verb_after_object(cue)


def _attitude_object(cue: Token) -> Token | None:
    """ "expressed confidence that ...", "voiced concern that ...": the attitude stated, whose clause was said."""
    if cue.lemma_.lower() not in _ATTITUDE_VERBS:
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in _ATTITUDES), None)


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(verb: Token) -> bool:
    return verb.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children
    )


def _verb_after_object(cue: Token) -> Token | None:
    """ "ruled the male-only draft violated the Constitution", "ruled the practice (..., ...), is
    unconstitutional": a finite verb with no subject right after the cue's object, which the parser hung on
    the cue; the object is its lost subject (see :func:`lost_object`). Only for a cue in a finite clause
    ("to find out solutions, hold ..." reports nothing)."""
    if not _finite(cue):
        return None
    for verb in cue.children:
        if verb.i < cue.i or verb.dep_ not in ("advcl", "conj", "dep", "parataxis"):
            continue
        if verb.pos_ not in ("VERB", "AUX") or not _finite(verb):
            continue
        if any(c.dep_ in ("mark", "cc", "advmod") and c.i < verb.i for c in verb.children) or any(
            c.dep_ == "cc" and cue.i < c.i < verb.i for c in cue.children
        ):
            continue  # "announced the plan and said ...", "... because it was ...": a clause of its own
        if lost_object(cue, verb) is not None:
            return verb
    return None


def lost_object(cue: Token, comp: Token) -> Token | None:
    """The object right before a complement with no subject of its own, which is that clause's subject: the
    cue's object ("ruled the draft violated"), or the object of a speech verb on the statement it issued
    ("issued a statement announcing the break had been contained"). Not a listener ("told reporters the talks
    failed" keeps "reporters" out), a pronoun, or a name the parser saw."""
    doc = cue.doc
    if comp.i < cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in comp.children):
        return None
    before = comp.left_edge.i - 1
    if before > cue.i and doc[before].text == ",":
        before -= 1  # the comma that closes an aside inside it ("the practice of ..., or ..., is")
    if before <= cue.i:
        return None
    obj = doc[before]
    while not (obj.dep_ == "dobj" and (obj.head.i == cue.i or (obj.head.dep_ == "acl" and is_cue(obj.head)))):
        if obj.head.i == obj.i or not cue.i < obj.head.i < comp.i:
            return None
        obj = obj.head
    if cue.lemma_.lower() in _LISTENER_VERBS or obj.pos_ == "PRON" or obj.ent_type_ in ("PERSON", "ORG"):
        return None
    if obj.right_edge.i != comp.left_edge.i - 1:  # the comma case: an aside with commas of its own
        inner = doc[obj.i : obj.right_edge.i + 1]
        if obj.right_edge.i != comp.left_edge.i - 2 or not any(t.text == "," for t in inner):
            return None
    return obj


_NOT_CLAUSE_OPENERS = frozenset({"if", "whether", "to", "so", "because", "while", "when", "after", "before"})
_LISTENER_DEPS = ("dobj", "dative", "npadvmod", "prep", "advmod", "prt", "punct", "mark", "aux", "neg")


def _lost_that(words: Span) -> tuple[int, int] | None:
    """ "clarified in the proceedings that her decisions were not connected ...": the parser hung the "that"
    clause on the adverbial's noun as a relative clause. When that clause has a subject other than "that" and
    no gap for "that" to fill (an object, a passive, a copula complement), "that" is a complementiser: the
    cue's reported clause. Not "said in the interview that he gave on Monday" (an object relative)."""
    for that in words:
        if (
            that.lower_ != "that"
            or that.i == words.start
            or that.doc[that.i - 1].pos_ not in ("NOUN", "PROPN")
        ):
            continue
        verb = next((v for v in that.ancestors if v.dep_ in ("relcl", "acl")), None)
        if verb is None or verb.i < that.i:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        filled = any(
            c.dep_ in ("dobj", "attr", "acomp", "ccomp", "nsubjpass", "auxpass") for c in verb.children
        )
        # "the attacks that Soleimani took part in": a preposition with no object is the gap "that" fills
        stranded = any(
            t.dep_ == "prep" and not any(c.dep_ in ("pobj", "pcomp") for c in t.children)
            for t in verb.subtree
        )
        if subject is None or subject.i <= that.i or not filled or stranded:
            return None
        last = verb.right_edge
        while last.i > that.i and last.is_punct:
            last = last.doc[last.i - 1]
        return that.doc[that.i + 1].idx, last.idx + len(last)
    return None


def clause_after(cue: Token) -> tuple[int, int] | None:
    """When the parser found no complement: the rest of the sentence after the cue and its listener and
    adverbials ("told the Associated Press four victims were ..."), if it opens with a subject and a verb."""
    sent = cue.sent
    i = cue.i + 1
    while i < sent.end and cue.doc[i].head.i == cue.i and cue.doc[i].dep_ in _LISTENER_DEPS:
        if cue.doc[i].is_punct:
            return None  # "confirmed him, but the Senate ...": a new clause, not what was said
        nxt = cue.doc[i].right_edge.i + 1
        that = _lost_that(cue.doc[i:nxt])
        if that is not None:
            return that
        i = nxt
    rest = cue.doc[i : sent.end]
    if len(rest) < 4 or rest[0].dep_ == "cc" or rest[0].lower_ in _NOT_CLAUSE_OPENERS:
        return (
            None  # "declared a state of emergency so he could ...", "decided to allow ...", "mention if ..."
        )
    if any(t.text in '"“”«»' for t in rest):
        return None
    first = next((t for t in rest if not t.is_punct), rest[0])
    # a noun phrase first is the clause's subject ("said on Sunday, the 36 people infected included ..."), not
    # an object that a later clause only hangs on ("declared a state of emergency so he could ...")
    noun_first = first.pos_ not in ("VERB", "AUX", "ADP", "SCONJ", "ADV")
    # "acknowledged the difficulties but stressed that ...": a subject after the cue's own coordinated verb is
    # that verb's clause's
    conj = next((t.i for t in rest if t.dep_ in ("conj", "cc") and t.head.i == cue.i), sent.end)
    opens_clause = any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.i < conj
        and t.head.i >= i
        and t.head.dep_ != "amod"  # "reported 21 confirmed cases": a number and its adjective, no clause
        and t.head.pos_ in ("VERB", "AUX")  # "find it easy to ...": a small clause, a judgement
        and t.i < i + 8
        and not (noun_first and t.head.dep_ in ("relcl", "advcl") and t.left_edge.i > first.i)
        for t in rest
    )
    if not opens_clause:
        return None
    last = rest[-1]
    while last.i > rest.start and last.is_punct:
        last = cue.doc[last.i - 1]
    return rest[0].idx, last.idx + len(last)


def clause_span(
    ctx: ArticleContext, cue: Token, comp: Token, speaker_span: tuple[int, int] | None
) -> tuple[int, int]:
    # "said A, adding B": B is a statement of its own, even where the parser put it under A; so is a statement
    # hung on A's words ("declare an emergency, which he said would allow him ...", "with the press claiming ...")
    cut = next((c for c in comp.children if c.i > comp.i and (continues_cue(c) or coordinate_cue(c))), None)
    own = next(
        (t for t in comp.subtree if t.left_edge.i > comp.i and (own_cue(t) or _contrast(t, comp))), None
    )
    if own is not None and (cut is None or own.left_edge.i < cut.left_edge.i):
        cut = own
    toks = [t for t in comp.subtree if cut is None or t.i < cut.left_edge.i]
    after = [t for t in toks if t.i > cue.i]
    if toks and toks[0].tag_ in ("WDT", "WP") and toks[0].i < cue.i and after:
        toks = after  # "which he said would allow ...": what follows the cue
    if not toks:
        toks = [comp]
    # "said on Tuesday it was summoning ...": the parser gave the cue's date to the clause
    while len(toks) > 1 and toks[0].i == cue.i + 1 and toks[0].dep_ == "prep" and _dated(toks[0]):
        toks = [t for t in toks if t.i > toks[0].right_edge.i]
    while cut is not None and len(toks) > 1 and (toks[-1].text == "," or toks[-1].dep_ == "cc"):
        toks.pop()  # "people changed their minds [and] several said ...", "..., adding"
    left, right = toks[0], toks[-1]
    subject = lost_object(cue, comp)
    if subject is not None:
        left = subject.left_edge  # "ruled the male-only draft violated ...": the parser took the subject
    # the clause's own "that", not the "while" of a clause inside it ("said that while the talks were ...")
    while left.i < right.i and (
        (left.dep_ == "mark" and (left.head.i == comp.i or left.lower_ == "that")) or left.is_punct
    ):
        left = ctx.doc[left.i + 1]
    start, end = left.idx, right.idx + len(right)
    if speaker_span and start < speaker_span[1] <= end:
        start = speaker_span[1]
    para = ctx.paragraph_at(cue.idx)
    if para is not None:  # the parser may run a sentence over a paragraph break (headlines have no stop)
        start, end = max(start, para.start), min(end, para.end)
    return trim(ctx.text, start, end)


def _contrast(clause: Token, comp: Token) -> bool:
    """ "said the talks were useful, while Ukraine's foreign ministry called the move ...": the narrator's contrast
    with another subject, not part of what was said."""
    return (
        clause.dep_ == "advcl"
        and clause.head.i == comp.i
        and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        and (
            is_cue(clause) or clause.lemma_.lower() in _RESPONSE_VERBS
        )  # another side's words, not the argument
    )


def _dated(prep: Token) -> bool:
    """ "on Tuesday", "on 5 May": a preposition whose object is a date."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def speaks_itself(verb: Token) -> bool:
    """A speech verb with a subject of its own: a statement in its own right, which an outlet only relays."""
    reports = verb.lemma_.lower() in REPORT_LEMMAS or statement_object(verb) is not None
    return reports and verb.lemma_.lower() not in ("report",) and subject_of(verb) is not None


def they_of(cue: Token, comp: Token) -> Token | None:
    """ "State prosecutors charged the suspect with murder, they said": "they" after a clause is that clause's
    plural subject, when it names people."""
    if comp.i > cue.i:
        return None
    subject = next((c for c in comp.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ not in ("NNS", "NNPS"):
        return None
    return subject


def coordinate_cue(cue: Token) -> bool:
    """ "One interviewee said people changed their minds and several said they wanted ...": a cue with a subject
    of its own, coordinated with what another cue reports, is a second statement, not part of the first."""
    return (
        cue.dep_ == "conj"
        and is_cue(cue)
        and any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in cue.children)  # "and he will tell": his own
        and cue.head.dep_ == "ccomp"
        and is_cue(cue.head.head)
        and cue.head.head.i < cue.head.i < cue.i
    )


def own_cue(token: Token) -> bool:
    """A cue with a subject of its own hung on what another cue reports: a relative clause ("an emergency, which
    he said would allow him ...") or an absolute "with" ("he lost control, with the local press claiming ..."):
    a statement of its own, not part of the other."""
    if token.dep_ == "relcl":
        cue = token
    elif token.dep_ == "prep" and token.lower_ == "with":
        cue = next((c for c in token.children if c.dep_ in ("pcomp", "pobj")), token)
    else:
        return False
    return (
        is_cue(cue)
        and any(c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in cue.children)
        and any(
            c.dep_ == "ccomp" for c in cue.children
        )  # it reports a clause: not "the questions they asked"
    )


def nested_in_cue(cue: Token) -> bool:
    """The cue sits inside what another cue reports ("I don't think Russia thinks ...", "said they believe"),
    unless a third party named by its own name speaks there ("Duda said ... while Brudziński wrote ...")."""
    if continues_cue(cue) or coordinate_cue(cue) or reported_subject(cue) is not None:
        return False
    own = subject_of(cue)
    third_party = own is not None and own.pos_ == "PROPN"
    node = cue
    for _ in range(6):
        if node.head.i == node.i or own_cue(node) or own_cue(node.head):
            return False
        if node.dep_ in ("ccomp", "xcomp") and is_cue(node.head):
            if node is cue and own is not None and node.head.lemma_.lower() == "report":
                return False  # "Reuters reported a government source said ...": relayed, the source speaks
            outer = subject_of(node.head)
            named_outer = outer is not None and outer.pos_ == "PROPN"
            return not (
                third_party and own is not None and named_outer and outer is not None and outer.i != own.i
            )
        node = node.head
    return False


def inverted_cue(cue: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "It is not for the Court to opine, argued the government's lawyer, Richard Keen.": a cue after a comma
    that closes its sentence, with the speaker after it (parsed as its object) and no subject before it. The
    speaker's head and the span of the clause before the comma, when that clause has a subject."""
    doc = cue.doc
    sent = cue.sent
    if cue.tag_ not in ("VBD", "VBZ") or cue.i < sent.start + 4 or doc[cue.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    speaker = next((c for c in cue.children if c.i == cue.i + 1 or c.left_edge.i == cue.i + 1), None)
    if (
        speaker is None
        or speaker.dep_ not in ("dobj", "attr", "npadvmod")
        or speaker.pos_ not in ("NOUN", "PROPN")
    ):
        return None
    rest = doc[speaker.right_edge.i + 1 : sent.end]
    if any(not (t.is_punct or t.is_space) and not cue.is_ancestor(t) for t in rest):
        return None  # the sentence goes on: not a closing attribution
    before = doc[sent.start : cue.i - 1]
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in before) or any(
        t.text in '"“”' for t in before
    ):
        return None
    return speaker, (before.start_char, before.end_char)


def parenthetical_cue(cue: Token) -> tuple[int, int] | None:
    """ "they had, his surviving father says, paid people smugglers ...", "Because warmer water is more buoyant,
    says the study, it rises ...": a cue with its subject between commas inside the clause it reports, which has
    its own subject outside the aside. The span of that whole clause."""
    doc = cue.doc
    head = cue.head
    if cue.dep_ != "parataxis" or not any(c.dep_ == "nsubj" for c in cue.children):
        return None
    if head.i < cue.i:
        return _clause_before_aside(cue)
    aside = list(cue.subtree)
    lead = [c for c in cue.children if c.i < cue.i and c.dep_ != "punct"]
    if lead and all(c.dep_ == "advcl" for c in lead):
        # "Because warm water is more buoyant, says the study, it rises": the parser hangs the clause before the
        # aside on the cue; the aside starts after it
        cut = max(c.right_edge.i for c in lead) + 1
        aside = [t for t in aside if t.i >= cut]
    if aside[-1].text != "," and aside[-1].i + 1 < len(doc) and doc[aside[-1].i + 1].text == ",":
        aside.append(doc[aside[-1].i + 1])  # "..., says the study, it rises ...": the comma hangs on the verb
    if aside[0].text != "," or aside[-1].text != "," or len(aside) > _MAX_ASIDE_TOKENS:
        return None
    start = head.left_edge.i
    for t in doc[start : aside[0].i]:
        if t.text == ";":  # "... who died in 2015; they had, his father says, paid ...": the clause after it
            start = t.i + 1
    end = head.right_edge.i
    while end > aside[-1].i and doc[end].is_punct:
        end -= 1
    clause = doc[start : end + 1]
    if not any(
        t.dep_ in ("nsubj", "nsubjpass", "expl")
        and not aside[0].i <= t.i <= aside[-1].i
        and (t.head.i == head.i or (t.head.dep_ in ("aux", "auxpass") and t.head.head.i == head.i))
        for t in clause
    ):  # the subject of the very verb the aside is inside ("they had, ..., paid"), not of a clause it holds
        return None
    return clause.start_char, clause.end_char


def _clause_before_aside(cue: Token) -> tuple[int, int] | None:
    """ "Already-queued orders won't leave idle capacity for some years, Maróth said, and paying back this loan
    seems realistic": a cue between commas after a whole clause with its own subject, which the sentence goes on
    past (the parser hangs the cue on the clause). The span of the clause before the aside."""
    doc, head = cue.doc, cue.head
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i != cue.i - 1 or subj.left_edge.i < 2:
        return None  # only the short "..., Maróth said, ...": the speaker's name right before the cue
    comma = subj.left_edge.i - 1
    after = cue.i + 1
    if doc[comma].text != "," or after >= len(doc) or doc[after].text != ",":
        return None
    start = head.left_edge.i
    clause = doc[start:comma]
    if start < cue.sent.start or any(t.text in '"“”' for t in clause):
        return None
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i == head.i for t in clause):
        return None
    return clause.start_char, clause.end_char


def tells_nothing(cue: Token, comp: Token | None) -> bool:
    """A cue that reports no one's statement: an imperative or a bare infinitive with no subject ("Just think of
    it, imports stood at ..."), one under "let" ("Let them tell us about it – what is wrong with this?"), or,
    with no complement of its own, the relative clause of what was said ("after everything your partners have
    said, do you think ...": the antecedent is the thing said, the clause after it is the sentence's own)."""
    own = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")]
    if cue.tag_ == "VB" and not own and cue.dep_ in ("ROOT", "advcl", "parataxis"):
        return True  # not "would come up to me and say ...": a conjunct shares its verb's subject
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if cue.head.i != cue.i and cue.head.lemma_.lower() == "let":
        return subject is None or subject.lower_ not in _FIRST_PERSON  # "Let me stress that ..." is said
    if comp is None and cue.dep_ == "relcl":
        # "a story he sometimes told, he had ...": a story tells what follows
        told = cue.head.lemma_.lower() in UTTERANCE_HEADS
        return subject is not None and subject.tag_ not in ("WP", "WDT") and not told
    return False
