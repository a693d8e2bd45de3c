"""The participants of an article that its text may not name: the actors of its title ("President Vladimir Putin
met with Tajik President Emomali Rakhmonov") and the office holder its publisher speaks for (kremlin.ru: the
President of Russia on the article's date). They are mentions with an empty span at 0 and ``via`` "title" or
"publisher"; coreference resolves "the two leaders", "they" and first-person text to them, and the coder takes
the other participant as the counterpart of an act with no target named ("We discussed trade"). Also here: the
mentions that are a transcript's labels, whose "he" is somebody else."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.model import Article, Mention, replace
from realpolitik.ontology import cues

# a state body named in the title ("Director of Chinese Communist Party General Office Li Zhanshu") is its state's side
_KINDS = ("person", "state", "igo", "agent")


def publisher_holder(kb: KnowledgeBase, article: Article, day: date) -> Mention | None:
    """The office holder the article's publisher speaks for, on the article's date."""
    where = f"{article.url or ''} {article.source or ''}".lower()
    for host, office in cues.mapping("publisher_offices").items():
        if host not in where:
            continue
        code, _, title = office.partition(" ")
        held = kb.holder(code, title, day)
        if held is None:
            return None
        actor, role = held
        return Mention(
            article.id, 0, 0, actor.name, actor.id, role.country, role.sector, actor.name, "person",
            role.title, 0.9, "publisher", role.country,
        )  # fmt: skip
    return None


def article_participants(
    kb: KnowledgeBase, article: Article, day: date, resolve_text: Callable[[str, date], list[Mention]]
) -> list[Mention]:
    """The publisher's office holder, then the resolved actors of the title (one per actor), as empty-span
    mentions."""
    out: list[Mention] = []
    principal = publisher_holder(kb, article, day)
    if principal is not None:
        out.append(principal)
    if article.title:
        for m in resolve_text(article.title, day):
            if _placed(article.title, m):
                continue  # "met with Russian community leaders in Kazakhstan": where, not with whom
            if m.code and m.kind in _KINDS and m.via != "coref" and (m.kind != "igo" or _named_outright(m)):
                out.append(replace(m, article_id=article.id, start=0, end=0, via="title", score=0.9))
    seen: set[str] = set()
    unique = []
    for m in out:
        key = m.actor_id or m.code or ""
        if key not in seen:
            seen.add(key)
            unique.append(m)
    return unique


def _placed(title: str, m: Mention) -> bool:
    """Is a state in the title only where something happens ("community leaders in Kazakhstan", "the situation
    in Kyrgyzstan", "the election in Belarus"), not a participant? A visitor arriving ("arrived in China")
    goes to meet it."""
    if m.kind != "state":
        return False
    before = title[: m.start].lower().replace(",", " ").split()
    while before and before[-1] in ("the", "republic", "of"):
        before.pop()  # "in the Republic of Kazakhstan"
    if len(before) >= 2 and before[-1] == "to" and before[-2] in cues.words("posting_titles"):
        return True  # "Meeting with Russian Ambassador to Kazakhstan": his posting, not his side
    return len(before) >= 2 and before[-1] in ("in", "at") and before[-2] not in cues.words("arrival_verbs")


def _named_outright(m: Mention) -> bool:
    """An organisation in a title counts when named by its acronym or a long name: "Security Council" alone
    is any state's council as often as the UN's."""
    words = m.text.split()
    return len(words) >= 3 or any(w.isupper() and len(w) >= 2 for w in words)


_PAIR = re.compile(r"\b[A-Z][a-z]+-[A-Z][a-z]+\b")  # "Russia-Kazakhstan", "Russian-Chinese"


def _title_words(article: Article) -> set[str]:
    return {w.strip(".,:;\"'“”").lower() for w in (article.title or "").split()}


def is_bilateral_forum(article: Article) -> bool:
    """Does the title name a forum of two states ("Russia-Kazakhstan Interregional Cooperation Forum")?"""
    forum = bool(_title_words(article) & cues.words("bilateral_forum_words"))
    return forum and _PAIR.search(article.title or "") is not None


def is_readout(article: Article) -> bool:
    """Does the title announce an encounter of its participants (meeting, talks, call, visit, message)?"""
    return bool(_title_words(article) & cues.words("readout_words"))


_AFTER_LABEL = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?:")  # "Recep Tayyip Erdogan (retranslated):"
_MAX_LABEL = 200


def speaks_here(text: str, mention: Mention) -> bool:
    """Is ``mention`` the one speaking: a transcript turn's label ("Vladimir Putin: ...") or the speaker's own
    "I"? Whoever speaks says "I"; their "he" or "she" is somebody else."""
    if mention.via == "speaker":
        return True
    line = text.rfind("\n", 0, mention.start) + 1
    if mention.start - line > _MAX_LABEL or ". " in text[line : mention.start]:
        return False
    return bool(_AFTER_LABEL.match(text, mention.end))


def labels(text: str, name: Mention, start: int, end: int) -> bool:
    """Is ``name`` what the label ``text[start:end]`` names: all of it, its end ("Senior researcher Ivan Petrov"),
    or its start before a comma ("Ivan Petrov, senior researcher")?"""
    if not (start <= name.start and name.end <= end):
        return False
    return name.end == end or (name.start == start and text[name.end : name.end + 1] == ",")


__all__ = [
    "article_participants",
    "is_bilateral_forum",
    "is_readout",
    "labels",
    "publisher_holder",
    "speaks_here",
]
