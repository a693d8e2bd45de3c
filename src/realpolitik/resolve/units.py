"""The pieces an actor phrase is made of: a ``Unit`` is one gazetteer hit read as an affiliation, a person, an
office or an agent word; a ``Phrase`` is the units of one actor mention ("Chinese Foreign Minister Wang Yi")."""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.actors.kb import Form
from realpolitik.model import Actor


@dataclass(slots=True)
class Unit:
    """One gazetteer hit, read as part of an actor phrase. ``people`` are the namesakes a person's name or
    surname may stand for: the phrase's office and state choose among them; ``ambiguous`` when the date alone
    left none (``actor`` is then the first)."""

    start: int
    end: int
    form: Form
    actor: Actor
    role: str  # affiliation, person, office, agent
    people: tuple[Actor, ...] = ()
    ambiguous: bool = False


@dataclass(slots=True)
class Phrase:
    start: int  # token offsets
    end: int
    units: list[Unit]
    unknown_name: tuple[int, int] | None = None
