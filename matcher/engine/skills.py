"""Find skills in free text: job requirements, descriptions, whole CVs.

Text is split into tokens once (see taxonomy.TOKEN_RE: "C++", "C#", ".NET" are tokens;
"Node.js" and "CI/CD" are two tokens each, as their aliases are). A trie over the token
keys of every alias finds the longest name at each position, so one pass costs a dict
lookup per token whatever the size of the taxonomy. A gap in a name ("Managed … teams") lets
a few words stand between its parts. A version after a name belongs to it
("C++17", "Angular 17": skill_versions). Names that are also ordinary words ("Go", "R",
"Swift", "Spring") are kept only when their context says they are skills (skill_context).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from matcher.engine.skill_context import Found, in_context
from matcher.engine.skill_versions import Tokens, tokenize, version_after
from matcher.engine.taxonomy import GAP, GAP_WORDS, Pattern, Taxonomy, name_tokens, norm_token

# Between two tokens of one name only spacing and joining punctuation may stand:
# "Spring\nBoot", "CI/CD", "Node.js", "P&L" -- never a comma, bracket or sentence end.
_JOINERS = frozenset(" \t\r\n-./&_")
_POSSESSIVE = ("'s", "’s")
PLURAL_MIN_LEN = 5
# Trie node entries: users' own names first, then exact-case, any-case, ambiguous, category names.
_PRIORITY = {"x": 1, "i": 2, "v": 2, "a": 3, "c": 3, "n": 4}
# A category name ("Programming languages:") is matched like a name so that it hides the words it is
# made of ("Cloud platforms" is not "Cloud"), and then dropped: it is never a skill.
_CATEGORY = "n"
# Words a gap never skips: past them the verb has another object ("managed relations with teams").
GAP_STOPS = frozenset("with between for to of by and or across from in on at into through among via as "
                      "that which who while".split())
# Modes whose matches need their context to confirm them (see taxonomy.MatchMode).
_NEEDS_CONTEXT = frozenset({"a", "c"})
_ANY_CASE = frozenset({"i", "c", "v"})


@dataclass(frozen=True)
class SkillMention:
    skill: str  # canonical
    start: int
    end: int
    surface: str


class _Entry(NamedTuple):
    skill: str
    mode: str
    exact: tuple[str, ...] | None  # token texts an exact-case name must have
    rank: int
    ampersand: bool = False  # "M&A", "GD&T", "P&L" need the "&": "M.A." is a degree
    gap: bool = False  # "Managed … teams": the words the gap stood for are read for names of their own


_ROOT = 0


class SkillExtractor:
    """Finds mentions of the taxonomy's skills (and the user's own) in text."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._built = False  # the trie is built on the first search: a ranking of stored postings needs none

    def _build(self) -> None:
        taxonomy = self.taxonomy
        # The trie is kept flat: node numbers and plain tuples, not an object per node and per name.
        # It lives as long as the app, and the garbage collector's full passes walk every container
        # alive; tens of thousands of nodes made each pass long enough to be felt in the window.
        self._children: dict[tuple[int, str], int] = {}  # (node, token key) -> child node
        entries: dict[int, list[tuple[str, str, tuple[str, ...] | None, int, bool, bool]]] = {}
        keys: set[str] = set()
        for pattern in taxonomy.patterns():
            self._insert(pattern, keys, entries)
        for name in taxonomy.not_skill_names():
            for surface in {name, name.removesuffix("s")}:  # "Programming languages", "Programming language"
                self._insert(Pattern(surface, "", "i"), keys, entries, category=True)
        # Entries as plain tuples of strings and numbers, best rank first.
        self._entries = {node: tuple(sorted(found, key=lambda e: e[3])) for node, found in entries.items()}
        self._keys = frozenset(keys)  # every token key of every name: "Java17" is split, "Qt5" is not
        self._starts = frozenset(key for node, key in self._children if node == _ROOT)  # first words of names
        self._gapped = frozenset(node for node, key in self._children if key == GAP)  # "Managed" of "Managed … teams"
        self._built = True  # last: another thread sees a whole trie or builds its own

    def _insert(self, pattern: Pattern, keys: set[str],
                entries: dict[int, list[tuple[str, str, tuple[str, ...] | None, int, bool, bool]]],
                category: bool = False) -> None:
        tokens = name_tokens(pattern.surface)
        if not tokens:
            return
        # a gap's words are any words: only a name matched in any case may have one
        assert GAP not in tokens or (pattern.mode in _ANY_CASE and not category), pattern
        node = _ROOT
        for token in tokens:
            key = norm_token(token)
            keys.add(key)
            node = self._children.setdefault((node, key), len(self._children) + 1)
        mode = _CATEGORY if category else pattern.mode
        exact = None if mode in _ANY_CASE or category else tuple(_strip_possessive(t) for t in tokens)
        rank = 0 if pattern.user else _PRIORITY[mode]
        entries.setdefault(node, []).append((pattern.skill, mode, exact, rank, "&" in pattern.surface, GAP in tokens))

    # ---- public API ---------------------------------------------------------------
    @property
    def version(self) -> str:
        """The taxonomy version this extractor finds skills with (see Taxonomy.version)."""
        return self.taxonomy.version

    def find(self, text: str) -> list[SkillMention]:
        """Every skill mention in `text`, in order; overlapping names resolve to the longest."""
        if not self._built:
            self._build()
        tokens = tokenize(text, self._keys)
        spans = tokens.spans
        found: list[Found] = []
        i, n = 0, len(spans)
        keys, starts = tokens.keys, self._starts
        while i < n:
            key = keys[i]
            # Most words start no name: skip them without the trie walk (a third of an import's time).
            if key not in starts and _singular(key) not in starts:
                i += 1
                continue
            match = self._longest(text, tokens, i)
            if match is None:
                i += 1
                continue
            last, entry = match
            if entry.mode == _CATEGORY:
                i = last + 1
                continue
            version = version_after(text, tokens, last)
            if entry.mode == "v" and (version is None or version.counts):
                i += 1  # "ES" alone is not JavaScript; "ES2022" is
                continue
            end = version.last if version else last
            glued_dot = tokens.raw[i].startswith(".") and i > 0 and spans[i - 1][1] == spans[i][0]
            if not glued_dot or tokens.raw[i - 1].endswith("#"):  # "site.net" is no .NET, "C#.NET" is
                found.append(Found(i, end, entry.skill, entry.mode, bool(version and version.shows_skill)))
            i = i + 1 if entry.gap else end + 1  # "Managed AWS teams": AWS is a name too
        sure = {k for k, f in enumerate(found) if f.mode not in _NEEDS_CONTEXT}
        for _ in range(2):  # twice: "Go or Rust" -- Rust is sure once Go is
            for k in range(len(found)):
                if k not in sure and in_context(text, tokens, found, k, sure, self.taxonomy):
                    sure.add(k)
        mentions: list[SkillMention] = []
        for k in sorted(sure):
            start, end = spans[found[k].first][0], spans[found[k].last][1]
            mention = SkillMention(found[k].skill, start, end, text[start:end])
            if mentions and _spells_out(text, mentions[-1], mention):
                continue  # "Certified Payroll Professional (CPP)": the acronym is not C++
            mentions.append(mention)
        return mentions

    def skills(self, text: str) -> list[str]:
        """Unique canonical names, in order of first mention."""
        return list(dict.fromkeys(m.skill for m in self.find(text)))

    # ---- matching -----------------------------------------------------------------
    def _longest(self, text: str, tokens: Tokens, i: int) -> tuple[int, _Entry] | None:
        spans, raw, keys = tokens.spans, tokens.raw, tokens.keys
        candidates: list[tuple[int, int]] = []
        walks: list[tuple[int, int | None]] = [(i, self._step(_ROOT, keys[i]))]  # (last token matched, node)
        while walks:
            j, node = walks.pop()
            while node is not None:
                if node in self._entries:
                    candidates.append((j, node))
                if j + 1 >= len(spans) or not _joins(text[spans[j][1]:spans[j + 1][0]]) \
                        or raw[j].endswith(_POSSESSIVE):  # "Google's video" is not "Google Video"
                    break
                if node in self._gapped:
                    walks.extend(self._across_gap(text, tokens, j, self._children[(node, GAP)]))
                j += 1
                node = self._step(node, keys[j])
        if len(candidates) > 1:
            candidates.sort()
        for last, node in reversed(candidates):
            surface = tuple(_strip_possessive(t) for t in raw[i:last + 1])
            for entry in map(_Entry._make, self._entries[node]):
                if entry.ampersand and "&" not in text[spans[i][1]:spans[last][0]]:
                    continue
                if entry.exact is None or entry.exact == surface:
                    return last, entry
        return None

    def _across_gap(self, text: str, tokens: Tokens, j: int, gap: int) -> list[tuple[int, int]]:
        """Where a name goes on after a gap that follows token j: up to GAP_WORDS words of one clause
        skipped ("Managed globally distributed teams"), never a word that turns to another object
        ("managed relations with partner teams")."""
        spans, keys = tokens.spans, tokens.keys
        found: list[tuple[int, int]] = []
        for k in range(j + 1, min(j + 2 + GAP_WORDS, len(spans))):
            if k > j + 1 and (keys[k - 1] in GAP_STOPS or not _joins(text[spans[k - 1][1]:spans[k][0]])):
                break
            after = self._step(gap, keys[k])
            if after is not None:
                found.append((k, after))
        return found

    def _step(self, node: int, key: str) -> int | None:
        child = self._children.get((node, key))
        if child is None and (singular := _singular(key)) is not None:
            child = self._children.get((node, singular))
        return child


def _singular(key: str) -> str | None:
    """The singular a plural key may stand for: a longer name's plural ("Microservices",
    "Dashboards"); short keys are left alone so "https" is not "HTTP" (short plurals like "CPAs" are
    listed as aliases)."""
    if len(key) > PLURAL_MIN_LEN and key.endswith("s") and not key.endswith("ss"):
        return key[:-1]
    return None


def _spells_out(text: str, prev: SkillMention, mention: SkillMention) -> bool:
    """Is `mention` a bracketed acronym of the different skill named just before it?"""
    if mention.skill == prev.skill or text[prev.end:mention.start].strip() != "(" \
            or text[mention.end:mention.end + 1] != ")":
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", prev.surface)).upper()
    return re.sub(r"[^A-Za-z]", "", mention.surface).upper() == initials


def _strip_possessive(token: str) -> str:
    return token[:-2] if token.endswith(_POSSESSIVE) else token


def _joins(separator: str) -> bool:
    if "." in separator:  # "Node.js" joins, "Google.\nDrive" is two sentences
        return separator == "."
    return len(separator) <= 3 and separator.count("\n") <= 1 and all(c in _JOINERS for c in separator)
