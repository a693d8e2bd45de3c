"""Stance: the polarity in [-1, 1] of a statement toward each actor it mentions, with its evidence span.

The evidence is the clause around the actor (the nearest verb above it, without coordinated or relative
clauses that do not contain it). The fast path is model-free: VADER (``nltk-vader-sentiment``) on that
clause with the actor's own words masked, so a name such as "Trump" carries no sentiment, and VADER's
negation handling. When the bundled weights ``stance_weights.json`` are present (a multinomial logistic
regression on cheap lexical and syntactic features (:func:`features`: clause words and bigrams, neighbours,
the path above the actor and its modifiers, the governing verb's VADER sign and the actor's role under it,
VADER valences by distance, quotation) and the parser's token vectors around the actor, trained on the
NewsMTSC train split only, MIT), the polarity is P(positive) - P(negative) from that model;
``method="rules"`` forces the fast path. Either way, an actor that a word of evaluation is aimed at ("praised Kazakhstan", "condolences to the people of Turkey",
"condemned Japan"; ``evaluation_cues``) takes that word's sign first.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal

import numpy as np
from spacy.tokens import Doc, Span, Token
from vader import SentimentIntensityAnalyzer

from realpolitik.annotate import doc_text, sentence_of
from realpolitik.model import Mention, Speaker, Stance
from realpolitik.ontology import cues

Method = Literal["auto", "model", "rules"]
_CLAUSE_HEADS = ("VERB", "AUX")
_SPLIT_DEPS = ("conj", "relcl", "advcl", "parataxis", "acl")
_NEGATORS = cues.words("stance_negators")
# Thresholds on the rules' compound score for the three classes; fitted on the NewsMTSC train split.
RULE_THRESHOLDS = (-0.05, 0.3)
_WEIGHTS = "stance_weights.json"
_EVALUATIONS = cues.mapping("evaluation_cues")
_EVALUATION_PREPS = ("to", "for", "against", "on", "with")
_EVALUATION_POLARITY = 0.8
# The mentions of one actor per statement the model reads (the first ones); later mentions count only when a
# word of evaluation is aimed at them (22% of the targets in the corpus's statements were a 4th or later mention)
MODEL_MENTIONS = 3
# The governing verb's arguments whose VADER valence is a feature ("accused X of corruption": a negative dobj)
_ARGUMENT_DEPS = ("dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "advmod", "nsubj")


class _Analyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """VADER, whose phrase look-ups (multiword lexicon entries, sentiment-laden idioms) join every run of words
    of a text and look it up: they are skipped when no word of the text begins such a phrase, which no phrase
    could then match (same matches, same scores; a third of VADER's time on news sentences)."""

    def __init__(self) -> None:
        super().__init__()
        self._multiword_firsts = frozenset(phrase.split(" ")[0] for phrase in self.multiword)
        self._idiom_firsts = frozenset(phrase.split(" ")[0] for phrase in self.idioms)

    def _match_multiword(self, lowered: list[str]) -> tuple[dict[int, float], frozenset[int]]:
        if self._multiword_firsts.isdisjoint(lowered):
            return {}, frozenset()
        found: tuple[dict[int, float], frozenset[int]] = super()._match_multiword(lowered)
        return found

    def _laden_idioms(self, lowered: list[str]) -> list[float]:
        if self._idiom_firsts.isdisjoint(lowered):
            return []
        found: list[float] = super()._laden_idioms(lowered)
        return found


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return _Analyzer()


@lru_cache(maxsize=4096)
def _polarity(text: str) -> dict[str, float]:
    """VADER's scores of a text: a target's clause is scored for its rule score and for its features."""
    return dict(_analyzer().polarity_scores(text))


@cache
def _model() -> dict[str, Any] | None:
    try:
        raw = resources.files("realpolitik.statements").joinpath(_WEIGHTS).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    data: dict[str, Any] = json.loads(raw)
    return data


def clause_tokens(doc: Doc, start: int, end: int, lo: int = 0, hi: int | None = None) -> list[Token]:
    """Tokens of the clause around the target span [start, end), kept within [lo, hi)."""
    hi = len(doc_text(doc)) if hi is None else hi
    memo = doc.user_data.setdefault("realpolitik_clauses", {})  # the rule score and both feature sets ask
    key = (start, end, lo, hi)
    if key not in memo:
        memo[key] = _clause_tokens(doc, start, end, lo, hi)
    return list(memo[key])


def _clause_tokens(doc: Doc, start: int, end: int, lo: int, hi: int) -> list[Token]:
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        return []
    node = target.root
    while node.pos_ not in _CLAUSE_HEADS and node.head.i != node.i:
        node = node.head
    inside = {t.i for t in target}
    dropped: set[int] = set()
    for child in node.children:
        if child.dep_ in _SPLIT_DEPS:
            sub = {t.i for t in child.subtree}
            if not sub & inside:
                dropped |= sub
    toks = [t for t in node.subtree if t.i not in dropped and lo <= t.idx < hi]
    if len(toks) < 4:  # a bare "X said": fall back on the sentence
        toks = [t for t in sentence_of(target.root) if lo <= t.idx < hi]
    return toks


def _masked(tokens: Sequence[Token], start: int, end: int) -> str:
    parts = []
    for tok in tokens:
        word = "someone" if start <= tok.idx < end else tok.text
        parts.append(word + tok.whitespace_)
    return "".join(parts)


def rule_score(doc: Doc, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[float, int, int]:
    """(VADER compound of the masked clause, evidence start, evidence end)."""
    toks = clause_tokens(doc, start, end, lo, hi)
    if not toks:
        return 0.0, start, end
    compound = float(_polarity(_masked(toks, start, end))["compound"])
    first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    return compound, first.idx, last.idx + len(last)


class _Sentence:
    """What every target of a sentence asks of it, read once per sentence: its tokens' offsets, words and
    spacing (the masked text), VADER valences, whether a quotation mark is open after each token, and the mean
    of its token vectors. spaCy builds a new Token object at every step of a walk over a Span, and a
    statement's targets share their sentences."""

    __slots__ = ("end", "has_quote", "idx", "quote_open", "start", "tensor_mean", "texts", "valences", "ws")

    def __init__(self, sent: Span) -> None:
        tokens = list(sent)
        self.start, self.end = sent.start, sent.end
        self.idx = [t.idx for t in tokens]
        self.texts = [t.text for t in tokens]
        self.ws = [t.whitespace_ for t in tokens]
        self.valences = [valence(t) for t in tokens]
        self.has_quote = any(text in '“”"' for text in self.texts)
        quote_open, inside = [], False
        for text in self.texts:
            if text == '"':
                inside = not inside
            elif text == "“":
                inside = True
            elif text == "”":
                inside = False
            quote_open.append(inside)
        self.quote_open = quote_open
        self.tensor_mean: Any = None

    def masked(self, start: int, end: int) -> str:
        """The sentence's text with the characters [start, end) (the target's tokens) read as "someone"."""
        return "".join(
            ("someone" if start <= i < end else text) + ws
            for i, text, ws in zip(self.idx, self.texts, self.ws, strict=True)
        )


def _sentence(token: Token) -> _Sentence:
    """The :class:`_Sentence` of a token's sentence, built once per Doc and sentence."""
    sent = sentence_of(token)
    memo = token.doc.user_data.setdefault("realpolitik_stance_sentences", {})
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = _Sentence(sent)
    return found  # type: ignore[no-any-return]


def features(doc: Doc, start: int, end: int, lo: int = 0, hi: int | None = None) -> dict[str, float]:
    """Cheap features of the target in its clause: VADER scores, clause words and bigrams, neighbours, syntactic
    role, the parse path above the target, valences by distance, quotation marks."""
    toks = clause_tokens(doc, start, end, lo, hi)
    target = doc.char_span(start, end, alignment_mode="expand")
    feats: dict[str, float] = {"bias": 1.0}
    if not toks or target is None or len(target) == 0:
        return feats
    clause = _masked(toks, start, end)
    scores = _polarity(clause)
    sent = _sentence(target.root)
    sent_scores = _polarity(sent.masked(start, end))
    feats["vader_clause"] = float(scores["compound"])
    feats["vader_clause_pos"] = float(scores["pos"])
    feats["vader_clause_neg"] = float(scores["neg"])
    feats["vader_sent"] = float(sent_scores["compound"])
    inside = {t.i for t in target}
    for tok in toks:
        if tok.i in inside or tok.is_punct or tok.like_num:
            continue
        feats["c:" + tok.lemma_.lower()] = 1.0
        if tok.lower_ in _NEGATORS:
            feats["negated"] = 1.0
    for tok in doc[max(target.start - 4, sent.start) : target.start]:
        feats["l:" + tok.lemma_.lower()] = 1.0
    for tok in doc[target.end : min(target.end + 4, sent.end)]:
        feats["r:" + tok.lemma_.lower()] = 1.0
    root = target.root
    feats["dep:" + root.dep_] = 1.0
    feats["h:" + root.head.lemma_.lower()] = 1.0
    feats["hdep:" + root.dep_ + ":" + root.head.lemma_.lower()] = 1.0
    if sent.has_quote:
        feats["quoted"] = 1.0
    feats["ent:" + (root.ent_type_ or root.pos_)] = 1.0
    feats.update(_path_features(target))
    feats.update(_bigrams(toks, inside))
    feats.update(_valence_features(target, sent))
    if inside_quotes(target, sent):
        feats["in_quote"] = 1.0
    return feats


def _path_features(target: Span) -> dict[str, float]:
    """The words above the target (up to three heads, each with the relation it is reached by), the words that
    modify it, and the governing verb's role for it crossed with that verb's VADER sign: what is said *about*
    the target rather than near it ("X was accused", "the corrupt X", "X's failure")."""
    feats: dict[str, float] = {}
    root = target.root
    node, dep = root, root.dep_
    for k in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        feats[f"a{k}:{node.lemma_.lower()}"] = 1.0
        feats[f"ad:{dep}:{node.lemma_.lower()}"] = 1.0
        dep = node.dep_
    for child in root.children:
        if target.start <= child.i < target.end:
            continue
        feats[f"m:{child.dep_}:{child.lemma_.lower()}"] = 1.0
        for grand in child.children:
            feats[f"mm:{grand.lemma_.lower()}"] = 1.0
    verb = root
    while verb.pos_ not in _CLAUSE_HEADS and verb.head.i != verb.i:
        verb = verb.head
    sign = _sign(valence(verb))
    if sign != "0" and any(c.dep_ == "neg" for c in verb.children):
        sign = "not" + sign
    feats[f"gov:{root.dep_}:{sign}"] = 1.0
    feats[f"govl:{root.dep_}:{verb.lemma_.lower()}"] = 1.0
    for child in verb.children:
        if child.dep_ in _ARGUMENT_DEPS and not target.start <= child.i < target.end:
            total = sum(valence(t) for t in child.subtree if not target.start <= t.i < target.end)
            if total:
                feats[f"arg:{child.dep_}:{_sign(total)}"] = 1.0
    return feats


def _bigrams(toks: Sequence[Token], inside: set[int]) -> dict[str, float]:
    """Lemma bigrams of the clause, the target as one placeholder ("T"): "accuse_T", "T_fail"."""
    feats: dict[str, float] = {}
    prev: str | None = None
    for tok in toks:
        if tok.is_punct:
            prev = None
            continue
        cur = "T" if tok.i in inside else tok.lemma_.lower()
        if prev is not None and not (prev == cur == "T"):
            feats[f"b:{prev}_{cur}"] = 1.0
        prev = cur
    return feats


def _valence_features(target: Span, sent: _Sentence | None = None) -> dict[str, float]:
    """VADER word valences in the sentence, weighted down with the distance from the target (1 / (1 + d/3)),
    and summed within three words of it; positive and negative apart, scaled to about [0, 1]."""
    sent = _sentence(target.root) if sent is None else sent
    pos = neg = near_pos = near_neg = 0.0
    for i, v in enumerate(sent.valences, start=sent.start):
        if not v or target.start <= i < target.end:
            continue
        d = min(abs(i - target.start), abs(i - (target.end - 1)))
        w = 1.0 / (1.0 + d / 3.0)
        if v > 0:
            pos += v * w
            near_pos += v if d <= 3 else 0.0
        else:
            neg -= v * w
            near_neg -= v if d <= 3 else 0.0
    return {
        "val_pos": pos / 4,
        "val_neg": neg / 4,
        "val_npos": near_pos / 4,
        "val_nneg": near_neg / 4,
    }


def valence(tok: Token) -> float:
    """The word's valence in VADER's lexicon (about -4 to 4; its form first, then its lemma; 0 when absent)."""
    lexicon: Mapping[str, float] = _analyzer().lexicon
    return float(lexicon.get(tok.lower_, 0.0) or lexicon.get(tok.lemma_.lower(), 0.0))


def _sign(value: float) -> str:
    return "p" if value > 0 else "n" if value < 0 else "0"


def inside_quotes(target: Span, sent: _Sentence | None = None) -> bool:
    """Whether the target stands inside quotation marks of its sentence (curly, or straight ones toggling),
    counting a mark at the target's first token: a target that opens with a quotation mark is quoted."""
    sent = _sentence(target.root) if sent is None else sent
    if not sent.start <= target.start < sent.end:
        return False
    return bool(sent.quote_open[target.start - sent.start])


def dense_features(doc: Doc, start: int, end: int, lo: int = 0, hi: int | None = None) -> list[float] | None:
    """The parser's own token vectors (``doc.tensor``) averaged over the target, its clause without it, its
    sentence, and the word it hangs on: what the words around the actor mean beyond the words themselves.
    None when the pipeline keeps no token vectors."""
    tensor = doc.tensor
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0 or getattr(tensor, "ndim", 0) != 2 or tensor.shape[0] != len(doc):
        return None
    zeros = np.zeros(int(tensor.shape[1]), dtype=tensor.dtype)

    def mean(rows: Any) -> Any:
        block = tensor[rows]
        return block.mean(axis=0) if len(block) else zeros

    root = target.root
    clause = [t.i for t in clause_tokens(doc, start, end, lo, hi) if not target.start <= t.i < target.end]
    head = slice(root.head.i, root.head.i + 1) if root.head.i != root.i else slice(0, 0)
    sent = _sentence(root)
    if sent.tensor_mean is None:
        sent.tensor_mean = mean(slice(sent.start, sent.end))
    parts = (
        mean(slice(target.start, target.end)),
        mean(clause),
        sent.tensor_mean,
        mean(head),
    )
    return list(np.concatenate(parts).tolist())


def model_probabilities(
    feats: dict[str, float], dense: Sequence[float] | None = None
) -> dict[str, float] | None:
    """Class probabilities (negative, neutral, positive) from the bundled weights, or None without them. The
    weights' ``dense`` part (standardised token-vector features) counts when ``dense`` has its width."""
    compiled = _compiled()
    if compiled is None:
        return None
    labels, rows, sparse, dense_mean, dense_std, dense_weights = compiled
    index, values = [], []
    for name, value in feats.items():
        found = rows.get(name)
        if found is not None:
            index.append(found[0])
            values.append(value / found[1])
    logits = np.asarray(values) @ sparse[index] if index else np.zeros(len(labels))
    if dense_weights is not None and dense is not None and len(dense) == dense_weights.shape[0]:
        logits += ((np.asarray(dense, dtype=float) - dense_mean) / dense_std) @ dense_weights
    exps = np.exp(logits - logits.max())
    probs = exps / exps.sum()
    return {label: float(p) for label, p in zip(labels, probs, strict=True)}


_Compiled = tuple[list[str], dict[str, tuple[int, float]], Any, Any, Any, Any]
_COMPILED: list[
    tuple[dict[str, Any], _Compiled]
] = []  # (the weights object, its arrays): held, never re-used


def _compiled() -> _Compiled | None:
    """The weights as arrays: one matrix product per target instead of a loop per weight (compiled once per
    weights object, so weights swapped in, as tests do, are compiled afresh)."""
    model = _model()
    if model is None:
        return None
    if not _COMPILED or _COMPILED[0][0] is not model:
        _COMPILED[:] = [(model, _compile(model))]
    return _COMPILED[0][1]


def _compile(model: dict[str, Any]) -> _Compiled:
    labels: list[str] = model["labels"]
    weights: dict[str, list[float]] = model["weights"]
    scale: dict[str, float] = model.get("scale", {})
    rows = {name: (i, scale.get(name, 1.0)) for i, name in enumerate(weights)}
    sparse = np.array([weights[name] for name in weights], dtype=float).reshape(len(weights), len(labels))
    part = model.get("dense")
    if part is None:
        return labels, rows, sparse, None, None, None
    return (
        labels,
        rows,
        sparse,
        np.array(part["mean"], dtype=float),
        np.array(part["std"], dtype=float),
        np.array(part["weights"], dtype=float),
    )


def classify(
    doc: Doc, start: int, end: int, lo: int = 0, hi: int | None = None, method: Method = "auto"
) -> tuple[str, float, int, int]:
    """(label, polarity in [-1, 1], evidence start, evidence end) toward the target span [start, end).

    An evaluation word aimed at the target (:func:`evaluation_sign`) decides first, by either method. Rules: the label comes from the compound score and :data:`RULE_THRESHOLDS`. Model: the most probable
    class, and polarity P(positive) - P(negative).
    """
    evaluated = evaluation_sign(doc, start, end)
    if evaluated is not None and lo <= evaluated[1].idx < (len(doc_text(doc)) if hi is None else hi):
        sign, word = evaluated
        ev_start, ev_end = min(word.idx, start), max(word.idx + len(word), end)
        return ("positive" if sign > 0 else "negative"), sign * _EVALUATION_POLARITY, ev_start, ev_end
    compound, ev_start, ev_end = rule_score(doc, start, end, lo, hi)
    probs = None
    if method != "rules" and _model() is not None:
        probs = model_probabilities(
            features(doc, start, end, lo, hi), dense_features(doc, start, end, lo, hi)
        )
    if probs is None:
        low, high = RULE_THRESHOLDS
        label = "negative" if compound <= low else "positive" if compound >= high else "neutral"
        return label, compound, ev_start, ev_end
    label = max(probs, key=probs.__getitem__)
    return label, probs.get("positive", 0.0) - probs.get("negative", 0.0), ev_start, ev_end


def target_stance(
    doc: Doc, start: int, end: int, lo: int = 0, hi: int | None = None, method: Method = "auto"
) -> tuple[float, int, int]:
    """(polarity in [-1, 1], evidence start, evidence end) toward the target span [start, end)."""
    _, polarity, ev_start, ev_end = classify(doc, start, end, lo, hi, method)
    return polarity, ev_start, ev_end


def evaluation_sign(doc: Doc, start: int, end: int) -> tuple[int, Token] | None:
    """(+1 or -1, the evaluating word) when the actor at [start, end) is what an evaluation word is aimed at:
    its object ("praised Kazakhstan", "thanked President Tokayev"), the passive subject ("Ukraine was
    threatened"), the object of its preposition ("condolences to the people of Turkey", "gratitude to China"),
    also through "the X of", "X's" or an adjective ("praised the leadership of Kazakhstan", "Kazakh efforts")."""
    target = doc.char_span(start, end, alignment_mode="expand")
    if target is None or len(target) == 0:
        return None
    node = target.root
    for _ in range(4):
        if node.dep_ in ("poss", "compound", "amod", "nmod", "appos") and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
            node = node.head.head
        else:
            break
    word: Token | None = None
    if node.dep_ in ("dobj", "dative", "nsubjpass"):
        word = node.head
    elif node.dep_ == "pobj" and node.head.lower_ in _EVALUATION_PREPS:
        word = node.head.head
    if word is None:
        return None
    sign = _EVALUATIONS.get(word.lemma_.lower())
    if sign is None:
        return None
    if any(c.dep_ == "neg" for c in word.children):
        return None  # "did not criticise X": no evaluation either way
    return (1 if sign == "+" else -1), word


def _evaluated(doc: Doc, start: int, end: int, hi: int) -> tuple[int, Token] | None:
    """:func:`evaluation_sign` when its word lies before ``hi`` (inside the statement)."""
    found = evaluation_sign(doc, start, end)
    return found if found is not None and found[1].idx < hi else None


def stances_for(
    doc: Doc, start: int, end: int, mentions: Sequence[Mention], speaker: Speaker | None = None
) -> tuple[Stance, ...]:
    """One Stance per actor code mentioned in the statement [start, end): the strongest-evidence mention among
    the first :data:`MODEL_MENTIONS` of the actor and any later one a word of evaluation is aimed at.

    The speaker's own mention is skipped when it lies inside the content (a transcript label, say).
    """
    best: dict[str, tuple[float, int, int]] = {}
    read: dict[str, int] = {}
    for m in mentions:
        if not m.code or m.start < start or m.end > end:
            continue
        if speaker is not None and speaker.start == m.start and speaker.end == m.end:
            continue
        read[m.code] = read.get(m.code, 0) + 1
        if read[m.code] > MODEL_MENTIONS and _evaluated(doc, m.start, m.end, end) is None:
            continue  # a long turn's later mentions of an actor count when an evaluation is aimed at them
        polarity, ev_start, ev_end = target_stance(doc, m.start, m.end, start, end)
        current = best.get(m.code)
        if current is None or abs(polarity) > abs(current[0]):
            best[m.code] = (polarity, ev_start, ev_end)
    return tuple(
        Stance(code=code, polarity=max(-1.0, min(1.0, p)), start=s, end=e) for code, (p, s, e) in best.items()
    )
