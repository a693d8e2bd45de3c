"""Rules as data: cue classes, rewrites, reported acts and readings load from YAML, refuse mistakes with file,
line and field, and the rewrite engine turns a literal reading into the event it is."""

from __future__ import annotations

import pytest

from realpolitik.errors import KnowledgeBaseError
from realpolitik.events.rewrites import Reading, rewrite
from realpolitik.ontology import cameo_entry, cues
from realpolitik.ontology.cues import parse_cues
from realpolitik.ontology.lexicon import load_lexicon
from realpolitik.ontology.rules import parse_rules
from realpolitik.ontology.yamlfile import load_yaml


def _ok(code: str) -> bool:
    return cameo_entry(code) is not None


def _rules(text: str):  # type: ignore[no-untyped-def]
    return parse_rules(load_yaml(text, file="user.yaml"), file="user.yaml", cameo_ok=_ok)


def test_bundled_cues_are_unique_classes_with_words() -> None:
    classes = cues.cue_classes()
    assert {"honorifics", "target_prepositions", "speech_verbs", "crowd_nouns"} <= set(classes)
    assert cues.ordered("target_prepositions")[:3] == ("against", "with", "to")  # best first
    assert cues.mapping("pair_nouns")["leaders"] == "person"
    assert all(c.about and (c.words or c.map) for c in classes.values())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("crowds:\n  words: [mob]\n", "user.yaml:2: field 'about'"),
        ("crowds:\n  about: x\n  words: [mob, mob]\n", "user.yaml:3: field 'words'"),
        ("crowds:\n  about: x\n  words: [yes]\n", "user.yaml:3: field 'words'"),
        ("crowds:\n  about: x\n", "exactly one of 'words' or 'map'"),
    ],
)
def test_a_bad_cue_class_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_cues(load_yaml(text, file="user.yaml"), file="user.yaml")


def test_bundled_rules_load() -> None:
    rules = load_lexicon().rules
    names = [r.name for r in rules.rewrites]
    # what is no event at all is decided first; an intention is read after its modality is settled
    assert (
        names.index("courtesy-thanks") < names.index("protest-violently") < names.index("conditional-threat")
    )
    assert names.index("narrated-future") < names.index("intent-to-cooperate")
    assert names.index("performative") < names.index("intent-to-cooperate")
    assert rules.reactions == {"ACCUSE", "PROTEST", "SUPPORT", "REJECT"}
    assert [r.name for r in rules.reported] == ["REQUEST/say-must", "ACCUSE/say-responsible"]
    assert rules.failure is not None and rules.failure.type == "REJECT"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rewrites:\n  - name: x\n    when: {kind: AID}\n    then: {type: AGREE}\n    example: e\n", "user.yaml:3"),
        ("rewrites:\n  - name: x\n    then: {type: AGREEMENT}\n    example: e\n", "field 'then.type'"),
        ("rewrites:\n  - name: x\n    then: {cameo: '9999'}\n    example: e\n", "unknown CAMEO code"),
        ("rewrites:\n  - name: x\n    then: {type: AGREE}\n", "user.yaml:2: field 'example'"),
        ("rewrites:\n  - name: x\n    when: {governor_in: nothing}\n    then: {type: AGREE}\n    example: e\n",
         "no cue class 'nothing'"),
        ("reported:\n  - {type: ACCUSE, cameo: '112', speech: saying_verbs, example: e}\n", "aux words"),
    ],
)  # fmt: skip
def test_a_bad_rule_is_refused_with_its_line(text: str, message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message):
        _rules(text)


def _reading(**fields: object) -> Reading:
    base: dict[str, object] = {"type": "AID", "cameo": "070", "modality": "asserted", "cue": None}
    base.update(act="send + troop", rule="aid: send + troop")
    base.update(fields)
    return Reading(**base)  # type: ignore[arg-type]


def test_an_intention_to_cooperate_is_an_asserted_agree_coded_by_domain() -> None:
    rewrites = load_lexicon().rules.rewrites
    done, fired = rewrite(_reading(by="ready", domain="security"), rewrites)
    assert (done.type, done.cameo, done.modality, done.rule) == (
        "AGREE",
        "0332",
        "asserted",
        "intent-to-aid: ready + send + troop",
    )
    assert fired == ["intent-to-cooperate"]
    plain, fired = rewrite(_reading(type="COOPERATE", cameo="060", domain="economy"), rewrites)
    assert (plain.type, plain.cameo, fired) == ("COOPERATE", "061", ["domain-cameo"])


def test_a_refusal_stops_and_an_announced_force_is_a_threat() -> None:
    rewrites = load_lexicon().rules.rewrites
    refused, _ = rewrite(
        _reading(type="CONSULT", cameo="040", modality="negated", cue="negation", future=True), rewrites
    )
    assert (refused.type, refused.cameo, refused.modality, refused.cue) == ("REJECT", "125", "asserted", None)
    threat, _ = rewrite(_reading(type="ASSAULT", cameo="190", future=True), rewrites)
    assert (threat.type, threat.cameo) == ("THREATEN", "138")
    violent, _ = rewrite(_reading(type="ASSAULT", cameo="190", crowd=True), rewrites)
    assert (violent.type, violent.cameo, violent.rule) == (
        "PROTEST",
        "145",
        "protest-violently: send + troop",
    )


def test_user_rewrites_run_before_ours() -> None:
    user = _rules(
        "rewrites:\n  - name: mine\n    when: {type: AID}\n    then: {type: SUPPORT, cameo: '051'}\n"
        "    stop: true\n    example: e\n"
    )
    rules = load_lexicon().rules.merged(user)
    done, fired = rewrite(_reading(by="ready"), rules.rewrites)
    assert (done.type, fired) == ("SUPPORT", ["mine"])


def test_an_agenda_announced_for_the_meeting_under_way_is_dropped_another_occasion_is_not() -> None:
    rewrites = load_lexicon().rules.rewrites
    talks = {
        "type": "CONSULT",
        "cameo": "040",
        "act": "discuss",
        "rule": "consult: discuss",
        "lemma": "discuss",
    }
    agenda, fired = rewrite(
        _reading(**talks, future=True, subject="we", words=frozenset({"we", "detail"})), rewrites
    )
    assert agenda.drop and fired[-1] == "agenda-announced"
    later, _ = rewrite(
        _reading(**talks, future=True, subject="we", words=frozenset({"we", "tomorrow"})), rewrites
    )
    assert (later.drop, later.type, later.cameo) == (False, "AGREE", "036")
    narrated, _ = rewrite(_reading(**talks, future=True, subject="they", own_word=False), rewrites)
    assert not narrated.drop  # "the leaders will discuss ...": a schedule (narrated-future), not our agenda


def test_the_new_conditions_are_checked_on_load() -> None:
    with pytest.raises(KnowledgeBaseError, match="no cue class 'nothing'"):
        _rules(
            "rewrites:\n  - name: x\n    when: {subject_in: nothing}\n    then: {drop: true}\n    example: e\n"
        )


def test_a_cue_condition_takes_a_list_of_classes_and_checks_each() -> None:
    rules = _rules(
        "rewrites:\n  - name: x\n    when: {clause_lacks: [cooperation_fields, agreement_verbs]}\n"
        "    then: {drop: true}\n    example: e\n"
    )
    agreed, _ = rewrite(_reading(words=frozenset({"we", "agree", "continue"})), rules.rewrites)
    field, _ = rewrite(_reading(words=frozenset({"we", "energy", "continue"})), rules.rewrites)
    bare, _ = rewrite(_reading(words=frozenset({"we", "continue"})), rules.rewrites)
    assert (agreed.drop, field.drop, bare.drop) == (False, False, True)
    with pytest.raises(KnowledgeBaseError, match="no cue class 'nothing'"):
        _rules(
            "rewrites:\n  - name: x\n    when: {clause_has: [agreement_verbs, nothing]}\n"
            "    then: {drop: true}\n    example: e\n"
        )
