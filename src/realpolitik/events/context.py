"""What the coder knows about an article while it codes its sentences (``CodingContext``): its mentions by token,
its rules, the states it is about, the last topic, and the two sides of a readout (its title's actors and the
office holder its publisher speaks for); and the shape a coding pass hands back to the coder (``Candidate``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from realpolitik.events.arguments import Argument, MentionIndex
from realpolitik.events.triggers import Match
from realpolitik.model import ActorRef, Article, Mention
from realpolitik.ontology import context_domains, cues
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry
from realpolitik.ontology.rules import Failure, Reported
from realpolitik.resolve.participants import is_bilateral_forum, is_readout

_CLAUSE_BREAKS = frozenset({"conj", "ccomp", "parataxis", "relcl", "advcl", "cc", "punct", "mark"})
_SPEAKER_SUBJECTS = frozenset({"we", "i"})
# "they" is left out: in a speaker's words it is someone else ("they are talking about political means")
_GROUP_WORDS = (cues.words("first_person_plural") | cues.words("plural_referents")) - {"they"}
_PAIRWISE = frozenset({"two", "both", "bilateral"})  # "the two presidents", "we held bilateral talks"
_MEETINGS = cues.words("meeting_nouns")
# What a speaker does with the organisation whose meeting they report on ("we agreed", "we discussed", "we
# endorsed the concept"); not what they do to someone else ("we condemn", "we are ready to help them").
_WITH_ORGANISATION = frozenset({"CONSULT", "AGREE", "SUPPORT", "COOPERATE"})


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
    forum: bool = False  # the sides are those of a forum of two states, not of talks between them
    organisation: ActorRef | None = None  # the one organisation the title names, if any
    organisations: tuple[ActorRef, ...] = ()  # every organisation the title names
    near_organisation: ActorRef | None = None  # of those, the one the text last named (else the one named)
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

    def counterpart(
        self, sources: tuple[ActorRef, ...], kind: str | None = None, done: bool = False
    ) -> Argument | None:
        """The other side of a readout, for an act of one side that names no target ("We discussed trade"); at a
        forum of two states, only for what "we" or "I" did; in the statement or transcript of an organisation's meeting, a joint act the speaker reports as done
        ("We agreed to expand cooperation", "we have endorsed the concept") was done with the organisation
        (docs/annotation.md: the speaker's state and the organisation); what the speaker advocates or will do
        ("We advocate increasing trade") is a position, not an act with the organisation."""
        codes = {s.code for s in sources if s.code}
        if len(codes) != 1:
            return None
        if not self.sides:
            return self._organisation_side(sources, codes, kind) if done else None
        if self.forum and not (done and all(s.text.lower() in _SPEAKER_SUBJECTS for s in sources)):
            # at a forum of two states, only what the speaker reports "we" or "I" did with the other side ("We
            # discussed ...", "I had a detailed conversation") was done with it; "we will continue to promote
            # the convergence of our economies" or a guest who "talked about progress" addresses the forum
            return None
        (code,) = codes
        others = [side for side in self.sides if side.code != code]
        if len(others) != 1 or len(others) == len(self.sides):
            return None
        return Argument((others[0],), "counterpart")

    def pair_partner(self, sources: tuple[ActorRef, ...]) -> Argument | None:
        """The other of the pair one phrase names ("The two leaders discussed ..." after "Tokayev spoke with Putin"
        in a story that has no readout's sides)."""
        paired = self.index.same_phrase(sources)
        # on a site that speaks for an office holder, a pair without them is a guess ("During a meeting with
        # Kazakh President Nursultan Nazarbayev, the two leaders discussed ..." after Kuchma: Putin's meeting)
        principal = {m.code for m in self.index.by_span.get((0, 0), ()) if m.via == "publisher"}
        if not paired or (
            principal and not principal & {*(s.code for s in sources), *(m.code for m in paired)}
        ):
            return None
        return Argument(tuple(m.ref() for m in paired), "pair")

    def _organisation_side(
        self, sources: tuple[ActorRef, ...], codes: set[str], kind: str | None
    ) -> Argument | None:
        org = self.near_organisation
        if org is None or kind not in _WITH_ORGANISATION or org.code in codes:
            return None
        if not all(s.text.lower() in _SPEAKER_SUBJECTS for s in sources):
            return None  # "My colleagues and I had discussions", "our ministers met": not the speaker's side as such
        return Argument((org,), "organisation")

    def whole_group(
        self, sources: tuple[ActorRef, ...], kind: str, clause: frozenset[str]
    ) -> tuple[ActorRef, ...]:
        """The acting side of a joint act by "we" or "the three leaders" in a readout of three participants:
        all three ("Our three countries held a summit"), which one counterpart cannot give; not an act of two
        of them ("the two presidents", "bilateral talks") nor a fight ("we fought against ...")."""
        codes = {s.code for s in sources if s.code}
        if kind not in _WITH_ORGANISATION or len(self.sides) != 3 or len(codes) != 1 or clause & _PAIRWISE:
            return sources
        if not codes <= {s.code for s in self.sides}:
            return sources
        words = [w for s in sources for w in s.text.lower().split()]
        if not words or words[-1] not in _GROUP_WORDS or _PAIRWISE.intersection(words):
            return sources
        return self.sides

    def note_organisation(self, sent: Span) -> None:
        """In an article about an organisation's meeting (its title names one), follow which organisation's
        meeting the text speaks of: one named with a meeting ahead of a sentence's main verb sets the scene
        ("During the CIS Heads of State Council meeting, we ...", then "At the meeting of the Supreme Eurasian
        Economic Council, we ..."); one named after it is what the sentence is about ("the resources of the
        Eurasian Development Bank"), and one named without a meeting is not where "we" are ("the USSR")."""
        ahead = list(sent[: sent.root.i - sent.start])
        if not self.organisations or not any(t.lower_ in _MEETINGS for t in ahead):
            return
        titled = {o.code: o for o in self.organisations}
        for m in self.index.in_tokens(ahead):
            # "the CIS Heads of State Council" (an organ, resolved as an agent) names it; "the Council" does not
            if (m.kind == "igo" and m.code) or (m.code in titled and m.code in m.text.split()):
                self.near_organisation = titled.get(m.code) or m.ref()
                return

    def both_sides(self) -> Argument | None:
        """Both sides of a readout, for an act whose text names no actor ("The talks covered trade"); not of a
        forum, whose meetings and signings ("this meeting of partners is important", "a series of documents was
        signed on the sidelines of the conference") are its participants', not the two states'."""
        return Argument(self.sides, "sides") if self.sides and not self.forum else None


class Candidate(NamedTuple):
    """A trigger found by a coding pass, with its acting side, its target and the words of its clause."""

    match: Match
    source: Argument | None
    target: Argument | None
    words: list[Token]


def readout_sides(article: Article, mentions: list[Mention]) -> tuple[ActorRef, ...]:
    """The participants of a readout ("Vladimir Putin met with Tajik President Emomali Rakhmonov"), if it has
    two or three, all states. A meeting of an organisation ("Meeting of the CIS Heads of State Council") is
    multilateral: its "we" is every member, not the publisher's state and the organisation. A forum of two states
    ("Russia-Kazakhstan Interregional Cooperation Forum") has their two sides."""
    if not (is_readout(article) or is_bilateral_forum(article)):
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
    found = title_organisations(mentions)
    return found[0] if len(found) == 1 else None


def title_organisations(mentions: list[Mention]) -> tuple[ActorRef, ...]:
    """Every organisation a title names ("Press statement following CIS and SEEC summits")."""
    found = {m.code: m for m in mentions if m.via == "title" and m.kind == "igo" and m.code}
    return tuple(m.ref() for m in found.values())


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


def is_done(trigger: Token, governors: tuple[Token, ...]) -> bool:
    """Is the act told as done: a past or a perfect verb ("we agreed", "we have endorsed", "we decided to")?"""
    for verb in (trigger, *governors):
        if verb.tag_ == "VBD":
            return True
        if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
            return True
    return False


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
    "is_done",
    "readout_sides",
    "sentence_domains",
    "title_organisation",
    "title_organisations",
]
