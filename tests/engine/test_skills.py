"""Skill extraction: aliases, symbol names, ambiguous words, user entries, real samples."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.engine.skills import SkillExtractor
from matcher.engine.taxonomy import Taxonomy, default_taxonomy


@pytest.fixture(scope="module")
def ex() -> SkillExtractor:
    return SkillExtractor(default_taxonomy())


@pytest.mark.parametrize(("text", "skill"), [
    ("5 years of Golang", "Go"), ("GoLang, Java", "Go"), ("Postgres preferred", "PostgreSQL"),
    ("Java, Springboot, Microservices", "Spring Boot"), ("strong JS skills", "JavaScript"),
    ("Modern C++ (17/20)", "C++"), ("C# developer", "C#"), (".NET Core services", ".NET"),
    ("Node.js and TypeScript", "Node.js"), ("NodeJS", "Node.js"), ("CI/CD pipelines", "CI/CD"),
    ("K8s clusters", "Kubernetes"), ("ReactJs", "React"), ("Python3", "Python"),
    ("PostgreSQL 15", "PostgreSQL"), ("Express.js", "Express.js"), ("Spring\nBoot", "Spring Boot"),
    ("Infrastructure-as-code", "Infrastructure as Code"), ("Python's asyncio", "Python"),
])
def test_aliases_and_symbol_names_are_found(ex: SkillExtractor, text: str, skill: str) -> None:
    assert skill in ex.skills(text)


def test_symbol_names_keep_their_boundaries(ex: SkillExtractor) -> None:
    assert ex.skills("C++ and C#") == ["C++", "C#"]  # neither is C
    assert ex.skills("ASP.NET MVC") == ["ASP.NET"]  # not .NET as well
    assert ".NET" not in ex.skills("see https://example.net for details")
    assert ex.skills("C/C++") == ["C", "C++"]


@pytest.mark.parametrize(("text", "skill"), [
    ("Our go-to-market plan for Q3", "Go"), ("GO-TO-MARKET MANAGER", "Go"), ("let's go", "Go"),
    ("Let's Go!", "Go"), ("LET'S GO TEAM", "Go"), ("Go to the office twice a week", "Go"),
    ("Grow our R&D team", "R"), ("We are a Swift payments team", "Swift"),
    ("Spring 2024 internship", "Spring"), ("Express your ideas freely", "Express.js"),
    ("C-level executives", "C"), ("Grade C or above", "C"), ("a rust-proof coating", "Rust"),
    ("Put guard Rails around it", "Ruby on Rails"), ("play darts", "Dart"), ("Excel in a fast-paced team", "Excel"),
    ("Segment and profile key markets", "Segment"), ("Experience with Oracle ERP", "Oracle Database"),
])
def test_ambiguous_words_are_not_skills_out_of_context(ex: SkillExtractor, text: str, skill: str) -> None:
    assert skill not in ex.skills(text)


@pytest.mark.parametrize(("text", "skills"), [
    ("Key requirements: Go, Cloud software development, Kubernetes", ["Go"]),
    ("Experience with Go and Rust", ["Go", "Rust"]),
    ("Go", ["Go"]),
    ("Python, R, SAS", ["R"]),
    ("R programming for statistics", ["R"]),
    ("Swift, SwiftUI, Xcode", ["Swift"]),
    ("Java, Spring, Hibernate", ["Spring"]),
    ("Ruby, Rails, Active Record", ["Ruby on Rails"]),
    ("Node.js, Express, React", ["Express.js"]),
    ("Flutter/Dart", ["Dart", "Flutter"]),
    ("proficiency in C and embedded firmware", ["C"]),
    ("AWS (Lambda/API Gateway/SQS)", ["AWS Lambda", "AWS SQS"]),
    ("Salesforce, Box, ProSeries, and Lacerte", ["Box"]),
    ("advanced Excel skills", ["Excel"]),
])
def test_ambiguous_words_are_skills_in_context(ex: SkillExtractor, text: str, skills: list[str]) -> None:
    found = ex.skills(text)
    assert all(s in found for s in skills), found


def test_go_to_market_is_its_own_skill(ex: SkillExtractor) -> None:
    assert ex.skills("Own our GO-TO-MARKET strategy") == ["Go-to-market strategy"]


def test_mentions_point_into_the_text(ex: SkillExtractor) -> None:
    text = "We use Postgres, K8s and CI/CD."
    mentions = ex.find(text)
    assert [m.skill for m in mentions] == ["PostgreSQL", "Kubernetes", "CI/CD"]
    for m in mentions:
        assert text[m.start:m.end] == m.surface


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Go", "go", "C", "C++", "C#", ".NET", "R&D", "Node.js", "CI/CD", "-", ",", " ",
                                 "\n", "/", "(", ")", "Python's", "Spring", "Boot", "to", "market", "é", "Excel"]),
                max_size=30).map("".join))
def test_mentions_never_overlap_and_match_the_text(ex: SkillExtractor, text: str) -> None:
    mentions = ex.find(text)
    for m in mentions:
        assert text[m.start:m.end] == m.surface and m.skill in default_taxonomy()
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start


def test_skills_are_unique_in_order_of_first_mention(ex: SkillExtractor) -> None:
    assert ex.skills("Python, Django, python again, Postgres, PostgreSQL") == ["Python", "Django", "PostgreSQL"]
    assert ex.skills("") == []


def test_longest_name_wins(ex: SkillExtractor) -> None:
    assert ex.skills("Ruby on Rails") == ["Ruby on Rails"]
    assert ex.skills("Spring Boot") == ["Spring Boot"]
    assert ex.skills("React Native") == ["React Native"]


def test_user_entries_are_used(ex: SkillExtractor) -> None:
    mine = default_taxonomy().with_user_entries(skills=[("Zanzibar", "tool")],
                                                aliases={"tf": "Terraform", "Golang": "Go"})
    mine_ex = SkillExtractor(mine)
    assert mine_ex.skills("Zanzibar and tf modules") == ["Zanzibar", "Terraform"]
    assert "Zanzibar" not in ex.skills("Zanzibar")  # the shipped extractor does not know it


def test_extractor_works_on_a_small_hand_made_taxonomy() -> None:
    tax = Taxonomy([], []).with_user_entries(skills=[("Widget Making", "domain")], aliases={"WM": "Widget Making"})
    assert SkillExtractor(tax).skills("Expert in WM; loves widget making") == ["Widget Making"]


def _strip_tags(raw: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_tax_accountant_posting(ex: SkillExtractor, shared_dir: Path) -> None:
    raw = (shared_dir / "samples" / "jobs" / "002_7193f45c9282b928.txt").read_text(encoding="utf-8")
    text = _strip_tags(raw)
    posting = text[text.index("Greenback"):text.index("SportyBet")]
    found = ex.skills(posting)
    for skill in ("CPA", "Tax preparation", "Accounting", "Salesforce", "ProSeries", "Lacerte",
                  "Customer service", "Attention to detail"):
        assert skill in found, found
    assert not {"Go", "R", "C", "Swift", "Networking"} & set(found)


def test_key_requirements_of_a_real_posting(ex: SkillExtractor, shared_dir: Path) -> None:
    lines = [line for path in (shared_dir / "samples" / "jobs").glob("000_*.txt")
             for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("Key requirements:")]
    line = next(x for x in lines if "Springboot" in x)
    assert set(ex.skills(line)) >= {"Java", "Spring Boot", "Microservices", "AWS", "AWS RDS", "Redshift",
                                    "AWS SQS", "AWS SNS", "Fintech"}
    everything = {s for x in lines for s in ex.skills(x)}
    assert {"Go", "C++", "C#", ".NET", "Node.js", "CI/CD", "PostgreSQL"} <= everything


def test_cv_skills_section(ex: SkillExtractor, shared_dir: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(shared_dir / "samples" / "cvs" / "john_doe.pdf")
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    found = set(ex.skills(text))
    assert {"Java", "Spring Boot", "Angular", "Hibernate", "JUnit", "Mockito", "MySQL", "MongoDB",
            "Docker", "Git", "TypeScript", "Agile", "Scrum"} <= found
    assert not {"Go", "R", "C"} & found


# ---- beyond software: office, finance, HR, sales, design, engineering, legal, healthcare admin ----
@pytest.mark.parametrize(("text", "skill"), [
    ("3+ years in accounts payable and three-way matching", "Accounts payable"),
    ("full-cycle accounts receivable and collections", "Accounts receivable"),
    ("maintain the general ledger", "General ledger"), ("bank reconciliations", "Account reconciliation"),
    ("support the month end close", "Month-end close"), ("prepare journal entries", "Journal entries"),
    ("budgeting and forecasting", "Budgeting"), ("budgeting and forecasting", "Forecasting"),
    ("SOX testing of internal controls", "Internal controls"), ("Sarbanes-Oxley", "SOX compliance"),
    ("Intuit QuickBooks Online", "QuickBooks"), ("QuickBooks, Xero", "Xero"),
    ("Benefits enrollment and open enrollment", "Benefits administration"), ("HRIS data", "HRIS"),
    ("SHRM-CP preferred", "SHRM"), ("Workday HCM", "Workday"), ("FMLA and leave of absence", "Leave management"),
    ("lead generation and cold calling", "Lead generation"), ("lead generation and cold calling", "Cold calling"),
    ("B2B sales experience", "B2B sales"), ("Salesforce CRM", "Salesforce"), ("HubSpot", "HubSpot"),
    ("upselling and cross-selling", "Upselling"), ("wrote press releases", "Press releases"),
    ("media relations", "Media relations"), ("on-page SEO", "SEO"), ("keyword research", "Keyword research"),
    ("Adobe Illustrator", "Illustrator"), ("InDesign", "InDesign"), ("brand identity", "Branding"),
    ("a strong sense of typography", "Typography"), ("interactive prototypes", "Prototyping"),
    ("usability testing", "Usability testing"), ("logo design", "Logo design"),
    ("AutoCAD or other CAD software", "CAD"), ("SolidWorks", "SolidWorks"), ("PTC Creo", "Creo"),
    ("GD&T per ASME Y14.5", "GD&T"), ("root cause analysis", "Root cause analysis"), ("8D reports", "Root cause analysis"),
    ("lean manufacturing", "Lean manufacturing"), ("Six Sigma Green Belt", "Six Sigma Green Belt"),
    ("Allen-Bradley PLCs", "PLC"), ("ladder logic", "PLC programming"), ("MATLAB and Simulink", "Simulink"),
    ("Licensed Professional Engineer", "Professional Engineer"), ("PE license", "Professional Engineer"),
    ("contract drafting", "Contract drafting"), ("legal research", "Legal research"), ("civil litigation", "Litigation"),
    ("Westlaw", "Westlaw"), ("data entry", "Data entry"), ("Scheduling, data entry", "Scheduling"),
    ("appointment scheduling", "Scheduling"), ("calendar management", "Calendar management"),
    ("multi-line phone system", "Multi-line phone systems"), ("MS Office", "Microsoft Office"),
    ("medical billing and coding", "Medical billing"), ("CPT coding", "Medical coding"),
    ("insurance verification", "Insurance verification"), ("Epic, Cerner", "Epic Systems"),
    ("Bachelor's degree in Finance", "Finance"), ("Bachelor of Science in Finance", "Finance"),
    ("Compliance experience in banking", "Compliance"),
])
def test_non_tech_aliases_are_found(ex: SkillExtractor, text: str, skill: str) -> None:
    assert skill in ex.skills(text)


@pytest.mark.parametrize("text", [
    "We are looking for someone who will excel in a fast-paced office environment and lead by example.",
    "Our sales team designs solutions that give customers access to the right word at the right time.",
    "Sales were up this quarter and our design team is growing.",
    "The Finance team will review your expenses.",
    "We keep a positive outlook and a lean team.",
    "Salary: CAD 85,000 per year.",
    "Partner with Marketing, Finance, Legal and Compliance teams.",
    "Our Compliance team reviews every launch.",
    "Holds an M.A. in History",
    "an epic journey with Epic proportions",
    "PE firm experience preferred",
    "scheduling conflicts may arise",
    "Please send your resume and a cover letter.",
])
def test_everyday_words_of_office_prose_are_not_skills(ex: SkillExtractor, text: str) -> None:
    found = set(ex.skills(text))
    assert not found & {"Excel", "Microsoft Word", "Microsoft Access", "Sales", "Finance", "Outlook", "Lean",
                        "CAD", "Epic Systems", "Professional Engineer", "Scheduling", "Leadership",
                        "Office administration", "Compliance", "Mergers and acquisitions"}, found


def test_a_bracketed_acronym_is_not_another_skill(ex: SkillExtractor) -> None:
    assert ex.skills("Certified Payroll Professional (CPP) required") == ["Certified Payroll Professional"]
    assert ex.skills("Skills: C, CPP, Java") == ["C", "C++", "Java"]  # a list of languages keeps it
    assert ex.skills("Licensed Professional Engineer (PE)") == ["Professional Engineer"]


def test_a_finer_name_wins_over_the_broad_one(ex: SkillExtractor) -> None:
    # the finer skill is found; the broad one comes through the implication the matcher follows
    assert ex.skills("accounts payable") == ["Accounts payable"]
    assert default_taxonomy().implied("Accounts payable")["Accounting"] == pytest.approx(0.8)
