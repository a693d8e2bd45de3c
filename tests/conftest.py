"""Shared fixtures: the gold-data folder, one Engine per session for model tests, temporary stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The shared gold sets and corpus (../shared/data beside the checkout, or REALPOLITIK_DATA_DIR)."""
    path = Path(os.environ.get("REALPOLITIK_DATA_DIR", REPO.parent / "shared" / "data"))
    if not path.is_dir():
        pytest.fail(f"gold data not found at {path}; set REALPOLITIK_DATA_DIR")
    return path


@pytest.fixture(scope="session")
def example_article(repo_dir: Path) -> str:
    return (repo_dir / "demo" / "kazakhstan-russia-china.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_engine() -> Iterator[object]:
    """One Engine (spaCy model + knowledge base) for every model test in the session."""
    from realpolitik.engine import Engine

    yield Engine()


@pytest.fixture(scope="session")
def news_db(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """The whole shared news corpus ingested by the real command, once per session: the full-corpus tests of
    the runners, the exports and the dashboard all read it (none may keep it open while another runs)."""
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("corpus") / "news.duckdb"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "realpolitik.cli",
            "ingest",
            str(data_dir / "news"),
            "--db",
            str(db),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return db


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's chromium, headless, driven by Playwright (never ``playwright install``)."""
    from helpers import launched_chromium

    with launched_chromium() as chromium:
        yield chromium
