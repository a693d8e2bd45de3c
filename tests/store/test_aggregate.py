"""Influence profile, commentary, dyad series, network and stats over hand-built analyses in a store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import pytest

from realpolitik.model import ActorRef, Analysis, Article, Event, Mention, Speaker, Stance, Statement
from realpolitik.store import Store

TEXT = "Russia sent troops. China offered loans. Kazakhstan thanked both. " * 3


def ref(code: str | None) -> ActorRef | None:
    return ActorRef(code=code, name=code, text=code or "") if code else None


def event(
    eid: str,
    article: str,
    source: str | None,
    target: str | None,
    type_: str,
    quad: int | None,
    goldstein: float,
    *,
    domain: str = "security",
    confidence: float = 1.0,
    modality: str = "asserted",
) -> Event:
    return Event(
        id=eid,
        article_id=article,
        sentence_index=0,
        start=0,
        end=19,
        source=ref(source),
        target=ref(target),
        type=type_,
        domain=domain,
        modality=modality,
        quad_class=quad,
        goldstein=goldstein,
        confidence=confidence,
    )


def analysis(
    aid: str,
    events: Sequence[Event] = (),
    *,
    published: date | None = date(2022, 1, 10),
    duplicate_of: str | None = None,
    statements: Sequence[Statement] = (),
    mentions: Sequence[Mention] = (),
) -> Analysis:
    article = Article(id=aid, text=TEXT, published=published, duplicate_of=duplicate_of, source=f"src-{aid}")
    return Analysis(
        article=article, events=tuple(events), statements=tuple(statements), mentions=tuple(mentions)
    )


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        yield s


def kazakhstan_batch() -> list[Analysis]:
    """Security: RUS 10 (2 coop + 8 pressure), CHN 2 (1 + 1). Economy: CHN 3.7, RUS 3.0 (all cooperation)."""
    return [
        analysis(
            "a1",
            [
                event("e1", "a1", "RUS", "KAZ", "MOBILIZE", 4, -8.0),
                event("e2", "a1", "KAZ", "RUS", "AGREE", 1, 4.0, confidence=0.5),  # two-way engagement
                event("e3", "a1", "CHN", "KAZ", "CONSULT", 1, 1.0),
                event("e4", "a1", "CHN", "KAZ", "ACCUSE", 3, -0.5),  # |goldstein| floored at 1
                event("e5", "a1", "CHN", "KAZ", "AID", 2, 7.4, domain="economy", confidence=0.5),
                event("e6", "a1", "RUS", "KAZ", "COOPERATE", 2, 6.0, domain="economy", confidence=0.5),
                # never counted: not asserted, self-directed, unknown side, not involving KAZ
                event("n1", "a1", "CHN", "KAZ", "ASSAULT", 4, -10.0, modality="negated"),
                event("n2", "a1", "CHN", "KAZ", "ASSAULT", 4, -10.0, modality="hypothetical"),
                event("n3", "a1", "KAZ", "KAZ", "COERCE", 4, -10.0),
                event("n4", "a1", None, "KAZ", "ASSAULT", 4, -10.0),
                event("n5", "a1", "RUS", "UKR", "ASSAULT", 4, -10.0),
            ],
            mentions=[
                Mention("a1", 40, 50, "Kazakhstan", "kaz", code="KAZ", name="Kazakhstan", kind="state")
            ],
        )
    ]


def test_shares_and_the_cooperation_pressure_split_follow_the_formula(store: Store) -> None:
    store.write(kazakhstan_batch())
    profile = store.influence("KAZ")
    security = profile.domain("security")
    assert profile.ranking("security") == ["RUS", "CHN"]
    rus, chn = security.powers
    assert security.weight == pytest.approx(12.0)
    assert rus.share == pytest.approx(10 / 12)
    assert rus.cooperation.share == pytest.approx(2 / 12)
    assert rus.pressure.share == pytest.approx(8 / 12)
    assert (rus.events, rus.cooperation.events, rus.pressure.events) == (2, 1, 1)
    assert chn.share == pytest.approx(2 / 12)
    assert chn.cooperation.event_ids == ["e3"] and chn.pressure.event_ids == ["e4"]
    assert (rus.rank, chn.rank) == (1, 2)
    economy = profile.domain("economy")
    assert profile.ranking("economy") == ["CHN", "RUS"]
    assert economy.powers[0].share == pytest.approx(3.7 / 6.7)
    assert economy.powers[0].pressure.share == 0.0


def test_only_asserted_events_between_the_target_and_another_known_actor_count(store: Store) -> None:
    store.write(kazakhstan_batch())
    profile = store.influence("KAZ")
    counted = {
        i for d in profile.domains for p in d.powers for i in p.cooperation.event_ids + p.pressure.event_ids
    }
    assert counted == {"e1", "e2", "e3", "e4", "e5", "e6"}
    assert profile.events == 6
    assert all(p.code not in ("KAZ", "UKR") for d in profile.domains for p in d.powers)


def test_every_domain_is_listed_even_when_empty_and_json_shape_is_stable(store: Store) -> None:
    store.write(kazakhstan_batch())
    data = store.influence("KAZ").to_json()
    assert [d["domain"] for d in data["domains"]] == [
        "security",
        "economy",
        "diplomacy",
        "society",
        "unspecified",
    ]
    assert data["domains"][2]["powers"] == [] and data["domains"][2]["events"] == 0
    assert data["name"] == "Kazakhstan"
    cell = data["domains"][0]["powers"][0]
    assert set(cell) == {
        "rank", "code", "name", "share", "weight", "events", "reports",
        "cooperation", "pressure", "query",
    }  # fmt: skip
    assert set(cell["cooperation"]) == {"share", "weight", "events", "event_ids"}


def test_the_query_of_a_cell_lists_exactly_its_events(store: Store) -> None:
    store.write(kazakhstan_batch())
    store.write([analysis("a2", [event("e7", "a2", "KAZ", "RUS", "SANCTION", 4, -4.0)])])
    for domain in store.influence("KAZ").domains:
        for power in domain.powers:
            for side in ("cooperation", "pressure"):
                listed = store.events(**power.query, side=side).items
                assert sorted(e.record.id for e in listed) == sorted(getattr(power, side).event_ids)


def test_near_duplicate_copies_add_reports_but_not_weight(store: Store) -> None:
    store.write(kazakhstan_batch())
    before = store.influence("KAZ")
    copy = analysis("a1-copy", [event("c1", "a1-copy", "CHN", "KAZ", "CONSULT", 1, 1.0)], duplicate_of="a1")
    store.write([copy])
    after = store.influence("KAZ")
    assert after.ranking("security") == before.ranking("security")
    chn_before = before.domain("security").powers[1]
    chn_after = after.domain("security").powers[1]
    assert chn_after.share == chn_before.share and chn_after.events == chn_before.events
    assert (chn_before.events, chn_before.reports) == (2, 2)
    assert chn_after.reports == 4  # each of its two events is reported once more, by the copy


def test_a_period_keeps_only_articles_published_within_it(store: Store) -> None:
    store.write(kazakhstan_batch())
    old_events = [event(f"o{i}", "old", "USA", "KAZ", "ASSAULT", 4, -10.0) for i in (1, 2)]
    old = analysis("old", old_events, published=date(2015, 3, 1))
    undated = analysis("undated", [event("u1", "undated", "TUR", "KAZ", "ASSAULT", 4, -10.0)], published=None)
    store.write([old, undated])
    assert store.influence("KAZ").ranking("security") == ["USA", "RUS", "TUR", "CHN"]
    recent = store.influence("KAZ", start=date(2020, 1, 1))
    assert recent.ranking("security") == ["RUS", "CHN"]
    assert store.influence("KAZ", start=date(2015, 3, 1), end=date(2015, 3, 1)).ranking("security") == ["USA"]
    assert store.influence("KAZ", end=date(2015, 2, 28)).events == 0


def test_a_missing_quad_class_is_taken_from_the_type(store: Store) -> None:
    store.write([analysis("q", [event("q1", "q", "RUS", "KAZ", "THREATEN", None, -7.0)])])
    power = store.influence("KAZ").domain("security").powers[0]
    assert power.pressure.event_ids == ["q1"] and power.pressure.share == pytest.approx(1.0)


def test_an_unknown_target_gives_an_empty_profile(store: Store) -> None:
    store.write(kazakhstan_batch())
    profile = store.influence("XYZ")
    assert profile.events == 0 and all(d.powers == [] for d in profile.domains)


def statement(sid: str, article: str, *stances: tuple[str, float]) -> Statement:
    return Statement(
        id=sid,
        article_id=article,
        start=0,
        end=19,
        speaker=Speaker(name=None, type="anonymous_expert"),
        stances=tuple(Stance(code, polarity) for code, polarity in stances),
    )


def test_commentary_balances_stances_on_other_powers_in_statements_about_the_target(store: Store) -> None:
    kaz = Mention("a1", 40, 50, "Kazakhstan", "kaz", code="KAZ", name="Kazakhstan", kind="state")
    store.write(
        [
            analysis(
                "a1",
                statements=[
                    statement("s1", "a1", ("CHN", 0.5)),
                    statement("s2", "a1", ("CHN", -0.1), ("RUS", 0.4)),
                ],
                mentions=[kaz],
            ),
            analysis("a2", statements=[statement("s3", "a2", ("KAZ", 0.2), ("RUS", -0.6))]),
            analysis("a3", statements=[statement("s4", "a3", ("RUS", 0.9))]),  # not about KAZ
            analysis("a4", statements=[statement("s5", "a4", ("CHN", 0.9))], duplicate_of="a1"),
        ]
    )
    rows = {c.code: c for c in store.commentary("KAZ")}
    assert set(rows) == {"CHN", "RUS"}
    assert rows["CHN"].statements == 2 and rows["CHN"].mean_polarity == pytest.approx(0.2)
    assert (rows["CHN"].positive, rows["CHN"].negative) == (1, 1)
    assert rows["RUS"].statement_ids == ["s2", "s3"]
    assert rows["RUS"].mean_polarity == pytest.approx(-0.1)


def test_dyad_series_counts_by_month_quad_and_direction(store: Store) -> None:
    store.write(
        [
            analysis(
                "j",
                [
                    event("d1", "j", "RUS", "KAZ", "MOBILIZE", 4, -8.0),
                    event("d2", "j", "KAZ", "RUS", "AGREE", 1, 4.0),
                    event("d3", "j", "RUS", "KAZ", "AGREE", 1, 4.0, modality="hypothetical"),
                ],
                published=date(2022, 1, 10),
            ),
            analysis("m", [event("d4", "m", "RUS", "KAZ", "AID", 2, 7.0)], published=date(2022, 3, 2)),
        ]
    )
    series = store.dyad_series("RUS", "KAZ")
    months = {m["month"]: m for m in series.months}
    assert list(months) == ["2022-01", "2022-03"]
    jan = months["2022-01"]
    assert jan["both"] == {"events": 2, "q1": 1, "q2": 0, "q3": 0, "q4": 1, "goldstein": -4.0}
    assert jan["a_to_b"]["q4"] == 1 and jan["a_to_b"]["events"] == 1
    assert jan["b_to_a"]["q1"] == 1 and jan["b_to_a"]["goldstein"] == 4.0
    assert months["2022-03"]["b_to_a"]["events"] == 0
    assert [m["month"] for m in store.dyad_series("RUS", "KAZ", start=date(2022, 2, 1)).months] == ["2022-03"]


def test_network_and_top_dyads_are_undirected_and_weighted(store: Store) -> None:
    store.write(kazakhstan_batch())
    net = store.network()
    edges = {(e["a"], e["b"]): e for e in net.edges}
    assert set(edges) == {("KAZ", "RUS"), ("CHN", "KAZ"), ("RUS", "UKR")}
    assert edges[("KAZ", "RUS")]["events"] == 3
    assert edges[("KAZ", "RUS")]["pressure"] == pytest.approx(8.0)
    assert edges[("KAZ", "RUS")]["cooperation"] == pytest.approx(2.0 + 3.0)
    assert {n["code"]: n["events"] for n in net.nodes} == {"KAZ": 6, "RUS": 4, "CHN": 3, "UKR": 1}
    assert [(e["a"], e["b"]) for e in store.network(min_events=2).edges] == [("CHN", "KAZ"), ("KAZ", "RUS")]
    top = store.top_dyads(limit=1)
    assert len(top) == 1 and top[0]["events"] == 3


def test_stats_count_stories_duplicates_modalities_and_failures(store: Store) -> None:
    from realpolitik.model import Failure

    store.write(kazakhstan_batch())
    store.write([analysis("copy", duplicate_of="a1")])
    store.record_duplicates(exact=2)
    store.add_failures([Failure("x.txt", "sources", "RP-E102", "empty")])
    s = store.stats()
    assert (s.articles, s.stories, s.near_duplicates, s.exact_duplicates) == (2, 1, 1, 2)
    assert s.near_duplicate_rate == pytest.approx(0.5)
    assert s.exact_duplicate_rate == pytest.approx(0.5)
    assert s.events_by_modality == {"asserted": 9, "hypothetical": 1, "negated": 1}
    assert s.failures_by_code == {"RP-E102": 1}
    assert s.to_json()["first_published"] == "2022-01-10"


def test_a_cell_samples_its_most_recently_stored_event_ids(store: Store) -> None:
    from realpolitik.store.aggregate import MAX_CELL_IDS

    for batch in range(3):
        aid = f"b{batch}"
        store.write(
            [analysis(aid, [event(f"{aid}-{i:02d}", aid, "RUS", "KAZ", "AID", 2, 1.0) for i in range(25)])]
        )
    power = store.influence("KAZ").domain("security").powers[0]
    assert power.events == 75 and power.cooperation.events == 75
    ids = power.cooperation.event_ids
    assert len(ids) == MAX_CELL_IDS == 50
    assert ids[0] == "b2-24" and "b0-00" not in ids and set(ids) >= {f"b2-{i:02d}" for i in range(25)}


def test_an_event_of_unknown_quad_counts_in_the_share_but_on_neither_side(store: Store) -> None:
    store.write(
        [
            analysis(
                "u",
                [
                    event("u1", "u", "RUS", "KAZ", "OTHER", None, -3.0),
                    event("u2", "u", "CHN", "KAZ", "AID", 2, 1.0),
                ],
            )
        ]
    )
    rus = store.influence("KAZ").domain("security").powers[0]
    assert rus.code == "RUS" and rus.share == pytest.approx(0.75)
    assert rus.cooperation.share == rus.pressure.share == 0.0 and rus.events == 1


def test_aggregates_are_reused_until_the_next_write(store: Store) -> None:
    store.write(kazakhstan_batch())
    first = store.influence("KAZ")
    assert store.influence("KAZ") is first
    assert store.influence("KAZ", start=date(2022, 1, 1)) is not first
    first.to_json()["domains"][0]["powers"][0]["cooperation"]["event_ids"].append("tampered")
    assert (
        "tampered"
        not in store.influence("KAZ").to_json()["domains"][0]["powers"][0]["cooperation"]["event_ids"]
    )
    store.write([analysis("later", [event("l1", "later", "USA", "KAZ", "ASSAULT", 4, -10.0)])])
    after = store.influence("KAZ")
    assert after is not first and "USA" in after.ranking("security")


def test_sampling_ids_widens_its_window_until_sparse_cells_are_complete(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from realpolitik.store import aggregate

    monkeypatch.setattr(aggregate, "MAX_CELL_IDS", 3)
    monkeypatch.setattr(aggregate, "FIRST_ID_WINDOW", 2)
    store.write([analysis("old", [event("tkm1", "old", "TKM", "KAZ", "AID", 2, 1.0, domain="economy")])])
    busy = [event(f"r{i:02d}", "busy", "RUS", "KAZ", "AID", 2, 1.0) for i in range(20)]
    store.write([analysis("busy", busy)])
    profile = store.influence("KAZ")
    assert profile.domain("security").powers[0].cooperation.event_ids == ["r19", "r18", "r17"]
    assert profile.domain("economy").powers[0].cooperation.event_ids == ["tkm1"]


def test_copies_stored_with_or_after_their_original_count_as_reports(store: Store) -> None:
    original = analysis("orig", [event("o1", "orig", "RUS", "KAZ", "AID", 2, 1.0)])
    with_it = analysis("copy1", duplicate_of="orig")
    store.write([original, with_it])
    assert store.influence("KAZ").domain("security").powers[0].reports == 2
    store.write([analysis("copy2", duplicate_of="orig"), analysis("copy3", duplicate_of="orig")])
    power = store.influence("KAZ").domain("security").powers[0]
    assert (power.events, power.reports) == (1, 4)


def test_equal_engagement_is_ranked_by_events_then_mentions_then_code(store: Store) -> None:
    def mention(aid: str, code: str) -> Mention:
        return Mention(aid, 0, 6, code, code.lower(), code=code, name=code, kind="igo")

    store.write(
        [
            analysis(
                "t",
                [
                    event("t1", "t", "CSTO", "KAZ", "AID", 2, 8.0),
                    event("t2", "t", "RUS", "KAZ", "AID", 2, 8.0),
                    event("t3", "t", "UZB", "KAZ", "AID", 2, 4.0),
                    event("t4", "t", "UZB", "KAZ", "AID", 2, 4.0),
                    event("t5", "t", "ARM", "KAZ", "AID", 2, 8.0),
                ],
                mentions=[mention("t", "RUS"), mention("t", "RUS"), mention("t", "CSTO")],
            )
        ]
    )
    assert store.influence("KAZ").ranking("security") == ["UZB", "RUS", "CSTO", "ARM"]
