"""Speakers the article names next to the statement, end to end through the Engine: each case names the exact
content span and its speaker, and fails without the rule it stands for; and reported speech that is not one."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (text, [(the content exactly, speaker type, a word of the speaker's name or None)])
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    # the attribution right after the quote, which the parser did not hang the quote on
    (
        '"We made a lot of ground this week", Caloundra coach Geoff Ingram said.',
        [("We made a lot of ground this week", "actor", "Ingram")],
    ),
    (
        '"On behalf of the Court and retired Justices," wrote Chief Justice John G. Roberts, "I am saddened to '
        'report that our colleague has passed away."',
        [("On behalf of the Court and retired Justices", "actor", "Roberts")],
    ),
]

# Texts that hold no statement at all.
NO_STATEMENTS: list[str] = []


def _statements(nlp_engine: Any, text: str) -> list[Any]:
    return list(nlp_engine.analyze_text(text).statements)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_speaker(nlp_engine: Any, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = {text[s.start : s.end].rstrip(",."): s for s in _statements(nlp_engine, text)}
    for content, kind, name in expected:
        assert content in found, f"no statement {content!r}: {list(found)}"
        speaker = found[content].speaker
        assert speaker.type == kind, (content, speaker)
        if name is not None:
            said = f"{speaker.name} {text[speaker.start or 0 : speaker.end or 0]}"
            assert name.casefold() in said.casefold(), (content, speaker)


@pytest.mark.parametrize("text", NO_STATEMENTS, ids=[t[:40] for t in NO_STATEMENTS])
def test_no_statement(nlp_engine: Any, text: str) -> None:
    assert [text[s.start : s.end] for s in _statements(nlp_engine, text)] == []
