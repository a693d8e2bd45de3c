"""Stance toward an actor on hand-built parses: the clause around the actor, masking, negation, model path."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.model import Mention, Speaker
from realpolitik.statements import stance
from realpolitik.statements.stance import (
    classify,
    clause_tokens,
    model_probabilities,
    rule_score,
    stances_for,
)

VOCAB = Vocab()


def parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """Rows of (word, head index, dep, pos, lemma); tokens separated by single spaces."""
    words = [r[0] for r in rows]
    return Doc(
        VOCAB,
        words=words,
        spaces=[i + 1 < len(rows) and rows[i + 1][0] != "." for i in range(len(rows))],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
    )


def span(doc: Doc, word: str) -> tuple[int, int]:
    start = doc.text.index(word)
    return start, start + len(word)


PRAISE_AND_ATTACK = parse(
    [
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("praised", 1, "ROOT", "VERB", "praise"),
        ("Kazakhstan", 1, "dobj", "PROPN", "Kazakhstan"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("China", 5, "nsubj", "PROPN", "China"),
        ("attacked", 1, "conj", "VERB", "attack"),
        ("Japan", 5, "dobj", "PROPN", "Japan"),
        ("today", 5, "npadvmod", "NOUN", "today"),
        (".", 1, "punct", "PUNCT", "."),
    ]
)
NEGATED = parse(
    [
        ("Russia", 3, "nsubj", "PROPN", "Russia"),
        ("did", 3, "aux", "AUX", "do"),
        ("not", 3, "neg", "PART", "not"),
        ("praise", 3, "ROOT", "VERB", "praise"),
        ("Kazakhstan", 3, "dobj", "PROPN", "Kazakhstan"),
        (".", 3, "punct", "PUNCT", "."),
    ]
)
NAME_ONLY = parse(
    [
        ("Trump", 1, "nsubj", "PROPN", "Trump"),
        ("spoke", 1, "ROOT", "VERB", "speak"),
        ("in", 1, "prep", "ADP", "in"),
        ("Ohio", 2, "pobj", "PROPN", "Ohio"),
        ("today", 1, "npadvmod", "NOUN", "today"),
        (".", 1, "punct", "PUNCT", "."),
    ]
)


def test_clause_leaves_out_a_coordinated_clause_without_the_actor() -> None:
    words = [t.text for t in clause_tokens(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Kazakhstan"))]
    assert "praised" in words
    assert "attacked" not in words


def test_actor_in_the_coordinated_clause_gets_that_clause() -> None:
    words = [t.text for t in clause_tokens(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Japan"))]
    assert "attacked" in words
    assert "praised" not in words


def test_rules_polarity_follows_the_clause_and_gives_evidence() -> None:
    pos, ev_start, ev_end = rule_score(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Kazakhstan"))
    neg, _, _ = rule_score(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Japan"))
    assert pos > 0.2
    assert neg < -0.2
    assert PRAISE_AND_ATTACK.text[ev_start:ev_end].startswith("Russia praised Kazakhstan")


def test_negation_flips_the_rules_polarity() -> None:
    polarity, _, _ = rule_score(NEGATED, *span(NEGATED, "Kazakhstan"))
    assert polarity < 0


def test_the_actors_own_name_carries_no_sentiment() -> None:
    # "trump" is a positive word in VADER's lexicon; the target is masked before scoring
    label, polarity, _, _ = classify(NAME_ONLY, *span(NAME_ONLY, "Trump"), method="rules")
    assert polarity == 0.0
    assert label == "neutral"


def test_stances_for_gives_one_stance_per_code_inside_the_statement() -> None:
    doc = PRAISE_AND_ATTACK
    mentions = [
        Mention("a", *span(doc, word), word, word, code=code, kind="state")
        for word, code in (("Russia", "RUS"), ("Kazakhstan", "KAZ"), ("Japan", "JPN"))
    ]
    speaker = Speaker("Russia", "actor", "RUS", start=mentions[0].start, end=mentions[0].end)
    found = {s.code: s for s in stances_for(doc, 0, len(doc.text), mentions, speaker)}
    assert set(found) == {"KAZ", "JPN"}  # the speaker's own mention is not a stance
    assert all(-1.0 <= s.polarity <= 1.0 for s in found.values())
    assert found["KAZ"].start is not None and found["KAZ"].end is not None


def test_mentions_outside_the_statement_have_no_stance() -> None:
    doc = NEGATED
    m = Mention("a", *span(doc, "Kazakhstan"), "Kazakhstan", "KAZ", code="KAZ")
    assert stances_for(doc, 0, 6, [m]) == ()


def test_model_probabilities_from_weights(monkeypatch: pytest.MonkeyPatch) -> None:
    weights = {"labels": ["negative", "neutral", "positive"], "weights": {"c:praise": [-1.0, 0.0, 2.0]}}
    monkeypatch.setattr(stance, "_model", lambda: weights)
    probs = model_probabilities({"c:praise": 1.0, "unseen": 1.0})
    assert probs is not None
    assert sum(probs.values()) == pytest.approx(1.0)
    assert max(probs, key=probs.__getitem__) == "positive"
    label, polarity, _, _ = classify(
        PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Kazakhstan"), method="model"
    )
    assert label == "positive"
    assert polarity > 0


def test_rules_method_ignores_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    weights = {"labels": ["negative", "neutral", "positive"], "weights": {"bias": [5.0, 0.0, 0.0]}}
    monkeypatch.setattr(stance, "_model", lambda: weights)
    assert classify(NAME_ONLY, *span(NAME_ONLY, "Ohio"), method="model")[0] == "negative"
    assert classify(NAME_ONLY, *span(NAME_ONLY, "Ohio"), method="rules")[0] == "neutral"


def test_an_evaluation_aimed_at_the_actor_decides_before_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    weights = {"labels": ["negative", "neutral", "positive"], "weights": {"bias": [5.0, 0.0, 0.0]}}
    monkeypatch.setattr(stance, "_model", lambda: weights)
    label, polarity, ev_start, ev_end = classify(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Kazakhstan"))
    assert (label, polarity) == ("positive", pytest.approx(0.8))
    assert PRAISE_AND_ATTACK.text[ev_start:ev_end] == "praised Kazakhstan"
    assert classify(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Japan"))[0] == "negative"  # "attacked Japan"
    assert stance.evaluation_sign(NEGATED, *span(NEGATED, "Kazakhstan")) is None


def test_bundled_weights_load() -> None:
    model = stance._model()
    assert model is not None
    assert model["labels"] == ["negative", "neutral", "positive"]
    assert len(model["weights"]) > 100


QUOTED = parse(
    [
        ("He", 1, "nsubj", "PRON", "he"),
        ("said", 1, "ROOT", "VERB", "say"),
        ('"', 3, "punct", "PUNCT", '"'),
        ("Iran", 3, "nsubj", "PROPN", "Iran"),
        ("lies", 1, "ccomp", "VERB", "lie"),
        ('"', 3, "punct", "PUNCT", '"'),
        ("to", 3, "prep", "ADP", "to"),
        ("Iraq", 6, "pobj", "PROPN", "Iraq"),
        (".", 1, "punct", "PUNCT", "."),
    ]
)


def test_the_governing_verbs_sign_and_the_targets_role_are_features() -> None:
    praised = stance.features(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Kazakhstan"))
    attacked = stance.features(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Japan"))
    negated = stance.features(NEGATED, *span(NEGATED, "Kazakhstan"))
    assert praised["gov:dobj:p"] == 1.0 and "gov:dobj:n" not in praised
    assert attacked["gov:dobj:n"] == 1.0
    assert negated["gov:dobj:notp"] == 1.0 and "gov:dobj:p" not in negated
    assert praised["ad:dobj:praise"] == 1.0 and praised["a0:praise"] == 1.0
    # the words next to the target, with the target as a placeholder
    assert praised["b:praise_T"] == 1.0 and attacked["b:attack_T"] == 1.0
    assert attacked["b:T_today"] == 1.0


def test_valences_near_the_target_count_by_sign() -> None:
    praised = stance.features(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Kazakhstan"))
    attacked = stance.features(PRAISE_AND_ATTACK, *span(PRAISE_AND_ATTACK, "Japan"))
    assert praised["val_npos"] > 0  # "praised", next to it ("attacked", three words on, counts too)
    assert attacked["val_nneg"] > 0 and attacked["val_npos"] == 0.0  # "praised" is five words away
    # both words are in the sentence, the nearer one weighs more
    assert praised["val_pos"] > attacked["val_pos"] > 0
    assert stance.valence(PRAISE_AND_ATTACK[0]) == 0.0  # "Russia": not in the lexicon


def test_quotation_marks_around_the_target() -> None:
    iran = QUOTED.char_span(*span(QUOTED, "Iran"))
    iraq = QUOTED.char_span(*span(QUOTED, "Iraq"))
    assert iran is not None and iraq is not None
    assert stance.inside_quotes(iran)
    assert not stance.inside_quotes(iraq)  # after the closing mark
    assert stance.features(QUOTED, *span(QUOTED, "Iran"))["in_quote"] == 1.0
    assert "in_quote" not in stance.features(QUOTED, *span(QUOTED, "Iraq"))


@pytest.mark.parametrize(
    "text",
    [
        "The minister said he was fed up with the delays and can't stand the blockade.",
        "Moscow has the upper hand, and the budget is in the red.",
        "Kazakhstan praised the agreement but criticised the tariffs.",
        "Nobody can cut the mustard; someone is under the weather.",
        "",
    ],
)
def test_the_fast_analyzer_scores_as_vader_does(text: str) -> None:
    """Skipping VADER's phrase look-ups when no word opens a phrase changes no score (with and without
    multiword entries and idioms in the text)."""
    from vader import SentimentIntensityAnalyzer

    assert stance._analyzer().polarity_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)


def test_sentence_facts_are_shared_by_the_targets_of_a_sentence() -> None:
    kazakhstan = PRAISE_AND_ATTACK.char_span(*span(PRAISE_AND_ATTACK, "Kazakhstan"))
    japan = PRAISE_AND_ATTACK.char_span(*span(PRAISE_AND_ATTACK, "Japan"))
    assert kazakhstan is not None and japan is not None
    first, second = stance._sentence(kazakhstan.root), stance._sentence(japan.root)
    assert first is second
    assert (
        first.masked(*span(PRAISE_AND_ATTACK, "Japan"))
        == "Russia praised Kazakhstan and China attacked someone today."
    )
