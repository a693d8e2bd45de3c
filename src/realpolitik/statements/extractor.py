"""Statements: who said what, about whom, and how, from one parsed article.

Passes, in order, each claiming the text it explains so later passes do not re-read it: transcript turns
("Vladimir Putin: ..."), dash-led paragraphs after an introduction (each a different anonymous speaker) and
block quotes with a credit line below (:mod:`realpolitik.statements.dashes`),
direct quotes in every quotation convention (attributed through a cue verb in or next to their sentence,
or carried on from the same speaker's previous quote), colon-introduced statements ("He said: ..."),
"according to X", and reported speech ("X said/believes/warned that ..."), which is also found inside
other statements when its subject is a third party (an expert relaying what a president said). A quote
with no attribution gets an ``unknown`` speaker: the nearest name is never forced onto it. Stance toward
each actor a statement mentions comes from :mod:`realpolitik.statements.stance`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import get_args

from spacy.tokens import Doc, Span, Token

from realpolitik.annotate import sentence_of
from realpolitik.annotate.datelines import after_dateline
from realpolitik.model import Article, Mention, Speaker, SpeakerType, Statement, StatementForm, stable_id
from realpolitik.ontology.lexicon import Lexicon
from realpolitik.statements.antecedents import figure_of_speech
from realpolitik.statements.attribution import (
    CLOSING_STOPS,
    MIN_QUOTE_WORDS,
    QUOTE_INTRO_CUES,
    QUOTE_ONLY_CUES,
    goes_on,
    quoted_object,
    runs_into,
    split_first,
)
from realpolitik.statements.clauses import (
    clause_after,
    clause_span,
    complement,
    inverted_cue,
    nested_in_cue,
    parenthetical_cue,
    speaks_itself,
    tells_nothing,
    they_of,
)
from realpolitik.statements.dashes import dash_drafts
from realpolitik.statements.drafts import (
    ArticleContext,
    Draft,
    according_to,
    drop_nested_duplicates,
    home_officials,
    in_caption,
    inside,
    is_not_statement,
    pronoun_of,
    resolve_pronouns,
    settle,
    spelled_out,
    trim,
)
from realpolitik.statements.labels import LabelReader
from realpolitik.statements.quotes import (
    Quote,
    find_quotes,
)
from realpolitik.statements.speakers import (
    REPORT_LEMMAS,
    STATEMENT_NOUNS,
    group_before,
    is_cue,
    issued_with_its_words,
    speaker_from_head,
    subject_of,
)
from realpolitik.statements.stance import stances_for
from realpolitik.statements.turns import find_labels, find_turns, speech_turns

VERSION = "statements-1"
SPEAKER_TYPES = frozenset(get_args(SpeakerType))
_ALNUM_PAIR = re.compile(r"[^\W_].*?[^\W_]", re.DOTALL)  # two letters or digits (str.isalnum), anywhere
_MIN_QUOTE_WORDS = MIN_QUOTE_WORDS
_COMPLEMENT_DEPS = ("ccomp", "parataxis", "xcomp", "dobj", "advcl", "conj")


# --------------------------------------------------------------------------- transcript turns

_HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly"})
_BELIEFS = frozenset({"believe", "think", "suspect", "fear"})


def _turn_drafts(ctx: ArticleContext) -> list[Draft]:
    """Transcript turns: labels are read first (a label that names nobody is plain text), then every paragraph
    up to the next accepted label is its speaker's."""
    labels = find_labels(ctx.text, ctx.paragraphs)
    if not labels:
        return []
    speakers = LabelReader(
        ctx.doc, ctx.article, ctx.index, find_turns(ctx.text, ctx.paragraphs, labels)
    ).speakers()
    accepted = {i: label for i, label in labels.items() if speakers.get((label.start, label.end)) is not None}
    if len(accepted) < len(labels):
        turns = find_turns(ctx.text, ctx.paragraphs, accepted) if len(accepted) >= 2 else []
        if len(accepted) == 1:  # a single label: its own paragraph only
            turns = [t for t in find_turns(ctx.text, ctx.paragraphs, accepted) if not t.continued]
    else:
        turns = find_turns(ctx.text, ctx.paragraphs, labels)
    if len(accepted) == 1 and len(turns) == 1:
        # one label for a known person: a speech, the speaker's to its end
        (label,) = accepted.values()
        speaker = speakers[(label.start, label.end)]
        if speaker is not None and speaker.actor_id and speaker.name:
            turns += speech_turns(ctx.text, ctx.paragraphs, label, speaker.name.split()[-1])
    out: list[Draft] = []
    for turn in turns:
        speaker = speakers[(turn.label.start, turn.label.end)]
        assert speaker is not None
        if turn.label.word == "interviewer":
            continue  # "((WN)) Why did you join ...?": the outlet's own questions, no third party's statement
        start, end = trim(ctx.text, turn.start, turn.end)
        # not an elision mark such as "<…>"; a bare number is an answer ("Sergei Ludin: 36.")
        if _ALNUM_PAIR.search(ctx.text, start, end):
            out.append(
                Draft(start, end, speaker, "direct", (turn.label.start, turn.label.end), labelled=True)
            )
    return out


# --------------------------------------------------------------------------- direct quotes


def _linked(cue: Token, quote: Quote) -> bool:
    """The cue's clause holds the quote: a complement inside it, or the cue hangs off a verb inside it."""
    for child in cue.children:
        if child.dep_ in _COMPLEMENT_DEPS and quote.outer_start <= child.idx < quote.outer_end:
            return True
    head = cue.head
    return (
        head.i != cue.i and quote.outer_start <= head.idx < quote.outer_end and cue.dep_ in _COMPLEMENT_DEPS
    )


def _attribution(ctx: ArticleContext, quote: Quote, quoted: bytearray) -> tuple[Token, Token] | None:
    """The (cue, subject) that attributes a quote, looking in its sentences and the one right after it."""
    sents = ctx.sentences_over(quote.outer_start, quote.outer_end)
    if not sents:
        return None
    frame = list(sents)
    last = ctx.sentence_index(sents[-1])
    if last + 1 < len(ctx.sents):
        nxt = ctx.sents[last + 1]
        para = ctx.paragraph_at(quote.outer_start)
        gap = ctx.text[quote.outer_end : nxt.start_char]
        if para is not None and nxt.start_char < para.end and not gap.strip(" .,!?\n") and len(nxt) <= 14:
            frame.append(nxt)
    first = ctx.sentence_index(sents[0])
    before = ctx.sents[first - 1].text.rstrip() if first > 0 else ""
    if before.endswith(":") or (
        before[-1:].isalnum()
        and ctx.paragraph_at(quote.outer_start) is ctx.paragraph_at(ctx.sents[first - 1].start_char)
    ):
        # also "he told radio host John Smith “if you ...”" split before the quote: the cue's sentence runs into it
        frame.insert(0, ctx.sents[first - 1])
    best: tuple[int, Token, Token] | None = None
    for sent in frame:
        for tok in sent:
            only_closing = tok.lemma_.lower() in QUOTE_ONLY_CUES and tok.pos_ == "VERB"
            only_intro = tok.lemma_.lower() in QUOTE_INTRO_CUES and tok.pos_ == "VERB"
            if quoted[tok.idx] or not (
                is_cue(tok) or only_closing or only_intro or quoted_object(tok, quote)
            ):
                continue
            subj = subject_of(tok)
            if subj is None or quoted[subj.idx]:
                subj = _inverted_subject(ctx, tok, quote)
            if subj is None or quoted[subj.idx] or subj.lower_ in ("i", "we", "you"):
                continue
            separate = sent.start_char >= quote.outer_end
            closing = _closing(ctx, tok, subj, quote, quoted) or split_first(ctx, tok, subj, quote, quoted)
            introduced = _colon_before(ctx, tok, quote) or runs_into(ctx, tok, quote)
            if only_closing and not is_cue(tok) and not ((closing or introduced) and goes_on(ctx, tok)):
                continue
            if only_intro and not is_cue(tok) and not (introduced and tok.idx < quote.outer_start):
                continue
            if not (_linked(tok, quote) or separate or closing or introduced):
                continue
            distance = min(abs(tok.idx - quote.outer_end), abs(quote.outer_start - tok.idx))
            if best is None or distance < best[0]:
                best = (distance, tok, subj)
    if best is None:
        return None
    return best[1], best[2]


def _inverted_subject(ctx: ArticleContext, cue: Token, quote: Quote) -> Token | None:
    """ "“...”, read the warning.": the speaker after a cue that follows the quote, parsed as its object."""
    if cue.idx < quote.outer_end or ctx.text[quote.outer_end : cue.idx].strip(" ,"):
        return None
    return next((c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "attr", "npadvmod")), None)


def _closing(ctx: ArticleContext, cue: Token, subj: Token, quote: Quote, quoted: bytearray) -> bool:
    """ "“...”, Caloundra coach Geoff Ingram said.", "“...,” wrote Chief Justice John Roberts, “...”": the
    attribution right after the quote, which the parser did not hang the quote on (it made "coach" a verb, the
    quote's first words the cue's adverbial). The quote opens its sentence, a comma closes the quote, only a name lies between it and the cue
    (no pronoun, whose antecedent is another matter; no "while", "however"), and the cue reports no clause of
    its own ("..., however Bonham noted the swing was ...")."""
    if subj.idx < quote.outer_end or cue.idx < quote.outer_end or subj.pos_ == "PRON":
        return False
    if not _starts_sentence(ctx, quote):
        return False  # 'an organisation responsible for many "community initiatives", the candidate said'

    gap = ctx.text[quote.outer_end : cue.idx]
    inside = ctx.text[quote.outer_start : quote.outer_end].rstrip(" \"'”’»")
    if len(gap) > 60 or not (inside.endswith(",") or gap.lstrip().startswith(",")):
        return False
    if any(c in CLOSING_STOPS for c in gap.lstrip(" ,")):
        return False
    between = ctx.tokens(quote.outer_end, cue.idx)
    if between is not None and any(t.pos_ in ("SCONJ", "CCONJ", "ADV") for t in between):
        return False
    comp = complement(cue)  # the rest of a split quote ("..., wrote X, “...”") is no clause of its own
    return comp is None or comp.i < cue.i or bool(quoted[comp.idx])


def _colon_before(ctx: ArticleContext, cue: Token, quote: Quote) -> bool:
    between = ctx.text[cue.idx + len(cue) : quote.outer_start]
    return cue.idx < quote.outer_start and between.rstrip().endswith((":", ",")) and len(between) < 80


def _starts_sentence(ctx: ArticleContext, quote: Quote) -> bool:
    sents = ctx.sentences_over(quote.outer_start, quote.outer_start + 1)
    if not sents:
        return True
    lead = ctx.text[sents[0].start_char : quote.outer_start]
    para = ctx.paragraph_at(quote.outer_start)
    # a quote opening its sentence, its paragraph, or handed over by a colon ("He said: “...”")
    return (
        not lead.strip(" -—–")
        or lead.rstrip().endswith(":")
        or (para is not None and para.start == quote.outer_start)
    )


def _embedded(ctx: ArticleContext, quote: Quote) -> bool:
    """A quote inside a reported clause ("said the victims were \"joyful girls\""): part of a mixed statement."""
    for sent in ctx.sentences_over(quote.outer_start, quote.outer_end):
        for tok in sent:
            if tok.idx >= quote.outer_start or not is_cue(tok):
                continue
            comp = complement(tok)
            if comp is None or quote.outer_start <= comp.idx < quote.outer_end:
                continue
            if comp.left_edge.idx <= quote.outer_start and comp.right_edge.idx >= quote.outer_end - 1:
                return True
    return False


def _colon_speaker(ctx: ArticleContext, quote: Quote) -> tuple[Token, Token] | None:
    """``X addressed the public: "..."``: the subject of the clause a colon hands over to the quote."""
    lead = ctx.text[max(0, quote.outer_start - 3) : quote.outer_start]
    if ":" not in lead:
        return None
    colon = ctx.tokens(quote.outer_start - 3, quote.outer_start)
    if colon is None:
        return None
    verb = colon.sent.root
    if verb.idx >= quote.outer_start or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(verb)
    return (verb, subj) if subj is not None else None


def _quote_drafts(ctx: ArticleContext, claimed: list[tuple[int, int]]) -> list[Draft]:
    """Direct quotes. Unattributed ones are ``pending``, settled by :func:`_settle`."""
    quotes = [q for q in find_quotes(ctx.text, ctx.paragraphs) if not inside(q.outer_start, claimed)]
    outer = [(q.outer_start, q.outer_end) for q in quotes]
    quoted = _covered(len(ctx.text), outer)
    out: list[Draft] = []
    for quote in quotes:
        start, end = trim(ctx.text, quote.start, quote.end)
        if end <= start:
            continue
        words = quote.words(ctx.text)
        standalone = _starts_sentence(ctx, quote)
        if not standalone and _embedded(ctx, quote):
            continue
        found = _attribution(ctx, quote, quoted)
        if found is None:
            found = _colon_speaker(ctx, quote)
        if found is not None:
            cue, subj = found
            if words < _MIN_QUOTE_WORDS and not standalone and not _linked(cue, quote):
                continue
            prev = ctx.person_before(subj.idx)
            speaker = speaker_from_head(
                subj, ctx.index, exclude=(quote.outer_start, quote.outer_end), previous_person=prev
            )
            if speaker is None:
                continue
            out.append(
                Draft(
                    start,
                    end,
                    speaker,
                    "direct",
                    (cue.idx, cue.idx + len(cue)),
                    cue.i,
                    pronoun=pronoun_of(subj),
                )
            )
            continue
        if words < _MIN_QUOTE_WORDS or not standalone:
            continue
        source = according_to(ctx, ctx.sentences_over(quote.outer_start, quote.outer_end), outer)
        if source is None:
            out.append(Draft(start, end, Speaker(name=None, type="unknown"), "direct", pending=True))
            continue
        speaker = speaker_from_head(source, ctx.index)
        if speaker is not None:  # "according to the filing": a document, not a speaker
            out.append(Draft(start, end, speaker, "direct", (source.idx, source.idx + len(source))))
    return out


# --------------------------------------------------------------------------- colon, according to, reported


def _colon_drafts(ctx: ArticleContext, claimed: list[tuple[int, int]]) -> list[Draft]:
    out = []
    pos = ctx.text.find(":")
    while pos >= 0:  # the colons, found in the text rather than by walking every token
        found = ctx.doc.char_span(pos, pos + 1)
        pos = ctx.text.find(":", pos + 1)
        if found is None or found[0].text != ":" or inside(found[0].idx, claimed):
            continue
        tok = found[0]
        sent = sentence_of(tok)
        # the nearest cue before the colon, at most six words before it ("Lavrov told reporters:")
        near = range(tok.i - 1, max(sent.start, tok.i - 6) - 1, -1)
        cue = next((ctx.doc[i] for i in near if is_cue(ctx.doc[i])), None)
        if cue is None:
            continue
        subj = subject_of(cue)
        if subj is None or subj.lower_ in ("i", "we", "you"):
            continue
        para = ctx.paragraph_at(tok.idx)
        if para is None:
            continue
        start, end = trim(ctx.text, tok.idx + 1, para.end)
        if end - start < 15 or ctx.text[start] in "“„«\"‘'":
            continue
        speaker = speaker_from_head(subj, ctx.index)
        if speaker is None:
            continue
        out.append(
            Draft(
                start, end, speaker, "direct", (cue.idx, cue.idx + len(cue)), cue.i, pronoun=pronoun_of(subj)
            )
        )
    return out


def _aside_subject(wh: Token) -> bool:
    """The subject of a speech verb in an aside about someone named ("Tuilaepa, who told the press ..."), or
    an acronym the parser took for a pronoun ("WHO said"): a speaker, unlike "what X said" or the restrictive
    "anyone who says"."""
    if wh.dep_ != "nsubj":
        return False
    return (wh.text.isupper() and len(wh.text) > 1) or (
        wh.lower_ == "who" and wh.i > 0 and wh.doc[wh.i - 1].text == ","
    )


def _before_colon(text: str, start: int, end: int, quoted: bytearray) -> bool:
    """A clause with no quotation in it that a colon closes ("issued a statement that A: "B""): what the
    cue said before the quote it introduces."""
    return not any(quoted[start:end]) and text[end : end + 2].lstrip()[:1] == ":"


def _aside_end(source: Token, sent: Span) -> int:
    """Where "according to X" ends: after X, or at the end of the sentence when an aside about X closes it
    ("..., according to police, who said officers arrived ...": a statement of its own)."""
    after = source.right_edge.i + 1
    doc = source.doc
    if after + 1 < sent.end and doc[after].text == "," and doc[after + 1].lower_ in ("who", "which"):
        return sent.end_char
    return source.right_edge.idx + len(source.right_edge)


def _name_after(source: Token, sent: Span) -> tuple[Token, int] | None:
    """ "according to the El Paso mayor, Dee Margo, police were ...": the person's name between commas right
    after a source that names an office, which the parser made the subject of the reported clause. The name's
    last word and where the name ends."""
    doc = source.doc
    comma = source.right_edge.i + 1
    if source.pos_ != "NOUN" or comma + 2 >= sent.end or doc[comma].text != ",":
        return None
    ent = next((e for e in sent.ents if e.start == comma + 1 and e.label_ == "PERSON"), None)
    if ent is None or ent.end >= sent.end or doc[ent.end].text != ",":
        return None
    return doc[ent.end - 1], ent.end_char


def _covered(length: int, spans: Sequence[tuple[int, int]]) -> bytearray:
    """One flag per character: inside one of ``spans`` (a look-up per token instead of a scan of the spans)."""
    flags = bytearray(length + 1)
    for start, end in spans:
        flags[max(start, 0) : min(end, length)] = b"\x01" * (min(end, length) - max(start, 0))
    return flags


def _noun_verb(tok: Token) -> bool:
    """ "Estimates by the government state about 350 thousand ... are carried out": a speech verb the tagger
    took for a noun ("state", "claims") that heads its sentence with a subject and a finite clause of its own."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT" or tok.lemma_.lower() not in REPORT_LEMMAS:
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "ccomp" in deps


def _reported_drafts(
    ctx: ArticleContext, direct: list[Draft], quotes_outer: list[tuple[int, int]]
) -> list[Draft]:
    used = {d.cue_token for d in direct if d.cue_token is not None}
    # one pass over the tokens: the candidate verbs, and the verbs that put a statement out ("issued a statement")
    issuing: set[int] = set()
    verbs: list[Token] = []
    for tok in ctx.doc:
        if tok.dep_ == "dobj" and tok.lemma_.lower() in STATEMENT_NOUNS:
            issuing.add(tok.head.i)
        if (tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound")) or _noun_verb(tok):
            verbs.append(tok)  # not "reported incidents", "think tank": a verb describing a noun says nothing
    quoted = _covered(len(ctx.text), quotes_outer)
    out: list[Draft] = []
    for tok in verbs:
        if (tok.lemma_.lower() not in REPORT_LEMMAS and tok.i not in issuing) or figure_of_speech(tok):
            continue  # "Suffice it to say that ...", "common sense tells us": nobody is reported
        if tok.i in issuing and issued_with_its_words(tok):
            continue  # "issued a statement saying ...": "saying" reports it
        if quoted[tok.idx] or any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not find the money", "did not say whether": nothing was said
        if tok.lemma_.lower() in _BELIEFS and any(c.lower_ in _HEARSAY for c in tok.children):
            continue  # "the CIA reportedly believe ...": others' report of a belief, not the subject's statement
        if nested_in_cue(tok) or any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            continue  # "as they say": a hedge, not a statement
        if any(c.tag_ in ("WP", "WDT") and c.i < tok.i and not _aside_subject(c) for c in tok.children):
            continue  # "what Ms Matviyenko said now": a reference to a statement, not one
        comp = complement(tok)
        if comp is None and tok.dep_ in ("ccomp", "parataxis") and tok.head.i > tok.i and is_cue(tok.head):
            continue  # "NATO will respond, the secretary-general said": what follows is its attribution
        # an aside reports the whole clause it sits in, not the words after it ("Because warm water is more
        # buoyant, says the study, it rises ...")
        aside = parenthetical_cue(tok) if comp is None else None
        span = clause_after(tok) if comp is None and aside is None and tok.i not in used else None
        inverted = inverted_cue(tok) if comp is None and span is None and tok.i not in used else None
        if inverted is not None:  # "..., argued the government's lawyer, Richard Keen."
            span = inverted[1]
        span = aside or span
        if (comp is None and span is None) or tells_nothing(tok, comp):
            continue
        relaying = tok.dep_ in ("ccomp", "parataxis") and is_cue(tok.head) and tok.head.i < tok.i
        if comp is not None and comp.i < tok.i and (speaks_itself(comp) or relaying):
            continue  # "X said ..., the BBC reported": the outlet only relays X's statement
        subj = inverted[0] if inverted is not None else subject_of(tok)
        if subj is None or (
            not (subj.text.isupper() and len(subj.text) > 1)
            and subj.lower_ in ("i", "we", "you", "this", "that", "which", "who")
        ):
            continue
        prev = ctx.person_before(subj.idx)
        speaker = speaker_from_head(subj, ctx.index, previous_person=prev)
        they = they_of(tok, comp) if subj.lower_ == "they" and comp is not None else None
        named = speaker_from_head(they, ctx.index) if they is not None else None
        inside = named is not None and named.type != "unknown"  # "Police arrested two men, they said"
        if inside:
            speaker = named
        elif subj.lower_ == "they" and speaker is not None and speaker.type == "unknown":
            para = ctx.paragraph_at(subj.idx)
            speaker = group_before(subj, ctx.index, para.start if para else 0) or speaker
        if speaker is None:
            continue
        if span is not None and aside is None and subj.idx >= span[0] and subj.idx < span[1]:
            continue  # the cue borrowed the subject of the very clause it would report
        if comp is not None:
            own = (
                (speaker.start, speaker.end)
                if speaker.start is not None and speaker.end is not None and not inside
                else None
            )
            start, end = clause_span(ctx, tok, comp, own)
        else:
            assert span is not None
            start, end = trim(ctx.text, *span)  # "reported in mid-2019, 62 outlets had closed"
        if end - start < 10 or (tok.i in used and not _before_colon(ctx.text, start, end, quoted)):
            continue  # a cue that gave a quote reports a clause of its own only before it ("found that A: "B"")
        form: StatementForm = (
            "mixed" if any(start <= qs and qe <= end + 1 for qs, qe in quotes_outer) else "indirect"
        )
        out.append(
            Draft(
                start,
                end,
                speaker,
                form,
                (tok.idx, tok.idx + len(tok)),
                tok.i,
                pronoun=None if inside else pronoun_of(subj),
            )
        )
    for sent in ctx.sents:
        if quoted[sent.start_char]:
            continue
        opening = ctx.text[sent.start_char : sent.start_char + 4].casefold()
        if "ccording" not in ctx.text[sent.start_char : sent.end_char] and opening != "per ":
            continue  # no source phrase in it: spare the walk over its tokens
        source = according_to(ctx, [sent], quotes_outer)
        if source is None:
            continue
        according = next(
            (t for t in reversed(sent[: source.i - sent.start]) if t.lower_ in ("according", "per")), None
        )
        if according is None:
            continue
        phrase_start = according.idx
        phrase_end = _aside_end(source, sent)
        titled = _name_after(source, sent)
        if titled is not None:  # "According to the El Paso mayor, Dee Margo, ...": the person
            source, phrase_end = titled
        beyond = None  # the source the parser made a subject: the phrase ends at its comma
        if source.dep_ != "pobj":
            comma = next((t for t in sent[source.i - sent.start :] if t.text == ","), None)
            if comma is None:
                continue
            phrase_end, beyond = comma.idx, (comma.idx, sent.end_char)
        if phrase_start - sent.start_char < 3:
            start, end = phrase_end, sent.end_char
        elif sent.end_char - phrase_end < 3:
            start, end = sent.start_char, phrase_start
        else:
            start, end = sent.start_char, sent.end_char
        start, end = trim(ctx.text, start, end)
        end = end - 1 if end > start and ctx.text[end - 1] == "." else end
        if end - start < 10:
            continue
        prev = ctx.person_before(source.idx)
        speaker = speaker_from_head(source, ctx.index, exclude=beyond, previous_person=prev)
        if speaker is None or (according.lower_ == "per" and speaker.type == "unknown"):
            continue  # "Per the doctrines, ...": a rule or a document nobody is named for says nothing
        out.append(Draft(start, end, speaker, "indirect", (phrase_start, phrase_start + len(according))))
    return out


def extract_statements(doc: Doc, article: Article, mentions: Sequence[Mention]) -> list[Statement]:
    """Every statement in the article, in text order, with speaker, form, cue and stances."""
    ctx = ArticleContext(doc, article, mentions)
    turns = _turn_drafts(ctx)
    dashes, credits = dash_drafts(ctx, turns)
    claimed = [(d.start, d.end) for d in turns + dashes] + credits
    quotes = _quote_drafts(ctx, claimed)
    claimed += [(d.start - 1, d.end + 1) for d in quotes]
    colons = _colon_drafts(ctx, claimed)
    quote_spans = [(q.outer_start, q.outer_end) for q in find_quotes(ctx.text, ctx.paragraphs)]
    reported = _reported_drafts(ctx, quotes + colons, quote_spans)
    drafts = sorted(turns + dashes + quotes + colons + reported, key=lambda d: (d.start, d.end))
    drafts = home_officials(turns, spelled_out(ctx, resolve_pronouns(ctx, settle(ctx, drafts))))
    drafts = [
        d
        for d in drop_nested_duplicates(ctx.text, drafts)
        if d.speaker.type in SPEAKER_TYPES
        and not is_not_statement(ctx.text, d)
        and not in_caption(ctx, d)
        and not inside(d.start, credits)
    ]
    statements = []
    for n, d in enumerate(drafts):
        speaker, start = d.speaker, after_dateline(ctx.text, d.start)
        statements.append(
            Statement(
                id=stable_id("statement", article.id, start, d.end, n),
                article_id=article.id,
                start=start,
                end=d.end,
                speaker=speaker,
                form=d.form,
                cue=ctx.text[d.cue[0] : d.cue[1]] if d.cue else None,
                cue_start=d.cue[0] if d.cue else None,
                cue_end=d.cue[1] if d.cue else None,
                stances=stances_for(doc, d.start, d.end, ctx.index.within(d.start, d.end), speaker),
                version=VERSION,
            )
        )
    return statements


def build_extractor(lexicon: Lexicon) -> Callable[[Doc, Article, Sequence[Mention]], list[Statement]]:
    """The statement extractor (the ``statements`` plugin's factory); its cue words are the bundled ones."""
    return extract_statements
