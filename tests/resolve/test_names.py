"""Names in a text resolved without spaCy (``Resolver.resolve_text``), over a knowledge base built by hand:
names are atomic (a group's word inside a person's name is not the group), a spelling of a known name is that
person, namesakes are told apart by the date and the phrase's office and state, and a surname alone names a
person only where the date leaves one holder of it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.model import Mention
from realpolitik.resolve.resolver import Resolver

RECORDS: list[dict[str, Any]] = [
    {"id": "XKA", "kind": "state", "name": "Exampleland", "code": "XKA", "adjectives": ["Examplish"]},
    {"id": "YYB", "kind": "state", "name": "Otherland", "code": "YYB", "adjectives": ["Otherish"]},
    {"id": "SHI", "kind": "group", "name": "Shiites", "code": "SHI", "aliases": ["Shia"]},
    {"id": "office:president", "kind": "agent", "name": "President", "office": "President", "sector": "GOV"},
    {
        "id": "office:pm",
        "kind": "agent",
        "name": "Prime Minister",
        "office": "Prime Minister",
        "aliases": ["premier"],
        "sector": "GOV",
    },
    {
        "id": "person:father",
        "kind": "person",
        "name": "Gurban Berdymukhamedov",
        "surnames": ["Berdymukhamedov"],
        "code": "XKA",
        "roles": [
            {
                "title": "President",
                "country": "XKA",
                "start": "2007-01-01",
                "end": "2022-03-19",
                "office": "head_of_state",
            },
            {"title": "Chairman of the Council", "country": "XKA", "start": "2023-01-01"},
        ],
    },
    {
        "id": "person:son",
        "kind": "person",
        "name": "Serdar Berdymukhamedov",
        "surnames": ["Berdymukhamedov"],
        "code": "XKA",
        "roles": [{"title": "President", "country": "XKA", "start": "2022-03-19", "office": "head_of_state"}],
    },
    {
        "id": "person:pm",
        "kind": "person",
        "name": "Karim Zhaparov",
        "surnames": ["Zhaparov"],
        "code": "YYB",
        "roles": [
            {
                "title": "Prime Minister",
                "country": "YYB",
                "start": "2020-01-01",
                "end": "2024-01-01",
                "office": "head_of_government",
            }
        ],
    },
    {
        "id": "person:other-pm",
        "kind": "person",
        "name": "Sadyr Zhaparov",
        "surnames": ["Zhaparov"],
        "code": "XKA",
        "roles": [
            {
                "title": "Prime Minister",
                "country": "XKA",
                "start": "2021-01-01",
                "office": "head_of_government",
            }
        ],
    },
    {
        "id": "person:sudani",
        "kind": "person",
        "name": "Mohammed Shia al-Sudani",
        "surnames": ["al-Sudani", "Sudani"],
        "code": "YYB",
        "roles": [
            {
                "title": "Prime Minister",
                "country": "YYB",
                "start": "2024-01-01",
                "office": "head_of_government",
            }
        ],
    },
]


@pytest.fixture(scope="module")
def resolver(tmp_path_factory: pytest.TempPathFactory) -> Resolver:
    path = Path(tmp_path_factory.mktemp("kb")) / "kb.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return Resolver(KnowledgeBase.from_files([path]))


def ids(mentions: list[Mention]) -> list[str | None]:
    return [m.actor_id for m in mentions]


def test_a_group_word_inside_a_known_name_is_not_the_group(resolver: Resolver) -> None:
    found = resolver.resolve_text("Prime Minister Mohammed Shia al-Sudani", date(2024, 6, 1))
    assert ids(found) == ["person:sudani"] and found[0].role == "Prime Minister"
    spelt = resolver.resolve_text("Muhammad Shiaa al-Sudani", date(2024, 6, 1))
    assert ids(spelt) == ["person:sudani"]  # another transliteration of the whole name


def test_a_group_word_inside_an_unknown_name_is_not_the_group(resolver: Resolver) -> None:
    titled = resolver.resolve_text("Examplish President Ali Shia Hadi", date(2024, 6, 1))
    assert "SHI" not in ids(titled)
    assert [(m.name, m.code, m.role) for m in titled] == [("Ali Shia Hadi", "XKA", "President")]
    between = resolver.resolve_text("Ali Shia Hadi", date(2024, 6, 1))
    assert "SHI" not in ids(between)
    assert ids(resolver.resolve_text("Shia militias", date(2024, 6, 1))) == ["SHI"]  # the group itself


def test_namesakes_are_told_apart_by_the_date(resolver: Resolver) -> None:
    before = resolver.resolve_text("President Berdymukhamedov", date(2021, 1, 1))
    after = resolver.resolve_text("President Berdymukhamedov", date(2022, 6, 1))
    assert ids(before) == ["person:father"] and ids(after) == ["person:son"]
    # a spelling of the surname the knowledge base does not list, after a title
    assert ids(resolver.resolve_text("President Berdimuhamedow", date(2021, 1, 1))) == ["person:father"]
    # the full name is one person whatever the date
    assert ids(resolver.resolve_text("Gurban Berdymukhamedov", date(2024, 1, 1))) == ["person:father"]


def test_a_surname_alone_names_a_person_only_where_the_date_leaves_one(resolver: Resolver) -> None:
    # 2023: the son is President, the father holds no principal office
    assert ids(resolver.resolve_text("Berdymukhamedov", date(2023, 6, 1))) == ["person:son"]
    # 2022: both Zhaparovs are prime ministers (of two states): no one; 2025: one is
    assert ids(resolver.resolve_text("Zhaparov", date(2022, 6, 1))) == []
    assert ids(resolver.resolve_text("Zhaparov", date(2025, 6, 1))) == ["person:other-pm"]
    assert ids(resolver.resolve_text("Japarov", date(2025, 6, 1))) == ["person:other-pm"]  # a spelling of it
    # the phrase's state decides where the date does not
    assert ids(resolver.resolve_text("Otherish Prime Minister Zhaparov", date(2022, 6, 1))) == ["person:pm"]


def test_another_first_name_is_another_person(resolver: Resolver) -> None:
    found = resolver.resolve_text("Ahmed Zhaparov", date(2025, 6, 1))
    assert "person:other-pm" not in ids(found)
