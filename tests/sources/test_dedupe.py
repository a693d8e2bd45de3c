"""Deduplication: exact copies are dropped, syndicated copies (edited headline, boilerplate added) are linked
to their original, distinct stories are never merged, and signatures survive a round trip through bytes."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import story, syndicated_corpus
from realpolitik.model import Article
from realpolitik.settings import Settings
from realpolitik.sources.dedupe import Deduplicator, shingles


def test_fifty_syndicated_copies_of_ten_stories_count_ten_stories() -> None:
    originals, copies = syndicated_corpus()
    mixed = originals + copies
    random.Random(1).shuffle(mixed)
    result = Deduplicator(Settings()).dedupe(mixed)
    stories = {a.duplicate_of or a.id for a in result.keep}
    assert len(result.keep) == 60 and result.exact == []
    assert result.near == 50
    assert len(stories) == 10
    # every copy points to an article of its own story (the first seen of the story), never to a copy
    originals_kept = {a.id for a in result.keep if a.duplicate_of is None}
    assert {a.duplicate_of for a in result.keep if a.duplicate_of} <= originals_kept
    assert len(result.signatures) == 10


def test_distinct_stories_are_not_merged() -> None:
    rng = random.Random(3)
    articles = [Article.from_text(story(rng)) for _ in range(40)]
    result = Deduplicator(Settings()).dedupe(articles)
    assert result.near == 0 and len(result.signatures) == 40


def test_exact_copies_are_dropped_even_with_other_ids_or_spacing() -> None:
    text = story(random.Random(5))
    first = Article.from_text(text)
    same_text_other_id = Article.from_text(text, id="jsonl-17")
    respaced = Article.from_text("  " + text.replace(" ", "  ").upper() + "\n")
    result = Deduplicator(Settings()).dedupe([first, same_text_other_id, respaced, first])
    assert [a.id for a in result.keep] == [first.id]
    assert len(result.exact) == 3


def test_signatures_from_the_store_find_copies_in_a_later_run() -> None:
    originals, copies = syndicated_corpus()
    first_run = Deduplicator(Settings()).dedupe(originals)
    later = Deduplicator(Settings(), known_signatures=first_run.signatures)
    assert len(later) == 10
    result = later.dedupe(copies[:5])
    assert {a.duplicate_of for a in result.keep} == {originals[0].id}
    # a signature stored before a crash does not make the article a copy of itself
    again = Deduplicator(Settings(), known_signatures=first_run.signatures).dedupe([originals[3]])
    assert again.keep == [originals[3]] and again.signatures == []


def test_threshold_is_a_setting() -> None:
    originals, copies = syndicated_corpus()
    strict = Deduplicator(Settings(near_duplicate_threshold=0.99)).dedupe([originals[0], copies[4]])
    assert strict.near == 0


def test_signatures_of_another_permutation_count_are_ignored() -> None:
    sig = Deduplicator(Settings(minhash_permutations=64)).dedupe([Article.from_text("a b c d e")]).signatures
    assert len(Deduplicator(Settings(), known_signatures=sig)) == 0


def test_shingles() -> None:
    assert shingles("The  Cat, sat on") == [b"the cat sat", b"cat sat on"]
    assert shingles("Hi!") == [b"hi"]
    assert shingles("...") == []


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(alphabet="abc de.\n", min_size=1, max_size=60), max_size=25))
def test_dedupe_invariants_on_random_texts(texts: list[str]) -> None:
    articles = [Article.from_text(t) for t in texts if t.strip()]
    result = Deduplicator(Settings()).dedupe(articles)
    kept = {a.id for a in result.keep}
    originals = {a.id for a in result.keep if a.duplicate_of is None}
    assert len(result.keep) + len(result.exact) == len(articles)
    assert len(kept) == len(result.keep)  # an id is kept once
    assert all(a.duplicate_of in originals and a.duplicate_of != a.id for a in result.keep if a.duplicate_of)
    assert {sig_id for sig_id, _ in result.signatures} == originals
