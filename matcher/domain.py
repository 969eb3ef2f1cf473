"""Plain dataclasses that cross every layer: ingest produces them, the store keeps them,
the engine ranks them and the UI shows them. Nothing here imports Qt, SQLAlchemy or torch."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

RequirementKind = Literal["required", "preferred"]
MatchStatus = Literal["met", "partial", "missing"]
SalaryPeriod = Literal["hour", "day", "week", "month", "year"]
ApplicationStatus = Literal["Saved", "Applied", "Interview", "Offer", "Rejected"]
APPLICATION_STATUSES: tuple[ApplicationStatus, ...] = ("Saved", "Applied", "Interview", "Offer", "Rejected")


@dataclass(frozen=True, slots=True)
class Salary:
    min: float | None
    max: float | None
    currency: str | None  # ISO 4217 code: "EUR", "PLN", "USD"
    period: SalaryPeriod | None

    def to_json(self) -> dict[str, object]:
        return {"min": self.min, "max": self.max, "currency": self.currency, "period": self.period}


@dataclass
class Requirement:
    """One thing a posting asks for, e.g. "3+ years of experience in Scala"."""

    text: str
    kind: RequirementKind = "required"
    skills: list[str] = field(default_factory=list)  # canonical skill names
    years: float | None = None


@dataclass(slots=True)
class Posting:
    """Its sequences are tuples: the window holds 10,000 postings, and every list is an object each
    full garbage collection walks (tuples of strings drop out of its count once seen)."""

    title: str
    description: str  # clean text: paragraphs separated by blank lines, bullets as "- "
    raw: str  # the source text this posting was read from, kept so nothing misread is lost
    source: str  # file path (and item) it came from
    company: str | None = None
    locations: tuple[str, ...] = ()  # countries, cities or regions ("Worldwide")
    remote: bool | None = None
    salary: Salary | None = None
    posted: date | None = None
    employment_type: str | None = None
    tags: tuple[str, ...] = ()
    url: str | None = None
    company_blurb: str | None = None
    remote_policy: str | None = None
    title_derived: bool = False  # True when the source had no title line and we made one up
    requirements: tuple[Requirement, ...] = ()
    skills: tuple[str, ...] = ()  # every canonical skill named anywhere in it
    language: str | None = None  # ISO 639-1 code of the text ("en", "es"), None when unknown
    links: tuple[str, ...] = ()  # every other link known for it (merged duplicates)
    sources: tuple[str, ...] = ()  # every other file it was imported from
    # Which taxonomy (shipped + the user's own entries) found `skills` and each requirement's skills;
    # when it changes the skills are found again (`services`), as vectors are keyed by their model.
    skills_version: str | None = None
    id: int | None = None

    def fingerprint(self) -> str:
        """Identity for de-duplication: the same posting from two sources gives the same value.

        Title, company and the first words of the description, normalised, so that whitespace,
        case and markup differences between a job board's HTML and its CSV export do not matter.
        The salary counts too when given: boards list the same role twice with two pay ranges
        (e.g. two "Senior Software Engineer - Mimir Ingest" at €94k and €80k), and those are two postings.
        """
        words = _normalise(self.description).split()[:60]
        pay = f"{self.salary.min:.0f}-{self.salary.max:.0f}" if self.salary and self.salary.min and self.salary.max else ""
        key = "|".join([_normalise(self.title), _normalise(self.company or ""), " ".join(words), pay])
        return hashlib.sha256(key.encode()).hexdigest()[:32]


@dataclass
class PostingFacts:
    """A stored posting as ranking reads it: everything but its description and source text, which
    are read only when it is embedded the first time (the store reads 10,000 of these in a blink)."""

    id: int
    title: str
    company: str | None
    requirements: list[Requirement]
    skills: list[str]
    language: str | None = None
    skills_version: str | None = None


def _normalise(text: str) -> str:
    return re.sub(r"[^\w+#]+", " ", text.lower()).strip()


@dataclass
class CVSection:
    name: str  # canonical: summary, skills, experience, education, projects, certifications, languages, other
    heading: str  # as written in the CV
    text: str


@dataclass
class Role:
    """One dated entry of a CV's experience: a job held from `start` to `end`."""

    heading: str  # the role's title line as written ("Senior Engineer, Acme — 2019 – Present")
    start: date | None
    end: date | None  # None with `current`: still held; resolved against `CV.as_of`
    current: bool = False
    text: str = ""  # what the CV says under it: the sentences that show which skills it used
    # Canonical skills its heading and text name, found with the CV's `skills_version` taxonomy
    # (derived, like the CV's skills); None until found.
    skills: tuple[str, ...] | None = None


@dataclass
class SkillEvidence:
    skill: str  # canonical name
    sentence: str  # the CV sentence that shows it
    source: Literal["extracted", "manual"] = "extracted"


@dataclass
class ParseReport:
    pages: int
    chars: int
    sections: list[str]
    skills_found: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class CV:
    name: str  # the person's name when found, else the file name
    text: str  # clean full text, contact details removed
    source: str
    sections: list[CVSection] = field(default_factory=list)
    skills: list[SkillEvidence] = field(default_factory=list)
    years_experience: float | None = None
    report: ParseReport | None = None
    contact: dict[str, str] = field(default_factory=dict)  # email, phone, address, links: never embedded
    removed_skills: list[str] = field(default_factory=list)  # the user's hand edits
    language: str | None = None  # ISO 639-1 code of the text, None when unknown
    roles: list[Role] = field(default_factory=list)  # dated experience entries, in CV order
    as_of: date | None = None  # the date "Present" means: the file's date, or one the user gave
    skills_version: str | None = None  # see `Posting.skills_version`
    id: int | None = None
    created: datetime | None = None

    def effective_skills(self) -> list[SkillEvidence]:
        """Extracted and hand-added skills, less those the user removed."""
        removed = {s.lower() for s in self.removed_skills}
        return [s for s in self.skills if s.skill.lower() not in removed]


@dataclass(frozen=True)
class ImportIssue:
    """Something that could not be imported: which file, which item in it, and why."""

    path: str
    item: str | None
    reason: str

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "item": self.item, "reason": self.reason}


EvidenceKind = Literal["cv", "manual", "language", "contact", "dates", "none"]
# What decided a verdict: the skills the line names, its meaning (the cosine of the line and the
# closest CV sentence), years, or a kind of skill ("one or more programming languages").
JudgedBy = Literal["skill", "meaning", "years", "kind", "degree"]


@dataclass
class RequirementMatch:
    text: str
    kind: RequirementKind
    status: MatchStatus
    # A sentence of the CV's body that shows it, verbatim, or None. Only `evidence_kind == "cv"` is
    # quoted as "Your CV: …"; anything else says what it is (`basis`).
    evidence: str | None
    weight: float
    skills: list[str] = field(default_factory=list)
    missing_skills: list[str] = field(default_factory=list)
    similarity: float = 0.0
    reason: str = ""  # e.g. "exact skill: Python", "implied by Django", "semantic 0.62"
    evidence_kind: EvidenceKind = "cv"
    # What shows it when that is not a CV sentence ("skill you added by hand"); for a line missing for
    # want of a degree or years, what was weighed ("8 years asked; your CV's dates show 3.2").
    basis: str | None = None
    judged_by: JudgedBy = "meaning"


@dataclass(frozen=True)
class VerdictCounts:
    """How a posting's requirement lines came out: required ones by status, preferred ones met."""

    met: int = 0
    partial: int = 0
    missing: int = 0
    preferred_met: int = 0
    preferred: int = 0

    @property
    def required(self) -> int:
        return self.met + self.partial + self.missing

    @classmethod
    def of(cls, reqs: list[RequirementMatch]) -> VerdictCounts:
        """Counts of explained requirement lines."""
        required = [r.status for r in reqs if r.kind == "required"]
        preferred = [r.status for r in reqs if r.kind != "required"]
        return cls(required.count("met"), required.count("partial"), required.count("missing"),
                   preferred.count("met"), len(preferred))


@dataclass
class ScoreBreakdown:
    """Each part is 0..1; `score` is the weighted sum, capped, scaled to 0..100."""

    required: float
    preferred: float
    semantic: float
    experience: float
    seniority: float
    cap: float | None = None  # the cap applied because a must-have is missing, or None
    role: float = 0.0  # how close the posting's title is to what the CV's person does (part of `required`)

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class RankedMatch:
    """One posting's place in a ranking. `requirements` (each line's verdict and evidence) is filled
    only for the postings someone looks at or exports (`services.RankingSession.explain`); the
    counts, the breakdown and the one-line `why` are there for every posting."""

    posting_id: int
    title: str
    company: str | None
    score: float  # 0..100
    breakdown: ScoreBreakdown
    counts: VerdictCounts = field(default_factory=VerdictCounts)
    why: str = ""  # "6 of 8 required met; missing must-have: Kubernetes; similar work 0.71"
    notices: tuple[str, ...] = ()  # e.g. "Posting in German; your CV is in English"
    requirements: list[RequirementMatch] | None = None

    @property
    def met(self) -> int:
        return self.counts.met

    @property
    def missing(self) -> int:
        return self.counts.missing


@dataclass
class ShortlistEntry:
    posting_id: int
    status: ApplicationStatus = "Saved"
    notes: str = ""
    added: datetime | None = None


# Bands a person reads instead of a bare number; lower bounds on the 0..100 score.
SCORE_BANDS: tuple[tuple[float, str], ...] = ((75.0, "Great"), (60.0, "Good"), (45.0, "Fair"), (0.0, "Poor"))


def score_band(score: float) -> str:
    """E.g. score_band(72.5) == "Good"."""
    return next(name for floor, name in SCORE_BANDS if score >= floor)


def format_salary(salary: Salary | None) -> str:
    """E.g. "19,800–23,800 PLN / month"; "" when unknown."""
    if salary is None or (salary.min is None and salary.max is None):
        return ""
    low, high = salary.min, salary.max
    amount = f"{low:,.0f}–{high:,.0f}" if low is not None and high is not None and low != high else f"{(low or high):,.0f}"
    currency = f" {salary.currency}" if salary.currency else ""
    period = f" / {salary.period}" if salary.period else ""
    return amount + currency + period
