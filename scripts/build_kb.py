"""Regenerate the bundled actor knowledge base (src/realpolitik/actors/data/*.jsonl).

Inputs: the Phoenix/CAMEO actor and agent dictionaries (MIT), the GeoNames country table (CC BY 4.0),
pycountry (exact lookups by ISO code only), and our hand-written additions for what happened since 2014
(scripts/kb_additions.txt, see its header for the format). The outputs are committed; run this only to
regenerate them:

    .venv/bin/python scripts/build_kb.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycountry
from kb_assemble import drop_titled, filter_surnames, fold_igo_names, give_names_once, merge_organisations
from kb_curated import fold, merge_curated, parse_additions, slug
from kb_igos import igo_entries, person_records
from kb_officeholders import people, person_record, read_tenures
from kb_organisations import igo_names, organisations
from kb_people import is_surname, merge_people

from realpolitik.actors.compile import ACTING, form_key

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "realpolitik" / "actors" / "data"
ADDITIONS = Path(__file__).resolve().parent / "kb_additions.txt"
KB = Path(__file__).resolve().parent / "kb"  # the researched data: office holders, organisations, IGO names

# fmt: off
SMALL_WORDS = {"a", "al", "an", "and", "at", "bin", "da", "das", "de", "del", "der", "des", "di", "do",
    "dos", "du", "e", "el", "et", "for", "i", "ibn", "in", "la", "le", "of", "on", "the", "to", "van",
    "von", "y"}
# Phoenix IGO codes whose usual acronym is not derivable from the names.
IGO_CODES = {"IGOUNO": "UN", "IGOEUREEC": "EU", "IGOWSTNAT": "NATO", "IGOSEAASN": "ASEAN", "IGOCAS": "SCO",
    "IGOCASCIS": "CIS", "IGOEUR": "OSCE", "IGOBUSOPC": "OPEC", "IGOAFRAFU": "AU", "IGOAFROAU": "OAU",
    "IGOMEAARL": "ARABLEAGUE", "IGOBUSIMF": "IMF", "IGOUNODEVWBK": "WB", "IGOBUSWTO": "WTO", "IGOUNOHLHWHO":
    "WHO", "IGOUNOIAE": "IAEA", "IGOUNOKID": "UNICEF", "IGOUNOREFHCR": "UNHCR", "IGOJUDICC": "ICC",
    "IGOUNOJUDICJ": "ICJ", "IGOOAS": "OAS", "IGOSASSAA": "SAARC", "IGOWSTBUS": "OECD", "IGOCOPITP":
    "INTERPOL", "IGOWAFWAS": "ECOWAS", "IGOSAFDEVSAD": "SADC", "IGOEURDEVEBR": "EBRD", "IGOASADEVADB":
    "ADB", "IGOMOSOIC": "OIC", "IGOMOS": "OIC", "IGOCWN": "COMMONWEALTH", "IGOUNOLABILO": "ILO",
    "IGOUNOWFP": "WFP", "IGOUNODEV": "UNDP", "IGOEAFEAC": "EAC", "IGOCRB": "CARICOM", "IGOAFRDEVAFB":
    "AFDB", "IGOASABUS": "ECO", "IGOUNOAGRFAO": "FAO", "IGOAGR": "FAO", "IGOUNOHRIHCH": "OHCHR",
    "IGOEURBUSEFT": "EFTA", "IGONAMDEV": "IDB", "IGOMEAAMU": "AMU"}
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "OPP":
    "opposition", "CVL": "civilians", "BUS": "business", "MED": "media", "JUD": "judiciary", "LEG":
    "legislature", "CRM": "criminals", "HLH": "health", "EDU": "education", "UAF": "armed group", "SPY":
    "intelligence", "AGR": "agriculture", "LAB": "labour", "REL": "religious", "ENV": "environment", "REF":
    "refugees", "ELI": "elite", "HRI": "human rights", "NGO": "non-governmental", "PTY": "party", "DEV":
    "development"}
# CAMEO country codes that are not ISO 3166 alpha-3.
CAMEO_ISO = {"ANG": "AGO", "JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU", "UKG":
    "GBR", "TAW": "TWN", "SER": "SRB", "BOS": "BIH", "ZAI": "COD", "BUL": "BGR", "SPN": "ESP"}
ROLE_TITLES = {"GOV": "official", "MIL": "military officer", "LEG": "legislator", "JUD": "judge", "OPP":
    "opposition", "COP": "police officer", "SPY": "intelligence officer", "BUS": "business"}
# Single words that are names of places somewhere but ordinary words far more often.
COMMON = {"army", "bar", "bath", "can", "capital", "central", "chance", "chancellor", "charlotte",
    "coast", "commerce", "concord", "congress", "east", "enterprise", "federal", "florence", "freedom",
    "general", "george", "gold", "government", "hope", "independence", "island", "islands",
    "king", "kingdom", "lead", "leader", "liberty", "male", "march", "mark", "may",
    "minister", "mobile", "national", "new", "nice", "north", "page", "people", "president",
    "prince", "progress", "queen", "reading", "republic", "said", "sale", "senate", "south", "split",
    "state", "states", "union", "unity", "university", "victoria", "west", "will",
    "worms"}
ACRONYMS = {"ASEAN", "CIS", "DPRK", "EU", "IMF", "NATO", "OSCE", "PRC", "ROK", "SCO", "U.K.", "U.N.",
    "U.S.", "UAE", "UK", "UN", "US", "USA", "USSR", "WHO", "WTO"}
# Words of a Phoenix state-agency name that make it an office held by a person: our dated offices do better.
OFFICE_WORDS = {"ambassador", "chairman", "chancellor", "emir", "governor", "king", "leader", "minister",
    "premier", "president", "prime", "queen", "secretary", "spokesman", "spokeswoman", "sultan"}
# fmt: on


def smart_title(text: str) -> str:
    """Title-case an all-caps Phoenix form, keeping small words lower ("People's Republic of China")."""
    words = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if word in ACRONYMS:
            words.append(word)
            continue
        if i > 0 and low in SMALL_WORDS:
            words.append(low)
            continue
        parts = re.split(r"([-'])", low)
        out = []
        for j, p in enumerate(parts):
            if (j and parts[j - 1] == "'" and p in ("s",)) or (p in SMALL_WORDS and j > 0):
                out.append(p)
            else:
                out.append(p[:1].upper() + p[1:])
        words.append("".join(out))
    result = " ".join(words)
    result = re.sub(r"\bU\.s\.", "U.S.", result)
    return result


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_lowercase_words(news: Path) -> Counter[str]:
    """How often each word appears in lower case in the news corpus: a word common in lower case is a
    risky single-word name ("split", "nice")."""
    counts: Counter[str] = Counter()
    for path in sorted(news.glob("*.jsonl")):
        for row in load_jsonl(path):
            counts.update(w for w in re.findall(r"\b[a-z]+\b", row.get("text", "")))
    return counts


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    from realpolitik.actors.kb import KB_VERSION

    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            f"# realpolitik actor knowledge base {KB_VERSION}: generated by scripts/build_kb.py, do not edit\n"
        )
        for rec in records:
            fh.write(
                json.dumps(
                    {k: v for k, v in rec.items() if v not in (None, [], "")},
                    ensure_ascii=False,
                    separators=(",", ":"),
                )
            )
            fh.write("\n")
    print(f"wrote {len(records):6d} records to {path.relative_to(REPO)}", file=sys.stderr)


# --------------------------------------------------------------------------------------------------------
def build_states(data: Path, lower: Counter[str]) -> tuple[list[dict[str, Any]], set[str]]:
    geo = {row["ISO3"]: row for row in load_jsonl(data / "geonames-countryinfo" / "countries.jsonl")}
    phoenix: dict[str, list[str]] = defaultdict(list)
    for row in load_jsonl(data / "phoenix-actor-dicts" / "phoenix_actors.jsonl"):
        codes = row["codes"]
        # A country entry: a bare 3-letter code (dated for states that once were Soviet republics).
        bare = [c["code"] for c in codes if len(c["code"]) == 3]
        if row["file"].startswith("Phoenix.Countries") and bare:
            phoenix[bare[-1]].extend(row["names"])
    states = []
    iso3 = sorted(set(geo) | {c.alpha_3 for c in pycountry.countries})
    for code in iso3:
        country = pycountry.countries.get(alpha_3=code)
        row = geo.get(code, {})
        name = getattr(country, "common_name", None) or (country.name if country else row.get("Country"))
        if not name:
            continue
        official = {
            getattr(country, "official_name", None),
            country.name if country else None,
            row.get("Country"),
        }
        proper = {n for n in official if n} | {name}
        capital = row.get("Capital") or None
        if capital and (capital.lower() in COMMON or lower[capital.lower()] >= 3):
            capital = None  # "Male", "Victoria": words first
        aliases: list[str] = sorted(proper - {name})
        for raw in phoenix.get(code, []):
            form = raw.strip()
            if not form or "(" in form:
                continue
            single = " " not in form
            if single and len(form) <= 4 and form.isalpha() and smart_title(form) not in proper:
                pretty = form  # an acronym such as PRC, ROK, UAE
            else:
                pretty = smart_title(form)
            if single and (pretty.lower() in COMMON or lower[pretty.lower()] >= 3):
                continue
            if capital and pretty.lower() == capital.lower():
                continue
            aliases.append(pretty)
        for alias in list(aliases):
            # Demonyms name the people too: "Iraqi" -> "Iraqis", "Nigerian" -> "Nigerians".
            if " " not in alias and alias.endswith(("an", "i")) and alias[:1].isupper():
                aliases.append(alias + "s")
        metonyms = [capital] if capital else []
        states.append(
            {
                "id": code,
                "kind": "state",
                "name": name,
                "code": code,
                "aliases": sorted(dict.fromkeys(a for a in aliases if a != name)),
                "metonyms": metonyms,
            }
        )
    return states, {s["id"] for s in states}


def build_persons(
    rows: list[dict[str, Any]], states: set[str], lower: Counter[str], igo_ids: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """(armed groups, NGOs and companies; people with dated codes; named state agencies) from Phoenix."""
    persons: list[dict[str, Any]] = []
    state_agents: list[dict[str, Any]] = []
    seen_ids: Counter[str] = Counter()
    others: list[dict[str, Any]] = []
    prefixes = sorted(((c, a) for c, a in IGO_CODES.items() if a in igo_ids), key=lambda ca: -len(ca[0]))

    def affiliation(code: str) -> tuple[str | None, str | None]:
        if code.startswith("IGO"):
            for prefix, acronym in prefixes:
                if code.startswith(prefix):
                    return acronym, None
            return None, None
        code = iso_code(code)
        if code[:3] in states:
            sector = code[3:6] or None
            if sector == "GOV" and code[6:9] in ("LEG", "JUD"):
                # "USAGOVLEG": Congress is the legislature (docs/annotation.md), not the government
                sector = code[6:9]
            return code[:3], sector
        return None, None

    for row in rows:
        if any(len(c["code"]) == 3 for c in row["codes"]):
            continue
        if (
            row["file"].startswith("Phoenix.MilNonState")
            or (
                row["file"].startswith("Phoenix.International")
                and row["codes"]
                and row["codes"][0]["code"][:3] in ("NGO", "MNC")
            )
            or (row["codes"] and all(c["code"].startswith("IMG") for c in row["codes"]))
        ):  # an international militant group with a founding date is a group, not a person
            record = other_actor(row, states, lower)
            if record:
                others.append(record)
            continue
        dated = [c for c in row["codes"] if "start" in c or "end" in c]
        undated = [c for c in row["codes"] if c not in dated]
        if not dated:
            # A named state agency ("Afghan National Army"): the country with its sector.
            if row["file"].startswith("Phoenix.Countries") and undated and len(undated[0]["code"]) >= 6:
                country, sector = affiliation(undated[0]["code"])
                if country and sector:
                    names = [smart_title(n) for n in row["names"] if " " in n]
                    if any(w in OFFICE_WORDS for n in names for w in n.lower().split()):
                        continue
                    if names:
                        state_agents.append(
                            {
                                "id": f"org:{slug(names[0])}",
                                "kind": "agent",
                                "name": names[0],
                                "code": country,
                                "sector": sector,
                                "aliases": names[1:],
                            }
                        )
            continue
        names = []
        for raw in row["names"]:
            pretty = smart_title(raw)
            if " " not in pretty and (
                len(pretty) < 4 or pretty.lower() in COMMON or lower[pretty.lower()] >= 2
            ):
                continue
            names.append(pretty)
        if not names:
            continue
        default_code, default_sector = affiliation(undated[0]["code"]) if undated else (None, None)
        roles = []
        for c in dated:
            country, sector = affiliation(c["code"])
            if country is None or sector == "ELI":
                continue
            if c.get("start") and c.get("end") and c["end"] < c["start"]:
                continue  # a few Phoenix ranges are reversed
            roles.append(
                {
                    "title": ROLE_TITLES.get(sector or "", "official"),
                    "country": country,
                    "sector": sector if country in states else None,
                    "start": c.get("start"),
                    "end": c.get("end"),
                }
            )
        if default_code is None and roles:
            default_code = roles[-1]["country"]
        base = f"person:{slug(names[0])}"
        seen_ids[base] += 1
        pid = base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}"
        persons.append(
            {
                "id": pid,
                "kind": "person",
                "name": names[0],
                "code": default_code,
                "sector": default_sector,
                "aliases": names[1:],
                "roles": roles,
            }
        )
    return others, persons, state_agents


def build_igos(
    rows: list[dict[str, Any]], curated: list[dict[str, Any]], names: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One record per organisation of the Phoenix international dictionary (``kb_igos.py``) and its people."""
    reserved = {
        rec["id"]: {rec.get("name", ""), *rec.get("aliases", [])} for rec in curated if rec["kind"] == "igo"
    }
    for code, texts in names.items():
        reserved.setdefault(code, set()).update(t["text"] for t in texts["name"])
    entries, people = igo_entries(rows, IGO_CODES, reserved)
    merged: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if entry["id"] in merged:
            merged[entry["id"]]["names"].extend(
                n for n in entry["names"] if n not in merged[entry["id"]]["names"]
            )
        else:
            merged[entry["id"]] = {"id": entry["id"], "names": list(entry["names"])}
    igos = []
    for entry in merged.values():
        pretty = list(
            dict.fromkeys(n if (" " not in n and len(n) <= 7) else smart_title(n) for n in entry["names"])
        )
        full = max((n for n in pretty if " " in n), key=len, default=pretty[0])
        igos.append(
            {
                "id": entry["id"],
                "kind": "igo",
                "name": full,
                "code": entry["id"],
                "aliases": [n for n in pretty if n != full],
            }
        )
    return igos, person_records(people, smart_title)


def iso_code(code: str) -> str:
    """A Phoenix code with its CAMEO country prefix replaced by the ISO one ("ANGREB" -> "AGOREB")."""
    return CAMEO_ISO.get(code[:3], code[:3]) + code[3:]


def other_actor(row: dict[str, Any], states: set[str], lower: Counter[str]) -> dict[str, Any] | None:
    """An armed group (country-coded, or IMG for international ones), NGO or company from Phoenix."""
    code = iso_code(row["codes"][0]["code"])
    names = []
    for raw in row["names"]:
        raw = re.sub(r"\s*\([^)]*\)?\s*$", "", raw).strip()  # "ISLAMIC ARMY OF ADEN (IAA)"
        if not raw:
            continue
        single = " " not in raw
        pretty = raw if single and len(raw) <= 6 else smart_title(raw)
        if single and (pretty.lower() in COMMON or lower[pretty.lower()] >= 2 or len(pretty) < 3):
            continue
        names.append(pretty)
    if not names:
        return None
    if code.startswith("NGO"):
        kind, country, sector = "ngo", code[3:6] if code[3:6] in states else None, None
        ident_code = "NGO"
    elif code.startswith("MNC"):
        kind, country, sector = "company", code[3:6] if code[3:6] in states else None, "BUS"
        ident_code = country
    else:
        kind = "armed_group"
        country = code[:3] if code[:3] in states else ("IMG" if code.startswith("IMG") else None)
        sector = code[3:6] or "REB"
        ident_code = country
    return {
        "id": f"{kind}:{slug(names[0])}",
        "kind": kind,
        "name": names[0],
        "code": ident_code,
        "sector": sector,
        "aliases": sorted(dict.fromkeys(names[1:])),
    }


def dedupe_ids(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per id (Phoenix lists some groups twice, once with a country and once as IMG): the one
    with a state code wins, and the names of both are kept."""
    by_id: dict[str, dict[str, Any]] = {}
    for rec in records:
        kept = by_id.get(rec["id"])
        if kept is None:
            by_id[rec["id"]] = rec
            continue
        if kept.get("code") in (None, "IMG") and rec.get("code") not in (None, "IMG"):
            kept, rec = rec, kept
            by_id[kept["id"]] = kept
        names = [*kept.get("aliases", []), rec["name"], *rec.get("aliases", [])]
        kept["aliases"] = sorted(dict.fromkeys(n for n in names if n != kept["name"]))
    return list(by_id.values())


def home_armed_groups(records: list[dict[str, Any]], states: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An armed group Phoenix files under a region ("Palestinian Islamic Jihad" [MEAREB]) takes the state
    its name starts with, when it starts with a state's name or adjective."""
    words: dict[str, str] = {}
    for rec in states:
        for n in [rec.get("name", ""), *rec.get("aliases", []), *rec.get("adjectives", [])]:
            if n and " " not in n and n[:1].isupper():
                words.setdefault(n.lower(), rec["id"])
    for rec in records:
        if rec["kind"] == "armed_group" and rec.get("code") is None:
            first = rec["name"].split()[0].lower()
            if first in words:
                rec["code"] = words[first]
    return records


def build_agents(data: Path) -> list[dict[str, Any]]:
    by_sector: dict[str, list[str]] = defaultdict(list)
    for row in load_jsonl(data / "phoenix-actor-dicts" / "phoenix_agents.jsonl"):
        code = row["code"]
        if not code.startswith("~") or len(code) < 4:
            continue
        sector = code[1:4]
        for exp in row["expansions"]:
            match = re.match(r"^([^{]*?)\s*(?:\{([^}]*)\})?\s*$", exp)
            if not match:
                continue
            singular, plural = match.group(1).strip(), (match.group(2) or "").strip()
            if not singular or "!" in singular:
                continue
            forms = [singular.lower()]
            if plural:
                forms.append(plural.lower())
            elif match.group(2) is None and not singular.endswith("S"):
                forms.append(singular.lower() + "s")
            by_sector[sector].extend(forms)
    return [
        {
            "id": f"agent:{sector}",
            "kind": "agent",
            "name": SECTOR_NAMES.get(sector, sector.lower()),
            "sector": sector,
            "aliases": sorted(set(forms)),
        }
        for sector, forms in sorted(by_sector.items())
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args(argv)
    lower = corpus_lowercase_words(args.data / "news")
    states, iso3 = build_states(args.data, lower)
    rows = load_jsonl(args.data / "phoenix-actor-dicts" / "phoenix_actors.jsonl")
    curated = parse_additions(ADDITIONS)
    names = igo_names(KB / "igo_names.jsonl")
    igos, igo_people = build_igos(rows, curated, names)
    others, persons, state_agents = build_persons(rows, iso3, lower, {r["id"] for r in igos})
    persons = merge_curated(curated, [*persons, *igo_people])
    OUT.mkdir(parents=True, exist_ok=True)
    # A name a hand-written region, group or organisation owns is not also a state's name ("Xinjiang").
    owned = {
        n.lower()
        for rec in curated
        if rec["kind"] not in ("state", "person", "agent")
        for n in [rec.get("name", ""), *rec.get("aliases", [])]
    }
    for rec in [*states, *persons]:
        rec["aliases"] = [a for a in rec.get("aliases", []) if a.lower() not in owned]
    # A hand-written metonym ("Astana", dated) replaces the same words as a plain name of that state.
    for rec in states:
        own = {(m if isinstance(m, str) else m["text"]).lower() for m in rec.get("metonyms", [])}
        for cur in curated:
            if cur["id"] == rec["id"]:
                own |= {m["text"].lower() for m in cur.get("metonyms", [])}
        rec["aliases"] = [a for a in rec.get("aliases", []) if a.lower() not in own]
    # A name a hand-written state record claims belongs to that state only ("East Timor" is not Indonesia).
    claimed = {
        n.lower(): rec["id"]
        for rec in curated
        if rec["kind"] == "state"
        for n in [*rec.get("aliases", []), *rec.get("adjectives", [])]
    }
    for rec in states:
        rec["aliases"] = [a for a in rec.get("aliases", []) if claimed.get(a.lower(), rec["id"]) == rec["id"]]
    clash = [r["id"] for r in curated if r["kind"] in ("group", "region", "igo") and r["id"] in iso3]
    if clash:
        raise SystemExit(f"{ADDITIONS}: group/region/IGO codes that are ISO3 state codes: {', '.join(clash)}")
    orgs = home_armed_groups(dedupe_ids([*igos, *others]), states)
    generated = {r["id"]: r for r in [*states, *orgs]}
    remaining = []
    for rec in curated:
        target = generated.get(rec["id"])
        if target is None:
            rec.pop("extend", None)
            remaining.append(rec)
            continue
        fold(target, rec)
    # The researched data: organisations, IGO names, office holders 2000-2026.
    researched = organisations(
        KB / "organisations.jsonl", set(names) | {r["id"] for r in orgs if r["kind"] == "igo"}
    )
    # a hand-written record keeps its id: it comes first
    bodies = [r for r in [*remaining, *orgs, *state_agents] if r["kind"] in ORG_KINDS and r.get("code")]
    new_orgs, matched = merge_organisations(researched, bodies)
    igo_records = fold_igo_names([r for r in [*orgs, *remaining] if r["kind"] == "igo"], names)
    orgs = [*igo_records, *(r for r in orgs if r["kind"] != "igo"), *new_orgs]
    remaining = [r for r in remaining if r["kind"] != "igo"]
    owners = {id(r) for r in [*new_orgs, *matched]}
    gone = {
        id(r)
        for r in give_names_once(
            [*new_orgs, *matched],
            [r for r in [*orgs, *remaining, *state_agents, *states] if id(r) not in owners],
        )
    }
    orgs = [r for r in orgs if id(r) not in gone]
    remaining = [r for r in remaining if id(r) not in gone]
    state_agents = [r for r in state_agents if id(r) not in gone]
    groups = people(read_tenures(KB / "officeholders"))
    holders = [person_record(g) for g in groups]
    curated_people = [r for r in remaining if r["kind"] == "person"]
    holders, curated_left, persons = merge_people(holders, curated_people, persons, office_keys(curated))
    for rec in curated_left:
        surnames_of_aliases(rec)
    drop_titled(
        holders, {form_key(n) for r in curated if r.get("office") for n in [r["name"], *r.get("aliases", [])]}
    )
    remaining = [*(r for r in remaining if r["kind"] != "person"), *curated_left]
    taken = {
        form_key(n)
        for r in [*states, *orgs, *remaining, *state_agents, *build_agents(args.data)]
        if r["kind"] != "person"
        for n in [r.get("name", ""), *texts(r, "aliases"), *r.get("adjectives", []), *texts(r, "metonyms"),
                  *r.get("places", [])]
    }  # fmt: skip
    people_now = [*holders, *curated_left]
    filter_surnames(people_now, [*people_now, *persons], taken, lower, COMMON, lambda r: r.get("code") or "")
    write_jsonl(OUT / "states.jsonl", states)
    write_jsonl(OUT / "organisations.jsonl", orgs)
    write_jsonl(OUT / "agents.jsonl", [*build_agents(args.data), *state_agents])
    write_jsonl(OUT / "persons.jsonl", persons)
    write_jsonl(OUT / "officeholders.jsonl", holders)
    write_jsonl(OUT / "curated.jsonl", remaining)
    return 0


ORG_KINDS = ("armed_group", "company", "ngo", "agent")


def texts(rec: dict[str, Any], field: str) -> list[str]:
    return [a if isinstance(a, str) else a["text"] for a in rec.get(field, [])]


def office_keys(curated: list[dict[str, Any]]) -> Any:
    """The office-title key function of the knowledge base, from the hand-written offices (as ``kb.office_key``)."""
    keys = {}
    for rec in curated:
        if rec.get("office"):
            for n in [rec["name"], *rec.get("aliases", [])]:
                keys.setdefault(form_key(n), form_key(rec["office"]))

    def office_key(title: str) -> str:
        key = form_key(title)
        for prefix in ACTING:
            if key.startswith(prefix):
                key = key[len(prefix) :]
                break
        return keys.get(key, key)

    return office_key


def surnames_of_aliases(rec: dict[str, Any]) -> None:
    """A hand-written person's one-word aliases that are its surname ("Tokayev") become surnames."""
    names = [rec["name"], *texts(rec, "aliases")]
    single = [a for a in rec.get("aliases", []) if isinstance(a, str) and len(a.split()) == 1]
    moved = [a for a in single if is_surname(a, names)]
    if moved:
        rec["aliases"] = [a for a in rec["aliases"] if a not in moved]
        rec["surnames"] = list(dict.fromkeys([*rec.get("surnames", []), *moved]))


if __name__ == "__main__":
    raise SystemExit(main())
