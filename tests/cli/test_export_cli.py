"""``realpolitik export`` (issue 14): events (complete ones unless --all) in our layout, GDELT 2.0's or ICEWS's,
statements and influence profiles, as JSON Lines, CSV and Parquet that pandas reads back, with the API's
filters; run through the real command group so errors come out as RP-E lines with a non-zero exit."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from helpers import build_world, hostile_analysis
from realpolitik import render
from realpolitik.cli.main import main
from realpolitik.store import Store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "world.duckdb"
    with Store(path) as store:
        store.write([*build_world(), hostile_analysis()])
    return path


def run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", *args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_frame(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


def test_events_are_the_complete_ones_unless_all(db: Path) -> None:
    with Store(db, read_only=True) as store:
        stats = store.stats()
        every = [render.listed(e) for e in store.iter_events()]
    assert 0 < stats.complete_events < stats.events
    table = csv_frame(run(db, "events", "--format", "csv"))
    assert len(table) == stats.complete_events
    assert list(table.columns) == render.listed_columns("events")
    assert set(table["modality"]) == {"asserted"} and table["source_code"].notna().all()
    assert len(csv_frame(run(db, "events", "--format", "csv", "--all"))) == stats.events
    lines = [json.loads(line) for line in run(db, "events", "--all").splitlines()]
    assert lines == every  # JSON Lines keep the API's nested shape


@pytest.mark.parametrize(
    ("layout", "columns"), [("gdelt", render.GDELT_COLUMNS), ("icews", render.ICEWS_COLUMNS)]
)
def test_gdelt_and_icews_layouts_load_in_pandas_with_their_columns(
    db: Path, tmp_path: Path, layout: str, columns: tuple[str, ...]
) -> None:
    with Store(db, read_only=True) as store:
        complete = store.stats().complete_events
    table = csv_frame(run(db, "events", "--format", "csv", "--layout", layout))
    assert list(table.columns) == list(columns) and len(table) == complete
    parquet = tmp_path / f"{layout}.parquet"
    run(db, "events", "--format", "parquet", "--layout", layout, "-o", str(parquet))
    frame = pd.read_parquet(parquet)
    assert list(frame.columns) == list(columns) and len(frame) == complete
    ids = "GLOBALEVENTID" if layout == "gdelt" else "Event ID"
    assert sorted(frame[ids]) == sorted(table[ids])
    if layout == "gdelt":
        assert set(table["Year"]) == {2021, 2022} and (table["NumArticles"] == 1).all()
    else:
        assert set(table["Publisher"]) == {"test"} and "Kazakhstan" in set(table["Target Country"])


def test_filters_are_the_apis(db: Path) -> None:
    cell = csv_frame(
        run(db, "events", "--format", "csv", "--target", "KAZ", "--partner", "RUS", "--quad", "coop")
    )
    assert set(zip(cell["source_code"], cell["target_code"], strict=True)) <= {("RUS", "KAZ"), ("KAZ", "RUS")}
    assert len(cell) == 4 and set(cell["quad_class"]) <= {1, 2}
    sanctions = csv_frame(run(db, "events", "--format", "csv", "--type", "SANCTION", "--start", "2021-01-01"))
    assert list(sanctions["source_code"]) == ["USA"]
    hypothetical = run(db, "events", "--modality", "hypothetical", "--all").splitlines()
    assert [json.loads(line)["type"] for line in hypothetical] == ["THREATEN"]


def test_influence_exports_the_profile_and_its_series(db: Path) -> None:
    with Store(db, read_only=True) as store:
        expected = render.influence_rows(store.influence("KAZ").to_json())
    table = csv_frame(run(db, "influence", "--target", "Kazakhstan", "--format", "csv"))
    assert list(table.columns) == list(render.INFLUENCE_COLUMNS)
    # an empty cell reads back as NaN, the profile's None start and end among them
    pd.testing.assert_frame_equal(table, pd.DataFrame(expected).fillna(float("nan")), check_dtype=False)
    by_year = run(db, "influence", "--target", "kazakh", "--by", "year", "--format", "csv")
    printed = CliRunner().invoke(main, ["influence", "KAZ", "--by", "year", "--json", "--db", str(db)])
    rows = json.loads(printed.stdout)["rows"]
    assert rows and read_series(by_year).equals(pd.DataFrame(rows))


def read_series(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), dtype={"period": str})


def test_statements_export_with_their_filters(db: Path) -> None:
    table = csv_frame(run(db, "statements", "--format", "csv", "--about", "CHN"))
    assert list(table.columns) == render.listed_columns("statements") and len(table) == 2


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["statements", "--layout", "gdelt"], "RP-E601"),
        (["influence"], "RP-E601"),
        (["influence", "--target", "Atlantis"], "RP-E404"),
        (["events", "--start", "2022-02-01", "--end", "2022-01-01"], "RP-E403"),
    ],
)
def test_bad_requests_are_rp_errors_with_a_non_zero_exit(db: Path, args: list[str], code: str) -> None:
    result = CliRunner().invoke(main, ["export", *args, "--db", str(db)])
    assert result.exit_code == 2 and f"error[{code}]" in result.output


def test_help_documents_the_layouts(db: Any) -> None:
    out = CliRunner().invoke(main, ["export", "--help"]).output
    assert "--layout [native|gdelt|icews]" in out and "Example:" in out
