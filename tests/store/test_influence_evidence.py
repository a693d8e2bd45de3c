"""What stands behind a share (issue 14): complete events only, the articles and outlets of each cell, a 95%
interval, the thin mark, the outlet mix of the period, shares over time for the leading powers, and what a person
means by an actor."""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date

import pytest

from realpolitik.errors import UnknownActor
from realpolitik.model import ActorRef, Analysis, Article, Event, Mention
from realpolitik.store import Store
from realpolitik.store.influence import SERIES_COLUMNS, THIN_EVENTS, effective_n, wilson
from realpolitik.store.params import actor_code

TEXT = "Russia sent troops. China offered loans. Kazakhstan thanked both. " * 3


def event(
    eid: str,
    aid: str,
    source: str | None,
    target: str | None,
    *,
    domain: str = "economy",
    goldstein: float = 1.0,
    quad: int = 2,
    modality: str = "asserted",
    sectors: tuple[str | None, str | None] = (None, None),
) -> Event:
    def ref(code: str | None, sector: str | None) -> ActorRef | None:
        return ActorRef(code, sector, code, code or "") if code else None

    return Event(
        id=eid,
        article_id=aid,
        sentence_index=0,
        start=0,
        end=19,
        source=ref(source, sectors[0]),
        target=ref(target, sectors[1]),
        type="COOPERATE" if quad == 2 else "ACCUSE",
        domain=domain,
        modality=modality,  # type: ignore[arg-type]
        quad_class=quad,
        goldstein=goldstein,
        confidence=1.0,
    )


def article(aid: str, outlet: str | None, published: date, *events: Event, **fields: object) -> Analysis:
    return Analysis(
        article=Article(id=aid, text=TEXT, published=published, source=outlet, **fields),  # type: ignore[arg-type]
        events=events,
        mentions=(Mention(aid, 0, 6, "Kazakhstan", "kaz", code="KAZ", name="Kazakhstan", kind="state"),),
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        s.write(
            [
                # 2020: Russia 3 economy events in two articles of two outlets, China 1
                article(
                    "a1",
                    "wire",
                    date(2020, 3, 1),
                    event("r1", "a1", "RUS", "KAZ"),
                    event("r2", "a1", "KAZ", "RUS"),
                    event("c1", "a1", "CHN", "KAZ"),
                ),
                article("a2", "kremlin", date(2020, 6, 1), event("r3", "a2", "RUS", "KAZ")),
                # 2021: China 3, Russia none in economy; Russia in security
                article(
                    "a3",
                    "kremlin",
                    date(2021, 2, 1),
                    event("c2", "a3", "CHN", "KAZ"),
                    event("c3", "a3", "CHN", "KAZ"),
                    event("c4", "a3", "KAZ", "CHN"),
                    event("s1", "a3", "RUS", "KAZ", domain="security"),
                    # never counted: not complete (no target, not asserted, one actor with one sector)
                    event("x1", "a3", "CHN", None),
                    event("x2", "a3", "CHN", "KAZ", modality="hypothetical"),
                    event("x3", "a3", "KAZ", "KAZ", sectors=("GOV", "GOV")),
                    # complete, but KAZ's government against its opposition is no power engaging KAZ
                    event("d1", "a3", "KAZ", "KAZ", sectors=("GOV", "OPP")),
                ),
            ]
        )
        yield s


def test_complete_events_are_asserted_with_two_resolved_different_actors(store: Store) -> None:
    complete = {e.record.id for e in store.events(complete=True, limit=100).items}
    assert complete == {"r1", "r2", "r3", "c1", "c2", "c3", "c4", "s1", "d1"}
    assert store.stats().complete_events == 9 and store.stats().events == 12
    assert store.stats().years == [2020, 2021]


def test_each_cell_says_how_many_events_articles_and_outlets_stand_behind_it(store: Store) -> None:
    profile = store.influence("KAZ")
    economy = profile.domain("economy")
    assert profile.ranking("economy") == ["CHN", "RUS"]  # 4 events against 3
    chn, rus = economy.powers
    assert (chn.events, chn.articles, chn.outlets) == (4, 2, 2)
    assert (rus.events, rus.articles, rus.outlets) == (3, 2, 2)
    assert (economy.events, economy.articles) == (7, 3)
    assert rus.thin and chn.thin and THIN_EVENTS > 3
    assert profile.events == 8 and profile.articles == 3
    assert all(p.code != "KAZ" for d in profile.domains for p in d.powers)
    data = profile.to_json()
    assert data["domains"][1]["powers"][0]["thin"] is True
    assert data["domains"][1]["powers"][0]["query"]["complete"] is True


def test_the_interval_is_wilson_over_the_domains_effective_events(store: Store) -> None:
    rus = store.influence("KAZ").domain("economy").powers[1]
    low, high = wilson(3 / 7, 7)  # equal weights: the effective number is the event count
    assert (rus.share_low, rus.share_high) == pytest.approx((low, high))
    assert low < 3 / 7 < high and low > 0 and high < 1
    # the textbook Wilson interval for 3 of 7 at 95%
    z = 1.959964
    centre = (3 / 7 + z * z / 14) / (1 + z * z / 7)
    half = z * math.sqrt(3 / 7 * 4 / 7 / 7 + z * z / 196) / (1 + z * z / 7)
    assert (low, high) == pytest.approx((centre - half, centre + half))
    assert effective_n(4.0, 4.0) == 4.0 and effective_n(3.0, 5.0) == pytest.approx(1.8)
    assert wilson(1.0, 0) == (0.0, 1.0)


def test_the_outlet_mix_gives_each_outlets_share_of_the_events(store: Store) -> None:
    profile = store.influence("KAZ")
    mix = [(o.outlet, o.events, o.articles, round(o.share, 4)) for o in profile.outlets]
    assert mix == [("kremlin", 5, 2, 0.625), ("wire", 3, 1, 0.375)]
    assert profile.outlet_count == 2
    assert store.influence("KAZ", start=date(2021, 1, 1)).to_json()["outlet_mix"] == [
        {"outlet": "kremlin", "events": 4, "articles": 1, "share": 1.0}
    ]


def test_shares_over_time_follow_the_leading_powers_with_zero_rows(store: Store) -> None:
    series = store.influence_series("KAZ", "year")
    economy = [r for r in series.rows if r["domain"] == "economy"]
    assert [(r["period"], r["code"], r["share"], r["events"]) for r in economy] == [
        ("2020", "CHN", 0.25, 1),
        ("2020", "RUS", 0.75, 3),
        ("2021", "CHN", 1.0, 3),
        ("2021", "RUS", 0.0, 0),  # a leading power without events that year: an explicit zero
    ]
    assert all(list(r) == list(SERIES_COLUMNS) for r in series.rows)
    first = economy[0]
    assert (first["start"], first["end"], first["domain_events"], first["thin"]) == (
        "2020-01-01",
        "2020-12-31",
        4,
        True,
    )
    assert first["share_low"] < 0.25 < first["share_high"]
    assert [r["code"] for r in series.rows if r["domain"] == "security"] == ["RUS"]
    only = store.influence_series("KAZ", "month", domain="economy", top=1)
    assert {r["domain"] for r in only.rows} == {"economy"} and {r["code"] for r in only.rows} == {"CHN"}
    assert [r["period"] for r in only.rows] == ["2020-03", "2020-06", "2021-02"]
    assert only.rows[1]["end"] == "2020-06-30"


def test_the_years_with_data_are_those_of_the_targets_counted_events(store: Store) -> None:
    assert store.active_years("KAZ") == [2020, 2021]
    assert store.active_years("RUS") == [2020, 2021]
    assert store.active_years("UZB") == []


class Names:
    def code_for(self, text: str) -> str | None:
        return {"kazakhstan": "KAZ", "kazakh": "KAZ", "uzbekistan": "UZB"}.get(text.casefold())


def test_a_code_a_name_or_a_demonym_names_an_actor(store: Store) -> None:
    assert store.known_codes(["KAZ", "RUS", "XYZ"]) == {"KAZ", "RUS"}
    assert actor_code("kaz", store, Names()) == "KAZ"
    assert actor_code(" Kazakh ", store, Names()) == "KAZ"
    assert actor_code("Uzbekistan", store, Names()) == "UZB"  # known to the knowledge base, not the store
    assert actor_code("kazakhstan", store) == "KAZ"  # a name the store resolved in an article
    for unknown in ("XYZ", "", "Atlantis", "x" * 80):
        with pytest.raises(UnknownActor) as error:
            actor_code(unknown, store, Names())
        assert error.value.code == "RP-E404"
