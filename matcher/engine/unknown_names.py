"""Names a requirement line writes that the taxonomy does not know: "IGBTs", "WCF", "SAP BPC", "O365".

A line judged on meaning ("Solid-State Devices – From MOSFETs to IGBTs") or on the skills the
extractor found in it (".NET, WCF, HTML5": .NET and HTML) asks for these too, and a CV that never
writes one of them does not fully meet the line, however close its sentences read ("Solid
understanding of MOSFETs" shows no IGBTs). Only words shaped like names count — two capitals, or
letters with digits, as acronyms and product names are written — that the taxonomy does not know
and that are rare in the reference postings ("MBA", "PhD", "BS" are common words of postings, not
names to look for). A line in capitals shouts rather than names, so it has none. A spelled-out form
the line gives ("SDI (Spatial Data Infrastructure)", "Business Intelligence (BI)") shows it too.
"""

from __future__ import annotations

import re

from matcher.engine.lexical import STOP_WORDS, Reference, tokens
from matcher.engine.taxonomy import Taxonomy

# A name as written: "IGBTs", "VB.NET", "CP-SQL", "O365"; "/" separates alternatives ("DBA/Developer").
_RUN = re.compile(r"\.?[A-Za-z0-9](?:[\w.+#&/-]*[\w+#])?")
_PARTS = re.compile(r"[.&-]")
# Brackets right after a name, with no list in them, spell it out: "VHDL (VHSIC Hardware Description Language)".
_SPELLING = re.compile(r"\b[A-Z][\w.+#-]*[A-Z][\w.+#-]*\s*\(([^(),]+)\)")
# Rarer than this in the reference postings (scripts/build_reference.py, 1,343 postings): in fewer
# than ~36 of them (rarity 0.5: "PhD", in 71, 0.41; "MBA", in 242, 0.24; "IGBT" and "SDI", in none,
# 1.0). Read off the rjdb TUNE failures (benchmarks/rjdb.py --examples); its figures are the same for
# any cut from 0.5 to 0.8, and no line of the verdict gold set (benchmarks/data/verdicts) changes.
UNKNOWN_NAME_RARITY = 0.5
SHOUTED_SHARE = 0.5  # a line whose longer words are more than half in capitals is shouting, not naming
SHOUTED_MIN_LETTERS = 4  # "EXCELLENT STAMINA AND DEXTERITY" shouts; "From MOSFETs to IGBTs" names

# Places postings abbreviate ("US expat tax returns", "EU work permit"): where, not a name to look for.
PLACES = frozenset("us usa uk eu uae emea apac latam anz dach nyc".split())
PHRASE_WORDS = 4  # the longest phrase around a name checked against the taxonomy ("2D/3D geometry algorithms")

# (as written, lower-case key, the spelled-out form's words joined by spaces or "")
UnknownName = tuple[str, str, str]


# Two capitals, or letters with digits: "IGBTs", "iManage" is not, "O365", "4G".
_SHAPE = re.compile(r"[A-Z][^A-Z]*[A-Z]|[A-Za-z].*\d|\d.*[A-Za-z]")
_SHAPED_WORD = re.compile(r"[A-Z][^\sA-Z]*[A-Z]|[A-Za-z][^\s\d]*\d|\d[^\sA-Za-z]*[A-Za-z]")


def _name_shaped(word: str) -> bool:
    return _SHAPE.search(word) is not None


def _key(word: str) -> str:
    """"IGBTs" → "igbt": the plural of an acronym is the acronym."""
    return (word[:-1] if len(word) > 2 and word[-1] == "s" and word[-2].isupper() else word).lower()


def _spelled_out(text: str, at: int, end: int, word: str) -> str:
    """The words the line spells `word` out with, right after it in brackets or right before it
    (as many words as it has capitals), or ""."""
    after = re.match(r"\s*\(([^()]{3,80})\)", text[end:])
    if after:
        return " ".join(tokens(after.group(1)))
    if text[:at].endswith("(") and text[end:].lstrip().startswith(")"):
        words = re.findall(r"[\w&-]+", text[:at - 1])
        capitals = sum(c.isupper() for c in word)
        return " ".join(tokens(" ".join(words[-capitals:]))) if capitals else ""
    return ""


def unknown_names(text: str, taxonomy: Taxonomy | None, reference: Reference) -> tuple[UnknownName, ...]:
    if taxonomy is None:
        return ()  # nothing tells a known name from an unknown one
    if not _SHAPED_WORD.search(text):
        return ()  # most lines name nothing: one search
    runs = [run for run in _RUN.finditer(text) if _name_shaped(run.group())]
    long_words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) >= SHOUTED_MIN_LETTERS]
    if sum(w.isupper() for w in long_words) > SHOUTED_SHARE * len(long_words):
        return ()
    found: dict[str, UnknownName] = {}
    spelled = [m.span(1) for m in _SPELLING.finditer(text)]
    words = list(re.finditer(r"\S+", text))
    for run in runs:
        if (taxonomy.get(run.group()) is not None or any(a <= run.start() < b for a, b in spelled)
                or _in_known_phrase(words, run.start(), taxonomy)):
            # "CI/CD" is not "CI" and "CD"; "VHDL (VHSIC Hardware Description Language)" asks no VHSIC;
            # "IP networking" and "2D/3D geometry algorithms" are skills the taxonomy knows.
            continue
        start = run.start()
        for word in run.group().split("/"):
            at, start = start, start + len(word) + 1
            key = _key(word)
            if (not _name_shaped(word) or key in STOP_WORDS or key in PLACES or key in found
                    or taxonomy.get(word) is not None
                    or taxonomy.get(key) is not None or any(taxonomy.get(p) for p in _PARTS.split(word) if p)):
                continue
            if max((reference.rarity(t) for t in tokens(key)), default=0.0) < UNKNOWN_NAME_RARITY:
                continue
            found[key] = (word, key, _spelled_out(text, at, at + len(word), word))
    return tuple(found.values())


def _in_known_phrase(words: list[re.Match[str]], at: int, taxonomy: Taxonomy) -> bool:
    """Whether a phrase of up to PHRASE_WORDS words around the word at `at` is a skill the taxonomy knows."""
    i = next((k for k, w in enumerate(words) if w.start() <= at < w.end()), None)
    if i is None:
        return False
    for size in range(2, PHRASE_WORDS + 1):
        for first in range(max(0, i - size + 1), min(i, len(words) - size) + 1):
            window = [w.group() for w in words[first:first + size]]
            if any(w[-1] in ",;:" for w in window[:-1]):
                continue  # "iOS, Android, SDK": items of a list, not one phrase
            if taxonomy.get(" ".join(w.strip(".,;:()") for w in window)) is not None:
                return True
    return False


def words_of(text: str) -> frozenset[str]:
    """What a text writes, as `unknown_names` keys and words: "VB.NET, MOSFETs" → {"vb.net", "vb",
    "net", "mosfet", "mosfets", …}."""
    out = set(tokens(text))
    for run in _RUN.finditer(text):
        for word in run.group().split("/"):
            out.update((word.lower(), _key(word)))
    return frozenset(out)


def lacking(names: tuple[UnknownName, ...], words: frozenset[str]) -> list[str]:
    """The names of `names` that a text with these `words` never writes, nor spells out."""
    return [written for written, key, spelled in names
            if key not in words and not (spelled and all(w in words for w in spelled.split()))]
