"""The domain of an event from evidence: venues do not count, diplomatic acts default to diplomacy."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from realpolitik.events.domains import event_domain, in_venue

VOCAB = English().vocab  # the language's lexical attributes (lower case), no model


def parse(rows: list[tuple[str, int, str]]) -> Doc:
    """Rows of (word, head index, dep)."""
    return Doc(VOCAB, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows])


# "We will meet at the CSTO summit on security ."
MEET_AT_SUMMIT = parse(
    [
        ("We", 2, "nsubj"),
        ("will", 2, "aux"),
        ("meet", 2, "ROOT"),
        ("at", 2, "prep"),
        ("the", 6, "det"),
        ("CSTO", 6, "compound"),
        ("summit", 3, "pobj"),
        ("on", 2, "prep"),
        ("security", 7, "pobj"),
        (".", 2, "punct"),
    ]
)


def test_words_of_the_place_of_an_act_are_a_venue() -> None:
    assert in_venue(MEET_AT_SUMMIT[5])  # "CSTO" in "at the CSTO summit"
    assert in_venue(MEET_AT_SUMMIT[6])
    assert not in_venue(MEET_AT_SUMMIT[8])  # "on security": what the meeting is about
    assert not in_venue(MEET_AT_SUMMIT[0])


# "We will meet at the CSTO Background information Collective Security Treaty Organisation summit ." (kremlin.ru
# inserts a glossary link into the name: six heads between "CSTO" and "at")
MEET_AT_LONG_NAME = parse(
    [
        ("We", 2, "nsubj"),
        ("will", 2, "aux"),
        ("meet", 2, "ROOT"),
        ("at", 2, "prep"),
        ("the", 12, "det"),
        ("CSTO", 6, "compound"),
        ("Background", 7, "compound"),
        ("information", 11, "nmod"),
        ("Collective", 9, "compound"),
        ("Security", 11, "compound"),
        ("Treaty", 11, "compound"),
        ("Organisation", 12, "nmod"),
        ("summit", 3, "pobj"),
        (".", 2, "punct"),
    ]
)


def test_a_long_name_inside_the_place_of_an_act_is_a_venue() -> None:
    assert in_venue(MEET_AT_LONG_NAME[5])  # "CSTO", six heads below "at"
    assert in_venue(MEET_AT_LONG_NAME[9])  # "Security"
    assert not in_venue(MEET_AT_LONG_NAME[0])


def test_diplomatic_acts_without_a_stated_subject_are_diplomacy() -> None:
    def near() -> str:
        return "economy"  # what the sentences around suggest

    assert (
        event_domain("SUPPORT", "support: congratulate", "congratulate", (), ("diplomatic",), near)
        == "diplomacy"
    )
    assert event_domain("AGREE", "intent-to-consult: will + meet", "meet", (), (), near) == "diplomacy"
    assert event_domain("SUPPORT", "support: praise", "praise", (), ("diplomatic",), near) == "economy"
    # a domain word of the clause decides first
    assert event_domain("SUPPORT", "support: thank", "thank", ("health",), (), near) == "society"
    assert (
        event_domain("COOPERATE", "cooperate: cooperate", "cooperate", (), (), lambda: None) == "unspecified"
    )


def _clause(words: list[str], lemmas: list[str], pos: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps)


def test_talks_are_news_when_they_happen_not_when_they_are_judged() -> None:
    from realpolitik.events.nominal import is_news

    covered = _clause(
        ["The", "talks", "covered", "trade", "."],
        ["the", "talk", "cover", "trade", "."],
        ["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
    )
    confirmed = _clause(
        ["The", "conversation", "confirmed", "the", "alliance", "."],
        ["the", "conversation", "confirm", "the", "alliance", "."],
        ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "det", "dobj", "punct"],
    )
    assert is_news(covered[1], joint=True, talks=True)
    assert not is_news(confirmed[1], joint=True, talks=True)
    assert is_news(confirmed[1], joint=True)  # a joint act other than talks ("collaboration grew") stays news


def test_talks_that_something_preceded_are_not_the_news() -> None:
    from realpolitik.events.nominal import is_news

    preceded = _clause(
        ["The", "meeting", "was", "preceded", "by", "a", "ceremony", "."],
        ["the", "meeting", "be", "precede", "by", "a", "ceremony", "."],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        [1, 3, 3, 3, 3, 6, 4, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
    )
    held = _clause(
        ["The", "meeting", "was", "held", "in", "Astana", "."],
        ["the", "meeting", "be", "hold", "in", "Astana", "."],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        [1, 3, 3, 3, 3, 4, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
    )
    assert not is_news(preceded[1], joint=True, talks=True)
    assert is_news(held[1], joint=True, talks=True)


def test_talks_described_by_a_copula_are_not_the_news() -> None:
    from realpolitik.events.nominal import is_news

    landmark = _clause(
        ["Each", "meeting", "is", "a", "landmark", "."],
        ["each", "meeting", "be", "a", "landmark", "."],
        ["DET", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "det", "attr", "punct"],
    )
    assert not is_news(landmark[1], joint=True, talks=True)
    assert is_news(landmark[1], joint=True)  # a joint act other than talks is left to the rewrites
