"""Rules the taxonomy build applies to names from every source (used by build_taxonomy.py).

- Category names ("Programming languages", "Databases", "Soft skills") name a kind of skill,
  never one: they are not made skills or aliases, whatever source offers them.
- A qualified form names the skill it qualifies: "Linux kernel" is Linux, so it may not be an
  alias of another skill ("Operating systems") that does not imply Linux.
- Words of ordinary prose: a product name that is one ("Fluent" of ANSYS Fluent) is no alias
  on its own. The prose is O*NET's and ESCO's descriptions and the Google postings' text.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matcher.engine.taxonomy import alias_key  # noqa: E402

# A word after a skill's name that qualifies it without naming another skill: "Linux kernel",
# "Java runtime", "Python ecosystem", "Android SDK internals".
QUALIFIERS = frozenset({"kernel", "runtime", "internals", "ecosystem", "platform", "platforms", "stack",
                        "environment", "environments", "development", "programming", "developer",
                        "developers", "administration", "scripting", "tooling", "toolchain"})
POSTINGS_COLUMNS = ("Responsibilities", "Minimum Qualifications", "Preferred Qualifications")


def not_skill_keys(names: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The token keys of the category names: "programming languages", "Programming Language"."""
    keys = set()
    for name in names:
        keys.add(alias_key(name))
        keys.add(alias_key(re.sub(r"s$", "", name)))  # the singular too
    return frozenset(keys)


def postings_prose_words(shared: Path) -> frozenset[str]:
    """Lower-case words of the Google postings: "fluent" in "fluent in English" is prose."""
    words: set[str] = set()
    with (shared / "data/dev/google_job_skills.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for column in POSTINGS_COLUMNS:
                words.update(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", row.get(column) or ""))
    return frozenset(words)


def qualified_forms(forms: Mapping[str, list[str]], names: Mapping[tuple[str, ...], str],
                    implied: Mapping[str, Mapping[str, float]]) -> list[tuple[str, str, str]]:
    """(owner, form, skill it qualifies) for each form that is another skill's name plus a qualifier.

    `forms`: skill -> its surface forms; `names`: token key of each canonical name -> that name;
    `implied`: the implication closure (a product of Linux may keep "Linux <word>" forms).
    """
    found = []
    for owner, surfaces in forms.items():
        for surface in surfaces:
            if surface == owner:
                continue  # a product's own name ("Oracle SQL Developer" is "SQL Developer")
            tokens = alias_key(surface)
            if len(tokens) < 2 or tokens[-1] not in QUALIFIERS:
                continue
            qualified = names.get(tuple(tokens[:-1]))
            if qualified and qualified != owner and qualified not in implied.get(owner, {}):
                found.append((owner, surface, qualified))
    return found
