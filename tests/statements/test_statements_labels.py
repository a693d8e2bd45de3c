"""Transcript speakers end to end: every label shape, titles read for state and sector when the knowledge base
does not know the person, later short labels, questions in interviews, and lines that only look like labels."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model

TRANSCRIPT = (
    "Vladimir Putin met with the heads of several companies.\n\n"
    "President of Russia Vladimir Putin: Good afternoon, colleagues. Let us begin.\n\n"
    "We have a lot to discuss today.\n\n"
    "CEO of the Russian Direct Investment Fund Kirill Dmitriev: Thank you, Mr President. The fund has invested "
    "in forty regions.\n\n"
    "Sergey Vodnev, testing department control foreman: We finished the tests on time.\n\n"
    "Minister of Healthcare Veronika Skvortsova Skvortsova VeronikaMinister of Healthcare : Hospitals are "
    "ready.\n\n"
    "Vladimir Putin: Mr Dmitriev, how much was invested last year?\n\n"
    "Kirill Dmitriev: About one trillion roubles.\n\n"
    "The message reads, in part: we are grateful for the support.\n\n"
    "Veronika Skvortsova: And the clinics too."
)


def turns(engine: Any, text: str, **fields: Any) -> list[tuple[str, str | None, str | None, str | None, str]]:
    analysis = engine.analyze_text(text, id="t", published="2017-06-01", **fields)
    out = []
    for s in analysis.statements:
        if s.cue_end is not None and text[s.cue_end : s.cue_end + 2].lstrip().startswith(":"):
            out.append(
                (text[s.start : s.end][:24], s.speaker.name, s.speaker.code, s.speaker.sector, s.speaker.type)
            )
    return out


def test_every_label_shape_and_the_paragraphs_after_it(nlp_engine: Any) -> None:
    got = turns(nlp_engine, TRANSCRIPT)
    speakers = [(name, code, sector) for _, name, code, sector, _ in got]
    assert speakers == [
        ("Vladimir Putin", "RUS", "GOV"),
        ("Vladimir Putin", "RUS", "GOV"),  # the paragraph after the label
        ("Kirill Dmitriev", "RUS", "BUS"),
        ("Sergey Vodnev", "RUS", None),  # unknown to the knowledge base: at a meeting of one state, its own
        ("Veronika Skvortsova", "RUS", "GOV"),  # a state office with no state named: the host's
        ("Vladimir Putin", "RUS", "GOV"),
        ("Kirill Dmitriev", "RUS", "BUS"),  # the short label takes what the full one said
        ("Kirill Dmitriev", "RUS", "BUS"),  # "The message reads, in part:" is no label
        ("Veronika Skvortsova", "RUS", "GOV"),
    ]
    assert got[7][0].startswith("The message reads")


def test_questions_in_an_interview_are_journalists_of_the_outlet(nlp_engine: Any) -> None:
    text = (
        "Question: Mr President, what do you expect from the summit?\n\n"
        "Vladimir Putin: A great deal.\n\n"
        "Question: Ksenia Sokolova, Xinhua. And from China?\n\n"
        "Vladimir Putin: Even more."
    )
    got = turns(nlp_engine, text, title="Interview to the ITAR-TASS news agency")
    assert [(name, code, sector, kind) for _, name, code, sector, kind in got] == [
        (None, "RUS", "MED", "unknown"),
        ("Vladimir Putin", "RUS", "GOV", "actor"),
        ("Ksenia Sokolova", "CHN", "MED", "actor"),
        ("Vladimir Putin", "RUS", "GOV", "actor"),
    ]


def test_questions_outside_the_press_have_no_sector(nlp_engine: Any) -> None:
    text = "Question: What about the roads?\n\nVladimir Putin: They will be repaired."
    got = turns(nlp_engine, text, title="Meeting with residents of Kaluga")
    assert got[0][1:] == (None, None, None, "unknown")


def test_names_with_particles_stay_whole(nlp_engine: Any) -> None:
    text = (
        "Federal President of Austria Alexander Van der Bellen: Thank you for the invitation.\n\n"
        "Vladimir Putin: You are welcome.\n\n"
        "Alexander Van der Bellen: We have a lot to discuss."
    )
    got = turns(nlp_engine, text)
    assert [name for _, name, _, _, _ in got] == [
        "Alexander Van der Bellen",
        "Vladimir Putin",
        "Alexander Van der Bellen",
    ]


def test_a_place_before_a_colon_is_no_speaker(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: We signed agreements with many countries.\n\n"
        "Germany: two agreements on energy.\n\n"
        "Angela Merkel: Thank you."
    )
    got = turns(nlp_engine, text)
    assert [name for _, name, _, _, _ in got] == ["Vladimir Putin", "Vladimir Putin", "Angela Merkel"]


def _all_turns(engine: Any, text: str, **fields: Any) -> list[tuple[str, str | None, str | None, str | None]]:
    analysis = engine.analyze_text(text, id="t", published="2018-04-03", **fields)
    return [
        (text[s.start : s.end][:20], s.speaker.name, s.speaker.code, s.speaker.sector)
        for s in analysis.statements
    ]


def test_interpreted_labels_and_questions_at_a_joint_news_conference(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon. We have held productive talks.\n\n"
        "President of Turkey Recep Tayyip Erdogan (retranslated): Thank you, dear friend.\n\n"
        "Question: A question for both presidents. What about gas supplies?\n\n"
        "Vladimir Putin: The pipeline will be built on time.\n\n"
        "Question (retranslated): Mr Erdogan, what about the air defence deal?\n\n"
        "Recep Tayyip Erdogan (retranslated): We have an agreement and we will keep it."
    )
    got = _all_turns(
        nlp_engine, text, title="Joint news conference of Vladimir Putin and Recep Tayyip Erdogan"
    )
    assert [(name, code, sector) for _, name, code, sector in got] == [
        ("Vladimir Putin", "RUS", "GOV"),
        ("Recep Tayyip Erdogan", "TUR", "GOV"),  # "(retranslated)" is no verb that makes the label a sentence
        (None, "RUS", "MED"),  # not interpreted: the host's press
        ("Vladimir Putin", "RUS", "GOV"),
        (None, "TUR", "MED"),  # interpreted: the guest's press
        ("Recep Tayyip Erdogan", "TUR", "GOV"),
    ]
    assert got[1][0].startswith("Thank you")


def test_unknown_speakers_at_a_meeting_of_one_state_and_with_a_guest(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon, colleagues.\n\n"
        "Moderator of the plenary session Sergei Brilyov: Thank you, Mr President.\n\n"
        "Director of the Kurchatov Institute Mikhail Kovalchuk: Our work goes on.\n\n"
        "Sergei Brilyov: Next question."
    )
    got = _all_turns(nlp_engine, text, title="Plenary session of the forum")
    assert [(name, code, sector) for _, name, code, sector in got] == [
        ("Vladimir Putin", "RUS", "GOV"),
        ("Sergei Brilyov", "RUS", "MED"),  # a session's moderator is a journalist
        ("Mikhail Kovalchuk", "RUS", "EDU"),
        ("Sergei Brilyov", "RUS", "MED"),  # the short label takes what the full one said
    ]
    interview = "Vladimir Putin: Good afternoon.\n\nJohn Micklethwait: You are encouraging romance, it seems."
    got = _all_turns(nlp_engine, interview, title="Interview to Bloomberg")
    assert got[1][1:] == ("John Micklethwait", None, None)  # an interviewer: not the host's for being unknown
    guest = text.replace("Sergei Brilyov: Next", "President of Turkey Recep Tayyip Erdogan: Next")
    got = _all_turns(nlp_engine, guest, title="Plenary session of the forum")
    assert got[2][2] is None  # with a foreign guest speaking, an unknown speaker's state is not assumed


def test_questioners_of_a_national_newspaper_and_of_a_named_agency(nlp_engine: Any) -> None:
    text = "Question: What do you expect?\n\nVladimir Putin: A great deal.\n\nQuestion: And next year?"
    got = _all_turns(nlp_engine, text, title="Interview to Chinese newspaper People’s Daily")
    assert [code for _, name, code, _ in got if name is None] == ["CHN", "CHN"]
    text = (
        "Vladimir Putin: Go ahead, please.\n\n"
        "Question: Interfax agency. Will the gas deal be signed?\n\n"
        "Vladimir Putin: Certainly.\n\n"
        "Question: What about the pipeline?"
    )
    got = _all_turns(nlp_engine, text, title="News conference following a working visit to China")
    assert [code for _, name, code, _ in got if name is None] == ["RUS", None]


def test_questions_at_a_three_party_news_conference_hosted_abroad(nlp_engine: Any) -> None:
    text = (
        "President of Turkey Recep Tayyip Erdogan (retranslated): Welcome, dear guests. Now the media can ask.\n\n"
        "Question: What about the energy road map?\n\n"
        "Recep Tayyip Erdogan: President Putin, please.\n\n"
        "Vladimir Putin: The road map is being carried out.\n\n"
        "Question (retranslated): President Erdogan, I am from Iran. What about the refugees?\n\n"
        "President of Iran Hassan Rouhani (retranslated): We will help them.\n\n"
        "Recep Tayyip Erdogan: We will do our part.\n\n"
        "Let us turn to the Turkish press.\n\n"
        "Question (retranslated): What about the operations in the north?\n\n"
        "Recep Tayyip Erdogan: They will go on.\n\n"
        "Question (retranslated): And the summit?\n\n"
        "Hassan Rouhani: In Tehran."
    )
    got = _all_turns(nlp_engine, text, title="News conference of the presidents of Russia, Turkey and Iran")
    questions = [(code, sector) for _, name, code, sector in got if name is None]
    assert questions == [
        (
            "RUS",
            "MED",
        ),  # unmarked: asked in the language of the unmarked speaker, Putin (Erdogan speaks most)
        ("IRN", "MED"),  # "I am from Iran"
        ("TUR", "MED"),  # the host's last line gives the floor to the Turkish press
        (None, "MED"),  # marked, but two states' words are interpreted and nothing says which
    ]


def test_a_caller_labelled_by_first_name_is_a_new_speaker(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon. Let us take the next call.\n\n"
        "Alina: Good afternoon, Mr President. Could a woman become president of Russia?\n\n"
        "Vladimir Putin: Of course she could.\n\n"
        "Second: I did not throw anybody out."
    )
    got = _all_turns(nlp_engine, text, title="Direct Line with Vladimir Putin")
    assert [name for _, name, _, _ in got] == ["Vladimir Putin", "Alina", "Vladimir Putin", "Vladimir Putin"]


def test_a_tooltip_label_with_the_given_name_spelt_twice_ways(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Mr Chemezov, how are the deliveries going?\n\n"
        "Rostec CEO Sergey Chemezov Chemezov SergeiCEO of Rostec State Corporation : On schedule, Mr President.\n\n"
        "Vladimir Putin: Good."
    )
    got = _all_turns(nlp_engine, text)
    assert [name for _, name, _, _ in got] == ["Vladimir Putin", "Sergey Chemezov", "Vladimir Putin"]


def test_questions_of_the_press_the_title_names(nlp_engine: Any) -> None:
    text = "Question: Mr President, what about the summit?\n\nVladimir Putin: It went well."
    got = _all_turns(nlp_engine, text, title="Vladimir Putin answered Russian journalists’ questions")
    assert got[0][1:] == (None, "RUS", "MED")


def test_a_bare_number_answered_in_a_turn_is_said(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: How many of you are there in the team?\n\n"
        "Sergei Ludin: 36.\n\n"
        "Vladimir Putin: So you speak the same language."
    )
    got = _all_turns(nlp_engine, text)
    assert [(content, name) for content, name, _, _ in got] == [
        ("How many of you are ", "Vladimir Putin"),
        ("36.", "Sergei Ludin"),
        ("So you speak the sam", "Vladimir Putin"),
    ]


def test_the_outlets_own_questions_in_an_interview_are_no_statements(nlp_engine: Any) -> None:
    text = (
        "((Wikinews)) Why did you join the Libertarian Party?\n\n"
        "((Adam Kokesh)) Because it is the party of liberty.\n\n"
        "((WN)) What is your goal as a candidate?\n\n"
        "((Adam Kokesh)) To bring the troops home."
    )
    got = _all_turns(nlp_engine, text)
    assert [(content, name) for content, name, _, _ in got] == [
        ("Because it is the pa", "Adam Kokesh"),
        ("To bring the troops ", "Adam Kokesh"),
    ]


def test_an_interviews_answers_are_the_interviewees(nlp_engine: Any) -> None:
    text = (
        "Biologist Natasha Gownaris studies penguins in Argentina.\n\n"
        "((WN)) How did you start?\n\n"
        "NG: I have wanted to be a marine scientist since I was a child.\n\n"
        "((WN)) What did the study find?\n\n"
        "Males outnumber females at the colony."
    )
    got = _all_turns(nlp_engine, text)
    assert [(content, name) for content, name, _, _ in got] == [
        ("I have wanted to be ", "Natasha Gownaris"),  # her initials
        ("Males outnumber fema", "Natasha Gownaris"),  # an answer with no label: the one person who answers
    ]
    unlabelled = (
        "Zara Kay founded Faithless Hijabi. Her colleague Mona Ali joined in 2019.\n\n"
        "((WN)) Why did you found it?\n\n"
        "Because nobody spoke for us."
    )
    got = _all_turns(nlp_engine, unlabelled, title="Zara Kay tells Wikinews about her organisation")
    assert [(content, name) for content, name, _, _ in got] == [("Because nobody spoke", "Zara Kay")]
    # with two people of the article in the title, nobody is credited
    got = _all_turns(nlp_engine, unlabelled, title="Zara Kay and Mona Ali tell Wikinews about their work")
    assert got == []


def test_a_question_asked_off_the_microphone_has_no_words_to_quote(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Please, go ahead.\n\n"
        "Question: (without microphone).\n\n"
        "Vladimir Putin: I did not hear the question, but I can guess it.\n\n"
        "(Applause.)"
    )
    got = _all_turns(nlp_engine, text, title="Answers to journalists’ questions")
    assert [(content, name) for content, name, _, _ in got] == [
        ("Please, go ahead.", "Vladimir Putin"),
        ("I did not hear the q", "Vladimir Putin"),
    ]


def test_questions_at_a_joint_interview_of_two_states_outlets_have_no_state(nlp_engine: Any) -> None:
    text = "Question: Mr President, what about the summit?\n\nVladimir Putin: It went well."
    got = _all_turns(nlp_engine, text, title="Interview to Rossiya Segodnya and IANS")
    assert got[0][1:] == (None, None, "MED")
    got = _all_turns(nlp_engine, text, title="Interview to Rossiya Segodnya")
    assert got[0][1:] == (None, "RUS", "MED")


def test_questions_of_the_press_the_lead_paragraph_names(nlp_engine: Any) -> None:
    lead = (
        "Vladimir Putin answered questions from {} journalists following his working visit to Kyrgyzstan.\n\n"
    )
    text = "Question: Mr President, what about the summit?\n\nVladimir Putin: It went well."
    got = _all_turns(nlp_engine, lead.format("Russian") + text, title="Answers to media questions")
    assert got[0][1:] == (None, "RUS", "MED")
    got = _all_turns(
        nlp_engine, lead.format("Russian and foreign") + text, title="Answers to media questions"
    )
    assert got[0][1:] == (None, None, "MED")


def test_the_interviewer_the_lead_paragraph_names_asks_the_questions(nlp_engine: Any) -> None:
    text = (
        "Before his visit, President Vladimir Putin answered the questions of Radik Batyrshin, President and "
        "Editor-in-chief of the Mir Interstate Television and Radio Company.\n\n"
        "Question: Good afternoon, Mr President. What do you expect from the summit?\n\n"
        "Vladimir Putin: Good results.\n\n"
        "Question: And the economy?\n\n"
        "Vladimir Putin: It is growing."
    )
    got = _all_turns(
        nlp_engine, text, title="Vladimir Putin’s interview to Mir Interstate Television and Radio Company"
    )
    assert [t[1:] for t in got if t[1] != "Vladimir Putin"] == [("Radik Batyrshin", "CIS", "MED")] * 2
    crowd = text.replace(
        "the questions of Radik Batyrshin, President and Editor-in-chief of", "questions from"
    )
    got = _all_turns(nlp_engine, crowd, title="Interview to Mir Interstate Television and Radio Company")
    assert got[0][1] is None  # a company's questions: no person named


def test_a_questioner_named_after_a_greeting_or_after_the_outlet(nlp_engine: Any) -> None:
    text = (
        "Question: Thank you. My name is Pavel Pchelkin, Channel One.\n\n"
        "I have a question about the courts.\n\n"
        "Vladimir Putin: The courts must be independent.\n\n"
        "Question: RIA Novosti, Yelena Glushakova.\n\n"
        "What about the budget?\n\n"
        "Vladimir Putin: It is balanced.\n\n"
        "Question: Hello! Yevgenia Vdovichenko, Gubernia information agency, Khabarovsk.\n\n"
        "Vladimir Putin: Go ahead."
    )
    got = _all_turns(nlp_engine, text, title="News conference of Vladimir Putin")
    assert [(name, code, sector) for _, name, code, sector in got if name != "Vladimir Putin"] == [
        ("Pavel Pchelkin", "RUS", "MED"),
        ("Pavel Pchelkin", "RUS", "MED"),
        ("Yelena Glushakova", "RUS", "MED"),
        ("Yelena Glushakova", "RUS", "MED"),
        ("Yevgenia Vdovichenko", "RUS", "MED"),  # "agency" is no government office here
    ]


def test_a_label_with_an_initial_takes_the_given_name_another_label_spells_out(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon, colleagues.\n\n"
        "Dinar Valeyev: Good afternoon, Mr President. The university has opened a new campus.\n\n"
        "Vladimir Putin: Very good.\n\n"
        "D. Valeyev: We also have a new laboratory.\n\n"
        "A. Repin: And we have a new school."
    )
    got = _all_turns(nlp_engine, text, title="Video conference with leading Russian universities")
    assert [name for _, name, _, _ in got] == [
        "Vladimir Putin",
        "Dinar Valeyev",
        "Vladimir Putin",
        "Dinar Valeyev",
        "A. Repin",  # no other label names him
    ]


def test_a_reply_to_the_host_at_a_news_conference_is_a_journalist(nlp_engine: Any) -> None:
    text = (
        "Question: Alexander Gamov, Komsomolskaya Pravda radio and newspaper.\n\n"
        "Vladimir Putin: Radio, television and newspaper?\n\n"
        "Reply: Yes, we are an empire.\n\n"
        "Vladimir Putin: Like Murdoch."
    )
    got = _all_turns(nlp_engine, text, title="News conference of Vladimir Putin")
    assert got[2][1:] == (None, None, "MED")
    got = _all_turns(nlp_engine, text, title="Direct Line with Vladimir Putin")
    assert got[2][1:] == (None, None, None)  # a caller, not the press


def test_academics_and_researchers_are_education(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon.\n\n"
        "Vice President of the Russian Academy of Sciences Valery Kozlov: Thank you, Mr President.\n\n"
        "Alexandra Kalashnikova, Senior Researcher at the Ioffe Institute: Our laboratory is new.\n\n"
        "Vladimir Putin: Very good."
    )
    got = _all_turns(nlp_engine, text, title="Meeting of the Council for Science and Education")
    assert [(name, sector) for _, name, _, sector in got][1:3] == [
        ("Valery Kozlov", "EDU"),  # not GOV for "Vice President"
        ("Alexandra Kalashnikova", "EDU"),
    ]


def test_a_caller_from_a_region_does_not_speak_for_its_government(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Let us take a call.\n\n"
        "Alexander Repin from the Nizhny Novgorod Region: Good afternoon. The trash reform is not working.\n\n"
        "Vladimir Putin: We will look into it."
    )
    got = _all_turns(nlp_engine, text, title="Direct Line with Vladimir Putin")
    assert got[1][1:] == ("Alexander Repin", "RUS", None)


def test_a_tooltip_label_takes_the_office_written_before_the_name(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Mr Rogozin, please.\n\n"
        "Deputy Prime Minister Dmitry Rogozin Rogozin DmitryGeneral Director of the Roscosmos State Corporation "
        "for Space Activities : The launch is set for April.\n\n"
        "Vladimir Putin: Good."
    )
    got = _all_turns(nlp_engine, text)
    assert got[1][1:] == ("Dmitry Rogozin", "RUS", "GOV")  # not BUS from the later office


def test_an_outlet_split_between_title_and_name_words_is_read_whole(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon.\n\n"
        "President of Interstate Television and Radio Company Mir Radik Batyrshin: Thank you for the interview.\n\n"
        "President of China Media Group Shen Haixiong: And thank you too.\n\n"
        "Vladimir Putin: You are welcome."
    )
    got = _all_turns(nlp_engine, text, title="Interview")
    assert [(name, code, sector) for _, name, code, sector in got][1:3] == [
        ("Radik Batyrshin", "CIS", "MED"),  # "Mir" left the name, it stays in the outlet's name
        ("Shen Haixiong", "CHN", "MED"),
    ]


def test_a_name_spelt_two_ways_takes_the_transcripts_usual_spelling(nlp_engine: Any) -> None:
    text = (
        "Sergei Brilyov: Mr President, the first question.\n\n"
        "Vladimir Putin: Go ahead.\n\n"
        "Sergei Brilyov: What about the Far East?\n\n"
        "Vladimir Putin: It is growing.\n\n"
        "Sergei Brilev: And the ports?\n\n"
        "Kirill Kleymenov: A question from Omsk.\n\n"
        "Vladimir Putin: Yes.\n\n"
        "Kirill KleYMENOV: And from Tomsk.\n\n"
        "Vladimir Putin: Yes."
    )
    got = _all_turns(nlp_engine, text, title="Eastern Economic Forum plenary session")
    names = [name for _, name, _, _ in got if name != "Vladimir Putin"]
    assert names == [
        "Sergei Brilyov",
        "Sergei Brilyov",
        "Sergei Brilyov",
        "Kirill Kleymenov",
        "Kirill Kleymenov",
    ]


def test_the_spelling_of_the_label_that_introduces_a_person_wins(nlp_engine: Any) -> None:
    text = (
        "Vladimir Putin: Good afternoon.\n\n"
        "Rector of Bauman Moscow State Technical University Anatoly Alexandrov: Thank you.\n\n"
        "Vladimir Putin: Please go on.\n\n"
        "Anatoly Aleksandrov: Our graduates work in industry.\n\n"
        "Vladimir Putin: Good.\n\n"
        "Anatoly Aleksandrov: Thank you."
    )
    got = _all_turns(nlp_engine, text, title="Plenary meeting of the Russian Rectors’ Union Congress")
    assert [name for _, name, _, _ in got if name != "Vladimir Putin"] == ["Anatoly Alexandrov"] * 3


def test_a_guest_whose_name_the_transcript_spells_without_icelandic_letters_keeps_his_state(
    nlp_engine: Any,
) -> None:
    text = (
        "President of Russia Vladimir Putin: Good afternoon, Mr Johannesson.\n\n"
        "President of Iceland Gudni Johannesson: President Vladimir Putin, thank you. The plastic threat is clear "
        "and present.\n\n"
        "Vladimir Putin: Thank you."
    )
    got = turns(nlp_engine, text, title="The Arctic: Territory of Dialogue forum", source="kremlin.ru")
    guest = [t for t in got if t[0].startswith("President Vladimir")]
    assert guest and guest[0][2] == "ISL", got  # "Guðni" in the knowledge base, not the host's RUS
