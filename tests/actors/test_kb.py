"""The knowledge base loader: validation errors name file, line and field; user files merge over the bundled
records; offices, memberships and dated forms answer by date. No spaCy here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.actors.kb import KnowledgeBase, form_key
from realpolitik.actors.matcher import Gazetteer
from realpolitik.errors import KnowledgeBaseError

STATE = {
    "id": "XKA",
    "kind": "state",
    "name": "Exampleland",
    "code": "XKA",
    "adjectives": ["Examplish"],
    "metonyms": [
        "Palace Hill",
        {"text": "Oldtown", "end": "2020-01-01"},
        {"text": "Newtown", "start": "2020-01-01"},
    ],
}
PERSON_A = {
    "id": "person:a",
    "kind": "person",
    "name": "Anna Alpha",
    "aliases": ["Alpha"],
    "code": "XKA",
    "roles": [{"title": "President", "country": "XKA", "start": "2000-01-01", "end": "2010-01-01"}],
}
PERSON_B = {
    "id": "person:b",
    "kind": "person",
    "name": "Boris Beta",
    "aliases": ["Beta"],
    "code": "XKA",
    "roles": [
        {"title": "President", "country": "XKA", "start": "2010-01-01"},
        {
            "title": "Minister of Foreign Affairs",
            "country": "XKA",
            "start": "2005-01-01",
            "end": "2010-01-01",
        },
    ],
}
OFFICES = [
    {"id": "office:president", "kind": "agent", "name": "President", "office": "President", "sector": "GOV"},
    {
        "id": "office:fm",
        "kind": "agent",
        "name": "Foreign Minister",
        "office": "Foreign Minister",
        "aliases": ["minister of foreign affairs"],
        "sector": "GOV",
    },
]
IGO = {
    "id": "XO",
    "kind": "igo",
    "name": "Example Organisation",
    "code": "XO",
    "members": [{"member": "XKA", "start": "2001-01-01"}, {"member": "YYY", "end": "2005-01-01"}],
}


def write(path: Path, *records: object) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8"
    )
    return path


@pytest.fixture
def kb(tmp_path: Path) -> KnowledgeBase:
    return KnowledgeBase.from_files(
        [write(tmp_path / "base.jsonl", STATE, PERSON_A, PERSON_B, IGO, *OFFICES)]
    )


def test_office_holder_changes_with_the_date(kb: KnowledgeBase) -> None:
    before, after = (
        kb.holder("XKA", "President", date(2005, 5, 1)),
        kb.holder("XKA", "president", date(2015, 1, 1)),
    )
    assert before is not None and before[0].id == "person:a"
    assert after is not None and after[0].id == "person:b"
    assert kb.holder("XKA", "President", date(1990, 1, 1)) is None


def test_office_synonyms_find_the_same_holder(kb: KnowledgeBase) -> None:
    held = kb.holder("XKA", "Foreign Minister", date(2007, 1, 1))
    assert held is not None and held[0].id == "person:b" and held[1].title == "Minister of Foreign Affairs"
    assert kb.office_key("minister of foreign affairs") == "foreign minister"


def test_role_on_is_the_office_of_the_day(kb: KnowledgeBase) -> None:
    beta = kb.actors["person:b"]
    role = kb.role_on(beta, date(2007, 1, 1))
    assert role is not None and role.title == "Minister of Foreign Affairs"
    role = kb.role_on(beta, date(2012, 1, 1))
    assert role is not None and role.title == "President"
    assert kb.role_on(kb.actors["person:a"], date(2012, 1, 1)) is None


def test_memberships_by_date(kb: KnowledgeBase) -> None:
    assert kb.members("XO", date(2003, 1, 1)) == ["XKA", "YYY"]
    assert kb.members("XO", date(2006, 1, 1)) == ["XKA"]
    assert kb.members("XO", date(2000, 1, 1)) == ["YYY"]


def test_forms_carry_type_sector_and_dates(kb: KnowledgeBase) -> None:
    forms = {
        kb.forms[i].text: kb.forms[i]
        for key in ("examplish", "palace hill", "oldtown")
        for i in kb.by_key[key]
    }
    assert forms["Examplish"].type == "adjective" and forms["Examplish"].actor_id == "XKA"
    assert forms["Palace Hill"].type == "metonym" and forms["Palace Hill"].sector == "GOV"
    assert forms["Oldtown"].valid_on(date(2019, 12, 31)) and not forms["Oldtown"].valid_on(date(2020, 1, 1))


def test_person_by_surname_prefers_the_one_in_office(kb: KnowledgeBase) -> None:
    assert kb.person_by_name(["Beta"], date(2015, 1, 1)) is kb.actors["person:b"]
    assert kb.person_by_name(["Boris", "Beta"], None) is kb.actors["person:b"]
    assert kb.person_by_name(["Carl", "Beta"], None) is None  # another first name is another person
    assert kb.person_by_name(["Gamma"], None) is None


def test_a_misspelt_surname_needs_the_first_name_or_a_title(kb: KnowledgeBase) -> None:
    assert kb.person_by_name(["Anna", "Alphaa"], None) is kb.actors["person:a"]  # one letter too many
    assert kb.person_by_name(["Carl", "Alphaa"], None) is None
    assert kb.person_by_name(["Alphaa"], date(2005, 1, 1)) is None  # a bare misspelt name is too weak
    assert kb.person_by_name(["Alphaa"], date(2005, 1, 1), titled=True) is kb.actors["person:a"]
    assert kb.person_by_name(["Alfx"], date(2005, 1, 1), titled=True) is None  # short names never fuzzy


def test_a_titled_surname_takes_someone_taking_office_within_a_year(kb: KnowledgeBase) -> None:
    # gold and wire dates are often rounded to the first of January
    assert kb.person_by_name(["Alpha"], date(1999, 6, 1), titled=True) is kb.actors["person:a"]
    assert kb.person_by_name(["Alpha"], date(1999, 6, 1)) is None
    assert kb.person_by_name(["Alpha"], date(1990, 1, 1), titled=True) is None


def test_groups_list_their_home_states(tmp_path: Path) -> None:
    group = {"id": "XGR", "kind": "group", "name": "Examplers", "code": "XGR", "homes": ["XKA", "YYY"]}
    kb = KnowledgeBase.from_files([write(tmp_path / "g.jsonl", STATE, group)])
    assert kb.homes["XGR"] == ("XKA", "YYY")
    assert kb.actors["XGR"].code == "XGR"  # a group keeps its own code


# -- validation ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ('{"id": "x", "kind": "state"', None, "invalid JSON"),
        ('["not", "an", "object"]', None, "JSON object"),
        ('{"kind": "state", "name": "X"}', "id", "required"),
        ('{"id": "x", "kind": "planet", "name": "X"}', "kind", "planet"),
        ('{"id": "x", "kind": "state"}', "name", "required"),
        ('{"id": "x", "kind": "state", "name": "X", "colour": "red"}', "colour", "unknown field"),
        ('{"id": "x", "kind": "state", "name": "X", "aliases": "X"}', "aliases", "list"),
        (
            '{"id": "x", "kind": "person", "name": "X", "roles": [{"country": "XKA"}]}',
            "roles[0].title",
            "required",
        ),
        (
            '{"id": "x", "kind": "person", "name": "X", "roles": [{"title": "King", "start": "2020-13-01"}]}',
            "roles[0].start",
            "YYYY-MM-DD",
        ),
        (
            '{"id": "x", "kind": "person", "name": "X", "roles": [{"title": "King", "start": "2020-01-01", '
            '"end": "2019-01-01"}]}',
            "roles[0].end",
            "before start",
        ),
        (
            '{"id": "x", "kind": "igo", "name": "X", "members": [{"start": "2020-01-01"}]}',
            "members[0].member",
            "required",
        ),
        (
            '{"id": "x", "kind": "state", "name": "X", "metonyms": [{"text": "Y", "sector": 3}]}',
            "metonyms[0].sector",
            "string",
        ),
        ('{"id": "x", "kind": "state", "name": "X", "valid_from": 2020}', "valid_from", "YYYY-MM-DD"),
    ],
)
def test_validation_errors_name_file_line_and_field(
    tmp_path: Path, line: str, field: str | None, words: str
) -> None:
    path = write(tmp_path / "user.jsonl", "# a comment", "", STATE, line)
    with pytest.raises(KnowledgeBaseError) as info:
        KnowledgeBase.from_files([path])
    err = info.value
    assert err.code == "RP-E301"
    assert err.file == str(path) and err.line == 4 and err.field == field
    assert words in err.message
    assert f"{path}:4" in str(err)
    if field:
        assert repr(field) in str(err)


def test_an_unreadable_file_is_a_kb_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError) as info:
        KnowledgeBase.from_files([tmp_path / "missing.jsonl"])
    assert info.value.file.endswith("missing.jsonl") and info.value.line is None


# -- merging ---------------------------------------------------------------------------------------------
def test_merge_adds_actors_and_overrides_given_fields_only(kb: KnowledgeBase, tmp_path: Path) -> None:
    user = write(
        tmp_path / "user.jsonl",
        {
            "id": "person:c",
            "kind": "person",
            "name": "Cora Gamma",
            "aliases": ["Gamma"],
            "roles": [{"title": "President", "country": "XKA", "start": "2030-01-01"}],
        },
        {"id": "XKA", "aliases": ["Republic of Exampleland"]},
    )
    merged = kb.merged(user)
    assert merged is not kb and "person:c" not in kb.actors
    held = merged.holder("XKA", "President", date(2031, 1, 1))
    assert held is not None and held[0].id == "person:c"
    state = merged.actors["XKA"]
    assert (
        state.name == "Exampleland" and "Republic of Exampleland" in state.aliases
    )  # name kept, aliases replaced
    assert form_key("Republic of Exampleland") in merged.by_key and form_key("Examplish") in merged.by_key
    assert merged.sources[-1] == str(user)


def test_merge_errors_name_the_user_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    user = write(tmp_path / "bad.jsonl", {"id": "XKA", "kind": "moon"})
    with pytest.raises(KnowledgeBaseError) as info:
        kb.merged(user)
    assert info.value.file == str(user) and info.value.line == 1 and info.value.field == "kind"


def test_a_user_name_wins_over_a_bundled_metonym(kb: KnowledgeBase, tmp_path: Path) -> None:
    user = write(
        tmp_path / "u.jsonl", {"id": "city:palace", "kind": "region", "name": "Palace Hill", "code": "PH"}
    )
    merged = kb.merged(user)
    forms = [merged.forms[i] for i in merged.by_key["palace hill"]]
    assert forms[0].actor_id == "city:palace"  # a name ranks before a metonym with the same words
    assert {f.actor_id for f in forms} == {"XKA", "city:palace"}


def test_bundled_kb_is_cached_and_valid() -> None:
    kb = KnowledgeBase.bundled()
    assert KnowledgeBase.bundled() is kb
    for code in (
        "KAZ",
        "RUS",
        "CHN",
        "CSTO",
        "SCO",
        "EAEU",
        "CIS",
        "EU",
        "NATO",
        "UN",
        "OSCE",
        "ASEAN",
        "BRICS",
        "GCC",
        "AU",
        "OPEC",
    ):
        assert kb.get(code) is not None, code
    held = kb.holder("KAZ", "President", date(2022, 1, 10))
    assert held is not None and held[0].name == "Kassym-Jomart Tokayev"
    assert kb.get("CSTO").kind == "igo" and "KAZ" in kb.members("CSTO", date(2022, 1, 10))
    assert "UZB" not in kb.members("CSTO", date(2015, 1, 1))
    # the demonyms kremlin.ru titles use ("Russian-Turkmenistani talks")
    for adjective, code in (("turkmenistani", "TKM"), ("kyrgyzstani", "KGZ"), ("tajikistani", "TJK")):
        assert {kb.forms[i].actor_id for i in kb.by_key[adjective]} == {code}, adjective


# -- the trie matcher (a whitespace tokenizer stands in for spaCy's) ---------------------------------------
def test_matcher_longest_match_and_case_rules(kb: KnowledgeBase, tmp_path: Path) -> None:
    extra = write(
        tmp_path / "m.jsonl",
        {"id": "YY", "kind": "state", "name": "May Land", "code": "YY", "aliases": ["May", "US"]},
        {"id": "person:palace", "kind": "person", "name": "Palace Hill Guard"},
    )
    gaz = Gazetteer(kb.merged(extra), str.split)
    words = ["the", "Palace", "Hill", "Guard", "met", "May", "and", "us", "and", "US", "in", "may"]
    hits = gaz.match(words)
    found = [" ".join(words[h.start : h.end]) for h in hits]
    assert found == ["Palace Hill Guard", "May", "US"]


def test_a_mixed_case_short_form_needs_its_inner_capital(kb: KnowledgeBase, tmp_path: Path) -> None:
    extra = write(
        tmp_path / "l.jsonl",
        {
            "id": "armed_group:lt",
            "kind": "armed_group",
            "name": "Lashkar Tee",
            "code": "IMG",
            "aliases": ["LeT"],
        },
    )
    gaz = Gazetteer(kb.merged(extra), str.split)
    words = ["Let", "us", "talk", ";", "LeT", "attacked", "and", "LET", "did"]
    assert [" ".join(words[h.start : h.end]) for h in gaz.match(words)] == ["LeT", "LET"]


def test_matcher_never_starts_at_the(kb: KnowledgeBase, tmp_path: Path) -> None:
    extra = write(
        tmp_path / "t.jsonl",
        {"id": "SEA", "kind": "region", "name": "the Grey Sea", "code": "GS", "aliases": ["the Grey"]},
    )
    gaz = Gazetteer(kb.merged(extra), str.split)
    words = ["across", "the", "Grey", "Sea"]
    assert [(h.start, h.end) for h in gaz.match(words)] == [(2, 4)]
