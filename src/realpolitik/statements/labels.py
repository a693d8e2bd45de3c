"""Who speaks in a transcript turn: the labels :mod:`realpolitik.statements.turns` found, read with the parse and
the resolver's mentions.

A label names a speaker when it has a name that is not a place or an organisation (a single word only when the
knowledge base knows the person) and no finite verb ("Mr Putin, in his message, said:" is a sentence); in an
article with a single label the name must also be a person to the resolver or the parser. The speaker is the
person the knowledge base knows (a resolved person mention on the name, with the same surname); otherwise the
label's name, with state and sector read from its title: a news organisation (``media_outlets``: MED of its
state), the sector of the title's words (``title_sectors``), the state of a resolved mention in the title, and
for a state office with no state named, the state of the transcript's host (the state most of the known
speakers act for). A later short label ("Viktor Ivanov:") takes what an earlier, fuller label of the same
person said, and an initial ("D. Valeyev:") the given name another label spells out. "Question:" and "Remark:"
are journalists (MED) when the article's title says it is an interview or press conference, of the state of
the outlet the title names, of the state the host named just before ("Let us start with our Chinese
friends."), or of the nation of the press the title or the lead paragraph names ("answered questions from
Russian journalists").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

from realpolitik.actors.names import bundled_names
from realpolitik.annotate import doc_text, ents_over, span_ents
from realpolitik.model import Article, Mention, Speaker
from realpolitik.ontology import cues
from realpolitik.statements.interviews import INITIALS, interviewee, spelled_initials
from realpolitik.statements.intros import HONORIFICS, self_introduction
from realpolitik.statements.speakers import MentionIndex
from realpolitik.statements.turns import Label, Turn

_SECTOR_ORDER = ("MED", "LEG", "JUD", "MIL", "BUS", "EDU", "GOV")
_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOT_PERSONS = frozenset({"state", "igo", "ngo", "company", "group", "region", "agent", "armed_group"})
_NOT_NAMES = frozenset({"ORDINAL", "CARDINAL", "DATE", "TIME", "NORP", "LAW"})
_NOT_TITLES = frozenset({"armed_group", "group"})  # "the Foundation" is no armed group in a title
# the closing line of a host's answer that gives the floor ("Let us turn to the Turkish press.")
_GIVES_FLOOR = re.compile(r"\b(?:press|media|journalists?|colleagues|friends)\b", re.I)
_MAX_HOST_WORDS = 25
_FROM_STATE = re.compile(r"\bI(?: am|[’']m) from ")
_SENTENCE_END = re.compile(r"[.!?]")
_MAX_OUTLET_WORDS = 5
_MAX_INTRO_CHARS = 160  # a questioner introduces themselves in the question's first words  # the host's line before a question that names who asks ("our Chinese friends")
# "Question (retranslated):": the question was put in the guest's language, by the guest's press
_PRESS_OF = re.compile(
    r"\b([A-Z][a-z]+) (?:journalists|media|press|reporters|newspaper|news agency|television|magazine)\b"
)
# "President Vladimir Putin answered the questions of Radik Batyrshin, President and Editor-in-chief of ...":
# the lead names the one questioner of an interview (annotation.md §8: then the questions are that person's)
_QUESTIONER = re.compile(
    r"\b(?:answered (?:the )?questions (?:of|from)|interviewed by) ((?:[A-Z][\w’'-]+ ){1,2}[A-Z][\w’'-]+)([^.\n]*)"
)
_PARENTHESIS = re.compile(r"\([^()\n]*\)")
_INTERPRETED = re.compile(r"\((?:re)?translated\)", re.I)


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace("'", "['’]") for w in ordered)  # "People’s Daily"
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])", re.I)


def _phrase_key(found: str) -> str:
    return found.casefold().replace("’", "'")


_TITLE_SECTORS = cues.mapping("title_sectors")
_SECTOR_PATTERN = _phrases(list(_TITLE_SECTORS))
_OUTLETS = cues.mapping("media_outlets")
_OUTLET_PATTERN = _phrases(list(_OUTLETS))
_PRESS_TITLES = _phrases(list(cues.words("press_titles")))
_PRESS_WORDS = cues.words("press_turn_words")


@dataclass(slots=True)
class _Reading:
    """What one label says: the name span, a known person, and state and sector from the title."""

    name: tuple[int, int]
    person: Mention | None = None
    code: str | None = None
    sector: str | None = None
    state_office: bool = False  # the title has a state office word but no state: the host's


def title_reading(text: str, titles: Sequence[tuple[int, int]], mentions: Sequence[Mention]) -> _Reading:
    """State and sector from a label's titles (the reading's ``name`` is left empty). A title that says where
    the speaker is from ("Alexander Repin from the Nizhny Novgorod Region") gives no government sector: a
    resident of a region does not speak for its authorities."""
    reading = _Reading((0, 0))
    sectors: list[str] = []
    origins = [(s, e) for s, e in titles if text[s:e].lstrip().startswith("from ")]
    for start, end in titles:
        chunk = text[start:end]
        outlet = _OUTLET_PATTERN.search(chunk)
        if outlet and reading.code is None:
            reading.code = _OUTLETS[_phrase_key(outlet.group())]
            sectors.append("MED")
        found = [_TITLE_SECTORS[_phrase_key(m.group())] for m in _SECTOR_PATTERN.finditer(chunk)]
        sectors += [x for x in found if (start, end) not in origins or x not in _STATE_SECTORS]
    # A person the resolver put in the title ("President" filled with the host's president) is someone else.
    inside = [
        m
        for m in mentions
        if any(s <= m.start and m.end <= e for s, e in titles)
        and m.kind not in _NOT_TITLES
        and m.kind != "person"
        and (m.code or m.actor_id)
    ]
    for m in inside:
        if reading.code is None and (m.code or m.country):
            reading.code = m.code or m.country
        if m.sector and not (m.sector in _STATE_SECTORS and any(s <= m.start < e for s, e in origins)):
            sectors.append(m.sector)
    if sectors:
        reading.sector = min(sectors, key=lambda s: _SECTOR_ORDER.index(s) if s in _SECTOR_ORDER else 99)
    reading.state_office = reading.code is None and any(s in _STATE_SECTORS for s in sectors)
    return reading


_RESPELLINGS = (("yo", "e"), ("ye", "e"), ("ks", "x"), ("iy", "y"), ("ii", "i"))  # Dyomin/Demin, Aleksandrov


def _spelling_key(name: str) -> tuple[str, str]:
    """The first name's start and the surname without its transliteration variants."""
    words = _name_words(name)
    if len(words) < 2:
        return ("", name)
    surname = words[-1]
    for variant, plain in _RESPELLINGS:
        surname = surname.replace(variant, plain)
    return words[0][:3], surname


def _plain_case(name: str) -> str:
    """ "Kirill Kleymenov" for "Kirill KleYMENOV"."""
    return " ".join(w[:1].upper() + w[1:].lower() if w.isalpha() else w for w in name.split())


_INITIAL = re.compile(r"[A-Z]\.?")  # "D. Valeyev:": the given name cut to its initial
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _display(name: str) -> str:
    """A name as written, with words the site ran together split again ("VladimirPutin")."""
    return _CAMEL.sub(" ", name) if " " not in name.strip() else name


_LETTERS = str.maketrans(cues.mapping("ascii_letters"))  # "Guðni" is spelled "Gudni"


def _name_words(name: str) -> list[str]:
    """Case- and accent-free words of a name, for comparing "Niinistö" with "Niinisto"."""
    plain = unicodedata.normalize("NFKD", _display(name).translate(_LETTERS))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return [
        w.casefold()
        for w in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", plain)
        if w not in ("Mr", "Ms", "Mrs", "Dr")
    ]


class LabelReader:
    """Speakers for the labels of one article's turns (see the module docstring)."""

    def __init__(self, doc: Doc, article: Article, index: MentionIndex, turns: Sequence[Turn]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.article = article
        self.index = index
        self.turns = list(turns)
        seen: dict[tuple[int, int], Label] = {}
        for turn in self.turns:
            seen.setdefault((turn.label.start, turn.label.end), turn.label)
        self.labels = list(seen.values())
        self._guest: str | None = None
        self._host_code: str | None = None
        self._native: str | None = None
        self._domestic = False
        self._interpreted = False
        self._full: dict[str, set[str]] = {}
        self._spelling: dict[tuple[str, str], str] = {}

    def speakers(self) -> dict[tuple[int, int], Speaker | None]:
        transcript = len(self.labels) >= 2
        readings: dict[tuple[int, int], _Reading | None] = {}
        for label in self.labels:
            readings[(label.start, label.end)] = None if label.word else self._read(label, transcript)
        host = self._host(readings)
        self._guest = self._guest_state(readings, host)
        self._host_code = host if self._guest else None
        self._interpreted = any(
            lab.word in _PRESS_WORDS and _INTERPRETED.search(self.text, lab.start, lab.content)
            for lab in self.labels
        )
        # every speaker the knowledge base knows acts for one state: a domestic meeting, where the others
        # (a plant's director, a scientist, a mayor) are that state's people too
        self._domestic = (
            host is not None
            and self._guest is None
            and not _PRESS_TITLES.search(self.article.title or "")  # an interviewer may be anyone's
            and not any(
                r is not None and r.person is not None and r.person.code not in (None, host)
                for r in readings.values()
            )
        )
        self._native, marked = self._languages(readings)
        if marked is not None:
            self._guest = marked
        self._full = self._full_names(readings)
        self._spelling = self._spellings(readings)
        memory: dict[str, _Reading] = {}
        for reading in readings.values():
            if reading is not None and (reading.person is not None or reading.code or reading.sector):
                memory.setdefault(self._surname(reading.name), reading)
        out: dict[tuple[int, int], Speaker | None] = {}
        for label in self.labels:
            key = (label.start, label.end)
            if label.word:
                out[key] = self._word_speaker(label) if transcript else None
                continue
            reading = readings[key]
            out[key] = None if reading is None else self._speaker(label, reading, memory, host)
        answers = interviewee(
            self.doc,
            self.article.title or "",
            out.values(),
            lambda name: (_name_words(name) or [""])[-1],
            self._known_person,
        )
        for label in self.labels:
            if label.word == "interviewee":
                out[(label.start, label.end)] = answers
        return out

    # -- reading one label ---------------------------------------------------------------------------------
    def _read(self, label: Label, transcript: bool) -> _Reading | None:
        if label.name is None:
            return None
        span = self.doc.char_span(label.start, label.end, alignment_mode="expand")
        if span is None:
            return None
        parens = [(m.start(), m.end()) for m in _PARENTHESIS.finditer(self.text, label.start, label.content)]
        if label.shape != "tooltip" and any(
            t.tag_ in _FINITE and t.text.islower() and not any(s <= t.idx < e for s, e in parens)
            for t in span
        ):  # a verb makes it a sentence, but not one in "(retranslated)"
            return None
        name = self._name_span(label.name)
        if name is not None and self._interview and INITIALS.fullmatch(self.text[name[0] : name[1]]):
            name = spelled_initials(self.doc, self.text[name[0] : name[1]])  # "NG:" is "Natasha Gownaris"
        if name is None:
            return None
        person = self._known_person(name)
        if person is None:
            single = len(_name_words(self.text[name[0] : name[1]])) < 2
            named = any(
                e.label_ == "PERSON" and e.start_char < name[1] and e.end_char > name[0]
                for e in span_ents(span)
            )
            if (single and not (transcript and self._first_name(name))) or not (transcript or named):
                return None
        titles = self._titles(label, name)
        mentions = self.index.within(label.start, label.end)
        reading = title_reading(self.text, titles, mentions)
        if label.shape == "tooltip" and label.titles and label.titles[0][1] <= name[0]:
            # the title the transcript wrote is the office held that day; the site's tooltip after the name
            # is the person's current one ("Deputy Prime Minister ... General Director of Roscosmos")
            written = title_reading(self.text, [label.titles[0]], mentions)
            if written.sector is not None:
                reading = written
        reading.name, reading.person = name, person
        return reading

    @cached_property
    def _interview(self) -> bool:
        return any(label.word == "interviewer" for label in self.labels)

    def _titles(self, label: Label, name: tuple[int, int]) -> tuple[tuple[int, int], ...]:
        """The label's titles and the words cut from the front of its name, joined to the title they continue
        ("President of Interstate Television and Radio Company | Mir | Radik Batyrshin")."""
        titles = label.titles
        if label.name is None or name[0] <= label.name[0]:
            return titles
        cut = (label.name[0], name[0])
        for i, (start, end) in enumerate(titles):
            if end <= cut[0] and not self.text[end : cut[0]].strip():
                return (*titles[:i], (start, cut[1]), *titles[i + 1 :])
        return (*titles, cut)

    def _first_name(self, name: tuple[int, int]) -> bool:
        """A lone proper noun that names no place or body: Direct Line callers go by first name ("Alina:",
        "Dmitry, Moscow:")."""
        span = self.doc.char_span(name[0], name[1], alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].pos_ != "PROPN" or span[0].ent_type_ in _NOT_NAMES:
            return False
        return not any(m.kind in _NOT_PERSONS for m in self.index.covering(name[0], name[1]))

    def _name_span(self, name: tuple[int, int]) -> tuple[int, int] | None:
        """The name without a leading place ("Uzbekistan Shavkat Mirziyoyev"), three words only when the
        parser or the knowledge base sees a three-word person; None when a place or organisation is all of it."""
        words = [
            (m.start() + name[0], m.end() + name[0])
            for m in re.finditer(r"\S+", self.text[name[0] : name[1]])
        ]
        things = [m for m in self.index.within(name[0], name[1]) if m.kind in _NOT_PERSONS and m.actor_id]
        things += [m for m in self.index.covering(name[0], name[1]) if m.kind in _NOT_PERSONS and m.actor_id]
        if any(m.start <= name[0] and m.end >= name[1] for m in things):
            return None
        while len(words) > 2 and any(
            m.kind in _NOT_PERSONS and m.actor_id for m in self.index.covering(words[0][0], words[0][1])
        ):
            words = words[1:]  # "President of Austria | Alexander Van der Bellen"
        inner = [self.text[s:e] for s, e in words[1:-1]]
        joined = any(
            w.islower() or re.fullmatch(r"[A-Z]\.", w) for w in inner
        )  # "Van der Bellen", "Adnan Z. Amin"
        if len(words) > 2 and not joined:
            first = words[0][0]
            person_ent = any(
                e.label_ == "PERSON" and e.start_char <= first and e.end_char >= name[1]
                for e in ents_over(self.doc, first, name[1])
            )
            known = any(m.kind == "person" and m.start <= first for m in self.index.within(first, name[1]))
            if not (person_ent or known):
                words = words[-2:]
        return words[0][0], words[-1][1]

    def _known_person(self, name: tuple[int, int]) -> Mention | None:
        """A resolved person on the name with the same surname, and the same first name when both have one."""
        words = _name_words(self.text[name[0] : name[1]])
        for m in self.index.covering(name[0], name[0] + 1) + self.index.within(name[0], name[1]):
            if m.kind != "person" or not (m.code or m.actor_id) or m.end <= name[0] or m.start >= name[1]:
                continue
            known = _name_words(m.name or m.text)
            if not known or not words or known[-1] != words[-1]:
                continue
            if len(known) < 2 or len(words) < 2 or known[0][:3] in {w[:3] for w in words[:-1]}:
                return m  # the label's name may still hold a word of its title ("Austria Alexander ...")
        return None

    def _surname(self, name: tuple[int, int]) -> str:
        words = _name_words(self.text[name[0] : name[1]])
        return words[-1] if words else ""

    def _full_names(self, readings: dict[tuple[int, int], _Reading | None]) -> dict[str, set[str]]:
        """The labels' names with a whole first name ("Dinar Valeyev"), by surname."""
        out: dict[str, set[str]] = {}
        for r in readings.values():
            if r is None:
                continue
            name = _display(self.text[r.name[0] : r.name[1]])
            words = name.split()
            if len(words) >= 2 and not _INITIAL.fullmatch(words[0]):
                out.setdefault(self._surname(r.name), set()).add(name)
        return out

    def _spellings(self, readings: dict[tuple[int, int], _Reading | None]) -> dict[tuple[str, str], str]:
        """One spelling per person of the transcript's labels: the one of the label that introduces the person
        with a title ("Moderator ... Sergei Brilyov", later "Sergei Brilev"), else the most frequent, in plain
        capitals ("Kirill KleYMENOV" among "Kirill Kleymenov")."""
        counts: Counter[str] = Counter()
        titled: set[str] = set()
        for turn in self.turns:
            r = readings.get((turn.label.start, turn.label.end))
            if r is not None and not turn.continued:
                name = _display(self.text[r.name[0] : r.name[1]])
                counts[name] += 1
                if turn.label.titles or r.name[0] > turn.label.start:
                    titled.add(name)
        best: dict[tuple[str, str], str] = {}
        for name in sorted(counts, key=lambda n: (n not in titled, -counts[n], n != _plain_case(n))):
            best.setdefault(_spelling_key(name), name)
        return best

    def _spelled_out(self, name: str) -> str:
        """ "D. Valeyev" is the "Dinar Valeyev" another label of the transcript names (one such name only); a
        name spelt several ways takes the transcript's usual spelling."""
        words = name.split()
        if len(words) != 2 or not _INITIAL.fullmatch(words[0]):
            return self._spelling.get(_spelling_key(name), name)
        fuller = {n for n in self._full.get(_name_words(words[1])[-1], ()) if n[0] == words[0][0]}
        return fuller.pop() if len(fuller) == 1 else name

    def _host(self, readings: dict[tuple[int, int], _Reading | None]) -> str | None:
        codes: Counter[str] = Counter()
        for turn in self.turns:
            reading = readings.get((turn.label.start, turn.label.end))
            if reading is not None and reading.person is not None and reading.person.code:
                codes[reading.person.code] += 1
        return codes.most_common(1)[0][0] if codes else None

    def _languages(self, readings: dict[tuple[int, int], _Reading | None]) -> tuple[str | None, str | None]:
        """Where a transcript marks some speakers' words as interpreted ("President of Turkey (retranslated):"),
        the state of its unmarked known speakers (the language it was recorded in: Putin's words are never
        marked on kremlin.ru) and the one state of its marked ones; (None, None) where nothing is marked."""
        codes: Counter[str] = Counter()
        marked: set[str] = set()
        for label in self.labels:
            reading = readings.get((label.start, label.end))
            if reading is None or reading.person is None or not reading.person.code:
                continue
            codes[reading.person.code] += 1
            if _INTERPRETED.search(self.text, label.start, label.content):
                marked.add(reading.person.code)  # the mark is often on a speaker's first label only
        native = [code for code, _ in codes.most_common() if code not in marked]
        if not marked or not native:
            return None, None
        return native[0], (marked.pop() if len(marked) == 1 else None)

    def _guest_state(self, readings: dict[tuple[int, int], _Reading | None], host: str | None) -> str | None:
        """The one state other than the host's that known speakers act for (a visiting leader's)."""
        codes = {
            r.person.code
            for r in readings.values()
            if r is not None and r.person is not None and r.person.code and r.person.code != host
        }
        return codes.pop() if len(codes) == 1 else None

    # -- speakers -----------------------------------------------------------------------------------------
    def _speaker(
        self, label: Label, reading: _Reading, memory: dict[str, _Reading], host: str | None
    ) -> Speaker:
        person = reading.person
        if person is None:
            earlier = memory.get(self._surname(reading.name))
            if earlier is not None and earlier is not reading and not (reading.code or reading.sector):
                person = earlier.person
                reading = _Reading(reading.name, None, earlier.code, earlier.sector, earlier.state_office)
        label_name = self._spelled_out(_display(self.text[reading.name[0] : reading.name[1]]))
        if person is not None and person.code:
            words = (person.name or "").split()
            known = person.name if len(words) >= 2 and words[0].rstrip(".") not in HONORIFICS else None
            return Speaker(
                name=known or label_name,
                type="actor",
                code=person.code,
                sector=person.sector,
                start=label.start,
                end=label.end,
                actor_id=person.actor_id,
            )
        code = reading.code or (host if reading.state_office or self._domestic else None)
        return Speaker(
            name=label_name,
            type="actor",
            code=code,
            sector=reading.sector,
            start=label.start,
            end=label.end,
        )

    def _word_speaker(self, label: Label) -> Speaker:
        code = sector = None
        title = self.article.title or ""
        press = label.word in _PRESS_WORDS
        if press and _PRESS_TITLES.search(title):
            sector = "MED"
            outlets = {_OUTLETS[_phrase_key(found.group())] for found in _OUTLET_PATTERN.finditer(title)}
            if len(outlets) > 1:
                # "Interview to Rossiya Segodnya and IANS": a joint interview; which outlet asks is not said
                joint = self._from_state(label) or self._own_outlet(label)
                return Speaker(
                    name=None, type="unknown", code=joint, sector=sector, start=label.start, end=label.end
                )
            code = outlets.pop() if outlets else self._named_before(label)
            # "Vladimir Putin answered Russian journalists' questions", in the title or the lead paragraph
            nation = _PRESS_OF.search(title) or _PRESS_OF.search(self._lead)
            if code is None and nation:
                code = bundled_names().code_for(nation.group(1))
            if code is None:
                code = self._from_state(label) or self._own_outlet(label)
            if code is None and (self._interpreted or self._native):
                # where some turns are marked as interpreted, a marked question is the guest's press; an unmarked
                # one was asked in the transcript's own language, the language of its unmarked speakers
                marked = _INTERPRETED.search(self.text, label.start, label.content)
                code = self._guest if marked else self._native or self._host_code
        questioner = self._questioner if press else None
        if questioner is not None:
            return Speaker(
                name=questioner.name,
                type="actor",
                code=questioner.code or code,
                sector=questioner.sector or sector,
                start=label.start,
                end=label.end,
            )
        intro = self_introduction(self.text, label.content, self._is_outlet) if press else None
        if intro is not None and not self._organisation(intro.name):
            # "Question: Ksenia Sokolova, Snob magazine. ...": the questioner names themselves
            own = title_reading(self.text, [intro.about], self.index.within(*intro.about))
            return Speaker(
                name=self.text[intro.name[0] : intro.name[1]],
                type="actor",
                code=own.code or code,
                sector=sector or own.sector,  # at a news conference a journalist, whatever "agency" says
                start=intro.name[0],
                end=intro.name[1],
            )
        return Speaker(name=None, type="unknown", code=code, sector=sector, start=label.start, end=label.end)

    @cached_property
    def _questioner(self) -> Speaker | None:
        """The interviewer the lead paragraph names ("answered the questions of Radik Batyrshin, President and
        Editor-in-chief of the Mir Interstate Television and Radio Company"), with the state and sector of the
        title that follows the name; None for a crowd ("questions from Russian journalists")."""
        first = min((lab.start for lab in self.labels), default=0)
        offset = len(self.text[:first]) - len(self.text[:first].lstrip())
        found = _QUESTIONER.search(self._lead)
        if found is None:
            return None
        name = (offset + found.start(1), offset + found.end(1))
        if self._organisation(name):
            return None  # "answered questions from Rossiya Segodnya": an outlet, not a person
        about = (offset + found.start(2), offset + found.end(2))
        own = title_reading(self.text, [about], self.index.within(*about))
        return Speaker(name=found.group(1), type="actor", code=own.code, sector=own.sector or "MED")

    @cached_property
    def _lead(self) -> str:
        """The transcript's opening narrative: the text before its first label, up to the first paragraph break
        ("Vladimir Putin answered questions from Russian journalists upon completing his visit ...")."""
        first = min((lab.start for lab in self.labels), default=0)
        lead = self.text[:first].strip()
        return lead.split("\n", 1)[0]

    def _is_outlet(self, words: str) -> bool:
        """Words that name a news organisation ("RIA Novosti", "the Amur Pravda newspaper")."""
        if _OUTLET_PATTERN.search(words):
            return True
        return any(_TITLE_SECTORS[_phrase_key(m.group())] == "MED" for m in _SECTOR_PATTERN.finditer(words))

    def _organisation(self, span: tuple[int, int]) -> bool:
        """A place, company or body the resolver found on the words ("Regarding Gazprom, Mr President.")."""
        found = self.index.within(*span) + self.index.covering(*span)
        return any(m.kind in _NOT_PERSONS for m in found)

    def _from_state(self, label: Label) -> str | None:
        """The state a questioner says they come from at the start of the question ("I am from Iran.")."""
        found = _FROM_STATE.search(self.text, label.content, label.content + _MAX_INTRO_CHARS)
        if found is None:
            return None
        codes = {
            m.code
            for m in self.index.within(found.end(), found.end() + _MAX_INTRO_CHARS // 4)
            if m.kind == "state" and m.code and m.start - found.end() <= len("the ")
        }
        return codes.pop() if len(codes) == 1 else None

    def _own_outlet(self, label: Label) -> str | None:
        """The state of the outlet a questioner names as their first words ("Question: Interfax agency. ...")."""
        stop = _SENTENCE_END.search(self.text, label.content, label.content + _MAX_INTRO_CHARS)
        if stop is None or len(self.text[label.content : stop.start()].split()) > _MAX_OUTLET_WORDS:
            return None
        outlet = _OUTLET_PATTERN.search(self.text, label.content, stop.start())
        return _OUTLETS[_phrase_key(outlet.group())] if outlet else None

    def _named_before(self, label: Label) -> str | None:
        """The one state named by the host's turn just before the question when that turn is one short line
        ("Let us start with our Chinese friends.")."""
        before = [t for t in self.turns if t.end <= label.start and t.label is not label]
        if not before:
            return None
        last = before[-1]
        line = self.text[last.start : last.end]
        if len(line.split()) > _MAX_HOST_WORDS or (last.continued and not _GIVES_FLOOR.search(line)):
            return None  # the end of a long answer that names a state is not the host giving the floor
        codes = {m.code for m in self.index.within(last.start, last.end) if m.kind == "state" and m.code}
        return codes.pop() if len(codes) == 1 else None
