"""Transcript turns on the raw text: speaker labels in every shape kremlin.ru uses, and the paragraphs each
label's speaker goes on speaking in.

A label opens its paragraph and ends at a colon: a name ("Vladimir Putin:"), a title before the name
("CEO of the Russian Direct Investment Fund Kirill Dmitriev:"), a name and a title after a comma ("Sergey
Vodnev, testing department control foreman:"), the site's tooltip form (the name, then surname and given
names again and the office run together: "Prime Minister Dmitry Medvedev Medvedev DmitryDeputy Chairman of
the Security Council :"), or a turn word ("Question:", "Remark:", "Question from Izhevsk:", "Moderator:"); in Wikinews interviews,
a name in double parentheses with no colon ("((Akram Pasha)) No, never ...", "((WN))" for the interviewer).
A trailing parenthesis ("(retranslated)") is not part of the label's words. Here a label is only a shape with
the span of its name and titles; :mod:`realpolitik.statements.labels` decides with the parse and the resolved
mentions whether it names a speaker, and who.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from realpolitik.ontology import cues
from realpolitik.statements.quotes import Paragraph, dash_lead, signature, split_paragraphs

LabelShape = Literal["word", "tooltip", "name-title", "title-name", "name"]
Span = tuple[int, int]

TURN_WORDS = cues.words("turn_words")
_GLUED_CREDIT = re.compile(r"[a-z](?:Image|Photo|Picture|Credit)s?$")
_NOT_SPEAKERS = cues.words("not_speaker_labels")
_NOT_OPENERS = cues.words("not_label_openers")
_CONNECTORS = cues.words("label_connectors")
_PARTICLES = cues.words("name_particles")
_TITLE_WORDS = cues.words("title_words")
_WORD_LINKS = frozenset({"from", "by", "to"})  # "Question from Izhevsk", not "Moderator of the session"

_MAX_LABEL = 320  # characters before the colon
_MAX_WORDS = 32
_MAX_LOWER = 4  # lower-case title words ("United Russia faction leader and Deputy Speaker ...")
_MAX_TAIL_WORDS = 25  # the title after "Name, "
_MAX_NAME_WORDS = 3
_CAP_WORD = r"[A-Z][\w'’\-]*"
# The site's tooltip repeats the name, surname first ("Dmitry Medvedev Medvedev Dmitry"), or as it was when
# the surname already comes first ("Xi Jinping Xi Jinping").
_TOOLTIP = re.compile(
    rf"(?P<given>{_CAP_WORD}(?: {_CAP_WORD}){{0,2}}) (?P<sur>{_CAP_WORD}) "
    r"(?:(?P=sur) (?P=given)|(?P=given) (?P=sur))"
)
# ... with the given name spelled another way the second time ("Sergey Chemezov Chemezov Sergei")
_TOOLTIP_RESPELT = re.compile(rf"(?P<given>{_CAP_WORD}) (?P<sur>{_CAP_WORD}) (?P=sur) (?P<again>{_CAP_WORD})")
_DOUBLE_PAREN = re.compile(r"\(\((?P<inner>[^()\n]{2,60})\)\)")
_MAX_ACRONYM = 5
_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
_ALLOWED_DOT = re.compile(r"(?<![\w.])(?:[A-Z]|Mr|Ms|Mrs|Dr|St|Jr|Sr|Co|Inc)\.")
_FORBIDDEN = frozenset('?!;"“”«»„[]{}|/=<>…')
_JOINED_PARTICLE = re.compile(r"[a-z]{1,3}['’-][A-Z]")
_MAX_STAGE_WORDS = 4  # "Question: without microphone.": a stage direction after a turn word, in small letters
_SAID_END = re.compile(r"[.!?…:;,\"'”’»)\]>–—-]\s*$")
_TOKEN = re.compile(r"\([^()]*\)|[^\s,]+|,")
_SAYING = (
    r"(?=\s+[A-Z\"“‘'(\[])"  # what follows an answer's name or initials: a capital, a quotation, a bracket
)
_QUOTE_OPENERS = "\"“‘'([«"
_INITIALS = re.compile(rf"[A-Z]{{2,3}}{_SAYING}")
_NAME_PREFIX = re.compile(rf"{_CAP_WORD}(?: {_CAP_WORD}){{1,2}}{_SAYING}")


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label: its span (without the colon), where what is said starts, its shape, the span of the
    name in it (None for a turn word), the spans of its titles, and the turn word it is (if it is one)."""

    start: int
    end: int
    content: int
    shape: LabelShape
    name: Span | None = None
    titles: tuple[Span, ...] = ()
    word: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """One paragraph of a transcript: its label, and the content span (the whole paragraph when continued)."""

    paragraph: int
    label: Label
    start: int
    end: int
    continued: bool = False  # a paragraph without a label that continues the previous speaker's turn

    @property
    def label_start(self) -> int:
        return self.label.start

    @property
    def label_end(self) -> int:
        return self.label.end


def _capitalised(word: str) -> bool:
    """A capital first letter, or a particle joined to a capitalised name ("al-Ketbi", "el-Sisi")."""
    first = next((c for c in word if c.isalpha()), "")
    return first.isupper() or _JOINED_PARTICLE.match(word) is not None


def _bare(word: str) -> str:
    return word.strip("(),'’").casefold()


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " ,":
        start += 1
    while end > start and text[end - 1] in " ,":
        end -= 1
    return start, end


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]


def _name_run(tokens: list[tuple[str, int, int]]) -> int:
    """How many tokens at the end form a name: capitalised words that are not title words, with particles
    inside ("Dmitry de Koshko"), at most three words."""
    n = 0
    words = 0
    i = len(tokens) - 1
    while i >= 0 and words < _MAX_NAME_WORDS:
        word = tokens[i][0]
        low = _bare(word)
        if word.startswith("(") or word == "," or low in _TITLE_WORDS or low in _CONNECTORS:
            if low in _PARTICLES and words and i > 0 and _capitalised(tokens[i - 1][0]):
                n += 1
                i -= 1
                continue
            break
        if not _capitalised(word):
            break
        n += 1
        words += 1
        i -= 1
    while n and _bare(tokens[len(tokens) - n][0]) in _PARTICLES:
        n -= 1
    return n


def _title_name(tokens: list[tuple[str, int, int]]) -> tuple[Span | None, Span] | None:
    """(title span, name span) when the words are a title followed by a name, or a bare name."""
    if not tokens or not _capitalised(tokens[-1][0]) or tokens[-1][0].startswith("("):
        return None
    lower = sum(
        1
        for w, _, _ in tokens
        if w != "," and not w.startswith("(") and not _capitalised(w) and _bare(w) not in _CONNECTORS
    )
    if lower > _MAX_LOWER:
        return None
    n = _name_run(tokens)
    if n == 0:
        return None
    name = (tokens[-n][1], tokens[-1][2])
    if n == len(tokens):
        return None, name
    return (tokens[0][1], tokens[-n - 1][2]), name


def _of_title(text: str, name: Span) -> bool:
    """Capitalised words right after a connector are the title's object, not a name ("Minister of Digital
    Development, Communications and Mass Media Maksut Shadayev")."""
    before = text[: name[0]].split()
    return bool(before) and _bare(before[-1]) in _CONNECTORS


def _is_name(tokens: list[tuple[str, int, int]]) -> bool:
    return 2 <= len(tokens) <= _MAX_NAME_WORDS + 1 and _name_run(tokens) == len(tokens)


def _double_parenthesis(text: str, para: Paragraph) -> Label | None:
    """Wikinews interviews: "((Akram Pasha)) No, never ..." and "((WN)) Has this ...?" (the interviewer)."""
    match = _DOUBLE_PAREN.match(text, para.start, para.end)
    if match is None:
        return None
    content = match.end()
    while content < para.end and text[content].isspace():
        content += 1
    inner = match.group("inner").strip()
    if (inner.isupper() and len(inner) <= _MAX_ACRONYM) or inner.casefold() == "wikinews":
        return Label(para.start, match.end(), content, "word", word="interviewer")
    start, end = _strip(text, match.start("inner"), match.end("inner"))
    return Label(para.start, match.end(), content, "name", (start, end))


def _respelt_tooltip(core: str) -> re.Match[str] | None:
    tip = _TOOLTIP_RESPELT.search(core)
    if tip and tip.group("again")[:4].casefold() == tip.group("given")[:4].casefold():
        return tip
    return None


def parse_label(text: str, para: Paragraph) -> Label | None:
    """The speaker label opening a paragraph, if its first line has one (see the module docstring)."""
    bracketed = _double_parenthesis(text, para)
    if bracketed is not None:
        return bracketed
    line_end = text.find("\n", para.start, para.end)
    line_end = para.end if line_end < 0 else line_end
    colon = text.find(":", para.start, min(line_end, para.start + _MAX_LABEL))
    if colon <= para.start or (colon + 1 < len(text) and text[colon + 1].isdigit()):
        return None  # no label, or a time such as 12:30
    end = colon
    while end > para.start and text[end - 1].isspace():
        end -= 1
    content = colon + 1
    while content < para.end and text[content].isspace():
        content += 1
    core_end = end
    paren = _PAREN_TAIL.search(text, para.start, core_end)
    if paren and paren.start() > para.start:
        core_end = paren.start()
    core = text[para.start : core_end]
    if any(c in _FORBIDDEN for c in core) or "." in _ALLOWED_DOT.sub("", core):
        return None
    tokens = _tokens(text, para.start, core_end)
    words = [t for t in tokens if t[0] != ","]
    if not words or (len(words) > _MAX_WORDS and not _TOOLTIP.search(core)):
        return None  # the site's tooltip repeats a long office ("..., Communist Party State Duma faction leader")
    first = _bare(words[0][0])
    low = " ".join(_bare(w) for w, _, _ in words)
    if low in TURN_WORDS or (first in TURN_WORDS and len(words) > 1 and _bare(words[1][0]) in _WORD_LINKS):
        return Label(para.start, end, content, "word", word=low if low in TURN_WORDS else first)
    last = _bare(words[-1][0])
    if _GLUED_CREDIT.search(words[-1][0]):
        return None  # a caption's name glued to its credit: "Jo JorgensenImage: Jo Jorgensen for President."
    if low in _NOT_SPEAKERS or first in _NOT_SPEAKERS or last in _NOT_SPEAKERS or first in _NOT_OPENERS:
        return None  # also a caption's credit: "Dakota, a deer. Image: Nicholas Moreau."
    tip = _TOOLTIP.search(core) or _respelt_tooltip(core)
    if tip:
        name = (para.start + tip.start("given"), para.start + tip.end("sur"))
        titles = tuple(
            _strip(text, s, e) for s, e in ((para.start, name[0]), (para.start + tip.end(), core_end))
        )
        titles = tuple((s, e) for s, e in titles if e > s)
        return Label(para.start, end, content, "tooltip", name, titles)
    if "," in core:
        comma = next(i for i, t in enumerate(tokens) if t[0] == ",")
        head, tail = tokens[:comma], [t for t in tokens[comma + 1 :] if t[0] != ","]
        if head and tail and len(tail) <= _MAX_TAIL_WORDS:
            tail_span = (tail[0][1], tail[-1][2])
            if _is_name(head):
                return Label(para.start, end, content, "name-title", (head[0][1], head[-1][2]), (tail_span,))
            found = _title_name(head)
            if found is not None and found[0] is not None and not _of_title(text, found[1]):
                name_words = len(text[found[1][0] : found[1][1]].split())
                if name_words >= 2:  # "CNBC TV anchor Geoff Cutmore, moderator of the plenary session"
                    return Label(para.start, end, content, "title-name", found[1], (found[0], tail_span))
    found = _title_name(tokens)
    if found is None:
        return _name_from(text, para, end, content, tokens)
    title, name = found
    if title is None:
        return Label(para.start, end, content, "name", name)
    return Label(para.start, end, content, "title-name", name, (title,))


def _name_from(
    text: str, para: Paragraph, end: int, content: int, tokens: list[tuple[str, int, int]]
) -> Label | None:
    """ "Alexander Repin from the Nizhny Novgorod Region": a name and where the speaker is from."""
    words = [t for t in tokens if t[0] != ","]
    at = next((i for i, t in enumerate(words) if t[0] == "from"), None)
    if at is None or not _is_name(words[:at]) or len(words) - at > _MAX_TAIL_WORDS:
        return None
    name = (words[0][1], words[at - 1][2])
    return Label(para.start, end, content, "name-title", name, ((words[at][1], words[-1][2]),))


def find_labels(text: str, paragraphs: list[Paragraph]) -> dict[int, Label]:
    """The label of every paragraph that opens with one, by paragraph index. What follows a label is said; a
    colon before capitalised words or numbers with no closing mark is a title, caption or legend ("Lydia Scott
    as a ranger from Fallout: New Vegas", "Sabine Wren from Star Wars: Rebels", "Reindeer: 276"); a label
    alone on its line opens a turn that goes on in the next paragraph. In an interview, the paragraph after
    the interviewer's question is the answer (:func:`answer_label`)."""
    labels = {
        p.index: label
        for p in paragraphs
        if (label := parse_label(text, p)) is not None and _said_after(text, label, p)
    }
    if len(labels) >= 2:
        labels.update(_unmarked_labels(text, paragraphs, labels))
    if any(label.word == "interviewer" for label in labels.values()):
        for para in paragraphs:
            asked = labels.get(para.index - 1)
            if (
                para.index not in labels
                and asked is not None
                and asked.word == "interviewer"
                and not signature(text, para)
                and (answer := answer_label(text, para)) is not None
            ):
                labels[para.index] = answer
    return labels


def _unmarked_labels(text: str, paragraphs: list[Paragraph], labels: dict[int, Label]) -> dict[int, Label]:
    """Labels the site left without their colon ("Megyn Kelly I do.", "Yekaterina Rogova Yes. Even if ..."):
    a paragraph of a transcript that opens with the full name (two words or more) of a speaker labelled in it,
    then a capital or a quotation mark."""
    names = {
        text[label.name[0] : label.name[1]]
        for label in labels.values()
        if label.name is not None and len(text[label.name[0] : label.name[1]].split()) >= 2
    }
    if not names:
        return {}
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    opener = re.compile(
        rf"(?:{alternatives})(?=\s+[A-Z\"“‘'])"
    )  # not a bracket: "Name [editor of X], please."

    out: dict[int, Label] = {}
    for para in paragraphs:
        if para.index in labels or (named := opener.match(text, para.start, para.end)) is None:
            continue
        content = named.end()
        while content < para.end and text[content].isspace():
            content += 1
        out[para.index] = Label(para.start, named.end(), content, "name", (para.start, named.end()))
    return out


def answer_label(text: str, para: Paragraph) -> Label | None:
    """The answer after an interviewer's question ("((WN)) Why ...?"): the interviewee's words, after their
    name or initials when the paragraph opens with them and no colon ("Michael Siegel I am a professor ...",
    "MS Although we used ..."; the name must be one the article wrote before), else a turn word the reader
    settles with the one person the interview is with."""
    opening = text[para.start : para.end].lstrip()[:1]
    if not (opening.isalnum() or opening in _QUOTE_OPENERS):
        return None  # a table's legend ("██ On ballot"), not an answer
    before = text[: para.start]
    end: int | None = None
    initials = _INITIALS.match(text, para.start, para.end)
    spelled = r"[\w'’\-]+ ".join(initials.group()) if initials is not None else ""
    if initials is not None and re.search(rf"\b{spelled}[\w'’\-]+\b", before):
        end = initials.end()
    elif (named := _NAME_PREFIX.match(text, para.start, para.end)) is not None:
        words = named.group().split()
        while words and not re.search(rf"\b{re.escape(' '.join(words))}\b", before):
            words.pop()
        end = para.start + len(" ".join(words)) if len(words) >= 2 else None
    if end is None:
        return Label(para.start, para.start, para.start, "word", word="interviewee")
    content = end
    while content < para.end and text[content].isspace():
        content += 1
    return Label(para.start, end, content, "name", (para.start, end))


def _said_after(text: str, label: Label, para: Paragraph) -> bool:
    if ":" not in text[label.end : label.content] or not text[label.content : para.end].strip():
        return True  # an interview's "((Name))" turn; a label alone on its line
    said = text[label.content : para.end].split()
    if label.word and said[0][:1].islower() and len(said) > _MAX_STAGE_WORDS:
        return (
            False  # "Question: at what expense? Where do we get these funds? ...": a speaker asking himself
        )
    if _SAID_END.search(text, label.content, para.end):
        return True
    # a typo leaves off a speaker's full stop ("We were having money problems"); a title has no small word
    return any(word[:1].islower() for word in text[label.content : para.end].split())


def find_turns(
    text: str, paragraphs: list[Paragraph] | None = None, labels: dict[int, Label] | None = None
) -> list[Turn]:
    """Labelled paragraphs and the unlabelled paragraphs that continue them (only in a real transcript, that
    is, with at least two labels; a dash-led paragraph is not a continuation). ``labels`` (by paragraph index)
    are the ones to use, all that :func:`parse_label` finds if None."""
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(text)
    labels = find_labels(text, paragraphs) if labels is None else labels
    if not labels:
        return []
    transcript = len(labels) >= 2
    out: list[Turn] = []
    current: Label | None = None
    for para in paragraphs:
        label = labels.get(para.index)
        if label is not None:
            out.append(Turn(para.index, label, label.content, para.end))
            current = label
        elif transcript and current is not None and dash_lead(text, para) is None:
            out.append(Turn(para.index, current, para.start, para.end, continued=True))
    return out


def speech_turns(text: str, paragraphs: list[Paragraph], label: Label, surname: str) -> list[Turn]:
    """The paragraphs of a speech after its one label ("President of Russia Vladimir Putin:" and then the whole
    Address): the speaker's, up to a paragraph that names him (the narrative again: "Vladimir Putin then
    presented ...") or a break ("* * *"); a dash-led paragraph is not a continuation."""
    out: list[Turn] = []
    started = False
    for para in paragraphs:
        if not started:
            started = para.start <= label.start < para.end
            continue
        words = text[para.start : para.end]
        if surname in words or not any(c.isalnum() for c in words) or dash_lead(text, para) is not None:
            break
        out.append(Turn(para.index, label, para.start, para.end, continued=True))
    return out


def is_turn_word(label: str) -> bool:
    return label.casefold() in TURN_WORDS
