"""Statements the parser's mistakes used to hide, end to end through the Engine: each case names the exact
content span and the speaker, and fails without the rule it stands for; the cases after them must stay
without a statement."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (text, [(the content exactly, speaker type, a word of the speaker's name or None)])
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    # a "that" clause after an adverbial, which the parser hung on the adverbial's noun as a relative clause
    (
        "Judge Jackson clarified in the proceedings that her sentencing decisions were not connected to the "
        "sentence Manafort received in a separate case.",
        [
            (
                "her sentencing decisions were not connected to the sentence Manafort received in a separate case",
                "actor",
                "Jackson",
            )
        ],
    ),
    # the short first part of a quote the attribution interrupts, with a pronoun for its speaker
    (
        'Michael Bloomberg ended his campaign. Bloomberg endorsed Joe Biden.  "Three months ago," he said, "I '
        'entered the race for President to defeat Donald Trump."',
        [
            ("Three months ago", "actor", "Bloomberg"),
            ("I entered the race for President to defeat Donald Trump.", "actor", "Bloomberg"),
        ],
    ),
    # "he" after a sentence whose subject is a person and whose object names another: the subject, named
    # before by the full name the surname repeats
    (
        "Michael Bloomberg ended his campaign on Wednesday. Bloomberg endorsed his former rival, Joe Biden. "
        '"I am leaving the race for the same reason," he said.',
        [("I am leaving the race for the same reason", "actor", "Michael")],
    ),
]

# a quote right after the cue and its listener, with no comma or colon
CASES += [
    (
        'Howard Rubel, a lawyer representing Spanton, told the BBC after the verdict "My client is of course '
        'very relieved with the verdict." Sophie Obadia told reporters "Women who have been raped do not have '
        'to justify their private life."',
        [
            ("My client is of course very relieved with the verdict.", "actor", "Rubel"),
            ("Women who have been raped do not have to justify their private life.", "actor", "Obadia"),
        ],
    ),
    # "he continued" between the parts of a quote
    (
        'Astronomer Angelos Tsiaras spoke to the BBC. "Overall," he continued, "the presence of water in its '
        'atmosphere certainly improves the prospect of the planet being habitable."',
        [
            ("Overall", "actor", "Tsiaras"),
            (
                "the presence of water in its atmosphere certainly improves the prospect of the planet being "
                "habitable.",
                "actor",
                "Tsiaras",
            ),
        ],
    ),
    # a quote that is the object of a verb of offering or voicing
    (
        'Prime Minister Narendra Modi tweeted "Deeply saddened by the loss of lives" and offered "condolences '
        'to the families of those who lost their lives."',
        [("condolences to the families of those who lost their lives.", "actor", "Modi")],
    ),
    # "the filing" stands for whoever spoke in it before
    (
        "Ford said in a financial filing to the SEC that the investigation had started. According to the "
        "filing, Ford voluntarily disclosed this matter to the Environmental Protection Agency on February 18.",
        [
            (
                "Ford voluntarily disclosed this matter to the Environmental Protection Agency on February 18",
                "actor",
                "Ford",
            )
        ],
    ),
]

# a speech verb the tagger took for a noun
CASES += [
    (
        "Estimates by the Argentinian government state about 350 thousand illegal abortions are carried out in "
        "the country each year.",
        [
            (
                "about 350 thousand illegal abortions are carried out in the country each year.",
                "actor",
                "Argentinian",
            )
        ],
    ),
]

CASES += [
    # a verb that reports no clause introduces the quote after its comma
    (
        'Senator Lindsey Graham spoke on Fox News, "This is going to lead to the reemergence of ISIS."',
        [("This is going to lead to the reemergence of ISIS.", "actor", "Graham")],
    ),
    # the name after a title and the body it is accredited to ("Ambassador to the United Nations")
    (
        "Former US Ambassador to the United Nations Nikki Haley said the decision was a big mistake.",
        [("the decision was a big mistake", "actor", "Haley")],
    ),
    # "X et al": the first author, by the full name given earlier
    (
        "Planetary scientist Vlada Stamenković led the study. Stamenković et al found oxygen levels throughout "
        "Mars would be high enough for microbes.",
        [("oxygen levels throughout Mars would be high enough for microbes", "actor", "Vlada")],
    ),
    # "they" for the nearest plural subject before it in the paragraph
    (
        "Researchers used swab samples from eighteen infected volunteers. They found the virus behaved like "
        "influenza rather than like SARS.",
        [("the virus behaved like influenza rather than like SARS", "anonymous_expert", None)],
    ),
    # a surname the tagger took for a common noun at the start of its sentence, and "he" after it
    (
        "The game was hard, according to Maroochydore coach Ben Radmall. Radmall conceded that his side needed "
        'to work on some things. "We had our opportunities in the last twenty minutes", he said.',
        [
            ("his side needed to work on some things", "actor", "Radmall"),
            ("We had our opportunities in the last twenty minutes", "actor", "Radmall"),
        ],
    ),
]

# found reading fresh Wikinews articles labelled blind (round 12); the sentences are ours
CASES += [
    # a quote the sentence splitter cut from its cue and listener ("told radio host X “...”")
    (
        "Senator Maria Lopez gave an interview on Friday. More consequential, she told radio host John Smith "
        '"if you have a problem figuring out whether you are for me or for him, then you are not one of us."',
        [
            (
                "if you have a problem figuring out whether you are for me or for him, then you are not one of us.",
                "actor",
                "Lopez",
            )
        ],
    ),
    # the cue and its speaker between commas after the clause, the sentence going on past them
    (
        "The new plant will not stand idle for years, Director Hans Weber said, and the loan will be repaid.",
        [("The new plant will not stand idle for years", "actor", "Weber")],
    ),
    # a cue coordinated with a passive verb shares its subject
    (
        "The mayor was attacked on stage in Gdańsk on Sunday. A man named Jan Nowak was arrested at the scene "
        "and claimed he had been wrongfully imprisoned by the former government.",
        [("he had been wrongfully imprisoned by the former government", "actor", "Nowak")],
    ),
    # the object of a verb of causing is the subject of the cue under it, not the verb's own subject
    (
        'Criticism from the unions led Prime Minister Anna Berg to declare "the reform will be withdrawn '
        'before the summer recess."',
        [("the reform will be withdrawn before the summer recess.", "actor", "Berg")],
    ),
]

NO_STATEMENTS: list[str] = [
    # a small clause after "find": the subject's judgement, no proposition reported
    "Some people find it easy to use sexual harassment as an argument against us.",
    # the clause after "and" is a sentence of its own, not what "read" reports
    "Other people read the verses differently, and that is fine.",
    # a photo credit glued to the caption's name is no speaker label
    "The party chose its nominees in May.\n\nAnna BergImage: Campaign of Anna Berg.\n\nTom SmithImage: Tsmith1980."
    "\n\nLea HartImage: GreenIn2010.\n\nThe vote was held online and the results were announced on Sunday.",
    # an object relative whose gap is a preposition's object, after the cue's adverbial
    "The United States pointed to the embassy attack as an example of the attacks that Soleimani took part in.",
    # a comma after the cue's object ends the cue's own clause: what follows is no reported clause
    "The ministry announced new restrictions on Monday, a week after the attack.",
    # a characterisation: "described X as "..."" says what the speaker called it, not a proposition
    'He described the attack as "a dastardly act of cowardly men".',
    # a charge: the words are what the speaker accuses someone of, not the speaker's proposition
    'President Trump lashed out at the mayor on Twitter, accusing her of "not doing her job at all".',
    # a study nobody was said to speak in: a document, not a speaker
    "Scientists published a study in Nature. According to the study, the ice is melting faster than expected.",
    # an object relative after the cue's adverbial: what was given, not what was said
    "He spoke in the interview that he gave on Monday.",
]


def _statements(nlp_engine: Any, text: str) -> list[Any]:
    return list(nlp_engine.analyze_text(text).statements)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_statement_found(nlp_engine: Any, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = {text[s.start : s.end]: s for s in _statements(nlp_engine, text)}
    for content, kind, name in expected:
        assert content in found, f"no statement {content!r}: {list(found)}"
        speaker = found[content].speaker
        assert speaker.type == kind, (content, speaker)
        if name is not None:
            assert name.casefold() in f"{speaker.name}".casefold(), (content, speaker)


@pytest.mark.parametrize("text", NO_STATEMENTS, ids=[t[:40] for t in NO_STATEMENTS])
def test_no_statement(nlp_engine: Any, text: str) -> None:
    assert [text[s.start : s.end] for s in _statements(nlp_engine, text)] == []


def test_continued_to_act_attributes_no_quote(nlp_engine: Any) -> None:
    text = '"We are very proud of the result and of the whole team." Tsiaras continued to work on the data.'
    assert [s.cue for s in _statements(nlp_engine, text)] == [None]
