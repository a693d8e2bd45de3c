"""Acceptance on the example article: seven dash-led anonymous experts and two reported leaders (CHN GOV),
and the measured floors on our Wikinews gold and on NewsMTSC devtest_rw."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.evaluation.statements import evaluate_newsmtsc, evaluate_statements

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def example(nlp_engine: Any, example_article: str) -> tuple[str, Any]:
    return example_article, nlp_engine.analyze_text(example_article, published="2022-01-10")


def test_seven_dash_paragraphs_are_anonymous_experts(example: tuple[str, Any]) -> None:
    text, analysis = example
    dash_paragraphs = [p.strip() for p in text.split("\n\n") if p.strip() and p.strip()[0] in "–—-"]
    assert len(dash_paragraphs) == 7
    experts = [s for s in analysis.statements if s.speaker.type == "anonymous_expert"]
    assert len(experts) == 7
    for para, st in zip(dash_paragraphs, experts, strict=True):
        content = text[st.start : st.end]
        assert content == para.lstrip("–—- ")
        assert st.speaker.name is None and st.speaker.code is None
        assert st.form == "direct"
        assert text[st.speaker.start : st.speaker.end] == "experts"


def test_two_reported_statements_by_chinese_leaders(example: tuple[str, Any]) -> None:
    text, analysis = example
    leaders = [s for s in analysis.statements if s.speaker.type == "actor"]
    assert [(s.speaker.name, s.speaker.code, s.speaker.sector) for s in leaders] == [
        ("Wang Yi", "CHN", "GOV"),
        ("Xi Jinping", "CHN", "GOV"),
    ]
    wang, xi = leaders
    assert text[wang.start : wang.end].startswith("China is ready to deepen cooperation with Kazakhstan")
    assert "Wang Yi" not in text[wang.start : wang.end]
    assert text[xi.start : xi.end].startswith("China is ready to provide all kinds of assistance")
    assert wang.form == xi.form == "indirect"
    assert wang.cue == xi.cue == "said"
    assert {"CHN", "KAZ"} <= {s.code for s in wang.stances}


def test_no_other_statements_in_the_example(example: tuple[str, Any]) -> None:
    _, analysis = example
    assert len(analysis.statements) == 9


def test_statement_floors_on_wikinews_gold(nlp_engine: Any, data_dir: Path) -> None:
    result = evaluate_statements(data_dir, lambda: nlp_engine)
    assert result.metrics["heldout.content_overlap_f1"] >= 0.8
    assert result.metrics["heldout.speaker_accuracy"] >= 0.8
    assert result.metrics["content_overlap_f1"] >= 0.8


@pytest.mark.slow
def test_stance_floor_on_newsmtsc(nlp_engine: Any, data_dir: Path) -> None:
    result = evaluate_newsmtsc(data_dir, lambda: nlp_engine)
    assert result.metrics["macro_f1"] >= 0.6
    assert result.metrics["macro_f1_rules"] >= 0.45
