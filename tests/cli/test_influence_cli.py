"""``realpolitik influence``: JSON and tables from a store built by hand, read-only, with periods."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.cli.influence import influence
from realpolitik.errors import ConfigError, StoreError
from realpolitik.model import ActorRef, Analysis, Article, Event, Mention, Speaker, Stance, Statement
from realpolitik.store import Store

TEXT = "Russia deployed peacekeepers to Kazakhstan. China signed gas deals with Kazakhstan."


def event(eid: str, aid: str, source: str, type_: str, quad: int, goldstein: float, domain: str) -> Event:
    return Event(
        id=eid,
        article_id=aid,
        sentence_index=0,
        start=0,
        end=42,
        source=ActorRef(code=source, name=source),
        target=ActorRef(code="KAZ", name="Kazakhstan"),
        type=type_,
        domain=domain,
        quad_class=quad,
        goldstein=goldstein,
        confidence=1.0,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kaz.duckdb"
    jan = Analysis(
        article=Article(id="jan", text=TEXT, published=date(2022, 1, 10)),
        events=(
            event("e1", "jan", "RUS", "MOBILIZE", 4, -6.0, "security"),
            event("e2", "jan", "CHN", "CONSULT", 1, 1.0, "security"),
            event("e3", "jan", "CHN", "COOPERATE", 2, 6.0, "economy"),
            event("e4", "jan", "RUS", "AGREE", 1, 3.0, "economy"),
        ),
        mentions=(Mention("jan", 32, 42, "Kazakhstan", "kaz", code="KAZ", name="Kazakhstan", kind="state"),),
        statements=(
            Statement(
                id="s1",
                article_id="jan",
                start=44,
                end=83,
                speaker=Speaker(name=None, type="anonymous_expert"),
                stances=(Stance("CHN", 0.6), Stance("KAZ", 0.4)),
            ),
        ),
    )
    may = Analysis(
        article=Article(id="may", text=TEXT + " ", published=date(2022, 5, 1)),
        events=(event("e5", "may", "CHN", "ASSAULT", 4, -10.0, "security"),),
    )
    with Store(path) as store:
        store.write([jan, may])
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(influence, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_ranks_powers_per_domain_and_matches_the_library_call(db: Path) -> None:
    data = json.loads(run("kaz", "--db", str(db), "--json", "--end", "2022-01-31"))
    domains = {d["domain"]: d for d in data["domains"]}
    assert [p["code"] for p in domains["security"]["powers"]] == ["RUS", "CHN"]
    assert [p["code"] for p in domains["economy"]["powers"]] == ["CHN", "RUS"]
    assert domains["economy"]["powers"][0]["share"] == pytest.approx(round(6 / 9, 4))
    assert data["target"] == "KAZ" and data["end"] == "2022-01-31"
    with Store(db, read_only=True) as store:
        assert data == store.influence("KAZ", end=date(2022, 1, 31)).to_json()


def test_a_period_changes_the_ranking(db: Path) -> None:
    data = json.loads(run("KAZ", "--db", str(db), "--json", "--start", "2022-05-01"))
    assert [p["code"] for p in data["domains"][0]["powers"]] == ["CHN"]
    everything = json.loads(run("KAZ", "--db", str(db), "--json"))
    assert [p["code"] for p in everything["domains"][0]["powers"]] == ["CHN", "RUS"]


def test_tables_show_each_domain_and_the_commentary(db: Path) -> None:
    out = run("KAZ", "--db", str(db), "--end", "2022-01-31")
    assert "Influence on Kazakhstan (KAZ)" in out
    assert "security (2 events, 1 articles)" in out and "economy (2 events, 1 articles)" in out
    assert "(RUS)" in out and "85.7%" in out  # 6 / 7 of security
    assert "1 / 1 / 0 thin" in out  # one event, one article, no outlet named: thin
    assert "What commentators say" in out and "+0.60" in out and "+0.40" in out
    assert "diplomacy" not in out  # empty domains are not drawn


def test_top_limits_rows_and_sums_the_rest(db: Path) -> None:
    out = run("KAZ", "--db", str(db), "--top", "1")
    assert "1 more" in out


def test_opens_read_only_and_refuses_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    with pytest.raises(StoreError):
        CliRunner().invoke(influence, ["KAZ", "--db", str(missing)], catch_exceptions=False)
    assert not missing.exists()


def test_start_after_end_is_a_config_error(db: Path) -> None:
    with pytest.raises(ConfigError):
        CliRunner().invoke(
            influence,
            ["KAZ", "--db", str(db), "--start", "2022-02-01", "--end", "2022-01-01"],
            catch_exceptions=False,
        )


def test_help_has_an_example() -> None:
    out = CliRunner().invoke(influence, ["--help"]).output
    assert "Example:" in out and "realpolitik influence KAZ --json" in out


def test_a_name_or_a_demonym_gives_the_same_profile_as_the_code(db: Path) -> None:
    by_code = json.loads(run("KAZ", "--db", str(db), "--json"))
    assert json.loads(run("Kazakhstan", "--db", str(db), "--json")) == by_code
    assert json.loads(run("kazakh", "--db", str(db), "--json")) == by_code


def test_an_unknown_target_is_an_rp_error_with_a_non_zero_exit(db: Path) -> None:
    from realpolitik.cli.main import main

    for target in ("XYZ", "Atlantis"):
        result = CliRunner().invoke(main, ["influence", target, "--db", str(db)])
        assert result.exit_code == 2
        assert result.output.startswith("error[RP-E404]") and repr(target) in result.output


def test_by_year_prints_one_row_per_period_domain_and_power(db: Path) -> None:
    data = json.loads(run("KAZ", "--db", str(db), "--json", "--by", "year"))
    assert data["by"] == "year" and data["target"] == "KAZ"
    security = [(r["period"], r["code"], r["share"]) for r in data["rows"] if r["domain"] == "security"]
    assert security == [
        ("2022", "CHN", pytest.approx(11 / 17, abs=1e-4)),
        ("2022", "RUS", pytest.approx(6 / 17, abs=1e-4)),
    ]
    months = json.loads(run("KAZ", "--db", str(db), "--json", "--by", "month", "--domain", "economy"))
    assert {r["domain"] for r in months["rows"]} == {"economy"}
    assert sorted({r["period"] for r in months["rows"]}) == ["2022-01"]
    table = run("KAZ", "--db", str(db), "--by", "year")
    assert "security" in table and "2022" in table and "thin" in table


def test_domain_needs_by(db: Path) -> None:
    with pytest.raises(ConfigError):
        CliRunner().invoke(influence, ["KAZ", "--db", str(db), "--domain", "economy"], catch_exceptions=False)
