"""The hand-judged random samples of the full corpus (docs/audits/) are complete and their tallies in
docs/audits/README.md are the files' own: a figure quoted from an audit can be recounted by anyone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

AUDITS = Path(__file__).resolve().parents[1] / "docs" / "audits"
EVENT_KEYS = ("correct", "type_ok", "source_ok", "target_ok", "modality_ok", "note")
STATEMENT_KEYS = ("correct", "speaker_ok", "content_ok", "note")
# the audits after the first one (seed 29, the files without a seed in their name)
SEEDS = (31, 33, 35, 37, 39, 41, 43, 45, 47, 49)
KINDS = {
    "events-sample.jsonl": (100, EVENT_KEYS),
    "statements-sample.jsonl": (60, STATEMENT_KEYS),
    **{f"events-sample-seed{seed}.jsonl": (100, EVENT_KEYS) for seed in SEEDS},
    **{f"statements-sample-seed{seed}.jsonl": (60, STATEMENT_KEYS) for seed in SEEDS},
    "kaz-influence-judged.jsonl": (224, EVENT_KEYS),
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
