"""Actors the words of a phrase leave without a state, placed by their sentence (``SentenceContext``): a group by
its home or the state the sentence locates events in, an office holder the knowledge base does not know by the
title in front of the name or the sentence's state. Runs inside ``Resolver.resolve`` before coreference."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.model import Mention, replace
from realpolitik.resolve.referents import COMPASS, MINORITY_NOUNS, PLACE_PREPS, ArticleState


class SentenceContext:
    """Places actors the words leave without a state, from the rest of their sentence, and fills every
    mention's ``country``.

    - A group keeps its own code ("Yoruba" -> YOR); its country is a home state the sentence names, else its
      only home state, else the state the sentence locates events in ("in Nigeria"), else the one state
      whose institutions act in the sentence ("Nigerian police", "Burundi's government").
    - "ethnic Albanians" in a sentence about another state are that state's minority: the other state.
    - An agent phrase with no state ("rebels in the Ivory Coast", "Islamic fundamentalists ... Algerian
      President") and an office holder the KB does not know take the located or acting state, marked
      ``via="context"`` with a lower score; with no such state they stay without a code.
    """

    _DOMESTIC = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "PTY", "OPP"})
    _OFFICIALS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})

    def __init__(self, outer: ArticleState) -> None:
        self.r = outer
        self.kb = outer.kb

    def place(self, mentions: list[Mention]) -> list[Mention]:
        if not mentions:
            return mentions
        r = self.r
        token_at = {start: i for i, start in enumerate(r.starts)}
        by_sentence: dict[int, list[int]] = {}
        tokens: list[int] = []
        for k, m in enumerate(mentions):
            tok = token_at.get(m.start, 0)
            tokens.append(tok)
            sent = r.sentence_of[tok] if r.sentence_of and tok < len(r.sentence_of) else 0
            by_sentence.setdefault(sent, []).append(k)
        mentions = self._titled(mentions, tokens)
        out = list(mentions)
        for members in by_sentence.values():
            states: dict[str, int] = {}
            located: set[str] = set()
            acting: set[str] = set()
            for k in members:
                m = mentions[k]
                c = self._state(m.code)
                if c is None:
                    continue
                states[c] = states.get(c, 0) + 1
                if self._located(tokens[k]):
                    located.add(c)
                if m.sector in self._DOMESTIC or (m.kind == "person" and m.role):
                    acting.add(c)
            for k in members:
                out[k] = self._placed(mentions[k], tokens[k], states, located, acting)
        return out

    def _titled(self, mentions: list[Mention], tokens: list[int]) -> list[Mention]:
        """A person the knowledge base does not know takes the state of the title in front of the name: "US envoy
        Morgan Ortagus" is American and "Kazakh Energy Minister Yerlan Akkenzhenov" Kazakh, whatever other state
        the sentence names ("signed in Moscow")."""
        r = self.r
        out = list(mentions)
        for k in range(1, len(mentions)):
            m, before = mentions[k], mentions[k - 1]
            if (m.code is not None and m.via != "context") or before.code is None or before.kind != "state":
                continue
            tok = tokens[k]
            first, words = before.end, r.article.text[before.end : m.start].split()
            label = r.doc[tok].ent_type_ if r.has_pos else ""
            # the tagger takes a name it does not know for an organisation ("US envoy Morgan Ortagus"); right
            # after an official's title it is the official
            official = not words and before.via == "agent" and before.sector in self._OFFICIALS
            person = m.kind == "person" or (
                m.via == "unresolved" and (label == "PERSON" or (label == "ORG" and official))
            )
            if not person or m.via not in ("agent", "unresolved", "context"):
                continue
            if len(words) > 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
                continue  # "Kazakh Energy Minister ...": only title words between, no comma, no verb
            if not words and before.via != "agent" and not (m.via == "agent" and first == m.start - 1):
                continue  # "in Washington Morgan Ortagus said": a place before a name is no title
            at = tokens[k - 1] - 1
            at -= 1 if at > 0 and r.lowers[at] == "the" else 0
            if at >= 0 and r.lowers[at] in ("for", "of"):
                continue  # "Special Presidential Representative for the Syrian Settlement Alexander Lavrentyev"
            # the sector is the title's ("Energy Minister", "US envoy"), never a guess ("British Airways CEO X")
            sector = m.sector or (before.sector if before.via == "agent" else None)
            if sector is None:
                continue  # "Belgorod Region Governor Yevgeny Savchenko": the speaker's label knows more
            out[k] = replace(
                m,
                code=before.code,
                country=before.code,
                sector=sector,
                kind="person",
                via="titled",
                score=min(m.score, 0.8),
            )
        return out

    def _placed(
        self, m: Mention, tok: int, states: dict[str, int], located: set[str], acting: set[str]
    ) -> Mention:
        own = self._state(m.code)
        if own is not None:
            lowers = self.r.lowers
            last = m.text.split()[-1].lower()
            # "the Albanian community" is a minority; "the Russian business community" is Russia's business
            minority = m.kind == "state" and last in MINORITY_NOUNS and m.sector in (None, "CVL")
            if (tok > 0 and lowers[tok - 1] == "ethnic") or minority:
                others = {c: n for c, n in states.items() if c != own}
                c = _pick((), others, located - {own}, acting - {own})
                if c is not None:
                    text = m.text if last in MINORITY_NOUNS else f"ethnic {m.text}"
                    return replace(
                        m, actor_id=None, code=c, country=c, kind="group", name=text, via="context"
                    )
            return m if m.country == own else replace(m, country=own)
        if m.kind == "group" and m.actor_id is not None:
            c = _pick(self.kb.homes.get(m.actor_id, ()), states, located, acting)
            return m if c is None else replace(m, country=c)
        if m.code is None and m.via == "agent":
            # an office holder the KB does not know may also take the only state the sentence names
            c = _pick((), states, located, acting, only_state=m.kind == "person" and m.role is not None)
            if c is not None:
                return replace(m, code=c, country=c, via="context", score=min(m.score, 0.6))
        return m

    def _located(self, tok: int) -> bool:
        """Preceded by a place preposition, over "the" and compass words ("in east Bosnia")."""
        lowers = self.r.lowers
        i = tok - 1
        while i >= 0 and i >= tok - 3 and lowers[i] in COMPASS:
            i -= 1
        return i >= 0 and lowers[i] in PLACE_PREPS

    def _state(self, code: str | None) -> str | None:
        if code is None:
            return None
        actor = self.kb.actors.get(code)
        return code if actor is not None and actor.kind == "state" else None


def _pick(
    homes: Sequence[str],
    states: dict[str, int],
    located: set[str],
    acting: set[str],
    only_state: bool = False,
) -> str | None:
    """The state an actor without one is placed in (see SentenceContext)."""
    if homes:
        named = [h for h in homes if h in states]
        if named:
            return max(named, key=lambda h: states[h])
        if len(homes) == 1:
            return homes[0]
    if len(located) == 1:
        return next(iter(located))
    if len(acting) == 1:
        return next(iter(acting))
    if only_state and len(states) == 1:
        return next(iter(states))
    return None


__all__ = ["SentenceContext"]
