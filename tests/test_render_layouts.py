"""The GDELT 2.0 and ICEWS layouts (issue 14) are mappings over the rendered listing of an event: the columns of
those data sets in their order, each filled from one field of ours or left empty; and an influence profile as
flat rows."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik import render
from realpolitik.model import ActorRef, Event, Listed, Speaker, Statement

GDELT_HEAD = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name"]
GDELT_TAIL = ["ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL"]
ICEWS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)  # fmt: skip


def listed_event(source: ActorRef | None = None, sentence: int = 0, cameo: str | None = "0311") -> dict:
    event = Event(
        id="ev-1",
        article_id="art-1",
        sentence_index=sentence,
        start=0,
        end=10,
        source=source or ActorRef("CHN", "GOV", "Wang Yi", "Wang Yi"),
        target=ActorRef("CSTO", None, "Collective Security Treaty Organization", "the CSTO"),
        type="AGREE",
        domain="economy",
        cameo=cameo,
        quad_class=1,
        goldstein=4.0,
    )
    item = Listed(event, "China is ready", date(2022, 1, 10), "Talks", "Xinhua", "https://example.org/a")
    return render.listed(item)


def test_gdelt_has_the_61_columns_of_the_gdelt_2_event_table_in_order() -> None:
    assert len(render.GDELT_COLUMNS) == 61 and len(set(render.GDELT_COLUMNS)) == 61
    assert list(render.GDELT_COLUMNS[:7]) == GDELT_HEAD and list(render.GDELT_COLUMNS[-4:]) == GDELT_TAIL
    assert render.GDELT_COLUMNS.index("IsRootEvent") == 25 and render.GDELT_COLUMNS.index("AvgTone") == 34
    assert render.GDELT_COLUMNS.index("Actor1Geo_ADM2Code") == 39


def test_gdelt_row_maps_our_fields_and_leaves_the_rest_empty() -> None:
    row = render.gdelt_row(listed_event())
    assert list(row) == list(render.GDELT_COLUMNS)
    assert row["GLOBALEVENTID"] == "ev-1"
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == (20220110, 202201, 2022)
    assert row["FractionDate"] == pytest.approx(2022 + 40 / 365, abs=1e-4)
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == ("CHNGOV", "Wang Yi", "CHN")
    assert row["Actor1KnownGroupCode"] is None and row["Actor1Type1Code"] == "GOV"
    assert (row["Actor2Code"], row["Actor2CountryCode"], row["Actor2KnownGroupCode"]) == (
        "CSTO",
        None,
        "CSTO",
    )
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("0311", "031", "03")
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == (1, 4.0, 1)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (1, 1, 1)
    assert row["SOURCEURL"] == "https://example.org/a"
    empty = [c for c in render.GDELT_COLUMNS if "Geo_" in c] + ["AvgTone", "DATEADDED", "Actor1EthnicCode"]
    assert all(row[c] is None for c in empty)
    later = render.gdelt_row(listed_event(sentence=3, cameo=None))
    assert later["IsRootEvent"] == 0 and later["EventCode"] is None and later["EventRootCode"] is None


def test_icews_row_has_the_coded_event_file_columns() -> None:
    assert render.ICEWS_COLUMNS == ICEWS
    row = render.icews_row(listed_event(ActorRef("KAZ", "GOV", "Kassym-Jomart Tokayev", "Tokayev")))
    assert list(row) == list(ICEWS)
    assert (row["Event ID"], row["Event Date"], row["Story ID"]) == ("ev-1", "2022-01-10", "art-1")
    assert (row["Source Name"], row["Source Sectors"], row["Source Country"]) == (
        "Kassym-Jomart Tokayev",
        "GOV",
        "Kazakhstan",
    )
    assert row["Target Country"] is None  # an organisation has no country
    assert (row["Event Text"], row["CAMEO Code"], row["Intensity"]) == ("AGREE", "0311", 4.0)
    assert (row["Sentence Number"], row["Publisher"]) == (1, "Xinhua")
    assert all(row[c] is None for c in ("City", "District", "Province", "Country", "Latitude", "Longitude"))


def test_layout_rows_pick_the_mapping_and_columns() -> None:
    rows, columns = render.layout_rows([listed_event()], "icews")
    assert columns == list(ICEWS) and next(iter(rows))["Event ID"] == "ev-1"
    rows, columns = render.layout_rows([listed_event()], "native")
    assert columns == render.listed_columns("events")
    assert next(iter(rows))["source_code"] == "CHN"
    with pytest.raises(ValueError):
        render.layout_rows([], "acled")


def test_listed_columns_name_every_field_of_a_listing_even_without_rows() -> None:
    columns = render.listed_columns("events")
    assert columns[:5] == ["article_id", "published", "article_title", "article_source", "article_url"]
    assert {"source_code", "target_sector", "quad_class", "rule"} <= set(columns)
    assert set(render.flat(listed_event())) == set(columns)
    statement = render.listed(Listed(Statement("s", "a", 0, 1, Speaker("X", "actor", "KAZ")), "x"))
    assert set(render.flat(statement)) == set(render.listed_columns("statements"))
    assert render.csv_text([], render.listed_columns("events")).startswith("article_id,published,")


def test_influence_rows_flatten_a_profile_one_row_per_cell() -> None:
    side = {"share": 0.5, "weight": 1.0, "events": 1, "event_ids": ["e"]}
    power = {
        "rank": 1, "code": "RUS", "name": "Russia", "share": 0.75, "share_low": 0.3, "share_high": 0.95,
        "events": 3, "articles": 2, "outlets": 1, "reports": 4, "thin": True,
        "cooperation": side, "pressure": {**side, "share": 0.25},
    }  # fmt: skip
    profile = {"target": "KAZ", "start": None, "end": "2022-12-31", "domains": [
        {"domain": "security", "powers": [power]}, {"domain": "unspecified", "powers": []}]}  # fmt: skip
    (row,) = render.influence_rows(profile)
    assert list(row) == list(render.INFLUENCE_COLUMNS)
    assert (row["domain"], row["code"], row["share"], row["share_low"], row["thin"]) == (
        "security",
        "RUS",
        0.75,
        0.3,
        True,
    )
    assert (row["cooperation"], row["pressure"], row["end"]) == (0.5, 0.25, "2022-12-31")
