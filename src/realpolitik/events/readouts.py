"""Coding passes for what readouts and transcripts say in their own ways: a speaker committing their side ("We
will continue implementing the programmes", "We are ready to do this"), and the participants of an
organisation's meeting ("The meeting was attended by the presidents of Armenia, Belarus, ...", "Putin took part
in the CSTO summit"), each of whom consults with the organisation (docs/annotation.md: a gathering of more than
three parties is never a web of pairs)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events.arguments import Argument, MentionIndex, child, subject_of
from realpolitik.events.context import Candidate, CodingContext, clause_words
from realpolitik.events.nominal import object_keys
from realpolitik.events.triggers import Match
from realpolitik.model import ActorRef, Mention
from realpolitik.ontology import cues
from realpolitik.ontology.lexicon import LexiconEntry

_COMMITTING = cues.words("commitment_words")
_PROCEDURE = cues.words("procedure_verbs")
_COMMITTED_ACTS = cues.words("committed_acts")
_ATTENDING = cues.words("attendance_words")
_MEETINGS = cues.words("meeting_nouns")
_SETTING = frozenset({"on", "in", "at", "during", "after", "before"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})
_SPEECH = cues.words("saying_verbs") | cues.words("speech_verbs")
_GATHERING = cues.words("gathering_verbs")
# chairing or speaking at a meeting is taking part in it only when the sentence names whose meeting it is
_NAMED_ONLY = frozenset({"chair", "speak"})
_DASHES = frozenset({"-", "–", "—"})


def commitments(sent: Span, ctx: CodingContext, triggers: dict[int, Match]) -> list[Candidate]:
    """A speaker committing their side: an asserted AGREE toward the actor the clause names, else the other side
    of the readout. Only "we" resolved to the speaker counts; chairing words are not commitments."""
    out: list[Candidate] = []
    for head in sent:
        subject = child(head, "nsubj")
        if subject is None or subject.lower_ != "we" or head.i in triggers:
            continue
        if any(c.i in triggers for c in head.children if c.dep_ in ("xcomp", "acomp", "ccomp")):
            continue  # "we are ready to provide aid": the trigger under it is coded as an intention
        lemma = head.lemma_.lower()
        future = any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in head.children)
        if not ((future and lemma in _COMMITTED_ACTS) or lemma in _COMMITTING) or lemma in _PROCEDURE:
            continue
        source = subject_of(head, ctx.index)
        if source is None or not any(r.code and r.text.lower() == "we" for r in source.refs):
            continue
        codes = {r.code for r in source.refs}
        words = clause_words(head)
        named = [m for m in ctx.index.in_tokens(words) if m.code and m.code not in codes]
        target = Argument((named[0].ref(),), "clause") if named else ctx.counterpart(source.refs)
        if target is None:
            continue
        entry = LexiconEntry(
            type="AGREE", cameo="030", pos="verb", lemmas=frozenset({lemma}), name="AGREE/commitment"
        )
        out.append(Candidate(Match(head, entry), source, target, words))
    return out


# "The two presidents witnessed the signing of ...", "The visit saw the signing of ...": the signing seen
_SEEING = frozenset({"witness", "oversee", "attend", "observe", "see"})
# "presided over the signing of", "were present at the signing of", "The talks ended with the signing of",
# "resulted in the signing of": the verb and the preposition the signing hangs on
_SIGNING_FRAMES = {
    "preside": frozenset({"over"}),
    "present": frozenset({"at", "for"}),
    "end": frozenset({"with"}),
    "conclude": frozenset({"with"}),
    "close": frozenset({"with"}),
    "culminate": frozenset({"in", "with"}),
    "result": frozenset({"in"}),
}
_EMBEDDED = frozenset({"xcomp", "ccomp", "relcl", "acl", "advcl", "pcomp", "csubj"})


def _signing_frame(noun: Token) -> Token | None:
    """The verb a signing is told by ("witnessed the signing", "ended with the signing", "were present at the
    signing"), if it is one of those frames."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SEEING:
        return noun.head
    if noun.dep_ != "pobj":
        return None
    prep, above = noun.head, noun.head.head
    frame = _SIGNING_FRAMES.get(above.lemma_.lower())
    if frame is None or prep.lower_ not in frame:
        return None
    if above.pos_ == "ADJ":  # "were present at": the copula carries the tense
        return above.head if above.dep_ == "acomp" else None
    return above


def _done(verb: Token) -> bool:
    """Told as done by the sentence itself: a past or perfect main verb, not negated, not under another verb
    ("is expected to result in", "will witness")."""
    if verb.dep_ in _EMBEDDED or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def witnessed_signings(sent: Span, ctx: CodingContext, triggers: dict[int, Match]) -> list[Candidate]:
    """A signing of agreements the sentence tells as witnessed or as the end of talks ("The two presidents also
    witnessed the signing of intergovernmental agreements on ...", "The negotiations ended with the signing of a
    number of documents, including an agreement on ..."): SUPPORT between the sides of the readout, or between
    the leaders the sentence names as present ("Putin and Karimov were present at the signing of ...")."""
    signs = [e for e in ctx.lex.verbs.get("sign", ()) if e.objects is not None and e.type == "SUPPORT"]
    if not signs:
        return []
    entry = signs[0]
    out: list[Candidate] = []
    for noun in sent:
        if noun.lower_ != "signing" or noun.pos_ != "NOUN":
            continue
        verb = _signing_frame(noun)
        if verb is None or verb.i in triggers or not _done(verb):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
            continue  # "the signing of contracts by the companies": the signers are named, not the sides
        signed = next(
            (
                g
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if signed is None or not (entry.objects or frozenset()) & object_keys(signed):
            continue
        subject = subject_of(verb, ctx.index)
        codes = {r.code for r in (subject.refs if subject else ()) if r.code}
        sides = {s.code for s in ctx.sides}
        if ctx.sides and codes <= sides:
            source = ctx.both_sides()
        elif subject is not None and len(codes) >= 2:
            source = subject
        else:
            continue
        out.append(
            Candidate(Match(noun, entry, obj=signed, governors=(verb,)), source, None, clause_words(verb))
        )
    return out


def gathers_people(noun: Token) -> bool:
    """Does the sentence say who a meeting brings together ("Your meeting brings together politicians,
    researchers and journalists from Russia and Kazakhstan", "The forum gathered 500 entrepreneurs")? Then it
    describes a forum and its participants, not talks between the readout's sides."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() not in _GATHERING:
        return False
    # "brought together" gathers; "the talks brought results" does not
    return verb.lemma_.lower() != "bring" or any(c.lower_ == "together" for c in verb.children)


def own_word(trigger: Token, source: Argument | None, index: MentionIndex) -> bool:
    """Is a future act said by its own actor ("we will supply", "China will help, Xi said") rather than narrated
    by someone else ("Presidents of the CSTO states will attend the summit")?"""
    if source is None:
        return False
    if any(r.text.lower() in _FIRST_PERSON for r in source.refs):
        return True
    codes = {r.code for r in source.refs if r.code}
    head = trigger
    while head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in _SPEECH:
            speaker = subject_of(head, index)
            return speaker is not None and bool(codes & {r.code for r in speaker.refs if r.code})
    return False


def _organisation(sent: Span, ctx: CodingContext) -> ActorRef | None:
    """The organisation whose meeting a sentence is about: the one it names, else the one the title names."""
    named = {m.code: m for m in ctx.index.in_tokens(list(sent)) if m.kind == "igo" and m.code}
    title = ctx.organisation
    if title is not None and (not named or title.code in named):
        return title
    if len(named) == 1:
        return next(iter(named.values())).ref()
    return None


def _participant_phrase(verb: Token) -> list[Token]:
    """Who takes part: the subject, the passive agent ("attended by ..."), or what is present ("Present were
    ...")."""
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "attr", "expl")]
    if verb.lemma_.lower() == "gather":  # "The summit gathered the heads of state of 16 countries"
        heads.extend(c for c in verb.children if c.dep_ == "dobj")
    agent = child(verb, "agent")
    if agent is not None:
        heads.extend(c for c in agent.children if c.dep_ == "pobj")
    return [t for h in heads for t in h.subtree]


def _named_outright(text: str) -> bool:
    """An organisation named by its acronym or a long name ("the CIS Council of Heads of State"), not by a name
    any state's body has ("the Security Council")."""
    words = [w for w in text.split() if w.lower() != "the"]
    return len(words) >= 3 or any(w.isupper() and len(w) >= 2 for w in words)


def _attend_entry(lemma: str) -> LexiconEntry:
    """Taking part in a meeting as the lexicon entry it is coded with (CONSULT, 040)."""
    return LexiconEntry(
        type="CONSULT", cameo="040", pos="verb", lemmas=frozenset({lemma}), name="CONSULT/attend"
    )


def _bilateral_forum(verb: Token, lemma: str, ctx: CodingContext) -> list[Candidate]:
    """A participant of one side taking part in the two states' own forum ("took part in the 14th
    Russia-Kazakhstan Interregional Cooperation Forum") meets the other side there."""
    participants = set(t.i for t in _participant_phrase(verb))
    pair: tuple[Mention, Mention] | None = None
    for noun in verb.subtree:
        if noun.lower_ not in _MEETINGS or noun.i in participants:
            continue
        for dash in noun.subtree:
            if dash.text not in _DASHES or dash.i == 0 or dash.i + 1 >= len(dash.doc):
                continue
            left = [m for m in ctx.index.in_tokens([dash.doc[dash.i - 1]]) if m.kind == "state" and m.code]
            right = [m for m in ctx.index.in_tokens([dash.doc[dash.i + 1]]) if m.kind == "state" and m.code]
            if len(left) == 1 and len(right) == 1 and left[0].code != right[0].code:
                pair = (left[0], right[0])
        if pair is not None:
            break
    if pair is None:
        return []
    out: list[Candidate] = []
    named = {
        m.code: m
        for m in ctx.index.in_tokens([verb.doc[i] for i in sorted(participants)])
        if m.code in {pair[0].code, pair[1].code}
    }
    seen: set[str] = set()
    for code, mention in named.items():
        if code in seen:
            continue
        other = pair[1] if code == pair[0].code else pair[0]
        # both sides among the participants ("Putin and Nazarbayev attended ...") met once, each as named
        other = named.get(other.code, other)
        seen.update({code or "", other.code or ""})
        entry = _attend_entry(lemma)
        source = Argument((mention.ref(),), "participant")
        out.append(
            Candidate(Match(verb, entry), source, Argument((other.ref(),), "forum"), clause_words(verb))
        )
    return out


def _met_with(verb: Token, ctx: CodingContext) -> list[Candidate]:
    """ "took part in a meeting in the RIC format with Modi and Xi on the sidelines of the G20 summit": the
    participants met those the meeting is with, not the organisation whose summit was the venue."""
    partners: list[Mention] = []
    for noun in verb.subtree:
        # "took part in a meeting with ..." (a verb's own object, "attended a summit with", is the lexicon's)
        if (noun.lower_ in _MEETINGS or noun.lemma_.lower() in _MEETINGS) and (
            noun.dep_ == "pobj" and noun.head.head.i == verb.i
        ):
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    # the partners, not the place or occasion ("... on the sidelines of the G20 summit in Osaka")
                    where = {
                        t.i
                        for p in prep.subtree
                        if p.dep_ == "prep" and p.lower_ in _SETTING
                        for t in p.subtree
                    }
                    partners += ctx.index.in_tokens([t for t in prep.subtree if t.i not in where])
    partners = [m for m in partners if m.code and m.kind in ("state", "person")]
    out: list[Candidate] = []
    entry = _attend_entry(verb.lemma_.lower())
    for mention in ctx.index.in_tokens(_participant_phrase(verb)):
        if not mention.code or mention.kind not in ("state", "person"):
            continue
        for partner in {p.code: p for p in partners if p.code != mention.code}.values():
            source, target = (
                Argument((mention.ref(),), "participant"),
                Argument((partner.ref(),), "prep:with"),
            )
            out.append(Candidate(Match(verb, entry), source, target, clause_words(verb)))
    return out


def attendance(sent: Span, ctx: CodingContext, triggers: dict[int, Match]) -> list[Candidate]:
    """Each named participant of an organisation's meeting consults with the organisation."""
    out: list[Candidate] = []
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in _ATTENDING:
            continue
        if lemma == "take" and not any(c.lower_ == "part" for c in verb.children):
            continue
        if lemma == "speak" and not any(c.lower_ == "at" for c in verb.children):
            continue  # "spoke at the plenary session" took part in it; "spoke about the session" did not
        if not any(t.lower_ in _MEETINGS for t in verb.subtree) and lemma != "gather":
            continue
        met = _met_with(verb, ctx)
        if met:
            out.extend(met)
            continue
        organisation = _organisation(sent, ctx)
        if organisation is None:
            out.extend(_bilateral_forum(verb, lemma, ctx))
            continue
        if lemma in _NAMED_ONLY and not any(
            m.code == organisation.code and _named_outright(m.text)
            for m in ctx.index.in_tokens(list(verb.subtree))
        ):
            # "we spoke at the St Petersburg forum" in a CICA summit's speech is not at the CICA's meeting; "chaired
            # a meeting of the Security Council" is the president's own council as often as the UN's
            continue
        seen: set[str] = {organisation.code or ""}
        for mention in ctx.index.in_tokens(_participant_phrase(verb)):
            if not mention.code or mention.code in seen or mention.kind not in ("state", "person"):
                continue
            seen.add(mention.code)
            entry = _attend_entry(lemma)
            source = Argument((mention.ref(),), "participant")
            out.append(
                Candidate(
                    Match(verb, entry), source, Argument((organisation,), "organisation"), clause_words(verb)
                )
            )
    return out


_WE = cues.words(
    "first_person_plural"
)  # "we've come to the US", "our companies' teams went to Syria": a group


def official_travel(
    entry: LexiconEntry, src: ActorRef | None, tgt: ActorRef | None, target: Argument | None
) -> bool:
    """Is a travel verb's journey ("came to India", "arrived in Russia") one of a government's official to another
    state, named as where they went? Then it is a visit; anyone else's travel (refugees, troops, "our companies'
    teams", "we") stays unsure."""
    return (
        entry.place_target
        and entry.weak
        and src is not None
        and tgt is not None
        and src.sector == "GOV"
        and src.kind == "person"
        and not set(src.text.lower().split()) & _WE
        and tgt.kind == "state"
        and bool(src.code and tgt.code)
        and src.code != tgt.code
        and target is not None
        and target.how.startswith("prep:")
    )


__all__ = ["attendance", "commitments", "gathers_people", "official_travel", "own_word", "witnessed_signings"]
