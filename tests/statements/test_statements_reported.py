"""Reported speech the small parser mis-attaches, end to end through the Engine: each case names the exact
content span and the speaker, and fails without the rule it stands for."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (text, [(the content exactly, speaker type, a word of the speaker's name or None)])
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    # a speech verb in an aside about someone named: "X, who told ..." (the relative pronoun is the subject)
    (
        "The flag flew outside the home of Prime Minister Tuilaepa, who told the press his nephew needed a dose.",
        [("his nephew needed a dose", "actor", "Tuilaepa")],
    ),
    # an acronym the parser takes for the pronoun "who"
    (
        "WHO said they are uncertain whether infected people can pass on the virus before symptoms show.",
        [
            (
                "they are uncertain whether infected people can pass on the virus before symptoms show",
                "actor",
                "WHO",
            )
        ],
    ),
    # "according to X, who said ...": two statements, the aside is not part of the first one
    (
        "The shooting began at 10:39 a.m. local time, according to police, who said officers arrived at the "
        "store six minutes later.",
        [
            ("The shooting began at 10:39 a.m. local time", "anonymous_official", None),
            ("officers arrived at the store six minutes later", "anonymous_official", None),
        ],
    ),
]

# a cue that introduces a quote with a colon reports the clause before the colon as well
CASES += [
    (
        'The Department issued a statement that an inmate had been stabbed: "There was an assault on an inmate '
        'on Friday at the prison."',
        [
            ("an inmate had been stabbed", "actor", "Department"),
            ("There was an assault on an inmate on Friday at the prison.", "actor", "Department"),
        ],
    ),
    (
        "The High Court also ruled on the same day, finding that the prorogation of Parliament was not a matter "
        'for the courts: "In our view, the decision of the Prime Minister is political."',
        [
            ("the prorogation of Parliament was not a matter for the courts", "actor", "High Court"),
            ("In our view, the decision of the Prime Minister is political.", "actor", "High Court"),
        ],
    ),
]

# the subject of the reported clause that the parser made the cue's object
CASES += [
    (
        "A federal judge ruled the government's practice of registering men but not women for the draft, or "
        "military conscription, is unconstitutional.",
        [
            (
                "the government's practice of registering men but not women for the draft, or military "
                "conscription, is unconstitutional",
                "anonymous_official",
                None,
            )
        ],
    ),
    (
        "At 6:30 pm, the city issued a follow-up statement announcing the break had been contained by the crews.",
        [("the break had been contained by the crews", "unknown", None)],
    ),
]

# "they" after the clause it reports is the clause's subject, when that names officials or a group
CASES += [
    (
        "Police arrested two men near the border on Saturday, they said.",
        [("Police arrested two men near the border on Saturday", "anonymous_official", None)],
    ),
    (
        "Prosecutors charged the driver with manslaughter, they said on Sunday.",
        [("Prosecutors charged the driver with manslaughter", "anonymous_official", None)],
    ),
]

# "by saying ...": the speaker is the subject of the clause the manner phrase belongs to
CASES += [
    (
        'Foreign Minister Anna Berg closed the meeting by saying "we will return to the table next week with a '
        'new offer."',
        [("we will return to the table next week with a new offer.", "actor", "Berg")],
    ),
]

# a cue after a comma that closes its sentence, with the speaker after it
CASES += [
    (
        "It is not for the court to rule on the motives of ministers, argued the government's lawyer, Anna Berg."
        "\n\nThe hearing ended on Thursday.",
        [("It is not for the court to rule on the motives of ministers", "actor", "Berg")],
    ),
]

# Texts that hold no statement at all.
NO_STATEMENTS = [
    # a restrictive relative clause picks out people; it reports nobody's statement
    "The people who said the vote was rigged were arrested on Monday.",
    "That is what the minister said yesterday in Paris.",
    # what someone is accused of having said is not the accuser's statement; an opening statement is no cue
    "The senator accused the governor of previously saying he wanted to ban hydraulic fracturing.",
    "After opening statements, the candidates received ten questions on the economy.",
    # a comma and a verb with no speaker after it
    "The plan failed, said nothing about the future.",
    # a cue that is no finite verb: a list of things to do, not a report
    "It will allow Melbournians to work collectively, find out solutions, trial solutions, hold a forum and see "
    "what really works.",
]

# an aside inside the clause it reports; "with X saying"; a title cut in two after an inverted cue
CASES += [
    (
        "Eleven migrants died in a storm; they had, his surviving father says, paid people smugglers.",
        [("they had, his surviving father says, paid people smugglers", "unknown", None)],
    ),
    (  # a wire story's dateline is no part of what was said
        "ASTANA, Sept 12 (Reuters) - China will invest $5 billion in Kazakhstan's energy sector, Chinese "
        "President Xi Jinping said on Wednesday.",
        [("China will invest $5 billion in Kazakhstan's energy sector", "actor", "Xi Jinping")],
    ),
    (
        "WASHINGTON (AP) — Canada will send more troops to Latvia, Jens Stoltenberg said on Monday.",
        [("Canada will send more troops to Latvia", "actor", "Stoltenberg")],
    ),
    (  # the aside before the subject of the clause it reports
        "Last year, the minister said, the economy grew by three percent.",
        [("Last year, the minister said, the economy grew by three percent", "anonymous_official", None)],
    ),
    (  # a study says what its author, named where the article names it, says
        "Professor Anna Berg of Uppsala University, co-author of a new study, spoke on Monday. The data were, "
        "the study says, more closely correlated than expected.",
        [("The data were, the study says, more closely correlated than expected", "actor", "Berg")],
    ),
    (
        '"Warm water is rising," said study co-author Karen Alley. Because warm water is more buoyant, says '
        "the study, it rises above cooler water.",
        [
            ("Warm water is rising", "actor", "Alley"),
            (
                "Because warm water is more buoyant, says the study, it rises above cooler water",
                "actor",
                "Alley",
            ),
        ],
    ),
    (
        "Germany banned the airline from flying in the nation, with officials saying this is for security "
        "reasons.",
        [("this is for security reasons", "anonymous_official", None)],
    ),
    (
        '"Warm water circulation is attacking the ice shelves," said study co-author Karen Alley.',
        [("Warm water circulation is attacking the ice shelves", "actor", "Alley")],
    ),
    (  # "reaffirmed that", a cue after a place phrase with "think tank" in it
        "At the United States think tank Atlantic Council, Mitsotakis reaffirmed that the EastMed project is "
        "open for other countries to join.",
        [("the EastMed project is open for other countries to join", "actor", "Mitsotakis")],
    ),
    (  # a report of what someone said stays their statement
        "Reportedly, his family said he was in intensive care in hospital.",
        [("he was in intensive care in hospital", "group", None)],
    ),
    (  # the aside reports the clause; the scare quote inside it is no quote of its own
        'The "fair deal," he said, was signed on Monday.',
        [('The "fair deal," he said, was signed on Monday', "unknown", None)],
    ),
]
NO_STATEMENTS_ASIDE = [
    # a verb that describes a noun ("think tank") reports nothing
    "He spoke at the United States think tank Atlantic Council's headquarters on Tuesday.",
    # a belief others report: not the believer's statement
    "The CIA and other intelligence agencies reportedly believe the crown prince ordered the killing.",
    # an aside inside a clause that holds the subject: not the clause it reports
    "Pelosi herself presided over the vote, a move whose rarity, CBS noted, highlighted its significance.",
    # "with" a thing "saying": nothing said
    "You could come up with a task saying that the region has changed.",
]


def _contents(nlp_engine: Any, text: str) -> list[Any]:
    return list(nlp_engine.analyze_text(text).statements)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_reported_statement(nlp_engine: Any, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    statements = _contents(nlp_engine, text)
    found = {text[s.start : s.end]: s for s in statements}
    for content, kind, name in expected:
        assert content in found, f"no statement {content!r}: {list(found)}"
        speaker = found[content].speaker
        assert speaker.type == kind, (content, speaker)
        if name is not None:
            assert (
                name.casefold() in f"{speaker.name} {text[speaker.start or 0 : speaker.end or 0]}".casefold()
            )


@pytest.mark.parametrize(
    "text", NO_STATEMENTS + NO_STATEMENTS_ASIDE, ids=[t[:40] for t in NO_STATEMENTS + NO_STATEMENTS_ASIDE]
)
def test_no_statement(nlp_engine: Any, text: str) -> None:
    assert [text[s.start : s.end] for s in _contents(nlp_engine, text)] == []


def test_a_quote_is_not_repeated_as_the_clause_its_cue_governs(nlp_engine: Any) -> None:
    text = (
        "The High Court also ruled on the same day, finding that the prorogation of Parliament was not a matter "
        'for the courts: "In our view, the decision of the Prime Minister is political."'
    )
    contents = [text[s.start : s.end].rstrip(".") for s in _contents(nlp_engine, text)]
    assert len(contents) == len(set(contents)), contents


def test_a_quote_after_its_cue_leaves_the_mixed_clause_alone(nlp_engine: Any) -> None:
    text = 'She said she did this to show victims "there is nothing to be ashamed of".'
    assert len(_contents(nlp_engine, text)) == 1


def test_an_office_named_with_its_state_is_its_holder_that_day(nlp_engine: Any) -> None:
    text = (
        "Earlier in the day, Mr Putin sent Mr Lukashenko a message of greetings.\n\n"
        "The Russian President’s message reads, in part:\n\n"
        "“Over your years of work as head of state, you have earned great respect.”\n\n"
        "The Kazakh President said the talks went well."
    )
    analysis = nlp_engine.analyze_text(text, published="2018-08-30")
    got = [(text[s.start : s.end][:20], s.speaker.type, s.speaker.name) for s in analysis.statements]
    assert got == [
        ("Over your years of w", "actor", "Vladimir Putin"),  # "reads" after a message, even tagged a noun
        ("the talks went well", "actor", "Nursultan Nazarbayev"),
    ]
    bare = "The President said the talks went well."  # a bare office: the text does not say whose
    statements = nlp_engine.analyze_text(bare, published="2018-08-30").statements
    assert [(s.speaker.type, s.speaker.name) for s in statements] == [("anonymous_official", None)]


def test_an_attribution_is_not_what_the_verb_it_reports_says(nlp_engine: Any) -> None:
    # "respond" is a speech verb; here it is the act reported, and what follows it is its attribution
    text = "NATO will respond, the secretary-general said."
    assert "the secretary-general said" not in [text[s.start : s.end] for s in _contents(nlp_engine, text)]


def test_no_speaker_name_ends_in_a_function_word(nlp_engine: Any) -> None:
    # read as a user: the issuer of a joint statement was stored as "the Heads of the States of the"
    text = (
        "The Heads of the States of the Commonwealth of Independent States made a joint press statement. The "
        "Statement noted that all CIS members expressed a general interest in further developing cooperation."
    )
    names = [s.speaker.name for s in _contents(nlp_engine, text) if s.speaker.name]
    assert names and not [n for n in names if n.split()[-1] in ("of", "the", "and")], names
