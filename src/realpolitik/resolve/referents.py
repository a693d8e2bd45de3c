"""What the words of a phrase leave open, settled from the rest of the article: within-article coreference
(``Coreference``: "Mr X", a surname, he/she, "the country", "the two leaders", "both sides"); actors without a
state are placed by their sentence first (``placement.SentenceContext``). Both run inside ``Resolver.resolve``,
over the mentions the gazetteer and NER found."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Protocol

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.model import Actor, Article, Mention, replace
from realpolitik.ontology import cues
from realpolitik.resolve.addressee import SECOND_PERSON, addressee, two_participants
from realpolitik.resolve.participants import is_readout, labels, speaks_here

if TYPE_CHECKING:
    from spacy.tokens import Doc


class ArticleState(Protocol):
    """What the referent passes read and change of one article's resolution (``resolver.ArticleResolver``)."""

    kb: KnowledgeBase
    doc: Doc
    article: Article
    words: list[str]
    lowers: list[str]
    starts: list[int]
    sentence_of: list[int]
    has_pos: bool
    mentions: list[Mention]
    bare_offices: dict[int, tuple[int, str]]
    participants: list[Mention]
    day: date

    def _char(self, token: int) -> int: ...

    def _end_char(self, end_token: int) -> int: ...

    def _namelike(self, i: int) -> bool: ...


HONORIFICS = cues.words("honorifics")
PRONOUNS = cues.words("person_pronouns")
COUNTRY_NOUNS = cues.words("country_nouns")
_TITLE_WORDS = cues.words("title_words")
_NOT_NAME_ENTS = frozenset(
    {"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART"}
)  # "in May" is no Theresa May
PAIR_NOUNS = cues.mapping("pair_nouns")
PLACE_PREPS = cues.words("place_prepositions")
COMPASS = cues.words("compass_words")
MINORITY_NOUNS = cues.words("minority_nouns")
PLURAL_REFERENTS = cues.words("plural_referents")
FIRST_PLURAL = cues.words("first_person_plural")
FIRST_SINGULAR = cues.words("first_person_singular")
TURN_WORDS = cues.words("turn_words")


class Coreference:
    """Within-article coreference over the mentions found so far (in text order)."""

    def __init__(self, outer: ArticleState) -> None:
        self.r = outer

    def run(self, covered: bytearray) -> None:
        r = self.r
        by_start = {m.start: m for m in r.mentions}
        sentence_of = r.sentence_of
        resolved: list[tuple[int, Mention]] = []  # (token index, mention), in order
        surnames: dict[str, Mention] = {}
        titled: dict[str, Mention] = {}
        new: list[Mention] = []
        replace: dict[int, Mention] = {}
        lowers = r.lowers
        n = len(lowers)
        i = 0
        while i < n:
            if covered[i]:
                m = by_start.get(r._char(i))
                if m is not None:
                    if m.via == "titled" and m.code:
                        # "US envoy Morgan Ortagus" ... "Ortagus met Aoun": a titled person the KB does not know
                        resolved.append((i, m))
                        titled[m.text.split()[-1].lower()] = m
                    elif m.actor_id is not None:
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
            if low in surnames and self._bare_surname(i):
                # "Pelosi accused Trump of ...": a known person's surname the tagger left without an entity
                new.append(self._make(surnames[low], i, i + 1))
                i += 1
                continue
            if (
                low in titled
                and r.words[i][:1].isupper()
                and not (i + 1 < n and r.words[i + 1][:1].isupper())
            ):
                new.append(self._make(titled[low], i, i + 1))
                i += 1
                continue
            bare = r.bare_offices.get(i)
            if bare is not None and not (bare[0] - i == 2 and lowers[i + 1] in PAIR_NOUNS):
                # (not "the presidents": two of them, read below)
                # "the President" after "President Tokayev": the last person seen in that office
                office = r.kb.office_key(bare[1])
                ante = self._office_holder(resolved, sentence_of, i, office) or self._holder_here(
                    resolved, sentence_of, i, bare[1]
                )
                if ante is not None:
                    new.append(self._make(ante, i, bare[0]))
                    i = bare[0]
                    continue
            if (
                low == "they"
                and self._is_pronoun(i)
                and not self._others_before(i)
                and self._pair_of_participants(i, i + 1, new)
            ):
                i += 1
                continue
            if low in PRONOUNS and self._is_pronoun(i):
                ante = self._previous_subject(resolved, sentence_of, i) if low in ("he", "she") else None
                subject = self._own_subject(i) if low in ("him", "her") else None
                ante = ante or self._recent(
                    resolved,
                    sentence_of,
                    i,
                    lambda m, subject=subject: (
                        m.kind == "person"
                        and not (subject is not None and m.start <= subject < m.end)
                        and not speaks_here(r.article.text, m)  # whoever speaks is "I", not "he"
                    ),
                )
                if ante is not None:
                    new.append(self._make(ante, i, i + 1))
            elif low in HONORIFICS and i + 1 < n and r.words[i + 1][:1].isupper():
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
        self._first_person(covered, new)
        if replace:
            r.mentions = [replace.get(m.start, m) for m in r.mentions]
        r.mentions.extend(new)

    def _definite(
        self, i: int, resolved: list[tuple[int, Mention]], sentence_of: list[int], new: list[Mention]
    ) -> int:
        lowers = self.r.lowers
        nxt = lowers[i + 1]
        same = self._same_body(i, resolved, sentence_of)
        if same is not None:
            new.append(self._make(same, i, i + 2))
            return i + 2
        if lowers[i] in ("the", "this") and nxt in COUNTRY_NOUNS:
            ante = self._recent(resolved, sentence_of, i, lambda m: m.kind == "state" and m.sector is None)
            if ante is not None:
                new.append(self._make(ante, i, i + 2))
                return i + 2
            return 0
        # "the two leaders", "both sides", "both countries"
        count = 2
        if lowers[i] == "the" and nxt in ("two", "three") and i + 2 < len(lowers):
            noun, end, count = lowers[i + 2], i + 3, (3 if nxt == "three" else 2)
        elif lowers[i] == "both":
            noun, end = nxt, i + 2
        elif lowers[i] == "the" and nxt in PLURAL_REFERENTS and self._pair_of_participants(i, i + 2, new):
            return i + 2  # "The Presidents discussed ..." in a readout: its two participants
        elif (
            lowers[i] == "the"
            and PAIR_NOUNS.get(nxt) == "person"
            and self._named_pair(i, resolved, sentence_of, new)
        ):
            # "Putin and Nazarbayev signed a statement. The presidents also signed ...": those two
            return i + 2
        else:
            return 0
        want = PAIR_NOUNS.get(noun)
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
            if len(pair) == count:
                break
        if len(pair) < count:
            return end if self._pair_of_participants(i, end, new) else 0
        for ante in reversed(pair):
            new.append(self._make(ante, i, end))
        return end

    def _bare_surname(self, i: int) -> bool:
        """A lone capitalised proper noun, not a date or place, with no other name next to it."""
        r = self.r
        if not r.has_pos or not r.words[i][:1].isupper():
            return False
        tok = r.doc[i]
        if tok.tag_ != "NNP" or tok.ent_type_ in _NOT_NAME_ENTS:
            return False
        return not any(
            0 <= j < len(r.words) and r.words[j][:1].isupper() and r.doc[j].pos_ == "PROPN"
            for j in (i - 1, i + 1)
        )

    def _named_pair(
        self, i: int, resolved: list[tuple[int, Mention]], sentence_of: list[int], new: list[Mention]
    ) -> bool:
        """ "The presidents" right after a sentence naming exactly two people of two states: those two. Any
        other person named in that sentence or before "the presidents" in its own leaves it unresolved."""
        if not sentence_of or i >= len(sentence_of):
            return False
        people: dict[str, Mention] = {}
        for tok, m in resolved:
            if tok >= i or sentence_of[i] - sentence_of[tok] > 1:
                continue
            if m.kind != "person" or not m.code or m.via in ("title", "publisher", "speaker"):
                continue
            people.setdefault(m.actor_id or m.text, m)
        if len(people) != 2 or len({m.code for m in people.values()}) != 2:
            return False
        for ante in people.values():
            new.append(self._make(ante, i, i + 2))
        return True

    def _same_body(
        self, i: int, resolved: list[tuple[int, Mention]], sentence_of: list[int]
    ) -> Mention | None:
        """ "the embassy" a sentence or two after "the US Embassy in London": the body just named by that noun
        (an office, agency or institution, not a person or a state)."""
        r = self.r
        if not r.has_pos or r.lowers[i] != "the" or i + 2 > len(r.lowers):
            return None
        noun = r.doc[i + 1]
        after = r.doc[i + 2] if i + 2 < len(r.doc) else None
        if noun.tag_ != "NN" or (
            after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ == "of")
        ):
            return None
        word = noun.lower_
        return self._recent(
            resolved,
            sentence_of,
            i,
            lambda m: (
                m.code
                and m.kind != "person"
                and (m.kind != "state" or m.via == "agent")
                and word in m.text.lower().split()[1:]
            ),
        )

    def _others_before(self, i: int) -> bool:
        """Does the sentence of token ``i`` name, before it, people other than the readout's participants ("When
        the opposition bloc members Medvedchuk and Boiko came to Moscow, they met with ...")? Then "they" is them,
        known to the knowledge base or not."""
        r = self.r
        if i >= len(r.sentence_of):
            return False
        first = i
        while first > 0 and r.sentence_of[first - 1] == r.sentence_of[i]:
            first -= 1
        start, end = r._char(first), r._char(i)
        ours = {m.code for m in r.participants if m.code}
        for m in r.mentions:
            if not start <= m.start < end or m.via in ("title", "publisher"):
                continue
            if m.kind in ("person", "group") and m.code not in ours:
                return True
            if m.via == "unresolved" and m.text[:1].isupper():
                return True  # a name the knowledge base does not know
        return False

    def _pair_of_participants(self, start: int, end: int, new: list[Mention]) -> bool:
        """Tokens [start, end) refer to the participants of a readout ("the two leaders", "they"), when it has
        two or three: one mention of each over the span."""
        r = self.r
        pair: list[Mention] = []
        for m in r.participants:
            if m.code and m.code not in {p.code for p in pair}:
                pair.append(m)
        if len(pair) not in (2, 3) or not is_readout(r.article):
            return False
        for ante in pair:
            new.append(self._make(ante, start, end))
        return True

    def _first_person(self, covered: bytearray, new: list[Mention]) -> None:
        """ "We", "our", "I" are the speaker: the speaker of the transcript turn they are in, or, in an article
        whose publisher speaks for an office holder and that has no turns, that office holder outside quotes."""
        r = self.r
        text = r.article.text
        turns = speaker_turns(text, r.mentions)
        principal = next((m for m in r.participants if m.via == "publisher"), None)
        if not turns and principal is None:
            return
        sides = two_participants(r.participants) if turns and is_readout(r.article) else {}
        for i, low in enumerate(r.lowers):
            if covered[i] or (
                low not in FIRST_PLURAL and low not in FIRST_SINGULAR and low not in SECOND_PERSON
            ):
                continue
            word = r.words[i]
            if (word.isupper() and len(word) > 1) or not self._is_pronoun(i):
                continue  # "US" is a state, not "us"
            at = r._char(i)
            if low in SECOND_PERSON:
                spoken_to = addressee(at, turns, sides)
                if spoken_to is not None and not _inside_quotes(text, at):
                    new.append(replace(self._make(spoken_to, i, i + 1), via="addressee"))
                continue
            turn = next((t for t in reversed(turns) if t[0] <= at), None)
            if turn is not None:
                speaker = turn[1]
            elif not turns and not _inside_quotes(text, at):
                speaker = principal
            else:
                speaker = None
            if speaker is not None:
                new.append(replace(self._make(speaker, i, i + 1), via="speaker"))

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

    def _office_holder(
        self, resolved: list[tuple[int, Mention]], sentence_of: list[int], i: int, office: str | None
    ) -> Mention | None:
        """The person "the President" is: the last one seen in that office; when several holders of it were
        seen ("Vladimir Putin sent a message to President of Tajikistan Emomali Rahmon. The President
        commended ..."), the one the article named first, its protagonist (a readout's own president), not the
        other side named last."""
        kb = self.r.kb
        holders: dict[str, Mention] = {}
        for tok, m in reversed(resolved):
            if sentence_of and sentence_of[i] - sentence_of[tok] > 6:
                break
            if m.kind == "person" and m.role is not None and kb.office_key(m.role) == office:
                holders.setdefault(m.actor_id or m.text, m)
        if len(holders) <= 1:
            return next(iter(holders.values()), None)
        first: dict[str, int] = {}
        for _tok, m in resolved:
            first.setdefault(m.actor_id or m.text, m.start)
        return min(holders.values(), key=lambda m: first.get(m.actor_id or m.text, m.start))

    def _own_subject(self, i: int) -> int | None:
        """The character offset of the subject of the verb whose object "him"/"her" is: never the one meant
        ("Tokayev met Xi Jinping. Tokayev congratulated him" is Xi; "congratulated himself" would be Tokayev)."""
        if not self.r.has_pos:
            return None
        token = self.r.doc[i]
        verb = token.head
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif token.dep_ not in ("dobj", "dative", "iobj"):
            return None
        for _ in range(3):  # "met Xi Jinping and congratulated him": the subject of the first verb
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return int(subject.idx)
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def _holder_here(
        self, resolved: list[tuple[int, Mention]], sentence_of: list[int], i: int, office: str
    ) -> Mention | None:
        """The person "the Queen" is when no holder of the office was seen: its holder on the article's date in
        the one state the sentence names ("Per request of United Kingdom Prime Minister Boris Johnson, the Queen
        suspended parliament" is Elizabeth II)."""
        if not sentence_of or self.r.lowers[i] != "the":
            return None  # "Mr President" is whom the speaker addresses (addressee), not an office holder
        states = {
            m.code
            for tok, m in resolved
            if sentence_of[tok] == sentence_of[i] and m.kind in ("state", "person")
        }
        if len(states) != 1 or None in states:
            return None
        found = self.r.kb.holder(next(iter(states)) or "", office, self.r.day)
        if found is None:
            return None
        actor, role = found
        return Mention(
            article_id=self.r.article.id,
            start=0,
            end=0,
            text="",
            actor_id=actor.id,
            code=role.country,
            sector=role.sector,
            name=actor.name,
            kind="person",
            role=role.title,
            score=0.7,
            via="coref",
            country=role.country,
        )

    def _previous_subject(
        self, resolved: list[tuple[int, Mention]], sentence_of: list[int], i: int
    ) -> Mention | None:
        """ "Putin had a telephone conversation with Tokayev. He thanked him ...": "he" opening a sentence as
        its subject is the person who was the previous sentence's subject, not the last person named."""
        doc = self.r.doc
        if not sentence_of or not self.r.has_pos or doc[i].dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent = doc[i].sent
        if doc[i].head.i != sent.root.i or any(sentence_of[t] == sentence_of[i] for t, _ in resolved):
            return None  # a subordinate "he", or someone named earlier in this sentence
        for tok, m in reversed(resolved):
            if sentence_of[tok] < sentence_of[i] - 1:
                return None
            if (
                sentence_of[tok] != sentence_of[i] - 1
                or m.kind != "person"
                or speaks_here(self.r.article.text, m)
            ):
                continue
            head = next(
                (t for t in doc[tok].sent if t.idx >= m.start and t.idx < m.end and t.head.idx >= m.end), None
            )
            if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.i == head.sent.root.i:
                return m
        return None

    def _by_name(self, text: str, surnames: dict[str, Mention]) -> Mention | None:
        words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in HONORIFICS]
        if not words:
            return None
        full = surnames.get(" ".join(words).lower())
        if full is not None or len(words) < 2:
            return full or surnames.get(words[-1].lower())
        ante = surnames.get(words[-1].lower())
        given = words[-2]
        # "First Lady Melania Trump" after "Donald Trump": another of the family, unless the given names agree
        if (
            ante is not None
            and given[:1].isupper()
            and given.lower() not in _TITLE_WORDS
            and given.lower() not in (ante.name or ante.text).lower().split()
        ):
            return None
        return ante

    def _make(self, ante: Mention, start: int, end: int) -> Mention:
        r = self.r
        s, e = r._char(start), r._end_char(end)
        return _copy(ante, s, e, r.article.text[s:e], r.article.id)


# a space after the colon, or a capital straight after it ("Wang Yi (retranslated):Thank you"), not "12:30"
_LABEL = re.compile(r"(?m)^(?P<label>[^\n:]{2,320}):(?:[ \t]+|(?=[A-Z“\"«]))\S")
_WORD = re.compile(r"[a-z]+")
_MAX_STAGE_WORDS = 4  # "Question: without microphone.": a stage direction after a turn word, in small letters
# kremlin.ru's tooltip repeats the name surname first ("Gennady Zyuganov Zyuganov Gennady..."): a label, however long
_TOOLTIP = re.compile(r"\b([A-Z][\w'’-]+) \1\b")
_SENTENCE_WORDS = cues.words("sentence_words")
_NAME_SHAPE = re.compile(
    r"[A-Z][\w'’.-]*(?: (?:[a-z]{1,3} )?[A-Z][\w'’.-]*){1,3}"
)  # "Ivan Afanasyev", "Anne de Vries"


def speaker_turns(text: str, mentions: list[Mention]) -> list[tuple[int, Mention | None]]:
    """Transcript turns as (start, speaker): a paragraph that opens with a label and a colon whose label holds a
    person ("Vladimir Putin:", "President of Kazakhstan Nursultan Nazarbayev:"), or a role label ("Question:",
    speaker unknown). Other colons ("Note:", a sentence with a colon) open no turn."""
    people = [m for m in mentions if m.kind == "person" and m.code and m.end > m.start]
    unknown = [m for m in mentions if m.via == "unresolved" and _NAME_SHAPE.fullmatch(m.text)]
    turns: list[tuple[int, Mention | None]] = []
    strangers: list[tuple[int, Mention | None]] = []
    for match in _LABEL.finditer(text):
        label = match.group("label").strip()
        start, end = match.start("label"), match.end("label")
        if label.split(" (")[0].lower() in TURN_WORDS:
            line_end = text.find("\n", match.end())
            said = text[match.end() - 1 : line_end if line_end >= 0 else len(text)].split()
            if said[0][:1].islower() and len(said) > _MAX_STAGE_WORDS:
                continue  # "Question: at what expense? Where do we get these funds?": the speaker asks himself
            turns.append((start, None))
            continue
        if (
            (len(label.split()) > 25 and not _TOOLTIP.search(label))
            or label[:1].islower()
            or _SENTENCE_WORDS & set(_WORD.findall(label.lower()))
        ):
            continue  # "Mr Nazarbayev knows, and we discussed this ...: the road" is a sentence, not a label
        inside = [m for m in people if start <= m.start and m.end <= end]
        if inside:
            turns.append((start, inside[-1]))
        elif any(labels(text, m, start, end) for m in unknown):
            # "Ivan Afanasyev: ... allow me to invite you": a speaker the knowledge base does not know still ends
            # the previous speaker's turn; their "I" and "we" are nobody we can code
            strangers.append((start, None))
    return sorted(turns + strangers, key=lambda t: t[0]) if turns else []


def _inside_quotes(text: str, at: int) -> bool:
    """Is position ``at`` inside quotation marks of its paragraph?"""
    para = text.rfind("\n", 0, at) + 1
    before = text[para:at]
    opened = before.count("“") + before.count("«")
    closed = before.count("”") + before.count("»")
    return opened > closed or before.count('"') % 2 == 1


def _name_keys(name: str, actor: Actor | None) -> list[str]:
    keys = [name.lower(), name.split()[-1].lower()]
    if actor is not None:
        keys.extend(a.lower() for a in actor.aliases if a[:1].isupper())
    return keys


def _copy(ante: Mention, start: int, end: int, text: str, article_id: str) -> Mention:
    """A coreferent mention: the antecedent's actor at a new span."""
    return replace(ante, article_id=article_id, start=start, end=end, text=text, score=0.7, via="coref")
