"""Is an ambiguous name meant as the skill here? "Go" in "Go, Python" yes, in "let's Go" no.

Names that are also ordinary words ("Go", "R", "Swift", "Spring", "profiling") are found by the
extractor like any other and kept only when one of these rules says the context shows the skill.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from matcher.engine.skill_versions import Tokens

_GLUE = frozenset("-&'’")  # "go-to-market", "R&D", "on-the-go": one word with the name
_PREPOSITIONS = frozenset({"in", "with", "using", "of", "on"})
# Words before an ambiguous name that show it is a verb or a plain word ("let's Go").
_REJECT_PREV = frozenset({"let", "lets", "we", "you", "will", "should", "must", "can", "could",
                          "would", "please"})
# Separators that end or start a list item: "Go, Python", "(Lambda/SQS)", "Skills: R".
_ITEM_START = frozenset(",;:(|/•·*\n")
_ITEM_END = frozenset(",;)|/.\n")
_CONNECTORS = frozenset({"and", "or", "&", "plus"})
# Between two names of one list: "Go, Rust", "C/C++", "Rust (Go, C++, Java)".
_LIST_PUNCTUATION = frozenset(",/;|&+()")
# How well a person speaks or uses what was just named: "English (Fluent)", "Spanish: Native",
# "Excel - Advanced". Such a word is never a skill of its own there, whatever it also names.
PROFICIENCY = frozenset({"fluent", "native", "basic", "intermediate", "advanced", "expert", "beginner",
                         "proficient", "conversational", "elementary", "bilingual", "professional",
                         "working", "limited", "full", "good", "excellent", "strong"})
_LEVEL_SEPARATORS = frozenset("(:-–—")


class ContextRules(Protocol):
    def context_words(self, skill: str) -> frozenset[str]: ...
    def rejecting_next_words(self, skill: str) -> frozenset[str]: ...
    def needs_context_word(self, skill: str) -> bool: ...


@dataclass(frozen=True)
class Found:
    """A name found in the text: its first and last token (a version included) and how it matched."""

    first: int
    last: int
    skill: str
    mode: str
    versioned: bool = False  # a version follows that shows the skill is meant


def in_context(text: str, tokens: Tokens, found: list[Found], k: int, sure: set[int],
               rules: ContextRules) -> bool:
    """Is the ambiguous mention `found[k]` meant as the skill?"""
    spans, keys = tokens.spans, tokens.keys
    f = found[k]
    n = len(spans)
    before = text[spans[f.first - 1][1]:spans[f.first][0]] if f.first > 0 else None
    after = text[spans[f.last][1]:spans[f.last + 1][0]] if f.last + 1 < n else None
    if (before and before[-1] in _GLUE) or (after and after[0] in _GLUE):
        return False
    if keys[f.first] in PROFICIENCY and k > 0 and found[k - 1].last == f.first - 1 \
            and set(before or "") & _LEVEL_SEPARATORS:
        return False  # "English (Fluent)" is not ANSYS Fluent
    if f.versioned:
        return True  # "Go 1.21", "Node 20 LTS"
    prev_word = keys[f.first - 1] if f.first > 0 and _is_space(before) else None
    next_word = keys[f.last + 1] if f.last + 1 < n and _is_space(after) else None
    if _shouting(text, spans, f.first, f.last):
        return False
    if prev_word in _REJECT_PREV or next_word in rules.rejecting_next_words(f.skill):
        return False
    if f.first == 0 and f.last == n - 1:
        return True  # the whole text is the name: a requirement item "Go"
    context = rules.context_words(f.skill)
    if prev_word in context or next_word in context:
        return True
    if prev_word in _PREPOSITIONS and f.first > 1 and _is_space(text[spans[f.first - 2][1]:spans[f.first - 1][0]]) \
            and keys[f.first - 2] in context:
        return True  # "experience with Go", "proficiency in R"
    if rules.needs_context_word(f.skill):
        return False  # "Marketing, Finance, Legal" are departments
    if any(_neighbour(found, k, step, text, tokens, sure) for step in (-1, 1)):
        return True  # "Go and Python", "C/C++", "Rust (Go, C++)"
    starts_item = before is None or bool(set(before) & _ITEM_START)
    ends_item = after is None or bool(set(after) & _ITEM_END)
    return starts_item and ends_item  # "Skills: R, ..." -- a list item of its own


def _is_space(separator: str | None) -> bool:
    return separator is not None and separator != "" and separator.isspace()


def _shouting(text: str, spans: list[tuple[int, int]], first: int, last: int) -> bool:
    """ "GO" in "LET'S GO" or "GO TO MARKET" is capitals for emphasis, not the language."""
    letters = re.sub(r"[^A-Za-z]", "", text[spans[first][0]:spans[last][1]])
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


def _neighbour(found: list[Found], k: int, step: int, text: str, tokens: Tokens, sure: set[int]) -> bool:
    """Is a confirmed skill right next to mention k, joined like a list ("Go or Rust")?"""
    other = k + step
    if other not in sure:
        return False
    left, right = (found[other], found[k]) if step < 0 else (found[k], found[other])
    gap = right.first - left.last - 1  # tokens between the two mentions
    between = text[tokens.spans[left.last][1]:tokens.spans[right.first][0]]
    if gap == 0:
        return bool(between.strip()) and set(between.replace(" ", "")) <= _LIST_PUNCTUATION
    return gap == 1 and tokens.keys[left.last + 1] in _CONNECTORS
