"""The ontology tables and the trigger lexicon: loaded from package data, consistent with each other."""

from __future__ import annotations

import pytest

from realpolitik.errors import KnowledgeBaseError
from realpolitik.model import DOMAINS, PLOVER_TYPES
from realpolitik.ontology import (
    QUAD_CLASS,
    cameo_entry,
    cameo_table,
    cameo_to_plover,
    context_domains,
    domain_for,
    plover_type,
)
from realpolitik.ontology.lexicon import _entries_of, load_lexicon


def test_cameo_table_maps_codes_to_plover_facts() -> None:
    entry = cameo_entry("0312")
    assert entry is not None
    assert (entry.type, entry.contexts, entry.quad_class) == ("AGREE", ("military",), 1)
    assert entry.goldstein == pytest.approx(5.2)
    assert cameo_to_plover("1384") == "THREATEN"
    assert cameo_to_plover("190") == "ASSAULT"


def test_statements_and_appeals_have_no_plover_type() -> None:
    assert cameo_to_plover("010") is None
    assert cameo_to_plover("0211") is None
    assert cameo_to_plover(None) is None


def test_unknown_subcode_falls_back_to_its_parent() -> None:
    parent = cameo_entry("087")
    assert parent is not None and cameo_entry("0879") == parent


def test_every_row_has_a_goldstein_score_in_range() -> None:
    table = cameo_table()
    assert len(table) > 300
    assert all(-10.0 <= e.goldstein <= 10.0 for e in table.values())
    assert {e.type for e in table.values() if e.type} == set(PLOVER_TYPES)


def test_old_type_names_are_mapped() -> None:
    assert plover_type("DEMAND") == "REQUEST"
    assert plover_type("disapprove") == "ACCUSE"
    assert plover_type("INVESTIGATE") == "ACCUSE"
    assert plover_type("FIGHT") == "ASSAULT"
    assert plover_type("AGREE") == "AGREE"


def test_domains_from_contexts_and_the_fallback_rule() -> None:
    assert domain_for(("peacekeeping",), "AID") == "security"
    assert domain_for(("gas", "energy"), "AGREE") == "economy"
    assert domain_for(("refugee",), "AID") == "society"
    # no evidence: the article around the event decides, else the domain is unspecified, never a default
    assert domain_for((), "AGREE") == "unspecified"
    assert domain_for((), "AID") == "unspecified"
    assert domain_for((), "AID", around="economy") == "economy"
    assert domain_for(("military",), "AID", around="economy") == "security"
    assert domain_for(("no-such-context",), "ASSAULT") == "unspecified"
    assert set(context_domains().values()) == set(DOMAINS) - {"unspecified"}


def test_quad_classes_cover_all_types() -> None:
    assert set(QUAD_CLASS) == set(PLOVER_TYPES)
    assert sorted(set(QUAD_CLASS.values())) == [1, 2, 3, 4]


def test_lexicon_has_entries_for_every_type_with_examples_and_known_codes() -> None:
    lexicon = load_lexicon()
    entries = lexicon.entries()
    assert {e.type for e in entries} == set(PLOVER_TYPES)
    for entry in entries:
        assert entry.example.strip(), entry.name
        assert cameo_entry(entry.cameo) is not None, entry.name
        assert all(lemma == lemma.lower() for lemma in entry.lemmas)
    verbs_by_type = {e.type for e in entries if e.pos == "verb"}
    assert verbs_by_type == set(PLOVER_TYPES)


def test_lexicon_lookups_are_by_lemma() -> None:
    lexicon = load_lexicon()
    assert "condemn" in lexicon.verbs and lexicon.verbs["condemn"][0].type == "ACCUSE"
    assert lexicon.nouns["talk"][0].type == "CONSULT"
    assert lexicon.adjs["ready"][0].intent
    # Entries that need an object are tried before the bare verb.
    send = lexicon.verbs["send"]
    assert all(e.objects for e in send)
    assert send[0].type == "AID" and "peacekeeping" in (send[0].objects or ())


def test_context_cues_and_modality_cues_are_loaded() -> None:
    lexicon = load_lexicon()
    assert lexicon.context_cues["security"] == "military"
    assert lexicon.context_cues["gas"] == "energy"
    assert "no" in lexicon.modality["negation"]
    assert "could" in lexicon.modality["hypothetical_modals"]
    assert set(lexicon.context_cues.values()) <= set(context_domains())


def test_a_bare_yaml_boolean_is_refused() -> None:
    with pytest.raises(KnowledgeBaseError):
        _entries_of(
            "bad.yaml", {"type": "AGREE", "entries": [{"verbs": [True], "cameo": "030", "example": "x"}]}
        )


def test_an_entry_without_example_or_with_unknown_code_is_refused() -> None:
    with pytest.raises(KnowledgeBaseError):
        _entries_of("bad.yaml", {"type": "AGREE", "entries": [{"verbs": ["agree"], "cameo": "030"}]})
    with pytest.raises(KnowledgeBaseError):
        _entries_of(
            "bad.yaml", {"type": "AGREE", "entries": [{"verbs": ["agree"], "cameo": "999", "example": "x"}]}
        )
    with pytest.raises(KnowledgeBaseError):
        _entries_of("bad.yaml", {"type": "NOPE", "entries": []})
