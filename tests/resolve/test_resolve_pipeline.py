"""Resolution inside the full pipeline (spaCy model + gazetteer in front of NER), on the example article and on
short texts: exact spans, phrase mentions, entity labels the gazetteer fixes, coreference and unresolved names."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from realpolitik.annotate.gazetteer import COMPONENT
from realpolitik.cli.actors import actors
from realpolitik.model import Article, Mention

pytestmark = pytest.mark.model


def resolve(engine: Any, text: str, day: date | None = date(2022, 1, 10)) -> list[Mention]:
    article = Article.from_text(text, published=day)
    doc = engine.annotator(text)
    mentions: list[Mention] = engine.resolver.resolve(doc, article)
    return mentions


def by_text(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


def test_gazetteer_sits_in_front_of_ner(nlp_engine: Any) -> None:
    names = nlp_engine.annotator.nlp.pipe_names
    assert names.index(COMPONENT) < names.index("ner")


def test_gazetteer_labels_what_the_small_model_gets_wrong(nlp_engine: Any) -> None:
    doc = nlp_engine.annotator("Kazakh President Kassym-Jomart Tokayev met Kazakh officials in Astana.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kassym-Jomart Tokayev") == "PERSON"
    assert labels.get("Kazakh") == "NORP"


def test_every_mention_span_is_exact_on_the_example(nlp_engine: Any, example_article: str) -> None:
    mentions = resolve(nlp_engine, example_article)
    assert len(mentions) > 30
    for m in mentions:
        if m.via in ("title", "publisher"):
            # a participant known from the title or the publisher is not in the text: an empty span at 0
            assert (m.start, m.end) == (0, 0) and m.code
            continue
        assert example_article[m.start : m.end] == m.text
        assert m.via in ("gazetteer", "ner", "agent", "coref", "speaker", "unresolved")
        if m.via == "unresolved":
            assert m.actor_id is None and m.code is None
        if m.via == "speaker":
            assert m.text.lower() in ("i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves")


def test_example_article_actors(nlp_engine: Any, example_article: str) -> None:
    mentions = resolve(nlp_engine, example_article)
    wang = by_text(mentions, "Chinese Foreign Minister Wang Yi")
    assert (wang.code, wang.sector, wang.name, wang.kind, wang.role) == (
        "CHN",
        "GOV",
        "Wang Yi",
        "person",
        "Foreign Minister",
    )
    codes = {m.code for m in mentions}
    assert {"KAZ", "RUS", "CHN", "CSTO"} <= codes
    assert by_text(mentions, "the Celestial Empire").code == "CHN"
    assert by_text(mentions, "official Beijing").sector == "GOV"
    assert by_text(mentions, "Central Asia").code == "CAS"
    assert by_text(mentions, "Xinjiang").code == "XINJIANG"


@pytest.mark.parametrize(
    ("text", "mention", "code", "sector"),
    [
        ("Russian troops crossed the border on Monday.", "Russian troops", "RUS", "MIL"),
        ("Kazakh protesters gathered in Almaty.", "Kazakh protesters", "KAZ", "CVL"),
        ("The Kremlin said the talks went well.", "The Kremlin", "RUS", "GOV"),
        ("Beijing rejected the accusation.", "Beijing", "CHN", "GOV"),
        (
            "Officials of the Shanghai Cooperation Organisation met in Tashkent.",
            "Officials of the Shanghai Cooperation Organisation",
            "SCO",
            "GOV",
        ),
        (
            "The Shanghai Cooperation Organisation met in Tashkent.",
            "The Shanghai Cooperation Organisation",
            "SCO",
            None,
        ),
        ("The President of Kazakhstan signed the decree.", "The President of Kazakhstan", "KAZ", "GOV"),
        ("Uighurs in Xinjiang face restrictions.", "Uighurs", "UIG", None),
    ],
)
def test_phrases_in_sentences(
    nlp_engine: Any, text: str, mention: str, code: str, sector: str | None
) -> None:
    m = by_text(resolve(nlp_engine, text), mention)
    assert (m.code, m.sector) == (code, sector)


def test_coreference_in_an_article(nlp_engine: Any) -> None:
    text = (
        "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow. "
        "The two leaders discussed the CSTO mission. Mr Tokayev thanked Russia. "
        "Kazakhstan is the largest economy of Central Asia, and the country depends on exports."
    )
    mentions = resolve(nlp_engine, text)
    pair = [m for m in mentions if m.text == "The two leaders"]
    assert {m.code for m in pair} == {"KAZ", "RUS"} and all(m.via == "coref" for m in pair)
    mr = by_text(mentions, "Mr Tokayev")
    assert mr.name == "Kassym-Jomart Tokayev" and mr.via in ("coref", "gazetteer")
    assert by_text(mentions, "the country").code == "KAZ"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "he" opening a sentence as its subject is the previous sentence's subject, not the last person named
        (
            "Vladimir Putin had a telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev. "
            "He thanked him for the support.",
            "RUS",
        ),
        # inside a clause, the last person named
        ("Vladimir Putin met Kassym-Jomart Tokayev. Tokayev said he was glad.", "KAZ"),
    ],
)
def test_he_takes_the_previous_subject(nlp_engine: Any, text: str, code: str) -> None:
    he = next(m for m in resolve(nlp_engine, text) if m.text.lower() == "he")
    assert he.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # two presidents seen: "The President" is the one the article named first (a readout's own president)
        (
            "Vladimir Putin sent a message of greetings to President of Tajikistan Emomali Rahmon. "
            "The President commended the country's success.",
            "RUS",
        ),
        # one president seen: that one
        (
            "President of Tajikistan Emomali Rahmon opened the session. The President commended the workers.",
            "TJK",
        ),
    ],
)
def test_the_president_is_the_protagonist_among_presidents(nlp_engine: Any, text: str, code: str) -> None:
    president = next(m for m in resolve(nlp_engine, text) if m.text == "The President")
    assert president.code == code


@pytest.mark.parametrize(
    "text",
    [
        # "him" as the object is never the verb's own subject, even when that subject was named last
        "Tokayev met Xi Jinping. Tokayev congratulated him on his re-election.",
        "In a telephone conversation with Xi Jinping, Tokayev congratulated him on his re-election.",
        # a coordinated verb shares the first verb's subject
        "Tokayev met Xi Jinping and congratulated him on his re-election.",
    ],
)
def test_an_object_pronoun_is_not_its_verbs_subject(nlp_engine: Any, text: str) -> None:
    him = next(m for m in resolve(nlp_engine, text) if m.text == "him")
    assert him.code == "CHN"


def test_unknown_names_stay_unresolved(nlp_engine: Any) -> None:
    mentions = resolve(nlp_engine, "Zorblax Quintarian met executives of Frobnicate Holdings in Glimmerton.")
    assert mentions and all(m.actor_id is None and m.code is None for m in mentions)


def test_groups_are_placed_by_their_sentence(nlp_engine: Any) -> None:
    mentions = resolve(nlp_engine, "Shona rebels demanded reforms from the Mozambican government.")
    shona = by_text(mentions, "Shona rebels")
    assert (shona.code, shona.kind, shona.country) == ("SHO", "group", "MOZ")  # not its other home, ZWE
    mentions = resolve(nlp_engine, "Ethnic Albanians demonstrated in Serbia on Tuesday.")
    assert by_text(mentions, "Albanians").code == "SRB"


def test_a_states_business_community_abroad_is_its_business_not_a_minority(nlp_engine: Any) -> None:
    mentions = resolve(nlp_engine, "Putin met with the Russian business community in London.")
    business = by_text(mentions, "the Russian business community")
    assert (business.code, business.sector) == ("RUS", "BUS")
    mentions = resolve(nlp_engine, "Putin met with the Russian community in London.")
    assert by_text(mentions, "the Russian community").code == "GBR"  # a minority is placed where it lives


def test_a_group_name_inside_a_person_name_is_not_the_group(nlp_engine: Any) -> None:
    mentions = resolve(nlp_engine, "Karen Pierce, the British ambassador, addressed the council.")
    assert not [m for m in mentions if m.code == "KRN"]


def test_cli_lookup_acceptance() -> None:
    runner = CliRunner()
    out = runner.invoke(actors, ["lookup", "President Tokayev", "--date", "2022-01-10", "--json"])
    assert out.exit_code == 0 and '"code": "KAZ", "sector": "GOV"' in out.output
    out = runner.invoke(actors, ["lookup", "the Kremlin", "--json"])
    assert '"code": "RUS", "sector": "GOV"' in out.output
    out = runner.invoke(actors, ["lookup", "the Celestial Empire", "--json"])
    assert '"code": "CHN"' in out.output
    out = runner.invoke(actors, ["lookup", "the President of Kazakhstan", "--date", "2010-05-01", "--json"])
    assert "Nursultan Nazarbayev" in out.output
    out = runner.invoke(actors, ["lookup", "the President of Kazakhstan", "--date", "2022-01-10", "--json"])
    assert "Kassym-Jomart Tokayev" in out.output and '"role": "President"' in out.output
    out = runner.invoke(actors, ["lookup", "Zorblax Quintarian"])
    assert out.exit_code == 1


def test_cli_kb_merge_and_errors(tmp_path: Path) -> None:
    user = tmp_path / "mine.jsonl"
    user.write_text(
        '{"id": "person:zorblax", "kind": "person", "name": "Zorblax Quintarian", "aliases": ["Quintarian"],'
        ' "roles": [{"title": "President", "country": "KAZ", "start": "2040-01-01"}]}\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    out = runner.invoke(
        actors, ["lookup", "the President of Kazakhstan", "--date", "2041-01-01", "--json", "--kb", str(user)]
    )
    assert out.exit_code == 0 and "Zorblax Quintarian" in out.output
    out = runner.invoke(actors, ["list", "--kind", "person", "--json", "--kb", str(user)])
    assert '"id": "person:zorblax"' in out.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "kind": "person", "name": "X"}\n{"id": "y", "kind": "comet", "name": "Y"}\n')
    out = runner.invoke(actors, ["lookup", "Putin", "--kb", str(bad)])
    assert out.exit_code != 0
    assert isinstance(out.exception, Exception) and "bad.jsonl:2" in str(out.exception)
    assert "kind" in str(out.exception)


def test_list_filters_by_kind() -> None:
    out = CliRunner().invoke(actors, ["list", "--kind", "igo", "--json"])
    assert out.exit_code == 0
    lines = out.output.strip().splitlines()
    assert any('"id": "CSTO"' in line for line in lines)
    assert all('"kind": "igo"' in line for line in lines)


def test_gazetteer_hits_survive_doc_serialisation(nlp_engine: Any) -> None:
    from spacy.tokens import Doc

    from realpolitik.annotate.gazetteer import doc_hits

    nlp = nlp_engine.annotator.nlp
    doc = nlp("Kazakh President Tokayev met Putin in the Kremlin.")
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())  # what nlp.pipe(n_process=2) does between processes
    assert doc_hits(copy, nlp_engine.kb) == doc_hits(doc, nlp_engine.kb)
    assert len(doc_hits(doc, nlp_engine.kb) or []) == 5


def test_the_surname_of_an_unknown_person_is_that_person_again(nlp_engine: Any) -> None:
    text = (
        "The attacker, Usman Khan, stabbed two people. Khan was pinned to the ground. "
        "Later Prime Minister Khan spoke to Boris Johnson."
    )
    mentions = resolve(nlp_engine, text, date(2019, 11, 30))
    assert [m.code for m in mentions if m.text == "Khan"] == [None]  # not Imran Khan, Pakistan's PM that day
    assert by_text(mentions, "Prime Minister Khan").code == "PAK"  # with his office he is


def test_a_surname_the_article_gives_someone_else_in_full_is_not_our_namesake(nlp_engine: Any) -> None:
    day = date(2020, 8, 12)
    kamala = resolve(nlp_engine, "Senator Kamala Harris was chosen. Trump said Harris attacked Biden.", day)
    assert [m.code for m in kamala if m.text == "Harris"] != [
        "KNA"
    ]  # not Timothy Harris of St Kitts and Nevis
    timothy = resolve(nlp_engine, "Prime Minister Timothy Harris won. Harris met the press.", day)
    assert [m.code for m in timothy if m.text == "Harris"] == ["KNA"]
    putin = resolve(
        nlp_engine, "President Putin met Lukashenko. Vladimir Putin spoke. Putin thanked him.", day
    )
    assert [m.code for m in putin if m.text == "Putin"] == ["RUS"]


def test_a_viewer_named_by_given_name_and_town_is_no_namesake(nlp_engine: Any) -> None:
    # "Alexander from Dubna asks" on a phone-in show is a viewer, not the British politician Danny Alexander
    # (audit 15); the same word as a surname the gazetteer knows stays who it is
    day = date(2016, 4, 14)
    viewer = resolve(nlp_engine, "Alexander from Dubna asks: How would you comment on Libya?", day)
    assert [m.code for m in viewer if m.text == "Alexander"] == [None]


def test_a_name_piece_before_a_hyphen_is_no_known_surname(nlp_engine: Any) -> None:
    mentions = resolve(
        nlp_engine, "The party did not say whom it would back against Chan-o-cha.", date(2019, 2, 9)
    )
    assert all(m.code != "CHN" for m in mentions if m.text.startswith("Chan"))


@pytest.mark.parametrize(
    "text",
    [
        "Many pre-school institutions in Tajikistan offer education in Russian.",
        "The talks were held in Russian and English.",
        "The declaration was translated into Chinese.",
        "The Uzbek president speaks Kazakh.",
    ],
)
def test_a_language_is_not_its_state(nlp_engine: Any, text: str) -> None:
    language = text.rstrip(".").split()[-1]
    assert language not in {m.text for m in resolve(nlp_engine, text)}


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Japan invested in Russian companies.", "Russian companies", "RUS"),
        ("The summit took place in Amman.", "Amman", "JOR"),
        ("The ministers met in Japan.", "Japan", "JPN"),
    ],
)
def test_a_demonym_before_a_noun_or_a_place_after_in_is_an_actor(
    nlp_engine: Any, text: str, phrase: str, code: str
) -> None:
    assert by_text(resolve(nlp_engine, text), phrase).code == code


def test_they_after_other_people_in_its_sentence_is_not_the_readouts_two_sides(nlp_engine: Any) -> None:
    title = "Meeting with President of China Xi Jinping"
    text = (
        "Vladimir Putin and Xi Jinping held talks in Beijing. They discussed trade.\n\n"
        "When the opposition politicians Medvedchuk and Boiko came to Moscow, they met with the Prime Minister."
    )
    article = Article.from_text(
        text,
        title=title,
        source="kremlin.ru",
        url="http://en.kremlin.ru/events/1",
        published=date(2019, 4, 27),
    )
    mentions = nlp_engine.resolver.resolve(nlp_engine.annotator(text), article)
    first, second = text.index("They"), text.index("they met")
    assert {m.code for m in mentions if m.start == first} == {"RUS", "CHN"}
    assert not [m for m in mentions if m.start == second and m.code in ("RUS", "CHN")]


def test_an_organisations_charter_or_resolutions_referred_to_are_no_actor(nlp_engine: Any) -> None:
    codes = {
        m.code for m in resolve(nlp_engine, "We support a world order based on the United Nations Charter.")
    }
    assert "UN" not in codes
    text = "Russia called for a solution in line with the United Nations Security Council resolutions."
    assert "UN" not in {m.code for m in resolve(nlp_engine, text)}
    text = "Russia asked the United Nations Security Council to act. The Security Council resolutions demand a truce."
    assert {m.text for m in resolve(nlp_engine, text) if m.code == "UN"} >= {
        "the United Nations Security Council"
    }


def test_a_known_surname_the_tagger_left_bare_is_that_person(nlp_engine: Any) -> None:
    # "accused Trump of ...": the small model tags no entity on the surname; the article named him in full before.
    # Another of the family with a given name of her own is not him.
    day = date(2020, 8, 28)
    text = (
        "President Donald Trump accepted the nomination. Other speakers included four of Trump's children and "
        "First Lady Melania Trump. In reaction to the convention, House Speaker Nancy Pelosi accused Trump of "
        'ignoring "truth, evidence, data and facts" and said she would prefer Biden not participate in the '
        "presidential debates with Trump."
    )
    mentions = resolve(nlp_engine, text, day)
    accused = [m for m in mentions if m.start == text.index("Trump of")]
    assert [(m.code, m.sector) for m in accused] == [("USA", "GOV")]
    assert all(m.code is None for m in mentions if "Melania" in m.text)
    # a month is no surname, whoever bore it before
    may = resolve(
        nlp_engine, "Prime Minister Theresa May spoke. The vote was held in May.", date(2019, 1, 15)
    )
    assert [m.code for m in may if m.text == "May" and m.start > 30] == []


def test_a_us_state_is_the_united_states(nlp_engine: Any) -> None:
    # "Wisconsin Governor Tony Evers": every US state is a place of the US (but Georgia and Washington have other
    # readings, see the us_states cue and the metonym)
    mentions = resolve(
        nlp_engine, "Wisconsin Governor Tony Evers deployed the National Guard.", date(2020, 8, 25)
    )
    evers = by_text(mentions, "Tony Evers")
    assert (evers.code, evers.sector) == ("USA", "GOV")


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("Peru's parliament impeached President Martin Vizcarra.", "Peru's parliament", "PER"),
        (
            "The United States House of Representatives impeached President Donald Trump.",
            "The United States House of Representatives",
            "USA",
        ),
    ],
)
def test_a_legislature_is_the_legislative_sector(nlp_engine: Any, text: str, phrase: str, code: str) -> None:
    # docs/annotation.md: legislators and legislatures are LEG, not the government they may impeach
    mention = by_text(resolve(nlp_engine, text, date(2020, 11, 8)), phrase)
    assert (mention.code, mention.sector) == (code, "LEG")
