"""The acted-on side of a trigger (``target_of``): its passive patient, objects, the prepositional objects of the
trigger, its object and the verbs governing it, a place standing in for whom an act happened to, and, as a last
resort, a known actor deeper in its clause; for a request, only the addressee or the one asked to act."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from realpolitik.events.arguments import (
    PLACE_PREPS,
    TARGET_PREPS,
    Argument,
    MentionIndex,
    argument,
    child,
    passive_patient,
    prep_object,
    real_object,
)
from realpolitik.events.triggers import Match
from realpolitik.model import ActorRef
from realpolitik.ontology import cues

_MESSAGES = cues.words("message_nouns")
_HELD = cues.words("held_attitudes")
_TOPIC_OBJECTS = cues.words("topic_objects")
_FILINGS = cues.words("legal_filings")
_DESCRIPTIONS = cues.words("description_nouns")
_CONSEQUENCES = cues.words("consequence_verbs")
_TOLD = frozenset({"tell", "say", "report", "inform", "confirm"})
_FILED_WITH = frozenset({"with", "to", "at", "before"})
_BORDERS = cues.words("border_nouns")
_MEASURES = cues.words("punitive_measures")


def is_measure(obj: Token | None) -> bool:
    """Is the object a measure taken against a side ("new sanctions on Syria")? Whom it is on is not whom a reaction
    to it is aimed at."""
    return obj is not None and real_object(obj).lemma_.lower() in _MEASURES


def measure_author(obj: Token, index: MentionIndex) -> Argument | None:
    """Who took a measure, named by the participle on it ("the sanctions imposed by the EU on Iran")."""
    for acl in real_object(obj).children:
        agent = next((c for c in acl.children if c.dep_ == "agent"), None) if acl.dep_ == "acl" else None
        by = child(agent, "pobj") if agent is not None else None
        found = argument(by, index, "prep:by") if by is not None else None
        if found is not None and any(r.code for r in found.refs):
            return found
    return None


def target_of(match: Match, index: MentionIndex, source_tokens: set[int]) -> Argument | None:
    """The acted-on side: passive patient, indirect or direct object, else a prepositional object of the
    trigger's object, of the trigger, or of the verbs governing it. A phrase naming a known actor wins over an
    unresolved one found earlier."""
    verb, obj = match.token, match.obj
    skip = {obj.i, real_object(obj).i} if obj is not None else set()
    candidates: list[tuple[Token, str]] = []
    patient = passive_patient(verb)
    # What was discussed or reviewed is the talks' topic ("cooperation in the Caspian region was discussed"),
    # never their other party.
    if patient is not None and match.entry.type != "CONSULT":
        candidates.append((patient, "patient"))
    addressed = prep_object(verb, ("on", "upon")) if verb.lemma_.lower() == "call" else None
    if addressed is not None:
        # "called on Armenia to remove territorial claims": who is called on, before what they are to do ("insisted
        # on it" names what is asked)
        candidates.append((addressed[0], "addressee"))
    candidates.extend((c, "dative") for c in verb.children if c.dep_ == "dative" and child(c, "pobj") is None)
    candidates.extend(
        (c, "object") for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in _FILINGS
    )
    complements = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    if match.entry.type == "REQUEST":
        # what is asked comes after the asking; a clause before it is another statement the parser hung on it
        # ("Hungary spent 1.15% of its GDP on defence; NATO guidelines call for 2%")
        complements = [c for c in complements if c.i > verb.i]
    for comp in complements if child(verb, "nsubjpass") is None else ():
        # "demanded that Korea forsake ...", "refused to meet Jordan's king": the complement names the target; a
        # passive's ("A protocol was signed to open a branch of Moscow State University") says what its patient
        # is for, its topic.
        candidates.extend((c, "complement") for c in comp.children if c.dep_ in ("nsubj", "dobj"))
    preps: tuple[str, ...] = TARGET_PREPS
    if match.entry.place_target and match.entry.particles:
        preps = (*sorted(match.entry.particles), *TARGET_PREPS)
    if obj is not None and obj.lemma_.lower() in _TOPIC_OBJECTS:
        # "paid special attention to the situation in Afghanistan": what attention goes to is the topic
        preps = tuple(p for p in preps if p != "to")
    if obj is not None and obj.lemma_.lower() in _FILINGS:
        # "filed a complaint with the UN Security Council": the body it is filed with is not the accused
        preps = tuple(p for p in preps if p not in _FILED_WITH)
    holders = [t for t in (obj, real_object(obj) if obj is not None else None) if t is not None]
    # "launched 400 drones and 30 missiles at Ukraine": the parser hangs the phrase on the last of the objects
    if obj is not None:
        holders.extend(c for c in obj.conjuncts if c.i > obj.i)
    holders.extend([verb, *match.governors, *complements])
    if match.entry.place_target:
        # "arrived in China on a state visit at the invitation of Xi": where the visitor went is whom he visited
        holders.remove(verb)
        holders.insert(0, verb)
    for topic in (child(p, "pobj") for p in (obj.children if obj is not None else ()) if p.dep_ == "prep"):
        # "signed an agreement on critical raw materials with the EU": the parser hangs the partner on the topic;
        # relations with someone are a topic ("exchanged opinions on relations with the United States")
        if topic is None or topic.lemma_.lower() in _DESCRIPTIONS:
            continue
        hit = prep_object(topic, ("with",))
        if hit is not None:
            candidates.append((hit[0], "prep:with"))
    for holder in holders:
        holder_preps = (*preps, "between") if holder.i in skip else preps
        if holder.i in skip and holder.lemma_.lower() in _MESSAGES:
            # "conveyed to Putin congratulations from the Kyrgyz people": the sender is no target
            holder_preps = tuple(p for p in holder_preps if p != "from")
        hit = prep_object(holder, holder_preps)
        if hit is not None:
            candidates.append((hit[0], f"prep:{hit[1]}"))
        # whom a report is told is no target ("... killing a dozen soldiers, security sources told AFP")
        if holder.i != verb.i and holder.pos_ == "VERB" and holder.lemma_.lower() not in _TOLD:
            candidates.extend(
                (c, "governor-object")
                for c in holder.children
                if c.dep_ == "dobj" and not _is_subtree(verb, c)
            )
    if obj is not None and obj.lemma_.lower() not in _FILINGS:
        # The pattern's own object counts when it names an actor ("expelled Russian diplomats"); a complaint
        # does not ("a complaint with the UN Security Council" is where it is filed)
        candidates.append((obj, "object"))
    for holder in (verb, *(t for t in (obj,) if t is not None)):
        # Where it happened stands in for whom it happened to ("blocked streets in Hong Kong").
        hit = prep_object(holder, PLACE_PREPS)
        if hit is not None:
            candidates.append((hit[0], "location"))
    if obj is not None and obj.lemma_.lower() in _HELD and child(obj, "poss") is not None:
        # "expressed Kazakhstan's support for China's initiative": the possessor holds the support, the one it is
        # for is the target
        candidates = [(t, how) for t, how in candidates if t.i != obj.i]
    first: Argument | None = None
    doc = verb.doc
    own = {m.code for m in index.in_tokens([doc[i] for i in sorted(source_tokens)]) if m.code}
    for token, how in candidates:
        if token.i == verb.i:
            continue
        if token.i in skip and own and _own_possessive(token, index, own):
            # "expressed his gratitude to all the CSTO members": the actor's own feeling, not whom it is for
            continue
        if how == "location" and first is not None and first.how == "prep:against":
            return first  # "protested against the government in Almaty": the government, of Kazakhstan
        found = argument(token, index, how)
        if found is None:
            continue
        if any(r.code for r in found.refs):
            return found
        if (
            how == "complement"
            and match.entry.type == "ACCUSE"
            and token.dep_ == "nsubj"
            and token.pos_ == "PROPN"
        ):
            # "alleged Mahan had contributed to ... suffering by supporting Syrian President Bashar al-Assad": the
            # one named as the doer is the accused, known or not, never an actor deeper in the clause
            return found
        if token.i not in skip:
            first = first or found
    if match.entry.type == "REQUEST":
        # a request's target is whom it is addressed to: named as such, or the one asked to act ("demanded that
        # the government resign"); an actor deeper in what is asked for is its topic ("called for an end to the
        # blockade of Qatar")
        return _asked_to_act(verb, index, source_tokens) or first
    return _clause_target(verb, index, source_tokens) or first


def _own_possessive(obj: Token, index: MentionIndex, own: set[str]) -> bool:
    """Is the pattern's object the actor's own, by a possessive naming the actor ("his gratitude", "our
    congratulations")?"""
    for c in obj.children:
        if c.dep_ == "poss":
            codes = {m.code for m in index.in_tokens([c]) if m.code}
            if codes and codes <= own:
                return True
    return False


def _asked_to_act(verb: Token, index: MentionIndex, exclude: set[int]) -> Argument | None:
    """The person addressed, or the known actor asked to act in the request's complement clause."""
    # "I ask you, Mr Tokayev, to ...": the person addressed; "demanded that the government resign": the one asked
    # to act (the parser sometimes makes that subject a compound of the verb)
    candidates = [
        c for h in (verb, *verb.children) for c in h.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
    ]
    # what is asked comes after the asking; a clause before it is another statement the parser hung on it
    # ("Hungary spent 1.15% of its GDP on defence; NATO guidelines call for 2%")
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i]
    # "demanded an admission by Moscow that ...", "insisted on its demands that Burundi's government grant ...":
    # the agent of the act asked for, or the subject of a clause its noun takes
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        agent = prep_object(noun, ("by",))
        if agent is not None:
            candidates.append(agent[0])
        clauses += [c for c in noun.children if c.dep_ in ("ccomp", "acl", "relcl") and c.pos_ == "VERB"]
    candidates += [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass", "compound")]
    for token in candidates:
        if token.i not in exclude:
            found = argument(token, index, "complement")
            if found is not None and any(r.code for r in found.refs):
                return found
    return None


def _filing(head: Token) -> bool:
    """A filing, or the verb that files one ("filed a complaint")."""
    return head.lemma_.lower() in _FILINGS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _FILINGS for c in head.children
    )


def _clause_target(verb: Token, index: MentionIndex, exclude: set[int]) -> Argument | None:
    """Last resort: the first known actor deeper in the trigger's own clause ("willing to send material to help
    defend Saudi Arabia"), outside the subject, any coordinated or relative clause and what a border is with."""
    stack = [
        c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass", "conj", "relcl", "parataxis", "cc")
    ]
    tokens: list[Token] = []
    while stack:
        token = stack.pop()
        if token.i in exclude:
            continue
        tokens.append(token)
        if token.lemma_.lower() in _BORDERS:
            continue  # "a wall along the border with Mexico": the neighbour named is where, not whom
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in _CONSEQUENCES:
            continue  # "..., prompting Japanese automakers to warn of cuts": a consequence, not the target
        if token.lower_ in _FILED_WITH and _filing(token.head):
            continue  # "filed a complaint with the UN Security Council": where, not whom
        stack.extend(c for c in token.children if c.dep_ not in ("relcl", "conj", "parataxis"))
    mentions = [m for m in index.in_tokens(sorted(tokens, key=lambda t: t.i)) if m.code]
    return Argument((mentions[0].ref(),), "clause") if mentions else None


def _is_subtree(token: Token, of: Token) -> bool:
    return of.left_edge.i <= token.i <= of.right_edge.i


_SEATS = cues.words("seats_of_power")


def protest_addressee(targets: tuple[ActorRef, ...], sources: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """Whom a protest held at a place is addressed to. Where a crowd protests in its own country is no one it
    protests to ("gathered in the U.S. capital for a rally"), unless the place is a seat of its government
    ("protested outside the White House", "rallied in front of parliament"): then that government."""
    if not targets or not {t.code for t in targets} <= {s.code for s in sources if s.code}:
        return targets
    return tuple(
        replace(t, sector=t.sector or "GOV") for t in targets if _SEATS & set(t.text.lower().split())
    )
