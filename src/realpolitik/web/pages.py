"""What every dashboard page shares: the Jinja2 environment (autoescaped), rendering a page or the HTML face of
an error, reading through the server's ``StoreOwner`` as the API does, turning what a person typed into an actor
code, and the CSV download of a table.

Every table of the dashboard has a CSV download of exactly what it shows: a page builds its tables as lists of
rows (``Tables``), renders them, and answers ``?format=csv&table=NAME`` with that table's rows through
``realpolitik.render.csv_text``, the renderer of the API's CSV.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from realpolitik.actors.names import bundled_names
from realpolitik.errors import APIError
from realpolitik.model import DOMAINS, MODALITIES, PLOVER_TYPES
from realpolitik.render import csv_text, jsonable
from realpolitik.store.params import actor_code, codes_checked
from realpolitik.version import __version__

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
QUAD_NAMES = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}

env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(
    version=__version__,
    quad_names=QUAD_NAMES,
    static=lambda name: f"/static/{name}",
    plover_types=PLOVER_TYPES,
    domains=DOMAINS,
    modalities=MODALITIES,
)


def http_url(value: Any) -> str | None:
    """The URL if it is http(s), else None: a stored ``javascript:`` or ``data:`` URL never becomes a link."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def csv_url(request: Request, table: str) -> str:
    """The URL of the CSV of one table of the current page: its query string plus format and table."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in ("format", "table")]
    return f"{request.url.path}?{urlencode([*params, ('format', 'csv'), ('table', table)])}"


env.filters["http_url"] = http_url


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(**context)
    return HTMLResponse(html, status_code=status_code)


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """The HTML face of the API's error shape, for people following a link in a browser."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return render("error.html", status, status=status, phrase=phrase, code=code, message=message, nav="")


def store_read(request: Request, fn: Any, key: tuple[Any, ...] | None = None) -> Any:
    """One Store call as the JSON the API would send (from the owner's cache for keyed aggregates)."""
    owner = request.app.state.owner
    # Keys of their own: the API caches some of these calls wrapped differently ({"items": ...}).
    return owner.read_value(fn, ("web", *key)) if key is not None else jsonable(owner.read(fn))


def resolve_code(request: Request, text: str) -> str:
    """The actor code a person means: a code the store has seen, a name or demonym ("Kazakhstan", "kazakh");
    an unknown one is an ``UnknownActor`` error, which the app answers with a 404 page."""
    owner = request.app.state.owner
    return str(owner.read(lambda s: actor_code(text, s, bundled_names())))


def known_codes(request: Request, *codes: str) -> list[str]:
    """``codes`` in upper case if the store has seen each, else a 404 page naming the unknown ones."""
    owner = request.app.state.owner
    return list(owner.read(lambda s: codes_checked(codes, s)))


class Tables:
    """The tables of one page, by name, as the rows they show, so that each can be downloaded as CSV."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.rows: dict[str, tuple[list[dict[str, Any]], Sequence[str] | None]] = {}

    def add(self, name: str, rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
        """Register a table; returns the URL of its CSV."""
        self.rows[name] = (rows, columns)
        return csv_url(self.request, name)

    def wanted(self) -> str | None:
        """The table asked for with ``format=csv&table=NAME``, if any."""
        params = self.request.query_params
        return params.get("table") if params.get("format") == "csv" else None

    def csv(self, name: str) -> Response:
        if name not in self.rows:
            raise APIError(f"this page has no table {name[:40]!r}", status=404)
        rows, columns = self.rows[name]
        path = (
            re.sub(r"[^A-Za-z0-9_.-]", "_", self.request.url.path.strip("/").replace("/", "-")) or "overview"
        )
        headers = {"Content-Disposition": f'attachment; filename="{path}-{name}.csv"'}
        return Response(csv_text(rows, columns), media_type="text/csv; charset=utf-8", headers=headers)


__all__ = [
    "QUAD_NAMES",
    "STATIC_DIR",
    "Tables",
    "csv_url",
    "env",
    "http_url",
    "known_codes",
    "render",
    "render_error",
    "resolve_code",
    "store_read",
]
