"""Who "you" is in a two-sided meeting's transcript (``resolve.addressee``), on hand-built mentions and turns."""

from __future__ import annotations

from realpolitik.model import Mention
from realpolitik.resolve.addressee import addressee, two_participants


def person(code: str, start: int = 0, *, via: str = "title", kind: str = "person") -> Mention:
    return Mention("a", start, start, code, code.lower(), code=code, kind=kind, via=via)


PUTIN = person("RUS", via="publisher")
MODI = person("IND")
SIDES = two_participants([PUTIN, MODI])


def test_the_other_side_of_the_turn_speaker_is_spoken_to() -> None:
    turns = [(0, person("RUS", 0, via="gazetteer")), (100, person("IND", 100, via="gazetteer"))]
    spoken_to = addressee(150, turns, SIDES)
    assert spoken_to is not None and spoken_to.code == "RUS"
    spoken_to = addressee(50, turns, SIDES)
    assert spoken_to is not None and spoken_to.code == "IND"


def test_a_journalist_or_third_speaker_leaves_you_unknown() -> None:
    with_question = [(0, None), (100, person("RUS", 100, via="gazetteer"))]
    assert addressee(150, with_question, SIDES) is None
    third = [(0, person("RUS", 0, via="gazetteer")), (100, person("KAZ", 100, via="gazetteer"))]
    assert addressee(50, third, SIDES) is None


def test_only_an_encounter_of_two_states_has_an_other_side() -> None:
    assert two_participants([PUTIN]) == {}
    assert two_participants([PUTIN, MODI, person("CHN")]) == {}
    assert two_participants([PUTIN, person("SCO", kind="igo")]) == {}
    turns = [(0, person("RUS", 0, via="gazetteer"))]
    assert addressee(50, turns, {}) is None


def test_text_before_the_first_turn_has_no_speaker() -> None:
    turns = [(100, person("RUS", 100, via="gazetteer"))]
    assert addressee(50, turns, SIDES) is None
