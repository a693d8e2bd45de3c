"""Text-level statement layout: paragraphs, quotation marks in every convention, dash paragraphs, turns."""

from __future__ import annotations

import pytest

from realpolitik.statements.quotes import (
    dash_lead,
    find_dash_paragraphs,
    find_quotes,
    split_paragraphs,
)


def contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_paragraphs_are_trimmed_spans_of_the_text() -> None:
    text = "  First line.\n\n\nSecond one\n  \n Third.  "
    paras = split_paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == ["First line.", "Second one", "Third."]
    assert [p.index for p in paras] == [0, 1, 2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will win the vote” on Monday.", ["we will win the vote"]),
        ('He said "we will win the vote" on Monday.', ["we will win the vote"]),
        ("Er sagte „wir werden gewinnen“ gestern.", ["wir werden gewinnen"]),
        ("Il a dit « nous allons gagner » hier.", [" nous allons gagner "]),
        ("He said ‘we will win the vote’ on Monday.", ["we will win the vote"]),
        ("She called it 'a disaster for everyone' and left.", ["a disaster for everyone"]),
        ("Han sa »vi kommer att vinna« igår.", ["vi kommer att vinna"]),
    ],
)
def test_quotes_in_every_convention(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


def test_apostrophes_do_not_open_or_close_quotes() -> None:
    text = "Turkey's president said ‘we don’t accept the plan’ and Erdoğan's aides agreed."
    assert contents(text) == ["we don’t accept the plan"]


def test_nested_single_quotes_belong_to_the_outer_quote() -> None:
    text = "“The label ‘foreign agent’ is absurd,” she said."
    assert contents(text) == ["The label ‘foreign agent’ is absurd,"]


def test_quote_spanning_paragraphs_that_reopen_with_a_mark() -> None:
    text = "He said: “We will not leave.\n\n“We will stay until the end.”\n\nThen he left."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end].startswith("We will not leave.")
    assert text[quotes[0].start : quotes[0].end].endswith("until the end.")
    assert quotes[0].multi_paragraph


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said “this is not over\n\nThe next day was calm."
    assert contents(text) == ["this is not over"]


def test_two_quotes_in_one_sentence() -> None:
    text = '"We are ready," the minister said, "and we will act."'
    assert contents(text) == ["We are ready,", "and we will act."]


@pytest.mark.parametrize(
    ("para", "content"),
    [
        ("— China acts within its paradigm.", "China acts within its paradigm."),
        ("– Russia is a partner.", "Russia is a partner."),
        ("- Yes, of course.", "Yes, of course."),
        ("-China can only be on its own side.", "China can only be on its own side."),
    ],
)
def test_dash_lead_variants(para: str, content: str) -> None:
    paras = split_paragraphs(para)
    start = dash_lead(para, paras[0])
    assert start is not None
    assert para[start:] == content


def test_negative_number_is_not_a_dash_lead() -> None:
    para = "-5 degrees were recorded in Astana."
    assert dash_lead(para, split_paragraphs(para)[0]) is None


def test_dash_paragraphs_after_an_expert_introduction_are_separate_anonymous_experts() -> None:
    text = (
        "Title\n\nWe talked about this with our experts.\n\nSome background.\n\nWhat will Beijing do?\n\n"
        "– China will wait.\n\n—Russia will act.\n\n- Nobody knows."
    )
    dashes = find_dash_paragraphs(text)
    assert [text[d.start : d.end] for d in dashes] == [
        "China will wait.",
        "Russia will act.",
        "Nobody knows.",
    ]
    assert {d.speaker_type for d in dashes} == {"anonymous_expert"}
    assert [d.ordinal for d in dashes] == [0, 1, 2]
    assert text[dashes[0].intro_start : dashes[0].intro_end] == "experts"


def test_dash_paragraphs_without_an_introduction_are_not_statements() -> None:
    text = "A long report.\n\n—Zinichev calling a halt to rescue work\n\nMore report."
    assert find_dash_paragraphs(text) == []


def test_officials_introduction_types_the_dash_speakers() -> None:
    text = "Officials in the ministry commented:\n\n– The talks went well."
    dashes = find_dash_paragraphs(text)
    assert len(dashes) == 1
    assert dashes[0].speaker_type == "anonymous_official"


def test_introduction_too_far_before_the_dashes_does_not_count() -> None:
    filler = "\n\n".join(f"Paragraph {i} of plain reporting." for i in range(8))
    text = f"Experts note the risks.\n\n{filler}\n\n– A dash list item."
    assert find_dash_paragraphs(text) == []
