"""Real objects for the pane tests: postings kept in a real Store, and matches judged by a plain
skill-overlap rule (a requirement is met when the CV names one of its skills). The real ranker
needs the embedding model; the panes only need RankedMatch values with the right shape."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from matcher import services
from matcher.domain import (
    CV, CVSection, Posting, ParseReport, RankedMatch, Requirement, RequirementMatch, Salary,
    ScoreBreakdown, SkillEvidence, VerdictCounts,
)
from matcher.engine.gap import GapItem
from matcher.paths import SAMPLES
from matcher.store import Store

CV_SKILLS = {"Python": "Built data pipelines in Python and SQL.", "SQL": "Built data pipelines in Python and SQL.",
             "Docker": "Shipped services in Docker containers."}


def _req(text: str, skills: list[str], kind: str = "required") -> Requirement:
    return Requirement(text, kind, skills)  # type: ignore[arg-type]


POSTINGS = [
    Posting(
        "Senior Backend Engineer", "Build APIs.", "raw", "jobs.txt", company="Acme",
        locations=("Poland",), remote=True, salary=Salary(19800, 23800, "PLN", "month"), posted=date(2026, 11, 20),
        requirements=(_req("5+ years of Python", ["Python"]), _req("Kubernetes in production", ["Kubernetes"]),
                      _req("AWS experience", ["AWS"], "preferred")),
    ),
    Posting(
        "Data Engineer", "Pipelines.", "raw", "jobs.txt", company="Datafolk", locations=("Germany",),
        requirements=(_req("SQL and Python", ["SQL", "Python"]), _req("Kubernetes", ["Kubernetes"]),
                      _req("Spark", ["Apache Spark"])),
    ),
    Posting(
        "Platform Engineer", "Clusters.", "raw", "jobs.txt", company="Cloudy", locations=("Worldwide",),
        requirements=(_req("Docker", ["Docker"]), _req("Kubernetes", ["Kubernetes"])),
    ),
    Posting(
        "Frontend Developer", "Screens.", "raw", "jobs.txt", company=None,
        requirements=(_req("React and TypeScript", ["React", "TypeScript"]), _req("Python a plus", ["Python"], "preferred")),
    ),
]


def judge(posting: Posting, cv_skills: set[str]) -> RankedMatch:
    """Score by skill overlap: met requirements over all, in 0..100."""
    assert posting.id is not None
    reqs = []
    for r in posting.requirements:
        missing = [s for s in r.skills if s not in cv_skills]
        status = "met" if not missing else "partial" if len(missing) < len(r.skills) else "missing"
        evidence = CV_SKILLS.get(r.skills[0]) if r.skills and status != "missing" else None
        reqs.append(RequirementMatch(r.text, r.kind, status, evidence, 1.0, list(r.skills), missing))  # type: ignore[arg-type]
    met = sum(r.status == "met" for r in reqs)
    score = 100.0 * met / len(reqs)
    breakdown = ScoreBreakdown(met / len(reqs), 0.5, 0.5, 0.5, 0.5)
    return RankedMatch(posting.id, posting.title, posting.company, score, breakdown, VerdictCounts.of(reqs), requirements=reqs)


def stored_postings(db: Path) -> tuple[Store, dict[int, Posting]]:
    store = Store(db)
    store.add_postings(POSTINGS)
    return store, {p.id: p for p in store.postings() if p.id is not None}


def ranked(postings: dict[int, Posting], cv_skills: set[str] = set(CV_SKILLS)) -> list[RankedMatch]:
    return sorted((judge(p, cv_skills) for p in postings.values()), key=lambda m: -m.score)


def sample_cv(name: str = "John Doe") -> CV:
    sections = [CVSection("summary", "Summary", "Backend developer with 6 years of Python."),
                CVSection("experience", "Work Experience", "Built data pipelines in Python and SQL.\n"
                          "Shipped services in Docker containers."),
                CVSection("skills", "Skills", "Python, SQL, Docker")]
    skills = [SkillEvidence(s, sentence) for s, sentence in CV_SKILLS.items()]
    report = ParseReport(pages=2, chars=4512, sections=[s.name for s in sections], skills_found=len(skills),
                         warnings=["Icon-font glyphs removed from the contact line"])
    return CV(name, "text", "john_doe.pdf", sections, skills, 6.0, report, {"email": "john@example.com"},
              created=datetime(2026, 11, 24, 8, 30))


def sample_store(db: Path) -> tuple[Store, dict[int, Posting]]:
    """The app's own first-run samples 003 (one plain-text posting) and 001 (an HTML table of three),
    read by the real importer, skills filled by the real extractor."""
    store = Store(db)
    files = [next((SAMPLES / "jobs").glob(f"{prefix}_*.txt")) for prefix in ("003", "001")]
    summary = services.import_postings(store, files)
    assert summary.imported == 4 and not summary.errors
    return store, {p.id: p for p in store.postings() if p.id is not None}


def gap_items(store: Store, cv: CV | None = None) -> list[GapItem]:
    """What the engine says blocks the stored postings for the sample CV (the real session and model)."""
    extractor = services.skill_extractor(store)
    cv_id = store.add_cv(services.annotate_cv(cv or sample_cv(), extractor))
    return services.RankingSession(store).skill_gap(cv_id)
