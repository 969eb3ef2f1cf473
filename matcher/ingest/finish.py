"""The last step of every importer: derive from a posting's text what its fields did not give.

An importer fills what its format states (a CSV's `title` column, JSON-LD's `baseSalary`, a board's
"Key requirements:" line) and hands the rest to `finish_posting`, so every format derives the same
things the same way: the title cleaned or made up, the salary, locations and remote flag found in
the description, the employment type, the requirement list and the language.

    >>> text = "The Senior Go Developer builds maps.\\nRequirements:\\n- 3+ years of Go"
    >>> posting = finish_posting(Posting(title="", description=text, raw=text, source="pasted"))
    >>> posting.title, posting.title_derived, [(r.text, r.years) for r in posting.requirements]
    ('Senior Go Developer', True, [('3+ years of Go', 3.0)])
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.domain import Posting, RequirementKind
from matcher.ingest.fields import clean_title, derive_title, employment_in_text, location_line, parse_locations
from matcher.ingest.requirements import extract_requirements
from matcher.ingest.salary import find_salary
from matcher.language import detect_language

# A block the source marks as requirements of one kind: Google's "Minimum Qualifications" column,
# JSON-LD `qualifications`, a board's "Key requirements: Go, Kafka" line.
RequirementSection = tuple[RequirementKind, str]
# Said anywhere in a posting, these make it remote even when no location field says so.
REMOTE_IN_TEXT = re.compile(r"\bfully remote\b|\bremote[- ]first\b|\b100% remote\b", re.I)


def finish_posting(posting: Posting, sections: Sequence[RequirementSection] = ()) -> Posting:
    """Fill what `posting`'s source left empty from its description; returns the same object.

    Given values are kept: a title stays (only cleaned), a salary from fields is not replaced by
    one found in the text, requirements come from `sections` when the source marks them.
    """
    text = posting.description
    posting.title = clean_title(posting.title)
    if not posting.title:
        posting.title, posting.title_derived = derive_title(text), True
    if posting.salary is None:
        posting.salary = find_salary(text)
    if not posting.requirements:
        posting.requirements = tuple(req for kind, block in sections if block.strip()
                                     for req in extract_requirements(block, kind, posting.company))
    if not posting.requirements:
        posting.requirements = tuple(extract_requirements(text, company=posting.company))
    if not posting.locations:
        posting.locations, remote_word = parse_locations(location_line(text), split_commas=False)
        posting.remote = True if remote_word else posting.remote
    if posting.remote is None and REMOTE_IN_TEXT.search(text):
        posting.remote = True
    if posting.employment_type is None:
        posting.employment_type = employment_in_text(posting.title, text)
    if posting.language is None:
        posting.language = detect_language(f"{posting.title}\n{text}")
    return posting
