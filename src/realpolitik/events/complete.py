"""What enters the data set: complete political events. An event of the data set has a resolved source and a
resolved target (plover.md: a resolved target wherever the act has one; of the types, only a protest or a
mobilisation may name none), neither of them a region (a place) where the act is cooperation,
the two are different actors (the same state only with different sectors: a government and its protesters; a
cooperation inside one state only with its opposition, rebels or politicians out of office, not the administration of
its businesses, universities, workers, army or parliament), and
an act between two actors is counted once (a meeting coded from both sides is one meeting)."""

from __future__ import annotations

from collections.abc import Iterable

from realpolitik.model import ActorRef, Event
from realpolitik.ontology import cues


def _side(ref: ActorRef | None) -> tuple[str | None, str | None]:
    return (ref.code, ref.sector) if ref is not None else (None, None)


# Acts that may have no one they are done to: a demonstration, a deployment ("troops were put on alert").
UNDIRECTED_ACTS = frozenset({"PROTEST", "MOBILIZE"})
# Sides a state's government negotiates with inside its own country, by sector or by what the text calls them.
CONTENDERS = frozenset({"OPP", "REB", "UAF"})  # opposition, rebels, unidentified armed forces
_CONTENDER_WORDS = cues.words("contender_words")
_POLITICAL = CONTENDERS | {"ELI", "PTY"}  # ... and politicians out of office, parties: domestic politics
# Cooperation, done with an actor, never with a place (a region takes part in coercion, concessions or force:
# "eased the curfew in Kashmir"), and inside a state never with its own companies.
_COOPERATION = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "AID", "REQUEST"})


def _contender_named(event: Event) -> bool:
    """Does a side's text name people who contend with their government ("Georgian demonstrators")?"""
    return any(
        w in _CONTENDER_WORDS
        for ref in (event.source, event.target)
        if ref is not None
        for w in _words(ref.text)
    )


def _words(text: str | None) -> list[str]:
    return [w.strip(".,;:()").lower() for w in (text or "").split()]


def is_complete(event: Event) -> bool:
    """A resolved source and target that are different actors; a protest or a mobilisation whose sentence names
    no target at all needs only its source."""
    if event.source is None or not event.source.code:
        return False
    if event.target is None:
        return event.type in UNDIRECTED_ACTS
    if not event.target.code:
        return False
    if event.type in _COOPERATION and "region" in (event.source.kind, event.target.kind):
        # no one cooperates with a place: "develop aircraft manufacturing in the Far East", "the situation in
        # Central Asia", "visited Crimea" (full-corpus store of audit 10: 2 right of 27 such events); force or
        # coercion in a region ("extended the curfew in Kashmir") is done to it
        return False
    if event.source.code != event.target.code:
        return True
    src, tgt = event.source.sector, event.target.sector
    if event.type == "REQUEST" and tgt == "JUD":
        return (
            False  # "Trump had asked the District Court to intervene": a litigant's motion, legal procedure
        )
    # "urged residents to evacuate": a government asking its population acts on civilians
    public = event.type == "REQUEST" and tgt == "CVL"
    if event.type in _COOPERATION and not ({src, tgt} & _POLITICAL or _contender_named(event) or public):
        # a government meeting, thanking, asking or helping its own businesses, universities, workers, army or
        # parliament is administration ("I want to thank the deputies of the State Duma for their work", "I offered
        # Sergei Naryshkin the post"); talks with its opposition or rebels, or politicians endorsing or urging one
        # another, are politics (docs/annotation.md)
        return False
    return src is not None and tgt is not None and src != tgt


def complete_events(events: Iterable[Event], min_confidence: float = 0.0) -> list[Event]:
    """The complete events, asserted ones at least ``min_confidence`` sure (negated and hypothetical events never
    count, and stay visible whatever their confidence: "China did not sign"), one per act: of two events of one
    type between the same two actors in one sentence (one coded from each side), the more confident is kept."""
    best: dict[tuple[object, ...], Event] = {}
    for event in events:
        if not is_complete(event) or (event.modality == "asserted" and event.confidence < min_confidence):
            continue
        pair = tuple(sorted((_side(event.source), _side(event.target)), key=str))
        key = (event.sentence_index, event.type, event.modality, pair)
        kept = best.get(key)
        if kept is None or event.confidence > kept.confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: (e.sentence_index, e.trigger_start or 0, e.id))


__all__ = ["UNDIRECTED_ACTS", "complete_events", "is_complete"]
