"""The shipped taxonomy: canonical names, aliases, categories, implications, user entries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from matcher.engine.taxonomy import CATEGORIES, DEFAULT_PATH, Taxonomy, alias_key, default_taxonomy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return default_taxonomy()


@pytest.mark.parametrize(("alias", "canonical"), [
    ("Golang", "Go"), ("golang", "Go"), ("Postgres", "PostgreSQL"), ("postgresql", "PostgreSQL"),
    ("Springboot", "Spring Boot"), ("JS", "JavaScript"), ("NodeJS", "Node.js"), ("Node JS", "Node.js"),
    ("K8s", "Kubernetes"), ("ReactJS", "React"), ("dotnet", ".NET"), ("CICD", "CI/CD"),
    ("Continuous integration", "CI/CD"), ("MS SQL Server", "SQL Server"), ("C Sharp", "C#"),
    # O*NET product names map onto the names postings use
    ("Microsoft Excel", "Excel"), ("Oracle Java", "Java"), ("Apache Kafka", "Kafka"),
    ("Amazon Simple Storage Service S3", "AWS S3"), ("Structured query language SQL", "SQL"),
    ("Intuit QuickBooks", "QuickBooks"), ("Atlassian JIRA", "Jira"), ("Adobe Photoshop", "Photoshop"),
])
def test_aliases_resolve_to_one_canonical_name(tax: Taxonomy, alias: str, canonical: str) -> None:
    assert tax.canonical(alias) == canonical
    assert alias in tax


def test_unknown_names_are_not_skills(tax: Taxonomy) -> None:
    assert tax.get("definitely not a skill") is None
    assert tax.canonical("") is None
    assert "Word" not in {s.name for s in tax.skills()}  # "Microsoft Word" keeps its vendor


def test_every_skill_has_a_known_category_and_lists_its_aliases(tax: Taxonomy) -> None:
    assert len(tax) > 5000  # curated + O*NET + ESCO
    for skill in tax.skills():
        assert skill.category in CATEGORIES, skill
    postgres = tax.get("postgres")
    assert postgres is not None and "Postgres" in postgres.aliases and postgres.category == "database"


@pytest.mark.parametrize(("name", "category"), [
    ("Python", "language"), ("Django", "framework"), ("PostgreSQL", "database"), ("AWS", "cloud"),
    ("Docker", "tool"), ("Agile", "method"), ("Distributed systems", "domain"),
    ("Communication", "soft skill"), ("English", "spoken language"), ("CPA", "certification"),
])
def test_categories(tax: Taxonomy, name: str, category: str) -> None:
    skill = tax.get(name)
    assert skill is not None and skill.category == category


def test_hot_technologies_come_from_onet(tax: Taxonomy) -> None:
    assert tax.get("Python").hot  # type: ignore[union-attr]
    assert not tax.get("Bookkeeping").hot  # type: ignore[union-attr]


@pytest.mark.parametrize("name", [
    "Accounting", "Bookkeeping", "Tax preparation", "GAAP", "IFRS", "CPA", "Payroll", "SEO", "Sales",
    "Recruiting", "Negotiation", "UX design", "Figma", "QuickBooks", "Lacerte", "Workday", "SHRM",
])
def test_non_tech_skills_are_in(tax: Taxonomy, name: str) -> None:
    assert tax.canonical(name) == name


@pytest.mark.parametrize(("skill", "implied", "strength"), [
    ("Django", "Python", 1.0), ("Flask", "Python", 1.0), ("PostgreSQL", "SQL", 0.9), ("MySQL", "SQL", 0.9),
    ("Spring Boot", "Java", 1.0), ("Spring Boot", "Spring", 1.0), ("AWS Lambda", "AWS", 1.0),
    ("React", "JavaScript", 1.0), ("TypeScript", "JavaScript", 0.9), ("Next.js", "React", 1.0),
    ("Kubernetes", "Containers", 0.9),
    # a sysadmin's monitoring suites still show observability, now that "monitoring" alone does not
    ("Nagios", "Observability", 0.8), ("SolarWinds", "Observability", 0.7),
])
def test_implications(tax: Taxonomy, skill: str, implied: str, strength: float) -> None:
    assert tax.implied(skill)[implied] == pytest.approx(strength)


def test_implications_are_transitive_and_bounded(tax: Taxonomy) -> None:
    nextjs = tax.implied("Next.js")
    assert nextjs["JavaScript"] == pytest.approx(1.0)  # via React
    kube = tax.implied("Kubernetes")
    assert 0 < kube["Docker"] < kube["Containers"]  # Docker is the weaker inference
    assert tax.implied("Postgres") == tax.implied("PostgreSQL")  # aliases work too
    assert "AWS" in tax.implied("Amazon Redshift")  # vendor family, derived by the build
    for name in ("Django", "Spring Boot", "CPA", "Figma"):
        assert all(0 < v <= 1 for v in tax.implied(name).values())
        assert name not in tax.implied(name)


@pytest.mark.parametrize(("narrow", "wide"), [
    ("Sass", "CSS"), ("SCSS", "CSS"), ("HTTP", "Networking"), ("Telecommunications", "3GPP"),
    ("Persuasion", "Communication"), ("Troubleshooting", "Problem solving"),
    # rjdb: "Strong written communication skills" met by "Interpersonal skills", "Time Management" by
    # "Multitasking Skills: Clear and purpose-driven conduct amidst a multitude of assignments"
    ("Interpersonal skills", "Communication"), ("Multitasking", "Time management"),
    # An IT CV's degree line quoted as proof of "Systems engineering", read as Linux administration
    ("Systems engineering", "Linux systems administration"),
])
def test_a_name_is_not_an_alias_of_another_skill_it_only_touches(tax: Taxonomy, narrow: str, wide: str) -> None:
    # As aliases, a CV naming the wide one met a line asking for the narrow one ("SASS" by "CSS",
    # "HTTP Protocol" by "Network Engineering"): each is a skill of its own, implying the other at most.
    assert tax.canonical(narrow) not in (None, wide)
    assert tax.related(wide, narrow) < 0.5


def test_a_preprocessor_shows_the_language_it_compiles_to(tax: Taxonomy) -> None:
    assert tax.implied("Sass")["CSS"] == pytest.approx(1.0)
    assert tax.implied("Persuasion")["Communication"] == pytest.approx(0.5)
    assert tax.implied("Interpersonal skills")["Communication"] == pytest.approx(0.5)  # in part: partial at most
    # Linux administration is administration, not the other way round: a Windows Server admin is one too
    assert tax.implied("Linux system administration")["System administration"] == pytest.approx(1.0)
    assert tax.canonical("Sysadmin") == "System administration" and "Linux" not in tax.implied("Sysadmin")


def test_a_product_shows_the_class_of_software_onet_files_it_under(tax: Taxonomy) -> None:
    # An IT manager listing "Microsoft Word/Excel/Access/…/Project" was told "not in your CV:
    # Spreadsheet software" for "(e.g. App Scripts, spreadsheet software, etc)".
    assert tax.implied("Excel")["Spreadsheet software"] == pytest.approx(1.0)
    assert tax.implied("Microsoft Project")["Project management software"] == pytest.approx(1.0)
    assert tax.implied("QuickBooks")["Accounting software"] == pytest.approx(1.0)
    # O*NET's loosest classes are left out: GitHub is no application server, Facebook no web page editor
    assert "Application server software" not in tax.implied("GitHub")
    assert "Web page creation and editing software" not in tax.implied("Facebook")
    assert tax.related("Spreadsheet software", "Excel") == 0.0  # the class does not show the product


def test_react_does_not_imply_angular(tax: Taxonomy) -> None:
    assert "Angular" not in tax.implied("React")
    assert tax.related("React", "Angular") == 0.0


def test_related_is_directional(tax: Taxonomy) -> None:
    assert tax.related("Postgres", "PostgreSQL") == 1.0
    assert tax.related("Django", "Python") == 1.0
    assert tax.related("Python", "Django") == 0.0  # Python does not show Django
    assert tax.related("PostgreSQL", "MySQL") == pytest.approx(0.5)  # curated sibling group
    assert tax.related("Excel", "Kubernetes") == 0.0


def test_user_entries_make_a_new_taxonomy(tax: Taxonomy) -> None:
    mine = tax.with_user_entries(skills=[("Zanzibar", "method")],
                                 aliases={"k8": "Kubernetes", "Cloud Plumbing": "Plumbing as a Service"})
    assert mine.get("zanzibar").category == "method"  # type: ignore[union-attr]
    assert mine.canonical("k8") == "Kubernetes"
    assert mine.canonical("cloud plumbing") == "Plumbing as a Service"  # unknown target: created
    assert "k8" in mine.get("Kubernetes").aliases  # type: ignore[union-attr]
    assert mine.implied("Kubernetes") == tax.implied("Kubernetes")
    assert len(mine) == len(tax) + 2
    assert tax.canonical("k8") is None and "Zanzibar" not in tax  # the shipped one is untouched


def test_user_skill_that_exists_is_not_duplicated(tax: Taxonomy) -> None:
    mine = tax.with_user_entries(skills=[("python", "tool")])
    assert len(mine) == len(tax) and mine.get("python").category == "language"  # type: ignore[union-attr]


def test_default_taxonomy_is_loaded_once() -> None:
    assert default_taxonomy() is default_taxonomy()


def test_alias_key_keeps_symbol_names_apart() -> None:
    assert alias_key("C++, C#, C") == ("c++", "c#", "c")
    assert alias_key("ASP.NET") == ("asp", ".net")
    assert alias_key("Node.js") == alias_key("Node JS")
    assert alias_key("Python's") == ("python",)


def _build_script() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_taxonomy", ROOT / "scripts" / "build_taxonomy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_file_is_what_the_build_script_makes(shared_dir: Path) -> None:
    """resources/taxonomy/taxonomy.json must be regenerated whenever curated.toml changes."""
    built = _build_script().build(shared_dir)
    shipped = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    assert built == shipped


@pytest.mark.parametrize(("surface", "mode"), [
    ("Cisco", "x"), ("VMware", "x"), ("Teamcenter", "x"), ("PuTTY", "x"), ("spaCy", "x"),  # no English word
    ("Survey", "a"), ("Publisher", "a"), ("RADIUS", "a"),  # English words, in any case
    ("Maya", "a"), ("GMS", "a"),  # a person's name; a short all-caps name
    ("Adobe Photoshop", "i"),  # two words are safe in any case
])
def test_how_a_one_word_source_name_is_matched(surface: str, mode: str) -> None:
    english = frozenset({"survey", "publisher", "radius", "putty", "spacy"})
    assert _build_script().auto_mode(surface, english, frozenset({"Maya"})) == mode


@pytest.mark.parametrize(("alias", "canonical"), [
    ("Accounts payable processing", "Accounts payable"), ("Bank reconciliations", "Account reconciliation"),
    ("Month end close", "Month-end close"), ("Financial forecasting", "Forecasting"), ("ICFR", "Internal controls"),
    # an accountant's statements, not reporting tools (it was an alias of Automated reporting)
    ("Financial reporting", "Financial statements"),
    ("Human resources information system", "HRIS"), ("Benefits enrollment", "Benefits administration"),
    ("Lead gen", "Lead generation"), ("Cold-calling", "Cold calling"), ("Consultative selling", "Solution selling"),
    ("Press release", "Press releases"), ("Brand identity", "Branding"), ("Usability tests", "Usability testing"),
    ("Computer-aided design", "CAD"), ("Geometric dimensioning and tolerancing", "GD&T"), ("RCA", "Root cause analysis"),
    ("Lean Six Sigma Green Belt", "Six Sigma Green Belt"), ("Ladder logic", "PLC programming"),
    ("Drafting contracts", "Contract drafting"), ("Receptionist", "Reception"), ("Patient scheduling", "Scheduling"),
    ("Multi-line phones", "Multi-line phone systems"), ("Prior auth", "Prior authorization"), ("UKG", "Kronos"),
])
def test_non_tech_aliases_resolve(tax: Taxonomy, alias: str, canonical: str) -> None:
    assert tax.canonical(alias) == canonical


@pytest.mark.parametrize(("name", "category"), [
    ("Accounts payable", "method"), ("Lead generation", "method"), ("Typography", "method"),
    ("Litigation", "domain"), ("Structural engineering", "domain"), ("CAD", "tool"), ("Epic Systems", "tool"),
    ("Six Sigma Green Belt", "certification"), ("Professional Engineer", "certification"), ("PMP", "certification"),
    ("SHRM", "certification"), ("Confidentiality", "soft skill"), ("De-escalation", "soft skill"),
])
def test_non_tech_categories(tax: Taxonomy, name: str, category: str) -> None:
    skill = tax.get(name)
    assert skill is not None and skill.category == category


@pytest.mark.parametrize(("skill", "implied", "strength"), [
    ("QuickBooks", "Bookkeeping", 0.8), ("Photoshop", "Adobe Creative Suite", 0.7), ("SolidWorks", "CAD", 1.0),
    ("CPA", "Accounting", 1.0), ("Six Sigma Green Belt", "Six Sigma", 1.0), ("Month-end close", "Accounting", 0.9),
    ("Cold calling", "Business development", 0.8), ("Media relations", "Public relations", 0.9),
    ("Revit", "BIM", 1.0), ("Altium Designer", "PCB design", 1.0), ("Westlaw", "Legal research", 1.0),
    ("Workday", "HRIS", 0.9), ("Call center", "Customer service", 0.9),
])
def test_non_tech_implications(tax: Taxonomy, skill: str, implied: str, strength: float) -> None:
    assert tax.implied(skill)[implied] == pytest.approx(strength)


# ---- the version derived data is keyed by (issue 14) ----
def test_version_changes_with_the_users_entries_and_only_then(tax: Taxonomy) -> None:
    assert len(tax.version) == 12 and tax.version == Taxonomy.load().version  # the same file, the same version
    mine = tax.with_user_entries(skills=[("Zanzibar", "tool")])
    assert mine.version != tax.version
    assert tax.with_user_entries(skills=[("Zanzibar", "tool")]).version == mine.version  # deterministic
    assert tax.with_user_entries(skills=[("Zanzibar", "tool")], aliases={"zb": "Zanzibar"}).version != mine.version
    assert tax.with_user_entries(skills=[("python", "tool")]).version == tax.version  # nothing new: same skills


def test_version_changes_with_the_shipped_table(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["skills"].append(["Zanzibar", "tool", 0, [["Zanzibar", "i"]]])
    edited = tmp_path / "taxonomy.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert Taxonomy.load(edited).version != default_taxonomy().version


def test_a_taxonomy_built_in_code_has_a_version_of_what_it_holds() -> None:
    one = Taxonomy([], []).with_user_entries(skills=[("Widget Making", "domain")])
    assert one.version == Taxonomy([], []).with_user_entries(skills=[("Widget Making", "domain")]).version
    assert one.version != Taxonomy([], []).version


def test_services_expose_the_version_of_the_users_taxonomy(tmp_path: Path) -> None:
    from matcher.services import skill_extractor
    from matcher.store import Store

    store = Store(tmp_path / "m.db")
    shipped = skill_extractor(store).version
    assert shipped == default_taxonomy().version
    store.add_user_skill("Zanzibar", "tool")
    assert skill_extractor(store).version != shipped


def test_category_names_are_no_skills_and_databases_are_database_systems(tax: Taxonomy) -> None:
    for name in ("Programming languages", "Databases", "Cloud platforms", "Soft skills", "Frameworks"):
        assert tax.get(name) is None, name
        assert name in tax.not_skill_names()
    assert tax.implied("PostgreSQL")["Database systems"] > 0  # via Relational databases


def test_mined_names_come_from_the_miner(shared_dir: Path) -> None:
    """scripts/mine_aliases.py finds the names reviewed into mined.toml, and keeps held-out lines out."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("mine_aliases", ROOT / "scripts" / "mine_aliases.py")
    assert spec is not None and spec.loader is not None
    miner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(miner)
    esco = {(name, parent) for name, parent, _ in miner.esco_examples(shared_dir)}
    assert {("Valgrind", "ICT debugging tools"), ("WinDbg", "ICT debugging tools")} <= esco
    held_out = json.loads((ROOT / "benchmarks/data/heldout_gold.json").read_text(encoding="utf-8"))["lines"]
    assert not {line["text"] for line in held_out} & set(miner.google_lines(shared_dir))
    assert miner.list_items("e.g. Java, Kotlin, Gradle or Bazel") == ["Java", "Kotlin", "Gradle", "Bazel"]
    assert tax_canonical("Platform-as-a-Service") == "PaaS" and tax_canonical("Valgrind") == "Valgrind"


def tax_canonical(name: str) -> str | None:
    return default_taxonomy().canonical(name)
