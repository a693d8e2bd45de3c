"""``create_app``: the one ASGI app ``realpolitik serve`` runs, the JSON API under ``/api/v1`` (OpenAPI at
``/docs``) and the dashboard at ``/``, both reading through one ``StoreOwner`` around one ``Store``."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from realpolitik.api.errors import install_error_handlers
from realpolitik.api.limits import BodySizeLimit, SecurityHeaders
from realpolitik.api.owner import BatchEngine, StoreOwner
from realpolitik.api.routes import router as api_router
from realpolitik.settings import Settings
from realpolitik.version import __version__

TOKEN_ENV = "REALPOLITIK_TOKEN"

DESCRIPTION = """\
Evidence-backed records of who did what to whom, in which domain, and who said what about it.

Every error has one shape: `{"error": {"code": "RP-E...", "message": "..."}}`. List endpoints page with
`cursor` (the `next_cursor` of the previous page) and `limit` (capped by the server's `api_max_page_size`).
The API is read-only unless the server was started with `REALPOLITIK_TOKEN` set; then `POST /api/v1/ingest`
accepts articles from clients sending `Authorization: Bearer <token>`.
"""


def _default_engine_factory(settings: Settings) -> Callable[[], BatchEngine]:
    def build() -> BatchEngine:
        from realpolitik.engine import Engine  # spaCy loads only when the first article arrives

        return Engine(settings)

    return build


def create_app(
    db_path: str | Path,
    settings: Settings | None = None,
    *,
    engine_factory: Callable[[], BatchEngine] | None = None,
    token: str | None = None,
) -> FastAPI:
    """The API and dashboard over the store at ``db_path``, which this app opens and owns.

    ``engine_factory`` builds the pipeline for ingested articles (default: ``realpolitik.engine.Engine``,
    created on the first ingest). ``token`` defaults to the environment variable ``REALPOLITIK_TOKEN``;
    without one the API is read-only.
    """
    from realpolitik.store import Store
    from realpolitik.web import views

    settings = settings or Settings.load()
    owner = StoreOwner(
        lambda: Store(db_path, settings=settings),
        engine_factory or _default_engine_factory(settings),
        settings,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owner.open()
        yield
        owner.close()

    app = FastAPI(
        title="realpolitik",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.owner = owner
    app.state.settings = settings
    app.state.token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    install_error_handlers(app, html_renderer=views.render_error)
    app.include_router(api_router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=views.STATIC_DIR), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=settings.api_max_body_bytes)
    app.add_middleware(SecurityHeaders)  # added last, so it wraps everything, the 413 answer included
    return app


def app_owner(app: Any) -> StoreOwner:
    """The store owner of an app made by :func:`create_app` (tests and the CLI use it)."""
    owner: StoreOwner = app.state.owner
    return owner
