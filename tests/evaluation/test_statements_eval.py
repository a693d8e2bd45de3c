"""Scoring of statements against gold (exact/overlap P/R/F1, speaker accuracy) and NewsMTSC macro-F1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.errors import EvalDataError
from realpolitik.evaluation.statements import (
    StatementScore,
    gold_path,
    load_gold,
    macro_f1,
    score_statements,
    speaker_matches,
    trim,
)
from realpolitik.model import Speaker, Statement

TEXT = 'Smith said "we will win the vote." Officials said the talks failed. Jones said nothing new happened.'


def statement(start: int, end: int, speaker: Speaker) -> Statement:
    return Statement(id=f"s{start}", article_id="a", start=start, end=end, speaker=speaker)


def gold(start: int, end: int, name: str | None, kind: str) -> dict[str, object]:
    return {"start": start, "end": end, "speaker": {"name": name, "text": name, "type": kind}}


def span(text: str) -> tuple[int, int]:
    i = TEXT.index(text)
    return i, i + len(text)


def test_trim_drops_quotation_marks_and_edge_punctuation() -> None:
    s, e = span('"we will win the vote."')
    assert TEXT[slice(*trim(TEXT, s, e))] == "we will win the vote"


def test_speaker_match_needs_type_and_a_name_word() -> None:
    g = {"name": "Joachim Brudziński", "type": "actor"}
    assert speaker_matches(g, "actor", "Brudziński", "")
    assert speaker_matches(g, "actor", None, "Interior Minister Joachim Brudziński")
    assert not speaker_matches(g, "actor", "Andrzej Duda", "Duda")
    assert not speaker_matches(g, "anonymous_official", "Brudziński", "")
    assert speaker_matches({"name": None, "type": "group"}, "group", None, "")


def test_exact_overlap_and_speaker_scores() -> None:
    quote = span("we will win the vote.")
    talks = span("the talks failed")
    nothing = span("nothing new happened")
    golds = [
        gold(*quote, "Smith", "actor"),
        gold(*talks, None, "anonymous_official"),
        gold(*nothing, "Jones", "actor"),
    ]
    predicted = [
        statement(quote[0] - 1, quote[1] + 1, Speaker("Smith", "actor")),  # quote marks included: still exact
        statement(talks[0], talks[1] - 7, Speaker(None, "unknown")),  # overlap only, wrong speaker type
        statement(0, 5, Speaker("Smith", "actor")),  # spurious
    ]
    score = StatementScore()
    score.add(TEXT, golds, predicted, "a")
    assert (score.exact.tp, score.exact.fp, score.exact.fn) == (1, 2, 2)
    assert (score.overlap.tp, score.overlap.fp, score.overlap.fn) == (2, 1, 1)
    assert score.speaker_accuracy == pytest.approx(0.5)
    assert {e["kind"] for e in score.errors} == {"speaker", "missed", "spurious"}


def test_small_overlap_is_not_a_match() -> None:
    talks = span("the talks failed")
    score = StatementScore()
    # shares 3 characters: less than half of either span
    predicted = [statement(talks[1] - 3, talks[1] + 20, Speaker(None, "anonymous_official"))]
    score.add(TEXT, [gold(*talks, None, "anonymous_official")], predicted, "a")
    assert (score.overlap.tp, score.overlap.fp, score.overlap.fn) == (0, 1, 1)


def test_scores_are_split_by_gold_split() -> None:
    quote = span("we will win the vote.")
    records = [
        {"id": "a", "text": TEXT, "split": "dev", "statements": [gold(*quote, "Smith", "actor")]},
        {"id": "b", "text": TEXT, "split": "heldout", "statements": [gold(*quote, "Smith", "actor")]},
    ]
    scores = score_statements(
        records, lambda r: [statement(*quote, Speaker("Smith", "actor"))] if r["id"] == "a" else []
    )
    assert scores["dev"].overlap.f1 == 1.0
    assert scores["heldout"].overlap.recall == 0.0
    assert scores["all"].overlap.tp == 1


def test_macro_f1_over_three_classes() -> None:
    f1, per = macro_f1(
        ["negative", "neutral", "positive", "positive"], ["negative", "positive", "positive", "neutral"]
    )
    assert per["negative"].f1 == 1.0
    assert per["neutral"].f1 == 0.0
    assert per["positive"].f1 == pytest.approx(0.5)
    assert f1 == pytest.approx(0.5)


def test_gold_path_prefers_the_data_dir_and_reports_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REALPOLITIK_STATEMENTS_GOLD", raising=False)
    (tmp_path / "statements_gold.jsonl").write_text('{"id": "x", "text": "", "statements": []}\n')
    assert gold_path(tmp_path) == tmp_path / "statements_gold.jsonl"
    monkeypatch.setenv("REALPOLITIK_STATEMENTS_GOLD", str(tmp_path / "missing.jsonl"))
    assert gold_path(tmp_path) == tmp_path / "statements_gold.jsonl"


def test_bundled_gold_is_well_formed(repo_dir: Path) -> None:
    records = load_gold(repo_dir / "tests" / "data" / "statements_gold.jsonl")
    assert len(records) >= 40
    assert {r["split"] for r in records} == {"dev", "heldout"}
    for r in records:
        for s in r["statements"]:
            assert r["text"][s["start"] : s["end"]] == s["text"]
            assert s["speaker"]["type"] in {
                "actor",
                "anonymous_expert",
                "anonymous_official",
                "group",
                "unknown",
            }


def test_unreadable_gold_raises_eval_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "statements_gold.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(EvalDataError):
        load_gold(bad)
    assert json.loads('{"a": 1}') == {"a": 1}
