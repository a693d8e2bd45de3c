"""``realpolitik serve``: run the REST API and the dashboard as one ASGI app (FastAPI under uvicorn).

The server opens the store and owns it while it runs (DuckDB allows one writer process and no readers beside
it); new articles reach it over ``POST /api/v1/ingest`` when ``REALPOLITIK_TOKEN`` is set.
"""

from __future__ import annotations

import os

import click

from realpolitik.settings import Settings


@click.command("serve")
@click.option(
    "--db", "db", default=None, help="DuckDB store to serve (default: setting db / REALPOLITIK_DB)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port to listen on.")
@click.option("--config", default=None, help="TOML settings file (default realpolitik.toml).")
def serve(db: str | None, host: str, port: int, config: str | None) -> None:
    """Serve the dashboard at / and the REST API at /api/v1 (OpenAPI docs at /docs).

    The API is read-only unless the environment variable REALPOLITIK_TOKEN is set; then
    POST /api/v1/ingest accepts articles from clients that send "Authorization: Bearer <token>".

    \b
    Example:
        realpolitik serve --db realpolitik.duckdb --port 8000
        REALPOLITIK_TOKEN=secret realpolitik serve --db news.duckdb
    """
    import uvicorn

    from realpolitik.api import create_app

    settings = Settings.load(config, db=db)
    app = create_app(settings.db, settings)
    mode = "ingest enabled (token set)" if os.environ.get("REALPOLITIK_TOKEN") else "read-only"
    click.echo(f"realpolitik: serving {settings.db} at http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
