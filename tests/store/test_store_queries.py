"""Record queries of the store: event filters and keyset pages, articles, statements, actors."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from realpolitik import render
from realpolitik.errors import QueryError
from realpolitik.model import ActorRef, Analysis, Article, Event, Mention, Speaker, Stance, Statement
from realpolitik.settings import Settings
from realpolitik.store import Store

TEXT = "Russia sent troops to Kazakhstan. China offered Kazakhstan a loan. Turkey praised Astana."
SPANS = {"RUS": (0, 33), "CHN": (34, 66), "TUR": (67, 89)}


def event(eid: str, article: str, source: str, target: str, type_: str, quad: int, **fields: object) -> Event:
    start, end = SPANS.get(source, (0, 10))
    return Event(
        id=eid,
        article_id=article,
        sentence_index=0,
        start=start,
        end=end,
        source=ActorRef(code=source, name=source, text=source),
        target=ActorRef(code=target, name=target, text=target),
        type=type_,
        quad_class=quad,
        goldstein=1.0,
        **fields,  # type: ignore[arg-type]
    )


def article(
    aid: str, published: date | None, *events: Event, statements: tuple[Statement, ...] = ()
) -> Analysis:
    mentions = (Mention(aid, 0, 6, "Russia", "rus", code="RUS", name="Russia", kind="state"),)
    return Analysis(
        article=Article(id=aid, text=TEXT, published=published, title=f"About {aid}", source="wire"),
        events=events,
        statements=statements,
        mentions=mentions,
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:", settings=Settings(api_page_size=3, api_max_page_size=5)) as s:
        analyses = [
            article(
                f"m{month:02d}",
                date(2022, month, 1),
                event(f"r{month:02d}", f"m{month:02d}", "RUS", "KAZ", "MOBILIZE", 4, domain="security"),
                event(f"c{month:02d}", f"m{month:02d}", "CHN", "KAZ", "AID", 2, domain="economy"),
            )
            for month in range(1, 9)
        ]
        analyses.append(
            article(
                "undated",
                None,
                event("t1", "undated", "TUR", "KAZ", "SUPPORT", 1, modality="negated"),
                event("t2", "undated", "KAZ", "TUR", "CONSULT", 1),
                statements=(
                    Statement(
                        id="st1",
                        article_id="undated",
                        start=67,
                        end=89,
                        speaker=Speaker(name="Erdogan", type="actor", code="TUR"),
                        stances=(Stance("KAZ", 0.7),),
                    ),
                ),
            )
        )
        s.write(analyses)
        yield s


def all_pages(store: Store, **filters: object) -> list[str]:
    ids: list[str] = []
    cursor = None
    while True:
        page = store.events(cursor=cursor, **filters)  # type: ignore[arg-type]
        ids += [e.record.id for e in page.items]
        if page.next_cursor is None:
            return ids
        cursor = page.next_cursor


def test_pages_walk_every_event_newest_first_without_repeats(store: Store) -> None:
    ids = all_pages(store, limit=4)
    assert len(ids) == len(set(ids)) == 18
    assert ids[:2] == ["c08", "r08"]
    assert ids[-2:] == ["t1", "t2"]  # undated articles come last


def test_page_size_defaults_and_is_capped_by_settings(store: Store) -> None:
    assert len(store.events().items) == 3
    page = store.events(limit=500)
    assert page.limit == 5 and len(page.items) == 5
    assert page.to_json()["next_cursor"] == page.next_cursor


def test_a_forged_cursor_is_a_bad_request(store: Store) -> None:
    with pytest.raises(QueryError) as err:
        store.events(cursor="not-a-cursor")
    assert err.value.code == "RP-E403"


def test_event_filters(store: Store) -> None:
    assert all_pages(store, actor="TUR") == ["t1", "t2"]
    assert all_pages(store, source="TUR") == ["t1"]
    assert all_pages(store, target="TUR") == ["t2"]
    assert all_pages(store, dyad=("KAZ", "TUR"), modality="asserted") == ["t2"]
    assert all_pages(store, target="KAZ", partner="TUR") == ["t1", "t2"]  # an influence cell: both directions
    assert all_pages(store, actor="KAZ", type="AID", start=date(2022, 7, 1)) == ["c08", "c07"]
    assert all_pages(store, actor="KAZ", end=date(2022, 1, 31)) == ["c01", "r01"]
    assert set(all_pages(store, quad=(1, 2))) == {f"c{m:02d}" for m in range(1, 9)} | {"t1", "t2"}
    assert len(all_pages(store, quad_class=4)) == 8
    assert len(all_pages(store, side="pressure", domain="security")) == 8
    assert all_pages(store, q="praised") == ["t1"]  # the evidence text
    assert all_pages(store, q="tur") == ["t1", "t2"]  # or an actor's name
    assert all_pages(store, article_id="m03") == ["c03", "r03"]
    with pytest.raises(QueryError):
        store.events(side="sideways")


def test_an_event_row_carries_its_evidence_text_and_article(store: Store) -> None:
    row = render.jsonable(store.events(actor="TUR", limit=1).items[0])
    assert row["text"] == "Turkey praised Astana."
    assert row["article_title"] == "About undated" and row["published"] is None
    assert row["source"]["code"] == "TUR" and row["quad_class"] == 1
    assert store.latest_events(limit=1)[0].record.id == "c08"


def test_articles_page_counts_events_and_statements(store: Store) -> None:
    page = store.articles(limit=2)
    assert [a["id"] for a in page.items] == ["m08", "m07"]
    assert page.items[0]["events"] == 2 and page.items[0]["statements"] == 0
    assert "text" not in page.items[0]
    rest = store.articles(cursor=page.next_cursor, limit=5)
    assert [a["id"] for a in rest.items] == ["m06", "m05", "m04", "m03", "m02"]
    assert [a["id"] for a in store.articles(start=date(2022, 8, 1)).items] == ["m08"]
    assert store.article("nope") is None


def test_statements_by_speaker_and_by_actor_in_stances(store: Store) -> None:
    items = render.jsonable(store.statements(about="KAZ").items)
    assert [s["id"] for s in items] == ["st1"]
    assert items[0]["text"] == "Turkey praised Astana."
    assert items[0]["speaker"]["code"] == "TUR"
    assert store.statements(speaker="TUR").items[0].record.id == "st1"
    assert store.statements(speaker="erdo").items[0].record.id == "st1"
    assert store.statements(about="CHN").items == []


def test_actors_count_mentions_and_events(store: Store) -> None:
    actors = {a["code"]: a for a in store.actors()}
    assert actors["KAZ"]["events"] == 18 and actors["KAZ"]["asserted_events"] == 17
    assert actors["RUS"]["mentions"] == 9 and actors["RUS"]["name"] == "Russia"
    assert actors["CHN"]["name"] == "China"  # no mention: the ISO 3166 name
    assert [a["code"] for a in store.actors(q="tur")] == ["TUR"]
