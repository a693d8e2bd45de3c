"""Statements end to end through the Engine: every quotation convention, reported speech, typed anonymous
speakers, transcripts, and the cases that must not become statements."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (text, [(words inside the content, speaker type, a word of the speaker's name or None, form)])
CASES: list[tuple[str, list[tuple[str, str, str | None, str]]]] = [
    # "quoted X as saying", "X was quoted as saying": X speaks, not the outlet that quotes
    (
        "Interfax quoted Foreign Minister Sergei Lavrov as saying Russia would respond.",
        [("Russia would respond", "actor", "Lavrov", "indirect")],
    ),
    (
        "Lavrov was quoted by Interfax as saying that Russia would respond.",
        [("Russia would respond", "actor", "Lavrov", "indirect")],
    ),
    (
        "Reuters cited a senior official as saying that the talks had stalled.",
        [("talks had stalled", "anonymous_official", None, "indirect")],
    ),
    # the narrator's contrast with another side's words is not part of what was said; nor is the cue's date
    (
        "The Kremlin said the talks were useful, while Ukraine's foreign ministry called the move a provocation.",
        [("talks were useful", "actor", None, "indirect")],
    ),
    # a report about someone's words: that one speaks
    (
        "Foreign Minister Sergei Lavrov is reported to have said that Moscow would respond.",
        [("Moscow would respond", "actor", "Lavrov", "indirect")],
    ),
    (
        "Foreign Minister Sergei Lavrov was reported as saying that Moscow would respond.",
        [("Moscow would respond", "actor", "Lavrov", "indirect")],
    ),
    # what the cue's own coordinated verb reports is that verb's, not the first verb's object
    (
        "Foreign Minister Sergei Lavrov acknowledged the difficulties but stressed that Russia remained open.",
        [("Russia remained open", "actor", "Lavrov", "indirect")],
    ),
    # an attitude expressed: its "that" clause is what was said
    (
        "The President of Russia expressed confidence that the two countries would maintain their joint efforts.",
        [("two countries would maintain", "actor", "Putin", "indirect")],
    ),
    (
        "Foreign Minister Sergei Lavrov voiced concern that the talks could collapse.",
        [("talks could collapse", "actor", "Lavrov", "indirect")],
    ),
    # a title the parser made the subject: the person named right before the verb speaks
    (
        'Longtime Imus in the Morning writer and performer Rob Bartlett tweeted: "He was a rebel and a critic."',
        [("He was a rebel", "actor", "Bartlett", "direct")],
    ),
    # a judgement made public ("deemed that ...") is a reported position
    (
        "Foreign Minister Sergei Lavrov deemed that the agreement goes against the Security Council resolution.",
        [("agreement goes against", "actor", "Lavrov", "indirect")],
    ),
    # the statement put out is reported once, by the cue that gives its words
    (
        "The ministry issued a statement saying the talks had failed.",
        [("talks had failed", "anonymous_official", None, "indirect")],
    ),
    # a statement hung on another's words is its own, and the first ends before it
    (
        "Governor Tom Walker said on Friday he may declare a state of emergency, which a spokesman said would"
        " allow him to act without the legislature.",
        [
            ("may declare a state", "actor", "Walker", "indirect"),
            ("would allow him", "anonymous_official", None, "indirect"),
        ],
    ),
    (
        "Police spokesman Tom Walker told reporters the driver lost control, with local media claiming he was"
        " attempting to pass another vehicle.",
        [
            ("driver lost control", "actor", "Walker", "indirect"),
            ("attempting to pass", "unknown", None, "indirect"),
        ],
    ),
    (
        "“We will not accept any pressure from outside,” Foreign Minister Sergei Lavrov said on Tuesday.",
        [("accept any pressure", "actor", "Lavrov", "direct")],
    ),
    (
        'German Chancellor Angela Merkel said: "Europe must stand together on this question."',
        [("Europe must stand together", "actor", "Merkel", "direct")],
    ),
    (
        "Le ministre a déclaré: « Nous allons continuer les négociations avec nos partenaires. »",
        [("Nous allons continuer", "unknown", None, "direct")],
    ),
    (
        "Der Sprecher sagte gestern: „Die Regierung wird die Sanktionen nicht aufheben.“",
        [("Die Regierung wird", "unknown", None, "direct")],
    ),
    (
        "‘The sanctions have failed to change anything at all,’ said Senator Bob Menendez.",
        [("sanctions have failed", "actor", "Menendez", "direct")],
    ),
    (
        '"The border will stay open," President Emmanuel Macron told reporters. "We have no reason to close it."',
        [
            ("border will stay open", "actor", "Macron", "direct"),
            ("no reason to close", "actor", "Macron", "direct"),
        ],
    ),
    (
        "Prime Minister Justin Trudeau said Canada would send more aid to Ukraine next month.",
        [("Canada would send more aid", "actor", "Trudeau", "indirect")],
    ),
    (
        "Japan's defence ministry warned that North Korea could launch another missile within days.",
        [
            ("North Korea could launch", "actor", "ministry", "indirect")
        ],  # one institution, named by its state
    ),
    (
        "Analysts believe that the central bank will raise interest rates again in March.",
        [("central bank will raise", "anonymous_expert", None, "indirect")],
    ),
    (
        "A source in the ministry said the delegation would arrive in Astana on Friday.",
        [("delegation would arrive", "anonymous_official", None, "indirect")],
    ),
    (
        "Protesters said the police had used tear gas against peaceful crowds near the parliament.",
        [("police had used tear gas", "group", None, "indirect")],
    ),
    (
        "According to the Interior Ministry, at least forty people were detained during the night.",
        [("forty people were detained", "actor", "Interior Ministry", "indirect")],
    ),
    (
        "At least twelve soldiers were killed in the attack, according to Reuters.",
        [("twelve soldiers were killed", "actor", "Reuters", "indirect")],
    ),
    (
        'The opposition leader Alexei Navalny said the vote was "a shameless fraud staged by the Kremlin".',
        [("the vote was", "actor", "Navalny", "mixed")],
    ),
    (
        "NATO Secretary-General Jens Stoltenberg stressed that the alliance posed no threat to Russia.",
        [("alliance posed no threat", "actor", "Stoltenberg", "indirect")],
    ),
    (
        "The trade deal will create thousands of jobs, Chinese Commerce Minister Wang Wentao said.",
        [("trade deal will create", "actor", "Wang", "indirect")],
    ),
    (  # the outlet relays: one statement, by the source
        "President Volodymyr Zelensky said the talks with Moscow had failed, the BBC reported.",
        [("talks with Moscow had failed", "actor", "Zelensky", "indirect")],
    ),
    (  # "It said" after an organisation spoke
        "The Foreign Ministry of Japan said on Monday that the talks had failed.\n\n"
        "It said a new round would start in May.",
        [
            ("the talks had failed", "actor", "Ministry", "indirect"),
            ("a new round would start in May", "actor", "Ministry", "indirect"),
        ],
    ),
    (  # "It said" after someone put out a statement and nobody spoke: the statement, its issuer's words
        "The Russian Foreign Ministry released a statement on Monday. It said the sanctions were illegal.",
        [("the sanctions were illegal", "actor", "Ministry", "indirect")],
    ),
    (  # ... and "They said" after a body did
        "The Russian Foreign Ministry released a statement on Monday. They said the sanctions were illegal.",
        [("the sanctions were illegal", "actor", "Ministry", "indirect")],
    ),
    (  # a statement put out by someone
        "The Kremlin issued a statement that the president would travel to Astana in June.",
        [
            ("the president would travel to Astana", "actor", "Russia", "indirect")
        ],  # the KB: the Kremlin is RUS GOV
    ),
    (
        "Officials in Kabul said the explosion killed at least nine people on Sunday.",
        [("explosion killed at least nine", "anonymous_official", None, "indirect")],
    ),
    (
        "Residents told local television that the water supply had been cut for three days.",
        [("water supply had been cut", "group", None, "indirect")],
    ),
    (
        "Kazakh President Kassym-Jomart Tokayev said that the situation in Almaty had stabilised.",
        [("situation in Almaty had stabilised", "actor", "Tokayev", "indirect")],
    ),
    (
        "Turkey's President Recep Tayyip Erdogan said: the operation will continue until all goals are met.",
        [("operation will continue", "actor", "Erdogan", "direct")],
    ),
    (
        "The talks were difficult. We asked experts for their view.\n\n"
        "– The agreement will not survive the winter.\n\n– I think both sides need the deal.",
        [
            ("agreement will not survive", "anonymous_expert", None, "direct"),
            ("both sides need the deal", "anonymous_expert", None, "direct"),
        ],
    ),
    (
        "Vladimir Putin: Good afternoon, colleagues. Let us begin with the economy.\n\n"
        "Nursultan Nazarbayev: Thank you, Vladimir Vladimirovich. Our trade grew last year.\n\n"
        "Question: Will the customs union expand?",
        [
            ("Let us begin with the economy", "actor", "Putin", "direct"),
            ("Our trade grew last year", "actor", "Nazarbayev", "direct"),
            ("customs union expand", "unknown", None, "direct"),
        ],
    ),
    (
        '"We want peace," the spokesman said.\n\n'
        '"But we will defend our territory if we are attacked by anyone at all."',
        [
            ("We want peace", "anonymous_official", None, "direct"),
            ("defend our territory", "anonymous_official", None, "direct"),
        ],
    ),
    (
        "The witness, a teacher named Aigerim, said she saw soldiers near the airport that morning.",
        [("she saw soldiers", "actor", "Aigerim", "indirect")],
    ),
    (
        "Moscow said the new sanctions were an unfriendly step that would not go unanswered.",
        [("new sanctions were an unfriendly step", "actor", None, "indirect")],
    ),
    # a document with a named author stands for the author; one without stays unknown
    (
        "According to a report on Wednesday by UpGuard, a cybersecurity firm, two databases were found online.",
        [("two databases were found", "actor", "UpGuard", "indirect")],
    ),
    (
        "According to the report, the talks had failed after two days.",
        [("the talks had failed", "unknown", None, "indirect")],
    ),
    # "said A, adding B": two statements, also where the parser hangs "adding" under A
    (
        "Iran's foreign ministry said the talks had failed, adding that new sanctions would follow.",
        [
            ("the talks had failed", "actor", "ministry", "indirect"),
            ("new sanctions would follow", "actor", "ministry", "indirect"),
        ],
    ),
    # part of a group speaks as the group; a document signed or projected by someone stands for them
    (
        "Some of the protesters Wikinews interviewed said they had gone to defend their right to work in Europe.",
        [("they had gone to defend", "group", None, "indirect")],
    ),
    (
        'The decree signed by the Pope read "The crimes of sexual abuse offend Our Lord and harm the faithful."',
        [("crimes of sexual abuse", "actor", "Pope", "direct")],
    ),
    (
        "According to projections by CNN and NPR, he won in Virginia, North Carolina and Alabama.",
        [("he won in Virginia", "actor", "CNN", "indirect")],
    ),
    (
        # the ministry is named by what follows "of": an actor (as the Wikinews gold has it), not its officials
        "According to reports from the ministry of internal affairs of Belarus, 18,000 visitors attended the rally.",
        [("visitors attended the rally", "actor", "Belarus", "indirect")],
    ),
    (
        "Per numbers reported by The Associated Press, 415 thousand priests are subject to the requirement.",
        [("415 thousand priests", "actor", "Associated Press", "indirect")],
    ),
    (
        "State press agency PAP has reported being told off the record all five deaths were caused by carbon "
        "monoxide poisoning.",
        [("all five deaths were caused", "actor", "PAP", "indirect")],
    ),
    # an outlet named after its country is the outlet, not the state
    (
        "Residents fear to return home because of the aftershocks, according to CNN Philippines.",
        [("Residents fear to return home", "actor", "CNN", "indirect")],
    ),
    # a short form the article defined is spelled out
    (
        "The utility Pacific Gas and Electric Company (PG&E) cut power on Monday. According to PG&E's schedule, "
        "half a million customers could be affected by noon.",
        [("half a million customers", "actor", "Electric", "indirect")],
    ),
]

# Texts that hold no statement at all.
NO_STATEMENTS = [
    # "it" with no one who spoke or put a statement out: a message seen is not the words of who saw it
    "A fire broke out in the hotel on Tuesday. It said the minister had resigned.",
    "I saw a message on the screen here. It said the country supports the plan.",
    # a negated cue says nothing
    "Regrettably, the Government did not find the money and I will reprimand them for this.",
    "The minister did not say that the talks had failed.",
    # an object and a clause hanging on it, an infinitive, a number with its adjective: nothing reported
    "On Friday, President Trump declared a state of emergency so he could begin building the wall.",
    "One of the victims decided to allow her name to be made public.",
    "The Health Minister reported on Tuesday, 21 confirmed cases of the virus on a vessel that visited the base.",
    # an open question is no statement; a caption describes a picture; a rule nobody is named for says nothing
    "The agency did not mention if there were casualties.",
    "The Vatican is to decide within a month whether an investigation is required.",
    'Protesters with a banner from People\'s Vote saying "put it to the people". Image: C.Suthorn.',
    "Per the doctrines, testimony of two witnesses is required to convict a person.",
    "Per capita income rose by five percent in the last year.",
    "The route of the initiative “One Belt, One Road” passes through Kazakhstan.",
    "What is more important for Tokayev: Russian power or Chinese money",
    "A long report on the harvest.\n\n—Harvest figures for the northern regions\n\nMore on the harvest.",
    "Prices rose sharply; with the growth of which, as they say, the unrest began.",
    "The autopsy determined that the man had died of a heart attack.",
    # an attitude with no clause says nothing
    "Foreign Minister Sergei Lavrov voiced support for the plan.",
    # figures of speech report nobody (audit of seed 31)
    "Suffice it to say that the country holds the first place in grain exports.",
    "Common sense tells us that there is no reason to interfere in their affairs.",
    # a document nobody is named for says nothing, capitalised or not (audit 15: "Constitution" as a speaker)
    "According to the Constitution, you will not be able to run again in 2024.",
    "The Constitution says the president must resign.",
    # nor a programme named earlier that "the programme" refers back to (audit 16 line 38)
    "One of the first, the Long-Term Programme for the Development of the Coal Industry to 2030, was approved "
    "in 2012. The Energy Ministry has determined the probable increase in production according to the approved "
    "programme.",
    # an impersonal passive cue is nobody's, not the subject of the clause after it (read as a user: "Barron")
    "After it was revealed his aide Hope Hicks tested positive for coronavirus, President Trump himself, his wife "
    "Melania, and son Barron also tested positive.",
    # a hedge in the speaker's own words (audit 15)
    "The market is small and, so to say, this is why solving the problem is not easy.",
]


def _overlaps(text: str, st: Any, words: str) -> bool:
    i = text.index(words)
    return st.start < i + len(words) and st.end > i


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_statement_conventions(
    nlp_engine: Any, text: str, expected: list[tuple[str, str, str | None, str]]
) -> None:
    analysis = nlp_engine.analyze_text(text)
    statements = list(analysis.statements)
    assert len(statements) <= len(expected), [text[s.start : s.end] for s in statements]
    for words, kind, name, form in expected:
        hits = [s for s in statements if _overlaps(text, s, words)]
        assert hits, f"no statement holds {words!r}: {[text[s.start : s.end] for s in statements]}"
        st = hits[0]
        assert st.speaker.type == kind, (words, st.speaker)
        if name is not None:
            assert name.casefold() in (st.speaker.name or "").casefold(), (words, st.speaker)
        assert st.form == form, (words, st.form)
        assert 0 <= st.start < st.end <= len(text)


@pytest.mark.parametrize("text", NO_STATEMENTS, ids=[t[:40] for t in NO_STATEMENTS])
def test_not_statements(nlp_engine: Any, text: str) -> None:
    analysis = nlp_engine.analyze_text(text)
    assert [text[s.start : s.end] for s in analysis.statements] == []


def test_unattributed_quote_gets_no_nearby_name(nlp_engine: Any) -> None:
    text = (
        "Foreign Minister Mukhtar Tleuberdi met his Chinese counterpart in Beijing.\n\n"
        "“Nobody can tell what the next year will bring for the region.”"
    )
    analysis = nlp_engine.analyze_text(text)
    quote = [s for s in analysis.statements if "Nobody can tell" in text[s.start : s.end]]
    assert len(quote) == 1
    assert quote[0].speaker.type == "unknown"
    assert quote[0].speaker.name is None


def test_statement_records_are_complete(nlp_engine: Any) -> None:
    text = "Chinese Foreign Minister Wang Yi said China opposed any interference in Kazakhstan's internal affairs."
    analysis = nlp_engine.analyze_text(text, published="2022-01-10")
    (st,) = analysis.statements
    assert st.article_id == analysis.article.id
    assert st.cue == "said" and text[st.cue_start : st.cue_end] == "said"
    assert (st.speaker.code, st.speaker.sector) == ("CHN", "GOV")
    assert text[st.speaker.start : st.speaker.end].endswith("Wang Yi")
    assert {s.code for s in st.stances} >= {"KAZ"}
    assert st.id == nlp_engine.analyze_text(text, published="2022-01-10").statements[0].id


ODD_TEXTS = [
    '"',
    "“Unclosed quote with no end\n\n“and another",
    "- - -\n\n—\n\n–",
    "Question: ?\n\nAnswer:",
    "» reversed « and ‹ single › marks said the man: «»",
    "He said: \n\nShe said that.",
]


@pytest.mark.parametrize("text", ODD_TEXTS, ids=range(len(ODD_TEXTS)))
def test_odd_texts_never_fail(nlp_engine: Any, text: str) -> None:
    analysis = nlp_engine.analyze_text(text)
    assert [f for f in analysis.failures if f.stage == "statements"] == []
    for st in analysis.statements:
        assert 0 <= st.start < st.end <= len(text)
        assert st.speaker.type in {"actor", "anonymous_expert", "anonymous_official", "group", "unknown"}


def test_an_outer_source_the_parser_made_a_subject(nlp_engine: Any) -> None:
    text = (
        "According to semi-official news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said "
        "the 36 must face charges."
    )
    analysis = nlp_engine.analyze_text(text)
    got = {(text[s.start : s.end], s.speaker.name) for s in analysis.statements}
    assert ("the 36 must face charges", "Ali Alghasi Mehr") in got
    outer = [name for content, name in got if content.startswith("the prosecutor general of Tehran")]
    assert outer == ["ISNA"]


def test_he_or_she_at_a_paragraph_start_is_the_person_of_the_paragraph_before(nlp_engine: Any) -> None:
    text = (
        "Senator Bob Menendez visited the border crossing on Monday with two aides.\n\n"
        "In an interview with reporters, he said the crossing should stay open for trade."
    )
    analysis = nlp_engine.analyze_text(text)
    got = [(text[s.start : s.end], s.speaker.name) for s in analysis.statements]
    assert got == [("the crossing should stay open for trade", "Bob Menendez")]


def test_he_after_a_name_the_knowledge_base_does_not_know(nlp_engine: Any) -> None:
    text = (
        "While not naming any other bidders, Maróth said the Hungarian bid won after lengthy negotiations. "
        "He said he expects no political turmoil between Austria and Hungary over the sale."
    )
    analysis = nlp_engine.analyze_text(text)
    assert [s.speaker.name for s in analysis.statements] == ["Maróth", "Maróth"]


def test_a_source_with_its_short_form_in_brackets_leaves_no_bracket_in_the_content(nlp_engine: Any) -> None:
    text = "According to Notes from Poland (NFP), some discount stores began to offer postal services."
    analysis = nlp_engine.analyze_text(text)
    assert [text[s.start : s.end] for s in analysis.statements] == [
        "some discount stores began to offer postal services"
    ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The Kremlin said the talks were useful, while Ukraine's foreign ministry called the move a provocation.",
            "the talks were useful",
        ),
        (
            "Russia's foreign ministry said on Tuesday it was summoning the ambassador.",
            "it was summoning the ambassador",
        ),
        (
            "Putin said that while the talks were difficult, progress had been made.",
            "while the talks were difficult, progress had been made",
        ),
    ],
)
def test_reported_clause_bounds(nlp_engine: Any, text: str, said: str) -> None:
    spans = [text[s.start : s.end] for s in nlp_engine.analyze_text(text).statements]
    assert spans == [said]
