"""The hand-judged random samples of the full corpus (docs/audits/) are complete and their tallies in
docs/audits/README.md are the files' own: a figure quoted from an audit can be recounted by anyone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

AUDITS = Path(__file__).resolve().parents[1] / "docs" / "audits"
KINDS = {
    "events-sample.jsonl": (100, ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note")),
    "statements-sample.jsonl": (60, ("correct", "speaker_ok", "content_ok", "note")),
    "events-sample-seed31.jsonl": (
        100,
        ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note"),
    ),
    "statements-sample-seed31.jsonl": (60, ("correct", "speaker_ok", "content_ok", "note")),
    "events-sample-seed33.jsonl": (
        100,
        ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note"),
    ),
    "statements-sample-seed33.jsonl": (60, ("correct", "speaker_ok", "content_ok", "note")),
    "events-sample-seed35.jsonl": (
        100,
        ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note"),
    ),
    "statements-sample-seed35.jsonl": (60, ("correct", "speaker_ok", "content_ok", "note")),
    "events-sample-seed37.jsonl": (
        100,
        ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note"),
    ),
    "statements-sample-seed37.jsonl": (60, ("correct", "speaker_ok", "content_ok", "note")),
    "events-sample-seed39.jsonl": (
        100,
        ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note"),
    ),
    "statements-sample-seed39.jsonl": (60, ("correct", "speaker_ok", "content_ok", "note")),
    "kaz-influence-judged.jsonl": (
        220,
        ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note"),
    ),
}


def _records(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (AUDITS / name).read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_sampled_record_is_judged(name: str) -> None:
    size, keys = KINDS[name]
    records = _records(name)
    assert len(records) == size
    assert len({r["id"] for r in records}) == size
    for record in records:
        judgement = record["judgement"]
        assert isinstance(judgement, dict) and set(keys) <= set(judgement), record["id"]
        flags = [judgement[k] for k in keys if k not in ("correct", "note")]
        assert judgement["correct"] == all(flags), record["id"]  # right means right on every count


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_readme_quotes_the_files_tally(name: str) -> None:
    correct = sum(bool(r["judgement"]["correct"]) for r in _records(name))  # type: ignore[index]
    readme = (AUDITS / "README.md").read_text(encoding="utf-8")
    quoted = re.search(rf"`{re.escape(name)}`[^\n]*?\*\*(\d+) of (\d+)\*\*", readme)
    assert quoted, f"README.md gives no '**N of M**' tally for {name}"
    assert (int(quoted.group(1)), int(quoted.group(2))) == (correct, KINDS[name][0])
