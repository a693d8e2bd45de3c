"""General coder behaviour on hand-written sentences (tests/data/coder_cases.jsonl): compound actors, passive
voice, reported speech, nominal events, implicit targets, and every PLOVER quad class."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import coded
from realpolitik.model import Event

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / "coder_cases.jsonl").read_text().splitlines()
    if line.strip()
]


def _matches(event: Event, kind: str, source: str | None, target: str | None) -> bool:
    if event.type != kind or event.source is None or event.source.code != source:
        return False
    return target is None or (event.target is not None and event.target.code == target)


def test_there_are_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['feature']}" for i, c in enumerate(CASES)])
def test_coder_case(nlp_engine: Any, case: dict[str, Any]) -> None:
    # who acts on whom is decided before completeness is; tests/events/test_complete.py covers the filter
    events = [e for e in coded(nlp_engine, case["text"]) if e.modality == "asserted"]
    seen = [(e.type, e.source and e.source.code, e.target and e.target.code, e.rule) for e in events]
    for kind, source, target in case["events"]:
        hits = [e for e in events if _matches(e, kind, source, target)]
        assert hits, f"missing {kind} {source}->{target}; got {seen}"
        if "domain" in case:
            assert any(e.domain == case["domain"] for e in hits), seen
        assert all(e.rule and 0 < e.confidence <= 1 and e.cameo for e in hits)
    for kind, source, target in case.get("absent", []):
        assert not any(_matches(e, kind, source, target) for e in events), seen
