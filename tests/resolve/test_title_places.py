"""A state a title names only as where something happens is no participant of the readout."""

from __future__ import annotations

from realpolitik.model import Mention
from realpolitik.resolve.participants import _placed


def _state(title: str, name: str) -> Mention:
    start = title.index(name)
    return Mention("a", start, start + len(name), name, name, "KAZ", None, name, "state")


def test_a_state_after_in_is_a_place() -> None:
    title = "President Vladimir Putin met with Russian community association leaders in Kazakhstan"
    assert _placed(title, _state(title, "Kazakhstan"))
    title = "Greetings to the President on winning presidential election in the Republic of Kazakhstan"
    assert _placed(title, _state(title, "Kazakhstan"))


def test_a_state_arrived_in_or_met_with_is_a_participant() -> None:
    title = "Vladimir Putin arrived in Kazakhstan"
    assert not _placed(title, _state(title, "Kazakhstan"))
    title = "Talks with President of Kazakhstan"
    assert not _placed(title, _state(title, "Kazakhstan"))
