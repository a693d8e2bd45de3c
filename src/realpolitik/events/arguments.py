"""Who did it and to whom: the argument side of the event coder. Maps the dependency phrases around a trigger
(subject, passive agent, object, prepositional objects, possessors, "between X and Y") to the actor mentions
inside them, following control verbs, coordination, relative clauses and participles to find a missing subject;
finds the arguments of event nouns, gives unresolved groups the country they act in, belong to ("workers
affiliated with the Serbian union") or, failing that, the sentence's only state, and keeps the states an article
is about (where a bare "there" points).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from realpolitik.events.predicates import hung_predicate, last_word
from realpolitik.model import ActorRef, Mention
from realpolitik.ontology import cues

# Children not followed when collecting the words of an argument phrase: they start another clause or event.
_PRUNE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark", "dep"})
_KEEP_PREPS = cues.words("phrase_prepositions")
_CORE_PREPS = frozenset({"with"})
# what talks are held over ("on the phone with Mr Trump")
_MEDIA = frozenset({"phone", "telephone", "videoconference", "video", "link", "call", "line"})
TARGET_PREPS: tuple[str, ...] = cues.ordered("target_prepositions")
_OBJECT_CONTROL = cues.words("object_control_verbs")
QUANTIFIERS = cues.words("quantifier_nouns")
_SUBJECTS = ("nsubj", "csubj")
# Entity types that are never an actor ("on Monday", "for three hours", "20 people" is a group, kept).
_NOT_ACTORS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_LIGHT_VERBS = cues.words("light_verbs")
_PRONOUNS = cues.words("pronouns")
_POSSESSIVES = cues.words("possessive_pronouns")
_DOCUMENTS = cues.words("document_nouns")
_NOT_GROUPS = _DOCUMENTS | cues.words("act_nouns")
_CIVILIANS = cues.words("civilian_nouns")
_LINK_WORDS = cues.words("link_words")
_RELATIONS = cues.words("description_nouns")
_NOT_REPORTERS = cues.words("first_person_plural") | cues.words("first_person_singular") | {"you"}
_NUMBER_ROLES = frozenset({"dobj", "nsubj", "nsubjpass"})
_PLACE_NOUNS = cues.words("place_nouns")
_FORUMS = cues.words("forum_nouns")
_HAPPENINGS = cues.words("meeting_nouns") | cues.words("incident_nouns")
_THINGS = cues.words("thing_heads")
_BACKERS = cues.words("backer_participles")
_PLACE_DEPS = frozenset({"compound", "poss", "appos", "pobj"})
PLACE_PREPS: tuple[str, ...] = cues.ordered("place_prepositions")


@dataclass
class MentionIndex:
    """Mentions of one document by token, so an argument phrase maps to its actors in one pass."""

    by_token: dict[int, list[Mention]]
    by_span: dict[tuple[int, int], list[Mention]]

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention]) -> MentionIndex:
        by_token: dict[int, list[Mention]] = {}
        by_span: dict[tuple[int, int], list[Mention]] = {}
        for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
            by_span.setdefault((mention.start, mention.end), []).append(mention)
            if mention.end <= mention.start:
                continue  # the headline's participants and the publisher's office holder: no words of the text
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                by_token.setdefault(token.i, []).append(mention)
        return cls(by_token, by_span)

    def in_tokens(self, tokens: list[Token]) -> list[Mention]:
        """The distinct actors named in these tokens (resolved first), one mention per actor code."""
        found: dict[tuple[int, int], Mention] = {}
        for token in tokens:
            for mention in self.by_token.get(token.i, ()):
                found.setdefault((mention.start, mention.end), mention)
        ordered = sorted(found.values(), key=lambda m: (m.start, -(m.end - m.start)))
        resolved = [m for m in ordered if m.code]
        if not resolved:
            return _outermost(ordered)[:1]
        best: dict[str, Mention] = {}
        for mention in resolved:
            code = mention.code or ""
            kept = best.get(code)
            # One actor per code: prefer the mention that says more (a sector, a person) and the longer span.
            if kept is None or (bool(mention.sector), mention.end - mention.start) > (
                bool(kept.sector),
                kept.end - kept.start,
            ):
                best[code] = mention
        return sorted(best.values(), key=lambda m: m.start)

    def same_phrase(self, refs: tuple[ActorRef, ...]) -> list[Mention]:
        """The other actors of a phrase that names several ("the two leaders" after "Putin met Tokayev"): its
        mentions with the same span as one of ``refs`` and another code."""
        codes = {r.code for r in refs if r.code}
        found: dict[str, Mention] = {}
        for ref in refs:
            if ref.code is None or ref.start is None or ref.end is None or ref.end <= ref.start:
                continue
            for m in self.by_span.get((ref.start, ref.end), ()):
                if m.code and m.code not in codes:
                    found.setdefault(m.code, m)
        # two states' people or governments: the sides of an organisation's meeting are its members, no pair
        kinds = [r.kind for r in refs] + [m.kind for m in found.values()]
        if len(codes | set(found)) != 2 or any(k not in ("state", "person") for k in kinds):
            return []
        return list(found.values())


def _outermost(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for mention in mentions:
        if not any(k.start <= mention.start and mention.end <= k.end for k in kept):
            kept.append(mention)
    return kept


def phrase_tokens(
    head: Token, keep_appos: bool = True, keep_preps: frozenset[str] = _KEEP_PREPS
) -> list[Token]:
    """The words of the noun phrase headed by ``head``, without relative clauses and most prepositions."""
    out: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            # An apposition is another name for the head, except in a list ("the US, Russia, and Switzerland").
            if child.dep_ in _PRUNE or (
                child.dep_ == "appos" and not keep_appos and not any(g.dep_ == "conj" for g in child.children)
            ):
                continue
            if child.dep_ == "prep" and child.lower_ not in keep_preps:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


@dataclass(frozen=True)
class Argument:
    """The actors of one event role and how they were found (for the rule and confidence fields)."""

    refs: tuple[ActorRef, ...]
    how: str  # "subject", "agent", "object", "prep:with", "possessor", "inherited", "fallback", ...


def argument(head: Token, index: MentionIndex, how: str) -> Argument | None:
    """The actors of the phrase headed by ``head``; a phrase with no mention becomes one unresolved ActorRef.
    An apposition counts only when the phrase itself names no actor ("Pakistan, a key U.S. ally" is PAK)."""
    if head.lower_ in ("there", "here") or head.ent_type_ in _NOT_ACTORS:
        return None
    # The phrase's own words first: "Jordan's King Abdullah in Tel Aviv" is Jordan's king, "the Turkish and
    # Greek sides of the island of Cyprus" are Turkey and Greece; a place or "of" phrase counts only when the
    # head names no actor itself ("the government of Kazakhstan", "police in Belarus").
    tokens = phrase_tokens(head, keep_appos=False, keep_preps=_CORE_PREPS)
    mentions = index.in_tokens(tokens)
    if not any(m.code for m in mentions):
        tokens = phrase_tokens(head, keep_appos=False)
        mentions = index.in_tokens(tokens)
    if not any(m.code for m in mentions):
        tokens = phrase_tokens(head)
        mentions = index.in_tokens(tokens)
    if not any(m.code for m in mentions):
        linked = _linked_phrase(head)
        more = index.in_tokens(phrase_tokens(linked, keep_appos=False)) if linked is not None else []
        if any(m.code for m in more):
            mentions = [m for m in more if m.code]
    backers = _backers(head)
    if backers:
        # "the Armenian-backed separatists", "the US-brokered deal": the backer is not the phrase
        doc = head.doc
        mentions = [m for m in mentions if _last_token(doc, m) not in backers]
    if len(mentions) > 1:
        mentions = _owner_not_organisation(head.doc, mentions)
    if len(mentions) > 1 and any(m.code and m.text.lower() not in _POSSESSIVES for m in mentions):
        # "his US counterpart", "its embassy in Moscow": the possessor is who owns it, not who it is.
        mentions = [m for m in mentions if m.text.lower() not in _POSSESSIVES]
    if head.pos_ == "NOUN" and head.lemma_.lower() in _HAPPENINGS and mentions:
        mentions = _not_the_venue(head, mentions)
    if head.lemma_.lower() in _FORUMS and head.pos_ == "NOUN":
        # "the Astana talks supported the Geneva process": a format named after its venue or parties acts for
        # none of them; the meetings of an organisation ("the CSTO summit") are the organisation's.
        mentions = [m for m in mentions if m.kind == "igo"]
        if not mentions:
            return None
    if how == "subject" and head.lemma_.lower() in _THINGS and head.pos_ == "NOUN":
        return None  # "Russian literature offers examples": a country's works or condition act for nobody
    if mentions:
        return Argument(tuple(_authority(head, m, how) for m in mentions), how)
    if head.pos_ not in ("NOUN", "PROPN", "PRON") and not (head.pos_ == "NUM" and head.dep_ in _NUMBER_ROLES):
        return None  # a bare number is a group of people only as a participant ("arresting 12")
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = head.doc[tokens[0].i : tokens[-1].i + 1].text
    return Argument((ActorRef(code=None, text=text, start=start, end=end),), how)


_SUBDIVISIONS = cues.words("subdivision_nouns")


def _authority(head: Token, mention: Mention, how: str) -> ActorRef:
    """ "the state of Montana sued", "a lawsuit against the state of Montana": a subdivision acting or opposed is
    its state's government (docs/annotation.md: regions and cities act through their authorities), not the country
    as such; "shelled the city of Kharkiv" hits a place."""
    ref = mention.ref()
    if (
        how in ("subject", "prep:against")
        and head.text in _SUBDIVISIONS
        and mention.kind == "state"
        and mention.sector is None
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    ):
        return ActorRef(ref.code, "GOV", ref.name, ref.text, ref.start, ref.end, ref.actor_id, ref.kind)
    return ref


def _owner_not_organisation(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Russia's WTO accession", "Ukraine's NATO membership": the owner of the act is the actor; the organisation
    modifying it is where it happens."""
    last = {id(m): _last_token(doc, m) for m in mentions}
    # a named owner only: "our CSTO allies" are the CSTO's members, addressed as the organisation
    owners = {
        doc[i].head.i
        for m in mentions
        if (i := last[id(m)]) is not None and doc[i].dep_ == "poss" and m.code and doc[i].pos_ == "PROPN"
    }
    if not owners:
        return mentions
    return [
        m
        for m in mentions
        if not (
            m.kind == "igo"
            and (i := last[id(m)]) is not None
            and doc[i].dep_ == "compound"
            and doc[i].head.i in owners
        )
    ]


def _backers(head: Token) -> set[int]:
    """The words of "X-backed", "X-brokered" modifiers of the phrase headed by ``head``."""
    return {
        t.i
        for word in phrase_tokens(head)
        if word.dep_ == "amod" and word.lower_ in _BACKERS and word.n_lefts
        for t in word.subtree
    }


def _not_the_venue(head: Token, mentions: list[Mention]) -> list[Mention]:
    """Of a gathering or an incident, the mentions that are not where it happened: "a Kabul car bombing killed
    five" (a city named for its government) and "an assembly of several foreign ministers in Cairo denounced"
    (a state after a place preposition) name no one who acted."""
    doc = head.doc
    out: list[Mention] = []
    for m in mentions:
        last = _last_token(doc, m)
        if last is None or m.kind != "state":
            out.append(m)
            continue
        tok = doc[last]
        modifier = tok.dep_ == "compound" and (tok.head.i == head.i or tok.head.head.i == head.i)
        venue = tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS
        if not ((modifier and m.sector == "GOV" and " " not in m.text) or venue):
            out.append(m)
    return out


def _last_token(doc: Doc, mention: Mention) -> int | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span[-1].i if span is not None and len(span) else None


def _linked_phrase(head: Token) -> Token | None:
    """The organisation a group is tied to ("workers affiliated with the Serbian union", "militants loyal to
    Iraq's Al-Qaeda"): it gives a group the phrase names no country for the country of its organisation."""
    for modifier in head.children:
        if modifier.dep_ in ("acl", "amod") and modifier.lemma_.lower() in _LINK_WORDS:
            for prep in modifier.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                    obj = child(prep, "pobj")
                    if obj is not None:
                        return obj
    return None


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def partner_object(verb: Token) -> tuple[Token, str] | None:
    """Who talks were held with: "with" or "between" on the verb, or on the medium ("discussed this issue on the
    phone with Mr Trump", "spoke by video link with ...")."""
    hit = prep_object(verb, ("with", "between"))
    if hit is not None:
        return hit
    for medium in (m for m in verb.children if m.dep_ == "prep" and m.lower_ in ("on", "by", "over", "via")):
        for obj in (o for o in medium.children if o.dep_ == "pobj" and o.lemma_.lower() in _MEDIA):
            hit = prep_object(obj, ("with",))
            if hit is not None:
                return hit
    for obj in (o for o in verb.children if o.dep_ == "dobj"):
        # "discussed the energy deal with President Putin": the parser hangs the partner on the topic; a person is
        # no topic ("cooperation with Tajikistan" is one)
        hit = prep_object(obj, ("with",))
        if hit is not None and hit[0].ent_type_ == "PERSON":
            return hit
    return None


def prep_object(token: Token, preps: tuple[str, ...] | frozenset[str]) -> tuple[Token, str] | None:
    """The object of the first preposition (in ``preps`` order) hanging off ``token``."""
    found: dict[str, Token] = {}
    for c in token.children:
        if c.dep_ in ("prep", "dative", "prt") and c.lower_ in preps:
            pobj = child(c, "pobj")
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):  # "called on Monday on Armenia"
                found.setdefault(c.lower_, pobj)
    for prep in preps:
        if prep in found:
            return found[prep], prep
    return None


def real_object(token: Token) -> Token:
    """ "all kinds of assistance" -> "assistance"."""
    if token.lemma_.lower() in QUANTIFIERS:
        inner = prep_object(token, ("of",))
        if inner is not None:
            return inner[0]
    return token


def subject_of(verb: Token, index: MentionIndex, depth: int = 0) -> Argument | None:
    """The acting side of a verb: its subject or passive agent, or one inherited from the clause it depends on."""
    if depth > 6:
        return None
    subj = child(verb, *_SUBJECTS)
    if subj is not None:
        if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return argument(verb.head, index, "relative")
        if subj.pos_ == "NOUN" and subj.lemma_.lower() in _RELATIONS:
            return None  # "Russian-Chinese relations are considered an example": relations are no one's act
        found = argument(subj, index, "subject")
        if (
            subj.pos_ == "PRON"
            and subj.lower_ not in _NOT_REPORTERS
            and not (found and any(r.code for r in found.refs))
        ):
            # "Norway said it would ...": an unresolved pronoun in a reported clause is the speaker; "I", "we" are
            # whoever speaks and "you" the addressee, never the reporter's subject ("I know that you have agreed to
            # China's initiative": the addressee's act, not the speaker's).
            speaker = _reporter(verb)
            if speaker is not None and speaker.i != verb.i:
                inherited = subject_of(speaker, index, depth + 1)
                if inherited is not None and any(r.code for r in inherited.refs):
                    return Argument(inherited.refs, "speaker")
        return found
    agent = child(verb, "agent")
    if agent is not None:
        pobj = child(agent, "pobj")
        if pobj is not None:
            return argument(pobj, index, "agent")
    if child(verb, "nsubjpass") is not None:
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in ("xcomp", "acomp"):
        obj = child(head, "dobj")
        if obj is not None and head.lemma_.lower() in _OBJECT_CONTROL:
            return argument(obj, index, "controller")
        return subject_of(head, index, depth + 1)
    if verb.dep_ == "conj":
        if child(head, "nsubjpass") is not None and head.dep_ == "ccomp" and child(verb, "dobj") is not None:
            # "the spokeswoman said Moscow had not been consulted and urged Yerevan to ...": the parser hangs the
            # second act on the reported passive; whoever is acted on there does not act here, the reporter does
            return subject_of(head.head, index, depth + 1)
        return subject_of(head, index, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.tag_ in ("VBG", "VBZ", "VBP", "VBD"):
        return argument(head, index, "relative")
    if hung_predicate(verb):
        return argument(head, index, "subject")
    if (
        verb.dep_ == "acl"
        and head.dep_ == "dobj"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return subject_of(head.head, index, depth + 1)  # "took this opportunity to thank": the taker thanks
    if verb.dep_ == "advcl" and verb.tag_ in ("VBD", "VBN") and child(verb, "mark", "aux", "auxpass") is None:
        return None  # "condolences over ... the aircraft shot down in Syria": a bare participle is no clause of X
    if verb.dep_ in ("advcl", "pcomp") or (verb.dep_ == "prep"):
        up = head
        while up.dep_ in ("prep", "pcomp") and up.head.i != up.i:
            up = up.head
        return subject_of(up, index, depth + 1)
    return None


def _reporter(verb: Token) -> Token | None:
    """The verb a clause is reported by ("said" in "X said it would ..."), through one or two clause links."""
    current = verb
    for _ in range(3):
        if current.dep_ in ("ccomp", "xcomp", "conj") and current.head.i != current.i:
            current = current.head
            if current.pos_ in ("VERB", "AUX") and child(current, *_SUBJECTS) is not None:
                return current
        else:
            return None
    return None


def passive_patient(verb: Token) -> Token | None:
    """The patient of a passive verb: its passive subject, or the noun a participle modifies."""
    patient = child(verb, "nsubjpass")
    if patient is not None:
        return patient
    for aux in verb.children:
        if aux.dep_ == "auxpass" and aux.i > verb.i:
            # "Also signed were documents on ...": the inverted passive's patient hangs on its auxiliary
            inverted = child(aux, "attr", "nsubj", "nsubjpass")
            if inverted is not None:
                return inverted
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and child(verb, *_SUBJECTS) is None:
        return passive_patient(verb.head)
    return None


def place_country(verb: Token, index: MentionIndex) -> ActorRef | None:
    """The state where a clause happens: the first known state named by a place preposition on the trigger,
    its objects or its subject ("rioted at a jail in Dili", "blocked streets in Hong Kong")."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep"))]
    # "A report released in Kigali alleged ...", "militants based in Pakistan attacked ...": where the subject
    # was issued or is based is where it comes from.
    holders.extend(
        g
        for c in verb.children
        if c.dep_ == "nsubj"
        for g in c.children
        if g.dep_ == "acl" and g.tag_ == "VBN"
    )
    seen: set[int] = set()
    for holder in holders:
        for prep in (c for c in (holder, *holder.children) if c.dep_ == "prep" and c.lower_ in PLACE_PREPS):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                deps = _PLACE_DEPS | ({"amod"} if pobj.lemma_.lower() in _PLACE_NOUNS else set())
                tokens = [pobj, *(t for t in pobj.subtree if t.dep_ in deps)]
                for mention in index.in_tokens([t for t in tokens if t.i not in seen]):
                    if mention.code and mention.kind in (None, "state"):
                        return mention.ref()
                seen.update(t.i for t in tokens)
    return None


def sole_state(tokens: list[Token], index: MentionIndex) -> ActorRef | None:
    """The one state these tokens (a sentence) name, by name, demonym, official or person, if they name exactly
    one: the home of the unresolved domestic groups in it ("Ibo elders ... the Nigerian Interior Ministry")."""
    found: ActorRef | None = None
    for mention in index.in_tokens(tokens):
        if not mention.code or mention.kind not in ("state", "person"):
            continue
        if found is not None and found.code != mention.code:
            return None
        found = found or mention.ref()
    return found


def localized(arg: Argument | None, country: ActorRef | None, why: str = "place") -> Argument | None:
    """An unresolved group ("demonstrators", "about 20 people", "Militants") takes the country it acts in or
    belongs to: event data code domestic groups by their state, and a group with no code is lost to every
    aggregate. The words stay the group's own."""
    if arg is None or country is None or any(r.code for r in arg.refs):
        return arg
    if any(r.text.lower() in _PRONOUNS for r in arg.refs):
        return arg  # "blew themselves up", "it": a pronoun is someone named elsewhere, not a local group
    if why == "sole" and not all(_group_like(r.text) for r in arg.refs):
        return arg  # only the sentence names a state: "the report alleged" is no domestic group
    if why == "home" and any(last_word(r.text) in _NOT_GROUPS for r in arg.refs):
        return arg  # "the Kremlin criticised the decision": an act or a text acted on is no domestic group
    refs = tuple(
        ActorRef(
            country.code, r.sector or _civilians(r.text), r.name, r.text, r.start, r.end, r.actor_id, "group"
        )
        for r in arg.refs
    )
    return Argument(refs, f"{arg.how}+{why}")


def _civilians(text: str) -> str | None:
    """The sector of a group of ordinary people ("residents", "vigilant locals", "families"): civilians, apart
    from the state's institutions ("Prime Minister Hubert Minnis urged residents to evacuate" is GOV -> CVL)."""
    return "CVL" if last_word(text) in _CIVILIANS else None


def _group_like(text: str) -> bool:
    """A phrase that can name a group of people: a plural ("Ibo elders") or a name ("the Kifaya movement")."""
    last = text.split()[-1] if text.split() else ""
    if last.lower() in _NOT_GROUPS:
        return False
    return last[:1].isupper() or (last.endswith("s") and not last.endswith("ss"))


def nominal_arguments(noun: Token, index: MentionIndex) -> tuple[Argument | None, Argument | None]:
    """Source and target of an event noun: "Russia's visit to China", "talks between X and Y",
    "the attack by Syrian forces on Aleppo", "a Chinese investment in Kazakhstan", "held talks with Y"."""
    source: Argument | None = None
    possessor = child(noun, "poss")
    # "my congratulations": a first-person possessor is the speaker; other pronouns are left to the context
    if possessor is not None and (possessor.pos_ != "PRON" or possessor.lower_ in ("my", "our")):
        source = argument(possessor, index, "possessor")
    by = prep_object(noun, ("by", "from"))
    if source is None and by is not None:
        source = argument(by[0], index, f"prep:{by[1]}")
    if source is None:
        modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
        mentions = index.in_tokens(modifiers)
        if any(m.code for m in mentions):
            source = Argument(tuple(m.ref() for m in mentions if m.code), "modifier")
    between = prep_object(noun, ("between", "among"))
    if between is not None:
        parties = argument(between[0], index, "between")
        if source is None:
            return parties, None
        return source, parties
    if source is None and noun.dep_ in ("dobj", "pobj") and noun.head.pos_ in ("VERB", "ADP"):
        verb = noun.head if noun.dep_ == "dobj" else noun.head.head
        if verb.pos_ == "VERB" and (
            verb.lemma_.lower() in _LIGHT_VERBS
            or (noun.dep_ == "pobj" and noun.head.lower_ in ("for", "into"))
        ):
            # "held talks", "carried out a raid": only a light verb makes its subject the noun's agent; one
            # who "condemned the killing" or "forestalled violence" did not kill.
            source = subject_of(verb, index)
    target_hit = prep_object(noun, (*TARGET_PREPS, "in"))
    target = argument(target_hit[0], index, f"prep:{target_hit[1]}") if target_hit else None
    return source, target


def focus_states(doc: Doc, mentions: list[Mention]) -> list[ActorRef]:
    """The states an article is about, most first: where a bare "there" points. Counted over mentions that are
    objects (of a verb or preposition), since the place a story is about is mostly acted on or located in,
    while the powers acting on it are subjects."""
    counts: Counter[str] = Counter()
    firsts: dict[str, Mention] = {}
    for mention in mentions:
        if not mention.code or mention.kind not in (None, "state"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("pobj", "dobj", "dative"):
            continue
        counts[mention.code] += 1
        firsts.setdefault(mention.code, mention)
    return [firsts[code].ref() for code, _ in counts.most_common(3)]


def deictic_target(verb: Token, focus: list[ActorRef], sources: tuple[ActorRef, ...]) -> Argument | None:
    # "there" points at the place the story is about; "here" is where the speaker stands, a venue ("Here in
    # Bishkek we will hold regular meetings")
    word = next((c for c in verb.children if c.lower_ == "there" and c.dep_ == "advmod"), None)
    if word is None:
        return None
    codes = {s.code for s in sources}
    for ref in focus:
        if ref.code not in codes:
            start, end = word.idx, word.idx + len(word.text)
            found = ActorRef(
                ref.code, ref.sector, ref.name, text=word.text, start=start, end=end, kind=ref.kind
            )
            return Argument((found,), "deictic")
    return None


__all__ = [
    "PLACE_PREPS",
    "QUANTIFIERS",
    "TARGET_PREPS",
    "Argument",
    "MentionIndex",
    "argument",
    "child",
    "deictic_target",
    "focus_states",
    "localized",
    "nominal_arguments",
    "partner_object",
    "passive_patient",
    "phrase_tokens",
    "place_country",
    "prep_object",
    "real_object",
    "sole_state",
    "subject_of",
]
