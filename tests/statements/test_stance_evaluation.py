"""Stance follows what a statement says of an actor: praise, thanks, condolence, congratulation give a positive
stance toward the actor they are aimed at, criticism, condemnation, threats a negative one, whatever the rest
of the sentence says; the same actor takes both signs in different statements."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

CASES = [
    (
        'Vladimir Putin said: "We highly appreciate the contribution of Kazakhstan to the fight against terrorism."',
        "KAZ",
        1,
    ),
    (
        'Vladimir Putin said: "I want to thank Kazakhstan for the difficult work on the Syrian settlement."',
        "KAZ",
        1,
    ),
    (
        "The Kremlin said Vladimir Putin praised Nursultan Nazarbayev, who faced a terrible crisis, for his wisdom.",
        "KAZ",
        1,
    ),
    ('Vladimir Putin said: "We criticise Kazakhstan for these unfriendly and unfair steps."', "KAZ", -1),
    ('Xi Jinping said: "We strongly condemn Japan for this provocation."', "JPN", -1),
    ('Xi Jinping said: "We congratulate Japan on the successful and peaceful Olympic Games."', "JPN", 1),
    (
        "The Kremlin said Vladimir Putin expressed his deepest condolences to the people of Turkey after the deadly earthquake.",
        "TUR",
        1,
    ),
    ('The minister said: "Russia threatened Ukraine with new sanctions and a blockade."', "UKR", -1),
]


@pytest.mark.parametrize(("text", "code", "sign"), CASES)
def test_stance_takes_the_sign_of_the_evaluation(nlp_engine: Any, text: str, code: str, sign: int) -> None:
    analysis = nlp_engine.analyze_text(text, id="s", published="2019-06-01")
    polarities = [st.polarity for s in analysis.statements for st in s.stances if st.code == code]
    assert polarities, (text, analysis.statements)
    assert all(p * sign > 0.5 for p in polarities), (text, polarities)


def test_a_negated_evaluation_gives_no_sign_of_its_own(nlp_engine: Any) -> None:
    from realpolitik.statements.stance import evaluation_sign

    doc = nlp_engine.annotator.nlp("Putin did not criticise Kazakhstan for the decision.")
    start = doc.text.index("Kazakhstan")
    assert evaluation_sign(doc, start, start + len("Kazakhstan")) is None
