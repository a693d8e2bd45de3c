"""A wire story's dateline ("ASTANA, Sept 12 (Reuters) - ", "KYIV, Ukraine (AP) — ", "MOSCOW, Dec. 1 (Xinhua) -- "):
the place in capitals, a region or a date, an agency, and a dash that open the story's first paragraph. It is no
part of the first sentence: no actor acts in it and no one says it."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: \([A-Za-z .-]{2,30}\))? ?(?:--|[-–—]) "
)


# "DUSHANBE -- ": a city in capitals and a double hyphen (RFE/RL, Xinhua) is a dateline without region or agency;
# a single dash after capitals may be an acronym's aside ("NATO - the alliance ...")
_BARE = re.compile(r"[A-Z][A-Z'’ -]{2,30}[A-Z] -- ")


def after_dateline(text: str, start: int) -> int:
    """Where a paragraph that opens at ``start`` begins past its dateline (``start`` if it has none). Capitals and
    a dash alone are no dateline ("NATO - the alliance ..."): it needs a region, a date, an agency, or a double
    hyphen after a city ("DUSHANBE -- ")."""
    if start > 0 and text[start - 1] != "\n":
        return start
    found = _DATELINE.match(text, start)
    if found is None or not ("," in found.group() or "(" in found.group() or _BARE.fullmatch(found.group())):
        return start
    return found.end()


__all__ = ["after_dateline"]
