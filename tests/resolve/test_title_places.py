"""A state a title names only as where something happens is no participant of the readout; a state body it names is."""

from __future__ import annotations

from datetime import date

from realpolitik.model import Article, Mention
from realpolitik.resolve.participants import _placed, article_participants


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


def test_a_state_body_in_the_title_is_a_participant() -> None:
    # "Meeting with Director of Chinese Communist Party General Office Li Zhanshu": the person is unknown, the
    # body he speaks for is China's
    title = "Meeting with Director of Chinese Communist Party General Office Li Zhanshu"
    start = title.index("Chinese")
    party = Mention(
        "a", start, start + 23, "Chinese Communist Party", "agent:cpc", "CHN", "GOV", "CPC", "agent"
    )
    article = Article.from_text("We discussed trade.", id="a", title=title)
    found = article_participants(None, article, date(2017, 4, 10), lambda text, day: [party])  # type: ignore[arg-type]
    assert [(m.code, m.via) for m in found] == [("CHN", "title")]
