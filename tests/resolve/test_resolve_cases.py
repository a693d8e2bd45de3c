"""The resolution cases of tests/data/resolution_cases.jsonl (text, date -> code, sector, and where given the
name, office, kind and the exact mention text), resolved with ``Resolver.resolve_text``."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.model import Mention
from realpolitik.resolve.resolver import Resolver

pytestmark = pytest.mark.model

CASES_FILE = Path(__file__).resolve().parent.parent / "data" / "resolution_cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
]


def _id(case: dict[str, Any]) -> str:
    return f"{case['category']}:{case['text'][:40]}@{case.get('date') or 'today'}"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(KnowledgeBase.bundled())


def test_the_case_file_covers_every_category() -> None:
    counts = Counter(c["category"] for c in CASES)
    assert len(CASES) >= 300
    for category in ("dated-role", "metonym", "demonym", "igo", "region-group", "unresolved", "agent"):
        assert counts[category] >= 10, category


def _pick(case: dict[str, Any], mentions: list[Mention]) -> Mention:
    if "mention" in case:
        chosen = [m for m in mentions if m.text == case["mention"]]
        assert len(chosen) > case.get("index", 0), f"no mention {case['mention']!r} in {mentions}"
        return chosen[case.get("index", 0)]
    known = [m for m in mentions if m.actor_id is not None]
    assert known, f"nothing resolved in {mentions}"
    return known[0]


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_resolution_case(resolver: Resolver, case: dict[str, Any]) -> None:
    day = date.fromisoformat(case["date"]) if case.get("date") else None
    mentions = resolver.resolve_text(case["text"], day)
    if case["code"] is None and "mention" in case:
        m = _pick(case, mentions)  # this mention is kept, but without a state
        assert (m.code, m.actor_id) == (None, None), m
        return
    if case["code"] is None:
        assert [m for m in mentions if m.actor_id or m.code] == []
        return
    m = _pick(case, mentions)
    assert (m.code, m.sector) == (case["code"], case["sector"]), m
    for field in ("name", "role", "kind", "country"):
        if field in case:
            assert getattr(m, field) == case[field], m
