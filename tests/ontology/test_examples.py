"""Every example in the rules is a test (issue 12): each lexicon entry's example, analysed alone, yields an asserted
event of the entry's type (or of its ``expect``, "none" for statements PLOVER does not code), and each rewrite's
example yields an event of the rule's type (or ``expect``) and modality, coded otherwise without the rule, or,
for a rule that drops a reading (courtesies, procedure), one without the rule and none with it: the rule is what
decides."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from realpolitik.engine import Engine
from realpolitik.events import code_events, complete_events
from realpolitik.model import Article, Event
from realpolitik.ontology.lexicon import Lexicon, LexiconEntry, load_lexicon
from realpolitik.ontology.rules import Rewrite

LEXICON = load_lexicon()


def _entries() -> list[LexiconEntry]:
    seen: dict[tuple[str, str, str], LexiconEntry] = {}
    for table in (LEXICON.verbs, LEXICON.nouns, LEXICON.adjs):
        for entries in table.values():
            for entry in entries:
                seen.setdefault((entry.example, entry.type, entry.cameo), entry)
    return [seen[k] for k in sorted(seen)]


ENTRIES = _entries()
REWRITES = list(LEXICON.rules.rewrites)


def _asserted(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.type, e.source and e.source.code, e.target and e.target.code)
        for e in events
        if e.modality == "asserted"
    ]


@pytest.fixture(scope="module")
def lexicon_examples(nlp_engine: Any) -> dict[str, list[Event]]:
    """Every entry's example coded in one batch into complete events, whatever their confidence: a weak entry's
    example is coded too (the data set's ``min_event_confidence`` is an operating point, not the lexicon)."""
    texts = sorted({e.example for e in ENTRIES})
    articles = [Article.from_text(t, id=f"example-{i}") for i, t in enumerate(texts)]
    out: dict[str, list[Event]] = {}
    for article, doc in nlp_engine.annotator.pipe(articles):
        mentions = nlp_engine.resolver.resolve(doc, article)
        out[article.text] = complete_events(code_events(doc, article, mentions, LEXICON))
    return out


def test_every_entry_and_rewrite_has_an_example() -> None:
    assert len(ENTRIES) > 200
    assert all(e.example.strip() for e in ENTRIES)
    assert len(REWRITES) > 10
    assert all(r.example.strip() for r in REWRITES)


@pytest.mark.model
@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.name}:{e.example[:40]}" for e in ENTRIES])
def test_lexicon_example_yields_its_type(
    lexicon_examples: dict[str, list[Event]], entry: LexiconEntry
) -> None:
    got = _asserted(lexicon_examples[entry.example])
    wanted = entry.expect or entry.type
    if wanted == "none":
        assert got == [], f"{entry.name}: {entry.example!r} should code no event; got {got}"
    else:
        assert any(kind == wanted for kind, _, _ in got), f"{entry.name}: {entry.example!r} gave {got}"


def _without(rule: Rewrite) -> Lexicon:
    rules = replace(LEXICON.rules, rewrites=tuple(r for r in LEXICON.rules.rewrites if r.name != rule.name))
    return replace(LEXICON, rules=rules)


def _complete(
    engine: Engine, text: str, lexicon: Lexicon
) -> list[tuple[str, str, str | None, str | None, str]]:
    """The events of the data set for ``text`` coded with ``lexicon``: type, modality, source, target, CAMEO."""
    article = Article.from_text(text)
    ((_, doc),) = list(engine.annotator.pipe([article]))
    mentions = engine.resolver.resolve(doc, article)
    events = complete_events(code_events(doc, article, mentions, lexicon))
    return [
        (e.type, e.modality, e.source and e.source.code, e.target and e.target.code, e.cameo or "")
        for e in events
    ]


@pytest.mark.model
@pytest.mark.parametrize("rule", REWRITES, ids=[r.name for r in REWRITES])
def test_rewrite_example_is_decided_by_its_rule(nlp_engine: Engine, rule: Rewrite) -> None:
    with_rule = _complete(nlp_engine, rule.example, LEXICON)
    without_rule = _complete(nlp_engine, rule.example, _without(rule))
    if rule.then.get("drop"):
        assert with_rule == [], f"{rule.name}: {rule.example!r} should be dropped; got {with_rule}"
        assert without_rule, (
            f"{rule.name}: without the rule {rule.example!r} codes nothing, so it tests nothing"
        )
        return
    wanted = rule.expect or rule.then.get("type")
    modality = rule.then.get("modality", "asserted")
    if wanted:
        assert any(e[0] == wanted and e[1] == modality for e in with_rule), f"{rule.name}: {with_rule}"
    assert with_rule != without_rule, f"{rule.name}: {rule.example!r} codes the same without the rule"
