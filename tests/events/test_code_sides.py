"""The other side of what a speaker reports (hand-built parses, no spaCy model): in the statement of an
organisation's meeting, a joint act the speaker reports as done is done with the organisation the text is
speaking of; in a readout of three participants, "we" or "the three leaders" doing a joint act are all three."""

from __future__ import annotations

from dataclasses import replace

from helpers import parse
from realpolitik.events.coder import code_events
from realpolitik.model import Article, Mention

_PUTIN = {"actor_id": "person:vladimir-putin", "code": "RUS", "sector": "GOV", "name": "Vladimir Putin"}


def _participant(article: Article, code: str, kind: str, via: str) -> Mention:
    return Mention(article.id, 0, 0, code, actor_id=code, code=code, name=code, kind=kind, via=via)  # type: ignore[arg-type]


def _speaker(article: Article, start: int, text: str) -> Mention:
    return Mention(article.id, start, start + len(text), text, kind="person", via="speaker", **_PUTIN)  # type: ignore[arg-type]


def _coded(spec: str, title: str, participants: list[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Asserted events of the one-sentence ``spec`` in an article titled ``title`` whose participants are (code,
    kind, via): "we" and "I" are the speaker, Vladimir Putin; "Xi" is Xi Jinping; an upper-case word is an
    organisation ("EAEU")."""
    doc, article, mentions = parse(spec)
    article = replace(article, title=title, source="kremlin.ru", url="http://en.kremlin.ru/events/1")
    found = [_participant(article, *p) for p in participants]
    for token in doc:
        if token.lower_ in ("we", "i", "my"):
            found.append(_speaker(article, token.idx, token.text))
        elif token.text == "Xi":
            found.append(
                Mention(
                    article.id,
                    token.idx,
                    token.idx + 2,
                    "Xi",
                    actor_id="person:xi-jinping",
                    code="CHN",
                    sector="GOV",
                    name="Xi Jinping",
                    kind="person",
                )
            )
        elif token.text.isupper() and len(token.text) > 2:
            found.append(
                Mention(
                    article.id,
                    token.idx,
                    token.idx + len(token.text),
                    token.text,
                    actor_id=token.text,
                    code=token.text,
                    name=token.text,
                    kind="igo",
                )
            )
    return {
        (e.type, e.source.code or "", e.target.code or "")
        for e in code_events(doc, article, [*mentions, *found])
        if e.modality == "asserted" and e.source and e.source.code and e.target and e.target.code
    }


_SUMMIT = "Press statement following CIS summit"
_CIS = [("RUS", "person", "publisher"), ("CIS", "igo", "title")]

_AGREED = """
We we PRON PRP nsubj 1
agreed agree VERB VBD ROOT 1
to to PART TO aux 3
expand expand VERB VB xcomp 1
cooperation cooperation NOUN NN dobj 3
. . PUNCT . punct 1
"""


def test_a_joint_act_the_speaker_reports_as_done_at_an_organisations_meeting_is_done_with_it() -> None:
    assert ("AGREE", "RUS", "CIS") in _coded(_AGREED, _SUMMIT, _CIS)


def test_the_organisation_named_ahead_of_the_verb_is_the_one_the_act_is_done_with() -> None:
    spec = """
At at ADP IN prep 4
the the DET DT det 3
EAEU EAEU PROPN NNP compound 3
meeting meeting NOUN NN pobj 0
we we PRON PRP nsubj 5
discussed discuss VERB VBD ROOT 5
trade trade NOUN NN dobj 5
. . PUNCT . punct 5
"""
    assert ("CONSULT", "RUS", "EAEU") in _coded(spec, _SUMMIT, _CIS)
    assert ("CONSULT", "RUS", "CIS") not in _coded(spec, _SUMMIT, _CIS)


def test_what_the_speaker_advocates_or_will_do_is_no_act_with_the_organisation() -> None:
    advocate = """
We we PRON PRP nsubj 1
support support VERB VBP ROOT 1
free free ADJ JJ amod 3
trade trade NOUN NN dobj 1
. . PUNCT . punct 1
"""
    assert not any(target == "CIS" for _, _, target in _coded(advocate, _SUMMIT, _CIS))


def test_without_an_organisation_in_the_title_a_speakers_act_keeps_no_target() -> None:
    assert not any(target for _, _, target in _coded(_AGREED, "Press statement", _CIS[:1]))


_TRILATERAL = "Meeting between leaders of Russia, India and China"
_RIC = [("RUS", "person", "publisher"), ("IND", "state", "title"), ("CHN", "state", "title")]

_DISCUSSED = """
We we PRON PRP nsubj 1
discussed discuss VERB VBD ROOT 1
trade trade NOUN NN dobj 1
. . PUNCT . punct 1
"""


def _pairs(events: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset((s, t)) for _, s, t in events}


def test_we_in_a_readout_of_three_participants_doing_a_joint_act_are_all_three() -> None:
    events = _coded(_DISCUSSED, _TRILATERAL, _RIC)
    assert {kind for kind, _, _ in events} == {"CONSULT"}
    assert _pairs(events) == {frozenset(p) for p in (("RUS", "IND"), ("RUS", "CHN"), ("IND", "CHN"))}


def test_a_one_sided_act_of_we_in_a_readout_of_three_is_not_made_joint() -> None:
    spec = """
We we PRON PRP nsubj 1
condemned condemn VERB VBD ROOT 1
terrorism terrorism NOUN NN dobj 1
. . PUNCT . punct 1
"""
    assert _pairs(_coded(spec, _TRILATERAL, _RIC)) == set()


def test_we_in_a_readout_of_two_keeps_the_other_side_as_counterpart() -> None:
    events = _coded(_DISCUSSED, "Meeting with President of China", _RIC[::2])
    assert _pairs(events) == {frozenset(("RUS", "CHN"))}


def test_a_subject_that_is_more_than_the_speaker_does_not_act_with_the_organisation() -> None:
    spec = """
My my PRON PRP$ poss 1
colleagues colleague NOUN NNS nsubj 4
and and CCONJ CC cc 1
I I PRON PRP conj 1
discussed discuss VERB VBD ROOT 4
trade trade NOUN NN dobj 4
. . PUNCT . punct 4
"""
    assert not any(target == "CIS" for _, _, target in _coded(spec, _SUMMIT, _CIS))


def test_two_of_three_participants_or_a_bilateral_act_is_not_made_an_act_of_all_three() -> None:
    bilateral = """
We we PRON PRP nsubj 1
held hold VERB VBD ROOT 1
bilateral bilateral ADJ JJ amod 3
talks talk NOUN NNS dobj 1
. . PUNCT . punct 1
"""
    assert len(_pairs(_coded(bilateral, _TRILATERAL, _RIC))) < 3


def test_a_fight_of_we_in_a_readout_of_three_is_not_made_an_act_of_all_three() -> None:
    spec = """
We we PRON PRP nsubj 1
fought fight VERB VBD ROOT 1
terrorists terrorist NOUN NNS dobj 1
. . PUNCT . punct 1
"""
    assert _pairs(_coded(spec, _TRILATERAL, _RIC)) == set()


def test_an_organisation_named_ahead_of_the_verb_without_a_meeting_is_not_where_we_are() -> None:
    spec = """
Since since ADP IN prep 3
USSR USSR PROPN NNP pobj 0
we we PRON PRP nsubj 3
discussed discuss VERB VBD ROOT 3
trade trade NOUN NN dobj 3
. . PUNCT . punct 3
"""
    events = _coded(spec, _SUMMIT, _CIS)
    assert ("CONSULT", "RUS", "USSR") not in events
    assert ("CONSULT", "RUS", "CIS") in events


def test_the_topic_of_talks_in_a_readout_is_not_their_other_party() -> None:
    # "The two leaders discussed a number of current issues": "a number", placed in the sentence's only state,
    # made a self-dyad; the talks are with the other side of the readout.
    spec = """
Xi Xi PROPN NNP nsubj 1
discussed discuss VERB VBD ROOT 1
a a DET DT det 3
number number NOUN NN dobj 1
of of ADP IN prep 3
issues issue NOUN NNS pobj 4
. . PUNCT . punct 1
"""
    assert _pairs(_coded(spec, "Meeting with President of China", _RIC[::2])) == {frozenset(("RUS", "CHN"))}
