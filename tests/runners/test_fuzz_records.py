"""Fuzzing whole batches of records, good ones mixed with hostile ones (lone surrogates, numbers of thousands
of digits, deep nesting, wrong types, broken JSON, bytes that are not UTF-8), as a JSONL file through the runner
into a store and as API bodies through the app: nothing raises, no answer is a 5xx, every good record is
stored, and every bad one is recorded as a failure with a stable code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import FakeEngine, KeywordEngine, TestClient
from realpolitik.api import create_app
from realpolitik.errors import all_error_classes
from realpolitik.runners import local
from realpolitik.settings import Settings
from realpolitik.sources import read_inputs
from realpolitik.store import Store

CODES = {cls.code for cls in all_error_classes()}
TOKEN = "fuzz"
PROPS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SENTENCES = (
    "Russia met China in Moscow.",
    "Kazakhstan signed a treaty with Russia.",
    "China met Kazakhstan.",
)

# A hostile record is the text of one JSON Lines line (not always JSON).
HOSTILE: list[st.SearchStrategy[str]] = [
    st.sampled_from(["\\ud800", "\\udfff", "a\\udc80b"]).map(
        lambda s: '{"id": "s", "text": "Russia met ' + s + ' China."}'
    ),
    st.sampled_from(["\\ud800", "\\udbff"]).map(lambda s: '{"text": "Russia ' + s + ' met China."}'),
    st.integers(20, 6000).map(lambda n: '{"id": ' + "9" * n + ', "text": "Russia met China."}'),
    st.integers(4400, 6000).map(lambda n: '{"text": "Russia met China.", "title": ' + "1" * n + "}"),
    st.integers(33, 30000).map(lambda n: '{"text": "Russia met China.", "x": ' + "[" * n + "]" * n + "}"),
    st.integers(1, 30000).map(lambda n: "[" * n + "]" * n),
    st.sampled_from(
        [
            '{"text": 5}',
            '{"text": null}',
            '{"text": ["Russia met China."]}',
            '{"text": {"a": 1}}',
            '{"id": 1.5, "text": "Russia met China."}',
            '{"id": true, "text": "Russia met China."}',
            '{"id": [1], "text": "Russia met China."}',
            '{"id": NaN, "text": "Russia met China."}',
            '{"text": "Russia met China.", "date": 20200101}',
            '{"text": "Russia met China.", "date": "2020-13-45"}',
            '{"text": "Russia met China.", "title": Infinity}',
            '{"text": "   "}',
            '"just a string"',
            "[1, 2, 3]",
            "{not json",
            '{"text": "unterminated',
        ]
    ),
]


# Broken JSON syntax: a JSONL line of its own, but inside a JSON list body it breaks the body itself (one bad
# record, the body: 422), so the list shapes are fuzzed with the hostile records that are JSON text.
BROKEN = ("{not json", '{"text": "unterminated')


@st.composite
def batches(draw: Any, syntax: bool = True) -> tuple[list[str], list[str]]:
    """Lines of a JSONL batch and the ids of its good records (unique, in order); ``syntax=False``: no record
    with broken JSON syntax."""
    hostile = HOSTILE if syntax else [h.filter(lambda line: line not in BROKEN) for h in HOSTILE]
    lines: list[str] = []
    good: list[str] = []
    for n in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            article_id = draw(st.sampled_from([f"good-{n}", str(1000 + n)]))
            as_int = article_id.isdigit() and draw(st.booleans())
            text = f"{draw(st.sampled_from(SENTENCES))} Item {n}."
            line = json.dumps({"id": int(article_id) if as_int else article_id, "text": text})
            if draw(st.booleans()):  # a field nobody reads may hold anything, a 5,000-digit number too
                line = line[:-1] + ', "views": ' + "7" * draw(st.integers(1, 5000)) + "}"
            lines.append(line)
            good.append(article_id)
        else:
            lines.append(draw(st.one_of(*hostile)))
    return lines, good


def _check_failures(failures: list[dict[str, Any]], expected: int) -> None:
    assert len(failures) == expected, failures
    for row in failures:
        assert row["code"] in CODES and row["code"].startswith("RP-E1"), row


@PROPS
@given(batch=batches(), junk=st.binary(min_size=1, max_size=40).filter(lambda b: b"\n" not in b))
def test_jsonl_batches_keep_every_good_record_and_record_every_bad_one(
    tmp_path_factory: pytest.TempPathFactory, batch: tuple[list[str], list[str]], junk: bytes
) -> None:
    lines, good = batch
    folder = tmp_path_factory.mktemp("fuzz")
    data = b"\n".join(line.encode("utf-8") for line in lines)
    bad_bytes = b"\xff" + junk  # a line that is not UTF-8
    path = folder / "batch.jsonl"
    path.write_bytes(data + b"\n" + bad_bytes + b"\n")
    settings_ = Settings(batch_size=3)
    with Store(folder / "fuzz.duckdb", settings=settings_) as store:
        report = local.run(read_inputs([str(path)], settings_), FakeEngine(), store, settings_)
        assert store.known_copies([]) == set()
        stored = store.stored_text_keys(good)
        failures = store.failures(limit=100)
    assert sorted(stored) == sorted(good)
    assert report.analyzed == len(good)
    _check_failures(failures, len(lines) - len(good) + 1)
    assert {row["input_ref"] for row in failures} <= {f"{path}:{n}" for n in range(1, len(lines) + 2)}


@PROPS
@given(data=st.data(), shape=st.sampled_from(["list", "wrapped", "ndjson"]))
def test_api_bodies_never_answer_5xx_and_keep_every_good_record(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, shape: str
) -> None:
    lines, good = data.draw(batches(syntax=shape == "ndjson"), label="batch")
    if shape == "ndjson":
        body, content_type = "\n".join(lines), "application/x-ndjson"
    else:
        inner = "[" + ", ".join(lines) + "]"
        body = inner if shape == "list" else '{"articles": ' + inner + "}"
        content_type = "application/json"
    app = create_app(tmp_path_factory.mktemp("api") / "api.duckdb", Settings(), engine_factory=KeywordEngine,
                     token=TOKEN)  # fmt: skip
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post(
            "/api/v1/ingest",
            content=body.encode("utf-8"),
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type},
        )
        assert response.status_code < 500, response.text
        answer = response.json()
        if good:
            assert response.status_code == 202, answer
            assert answer["ids"] == good
        else:
            assert response.status_code in (413, 422), answer
            assert answer["error"]["code"].startswith("RP-E")
        app.state.owner.drain()
        for article_id in good:
            assert client.get(f"/api/v1/articles/{article_id}").status_code == 200
        failures = client.get("/api/v1/failures").json()["items"]
    if response.status_code == 202:
        # one failure row per distinct refused record (the same record twice is one row)
        assert len(failures) == len({r["ref"] for r in answer["refused"]})
    for row in failures:
        assert row["code"] in CODES, row


def test_the_fuzz_finds_what_it_is_meant_to(tmp_path: Path) -> None:
    """The hostile lines above are all refused by the JSONL reader (none is read as an article)."""
    lines = [
        '{"id": "s", "text": "Russia met \\ud800 China."}',
        '{"id": ' + "9" * 5000 + ', "text": "Russia met China."}',
        '{"text": "Russia met China.", "x": ' + "[" * 3000 + "]" * 3000 + "}",
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    codes = [getattr(item, "code", None) for item in read_inputs([str(path)], Settings())]
    assert codes == ["RP-E104", "RP-E106", "RP-E106"]
