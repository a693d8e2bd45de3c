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

# a definite noun phrase for the actor the article named with that word earlier: a title before a person's name,
# a name of its own ("the Obama administration", "the city of Yonkers")
CASES += [
    (
        "The bill was criticised by archbishop Jorge Scheinig on Sunday. The archbishop said the church would "
        "oppose the bill in the senate.",
        [("the church would oppose the bill in the senate", "actor", "Scheinig")],
    ),
    (
        "For weeks, the Obama administration has tried to change the rule. A few days later the administration "
        "said it would appeal the ruling.",
        [("it would appeal the ruling", "actor", "Obama administration")],
    ),
    (
        "Water was cut off in the city of Yonkers on Monday. Later that day the city stated the repair crews had "
        "located the broken pipe.",
        [("the repair crews had located the broken pipe", "actor", "Yonkers")],
    ),
]

# an institution named by what follows "of" speaks as an actor; "their statement" is the last body's that spoke
CASES += [
    (
        "The government of Tuvalu said the treaty ignored the rights of small island states. Their statement "
        'also read "the treaty must be renegotiated before it comes into force."',
        [
            ("the treaty ignored the rights of small island states", "actor", "Tuvalu"),
            ("the treaty must be renegotiated before it comes into force", "actor", "Tuvalu"),
        ],
    ),
]

# an office nobody in the article is named for is an anonymous official; a name after the office is the speaker
CASES += [
    (
        "The bus was carrying twenty children to a dance competition, according to the mayor of Yartsevo.",
        [("The bus was carrying twenty children to a dance competition", "anonymous_official", None)],
    ),
    (
        "According to the El Paso mayor, Dee Margo, during the weekend, police were investigating whether a "
        "manifesto was written by the suspect.",
        [
            (
                "during the weekend, police were investigating whether a manifesto was written by the suspect",
                "actor",
                "Margo",
            )
        ],
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
