"""Acts done by what is said, and readings chosen by who acts: "X said Y must do Z" demands it of Y, "X said Y
was responsible" accuses Y (the ``reported`` rules of ``ontology/rewrites.yaml``), and a state or official that
"protested" lodged a complaint rather than demonstrated (the ``readings`` rules)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from realpolitik.events.arguments import Argument, argument, child, prep_object, subject_of
from realpolitik.events.context import Candidate, CodingContext, clause_words, entry_of
from realpolitik.events.triggers import Match, verb_lemma
from realpolitik.ontology import cues
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry


def official(verb: Token, subject: Token | None, source: Argument | None) -> bool:
    """Is this protest a government's complaint: addressed to someone ("protested to Japan"), or made by a state
    named as such ("China protested", not "Chinese students") or an official?"""
    if prep_object(verb, ("to",)) is not None:
        return True
    if source is None or not any(r.code for r in source.refs):
        return False
    if subject is not None and subject.tag_ == "NNP" and subject.ent_type_ in ("GPE", "NORP", "ORG", ""):
        return all(r.kind in ("state", "igo") for r in source.refs if r.code)
    return any(r.sector == "GOV" for r in source.refs)


def other_reading(
    entry: LexiconEntry, verb: Token, subject: Token | None, source: Argument | None, lex: Lexicon
) -> LexiconEntry | None:
    """Another lexicon reading of the trigger when a ``readings`` rule holds ("China protested" is ACCUSE)."""
    for rule in lex.rules.readings:
        if "type" in rule.when and entry.type not in rule.when["type"]:
            continue
        if "official" in rule.when and official(verb, subject, source) != rule.when["official"]:
            continue
        readings = lex.verbs.get(verb_lemma(verb, lex.verbs), ())
        found = next((e for e in readings if e.type == rule.reading), None)
        if found is not None:
            return found
    return None


def _said_of(verb: Token, clause: Token, lex: Lexicon) -> LexiconEntry | None:
    """What saying ``clause`` about its subject does (the ``reported`` rules)."""
    negated = any(c.dep_ == "neg" for c in clause.children)
    for rule in lex.rules.reported:
        if verb.lemma_.lower() not in cues.words(rule.speech):
            continue
        if rule.aux and any(c.dep_ == "aux" and c.lower_ in rule.aux for c in clause.children):
            return entry_of(rule, rule.aux, rule.name)
        if (
            rule.lemma
            and clause.lemma_ == rule.lemma
            and any(c.dep_ == "acomp" and c.lemma_.lower() in rule.acomp for c in clause.children)
            and (rule.negated is None or negated == rule.negated)
        ):
            return entry_of(rule, rule.acomp, rule.name)
    return None


def reported_acts(sent: Span, ctx: CodingContext, triggers: dict[int, Match]) -> list[Candidate]:
    """ "X said Y must do Z": X demands it of Y; "X said Y was responsible for Z": X accuses Y; when Y is
    another known actor."""
    out: list[Candidate] = []
    for verb in sent:
        if verb.i in triggers or verb.pos_ != "VERB":
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        said = _said_of(verb, clause, ctx.lex) if clause is not None else None
        if clause is None or said is None:
            continue
        subject = child(clause, "nsubj")
        source = subject_of(verb, ctx.index)
        target = argument(subject, ctx.index, "clause") if subject is not None else None
        src = {r.code for r in source.refs if r.code} if source else set()
        tgt = {r.code for r in target.refs if r.code} if target else set()
        if not src or not tgt or src & tgt:
            continue  # only about another known actor ("we must", "Kazakhstan must" said by Astana)
        out.append(Candidate(Match(verb, said), source, target, clause_words(verb)))
    return out


__all__ = ["official", "other_reading", "reported_acts"]
