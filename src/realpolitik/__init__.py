"""realpolitik: who did what to whom, in which domain, and who said what about it.

    from realpolitik import Engine, Store
    engine = Engine()
    analysis = engine.analyze_text(text, published="2022-01-10")
    with Store("news.duckdb") as store:
        store.write([analysis])
        print(store.influence("KAZ").to_json())

``Engine`` and ``Store`` load heavy dependencies (spaCy, DuckDB), so they are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from realpolitik.errors import RealpolitikError
from realpolitik.model import (
    Actor,
    ActorRef,
    Analysis,
    Article,
    Event,
    Failure,
    Mention,
    Sentence,
    Speaker,
    Stance,
    Statement,
)
from realpolitik.settings import Settings

if TYPE_CHECKING:
    from realpolitik.engine import Engine
    from realpolitik.store import Store

from realpolitik.version import __version__

__all__ = [
    "Actor",
    "ActorRef",
    "Analysis",
    "Article",
    "Engine",
    "Event",
    "Failure",
    "Mention",
    "RealpolitikError",
    "Sentence",
    "Settings",
    "Speaker",
    "Stance",
    "Statement",
    "Store",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name == "Engine":
        from realpolitik.engine import Engine

        return Engine
    if name == "Store":
        from realpolitik.store import Store

        return Store
    raise AttributeError(f"module 'realpolitik' has no attribute {name!r}")
