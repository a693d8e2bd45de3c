"""The office holders 2000-2026 (scripts/kb/officeholders/*.jsonl) and what the bundled knowledge base makes of
them: every record is dated and sourced, no two holders of one office of one country overlap (in the data and
in the built knowledge base), and "the President of X" on a day finds the one holder of that day."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from realpolitik.actors.kb import KnowledgeBase

KB_DATA = Path(__file__).resolve().parents[2] / "scripts" / "kb"
OFFICES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "head",
    "party_leader",
)


def _tenures() -> list[dict[str, Any]]:
    out = []
    for path in sorted((KB_DATA / "officeholders").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                out.append({**json.loads(line), "where": f"{path.name}:{number}"})
    return out


def _overlaps(spans: dict[Any, list[tuple[date, date | None, str]]]) -> list[str]:
    found = []
    for key, held in spans.items():
        held.sort(key=lambda s: (s[0], s[1] or date.max))
        for (s1, e1, a), (s2, _e2, b) in pairwise(held):
            if e1 is None or e1 > s2:
                found.append(f"{key}: {a} ({s1}..{e1}) overlaps {b} (from {s2})")
    return found


def test_at_least_1500_dated_and_sourced_records() -> None:
    tenures = _tenures()
    assert len(tenures) >= 1500
    for t in tenures:
        assert t["office"] in OFFICES, t["where"]
        assert t["source"].strip() and t["name"].strip() and t["title"].strip(), t["where"]
        start = date.fromisoformat(t["start"])
        end = date.fromisoformat(t["end"]) if t.get("end") else None
        assert end is None or end > start, t["where"]
        assert (end or date.max) >= date(2000, 1, 1) and start <= date(2026, 11, 30), t["where"]
    assert sum(1 for t in tenures if t.get("acting")) > 100  # acting holders are marked


def test_no_two_holders_of_one_office_overlap_in_the_data() -> None:
    spans: dict[Any, list[tuple[date, date | None, str]]] = defaultdict(list)
    for t in _tenures():
        end = date.fromisoformat(t["end"]) if t.get("end") else None
        spans[(t["country"], t["office"])].append((date.fromisoformat(t["start"]), end, t["name"]))
    assert _overlaps(spans) == []


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.bundled()


def test_no_two_holders_of_one_office_overlap_in_the_knowledge_base(kb: KnowledgeBase) -> None:
    spans: dict[Any, list[tuple[date, date | None, str]]] = defaultdict(list)
    dated = 0
    for actor in kb.actors.values():
        for role in actor.roles:
            if role.office and role.start:
                dated += 1
                spans[(role.country, role.office)].append((role.start, role.end, actor.name))
    assert dated >= 1500
    assert _overlaps(spans) == []


@pytest.mark.parametrize(
    ("country", "office", "day", "name"),
    [
        ("TKM", "President", date(2022, 3, 18), "Gurbanguly Berdimuhamedow"),
        ("TKM", "President", date(2022, 3, 19), "Serdar Berdimuhamedow"),
        ("KAZ", "Prime Minister", date(2024, 2, 5), "Roman Sklyar"),  # acting for one day
        (
            "DEU",
            "head of government",
            date(2025, 6, 1),
            "Friedrich Merz",
        ),  # a chancellor heads the government
        ("IRL", "prime minister", date(2021, 1, 1), "Micheál Martin"),  # the Taoiseach
        ("USA", "foreign minister", date(2025, 6, 1), "Marco Rubio"),  # the Secretary of State
        ("GBR", "Defence Secretary", date(2025, 6, 1), "John Healey"),
        ("UN", "Secretary-General", date(2010, 1, 1), "Ban Ki-moon"),
        ("EU", "foreign policy chief", date(2025, 6, 1), "Kaja Kallas"),
        ("IMF", "head", date(2020, 1, 1), "Kristalina Georgieva"),
        ("SAU", "monarch", date(2020, 1, 1), "Salman bin Abdulaziz"),
    ],
)
def test_an_office_on_a_day_has_one_holder(
    kb: KnowledgeBase, country: str, office: str, day: date, name: str
) -> None:
    held = kb.holder(country, office, day)
    assert held is not None and held[0].name == name


def test_acting_holders_say_so(kb: KnowledgeBase) -> None:
    held = kb.holder("KAZ", "Prime Minister", date(2024, 2, 5))
    assert (
        held is not None
        and held[1].title == "Acting Prime Minister"
        and held[1].office == "head_of_government"
    )
