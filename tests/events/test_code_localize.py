"""Unresolved group actors take the country of the place they act in (``coding_args.localized``)."""

from __future__ import annotations

from realpolitik.events.arguments import Argument, localized
from realpolitik.model import ActorRef

_EGYPT = ActorRef("EGY", name="Egypt", text="Cairo", start=40, end=45, kind="state")


def test_unresolved_group_takes_the_place_country_and_keeps_its_words() -> None:
    group = Argument((ActorRef(None, text="demonstrators", start=20, end=33),), "object")
    found = localized(group, _EGYPT)
    assert found is not None
    (ref,) = found.refs
    assert (ref.code, ref.text, ref.start, ref.end, ref.kind) == ("EGY", "demonstrators", 20, 33, "group")
    assert found.how == "object+place"


def test_resolved_or_placeless_arguments_are_unchanged() -> None:
    known = Argument((ActorRef("ISR", text="Israel", start=0, end=6),), "subject")
    assert localized(known, _EGYPT) is known
    group = Argument((ActorRef(None, text="rebels", start=0, end=6),), "subject")
    assert localized(group, None) is group
    assert localized(None, _EGYPT) is None


def test_relations_agreed_on_are_no_group_of_the_sentences_state() -> None:
    # "The Presidents agreed to maintain further contacts": the contacts are no Uzbek group acted on
    for words in ("further contacts", "ties", "bilateral relations"):
        relation = Argument((ActorRef(None, text=words, start=20, end=20 + len(words)),), "complement")
        assert localized(relation, _EGYPT, "sole") is relation
    people = Argument((ActorRef(None, text="Ibo elders", start=0, end=10),), "object")
    found = localized(people, _EGYPT, "sole")
    assert found is not None and found.refs[0].code == "EGY"
