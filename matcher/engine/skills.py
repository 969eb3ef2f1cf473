"""Find skills in free text: job requirements, descriptions, whole CVs.

Text is split into tokens once (see taxonomy.TOKEN_RE: "C++", "C#", ".NET" are tokens;
"Node.js" and "CI/CD" are two tokens each, as their aliases are). A trie over the token
keys of every alias finds the longest name at each position, so one pass costs a dict
lookup per token whatever the size of the taxonomy. Names that are also ordinary words
("Go", "R", "Swift", "Spring"...) are kept only when their context says they are skills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.engine.taxonomy import TOKEN_RE, Pattern, Taxonomy, norm_token

# Between two tokens of one name only spacing and joining punctuation may stand:
# "Spring\nBoot", "CI/CD", "Node.js", "P&L" -- never a comma, bracket or sentence end.
_JOINERS = frozenset(" \t\r\n-./&_")
# Separators that end or start a list item: "Go, Python", "(Lambda/SQS)", "Skills: R".
_ITEM_START = frozenset(",;:(|/•·*\n")
_ITEM_END = frozenset(",;)|/.\n")
_CONNECTORS = frozenset({"and", "or", "&", "plus"})
_GLUE = frozenset("-&'’")  # "go-to-market", "R&D", "on-the-go": one word with the name
_POSSESSIVE = ("'s", "’s")
_PREPOSITIONS = frozenset({"in", "with", "using", "of", "on"})
# Words before an ambiguous name that show it is a verb or a plain word ("let's Go").
_REJECT_PREV = frozenset({"let", "lets", "we", "you", "will", "should", "must", "can", "could",
                          "would", "please"})
PLURAL_MIN_LEN = 5
# Trie node entries: users' own names first, then exact-case, any-case, ambiguous.
_PRIORITY = {"x": 1, "i": 2, "a": 3}


@dataclass(frozen=True)
class SkillMention:
    skill: str  # canonical
    start: int
    end: int
    surface: str


@dataclass(frozen=True)
class _Entry:
    skill: str
    mode: str
    exact: tuple[str, ...] | None  # token texts an exact-case name must have
    rank: int
    ampersand: bool = False  # "M&A", "GD&T", "P&L" need the "&": "M.A." is a degree


class _Node:
    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[_Entry] = []


class SkillExtractor:
    """Finds mentions of the taxonomy's skills (and the user's own) in text."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._root = _Node()
        shared: list[_Node] = []  # nodes holding more than one name, to order once at the end
        for pattern in taxonomy.patterns():
            node = self._insert(pattern)
            if node is not None and len(node.entries) == 2:
                shared.append(node)
        for node in shared:
            node.entries.sort(key=lambda e: e.rank)

    def _insert(self, pattern: Pattern) -> _Node | None:
        tokens = [m.group() for m in TOKEN_RE.finditer(pattern.surface)]
        if not tokens:
            return None
        node = self._root
        for token in tokens:
            node = node.children.setdefault(norm_token(token), _Node())
        exact = None if pattern.mode == "i" else tuple(_strip_possessive(t) for t in tokens)
        rank = 0 if pattern.user else _PRIORITY[pattern.mode]
        node.entries.append(_Entry(pattern.skill, pattern.mode, exact, rank, "&" in pattern.surface))
        return node

    # ---- public API ---------------------------------------------------------------
    @property
    def version(self) -> str:
        """The taxonomy version this extractor finds skills with (see Taxonomy.version)."""
        return self.taxonomy.version

    def find(self, text: str) -> list[SkillMention]:
        """Every skill mention in `text`, in order; overlapping names resolve to the longest."""
        spans = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        raw = [text[s:e] for s, e in spans]
        keys = [norm_token(t) for t in raw]
        found: list[tuple[int, int, _Entry]] = []  # (first token, last token, entry)
        i, n = 0, len(spans)
        while i < n:
            match = self._longest(text, spans, raw, keys, i)
            if match is None:
                i += 1
                continue
            last, entry = match
            if not (raw[i].startswith(".") and i > 0 and spans[i - 1][1] == spans[i][0]):  # "site.net"
                found.append((i, last, entry))
            i = last + 1
        sure = {k for k, f in enumerate(found) if f[2].mode != "a"}
        for _ in range(2):  # twice: "Go or Rust" -- Rust is sure once Go is
            for k, f in enumerate(found):
                if k not in sure and self._in_context(text, spans, keys, found, k, sure):
                    sure.add(k)
        mentions: list[SkillMention] = []
        for k in sorted(sure):
            first, last, entry = found[k]
            start, end = spans[first][0], spans[last][1]
            mention = SkillMention(entry.skill, start, end, text[start:end])
            if mentions and _spells_out(text, mentions[-1], mention):
                continue  # "Certified Payroll Professional (CPP)": the acronym is not C++
            mentions.append(mention)
        return mentions

    def skills(self, text: str) -> list[str]:
        """Unique canonical names, in order of first mention."""
        return list(dict.fromkeys(m.skill for m in self.find(text)))

    # ---- matching -----------------------------------------------------------------
    def _longest(self, text: str, spans: list[tuple[int, int]], raw: list[str], keys: list[str],
                 i: int) -> tuple[int, _Entry] | None:
        node = self._step(self._root, keys[i])
        candidates: list[tuple[int, _Node]] = []
        j = i
        while node is not None:
            if node.entries:
                candidates.append((j, node))
            if j + 1 >= len(spans) or not _joins(text[spans[j][1]:spans[j + 1][0]]) \
                    or raw[j].endswith(_POSSESSIVE):  # "Google's video" is not "Google Video"
                break
            j += 1
            node = self._step(node, keys[j])
        for last, node in reversed(candidates):
            surface = tuple(_strip_possessive(t) for t in raw[i:last + 1])
            for entry in node.entries:
                if entry.ampersand and "&" not in text[spans[i][1]:spans[last][0]]:
                    continue
                if entry.exact is None or entry.exact == surface:
                    return last, entry
        return None

    @staticmethod
    def _step(node: _Node, key: str) -> _Node | None:
        child = node.children.get(key)
        # Plural of a longer name ("Microservices", "Dashboards"); short keys are left alone
        # so "https" is not "HTTP" (short plurals like "CPAs" are listed as aliases).
        if child is None and len(key) > PLURAL_MIN_LEN and key.endswith("s") and not key.endswith("ss"):
            child = node.children.get(key[:-1])
        return child

    def _in_context(self, text: str, spans: list[tuple[int, int]], keys: list[str],
                    found: list[tuple[int, int, _Entry]], k: int, sure: set[int]) -> bool:
        """Is an ambiguous name ("Go", "R", "Swift") meant as the skill here?"""
        first, last, entry = found[k]
        n = len(spans)
        before = text[spans[first - 1][1]:spans[first][0]] if first > 0 else None
        after = text[spans[last][1]:spans[last + 1][0]] if last + 1 < n else None
        if (before and before[-1] in _GLUE) or (after and after[0] in _GLUE):
            return False
        prev_word = keys[first - 1] if first > 0 and _is_space(before) else None
        next_word = keys[last + 1] if last + 1 < n and _is_space(after) else None
        surface = text[spans[first][0]:spans[last][1]]
        if _shouting(surface, text, spans, first, last):
            return False
        if prev_word in _REJECT_PREV or next_word in self.taxonomy.rejecting_next_words(entry.skill):
            return False
        if first == 0 and last == n - 1:
            return True  # the whole text is the name: a requirement item "Go"
        context = self.taxonomy.context_words(entry.skill)
        if prev_word in context or next_word in context:
            return True
        if prev_word in _PREPOSITIONS and first > 1 and _is_space(text[spans[first - 2][1]:spans[first - 1][0]]) \
                and keys[first - 2] in context:
            return True  # "experience with Go", "proficiency in R"
        if self.taxonomy.needs_context_word(entry.skill):
            return False  # "Marketing, Finance, Legal" are departments
        if any(_neighbour(found, k, step, text, spans, keys, sure) for step in (-1, 1)):
            return True  # "Go and Python", "C/C++"
        starts_item = before is None or bool(set(before) & _ITEM_START)
        ends_item = after is None or bool(set(after) & _ITEM_END)
        return starts_item and ends_item  # "Skills: R, ..." -- a list item of its own


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


def _is_space(separator: str | None) -> bool:
    return separator is not None and separator != "" and separator.isspace()


def _shouting(surface: str, text: str, spans: list[tuple[int, int]], first: int, last: int) -> bool:
    """ "GO" in "LET'S GO" or "GO TO MARKET" is capitals for emphasis, not the language."""
    letters = re.sub(r"[^A-Za-z]", "", surface)
    if len(letters) < 2 or not letters.isupper():
        return False
    for idx in (first - 1, last + 1):
        if not 0 <= idx < len(spans):
            continue
        left, right = (spans[idx], spans[first]) if idx < first else (spans[last], spans[idx])
        word = re.sub(r"[^A-Za-z]", "", text[spans[idx][0]:spans[idx][1]])
        # only words of the same phrase count: "SQL, CGI" is a list of acronyms, not shouting
        if len(word) >= 2 and word.isupper() and text[left[1]:right[0]].isspace():
            return True
    return False


def _neighbour(found: list[tuple[int, int, _Entry]], k: int, step: int, text: str,
               spans: list[tuple[int, int]], keys: list[str], sure: set[int]) -> bool:
    """Is a confirmed skill right next to mention k, joined like a list ("Go or Rust")?"""
    other = k + step
    if other not in sure:
        return False
    left, right = (found[other], found[k]) if step < 0 else (found[k], found[other])
    gap = right[0] - left[1] - 1  # tokens between the two mentions
    between = text[spans[left[1]][1]:spans[right[0]][0]]
    if gap == 0:
        return bool(between.strip()) and set(between.strip()) <= set(",/;|&+")
    return gap == 1 and keys[left[1] + 1] in _CONNECTORS
