"""The data model: one definition of every record, shared by every stage, table and output.

Records are frozen dataclasses. Spans (``start``/``end``) are character offsets into ``Article.text``,
never copies; the ``text`` fields that outputs show are derived from the article when a record is rendered.
The store schema (``realpolitik.store.schema``) is derived from these classes in one place.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical"]
SpeakerType = Literal["actor", "anonymous_expert", "anonymous_official", "group", "unknown"]
StatementForm = Literal["direct", "indirect", "mixed"]
ActorKind = Literal["state", "person", "igo", "ngo", "armed_group", "company", "group", "region", "agent"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
DOMAINS: tuple[str, ...] = ("security", "economy", "diplomacy", "society", "unspecified")
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical")

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The form of an article's text that identity and exact deduplication are computed on."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, stable hex id from the given parts (same parts, same id, on every machine)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:length]


def article_id_for(text: str) -> str:
    return stable_id("article", normalise_text(text))


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    lang: str = "en"
    author: str | None = None
    duplicate_of: str | None = None
    input_ref: str | None = None  # where it came from: path, path:line, or URL

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Article:
        """An article whose id is the stable hash of its normalised text, unless an id is given."""
        given = fields.pop("id", None)
        return cls(id=str(given) if given else article_id_for(text), text=text, **fields)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    """An office held by a person: ``title`` (e.g. "President"), for ``country``, with ``sector``, between dates;
    ``office`` is the kind of office where the knowledge base knows it (``head_of_state``,
    ``head_of_government``, ``foreign_minister``, ``defence_minister``, ``head`` of an IGO, ``party_leader``)."""

    title: str
    country: str | None
    sector: str | None = "GOV"
    start: date | None = None
    end: date | None = None
    office: str | None = None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Membership:
    member: str  # ISO3 of the member state
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A knowledge-base record: a state, person, organisation, region, group or sector agent."""

    id: str
    name: str
    kind: ActorKind
    code: str | None = None  # ISO3 for states and their agents, acronym for IGOs, own code for regions/groups
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    memberships: tuple[Membership, ...] = ()
    valid_from: date | None = None  # for dated names such as "Nur-Sultan"
    valid_until: date | None = None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it takes part in an event or speaks: resolved code and sector, and the words used."""

    code: str | None
    sector: str | None = None
    name: str | None = None
    text: str = ""
    start: int | None = None
    end: int | None = None
    actor_id: str | None = None
    kind: ActorKind | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article that names (or refers back to) an actor; ``actor_id`` None if unresolved."""

    article_id: str
    start: int
    end: int
    text: str
    actor_id: str | None
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    kind: ActorKind | None = None
    role: str | None = None
    score: float = 1.0
    # gazetteer, ner, agent, context, coref, unresolved; title (named in the headline); titled (a person the KB
    # does not know, given the state of the title before the name)
    via: str = "gazetteer"
    # The state the actor belongs to or acts in: its own code for a state, a state's agent or office holder;
    # for a group with its own code ("Uighurs", "Yoruba") the state the sentence places it in; None if
    # unknown or for an IGO.
    country: str | None = None

    def ref(self) -> ActorRef:
        return ActorRef(
            code=self.code,
            sector=self.sector,
            name=self.name,
            text=self.text,
            start=self.start,
            end=self.end,
            actor_id=self.actor_id,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    source: ActorRef | None
    target: ActorRef | None
    type: str
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    domain: str = "diplomacy"
    modality: Modality = "asserted"
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    confidence: float = 0.5
    rule: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    version: str = ""


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    type: SpeakerType
    code: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Stance:
    code: str
    polarity: float
    start: int | None = None  # evidence span
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    id: str
    article_id: str
    start: int
    end: int
    speaker: Speaker
    form: StatementForm = "direct"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    stances: tuple[Stance, ...] = ()
    version: str = ""


@dataclass(frozen=True, slots=True)
class Listed:
    """A stored event or statement as a listing shows it: the record, its evidence text (the span of its article
    it covers), and its article's date, title, outlet (``Article.source``) and URL."""

    record: Event | Statement
    text: str
    published: date | None = None
    article_title: str | None = None
    article_source: str | None = None
    article_url: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    input_ref: str
    stage: str
    code: str
    message: str
    time: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def id(self) -> str:
        return stable_id("failure", self.input_ref, self.stage, self.code)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline derived from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    failures: tuple[Failure, ...] = ()  # a stage that failed on this article (the rest of it is kept)


def replace(record: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` under a shorter name, for stages that refine records."""
    return dataclasses.replace(record, **changes)
