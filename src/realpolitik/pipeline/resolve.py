"""Actor resolution: turns a Doc's gazetteer hits, NER spans and referring expressions into Mentions with a
code, sector, name, kind and office, as of the article's date.

Steps, in order: (1) gazetteer hits are grouped into actor phrases ("Chinese Foreign Minister Wang Yi",
"the President of Kazakhstan", "Russian troops", "Kazakhstan's president") and each phrase becomes one
mention over its whole span; an office with a country and no name is filled with whoever held it that day;
(2) NER spans the KB does not know become unresolved mentions (actor_id None), never guessed onto a state;
(3) within-article coreference ("Mr X", a surname, he/she, "the country", "the two leaders", "both sides")
adds mentions with ``via="coref"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy
from spacy.attrs import ENT_IOB, POS, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.actors.gazetteer import doc_hits, token_texts
from realpolitik.actors.kb import Form, KnowledgeBase
from realpolitik.actors.matcher import Gazetteer, Hit, gazetteer_for
from realpolitik.model import Actor, Article, Mention, Role, replace

_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "sir"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_COUNTRY_NOUNS = frozenset({"country", "state", "republic", "nation"})
_PAIR_NOUNS = {
    "leaders": "person",
    "presidents": "person",
    "heads": "person",
    "sides": "any",
    "countries": "state",
    "states": "state",
    "nations": "state",
    "parties": "any",
}
# Agent words that name an acting group even without a country ("troops fired", "protesters gathered").
_STANDALONE_AGENTS = frozenset(
    str.split(
        "troops soldiers army servicemen peacekeepers police policemen protesters demonstrators rioters rebels "
        "insurgents militants separatists militia militias guerrillas terrorists gunmen fundamentalists "
        "extremists islamists students refugees settlers activists hijackers kidnappers takers pirates"
    )
)
# Capitalised words after an office that are not a name ("the President Monday").
_NOT_NAMES = frozenset(
    str.split(
        "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
        "august september october november december"
    )
)
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "inside", "within"})
# Capitalised words that make a preceding place name part of the name of a structure ("the Europe Bridge",
# "Tiananmen Square", "Kabul Airport"): the place inside it is not an actor.
_STRUCTURES = frozenset(
    str.split(
        "bridge street avenue road highway boulevard square airport stadium hotel park station tower canal dam "
        "gate hall palace cathedral mosque church temple museum river lake port harbour harbor"
    )
)
_COMPASS = frozenset(
    str.split(
        "the east west north south eastern western northern southern central northeastern northwestern "
        "southeastern southwestern north-east north-west south-east south-west rural"
    )
)
# A state's people as a minority elsewhere ("the Albanian population of the province"; also "ethnic X").
_MINORITY_NOUNS = frozenset({"population", "minority", "minorities", "community", "communities", "diaspora"})
_CONNECT_OF = (("of",), ("of", "the"))
_POSSESSIVE = (("'s",), ("’s",), ("'",))


@dataclass(slots=True)
class _Unit:
    """One gazetteer hit, read as part of an actor phrase."""

    start: int
    end: int
    form: Form
    actor: Actor
    role: str  # affiliation, person, office, agent


@dataclass(slots=True)
class _Phrase:
    start: int  # token offsets
    end: int
    units: list[_Unit]
    unknown_name: tuple[int, int] | None = None


class Resolver:
    """Resolves the actors of one article (or one short text) against a knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._gazetteer: Gazetteer | None = None

    # -- public -------------------------------------------------------------------------------------------
    def resolve(self, doc: Doc, article: Article) -> list[Mention]:
        day = article.published or date.today()
        hits = doc_hits(doc, self.kb)
        starts, words = token_texts(doc, article.text)
        if words and words[-1] != doc[-1].text:  # the Doc is not over this text: read its own
            starts, words = token_texts(doc)
        if hits is None:
            hits = self._own_gazetteer().match(words)
        return _ArticleResolver(self.kb, doc, article, words, starts, day).run(hits)

    def resolve_text(self, text: str, day: date | None = None) -> list[Mention]:
        """Resolve a short text such as "President Tokayev" (tokenized only: no tagger, parser or NER)."""
        doc = _blank()(text)
        article = Article(id="lookup", text=text, published=day)
        return self.resolve(doc, article)

    def _own_gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            tokenizer = _blank().tokenizer
            self._gazetteer = gazetteer_for(self.kb, lambda s: [t.text for t in tokenizer(s)], -1)
        return self._gazetteer


@cache
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


class _ArticleResolver:
    def __init__(
        self, kb: KnowledgeBase, doc: Doc, article: Article, words: list[str], starts: list[int], day: date
    ) -> None:
        self.kb, self.doc, self.article, self.words, self.day = kb, doc, article, words, day
        self.starts = starts
        self.lowers = [w.lower() for w in words]
        # Which annotations the Doc has, from its arrays (Doc.has_annotation walks every token).
        if len(doc):
            arr = doc.to_array([POS, ENT_IOB, SENT_START])
            self.has_pos = bool(arr[:, 0].any())
            self.has_ents = bool(arr[:, 1].any())
            sent_start = arr[:, 2] == 1
            self.sentence_of: list[int] = (
                (numpy.cumsum(sent_start) - 1).tolist() if (arr[1:, 2] != 0).any() else []
            )
        else:
            self.has_pos = self.has_ents = False
            self.sentence_of = []
        self.mentions: list[Mention] = []
        self.bare_offices: dict[int, tuple[int, str]] = {}  # "the President": start token -> (end, office)

    def run(self, hits: Sequence[Hit]) -> list[Mention]:
        units = [u for hit in hits if (u := self._unit(hit)) is not None]
        covered = bytearray(len(self.words))
        for phrase in self._phrases(units):
            if self._inside_structure(phrase) or self._inside_person(phrase):
                continue
            mention = self._phrase_mention(phrase)
            if mention is not None:
                self.mentions.append(mention)
                covered[phrase.start : phrase.end] = b"\x01" * (phrase.end - phrase.start)
        if self.has_ents:
            for ent in self.doc.ents:
                if ent.label_ in _NER_LABELS and not any(covered[ent.start : ent.end]):
                    self.mentions.append(self._ner_mention(ent.start, ent.end, ent.label_))
                    covered[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.mentions = _Context(self).place(self.mentions)
        _Coreference(self).run(covered)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    # -- units and phrases --------------------------------------------------------------------------------
    def _unit(self, hit: Hit) -> _Unit | None:
        forms = [self.kb.forms[i] for i in hit.forms]
        valid = [f for f in forms if f.valid_on(self.day)] or forms
        form = valid[0]
        actor = self.kb.actors[form.actor_id]
        if actor.kind == "person" and len(valid) > 1:
            # Namesakes: prefer one holding an office that day.
            for f in valid:
                other = self.kb.actors[f.actor_id]
                if other.kind == "person" and self.kb.role_on(other, self.day):
                    form, actor = f, other
                    break
        if (
            hit.start >= 2
            and self.words[hit.start - 1] == "-"
            and self.lowers[hit.start - 2] in ("anti", "pro", "non")
            and actor.kind != "agent"
        ):
            return None  # "anti-Syria journalist", "pro-Russian separatists": not that state's actors
        if actor.kind == "person":
            role = "person"
        elif actor.kind == "agent" and actor.code is None:
            role = "office" if actor.id in self.kb.offices else "agent"
        else:
            role = "affiliation"
        return _Unit(hit.start, hit.end, form, actor, role)

    def _gap(self, left: _Unit, right: _Unit) -> bool:
        gap = tuple(self.lowers[left.end : right.start])
        if not gap:
            return True
        if gap in _POSSESSIVE:
            return left.role == "affiliation" and right.role != "affiliation"
        if gap in _CONNECT_OF:
            return left.role in ("office", "agent") and right.role == "affiliation"
        return False

    def _phrases(self, units: list[_Unit]) -> list[_Phrase]:
        phrases: list[_Phrase] = []
        current: list[_Unit] = []
        for unit in units:
            if current and self._gap(current[-1], unit) and self._fits(current, unit):
                current.append(unit)
                continue
            if current:
                phrases.append(self._close(current, unit.start))
            current = [unit]
        if current:
            phrases.append(self._close(current, len(self.words)))
        return phrases

    @staticmethod
    def _fits(current: list[_Unit], unit: _Unit) -> bool:
        roles = [u.role for u in current]
        if "person" in roles:
            return False  # a name ends a phrase
        # "Russian Gazprom" is two actors, but "Ministry of Foreign Affairs of Russia" binds the state
        return not (unit.role == "affiliation" and "affiliation" in roles)

    def _close(self, units: list[_Unit], limit: int) -> _Phrase:
        """The phrase over ``units``, with a name the KB does not know after an office ("Uzbek President
        Shavkat Mirziyoyev" when he is unknown) and a leading "the" or "Mr"; it never reaches ``limit``."""
        start, end = units[0].start, units[-1].end
        phrase = _Phrase(start, end, units)
        if units[-1].role in ("office", "agent") and any(u.role == "office" for u in units):
            name_end = end
            while name_end < limit and self._namelike(name_end):
                name_end += 1
            if name_end > end:
                phrase.unknown_name = (end, name_end)
                phrase.end = name_end
        first = units[0].role
        if (start > 0 and self.lowers[start - 1] == "the" and first != "person") or (
            start > 0 and first == "person" and self.lowers[start - 1] in _HONORIFICS
        ):
            phrase.start = start - 1
        return phrase

    def _namelike(self, i: int) -> bool:
        word = self.words[i]
        if not word[:1].isupper() or not word.replace("-", "").replace(".", "").isalpha():
            return False
        if self.lowers[i] in _NOT_NAMES:
            return False
        if self.has_pos:
            return self.doc[i].pos_ == "PROPN"
        return True

    def _phrase_mention(self, phrase: _Phrase) -> Mention | None:
        units = phrase.units
        affiliation = next((u for u in units if u.role == "affiliation"), None)
        person = next((u for u in units if u.role == "person"), None)
        office = next((u for u in units if u.role == "office"), None)
        sector_units = [u for u in units if u.role in ("office", "agent")]
        agent_sector = sector_units[-1].actor.sector if sector_units else None
        office_title = self.kb.offices.get(office.actor.id) if office else None
        if person is not None:
            aff_actor = affiliation.actor if affiliation else None
            return self._person_mention(
                phrase, person.actor, aff_actor, agent_sector, "gazetteer", office=office_title
            )
        if office_title and phrase.unknown_name is not None:
            words = self.words[phrase.unknown_name[0] : phrase.unknown_name[1]]
            known = self.kb.person_by_name(
                words, self.day, affiliation.actor.code if affiliation else None, titled=True
            )
            if known is not None:
                aff_actor = affiliation.actor if affiliation else None
                return self._person_mention(
                    phrase, known, aff_actor, agent_sector, "agent", 0.9, office_title
                )
        if affiliation is None:
            if office_title and phrase.unknown_name is not None:
                # "Planning Minister Tran Xuan Gia": an office holder the KB does not know; the country
                # comes from the sentence (_Context), or stays unknown
                name = self._text(*phrase.unknown_name)
                return self._mention(phrase, None, None, agent_sector, name, "person", office_title, "agent")
            if office_title and len(units) == 1:
                self.bare_offices[phrase.start] = (phrase.end, office_title)
            if sector_units and not office and (self._standalone(phrase) or len(sector_units) > 1):
                # "troops", or a qualified group such as "Islamic fundamentalists"
                return self._mention(phrase, None, None, agent_sector, None, None, None, "agent")
            return None
        aff = affiliation.actor
        if office_title and aff.code:
            if phrase.unknown_name is not None:
                name = self._text(*phrase.unknown_name)
                return self._mention(
                    phrase, aff.id, aff.code, agent_sector, name, "person", office_title, "agent"
                )
            held = self.kb.holder(aff.code, office_title, self.day)
            if held is not None and not self._plural(phrase):
                holder, role = held
                return self._mention(
                    phrase, holder.id, role.country, role.sector, holder.name, "person", _title(role), "agent"
                )
            return self._mention(
                phrase, aff.id, aff.code, agent_sector, aff.name, aff.kind, office_title, "agent"
            )
        if sector_units:
            return self._mention(phrase, aff.id, aff.code, agent_sector, aff.name, aff.kind, None, "agent")
        sector = affiliation.form.sector if affiliation.form.valid_on(self.day) else None
        if (
            affiliation.form.type == "metonym"
            and phrase.start > 0
            and self.lowers[phrase.start - 1] in _PLACE_PREPS
        ):
            sector = None  # "talks in Beijing": the city as a place, not the government speaking
        return self._mention(
            phrase, aff.id, aff.code, sector or aff.sector, aff.name, aff.kind, None, "gazetteer"
        )

    def _inside_structure(self, phrase: _Phrase) -> bool:
        """A place name (not a demonym) directly followed by a capitalised structure word: "the Europe
        Bridge", "Tiananmen Square" (but "the Egyptian square" and "Russian Red Square" keep their actor)."""
        last = phrase.units[-1]
        end = phrase.end
        if last.role != "affiliation" or last.form.type == "adjective" or end >= len(self.words):
            return False
        return self.lowers[end] in _STRUCTURES and self.words[end][:1].isupper()

    def _inside_person(self, phrase: _Phrase) -> bool:
        """A group's name directly followed by a name the KB does not know is a person's first name
        ("Karen Pierce"), not the group (the gazetteer runs before NER, so NER cannot say so)."""
        if phrase.units[-1].actor.kind != "group" or phrase.end >= len(self.words):
            return False
        nxt = phrase.end
        return self._namelike(nxt) and self.lowers[nxt] not in self.kb.by_key

    def _standalone(self, phrase: _Phrase) -> bool:
        """An agent phrase with no country is kept only if it names a group that acts ("troops", "police",
        "protesters"), as a noun; "people", "business" or "official" alone are not actors."""
        head = phrase.end - 1
        if self.lowers[head] not in _STANDALONE_AGENTS:
            return False
        return not self.has_pos or self.doc[head].pos_ in ("NOUN", "PROPN")

    def _plural(self, phrase: _Phrase) -> bool:
        last = self.lowers[phrase.end - 1]
        return last.endswith("s") and last[:-1] in ("president", "minister", "leader", "head")

    # -- mentions -----------------------------------------------------------------------------------------
    def _text(self, start: int, end: int) -> str:
        return self.article.text[self._char(start) : self._end_char(end)]

    def _char(self, token: int) -> int:
        return self.starts[token]

    def _end_char(self, end_token: int) -> int:
        return self.starts[end_token - 1] + len(self.words[end_token - 1])

    def _mention(
        self,
        phrase: _Phrase,
        actor_id: str | None,
        code: str | None,
        sector: str | None,
        name: str | None,
        kind: str | None,
        role: str | None,
        via: str,
        score: float = 1.0,
    ) -> Mention:
        start, end = self._char(phrase.start), self._end_char(phrase.end)
        return Mention(
            article_id=self.article.id,
            start=start,
            end=end,
            text=self.article.text[start:end],
            actor_id=actor_id,
            code=code,
            sector=sector,
            name=name,
            kind=kind,
            role=role,
            score=score if via != "agent" else min(score, 0.9),
            via=via,
        )

    def _ner_mention(self, start: int, end: int, label: str) -> Mention:
        """A name NER found and the gazetteer did not: a known person by surname, else unresolved."""
        if label == "PERSON":
            words = [w for w in self.words[start:end] if w[:1].isalpha() and w.lower() not in _HONORIFICS]
            person = self.kb.person_by_name(words, self.day)
            if person is not None:
                return self._person_mention(_Phrase(start, end, []), person, None, None, "ner", 0.8)
        return self._unresolved(start, end)

    def _person_mention(
        self,
        phrase: _Phrase,
        actor: Actor,
        aff: Actor | None,
        sector: str | None,
        via: str,
        score: float = 1.0,
        office: str | None = None,
    ) -> Mention:
        role = self.kb.role_on(actor, self.day)
        if office is not None:
            # "Foreign Minister Tleuberdi" names the office he holds as foreign minister, among his others
            key = self.kb.office_key(office)
            named = [r for r in actor.roles if r.holds_on(self.day) and self.kb.office_key(r.title) == key]
            role = named[0] if named else role
        code, sect = (role.country, role.sector) if role else (actor.code, actor.sector)
        if role is None and aff is not None:
            code, sect = aff.code, sector or sect
        return self._mention(phrase, actor.id, code, sect, actor.name, "person", _title(role), via, score)

    def _unresolved(self, start: int, end: int) -> Mention:
        return self._mention(_Phrase(start, end, []), None, None, None, None, None, None, "unresolved", 0.5)


def _title(role: Role | None) -> str | None:
    return role.title if role else None


class _Context:
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

    def __init__(self, outer: _ArticleResolver) -> None:
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

    def _placed(
        self, m: Mention, tok: int, states: dict[str, int], located: set[str], acting: set[str]
    ) -> Mention:
        own = self._state(m.code)
        if own is not None:
            lowers = self.r.lowers
            last = m.text.split()[-1].lower()
            if (tok > 0 and lowers[tok - 1] == "ethnic") or (m.kind == "state" and last in _MINORITY_NOUNS):
                others = {c: n for c, n in states.items() if c != own}
                c = _pick((), others, located - {own}, acting - {own})
                if c is not None:
                    text = m.text if last in _MINORITY_NOUNS else f"ethnic {m.text}"
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
        while i >= 0 and i >= tok - 3 and lowers[i] in _COMPASS:
            i -= 1
        return i >= 0 and lowers[i] in _PLACE_PREPS

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
    """The state an actor without one is placed in (see _Context)."""
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


class _Coreference:
    """Within-article coreference over the mentions found so far (in text order)."""

    def __init__(self, outer: _ArticleResolver) -> None:
        self.r = outer

    def run(self, covered: bytearray) -> None:
        r = self.r
        by_start = {m.start: m for m in r.mentions}
        sentence_of = r.sentence_of
        resolved: list[tuple[int, Mention]] = []  # (token index, mention), in order
        surnames: dict[str, Mention] = {}
        new: list[Mention] = []
        replace: dict[int, Mention] = {}
        lowers = r.lowers
        n = len(lowers)
        i = 0
        while i < n:
            if covered[i]:
                m = by_start.get(r._char(i))
                if m is not None:
                    if m.actor_id is not None:
                        resolved.append((i, m))
                        if m.kind == "person" and m.name:
                            for part in _name_keys(m.name, r.kb.actors.get(m.actor_id or "")):
                                surnames[part] = m
                    elif m.via == "unresolved":
                        ante = self._by_name(m.text, surnames)
                        if ante is not None:
                            replace[m.start] = _copy(ante, m.start, m.end, m.text, r.article.id)
                i += 1
                continue
            low = lowers[i]
            bare = r.bare_offices.get(i)
            if bare is not None:
                # "the President" after "President Tokayev": the last person seen in that office
                office = r.kb.office_key(bare[1])
                ante = self._recent(
                    resolved,
                    sentence_of,
                    i,
                    lambda m, office=office: (
                        m.kind == "person" and m.role is not None and r.kb.office_key(m.role) == office
                    ),
                    window=6,
                )
                if ante is not None:
                    new.append(self._make(ante, i, bare[0]))
                    i = bare[0]
                    continue
            if low in _PRONOUNS and self._is_pronoun(i):
                ante = self._recent(resolved, sentence_of, i, lambda m: m.kind == "person")
                if ante is not None:
                    new.append(self._make(ante, i, i + 1))
            elif low in _HONORIFICS and i + 1 < n and r.words[i + 1][:1].isupper():
                end = i + 2
                while end < n and not covered[end] and r._namelike(end):
                    end += 1
                ante = surnames.get(lowers[end - 1])
                if ante is not None:
                    new.append(self._make(ante, i, end))
                    i = end
                    continue
            elif low in ("the", "this", "both") and i + 1 < n:
                handled = self._definite(i, resolved, sentence_of, new)
                if handled:
                    i = handled
                    continue
            i += 1
        if replace:
            r.mentions = [replace.get(m.start, m) for m in r.mentions]
        r.mentions.extend(new)

    def _definite(
        self, i: int, resolved: list[tuple[int, Mention]], sentence_of: list[int], new: list[Mention]
    ) -> int:
        lowers = self.r.lowers
        nxt = lowers[i + 1]
        if lowers[i] in ("the", "this") and nxt in _COUNTRY_NOUNS:
            ante = self._recent(resolved, sentence_of, i, lambda m: m.kind == "state" and m.sector is None)
            if ante is not None:
                new.append(self._make(ante, i, i + 2))
                return i + 2
            return 0
        # "the two leaders", "both sides", "both countries"
        if lowers[i] == "the" and nxt == "two" and i + 2 < len(lowers):
            noun, end = lowers[i + 2], i + 3
        elif lowers[i] == "both":
            noun, end = nxt, i + 2
        else:
            return 0
        want = _PAIR_NOUNS.get(noun)
        if want is None:
            return 0
        pair: list[Mention] = []
        seen: set[str] = set()
        for _tok, m in reversed(resolved):
            if sentence_of and sentence_of[i] - sentence_of[_tok] > 3:
                break
            if want != "any" and m.kind != want:
                continue
            key = m.code or m.actor_id or ""
            if key and key not in seen:
                seen.add(key)
                pair.append(m)
            if len(pair) == 2:
                break
        if len(pair) < 2:
            return 0
        for ante in reversed(pair):
            new.append(self._make(ante, i, end))
        return end

    def _is_pronoun(self, i: int) -> bool:
        return not self.r.has_pos or self.r.doc[i].pos_ in ("PRON", "DET")

    @staticmethod
    def _recent(
        resolved: list[tuple[int, Mention]], sentence_of: list[int], i: int, want: object, window: int = 2
    ) -> Mention | None:
        for tok, m in reversed(resolved):
            if sentence_of and sentence_of[i] - sentence_of[tok] > window:
                return None
            if want(m):  # type: ignore[operator]
                return m
        return None

    def _by_name(self, text: str, surnames: dict[str, Mention]) -> Mention | None:
        words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in _HONORIFICS]
        if not words:
            return None
        return surnames.get(" ".join(words).lower()) or surnames.get(words[-1].lower())

    def _make(self, ante: Mention, start: int, end: int) -> Mention:
        r = self.r
        s, e = r._char(start), r._end_char(end)
        return _copy(ante, s, e, r.article.text[s:e], r.article.id)


def _name_keys(name: str, actor: Actor | None) -> list[str]:
    keys = [name.lower(), name.split()[-1].lower()]
    if actor is not None:
        keys.extend(a.lower() for a in actor.aliases if a[:1].isupper())
    return keys


def _copy(ante: Mention, start: int, end: int, text: str, article_id: str) -> Mention:
    """A coreferent mention: the antecedent's actor at a new span."""
    return replace(ante, article_id=article_id, start=start, end=end, text=text, score=0.7, via="coref")
