"""A questioner's self-introduction in a "Question:" turn, read from the text (no model)."""

from __future__ import annotations

import pytest

from realpolitik.statements.intros import self_introduction


def _outlet(words: str) -> bool:
    return any(w in words for w in ("Novosti", "Associated Press", "newspaper"))


def _read(text: str) -> tuple[str, str] | None:
    intro = self_introduction(text, 0, _outlet)
    if intro is None:
        return None
    return text[intro.name[0] : intro.name[1]], text[intro.about[0] : intro.about[1]].strip(" ,")


@pytest.mark.parametrize(
    ("text", "name", "about"),
    [
        ("Ksenia Sokolova, Snob magazine.\n\nIn response to ...", "Ksenia Sokolova", "Snob magazine"),
        (
            "Good afternoon, Mr President. Anton Zhelnov, Dozhd TV channel.",
            "Anton Zhelnov",
            "Dozhd TV channel",
        ),
        (
            "Thank you. My name is Pavel Pchelkin, Channel One.\n\nI have a question.",
            "Pavel Pchelkin",
            "Channel One",
        ),
        (
            "Fine, thank you very much. Oleg Kashtanov, from the newspaper Izvestiya.",
            "Oleg Kashtanov",
            "from the newspaper Izvestiya",
        ),
        (
            "Mr President, I am from Vladivostok. My name is Maria Solovyenko, Veche newspaper.",
            "Maria Solovyenko",
            "Veche newspaper",
        ),
        (
            "Thank you, Mr President. I’m Garry Barnes from PGGM Investments. My question ...",
            "Garry Barnes",
            "from PGGM Investments",
        ),
        (
            "Mr President, I am Alexander Kolesnichenko from Argumenty i Fakty.",
            "Alexander Kolesnichenko",
            "from Argumenty i Fakty",
        ),
        (
            "RIA Novosti, Yelena Glushakova.\n\nYou have already recalled 2008 ...",
            "Yelena Glushakova",
            "RIA Novosti",
        ),
        (
            "Hello, Mr President,\n\nAmur Pravda newspaper, Yelena Pavlova, Amur Region.",
            "Yelena Pavlova",
            "Amur Pravda newspaper",
        ),
    ],
)
def test_a_questioner_who_says_who_they_are(text: str, name: str, about: str) -> None:
    assert _read(text) == (name, about)


@pytest.mark.parametrize(
    "text",
    [
        "Alexander Tkachev, what do you think about the harvest?",
        "Vladimir Vladimirovich, thank you for the meeting.",
        "Regarding Gazprom, Mr President.",
        "Mr President, you remember that Boris Yeltsin once said “I am the first President of Russia.”",
        "I am Deputy Chairman of the committee, and my question is about roads.",
        "Mr President, what are the results of the summit? My name is Ivan Petrov, TASS.",
        "My name is Maria. I want to know about the maternity capital.",
    ],
)
def test_no_introduction(text: str) -> None:
    assert _read(text) is None
