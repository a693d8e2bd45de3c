"""What the coder knows about an article while it codes its sentences (``CodingContext``): its mentions by token,
its rules, the states it is about, the last topic, and the two sides of a readout (its title's actors and the
office holder its publisher speaks for); and the shape a coding pass hands back to the coder (``Candidate``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Token

from realpolitik.events.arguments import Argument, MentionIndex
from realpolitik.events.triggers import Match
from realpolitik.model import ActorRef, Article, Mention
from realpolitik.ontology import context_domains
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry
from realpolitik.ontology.rules import Failure, Reported
from realpolitik.resolve.participants import is_readout

_CLAUSE_BREAKS = frozenset({"conj", "ccomp", "parataxis", "relcl", "advcl", "cc", "punct", "mark"})


@dataclass
class CodingContext:
    """Per-article state shared by the sentences: mentions by token, the article's focus, the last topic, and
    the two sides of a readout when it has two."""

    article: Article
    index: MentionIndex
    lex: Lexicon
    focus: list[ActorRef]
    topic: Argument | None = None
    sides: tuple[ActorRef, ...] = ()
    organisation: ActorRef | None = None  # the one organisation the title names, if any
    sentence_domains: tuple[Counter[str], ...] = ()  # per sentence, the domains its context words suggest

    def domain_near(self, sent_index: int, reach: int = 2) -> str | None:
        """The domain the sentences around ``sent_index`` suggest (plover.md: "a cooperation in a trade readout is
        economy"), if one clearly leads: the nearest sentences that suggest any, weighed by distance."""
        votes: dict[str, float] = {}
        for distance in range(1, reach + 1):
            for i in (sent_index - distance, sent_index + distance):
                if 0 <= i < len(self.sentence_domains):
                    for domain, n in self.sentence_domains[i].items():
                        votes[domain] = votes.get(domain, 0.0) + n / distance
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])[:2]
        if not ranked or (len(ranked) == 2 and ranked[1][1] * 1.5 > ranked[0][1]):
            return None
        return ranked[0][0]

    def counterpart(self, sources: tuple[ActorRef, ...]) -> Argument | None:
        """The other side of a readout, for an act of one side that names no target ("We discussed trade")."""
        codes = {s.code for s in sources if s.code}
        if len(codes) != 1 or not self.sides:
            return None
        (code,) = codes
        others = [side for side in self.sides if side.code != code]
        if len(others) != 1 or len(others) == len(self.sides):
            return None
        return Argument((others[0],), "counterpart")

    def both_sides(self) -> Argument | None:
        """Both sides of a readout, for an act whose text names no actor ("The talks covered trade")."""
        return Argument(self.sides, "sides") if self.sides else None


class Candidate(NamedTuple):
    """A trigger found by a coding pass, with its acting side, its target and the words of its clause."""

    match: Match
    source: Argument | None
    target: Argument | None
    words: list[Token]


def readout_sides(article: Article, mentions: list[Mention]) -> tuple[ActorRef, ...]:
    """The participants of a readout ("Vladimir Putin met with Tajik President Emomali Rakhmonov"), if it has
    two or three, all states. A meeting of an organisation ("Meeting of the CIS Heads of State Council") is
    multilateral: its "we" is every member, not the publisher's state and the organisation."""
    if not is_readout(article):
        return ()
    found: dict[str, ActorRef] = {}
    for m in mentions:
        if m.via in ("title", "publisher") and m.code:
            if m.kind == "igo":
                return ()
            found.setdefault(m.code, m.ref())
    return tuple(found.values()) if len(found) in (2, 3) else ()


def title_organisation(mentions: list[Mention]) -> ActorRef | None:
    """The one organisation a title names ("Meeting of the CSTO Collective Security Council")."""
    found = {m.code: m for m in mentions if m.via == "title" and m.kind == "igo" and m.code}
    return next(iter(found.values())).ref() if len(found) == 1 else None


def sentence_domains(doc: Doc, lex: Lexicon) -> tuple[Counter[str], ...]:
    """For each sentence of ``doc``, how many of its words suggest each domain (through the context cues)."""
    mapping = context_domains()
    out: list[Counter[str]] = []
    for sent in doc.sents:
        counts: Counter[str] = Counter()
        for token in sent:
            context = lex.context_cues.get(token.lemma_.lower()) or lex.context_cues.get(token.lower_)
            domain = mapping.get(context) if context else None
            if domain:
                counts[domain] += 1
        out.append(counts)
    return tuple(out)


def clause_words(token: Token) -> list[Token]:
    """The words of the clause ``token`` heads, without coordinated, subordinate or appended clauses."""
    out: list[Token] = []
    stack = [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ not in _CLAUSE_BREAKS)
    return out


def entry_of(rule: Reported | Failure, lemmas: frozenset[str], name: str) -> LexiconEntry:
    """A reported act or the failure rule as a lexicon entry, so that it is coded like any trigger."""
    return LexiconEntry(
        type=rule.type, cameo=rule.cameo, pos="verb", lemmas=lemmas, example=rule.example, name=name
    )


__all__ = [
    "Candidate",
    "CodingContext",
    "clause_words",
    "entry_of",
    "readout_sides",
    "sentence_domains",
    "title_organisation",
]
