"""Transcript labels on plain text: every shape kremlin.ru uses, and the lines that only look like labels."""

from __future__ import annotations

import pytest

from realpolitik.statements.dashes import credit_line
from realpolitik.statements.quotes import Paragraph, split_paragraphs
from realpolitik.statements.turns import find_labels, find_turns, parse_label, speech_turns


def label_of(line: str) -> tuple[str, str | None, list[str], str | None] | None:
    """(shape, name, titles, turn word) of the label opening ``line``, or None."""
    text = line + " Thank you, colleagues."
    label = parse_label(text, Paragraph(0, 0, len(text)))
    if label is None:
        return None
    name = text[label.name[0] : label.name[1]] if label.name else None
    return label.shape, name, [text[s:e] for s, e in label.titles], label.word


@pytest.mark.parametrize(
    ("line", "shape", "name", "titles"),
    [
        ("Vladimir Putin:", "name", "Vladimir Putin", []),
        ("Recep Tayyip Erdogan:", "name", "Recep Tayyip Erdogan", []),
        ("Dmitry de Koshko:", "name", "Dmitry de Koshko", []),
        ("A. Voronin:", "name", "A. Voronin", []),
        ("Ebtesam al-Ketbi:", "name", "Ebtesam al-Ketbi", []),  # a particle joined to the surname
        ("Director Ahmed el-Sayed:", "title-name", "Ahmed el-Sayed", ["Director"]),
        (  # the state before the name is dropped with the parse (statements.labels)
            "Acting Prime Minister of Armenia Nikol Pashinyan:",
            "title-name",
            "Armenia Nikol Pashinyan",
            ["Acting Prime Minister of"],
        ),
        (
            "CEO and Chairman of the Management Board of the Russian Direct Investment Fund Kirill Dmitriev:",
            "title-name",
            "Kirill Dmitriev",
            ["CEO and Chairman of the Management Board of the Russian Direct Investment Fund"],
        ),
        ("Energy Minister Alexander Novak:", "title-name", "Alexander Novak", ["Energy Minister"]),
        (
            "United Russia faction leader and Deputy Speaker of the State Duma Vladimir Vasilyev:",
            "title-name",
            "Vladimir Vasilyev",
            ["United Russia faction leader and Deputy Speaker of the State Duma"],
        ),
        (
            "Minister of Construction, Housing and Utilities Mikhail Men:",
            "title-name",
            "Utilities Mikhail Men",
            ["Minister of Construction, Housing and"],
        ),
        (
            "Sergey Vodnev, testing department control foreman:",
            "name-title",
            "Sergey Vodnev",
            ["testing department control foreman"],
        ),
        ("Yevgeny Rozhkov, reporter at VGTRK:", "name-title", "Yevgeny Rozhkov", ["reporter at VGTRK"]),
        (
            "CNBC TV anchor Geoff Cutmore, moderator of the plenary session:",
            "title-name",
            "Geoff Cutmore",
            ["CNBC TV anchor", "moderator of the plenary session"],
        ),
        (  # a comma inside the title: the capitalised words after "of" are the office's, not a name
            "Minister of Digital Development, Communications and Mass Media Maksut Shadayev:",
            "title-name",
            "Media Maksut Shadayev",
            ["Minister of Digital Development, Communications and Mass"],
        ),
        (
            "Prime Minister Dmitry Medvedev Medvedev DmitryDeputy Chairman of the Security Council :",
            "tooltip",
            "Dmitry Medvedev",
            ["Prime Minister", "Deputy Chairman of the Security Council"],
        ),
        (
            "President of China Xi Jinping Xi JinpingPresident of the People's Republic of China (retranslated):",
            "tooltip",
            "Xi Jinping",
            ["President of China", "President of the People's Republic of China"],
        ),
        (
            "President of Xinhua News Agency Cai Mingzhao (retranslated):",
            "title-name",
            "Cai Mingzhao",
            ["President of Xinhua News Agency"],
        ),
    ],
)
def test_label_shapes(line: str, shape: str, name: str, titles: list[str]) -> None:
    assert label_of(line) == (shape, name, titles, None)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("Question:", "question"),
        ("Question (retranslated):", "question"),
        ("Question from Izhevsk:", "question"),
        ("Remark:", "remark"),
        ("Moderator:", "moderator"),
        ("Call centre operator:", "call centre operator"),
        ("Volunteers:", "volunteers"),  # a meeting with volunteers: a group speaks
        ("Volunteer (Passes a document to the President.):", "volunteer"),
    ],
)
def test_turn_words(line: str, word: str) -> None:
    assert label_of(line) == ("word", None, [], word)


@pytest.mark.parametrize(
    "line",
    [
        "The message reads, in part:",
        "Here is my question:",
        "And a question for President Putin:",
        "Mr President, what is the situation with the pension reform? Let me read out a text message:",
        "Note:",
        "Photo:",
        "Text of the address:",
        "Entry from 02.00 pm to 02.30 pm:",
        "Moderator of the plenary session, please:",
        "The session starts at 12:30",
        "I want to stress once again:",
    ],
)
def test_sentences_and_headings_are_not_labels(line: str) -> None:
    assert label_of(line) is None


def test_turns_carry_the_speaker_to_every_paragraph_until_the_next_label() -> None:
    text = (
        "The leaders met in Moscow.\n\nVladimir Putin: Colleagues, good afternoon.\n\nWe have much to discuss."
        "\n\nPresident of Kazakhstan Kassym-Jomart Tokayev: Thank you.\n\nQuestion: What about the CSTO?"
    )
    turns = find_turns(text)
    labels = [text[t.label_start : t.label_end] for t in turns]
    assert labels == [
        "Vladimir Putin",
        "Vladimir Putin",
        "President of Kazakhstan Kassym-Jomart Tokayev",
        "Question",
    ]
    assert [t.continued for t in turns] == [False, True, False, False]
    assert text[turns[0].start : turns[0].end] == "Colleagues, good afternoon."
    assert text[turns[1].start : turns[1].end] == "We have much to discuss."


def test_a_label_with_nothing_after_it_on_its_line_still_opens_a_turn() -> None:
    text = "Vladimir Putin:\n\nGood afternoon.\n\nSergei Lavrov: Thank you."
    turns = find_turns(text)
    assert [(text[t.label_start : t.label_end], text[t.start : t.end]) for t in turns] == [
        ("Vladimir Putin", ""),
        ("Vladimir Putin", "Good afternoon."),
        ("Sergei Lavrov", "Thank you."),
    ]


def test_a_colon_in_photo_captions_opens_no_turn() -> None:
    text = (
        "Mancini told Wikinews that cosplay is fun.\n\n"
        "Lydia Scott as a ranger from Fallout: New Vegas\n\n"
        "Tony Stark\n\n"
        "Sabine Wren from Star Wars: Rebels\n\n"
        "Naruto"
    )
    assert find_turns(text) == []


def test_a_speaker_asking_himself_a_question_opens_no_turn() -> None:
    text = (
        "President of Russia Vladimir Putin: Colleagues, we need considerable funds.\n\n"
        "Question: at what expense? Where do we get these funds? First, we must set priorities.\n\n"
        "Question: without microphone.\n\n"
        "Vladimir Putin: Thank you."
    )
    labels = [text[t.label_start : t.label_end] for t in find_turns(text) if not t.continued]
    assert labels == ["President of Russia Vladimir Putin", "Question", "Vladimir Putin"]
    assert [t.continued for t in find_turns(text)] == [False, True, False, False]


def test_a_speech_after_its_one_label_runs_to_a_break_or_the_narrative() -> None:
    text = (
        "The President addressed the Federal Assembly.\n\n"
        "President of Russia Vladimir Putin: Colleagues,\n\n"
        "The world is changing fast.\n\n"
        "Thank you for your attention.\n\n"
        "* * *\n\n"
        "Vladimir Putin then met the deputies."
    )
    paragraphs = split_paragraphs(text)
    (label,) = find_labels(text, paragraphs).values()
    speech = speech_turns(text, paragraphs, label, "Putin")
    assert [text[t.start : t.end] for t in speech] == [
        "The world is changing fast.",
        "Thank you for your attention.",
    ]
    narrative = text.replace("* * *\n\n", "")
    paragraphs = split_paragraphs(narrative)
    (label,) = find_labels(narrative, paragraphs).values()
    assert len(speech_turns(narrative, paragraphs, label, "Putin")) == 2  # stops where the text names him


def test_a_single_label_is_no_transcript() -> None:
    text = "Vladimir Putin: Good afternoon.\n\nThe talks went on for three hours."
    turns = find_turns(text)
    assert [t.continued for t in turns] == [False]


def test_headings_with_colons_are_not_turns() -> None:
    text = (
        "Note: this article was updated.\n\nPhoto: the summit.\n\nWhat is more important for Tokayev: money"
    )
    assert find_turns(text, split_paragraphs(text)) == []


def test_wikinews_interview_labels_in_double_parentheses() -> None:
    text = "((WN))  Has this ever happened to you?\n\n((Akram Pasha))  No, never in my life.\n\nIt was hard."
    turns = find_turns(text)
    assert [(t.label.word, t.label.name and text[t.label.name[0] : t.label.name[1]]) for t in turns] == [
        ("interviewer", None),
        (None, "Akram Pasha"),
        (None, "Akram Pasha"),
    ]
    assert text[turns[1].start : turns[1].end] == "No, never in my life."


def test_the_paragraph_after_an_interviewers_question_is_the_answer() -> None:
    text = (
        "Michael Siegel studied youth suicide.\n\n"
        "((WN))  What led you to this subject?\n\n"
        "Michael Siegel I am a professor of public health.\n\n"
        "((WN))  Do the results still hold?\n\n"
        "MS We repeated the analysis.\n\n"
        "It gave the same results.\n\n"
        "((WN))  And the next step?\n\n"
        "—Professor Siegel\n\n"
        "US data are scarce.\n\n"
        "((WN))  Thanks.\n\n"
        "Another study is under way."
    )
    turns = find_turns(text)
    got = [
        (t.label.word, t.label.name and text[t.label.name[0] : t.label.name[1]], text[t.start : t.end][:12])
        for t in turns
    ]
    assert got == [
        ("interviewer", None, "What led you"),
        (None, "Michael Siegel", "I am a profe"),  # a name the article wrote before, with no colon
        ("interviewer", None, "Do the resul"),
        (None, "MS", "We repeated "),  # the initials of a name written before
        (None, "MS", "It gave the "),
        ("interviewer", None, "And the next"),
        (
            "interviewer",
            None,
            "US data are ",
        ),  # after a signature ("—Professor Siegel"): not taken as an answer
        ("interviewer", None, "Thanks."),
        ("interviewee", None, "Another stud"),  # no name: the reader settles who answers
    ]
    # outside an interview, initials open no turn
    text = "Vladimir Putin: Hello.\n\nMichael Smith: Thanks.\n\nMS Smith said no."
    assert [t.label.name is not None and t.continued for t in find_turns(text)] == [False, False, True]


def test_a_legend_after_an_interviewers_question_is_no_answer() -> None:
    text = "((WSS)) : How many votes do you expect?\n\n██\u00a0On ballot\n\n██\u00a0Write-in"
    assert list(find_labels(text, split_paragraphs(text))) == [0]  # the question's label only


def test_a_tooltip_label_with_a_long_office_is_still_a_label() -> None:
    line = (
        "Chairman of the Central Committee of the Communist Party of the Russian Federation Gennady Zyuganov "
        "Zyuganov GennadyChairman of the Central Committee of the Communist Party of the Russian Federation, "
        "Communist Party State Duma faction leader :"
    )
    found = label_of(line)
    assert found is not None and found[:2] == ("tooltip", "Gennady Zyuganov")
    # the word limit still holds for other shapes
    long_title = " ".join(f"Title{i}" for i in range(40)) + " Ivan Petrov:"
    assert label_of(long_title) is None


def test_a_speakers_label_left_without_its_colon_still_opens_a_turn() -> None:
    text = (
        "Megyn Kelly: Do you have a message?\n\n"
        "Vladimir Putin: Do you want one?\n\n"
        "Megyn Kelly I do.\n\n"
        "Vladimir Putin: Then here it is.\n\n"
        "Megyn Kelly [host of the programme] asked another question.\n\n"
        "Vladimir Putin noted that time was short."
    )
    turns = find_turns(text)
    opened = [(text[t.label.start : t.label.end], text[t.start : t.end]) for t in turns if not t.continued]
    assert ("Megyn Kelly", "I do.") in opened
    assert len(opened) == 4  # a bracket after the name, or a verb, is narrative, not a label
    colonless = [t for t in turns if text[t.label.start : t.label.end] == "Megyn Kelly"][1]
    assert colonless.label.name == (colonless.label.start, colonless.label.end)


@pytest.mark.parametrize(
    ("paragraph", "credit"),
    [
        (' – United States District Judge Victor Marrero, "Decision and Order"', True),
        (" – USCG dispatcher, CNN", True),
        ("—Łukasz Szumowski on the failed efforts to save the mayor's life", True),
        ("— We are worried about the prices.", False),  # a dash-led statement ends its sentence
        ("- photo opportunity for the heads of delegations (12:55 am)", False),  # a schedule's item
        ("-Article last amended: Mar 17 at 3:24:55 UTC", False),
    ],
)
def test_credit_lines_under_block_quotes(paragraph: str, credit: bool) -> None:
    text = "A quote of some words.\n\n" + paragraph
    (_, para) = split_paragraphs(text)
    found = credit_line(text, para)
    assert (found is not None) == credit
    if found is not None:
        assert text[found.start : found.end] == paragraph.lstrip(" –—-")
