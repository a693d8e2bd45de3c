"""The REST API over a store of hand-built analyses: every route answers with what the Store returns, filters
select the right events, pages follow their cursors without gaps or repeats, and limits hold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import KeywordEngine, TestClient, build_world, hostile_analysis
from realpolitik.api import create_app
from realpolitik.model import Failure
from realpolitik.settings import Settings
from realpolitik.store import Store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "api.duckdb"
    with Store(path) as store:
        store.write([*build_world(), hostile_analysis()])
        store.add_failures([Failure("feed.xml", "ingest", "RP-E110", "not a feed")])
    return path


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    app = create_app(store_path, Settings(api_page_size=50, api_max_page_size=100), token="")
    with TestClient(app) as c:
        yield c


def get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def event_triples(items: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(e["source"]["code"], e["type"], e["target"]["code"]) for e in items}


def test_stats_count_what_was_written(client: TestClient) -> None:
    body = get(client, "/api/v1/stats")
    assert body["stats"]["articles"] == 4
    assert body["stats"]["events"] == 12
    assert body["stats"]["statements"] == 2
    assert body["stats"]["failures"] == 1
    assert body["ingest"]["writable"] is False


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "SANCTION"}, {("USA", "SANCTION", "RUS")}),
        ({"source": "KAZ"}, {("KAZ", "ACCUSE", "RUS"), ("KAZ", "CONSULT", "RUS")}),
        ({"actor": "USA"}, {("USA", "SANCTION", "RUS"), ("USA", "THREATEN", "KAZ")}),
        ({"dyad": "USA-RUS"}, {("USA", "SANCTION", "RUS")}),
        ({"modality": "hypothetical"}, {("USA", "THREATEN", "KAZ")}),
        ({"quad": "4"}, {("USA", "SANCTION", "RUS")}),
        ({"domain": "economy", "actor": "CHN"}, {("CHN", "COOPERATE", "KAZ"), ("CHN", "AID", "KAZ")}),
        ({"q": "peacekeepers"}, {("RUS", "AID", "KAZ")}),
        ({"start": "2021-01-01", "end": "2021-04-30"}, {("RUS", "CONSULT", "KAZ")}),
        (
            {"target": "KAZ", "partner": "RUS", "domain": "security", "quad": "coop"},
            {("RUS", "AID", "KAZ"), ("RUS", "SUPPORT", "KAZ"), ("RUS", "CONSULT", "KAZ")},
        ),
        (
            {"target": "KAZ", "partner": "RUS", "quad": "pressure"},
            {("KAZ", "ACCUSE", "RUS"), ("RUS", "THREATEN", "KAZ")},
        ),
    ],
)
def test_event_filters_select_exactly_their_events(
    client: TestClient, params: dict[str, str], expected: set[tuple[str, str, str]]
) -> None:
    assert event_triples(get(client, "/api/v1/events", **params)["items"]) == expected


def test_event_pages_follow_the_cursor_without_gaps_or_repeats(client: TestClient) -> None:
    everything = get(client, "/api/v1/events", limit=100)["items"]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 5} | ({"cursor": cursor} if cursor else {})
        page = get(client, "/api/v1/events", **params)
        assert len(page["items"]) <= 5
        seen.extend(e["id"] for e in page["items"])
        cursor = page["next_cursor"]
        pages += 1
        if not cursor:
            break
    assert pages == 3
    assert seen == [e["id"] for e in everything]
    assert len(set(seen)) == 12


def test_page_size_is_capped(client: TestClient) -> None:
    response = client.get("/api/v1/events", params={"limit": 101})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "RP-E722"
    assert "at most 100" in response.json()["error"]["message"]
    assert client.get("/api/v1/events", params={"limit": 0}).status_code == 422
    assert len(get(client, "/api/v1/events")["items"]) == 12  # default page size 50 holds them all


def test_influence_is_the_store_profile(client: TestClient, store_path: Path) -> None:
    body = get(client, "/api/v1/influence/kaz")
    assert body["target"] == "KAZ"
    security = next(d for d in body["domains"] if d["domain"] == "security")
    assert [p["code"] for p in security["powers"]] == ["RUS", "CHN"]
    for domain in body["domains"]:
        if domain["powers"]:
            assert sum(p["share"] for p in domain["powers"]) == pytest.approx(1.0, abs=1e-3)
    client.app.state.owner.close()  # type: ignore[attr-defined]
    with Store(store_path, read_only=True) as store:
        assert body == store.influence("KAZ").to_json()


def test_influence_period_leaves_out_other_years(client: TestClient) -> None:
    body = get(client, "/api/v1/influence/KAZ", start="2022-01-01", end="2022-12-31")
    security = next(d for d in body["domains"] if d["domain"] == "security")
    russia = next(p for p in security["powers"] if p["code"] == "RUS")
    assert russia["events"] == 2  # peacekeepers and the hostile article's warning; 2021 events left out
    assert body["start"] == "2022-01-01"


def test_a_period_that_ends_before_it_starts_is_refused(client: TestClient) -> None:
    response = client.get("/api/v1/influence/KAZ", params={"start": "2022-01-02", "end": "2022-01-01"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "RP-E403"  # QueryError: the library's own code


def test_dyad_series_counts_months_per_quad_class(client: TestClient) -> None:
    body = get(client, "/api/v1/dyads/RUS/KAZ")
    months = {m["month"]: m["both"] for m in body["months"]}
    assert months["2021-06"]["q1"] == 1 and months["2021-06"]["q3"] == 1  # the pact and the accusation
    assert months["2022-01"]["q2"] == 1
    assert months["2022-01"]["q1"] == 1  # Kazakhstan's trade talks in Moscow
    assert sum(m["events"] for m in months.values()) == 6


def test_top_dyads_network_actors_commentary(client: TestClient) -> None:
    dyads = get(client, "/api/v1/dyads")["items"]
    assert (dyads[0]["a"], dyads[0]["b"]) == ("KAZ", "RUS")
    network = get(client, "/api/v1/network", min_events=2)
    assert {(e["a"], e["b"]) for e in network["edges"]} == {("KAZ", "RUS"), ("CHN", "KAZ")}
    actors = get(client, "/api/v1/actors")["items"]
    assert actors[0]["code"] == "KAZ"
    # The two statements take a stance on China only: they are about China, not about Kazakhstan, although
    # their articles mention Kazakhstan.
    assert get(client, "/api/v1/commentary/KAZ")["items"] == []
    commentary = get(client, "/api/v1/commentary/CHN")["items"]
    assert commentary[0]["code"] == "CHN" and commentary[0]["statements"] == 2


def test_article_comes_with_every_span(client: TestClient) -> None:
    event = get(client, "/api/v1/events", q="peacekeepers")["items"][0]
    article = get(client, f"/api/v1/articles/{event['article_id']}")
    assert article["title"] == "Russian power or Chinese money"
    assert len(article["events"]) == 6 and len(article["statements"]) == 1
    for e in article["events"]:
        assert article["text"][e["start"] : e["end"]] == e["text"]
    statement = article["statements"][0]
    assert article["text"][statement["start"] : statement["end"]] == statement["text"]


def test_statements_failures_and_articles_lists(client: TestClient) -> None:
    statements = get(client, "/api/v1/statements", about="CHN")["items"]
    assert len(statements) == 2
    failures = get(client, "/api/v1/failures")["items"]
    assert [(f["input_ref"], f["code"]) for f in failures] == [("feed.xml", "RP-E110")]
    articles = get(client, "/api/v1/articles", q="quarrel")["items"]
    assert [a["title"] for a in articles] == ["A quarrel and a pact"]


def test_openapi_documents_every_route(client: TestClient) -> None:
    schema = get(client, "/openapi.json")
    paths = set(schema["paths"])
    for path in ("/api/v1/events", "/api/v1/influence/{target}", "/api/v1/dyads/{a}/{b}", "/api/v1/ingest"):
        assert path in paths
    assert not any(p.startswith("/country") for p in paths)  # dashboard pages are not API
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/v1/influence/{target}" in docs.text


class CountingStore(Store):
    """A real store that also counts calls of one stand-in aggregate."""

    calls = 0

    def profile(self) -> dict[str, int]:
        self.calls += 1
        return {"calls": self.calls}


def test_owner_keeps_aggregates_until_the_next_write(tmp_path: Path) -> None:
    from realpolitik.api import StoreOwner
    from realpolitik.model import Article

    owner = StoreOwner(lambda: CountingStore(tmp_path / "count.duckdb"), KeywordEngine)
    assert owner.read_value(lambda s: s.profile(), ("p",)) == {"calls": 1}
    assert owner.read_value(lambda s: s.profile(), ("p",)) == {"calls": 1}  # kept
    assert owner.read_value(lambda s: s.profile(), ("q",)) == {"calls": 2}  # another key, another call
    owner.submit([Article.from_text("Russia met China.")])
    owner.drain()
    assert owner.status.articles_added == 1
    assert owner.read_value(lambda s: s.profile(), ("p",)) == {"calls": 3}  # the write dropped it
    owner.cache_bytes = 0  # nothing new fits: every read of a new key goes to the store
    assert owner.read_value(lambda s: s.profile(), ("r",)) == {"calls": 4}
    assert owner.read_value(lambda s: s.profile(), ("r",)) == {"calls": 5}
    owner.close()
