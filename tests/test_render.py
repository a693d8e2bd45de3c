"""The one renderer: the JSON Lines contract of architecture.md (these keys, spans into the article text), the
same record shapes for stored records, and CSV rows flattened from the same JSON."""

from datetime import date

from realpolitik import render
from realpolitik.model import (
    ActorRef,
    Analysis,
    Article,
    Event,
    Listed,
    Mention,
    Speaker,
    Stance,
    Statement,
    replace,
)

TEXT = "China is ready to deepen cooperation with Kazakhstan, Wang Yi said."


def _analysis() -> Analysis:
    article = Article.from_text(TEXT, title="T", published=date(2022, 1, 10))
    china = Mention(article.id, 0, 5, "China", "state:CHN", "CHN", None, "China", "state")
    kaz = Mention(article.id, 42, 52, "Kazakhstan", "state:KAZ", "KAZ", None, "Kazakhstan", "state")
    wang = Mention(article.id, 54, 61, "Wang Yi", "person:wang-yi", "CHN", "GOV", "Wang Yi", "person")
    event = Event(
        id="e1",
        article_id=article.id,
        sentence_index=0,
        start=0,
        end=52,
        source=china.ref(),
        target=kaz.ref(),
        type="AGREE",
        contexts=("military",),
        domain="security",
        cameo="030",
        quad_class=1,
        goldstein=4.0,
        confidence=0.8,
        rule="intent-to-cooperate",
    )
    statement = Statement(
        id="s1",
        article_id=article.id,
        start=0,
        end=52,
        speaker=Speaker("Wang Yi", "actor", "CHN", "GOV"),
        form="indirect",
        stances=(Stance("KAZ", 0.61234),),
    )
    return Analysis(article, mentions=(china, kaz, wang, china), events=(event,), statements=(statement,))


def test_contract_keys_exactly() -> None:
    out = render.analysis(_analysis())
    assert set(out) == {"article", "actors", "events", "statements"}
    assert set(out["article"]) == {"id", "title", "date", "url", "source", "lang"}
    assert out["article"]["date"] == "2022-01-10"
    (event,) = out["events"]
    assert set(event) == {
        "id", "sentence_index", "start", "end", "text", "source", "target", "type", "mode", "contexts",
        "domain", "modality", "cameo", "quad_class", "goldstein", "confidence", "rule",
    }  # fmt: skip
    assert event["text"] == TEXT[0:52]
    assert event["source"] == {"code": "CHN", "sector": None, "name": "China", "text": "China"}
    (statement,) = out["statements"]
    assert set(statement) == {"id", "start", "end", "text", "form", "cue", "speaker", "stances"}
    assert statement["speaker"] == {"name": "Wang Yi", "type": "actor", "code": "CHN", "sector": "GOV"}
    assert statement["stances"] == [{"code": "KAZ", "polarity": 0.612, "start": None, "end": None}]


def test_actors_counted_by_mentions_most_first() -> None:
    actors = render.analysis(_analysis())["actors"]
    assert actors[0] == {"code": "CHN", "name": "China", "kind": "state", "mentions": 2}
    assert {a["name"] for a in actors} == {"China", "Kazakhstan", "Wang Yi"}


def test_missing_target_is_null() -> None:
    a = _analysis()
    ev = a.events[0]
    a2 = replace(a, events=(replace(ev, target=None),))
    assert render.analysis(a2)["events"][0]["target"] is None
    assert render.actor_ref(ActorRef("X")) == {"code": "X", "sector": None, "name": None, "text": ""}


def test_a_listed_record_is_the_record_plus_its_article() -> None:
    a = _analysis()
    event, statement = a.events[0], a.statements[0]
    listed = render.jsonable(
        [Listed(event, TEXT[0:52], date(2022, 1, 10), "T"), Listed(statement, TEXT[0:52])]
    )
    contract = render.analysis(a)
    assert listed[0] == {"article_id": a.article.id, "published": "2022-01-10", "article_title": "T",
                         "article_source": None, "article_url": None, **contract["events"][0]}  # fmt: skip
    assert listed[1] == {"article_id": a.article.id, "published": None, "article_title": None,
                         "article_source": None, "article_url": None, **contract["statements"][0]}  # fmt: skip


def test_csv_rows_flatten_the_same_json() -> None:
    contract = render.analysis(_analysis())
    row = render.flat(contract["events"][0])
    assert (
        row["source_code"] == "CHN" and row["target_name"] == "Kazakhstan" and row["contexts"] == "military"
    )
    text = render.csv_text(contract["statements"])
    header, line = text.splitlines()
    assert header.split(",")[:4] == ["id", "start", "end", "text"]
    assert "speaker_sector" in header and '[{""code"":""KAZ""' in line
