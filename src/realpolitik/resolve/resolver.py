"""Actor resolution: turns a Doc's gazetteer hits, NER spans and referring expressions into Mentions with a
code, sector, name, kind and office, as of the article's date.

Steps, in order: (1) gazetteer hits are grouped into actor phrases ("Chinese Foreign Minister Wang Yi",
"the President of Kazakhstan", "Russian troops", "Kazakhstan's president") and each phrase becomes one
mention over its whole span; an office with a country and no name is filled with whoever held it that day;
names are atomic (``names.NameRuns``: "Mohammed Shia al-Sudani" is one person, not the Shiites), and namesakes
(Berdimuhamedov father and son) are told apart by the phrase's office and state and the date, a surname alone
only where the date leaves one holder; (2) NER spans the KB does not know become unresolved mentions
(actor_id None), never guessed onto a state (a text resolved without NER reads its runs of capitalised words
as names instead); (3) actors the words leave without a state (groups, "rebels", an unknown office holder)
are placed by their sentence, and every mention gets its ``country`` (``placement.SentenceContext``); (4) within-article
coreference ("Mr X", a surname, he/she, "the country", "the two leaders", "both sides") adds mentions with
``via="coref"`` (``referents.Coreference``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from realpolitik.actors.kb import KnowledgeBase, near_office
from realpolitik.actors.matcher import Gazetteer, Hit, gazetteer_for, match_text
from realpolitik.model import Actor, ActorKind, Article, Mention, Role, replace
from realpolitik.ontology import cues
from realpolitik.resolve.languages import spoken_language
from realpolitik.resolve.names import NameRuns, hyphenated
from realpolitik.resolve.participants import article_participants
from realpolitik.resolve.placement import SentenceContext
from realpolitik.resolve.referents import HONORIFICS, PLACE_PREPS, Coreference
from realpolitik.resolve.tokens import tokenize
from realpolitik.resolve.units import Phrase as _Phrase
from realpolitik.resolve.units import Unit as _Unit

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_PROPN = 96  # spacy.symbols.PROPN (a fixed id of spaCy's symbol table; spaCy itself is not imported here)
_STANDALONE_AGENTS = cues.words("standalone_agents")
_NOT_NAMES = cues.words("not_names")
_STRUCTURES = cues.words("structure_nouns")
_FEATURES = cues.words("geographic_features")
_CLUBS = cues.words("club_name_words")
_NAMED_AFTER = cues.words("named_after_places")
_DOCUMENTS = cues.words("organisation_documents")
_CONNECT_OF = (("of",), ("of", "the"))
_POSSESSIVE = (("'s",), ("’s",), ("'",))


class Resolver:
    """Resolves the actors of one article (or one short text) against a knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._gazetteer: Gazetteer | None = None

    # -- public -------------------------------------------------------------------------------------------
    def resolve(self, doc: Doc, article: Article) -> list[Mention]:
        """The mentions of ``article`` (parsed as ``doc``): its participants (title, publisher) first, then the
        actors its text names or refers back to."""
        self.kb.materialize()  # articles by the thousand: every actor and form at hand
        day = article.published or date.today()
        participants = article_participants(self.kb, article, day, self.resolve_text)
        return [*participants, *self._resolve(doc, article, day, participants)]

    def resolve_text(self, text: str, day: date | None = None) -> list[Mention]:
        """Resolve a short text such as "President Tokayev" without spaCy (a look-up): its words are split as
        spaCy would (``tokens.py``), the knowledge base's forms found by their words (``match_text``), and a run
        of capitalised words nothing else claims is read as a person's name, as NER would."""
        starts, words = tokenize(text)
        article = Article(id="lookup", text=text, published=day)
        hits = match_text(self.kb, text, starts, words)
        return ArticleResolver(self.kb, None, article, words, starts, day or date.today()).run(hits)

    def _resolve(
        self, doc: Doc, article: Article, day: date, participants: Sequence[Mention]
    ) -> list[Mention]:
        from realpolitik.annotate.gazetteer import doc_hits, token_texts

        hits = doc_hits(doc, self.kb)
        starts, words = token_texts(doc, article.text)
        if words and words[-1] != doc[-1].text:  # the Doc is not over this text: read its own
            starts, words = token_texts(doc)
        if hits is None:
            hits = self._own_gazetteer().match(words)
        return ArticleResolver(self.kb, doc, article, words, starts, day, participants).run(hits)

    def _own_gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            import spacy

            tokenizer = spacy.blank("en").tokenizer
            self._gazetteer = gazetteer_for(self.kb, lambda s: [t.text for t in tokenizer(s)], -1)
        return self._gazetteer


class _NoDoc:
    """Stands in for the Doc of a text resolved without spaCy: it has no parse, so nothing may read it."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError("a text resolved without spaCy has no Doc")

    def __getitem__(self, i: int) -> Any:
        raise RuntimeError("a text resolved without spaCy has no Doc")


class ArticleResolver:
    def __init__(
        self,
        kb: KnowledgeBase,
        doc: Doc | None,
        article: Article,
        words: list[str],
        starts: list[int],
        day: date,
        participants: Sequence[Mention] = (),
    ) -> None:
        self.kb, self.article, self.words, self.day = kb, article, words, day
        self.doc: Doc = doc if doc is not None else cast("Doc", _NoDoc())
        self.participants = list(participants)
        self.starts = starts
        self.lowers = [w.lower() for w in words]
        # Which annotations the Doc has, from its arrays (Doc.has_annotation walks every token).
        if doc is not None and len(doc):
            import numpy
            from spacy.attrs import ENT_IOB, POS, SENT_START

            arr = doc.to_array([POS, ENT_IOB, SENT_START])
            self.has_pos = bool(arr[:, 0].any())
            # proper nouns by token, from the array (a Token object per question is the slow way)
            self._propn: list[bool] = (arr[:, 0] == _PROPN).tolist()
            self.has_ents = bool(arr[:, 1].any())
            sent_start = arr[:, 2] == 1
            self.sentence_of: list[int] = (
                (numpy.cumsum(sent_start) - 1).tolist() if (arr[1:, 2] != 0).any() else []
            )
        else:
            self.has_pos = self.has_ents = False
            self._propn = []
            self.sentence_of = []
        self.mentions: list[Mention] = []
        self.bare_offices: dict[int, tuple[int, str]] = {}  # "the President": start token -> (end, office)
        self._surname_at: dict[str, list[int]] | None = None  # word -> its token positions, built when asked

    def run(self, hits: Sequence[Hit]) -> list[Mention]:
        names = NameRuns(self)
        units = names.apply([u for hit in hits if (u := self._unit(hit)) is not None])
        covered = bytearray(len(self.words))
        for phrase in self._phrases(units):
            if self._inside_structure(phrase) or self._inside_person(phrase):
                continue
            parsed = self.doc if self.has_pos else None
            if self._names_a_thing(phrase) or spoken_language(phrase.units, parsed, self.kb):
                covered[phrase.start : phrase.end] = b"\x01" * (phrase.end - phrase.start)
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
        else:
            for start, end in names.unknown_names(covered):
                mention = self._name_mention(start, end)
                if mention is not None:
                    self.mentions.append(mention)
                    covered[start:end] = b"\x01" * (end - start)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self.mentions = _us_georgia(self.mentions)
        self.mentions = SentenceContext(self).place(self.mentions)
        Coreference(self).run(covered)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions

    # -- units and phrases --------------------------------------------------------------------------------
    def _unit(self, hit: Hit) -> _Unit | None:
        forms = [self.kb.forms[i] for i in hit.forms]
        valid = [f for f in forms if f.valid_on(self.day)] or forms
        form = valid[0]
        actor = self.kb.actors[form.actor_id]
        people: tuple[Actor, ...] = ()
        ambiguous = False
        if actor.kind == "person":
            # Namesakes (Berdimuhamedov father and son): the one the date leaves; if it leaves none, the
            # phrase's office or state may (a full name falls back to one in office, a surname to no one).
            ids = dict.fromkeys(
                f.actor_id for f in valid if f.type == form.type
            )  # by id: hashing an Actor is slow
            people = tuple(p for i in ids if (p := self.kb.actors[i]).kind == "person")
            if form.type == "surname" and self._other_namesake(hit.start, hit.end, people):
                return None  # "Senator Kamala Harris ... Harris attacked Biden": not Timothy Harris
            if form.type == "surname" or len(people) > 1:
                chosen = self.kb.one_holder(people, self.day, anyone=form.type != "surname")
                if chosen is None and form.type == "name":
                    chosen = next((p for p in people if self.kb.role_on(p, self.day)), people[0])
                ambiguous = chosen is None
                actor = chosen or people[0]
        hyphen = hyphenated(self.words, self.lowers, hit.start, hit.end)
        if (hyphen == "stance" and actor.kind != "agent") or (hyphen == "seat" and actor.kind != "person"):
            return None  # "anti-Syria journalist", "pro-Russian separatists", "Tokyo-based": not that state acting
        if actor.kind == "person":
            role = "person"
        elif actor.id in self.kb.offices:
            role = "office"  # "UN chief" is an office with its organisation in its words
        elif actor.kind == "agent" and actor.code is None:
            role = "agent"
        else:
            role = "affiliation"
        return _Unit(hit.start, hit.end, form, actor, role, people, ambiguous)

    def _other_namesake(self, start: int, end: int, people: Sequence[Actor]) -> bool:
        """Does the article name someone else with this surname in full ("Kamala Harris": one PERSON name whose
        given name is none of the known holders' names) and never our holder? Then the bare surname is that
        person, not a namesake of ours."""
        if not self.has_ents or self.doc is None:
            return False
        surname = self.lowers[start:end]
        if self._surname_at is None:
            self._surname_at = {}
            for i, w in enumerate(self.lowers):
                self._surname_at.setdefault(w, []).append(i)
        known = {w for p in people for n in (p.name, *p.aliases) for w in n.lower().split()}
        doc = self.doc
        other = False
        for i in self._surname_at.get(surname[0], ()):
            if i == start or i == 0 or self.lowers[i : i + len(surname)] != surname:
                continue
            given = doc[i - 1]
            if given.lower_ in known:
                return False  # the article names our holder in full too ("Joe Biden" beside "Hunter Biden")
            if (
                given.ent_type_ == "PERSON"
                and doc[i].ent_iob_ == "I"
                and given.is_alpha
                and given.lower_ not in HONORIFICS
            ):
                other = True
        return other

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
            start > 0 and first == "person" and self.lowers[start - 1] in HONORIFICS
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
            return self._propn[i]
        return True

    def _phrase_mention(self, phrase: _Phrase) -> Mention | None:
        units = phrase.units
        affiliation = next((u for u in units if u.role == "affiliation"), None)
        person = next((u for u in units if u.role == "person"), None)
        office = next((u for u in units if u.role == "office"), None)
        if affiliation is None and office is not None and office.actor.code in self.kb.actors:
            # the organisation the office's words name ("UN chief")
            own = self.kb.actors[office.actor.code or ""]
            affiliation = _Unit(office.start, office.end, office.form, own, "affiliation")
        sector_units = [u for u in units if u.role in ("office", "agent")]
        agent_sector = sector_units[-1].actor.sector if sector_units else None
        office_title = self.kb.offices.get(office.actor.id) if office else None
        if person is not None:
            aff_actor = affiliation.actor if affiliation else None
            chosen: Actor | None = person.actor
            country = aff_actor.code if aff_actor else None
            if len(person.people) > 1 or person.ambiguous:
                # "President Berdimuhamedov", "Jordan's King Abdullah": the office and state choose
                strict = person.form.type == "surname"
                pick = self.kb.one_holder(person.people, self.day, country, office_title, anyone=not strict)
                if (
                    pick is None
                    and office
                    and len(person.people) == 1
                    and near_office(person.people[0], self.day)
                ):
                    pick = person.people[0]  # "President Kagame" a few months before he took office
                chosen = pick or (None if person.ambiguous else person.actor)
            if office_title and (chosen is None or not self.kb.holds(chosen, office_title, self.day)):
                # the office holder of that state, called by this name, wins over a namesake out of office
                words = self.words[person.start : person.end]
                chosen = self._called_holder(words, country, office_title) or chosen
            if chosen is None:
                # a surname that names no one the date, office and state leave: after an office, the name of
                # someone the knowledge base does not know ("Judge Miller"); else the rest of the phrase
                # ("British militant" of "British militant Haroon Rashid Aswad"); alone, no one
                rest = [u for u in units if u is not person]
                if not rest:
                    return None
                if office:
                    return self._phrase_mention(
                        _Phrase(phrase.start, phrase.end, rest, (person.start, person.end))
                    )
                return self._phrase_mention(_Phrase(phrase.start, rest[-1].end, rest))
            return self._person_mention(
                phrase, chosen, aff_actor, agent_sector, "gazetteer", office=office_title
            )
        if office_title and phrase.unknown_name is not None:
            words = self.words[phrase.unknown_name[0] : phrase.unknown_name[1]]
            country = affiliation.actor.code if affiliation else None
            known = self.kb.person_by_name(words, self.day, country, titled=True)
            if known is None:
                known = self._called_holder(words, country, office_title)
            if known is None and len(words) == 1:
                # "President Obama" in a text dated before 2009: the one of that name who ever held the office
                named = [self.kb.actors[i] for i in self.kb.surnames.get(words[0].casefold(), ())]
                ever = [p for p in named if self.kb.held(p, office_title)]
                known = ever[0] if len(ever) == 1 else None
            if known is not None:
                aff_actor = affiliation.actor if affiliation else None
                return self._person_mention(
                    phrase, known, aff_actor, agent_sector, "agent", 0.9, office_title
                )
        if affiliation is None:
            if office_title and phrase.unknown_name is not None:
                # "Planning Minister Tran Xuan Gia": an office holder the KB does not know; the country
                # comes from the sentence (SentenceContext), or stays unknown
                name = self._text(*phrase.unknown_name)
                return self._mention(phrase, None, None, agent_sector, name, "person", office_title, "agent")
            if office_title and len(units) == 1 and not self._office_of_other(phrase):
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
            and self.lowers[phrase.start - 1] in PLACE_PREPS
        ):
            sector = None  # "talks in Beijing": the city as a place, not the government speaking
        return self._mention(
            phrase, aff.id, aff.code, sector or aff.sector, aff.name, aff.kind, None, "gazetteer"
        )

    def _called_holder(self, words: list[str], country: str | None, office: str) -> Actor | None:
        """The holder of ``office`` (of ``country``, or of any country) that day whose name starts with
        ``words``: "Saudi King Abdullah", "President Xi", "King Charles"."""
        if country:
            held = self.kb.holder(country, office, self.day)
            return held[0] if held and _called(held[0], words) else None
        found = [p for p in self.kb.holders_of(office, self.day) if _called(p, words)]
        return found[0] if len(found) == 1 else None

    def _inside_structure(self, phrase: _Phrase) -> bool:
        """A place name (not a demonym) directly followed by a capitalised structure word: "the Europe
        Bridge", "Tiananmen Square" (but "the Egyptian square" and "Russian Red Square" keep their actor)."""
        last = phrase.units[-1]
        end = phrase.end
        if last.role != "affiliation" or last.form.type == "adjective" or end >= len(self.words):
            return False
        return self.lowers[end] in _STRUCTURES and self.words[end][:1].isupper()

    def _names_a_thing(self, phrase: _Phrase) -> bool:
        """A state inside the name of a sea ("the Gulf of Mexico"), a treaty ("the Paris agreement"), an
        organisation's charter or resolutions ("the UN Charter"), a sports club ("Real Madrid"): a name."""
        start, end = phrase.start, phrase.end
        if (
            start >= 2
            and self.lowers[start - 1] == "of"
            and self.words[start - 2][:1].isupper()
            and self.lowers[start - 2] in _FEATURES
        ):
            return True
        club = start - 2 if start >= 2 and self.lowers[start - 1] in ("de", "of") else start - 1
        if club >= 0 and self.lowers[club] in _CLUBS and self.words[club][:1].isupper():
            return True  # "signed with Olympique de Marseille", "FC Astana": a sports club's name
        last, after = phrase.units[-1], self.lowers[end] if end < len(self.words) else ""
        before = self.lowers[start - 2 if start >= 2 and self.lowers[start - 1] == "the" else start - 1]
        # "in line with the UN Security Council resolutions" names no act; "the Council's resolutions demand" is one
        document = after in _DOCUMENTS and (after != "resolutions" or before in ("with", "of"))
        if last.actor.kind == "igo" and document:
            return True
        return last.role == "affiliation" and last.form.type == "metonym" and after in _NAMED_AFTER

    def _office_of_other(self, phrase: _Phrase) -> bool:
        """ "President of the International Olympic Committee Thomas Bach": an office of something the knowledge
        base does not know is not "the President" the article spoke of before."""
        end = phrase.end
        return end + 1 < len(self.words) and self.lowers[end] == "of" and self.words[end + 1][:1].isalpha()

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
        kind: ActorKind | None,
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
        text, first, last = self.article.text, self._char(start), self._end_char(end)
        if text[last : last + 1] == "-" and text[last + 1 : last + 2].isalpha():
            return self._unresolved(start, end)  # "Chan" of "Prayut Chan-o-cha": a piece of a longer name
        if label == "PERSON" and not (first > 0 and text[first - 1] == "-"):
            words = [w for w in self.words[start:end] if w[:1].isalpha() and w.lower() not in HONORIFICS]
            person = self.kb.person_by_name(words, self.day)
            town = self.lowers[end : end + 1] == ["from"]  # "Alexander from Dubna asks": a viewer (audit 15)
            if len(words) == 1 and person and (town or self._other_namesake(end - 1, end, [person])):
                person = None
            if person is not None:
                return self._person_mention(_Phrase(start, end, []), person, None, None, "ner", 0.8)
        return self._unresolved(start, end)

    def _name_mention(self, start: int, end: int) -> Mention | None:
        """Capitalised words nothing claimed, in a text resolved without NER: a known person's name (or a
        spelling of it, or a surname the date leaves one holder of), else nothing."""
        words = [w for w in self.words[start:end] if w[:1].isalpha() and w.lower() not in HONORIFICS]
        person = self.kb.person_by_name(words, self.day)
        if person is None:
            return None
        return self._person_mention(_Phrase(start, end, []), person, None, None, "name", 0.8)

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
            role = self.kb.holds(actor, office, self.day) or role
        code, sect = (role.country, role.sector) if role else (actor.code, actor.sector)
        if role is None and aff is not None:
            code, sect = aff.code, sector or sect
        if role is None and actor.roles and sect == "GOV" and (office is None or self._former(phrase)):
            # "Biden" in 2020, "former US Vice President Joe Biden": out of every office he held, a former
            # official is an elite, not his state's government ("The Biden campaign criticized Trump")
            sect = "ELI"
        return self._mention(phrase, actor.id, code, sect, actor.name, "person", _title(role), via, score)

    def _former(self, phrase: _Phrase) -> bool:
        """Does the phrase call its person a former holder of the office ("former President Obama")?"""
        return any(w.lower() in ("former", "ex") for w in self.words[max(0, phrase.start - 1) : phrase.end])

    def _unresolved(self, start: int, end: int) -> Mention:
        return self._mention(_Phrase(start, end, []), None, None, None, None, None, None, "unresolved", 0.5)


_US_STATES = cues.words("us_states")


def _us_georgia(mentions: list[Mention]) -> list[Mention]:
    """ "Georgia" in an article that names other US states ("Georgia, Michigan, Pennsylvania, and Wisconsin") and
    nothing else Georgian (Tbilisi, a Georgian official) is the US state, not the country."""
    georgia = [m for m in mentions if m.code == "GEO" and m.text in ("Georgia", "Georgia's")]
    if not georgia or any(m.code == "GEO" and m not in georgia for m in mentions):
        return mentions
    if not any(m.code == "USA" and m.text.lower() in _US_STATES for m in mentions):
        return mentions
    return [
        replace(m, actor_id="USA", code="USA", name="United States", country="USA") if m in georgia else m
        for m in mentions
    ]


def _title(role: Role | None) -> str | None:
    return role.title if role else None


def _called(person: Actor, words: list[str]) -> bool:
    """``words`` are the first words of one of the person's names ("Abdullah" of "Abdullah bin Abdulaziz"), or
    its last word ("Sharif" of "Nawaz Sharif")."""
    wanted = [w.casefold() for w in words if w[:1].isalpha()]
    if not wanted:
        return False
    for name in person.aliases:
        parts = [w.casefold() for w in name.split()]
        if parts[: len(wanted)] == wanted or (len(wanted) == 1 and len(parts) > 1 and parts[-1] == wanted[0]):
            return True
    return False
