"""Modality of coded events on the hand-written cases in tests/data/modality_cases.jsonl (negation,
modal verbs, conditionals, questions, speculation, reported speech, and intentions coded as asserted AGREE)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers import coded

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent.parent / "data" / "modality_cases.jsonl").read_text().splitlines()
    if line.strip()
]


def test_the_case_file_is_large_and_covers_every_modality() -> None:
    assert len(CASES) >= 60
    assert {c["modality"] for c in CASES} == {"asserted", "negated", "hypothetical"}


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c['trigger']}" for i, c in enumerate(CASES)])
def test_modality_case(nlp_engine: Any, case: dict[str, Any]) -> None:
    events = coded(nlp_engine, case["text"])  # modality is decided before completeness is
    text = case["text"]
    fired = [e for e in events if text[e.trigger_start : e.trigger_end] == case["trigger"]]
    assert fired, f"no event on {case['trigger']!r}: {[(e.type, e.rule) for e in events]}"
    assert {e.modality for e in fired} == {case["modality"]}, [(e.type, e.modality, e.rule) for e in fired]
    if "type" in case:
        assert {e.type for e in fired} == {case["type"]}, [(e.type, e.rule) for e in fired]
