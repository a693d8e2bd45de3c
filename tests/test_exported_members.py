"""The curated public API: everything in __all__ exists, and the names users rely on are there."""

import realpolitik


def test_all_names_exist() -> None:
    for name in realpolitik.__all__:
        assert hasattr(realpolitik, name), name


def test_public_api() -> None:
    assert {"Engine", "Store", "Article", "Event", "Statement", "Settings", "RealpolitikError"} <= set(
        realpolitik.__all__
    )
