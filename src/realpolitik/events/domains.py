"""The domain of an event from evidence (docs/annotation.md §5, plover.md): the context words of its clause
(not those of a phrase that only says where the act took place), then what its CAMEO code is about, then the
sentences around it; talks, promises of talks and diplomatic gestures with nothing said about their subject
are diplomacy; else ``unspecified``, never a domain by default."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from realpolitik.ontology import context_domains, cues, domain_for
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry

_GENERIC_CONTEXTS = frozenset({"diplomatic"})
_DIPLOMATIC_GESTURES = cues.words("diplomatic_gestures")
_VENUE_PREPOSITIONS = cues.words("venue_prepositions")


def clause_contexts(entry: LexiconEntry, words: list[Token], lex: Lexicon) -> tuple[str, ...]:
    """The entry's own contexts, then those of the clause's words in order, each once; a generic one last."""
    found: list[str] = list(entry.contexts)
    for token in sorted(words, key=lambda t: t.i):
        if in_venue(token):
            continue  # "will meet at the CSTO summit": where an act happens is not what it is about
        context = lex.context_cues.get(token.lemma_.lower()) or lex.context_cues.get(token.lower_)
        if context and context not in found:
            found.append(context)
    # "exchanged views on trade": the talks' own words ("views", "contacts") say diplomacy only when nothing
    # else in the clause says what they are about
    return tuple(sorted(found, key=lambda c: c in _GENERIC_CONTEXTS))


def accusation_contexts(
    kind: str,
    entry: LexiconEntry,
    trigger: Token,
    words: list[Token],
    lex: Lexicon,
    contexts: tuple[str, ...],
) -> tuple[str, ...]:
    """The contexts of an act coded as an accusation without its verb ("Trump attacked Biden for accumulating
    wealth": "attacked" says how it was made, not what it was about); ``contexts`` for any other act, and for an
    accusation entry with contexts of its own ("sued": legal)."""
    if kind != "ACCUSE" or (kind == entry.type and entry.contexts):
        return contexts
    return clause_contexts(replace(entry, contexts=()), [w for w in words if w.i != trigger.i], lex)


def in_venue(token: Token) -> bool:
    """Whether the word stands in a phrase that says where or when the act took place ("at the CSTO summit",
    "during the NATO meeting", "on the sidelines of the G20"): the word or one of its heads up to the verb of its
    clause (however long the name in between: "at the CSTO Background information Collective Security Treaty
    Organisation (CSTO) summit")."""
    node = token
    while True:
        if node.lower_ in _VENUE_PREPOSITIONS and node.dep_ in ("prep", "pobj"):
            return True
        if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
            return False
        node = node.head


def listed_domain(sent: Span, after: Sequence[Counter[str]], reach: int = 4) -> str | None:
    """The domain of a list a sentence introduces ("The following documents were signed:", "the following
    agreements"): the one its items suggest most (``after``: the domain words of the sentences that follow)."""
    text = sent.text.rstrip()
    if not text.endswith(":") and not any(t.lower_ == "following" and t.dep_ == "amod" for t in sent):
        return None
    votes: Counter[str] = Counter()
    for counts in after[:reach]:
        votes.update(counts)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def first_domain(contexts: tuple[str, ...]) -> str | None:
    """The domain of the first context that names one."""
    mapping = context_domains()
    return next((mapping[c] for c in contexts if c in mapping), None)


def event_domain(
    kind: str,
    rule: str,
    lemma: str,
    contexts: tuple[str, ...],
    coded: tuple[str, ...],
    near: Callable[[], str | None],
) -> str:
    """The domain: the clause's ``contexts``, then the specific ones of the act's code (``coded``, a generic
    "diplomatic" only after the sentences around, ``near()``, have had their say); talks (CONSULT), a promise of
    talks ("We will meet at the summit") and a diplomatic gesture (a congratulation, signing a treaty) with none
    of these are diplomacy."""
    specific = tuple(c for c in coded if c not in _GENERIC_CONTEXTS)
    if kind == "CONSULT" or rule.startswith("intent-to-consult") or lemma in _DIPLOMATIC_GESTURES:
        domain = domain_for((*contexts, *specific), kind, "diplomacy")
    else:
        domain = domain_for((*contexts, *specific), kind, near())
    if domain == "unspecified":
        domain = domain_for(coded, kind)
    return domain
