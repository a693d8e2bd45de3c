"""Transcript turns for first-person references (``speaker_turns``), on hand-built mentions: a label naming a
speaker the knowledge base does not know ends the previous speaker's turn."""

from __future__ import annotations

from realpolitik.model import Mention
from realpolitik.resolve.referents import speaker_turns

TEXT = (
    "Vladimir Putin: Good afternoon.\n\n"
    "Ivan Afanasyev: Allow me to invite you to Gomel.\n\n"
    "Vladimir Putin: Thank you.\n"
)


def mention(text: str, start: int, *, code: str | None, via: str) -> Mention:
    kind = "person" if code else None
    return Mention(
        "a", start, start + len(text), text, "putin" if code else None, code=code, kind=kind, via=via
    )


def putin_at(start: int) -> Mention:
    return mention("Vladimir Putin", start, code="RUS", via="gazetteer")


def test_an_unknown_named_speaker_opens_a_turn_of_nobody() -> None:
    second = TEXT.index("Ivan")
    third = TEXT.rindex("Vladimir")
    mentions = [putin_at(0), mention("Ivan Afanasyev", second, code=None, via="unresolved"), putin_at(third)]
    turns = speaker_turns(TEXT, mentions)
    assert [start for start, _ in turns] == [0, second, third]
    assert turns[1][1] is None
    assert turns[0][1] is not None and turns[0][1].code == "RUS"


def test_without_the_unknown_name_the_turn_runs_on() -> None:
    third = TEXT.rindex("Vladimir")
    turns = speaker_turns(TEXT, [putin_at(0), putin_at(third)])
    assert [start for start, _ in turns] == [0, third]


def test_an_unresolved_label_that_is_no_name_opens_nothing() -> None:
    text = (
        "Vladimir Putin: Good afternoon.\n\nRussian Railways reported record freight: 1.2 billion tonnes.\n"
    )
    org = mention("Russian Railways", text.index("Russian"), code=None, via="unresolved")
    assert [start for start, _ in speaker_turns(text, [putin_at(0), org])] == [0]


def test_unknown_names_alone_make_no_transcript() -> None:
    text = "Ivan Afanasyev: Allow me to invite you.\n\nPeter Smith: Thank you.\n"
    mentions = [
        mention("Ivan Afanasyev", 0, code=None, via="unresolved"),
        mention("Peter Smith", text.index("Peter"), code=None, via="unresolved"),
    ]
    assert speaker_turns(text, mentions) == []


def test_a_sentence_before_a_colon_is_no_label_even_with_a_name() -> None:
    text = (
        "President of Russia Vladimir Putin: Good afternoon.\n\n"
        "Mr Nazarbayev knows, and we discussed this today during the meeting: the road has been built.\n\n"
        "We intend to provide support.\n"
    )
    nazarbayev = Mention(
        "a",
        text.index("Nazarbayev"),
        text.index("Nazarbayev") + 10,
        "Nazarbayev",
        "nazarbayev",
        code="KAZ",
        kind="person",
        via="gazetteer",
    )
    putin = mention("Vladimir Putin", text.index("Vladimir"), code="RUS", via="gazetteer")
    turns = speaker_turns(text, [putin, nazarbayev])
    assert [m.code if m else None for _, m in turns] == ["RUS"]


def test_a_long_tooltip_label_opens_its_speakers_turn() -> None:
    label = (
        "Chairman of the Central Committee of the Communist Party of the Russian Federation Gennady Zyuganov "
        "Zyuganov GennadyChairman of the Central Committee of the Communist Party of the Russian Federation, "
        "Communist Party State Duma faction leader"
    )
    text = f"Vladimir Putin: Good afternoon.\n\n{label} : We demand it.\n"
    at = text.index("Gennady")
    zyuganov = Mention("a", at, at + 15, "Gennady Zyuganov", "zyuganov", code="RUS", kind="person")
    turns = speaker_turns(text, [putin_at(0), zyuganov])
    assert len(turns) == 2 and turns[1][1] is zyuganov


def test_a_label_with_no_space_after_its_colon_opens_a_turn() -> None:
    text = (
        "Vladimir Putin: Good afternoon.\n\nWang Yi (retranslated):Thank you.\n\nThe talks began at 12:30.\n"
    )
    wang = text.index("Wang")
    wang_yi = Mention("w", wang, wang + 7, "Wang Yi", "wang", code="CHN", kind="person", via="gazetteer")
    turns = speaker_turns(text, [putin_at(0), wang_yi])
    assert [start for start, _ in turns] == [0, wang]
    assert turns[1][1] is not None and turns[1][1].code == "CHN"


def test_a_speaker_asking_himself_a_question_keeps_his_turn() -> None:
    text = (
        "Vladimir Putin: Colleagues, we need funds.\n\n"
        "Question: at what expense? Where do we get these funds? We must set priorities.\n\n"
        "Question: without microphone.\n"
    )
    turns = speaker_turns(text, [putin_at(0)])
    assert [start for start, _ in turns] == [0, text.rindex("Question")]
