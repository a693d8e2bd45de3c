"""Schemathesis against the app's own OpenAPI schema, in process (ASGI): generated requests to every API
operation, a bounded number of examples each, and no answer may be a server error or break the schema."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from helpers import KeywordEngine, build_world, hostile_analysis
from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store

# The schema is loaded when the module is collected, so the store lives in a directory of its own.
_DIR = Path(tempfile.mkdtemp(prefix="realpolitik-schemathesis-"))
with Store(_DIR / "store.duckdb") as _store:
    _store.write([*build_world(), hostile_analysis()])
APP = create_app(
    _DIR / "store.duckdb", Settings(api_max_page_size=200), engine_factory=KeywordEngine, token="schema-token"
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: object, value: object) -> bytes:
    # The ingest body may be JSON Lines; generated values are sent as text, anything else as one JSON line.
    return value.encode("utf-8", "surrogatepass") if isinstance(value, str) else json.dumps(value).encode()


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_never_answers_with_a_server_error(case: schemathesis.Case) -> None:
    response = case.call(headers={"Authorization": "Bearer schema-token"})
    case.validate_response(response, checks=[not_a_server_error])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"]["code"].startswith("RP-E")
