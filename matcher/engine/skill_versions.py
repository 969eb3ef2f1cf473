"""Versions and editions written after a skill's name: "C++17", "Python 3.10+", "Angular 17",
".NET 8", "Windows 9x/2000/XP", "Unity 2022 LTS", "Java17".

One rule for every name instead of one alias per version: the tokens of a version that follows
a name belong to that name's mention. A version also shows that an ambiguous name is meant
("Go 1.21", "Node 20 LTS", "Rust 2021 edition") -- but a bare year does not ("Spring 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.engine.taxonomy import TOKEN_RE, norm_token

# One token of a version: "17", "3", "10+", "v16", "9x", "19c", "11g"; "x" only after a dot ("3.x").
# Not "85k" or "2m": amounts of money or people.
_VERSION_TOKEN = re.compile(r"v?\d+[a-jl-z]?\+?", re.IGNORECASE)
# A plain number of more digits is a count or an amount ("CAD 850"), unless it is a year.
MAX_PLAIN_DIGITS = 2
# Between a name and its version: nothing ("C++17") or one space ("Java 21").
_NAME_TO_VERSION = frozenset({"", " "})
# Between two parts of one version: "3.10", "2019/2022", "2/3".
_WITHIN_VERSION = frozenset({".", "/"})
# "Java 5+ years": a number before these is a duration, not a version.
_DURATION_WORDS = frozenset({"year", "years", "yr", "yrs", "month", "months", "week", "weeks", "day", "days",
                             "hour", "hours"})
# Words after a version that say it is one: "Node 20 LTS", "Rust 2021 edition".
_QUALIFIERS = frozenset({"lts", "edition", "release", "sdk", "api", "runtime", "update"})
# Words after a version that still leave it a version: "Rails 7 with Hotwire", "Ruby 3 and Rails 7".
_CONNECTORS = frozenset({"and", "or", "with", "plus", "&"})
_NOT_COUNTED = _CONNECTORS | _QUALIFIERS
# A four-digit number in this range alone is a year ("Spring 2024"), not a version.
YEARS = range(1990, 2040)
# A word glued to digits is split into name and version when the whole is no known name: "Java17",
# "MySQL5", "ES6", "ISO9001". Two letters at least, so "R2" or "C3" are never read as R or C.
_GLUED = re.compile(r"([^\W\d_]{2,})(\d+\+?)")
_DIGITS = frozenset("0123456789+")


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text: where each is, its text and its lookup key."""

    spans: list[tuple[int, int]]
    raw: list[str]
    keys: list[str]


def tokenize(text: str, known_keys: frozenset[str]) -> Tokens:
    """TOKEN_RE's tokens, with a name glued to its version split in two ("Java17" -> "Java", "17")."""
    matches = list(TOKEN_RE.finditer(text))
    spans = [m.span() for m in matches]
    raw = [m.group() for m in matches]
    keys = [norm_token(t) for t in raw]
    glued = [k for k, t in enumerate(raw) if t[-1] in _DIGITS and keys[k] not in known_keys]
    for k in reversed(glued):  # rare: from the end, so earlier indices stay valid
        m = _GLUED.fullmatch(raw[k])
        if m and m.group(1).lower() in known_keys:
            start, end = spans[k]
            cut = start + len(m.group(1))
            spans[k:k + 1] = [(start, cut), (cut, end)]
            raw[k:k + 1] = [m.group(1), m.group(2)]
            keys[k:k + 1] = [m.group(1).lower(), m.group(2)]
    return Tokens(spans, raw, keys)


@dataclass(frozen=True)
class Version:
    last: int  # index of the version's last token
    shows_skill: bool  # enough to tell an ambiguous name is meant
    counts: bool  # a plain number before a word ("Office 12 km away"): maybe a count, not a version


def version_after(text: str, tokens: Tokens, last: int) -> Version | None:
    """The version written right after the name whose last token is `last`, if any."""
    spans, keys = tokens.spans, tokens.keys
    j = last + 1
    if j >= len(spans) or text[spans[last][1]:spans[j][0]] not in _NAME_TO_VERSION \
            or not _VERSION_TOKEN.fullmatch(keys[j]):
        return None
    end = j
    while end + 1 < len(spans) and text[spans[end][1]:spans[end + 1][0]] in _WITHIN_VERSION \
            and (_VERSION_TOKEN.fullmatch(keys[end + 1]) or keys[end + 1] == "x"):
        end += 1
    after = keys[end + 1] if end + 1 < len(spans) else None
    if after in _DURATION_WORDS or re.match(r"[,.]\d", text[spans[end][1]:spans[end][1] + 2]):
        return None  # "Java 5+ years", "CAD 85,000"
    dotted = end > j or keys[j].startswith("v") or "+" in keys[end] or text[spans[end][1]:spans[end][1] + 1] == "+"
    plain = end == j and keys[j].isdigit()
    year = plain and int(keys[j]) in YEARS
    count = plain and not year and len(keys[j]) > MAX_PLAIN_DIGITS
    ends_item = after is None or not text[spans[end][1]:spans[end + 1][0]].isspace()
    glued = text[spans[last][1]:spans[j][0]] == ""  # "Java17", "ES6": the digits belong to the name
    shows = after in _QUALIFIERS or (not year and not count and (glued or dotted or ends_item or after in _CONNECTORS))
    counts = plain and not year and not glued and not ends_item and after not in _NOT_COUNTED
    if after in _QUALIFIERS and text[spans[end][1]:spans[end + 1][0]] == " ":
        end += 1  # "Node 20 LTS": the qualifier is part of the version
    return Version(end, shows, counts)
