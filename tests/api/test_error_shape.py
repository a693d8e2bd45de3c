"""Every error the API can answer has one shape, ``{"error": {"code": "RP-E...", "message": "..."}}``, with a
stable code per kind: routing 404/405, validation 422, bad cursor 400, body too large 413, read-only 403,
bad token 401, and unexpected exceptions 500 (which never leak a traceback)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import TestClient, build_world
from realpolitik.api import create_app
from realpolitik.settings import Settings
from realpolitik.store import Store

CODE = re.compile(r"^RP-E\d{3}$")


@pytest.fixture
def app(tmp_path: Path) -> Any:
    path = tmp_path / "errors.duckdb"
    with Store(path) as store:
        store.write(build_world())
    return create_app(path, Settings(api_max_body_bytes=2000, api_max_page_size=50), token="s3cret")


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def assert_error_shape(response: Any, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert CODE.match(body["error"]["code"])
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return str(body["error"]["message"])


@pytest.mark.parametrize(
    ("method", "url", "kwargs", "status", "code"),
    [
        ("GET", "/api/v1/no-such-thing", {}, 404, "RP-E704"),
        ("GET", "/nothing/here", {}, 404, "RP-E704"),
        ("GET", "/api/v1/articles/unknown-article", {}, 404, "RP-E704"),
        ("DELETE", "/api/v1/events", {}, 405, "RP-E705"),
        ("PUT", "/api/v1/ingest", {}, 405, "RP-E705"),
        ("GET", "/api/v1/events?limit=abc", {}, 422, "RP-E722"),
        ("GET", "/api/v1/events?limit=51", {}, 422, "RP-E722"),
        ("GET", "/api/v1/events?type=DANCE", {}, 422, "RP-E722"),
        ("GET", "/api/v1/events?start=yesterday", {}, 422, "RP-E722"),
        ("GET", "/api/v1/influence/not%20a%20code", {}, 422, "RP-E722"),
        ("GET", "/api/v1/influence/XYZ", {}, 404, "RP-E404"),
        ("GET", "/api/v1/influence/XYZ/series", {}, 404, "RP-E404"),
        ("GET", "/api/v1/commentary/XYZ", {}, 404, "RP-E404"),
        ("GET", "/api/v1/dyads/RUS/ZZZ", {}, 404, "RP-E404"),
        ("GET", "/api/v1/events?format=xml", {}, 422, "RP-E722"),
        ("GET", "/api/v1/events?cursor=bm9wZQ", {}, 422, "RP-E403"),
        ("POST", "/api/v1/ingest", {"content": b"x" * 5000}, 413, "RP-E713"),
        ("POST", "/api/v1/ingest", {"json": {"text": "Russia met China."}}, 401, "RP-E702"),
        (
            "POST",
            "/api/v1/ingest",
            {"json": {"text": "Russia met China."}, "headers": {"Authorization": "Bearer wrong"}},
            401,
            "RP-E702",
        ),
        (
            "POST",
            "/api/v1/ingest",
            {"json": {"title": "no text"}, "headers": {"Authorization": "Bearer s3cret"}},
            422,
            "RP-E106",
        ),
        (
            "POST",
            "/api/v1/ingest",
            {"content": b"{not json", "headers": {"Authorization": "Bearer s3cret"}},
            422,
            "RP-E722",
        ),
    ],
)
def test_every_error_has_one_shape(
    client: TestClient, method: str, url: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    assert_error_shape(client.request(method, url, **kwargs), status, code)


def test_read_only_server_refuses_ingest_with_403(tmp_path: Path) -> None:
    app = create_app(tmp_path / "ro.duckdb", Settings(), token="")
    with TestClient(app) as client:
        message = assert_error_shape(
            client.post("/api/v1/ingest", json={"text": "Russia met China."}), 403, "RP-E703"
        )
        assert "read-only" in message
        # A token sent to a read-only server changes nothing.
        response = client.post(
            "/api/v1/ingest", json={"text": "Russia met China."}, headers={"Authorization": "Bearer anything"}
        )
        assert_error_shape(response, 403, "RP-E703")


def test_unexpected_exception_is_a_500_in_the_shape_without_details(client: TestClient, app: Any) -> None:
    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail")

    app.state.owner.store.stats = explode
    message = assert_error_shape(client.get("/api/v1/stats"), 500, "RP-E750")
    assert "secret" not in message


def test_a_browser_gets_the_error_as_a_page_but_the_api_stays_json(client: TestClient) -> None:
    page = client.get("/country/not%20a%20code", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "RP-E404" in page.text  # no actor by that code or name
    page = client.get("/nothing/here", headers={"accept": "text/html"})
    assert page.status_code == 404 and "RP-E704" in page.text
    api = client.get("/api/v1/nothing", headers={"accept": "text/html"})
    assert_error_shape(api, 404, "RP-E704")
