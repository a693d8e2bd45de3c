"""The REST API and the ASGI app that also serves the dashboard: ``create_app(db_path, settings)``."""

from __future__ import annotations

from realpolitik.api.app import create_app
from realpolitik.api.owner import StoreOwner

__all__ = ["StoreOwner", "create_app"]
