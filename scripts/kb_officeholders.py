"""Office holders 2000-2026 (``scripts/kb/officeholders/*.jsonl``, format in ``scripts/kb/README.md``): validate
the tenure records (fields, ISO3 and IGO codes, dates, no two holders of one office at once), group them into
people, and turn the people into knowledge-base person records with dated roles. Used by ``build_kb.py``.

A person is every tenure that shares a name (or a spelling of it: same transliteration skeleton) in countries
that can be one person's: the same state, a state and an IGO (a prime minister who became NATO's secretary-
general), or a state and its successor (Sudan and South Sudan). Two people of one name in two states (Pedro
Sánchez of Spain and of Colombia) stay two.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry
from kb_curated import slug

from realpolitik.actors.variants import plain, skeleton, variants

OFFICES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "head",
    "party_leader",
)
IGOS = frozenset(
    ["UN", "NATO", "EU", "AU", "ECOWAS", "ASEAN", "SCO", "CSTO", "EAEU", "CIS", "OPEC", "IMF", "WB", "WHO"]
)
FIELDS = frozenset(
    {"office", "country", "title", "name", "aliases", "start", "end", "acting", "precision", "source"}
)
HORIZON = date(2026, 11, 30)
SUCCESSORS = ({"SDN", "SSD"}, {"SRB", "MNE"}, {"IDN", "TLS"})  # a person may hold office in both
# Sector of each office's role: a defence minister acts for the armed forces (as the curated records have it).
SECTORS = {"defence_minister": "MIL", "head": None}
# fmt: off
# Words that open a titled form ("King Abdullah II", "Sheikh Tamim"): a title, not a first name.
TITLES = {"king", "queen", "prince", "princess", "crown", "sheikh", "sheikha", "shaikh", "emir", "amir", "sultan",
    "president", "prime", "premier", "chancellor", "general", "gen.", "field", "marshal", "ayatollah", "grand",
    "mullah", "dr", "dr.", "sir", "dame", "lord", "lady", "baroness", "mr", "mr.", "mrs", "ms", "colonel", "col.",
    "lt.", "major", "admiral", "imam", "hojatoleslam", "archbishop", "chairman", "tun", "datuk", "dato", "haji",
    "his", "her", "hrh", "captain", "capt.", "brigadier", "commander", "maulana", "pope", "cardinal", "emperor"}
# Countries whose names put the family name first ("Xi Jinping" is Xi), and where news calls a person by the
# first name ("Abiy Ahmed" is Abiy).
FAMILY_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM"}
GIVEN_NAME = {"ETH", "ERI", "ISL", "MMR", "THA", "SOM"}
GULF = {"KWT", "QAT", "ARE", "BHR", "SAU", "OMN"}
HISPANIC = {"ESP", "MEX", "ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "GTM", "HND", "NIC", "PAN",
    "PER", "PRY", "SLV", "URY", "VEN", "GNQ"}
# Transliteration families: Russian, Central Asian, Caucasian, Arabic, Persian, Chinese, Turkic names.
TRANSLITERATED = {"RUS", "BLR", "UKR", "KAZ", "KGZ", "TJK", "TKM", "UZB", "AZE", "ARM", "GEO", "MDA", "MNG", "TUR",
    "IRN", "AFG", "PAK", "CHN", "TWN", "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MAR",
    "MRT", "OMN", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TUN", "ARE", "YEM", "CSTO", "EAEU", "CIS", "SCO"}
# fmt: on
PARTICLES = {
    "al",
    "el",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "le",
    "la",
    "ter",
    "bin",
    "ibn",
    "bint",
    "ould",
    "abu",
}  # fmt: skip
_ROMAN = re.compile(r"^[IVX]+$")
_ISO3 = frozenset(c.alpha_3 for c in pycountry.countries) | {"XKX"}


@dataclass
class Tenure:
    office: str
    country: str
    title: str
    name: str
    aliases: list[str]
    start: date
    end: date | None
    acting: bool
    precision: str
    source: str
    where: str

    @property
    def is_igo(self) -> bool:
        return self.country in IGOS


@dataclass
class Person:
    tenures: list[Tenure] = field(default_factory=list)

    @property
    def name(self) -> str:
        return max(self.tenures, key=lambda t: (t.end or date.max, t.start)).name

    @property
    def countries(self) -> set[str]:
        return {t.country for t in self.tenures}


def _fail(where: str, message: str) -> SystemExit:
    return SystemExit(f"{where}: {message}")


def _day(raw: Any, where: str, name: str) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _fail(where, f"field {name!r}: not a YYYY-MM-DD date: {raw!r}") from None


def read_tenures(folder: Path) -> list[Tenure]:
    """Every tenure of ``folder/*.jsonl``, validated; a mistake stops the build with file:line."""
    out: list[Tenure] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _fail(where, f"invalid JSON: {exc.msg}") from None
            out.append(_tenure(raw, where))
    check_overlaps(out)
    return out


def _tenure(raw: dict[str, Any], where: str) -> Tenure:
    unknown = sorted(set(raw) - FIELDS)
    if unknown:
        raise _fail(where, f"unknown field {unknown[0]!r}")
    for name in ("office", "country", "title", "name", "start", "source"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise _fail(where, f"field {name!r} is required")
    if raw["office"] not in OFFICES:
        raise _fail(where, f"field 'office': {raw['office']!r} is not one of {', '.join(OFFICES)}")
    country = raw["country"]
    if country not in _ISO3 and country not in IGOS:
        raise _fail(where, f"field 'country': {country!r} is neither ISO 3166 alpha-3 nor a known IGO")
    start = _day(raw["start"], where, "start")
    end = _day(raw["end"], where, "end") if raw.get("end") is not None else None
    if end is not None and end <= start:
        raise _fail(where, f"field 'end': {end} is not after the start {start}")
    if (end or HORIZON) < date(2000, 1, 1) or start > HORIZON:
        raise _fail(where, "the tenure does not overlap 2000-01-01 .. 2026-11-30")
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise _fail(where, "field 'aliases': a list of names")
    if raw.get("precision", "day") not in ("day", "month", "year"):
        raise _fail(where, "field 'precision': day, month or year")
    if not isinstance(raw.get("acting", False), bool):
        raise _fail(where, "field 'acting': true or false")
    name = " ".join(raw["name"].split())
    cleaned = list(dict.fromkeys(" ".join(a.split()) for a in aliases if " ".join(a.split()) != name))
    return Tenure(
        raw["office"],
        country,
        " ".join(raw["title"].split()),
        name,
        cleaned,
        start,
        end,
        raw.get("acting", False),
        raw.get("precision", "day"),
        raw["source"].strip(),
        where,
    )


def check_overlaps(tenures: list[Tenure]) -> None:
    """No two holders of one office of one country at once (the end of one is the start of the next, or later)."""
    by_office: dict[tuple[str, str], list[Tenure]] = defaultdict(list)
    for t in tenures:
        by_office[(t.country, t.office)].append(t)
    for key, held in by_office.items():
        held.sort(key=lambda t: (t.start, t.end or date.max))
        for a, b in pairwise(held):
            if a.end is None or a.end > b.start:
                raise _fail(
                    b.where,
                    f"{key}: {b.name} from {b.start} overlaps {a.name} ({a.start}..{a.end}, {a.where})",
                )


def _titled(name: str, own: str) -> bool:
    first = name.split()[0].lower()
    return first in TITLES and own.split()[0].lower() != first


def _compatible(a: set[str], b: set[str]) -> bool:
    states_a, states_b = {c for c in a if c not in IGOS}, {c for c in b if c not in IGOS}
    if not states_a or not states_b or states_a & states_b:
        return True
    return any(states_a | states_b <= pair for pair in SUCCESSORS)


def people(tenures: list[Tenure]) -> list[Person]:
    """Tenures grouped into people: linked by a shared name or a spelling of it, in compatible countries."""
    ordered = sorted(tenures, key=lambda t: (t.start, t.where))
    parent = list(range(len(ordered)))
    countries = [{t.country} for t in ordered]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(ordered):
        for n in _plain_names(t):
            by_key[plain(n).casefold()].append(i)
            by_key["~" + skeleton(n).replace(" ", "")].append(i)
    for members in by_key.values():
        for i in members[1:]:
            a, b = root(members[0]), root(i)
            if a != b and _compatible(countries[a], countries[b]):
                parent[b] = a
                countries[a] |= countries[b]
    groups: dict[int, Person] = {}
    for i, t in enumerate(ordered):
        groups.setdefault(root(i), Person()).tenures.append(t)
    return list(groups.values())


def _plain_names(t: Tenure) -> list[str]:
    """The untitled names of a tenure with at least two words (one word alone is a surname or a nickname)."""
    return [n for n in (t.name, *t.aliases) if len(n.split()) >= 2 and not _titled(n, t.name)]


def _role(t: Tenure) -> dict[str, Any]:
    title = t.title
    if t.acting and not re.match(r"(?i)(acting|interim|transitional|caretaker)\b", title):
        title = f"Acting {title}"
    return {
        "title": title,
        "country": t.country,
        "sector": None if t.is_igo else SECTORS.get(t.office, "GOV"),
        "start": t.start.isoformat(),
        "end": t.end.isoformat() if t.end else None,
        "office": t.office,
    }


def surname_forms(name: str, country: str) -> list[str]:
    """The short forms news calls a person by alone ("Tokayev", "Xi", "von der Leyen", "López Obrador",
    "Abiy"), before filtering: a one-word name, a name with a regnal number or a patronymic ("Mohammed bin
    Salman": "Salman" is his father) has none."""
    words = name.split()
    if len(words) < 2 or _ROMAN.match(words[-1]) or any(w.lower() in ("bin", "ibn", "bint") for w in words):
        return []
    if len(words) == 2 and words[0].lower() in PARTICLES:
        return []  # "Abu Mazen", "Al Thani": a name of its own, not a surname with a first name
    if country in FAMILY_FIRST:
        return [words[0]]
    if country in GIVEN_NAME:
        return [words[0]]
    if country in HISPANIC and len(words) >= 3 and words[-2].lower() not in PARTICLES:
        return [" ".join(words[-2:])]
    if country in GULF and (words[-2].lower() == "al" or re.match(r"(?i)^al-", words[-1])):
        return []  # "Al-Sabah", "Al Thani": a ruling family, not one person
    tail = [words[-1]]
    i = len(words) - 2
    while i > 0 and words[i].lower() in PARTICLES:
        tail.insert(0, words[i])
        i -= 1
    out = [" ".join(tail)]
    if tail[0].lower() in ("al", "el") or re.match(r"(?i)^(al|el)-", tail[0]):
        out.append(re.sub(r"(?i)^(?:al|el)[- ]", "", out[0]))  # "al-Assad" and "Assad"
    return out


def person_record(person: Person) -> dict[str, Any]:
    """The knowledge-base record of one person (its id is its name's slug until ``kb_people`` settles it)."""
    name = person.name
    tenures = sorted(person.tenures, key=lambda t: (t.start, t.office))
    state = [t for t in tenures if not t.is_igo]
    home = (max(state, key=lambda t: t.start) if state else tenures[-1]).country
    aliases: list[str] = []
    for t in tenures:
        for n in (t.name, *t.aliases):
            if n != name and n not in aliases:
                aliases.append(n)
    transliterated = any(t.country in TRANSLITERATED for t in tenures)
    if transliterated and len(name.split()) >= 2:
        aliases.extend(v for v in variants(name, 4) if v not in aliases and v != name)
    if plain(name) != name and plain(name) not in aliases:
        aliases.append(plain(name))
    short: list[str] = []
    for n in [name, *[a for a in aliases if not _titled(a, name)]]:
        if home in FAMILY_FIRST and n != name:
            continue  # "William Lai" is Lai Ching-te: only his own name says which word is the family name
        for s in surname_forms(n, home):
            for v in variants(s, 6) if transliterated else [s, plain(s)]:
                if v not in short:
                    short.append(v)
    single = [a for a in aliases if len(a.split()) == 1]
    short.extend(s for s in single if s not in short and _is_surname(s, [name, *aliases]))
    aliases = [a for a in aliases if a not in short]
    return {
        "id": f"person:{slug(plain(name))}",
        "kind": "person",
        "name": name,
        "aliases": aliases,
        "surnames": short,
        "code": home,
        # out of office (before, between and after the dated roles) a political figure: CAMEO's elite
        "sector": "ELI" if home not in IGOS else None,
        "roles": [_role(t) for t in tenures],
    }


def _is_surname(word: str, names: list[str]) -> bool:
    key = skeleton(word)
    return any(len(n.split()) >= 2 and skeleton(n.split()[-1]) == key for n in names)
