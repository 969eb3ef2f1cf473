"""Small field helpers every job format shares: employment types, locations and the remote
flag, title clean-up, and a made-up title for postings that have none."""

from __future__ import annotations

import re

EMPLOYMENT_TYPES: dict[str, str] = {
    "full-time": "Full-time", "full time": "Full-time", "fulltime": "Full-time", "permanent": "Full-time",
    "part-time": "Part-time", "part time": "Part-time", "parttime": "Part-time",
    "contract": "Contract", "contractor": "Contract", "contract to hire": "Contract", "freelance": "Freelance",
    "internship": "Internship", "intern": "Internship", "temporary": "Temporary", "temp": "Temporary",
    "seasonal": "Seasonal", "volunteer": "Volunteer", "apprenticeship": "Apprenticeship",
}
EMPLOYMENT_LINE = re.compile(
    r"^(?:" + "|".join(re.escape(k) for k in sorted(EMPLOYMENT_TYPES, key=len, reverse=True)) + r")$", re.I
)
# A known type inside a longer name: Lever's "Regular Full Time (Salary)".
EMPLOYMENT_IN_NAME = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(EMPLOYMENT_TYPES, key=len, reverse=True)) + r")\b", re.I)
EMPLOYMENT_FIELD = re.compile(r"^\s*(?:employment|job|contract|position)\s+type\s*:\s*(.+)$", re.I | re.M)
# "Contract" alone starts titles like "Contract Manager"; only "(Contract)", "- Contract" or a
# trailing "Contract" state the type.
TITLE_EMPLOYMENT = re.compile(
    r"\b(?:full-time|part-time|contractor|freelance|internship|intern|temporary)\b|"
    r"\(contract\)|[-–|,]\s*contract\b|\bcontract\s*$", re.I)
# Written where a location would be, these mean "anywhere, remotely".
REMOTE_WORDS = re.compile(r"^(?:remote|fully remote|100% remote|anywhere|work from home|wfh|remote[- ]first)$", re.I)
REMOTE_PREFIX = re.compile(r"^\s*(?:remote|anywhere)\s*(?:[-–:(/,]|\bin\b)\s*", re.I)
# Words that end a job title; used to find the title inside a sentence when none is given.
ROLE_NOUNS = (
    "Engineer|Developer|Programmer|Architect|Manager|Designer|Analyst|Scientist|Specialist|Consultant|"
    "Administrator|Accountant|Lead|Director|Officer|Coordinator|Technician|Writer|Editor|Researcher|Tester|"
    "Strategist|Recruiter|Representative|Associate|Assistant|Advisor|Executive|Head|Intern|Nurse|Teacher|"
    "Marketer|Planner|Auditor|Operator|Agent|Expert|Owner|Partner|Producer|Counsel|Attorney|Lawyer|SRE"
)
# Words before the noun must be capitalised ("Senior Backend Engineer II", "Python developer").
ROLE_IN_SENTENCE = re.compile(
    rf"(?:(?:[A-Z][\w+#./&-]*|of|and|&)\s+){{0,6}}(?i:{ROLE_NOUNS})s?(?:\s+(?:I{{1,3}}|IV|V|[1-5]))?\b"
)
# Job boards glue a "New" badge onto the title: "Golang EngineerNew".
NEW_BADGE = re.compile(r"(?<=[a-z0-9)\]])New$")
DERIVED_TITLE_WORDS = 8
LOCATION_LINE = re.compile(r"^\s*(?:location|locations|based in|job location)\s*:\s*(.+)$", re.I | re.M)
# Elements whose class names the employer in saved pages and job cards.
COMPANY_CLASS = re.compile(r"company|employer|organi[sz]ation|org-name", re.I)


def employment_type(text: str | None) -> str | None:
    """"full time" → "Full-time"; JobSpy's "fulltime, contract" → "Full-time, Contract"."""
    if not text:
        return None
    parts = [p.strip().lower().replace("_", " ") for p in re.split(r"[,/|;]", str(text)) if p.strip()]
    names = [EMPLOYMENT_TYPES.get(p) or _type_in_name(p) or p.capitalize() for p in parts]
    return ", ".join(dict.fromkeys(names)) or None


def _type_in_name(name: str) -> str | None:
    match = EMPLOYMENT_IN_NAME.search(name)
    return EMPLOYMENT_TYPES[match.group(1).lower()] if match else None


def is_employment_type(line: str) -> bool:
    """"Full-time", or a combination such as "Full-time, Contract" / "Part-time / Freelance"."""
    parts = [p for p in re.split(r"\s*[,/|]\s*", line.strip()) if p]
    return bool(parts) and all(EMPLOYMENT_LINE.match(p) for p in parts)


def parse_locations(text: str | None, *, split_commas: bool = True) -> tuple[tuple[str, ...], bool]:
    """"United States, Canada" → (("United States", "Canada"), False); "Remote - Europe" → (("Europe",), True).

    With split_commas=False a single "City, Country" stays one location (CSV columns write it so).
    """
    if not text:
        return (), False
    remote = False
    pieces = re.split(r"\s*[;|]\s*|\s+/\s+", str(text)) if not split_commas else re.split(r"\s*[,;|]\s*", str(text))
    locations: list[str] = []
    for piece in pieces:
        piece = piece.strip(" ()-–")
        if not piece:
            continue
        if REMOTE_WORDS.match(piece):
            remote = True
            continue
        stripped = REMOTE_PREFIX.sub("", piece)
        if stripped != piece:
            remote = True
            piece = stripped.strip(" ()-–")
            # "Anywhere in the World", "Remote (world)" name the region Worldwide.
            piece = "Worldwide" if re.fullmatch(r"(?:the )?world(?:wide)?", piece, re.I) else piece
        if piece and piece not in locations:
            locations.append(piece)
    return tuple(locations), remote


def clean_title(title: str) -> str:
    """One line without control characters or a glued "New" badge: "Golang EngineerNew" → "Golang Engineer"."""
    title = re.sub(r"[\s\x00-\x1f\x7f-\x9f]+", " ", title).strip()
    return NEW_BADGE.sub("", title).strip()


def derive_title(text: str) -> str:
    """A title for a posting that has none: a role named in its text ("The Senior Backend
    Engineer II operates..." → "Senior Backend Engineer II"), else its first words."""
    for match in ROLE_IN_SENTENCE.finditer(text[:3000]):
        words = match.group(0).split()
        while words and words[0] in ("of", "and", "&", "The", "A", "An", "As", "Our", "We", "This", "Your"):
            words.pop(0)
        if words and len(words) >= 2:
            return " ".join(words)
    first_sentence = re.split(r"(?<=[.!?])\s", re.sub(r"^[-#*\s]+", "", text.strip()), maxsplit=1)[0]
    words = first_sentence.split()[:DERIVED_TITLE_WORDS]
    return " ".join(words).rstrip(".,:;") or "Untitled posting"


def location_line(description: str) -> str | None:
    """The value of a "Location: Dublin, Ireland" line in a description, if any."""
    match = LOCATION_LINE.search(description)
    return match.group(1).strip() if match else None


def employment_in_text(title: str, description: str) -> str | None:
    """The type stated by a "Job type: Contract" line, else one named in the title
    ("Tax Accountant Contractor" → "Contract"); None when neither says."""
    match = EMPLOYMENT_FIELD.search(description)
    if match:
        return employment_type(match.group(1))
    word = TITLE_EMPLOYMENT.search(title)
    return EMPLOYMENT_TYPES.get(re.sub(r"[^a-z-]", "", word.group(0).lower()).strip("-")) if word else None
