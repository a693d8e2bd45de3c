"""Who answers in a Wikinews interview: the person whose initials label the answers ("NG:" is the article's
Natasha Gownaris), and the one person who gives the unlabelled answers after the interviewer's questions (the
one named in the other answers' labels, else the one person of the article the title names)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from realpolitik.annotate import doc_ents
from realpolitik.model import Mention, Speaker

INITIALS = re.compile(r"[A-Z]{2,3}")  # an interviewee's initials as the label of their answers ("NG:")


def spelled_initials(doc: Doc, initials: str) -> tuple[int, int] | None:
    """The first mention of the one person of the article whose names have these initials."""
    found: dict[str, tuple[int, int]] = {}
    for ent in doc_ents(doc):
        words = ent.text.split()
        if (
            ent.label_ == "PERSON"
            and len(words) == len(initials)
            and all(w[:1] == c for w, c in zip(words, initials, strict=True))
        ):
            found.setdefault(" ".join(words), (ent.start_char, ent.end_char))
    return next(iter(found.values())) if len(found) == 1 else None


def interviewee(
    doc: Doc,
    title: str,
    speakers: Iterable[Speaker | None],
    surname: Callable[[str], str],
    known_person: Callable[[tuple[int, int]], Mention | None],
) -> Speaker | None:
    """Who answers an interview's unlabelled answers: the one person its other answers are labelled with, else
    the one person of the article the title names ("Zara Kay tells Wikinews about ..."); nobody where there
    are several ("Neuroscientists tell Wikinews ..."). ``surname`` gives a name's comparable surname,
    ``known_person`` the resolved person on a span."""
    named = {s.name: s for s in speakers if s is not None and s.type == "actor" and s.name}
    if named:
        return next(iter(named.values())) if len(named) == 1 else None
    people: dict[str, tuple[int, int]] = {}
    for ent in doc_ents(doc):
        last = surname(ent.text)
        if (
            ent.label_ == "PERSON"
            and len(ent.text.split()) >= 2
            and last
            and re.search(rf"\b{re.escape(last)}\b", title, re.I)
        ):
            people.setdefault(last, (ent.start_char, ent.end_char))
    if len(people) != 1:
        return None
    ((start, end),) = people.values()
    person = known_person((start, end))
    if person is not None and person.code:
        return Speaker(
            name=person.name,
            type="actor",
            code=person.code,
            sector=person.sector,
            start=start,
            end=end,
            actor_id=person.actor_id,
        )
    return Speaker(name=doc.text[start:end], type="actor", start=start, end=end)
