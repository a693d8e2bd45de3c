"""The cache of the bundled knowledge base's indexes: a round trip gives the same answers, a changed file is a
different cache, and a cache that cannot be written or read only costs time."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.actors import cache
from realpolitik.actors.kb import KnowledgeBase, _Index

RECORDS = [
    {"id": "XKA", "kind": "state", "name": "Exampleland", "code": "XKA"},
    {"id": "office:president", "kind": "agent", "name": "President", "office": "President", "sector": "GOV"},
    {
        "id": "person:a",
        "kind": "person",
        "name": "Anna Alpha",
        "surnames": ["Alpha"],
        "roles": [{"title": "President", "country": "XKA", "start": "2000-01-01", "office": "head_of_state"}],
    },
]


def test_a_cached_index_answers_as_the_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    source = tmp_path / "kb.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    built = KnowledgeBase.from_files([source])
    key = cache.fingerprint([source], "test")
    cache.save(key, built._index.state())
    state = cache.load(key)
    assert state is not None
    loaded = KnowledgeBase(sources=built.sources, index=_Index(state))
    for kb in (built, loaded):
        held = kb.holder("XKA", "head of state", date(2020, 1, 1))
        assert held is not None and held[0].id == "person:a"
        assert [kb.forms[i].type for i in kb.by_key["alpha"]] == ["surname"]
        assert kb.person_by_name(["Anna", "Alfa"], None) is kb.actors["person:a"]  # a spelling of the name
    # a user file merges over a cached knowledge base too (its records are read again from the sources)
    user = tmp_path / "user.jsonl"
    user.write_text(
        json.dumps({"id": "XKA", "aliases": ["Republic of Exampleland"]}) + "\n", encoding="utf-8"
    )
    assert "republic of exampleland" in loaded.merged(user).by_key


def test_a_changed_file_is_another_cache(tmp_path: Path) -> None:
    source = tmp_path / "kb.jsonl"
    source.write_text("{}\n", encoding="utf-8")
    before = cache.fingerprint([source], "v1")
    source.write_text("{} \n", encoding="utf-8")
    assert cache.fingerprint([source], "v1") != before
    assert cache.fingerprint([source], "v2") != cache.fingerprint([source], "v1")


def test_no_cache_folder_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, "")
    assert cache.cache_dir() is None
    cache.save("k", ("state",))
    assert cache.load("k") is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocked / "sub"))
    cache.save("k", ("state",))  # cannot be written: skipped
    assert cache.load("k") is None
