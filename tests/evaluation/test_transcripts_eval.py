"""Scoring transcript turns against gold: statements read back into turns, boundary F1 within 2 characters,
speaker accuracy by name (or code and sector for "Question:"), and the evaluator over the real gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.errors import EvalDataError
from realpolitik.evaluation.transcripts import (
    TurnScore,
    corpus_articles,
    gold_path,
    load_gold,
    predicted_turns,
    same_person,
    score_turns,
    speaker_right,
)
from realpolitik.model import Speaker, Statement

TEXT = (
    "The talks took place in the Kremlin.\n\n"
    "Vladimir Putin: Good afternoon.\n\n"
    "We have much to discuss.\n\n"
    "President of Kazakhstan Nursultan Nazarbayev: Thank you.\n\n"
    "Question: What about the CSTO?"
)


def at(text: str) -> int:
    return TEXT.index(text)


def statement(content: str, label: str, speaker: Speaker) -> Statement:
    start = at(content)
    cue = TEXT.index(label)
    return Statement(
        id=f"s{start}",
        article_id="a",
        start=start,
        end=start + len(content),
        speaker=speaker,
        cue=label,
        cue_start=cue,
        cue_end=cue + len(label),
    )


PUTIN = Speaker("Vladimir Putin", "actor", "RUS", "GOV")
NAZARBAYEV = Speaker("Nursultan Nazarbayev", "actor", "KAZ", "GOV")
JOURNALIST = Speaker(None, "unknown", None, "MED")


def gold_turn(label: str, name: str | None, code: str | None, sector: str | None) -> dict[str, Any]:
    start = TEXT.index(label)
    return {
        "start": start,
        "content_start": start + len(label) + 2,
        "end": start + len(label) + 10,
        "label": label,
        "speaker": {"name": name, "code": code, "sector": sector, "type": "actor" if name else "unknown"},
    }


def test_statements_are_read_back_into_one_turn_per_label() -> None:
    statements = [
        statement("Good afternoon.", "Vladimir Putin", PUTIN),
        statement("We have much to discuss.", "Vladimir Putin", PUTIN),  # a continued paragraph
        statement("Thank you.", "President of Kazakhstan Nursultan Nazarbayev", NAZARBAYEV),
        Statement(
            id="q", article_id="a", start=0, end=10, speaker=PUTIN, cue="talks", cue_start=4, cue_end=9
        ),
    ]
    turns = predicted_turns(TEXT, statements)
    assert [(t.start, t.speaker.name) for t in turns] == [
        (at("Vladimir Putin"), "Vladimir Putin"),
        (at("President of Kazakhstan"), "Nursultan Nazarbayev"),
    ]


def test_names_match_across_transliterations_but_not_other_people() -> None:
    assert same_person("Dmitry Peskov", "Dmitri Peskov")
    assert same_person("Vladimir Putin", "President Vladimir Putin")
    assert same_person("Nursultan Nazarbayev", "Nazarbayev")
    assert same_person("Tomislav Nikolic", "Tomislav Nikolić")
    assert not same_person("Sophie Shevardnadze", "Eduard Shevardnadze")
    assert not same_person("Vladimir Putin", None)


def test_a_question_is_right_by_code_and_sector() -> None:
    gold = {"name": None, "code": "RUS", "sector": "MED"}
    assert speaker_right(gold, Speaker(None, "unknown", "RUS", "MED"))
    assert not speaker_right(gold, Speaker(None, "unknown", None, "MED"))


def test_boundaries_within_two_characters_and_speaker_accuracy_over_gold_turns() -> None:
    gold = [
        gold_turn("Vladimir Putin", "Vladimir Putin", "RUS", "GOV"),
        gold_turn("President of Kazakhstan Nursultan Nazarbayev", "Nursultan Nazarbayev", "KAZ", "GOV"),
        gold_turn("Question", None, "RUS", "MED"),
    ]
    from realpolitik.evaluation.transcripts import PredictedTurn

    predicted = [
        PredictedTurn(at("Vladimir Putin") + 1, PUTIN),  # one character off: still the same turn
        PredictedTurn(at("Question"), JOURNALIST),  # wrong code
        PredictedTurn(at("The talks"), PUTIN),  # spurious
    ]
    score = TurnScore()
    score.add("a", TEXT, gold, predicted)
    assert (score.boundaries.tp, score.boundaries.fp, score.boundaries.fn) == (2, 1, 1)
    metrics = score.metrics()
    assert metrics["speaker_accuracy"] == pytest.approx(1 / 3)
    assert {e["kind"] for e in score.errors} == {"missed", "speaker", "spurious"}


def test_scores_per_split() -> None:
    gold = [
        {"id": "a", "split": "dev", "turns": [gold_turn("Vladimir Putin", "Vladimir Putin", "RUS", "GOV")]}
    ]
    scores = score_turns(
        gold, {"a": TEXT}, lambda record: [statement("Good afternoon.", "Vladimir Putin", PUTIN)]
    )
    assert set(scores) == {"all", "dev"}
    assert scores["dev"].metrics()["boundary_f1"] == 1.0


def test_gold_file_is_found_and_every_transcript_is_in_the_corpus(data_dir: Path) -> None:
    gold = load_gold(gold_path(data_dir))
    assert len(gold) >= 15 and sum(len(r["turns"]) for r in gold) >= 300
    assert {r["split"] for r in gold} == {"dev", "test"}
    items = corpus_articles(data_dir, (r["id"] for r in gold))
    for record in gold:
        text = items[record["id"]]["text"]
        for turn in record["turns"]:
            opening = text[turn["start"] : turn["content_start"]]
            # the label, then its colon ("Kseniya Slutskaya Yes." has none) and spaces
            assert opening.startswith(turn["label"])
            assert opening[len(turn["label"]) :].strip() in (":", "")


def test_missing_transcripts_are_an_eval_data_error(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    with pytest.raises(EvalDataError):
        corpus_articles(tmp_path, ["kremlin-en-1"])


@pytest.mark.model
def test_transcript_turns_evaluator_on_the_gold(nlp_engine: Any, data_dir: Path) -> None:
    from realpolitik.evaluation.transcripts import evaluate_transcript_turns

    result = evaluate_transcript_turns(data_dir, lambda: nlp_engine)
    assert result.size >= 300
    assert result.metrics["dev.boundary_f1"] >= 0.95
    assert result.metrics["dev.speaker_accuracy"] >= 0.95
    assert {"test.boundary_f1", "test.speaker_accuracy", "test.code_sector_accuracy"} <= set(result.metrics)
    gold = {r["id"]: r["split"] for r in load_gold(gold_path(data_dir))}
    assert all(gold[e["item"]] == "dev" for e in result.extra["dev_errors"])  # the test part is never listed


def test_a_label_with_a_translator_note_is_read_back_as_a_turn() -> None:
    text = "Recep Tayyip Erdogan (retranslated): Thank you.\n\nVladimir Putin: Welcome."
    erdogan = Speaker("Recep Tayyip Erdogan", "actor", "TUR", "GOV")
    statements = [
        Statement(id="e", article_id="a", start=37, end=47, speaker=erdogan, cue_start=0, cue_end=20),
        Statement(id="p", article_id="a", start=65, end=73, speaker=PUTIN, cue_start=49, cue_end=63),
    ]
    assert [t.start for t in predicted_turns(text, statements)] == [0, 49]


def test_a_label_left_without_its_colon_is_read_back_as_a_turn_but_a_cue_in_a_sentence_is_not() -> None:
    text = "Megyn Kelly I do.\n\nVladimir Putin: Fine.\n\nPutin said we would talk."
    kelly = Speaker("Megyn Kelly", "actor", "USA", "MED")
    statements = [
        Statement(id="k", article_id="a", start=12, end=17, speaker=kelly, cue_start=0, cue_end=11),
        Statement(id="p", article_id="a", start=35, end=40, speaker=PUTIN, cue_start=19, cue_end=33),
        Statement(id="s", article_id="a", start=53, end=66, speaker=PUTIN, cue_start=48, cue_end=52),
    ]
    assert [t.start for t in predicted_turns(text, statements)] == [0, 19]
