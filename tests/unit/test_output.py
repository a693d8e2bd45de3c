"""The JSON Lines contract of architecture.md: exactly these keys, spans into the article text."""

from datetime import date

from realpolitik.model import ActorRef, Analysis, Article, Event, Mention, Speaker, Stance, Statement
from realpolitik.render import analysis_to_json

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
    out = analysis_to_json(_analysis())
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
    assert set(statement) == {"id", "start", "end", "text", "form", "speaker", "stances"}
    assert statement["speaker"] == {"name": "Wang Yi", "type": "actor", "code": "CHN"}
    assert statement["stances"] == [{"code": "KAZ", "polarity": 0.612}]


def test_actors_counted_by_mentions_most_first() -> None:
    actors = analysis_to_json(_analysis())["actors"]
    assert actors[0] == {"code": "CHN", "name": "China", "kind": "state", "mentions": 2}
    assert {a["name"] for a in actors} == {"China", "Kazakhstan", "Wang Yi"}


def test_missing_target_is_null() -> None:
    a = _analysis()
    ev = a.events[0]
    from realpolitik.model import replace

    a2 = replace(a, events=(replace(ev, target=None),))
    assert analysis_to_json(a2)["events"][0]["target"] is None
    assert isinstance(ActorRef("X").to_json(), dict)
