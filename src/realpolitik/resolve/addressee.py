"""Who "you" is in the transcript of a meeting between two participants: the other one. In "Meeting with
President of India Narendra Modi", Modi's "You came to India last year" speaks to Putin, and Putin's "I thank
you" to Modi. Only where every turn is one of the two participants' (a news conference's "you" is a
journalist; a third speaker's "you" may be either side)."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.model import Mention
from realpolitik.ontology import cues

SECOND_PERSON = cues.words("second_person")


def two_participants(participants: Sequence[Mention]) -> dict[str, Mention]:
    """The participants of a two-sided encounter by code (the first mention of each), or {} if not two."""
    found: dict[str, Mention] = {}
    for m in participants:
        if m.code and m.kind != "igo":
            found.setdefault(m.code, m)
        elif m.kind == "igo":
            return {}
    return found if len(found) == 2 else {}


def addressee(
    at: int, turns: Sequence[tuple[int, Mention | None]], sides: dict[str, Mention]
) -> Mention | None:
    """The participant a "you" at character ``at`` speaks to: the side other than its turn's speaker, when
    every turn of the transcript is one of the two sides'."""
    if not sides or not turns or any(s is None or s.code not in sides for _, s in turns):
        return None
    turn = next((t for t in reversed(turns) if t[0] <= at), None)
    if turn is None or turn[1] is None:
        return None
    others = [m for code, m in sides.items() if code != turn[1].code]
    return others[0] if len(others) == 1 else None


__all__ = ["SECOND_PERSON", "addressee", "two_participants"]
