"""What is no statement though it sits where one would: stage directions, captions, table rows (records built by
hand, no model)."""

from __future__ import annotations

import pytest

from realpolitik.model import Speaker
from realpolitik.statements.drafts import Draft, is_not_statement

PUTIN = Speaker(name="Vladimir Putin", type="actor", code="RUS", sector="GOV")


def _draft(text: str, form: str = "direct") -> tuple[str, Draft]:
    return text, Draft(0, len(text), PUTIN, form)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["(Applause.)", "(Laughter)", "[Inaudible.]", " (Applause.) "])
def test_a_stage_direction_is_no_statement(text: str) -> None:
    assert is_not_statement(*_draft(text))


@pytest.mark.parametrize("text", ["(no microphone).", "(Without microphone)", "[without a microphone]."])
def test_a_turn_taken_off_the_microphone_is_no_statement(text: str) -> None:
    """ "Question: (no microphone).": a turn was taken, but no words were recorded to quote."""
    assert is_not_statement(text, Draft(0, len(text), PUTIN, "direct", (0, 1), labelled=True))


@pytest.mark.parametrize(
    "text",
    [
        "Thank you. (Applause.) We will continue our work with Kazakhstan.",
        "We discussed the situation (in Syria and Iraq) at length.",
        "Russia is ready to help.",
    ],
)
def test_words_said_around_a_stage_direction_are_a_statement(text: str) -> None:
    assert not is_not_statement(*_draft(text))
