"""Speakers the article names next to the statement, end to end through the Engine: each case names the exact
content span and its speaker, and fails without the rule it stands for; and reported speech that is not one."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

# (text, [(the content exactly, speaker type, a word of the speaker's name or None)])
CASES: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    # the attribution right after the quote, which the parser did not hang the quote on
    (
        '"We made a lot of ground this week", Caloundra coach Geoff Ingram said.',
        [("We made a lot of ground this week", "actor", "Ingram")],
    ),
    (
        '"On behalf of the Court and retired Justices," wrote Chief Justice John G. Roberts, "I am saddened to '
        'report that our colleague has passed away."',
        [("On behalf of the Court and retired Justices", "actor", "Roberts")],
    ),
]

# a definite noun phrase for the actor the article named with that word earlier: a title before a person's name,
# a name of its own ("the Obama administration", "the city of Yonkers")
CASES += [
    (
        "The bill was criticised by archbishop Jorge Scheinig on Sunday. The archbishop said the church would "
        "oppose the bill in the senate.",
        [("the church would oppose the bill in the senate", "actor", "Scheinig")],
    ),
    (
        "For weeks, the Obama administration has tried to change the rule. A few days later the administration "
        "said it would appeal the ruling.",
        [("it would appeal the ruling", "actor", "Obama administration")],
    ),
    (
        "Water was cut off in the city of Yonkers on Monday. Later that day the city stated the repair crews had "
        "located the broken pipe.",
        [("the repair crews had located the broken pipe", "actor", "Yonkers")],
    ),
]

# an institution named by what follows "of" speaks as an actor; "their statement" is the last body's that spoke
CASES += [
    (
        "The government of Tuvalu said the treaty ignored the rights of small island states. Their statement "
        'also read "the treaty must be renegotiated before it comes into force."',
        [
            ("the treaty ignored the rights of small island states", "actor", "Tuvalu"),
            ("the treaty must be renegotiated before it comes into force", "actor", "Tuvalu"),
        ],
    ),
]

# an office nobody in the article is named for is an anonymous official; a name after the office is the speaker
CASES += [
    (
        "The bus was carrying twenty children to a dance competition, according to the mayor of Yartsevo.",
        [("The bus was carrying twenty children to a dance competition", "anonymous_official", None)],
    ),
    (
        "According to the El Paso mayor, Dee Margo, during the weekend, police were investigating whether a "
        "manifesto was written by the suspect.",
        [
            (
                "during the weekend, police were investigating whether a manifesto was written by the suspect",
                "actor",
                "Margo",
            )
        ],
    ),
]

# a study's authors taken up again as "the researchers": the team the article named by its institutions
CASES += [
    (
        "On Wednesday, scientists from the University of Miami and Apex Shark Expeditions published a study in "
        "Scientific Reports.\n\nThe researchers noted the sevengill sharks might not have the same effect on the "
        "ecosystem as the great whites.",
        [
            (
                "the sevengill sharks might not have the same effect on the ecosystem as the great whites",
                "actor",
                "University of Miami",
            )
        ],
    ),
]

# a document named again by its word alone is its first author's; the speaker after a cue after the quote
CASES += [
    (
        'The orange warning issued by Met Éireann applied to six counties. "Storm Lorenzo will produce '
        'significant swell, high waves and sizeable storm surges", read the warning.',
        [
            (
                "Storm Lorenzo will produce significant swell, high waves and sizeable storm surges",
                "actor",
                "Met",
            )
        ],
    ),
]

# a name parsed into the opening phrase, before an aside that ends at the cue
CASES += [
    (
        "On Twitter, Adrian Wojnarowski, US sport columnist from ESPN, said Bryant and Gianna were on their way "
        "to a basketball game.",
        [("Bryant and Gianna were on their way to a basketball game", "actor", "Wojnarowski")],
    ),
    (  # the aside is the name itself, after a title the parser hung on the outlet
        "Speaking to Agence France-Presse, the president of the Tunisian League for the Defence of Human Rights, "
        'Jamel Msallem, said, "We are for the freedom to dress, but today we find justification."',
        [("We are for the freedom to dress, but today we find justification", "actor", "Msallem")],
    ),
]

# an outlet's report of what someone said: the someone's statement as well
CASES += [
    (
        "Reuters reported on Monday a German government source, whom they did not name, said the ban on Mahan Air "
        "is not part of any broader plan to increase sanctions on Iran.",
        [
            (
                "a German government source, whom they did not name, said the ban on Mahan Air is not part of any "
                "broader plan to increase sanctions on Iran",
                "actor",
                "Reuters",
            ),
            (
                "the ban on Mahan Air is not part of any broader plan to increase sanctions on Iran",
                "anonymous_official",
                None,
            ),
        ],
    ),
]

# a second cue with a subject of its own, coordinated with what the first reports: two statements
CASES += [
    (
        "One interviewee said people changed their minds and several said they wanted the politicians to stop "
        "ignoring them.",
        [("people changed their minds", "group", None)],
    ),
]

# where those rules must not reach: the speaker's own "Let me stress that", a story someone told, a conjunct
# that shares its verb's subject, a cue with a clause of its own after a quote, a name that only holds the word
CASES += [
    (
        "Vladimir Putin: Let me stress that cooperation between Moscow and Ankara has been progressing in many "
        "areas.",
        [("cooperation between Moscow and Ankara has been progressing in many areas", "actor", "Putin")],
    ),
    (
        "Ginger Baker began playing drums in his teens. In a story he sometimes told, he had a habit of tapping "
        "on school desks.",
        [("he had a habit of tapping on school desks", "actor", "Baker")],
    ),
    (
        "Vladimir Putin: The Executive Office staff would come up to me and say that the team was coming "
        "tomorrow.",
        [("the team was coming tomorrow", "unknown", None)],
    ),
    (
        'In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of "presumably between 36 '
        'and 40 people under the rubble", while Deputy Governor Oleg Klimov indicated 68 people were missing.',
        [("68 people were missing", "actor", "Klimov")],
    ),
    (
        "For Jo Jorgensen, the August campaign began on a hairy note.  According to the campaign, a flying "
        "creature collided with Jorgensen on the front porch of her home.",
        [("a flying creature collided with Jorgensen on the front porch of her home", "unknown", None)],
    ),
    (
        "Gregory Kurtzer, who had started the CentOS project, announced a new operating system. The project "
        'said "Rocky Linux aims to function as a downstream build as CentOS had done previously."',
        [
            (
                "Rocky Linux aims to function as a downstream build as CentOS had done previously",
                "unknown",
                None,
            )
        ],
    ),
]

# Texts that hold no statement at all.

# "he" is the person named in its paragraph even where the parse made no subject of them, never the speaker of
# the turn it is in (who says "I"); a block quote is the words of the one its credit line names
CASES += [
    (
        "Vladimir Putin met the heads of the security agencies. He said he hoped teamwork with Georgia would go "
        "on.\n\nAs he was addressing the informal CIS summit, Georgian President Eduard Shevardnadze de facto "
        "acknowledged problem-laden developments in the Pankisi Gorge. He said he had to do so because of the "
        "weakness of Georgian law enforcement.",
        [("he had to do so because of the weakness of Georgian law enforcement", "actor", "Shevardnadze")],
    ),
    (
        "Vladimir Putin: Recently I attended Yury Temirkanov’s birthday celebration; he turned 80. He said "
        "something very common and still absolutely correct: “Art does not exist to indulge base motives.”"
        "\n\nMaria Zakharova: Thank you.",
        [("Art does not exist to indulge base motives", "unknown", None)],
    ),
    (
        "Marrero rejected this argument:\n\n The notion of presidential immunity that the President invokes "
        "cuts across the grain of constitutional precedents.\n\nThe Court dismisses the President's suit."
        '\n\n – United States District Judge Victor Marrero, "Decision and Order"\n\nThe appeals court '
        "issued a stay.",
        [
            (
                "The notion of presidential immunity that the President invokes cuts across the grain of "
                "constitutional precedents",
                "actor",
                "Marrero",
            ),
            ("The Court dismisses the President's suit", "actor", "Marrero"),
        ],
    ),
]

NO_STATEMENTS: list[str] = [
    # an imperative reports nothing, nor does the clause it borrowed its subject from
    "Just think of it, imports of potatoes from Belarus in 2016 stood at 40,000 tonnes.",
    # "let them tell us": a rhetorical challenge, nobody told anything
    "Let them tell us about it – what is wrong with this?",
    # what was said is the antecedent of the relative clause; the sentence goes on with a question of its own
    "After Paris, after everything your summit partners have said in the two weeks since then, and I mean Ukraine "
    "above all, do you think there is any point holding another meeting in four months, as you agreed?",
    # a credit line under a pull quote the page lost: it says nothing, and the news above it is nobody's words
    "Paweł Adamowicz, mayor of Gdańsk, was stabbed last night whilst on stage at a fundraising event."
    "\n\n—Łukasz Szumowski on the failed efforts to save the mayor's life\n\nReports on the implement vary.",
]


def test_a_quote_that_closes_a_sentence_is_not_the_next_sentences_speakers(nlp_engine: Any) -> None:
    text = (
        'Trump said Bolton broke the law and "likes dropping bombs on people, and killing them."  Democrats '
        "expressed dissatisfaction with Bolton over his unwillingness to testify."
    )
    assert all(s.speaker.name != "Democrats" for s in _statements(nlp_engine, text))


def test_officials_a_transcript_speaker_mentions_are_of_his_state(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Yes, if the governors say that they are not even managing to spend all of what they "
        "have, then we will redistribute the money."
    )
    found = {text[s.start : s.end]: s.speaker for s in _statements(nlp_engine, text)}
    governors = found["they are not even managing to spend all of what they have"]
    assert (governors.type, governors.code) == ("anonymous_official", "RUS")


def _statements(nlp_engine: Any, text: str) -> list[Any]:
    return list(nlp_engine.analyze_text(text).statements)


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_speaker(nlp_engine: Any, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = {text[s.start : s.end].rstrip(",."): s for s in _statements(nlp_engine, text)}
    for content, kind, name in expected:
        assert content in found, f"no statement {content!r}: {list(found)}"
        speaker = found[content].speaker
        assert speaker.type == kind, (content, speaker)
        if name is not None:
            said = f"{speaker.name} {text[speaker.start or 0 : speaker.end or 0]}"
            assert name.casefold() in said.casefold(), (content, speaker)


@pytest.mark.parametrize("text", NO_STATEMENTS, ids=[t[:40] for t in NO_STATEMENTS])
def test_no_statement(nlp_engine: Any, text: str) -> None:
    assert [text[s.start : s.end] for s in _statements(nlp_engine, text)] == []
