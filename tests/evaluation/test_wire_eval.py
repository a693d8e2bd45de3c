"""The wire-stories gold (tests/data/wire_stories.jsonl): every labelled sentence is the story's text at its
offsets, sentences tile the story in order, events use PLOVER types and codes; and the evaluator counts every
gold event once (a true positive or a false negative) and every emitted event of a story."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from realpolitik.evaluation.wire import GOLD_NAME, evaluate_wire_stories
from realpolitik.model import PLOVER_TYPES

GOLD = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / GOLD_NAME).read_text(encoding="utf-8").splitlines()
    if line.strip()
]


def test_stories_are_split_into_parts_by_story() -> None:
    assert len(GOLD) >= 24
    assert {r["split"] for r in GOLD} <= {"dev", "test"}
    assert len({r["id"] for r in GOLD}) == len(GOLD)


@pytest.mark.parametrize("record", GOLD, ids=[r["id"] for r in GOLD])
def test_sentences_are_the_story_text_in_order(record: dict[str, Any]) -> None:
    end = 0
    for i, s in enumerate(record["sentences"]):
        assert s["index"] == i
        assert s["start"] >= end, s
        assert record["text"][s["start"] : s["end"]] == s["text"]
        end = s["end"]
    assert not record["text"][end:].strip()


@pytest.mark.parametrize("record", GOLD, ids=[r["id"] for r in GOLD])
def test_events_are_plover_types_between_coded_actors(record: dict[str, Any]) -> None:
    for s in record["sentences"]:
        for e in s["events"]:
            assert e["type"] in PLOVER_TYPES
            assert e["source"]["code"] and e["source"]["code"].isupper()
            assert e["target"] is None or e["target"]["code"].isupper()


@pytest.mark.model
def test_every_gold_event_is_counted_once(nlp_engine: Any) -> None:
    result = evaluate_wire_stories(Path("."), lambda: nlp_engine)
    for split in ("dev", "test"):
        records = [r for r in GOLD if r["split"] == split]
        if not records:
            continue
        counts = result.extra[f"{split}_counts"]
        gold_events = sum(len(s["events"]) for r in records for s in r["sentences"])
        assert counts["tp"] + counts["fn"] == gold_events
        assert counts["stories"] == len(records)
        assert 0.0 <= result.metrics[f"{split}_event_f1"] <= 1.0
