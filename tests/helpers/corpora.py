"""Syndicated stories for deduplication and the runners, and a fake engine that needs no spaCy."""

from __future__ import annotations

import random
from collections.abc import Sequence

from realpolitik.model import Analysis, Article, Event, Sentence, stable_id

# syndicated stories (deduplication, runners)
ACTORS = [
    "Russia",
    "China",
    "Kazakhstan",
    "Kyrgyzstan",
    "Uzbekistan",
    "the European Union",
    "Turkey",
    "India",
]
VERBS = ["signed", "discussed", "rejected", "criticised", "welcomed", "postponed", "announced", "negotiated"]
OBJECTS = [
    "a gas pipeline agreement",
    "new railway loans",
    "joint military exercises",
    "a trade deal on grain exports",
    "sanctions on steel imports",
    "a visa-free travel regime",
    "a nuclear power plant project",
    "border security cooperation",
]
PLACES = ["Astana", "Moscow", "Beijing", "Bishkek", "Tashkent", "Brussels", "Ankara", "Delhi"]
BOILERPLATE = [
    ("", "Copyright 2022 Wire Service. All rights reserved. This material may not be redistributed."),
    ("(Syndicated) By our correspondent.", "Subscribe to our newsletter for more news from the region."),
    ("UPDATED.", "Reporting by staff; editing by the desk."),
    ("Breaking:", "Follow us for updates."),
    (
        "From our partners:",
        "This story was first published by a partner outlet and is republished with permission.",
    ),
]


def story(rng: random.Random, sentences: int = 12) -> str:
    """A synthetic news story: random sentences over a shared vocabulary, so stories overlap in words but not
    in word sequences (the hard case for shingle-based dedup)."""
    out = []
    for _ in range(sentences):
        out.append(
            f"Officials from {rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} with "
            f"{rng.choice(ACTORS)} in {rng.choice(PLACES)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
            f"according to {rng.randint(2, 40)} sources close to the {rng.choice(['ministry', 'government'])}."
        )
    return " ".join(out)


def syndicated_corpus(seed: int = 7) -> tuple[list[Article], list[Article]]:
    """10 original stories and 5 syndicated copies of each (50): edited headline, boilerplate, spacing."""
    rng = random.Random(seed)
    originals = [Article.from_text(story(rng), title=f"Story {n}") for n in range(10)]
    copies = []
    for n, original in enumerate(originals):
        for k, (head, tail) in enumerate(BOILERPLATE):
            text = f"{head}\n\n{original.text}\n\n{tail}".strip()
            if k % 2:
                text = text.replace(". ", ".\n")
            copies.append(
                Article.from_text(text, title=f"Story {n}: {rng.choice(['update', 'analysis', 'live'])}")
            )
    return originals, copies


# a fake engine for the runners
class FakeEngine:
    """One AGREE event per sentence that contains "signed"; raises on articles that contain "EXPLODE"."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.batches: list[int] = []

    def analyze_batch(self, articles: Sequence[Article]) -> list[Analysis]:
        self.batches.append(len(articles))
        if any("EXPLODE" in a.text for a in articles):
            if len(articles) > 1:
                raise RuntimeError("batch failed")
            raise ValueError("this article breaks the engine")
        return [fake_analysis(a) for a in articles]


def fake_analysis(article: Article) -> Analysis:
    sentences, events, start = [], [], 0
    for index, part in enumerate(article.text.split(". ")):
        end = start + len(part)
        sentences.append(Sentence(article.id, index, start, end))
        if "signed" in part:
            events.append(
                Event(
                    stable_id(article.id, index),
                    article.id,
                    index,
                    start,
                    end,
                    None,
                    None,
                    "AGREE",
                    rule="fake",
                )
            )
        start = end + 2
    return Analysis(article=article, sentences=tuple(sentences), events=tuple(events))


def corpus(n: int = 30) -> list[Article]:
    rng = random.Random(11)
    return [Article.from_text(story(rng, sentences=6), input_ref=f"mem:{i}") for i in range(n)]
