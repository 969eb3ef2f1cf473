"""CSV / JSON / JSON Lines exports: JobSpy columns, variants, and the Google careers CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from matcher.domain import Salary
from matcher.ingest.tabular import parse_csv, parse_json

from .conftest import NOW


def test_jobspy_csv(data_dir: Path) -> None:
    postings, issues = parse_csv((data_dir / "jobspy.csv").read_text(encoding="utf-8"), "jobspy.csv", NOW)
    assert issues == [] and len(postings) == 3
    data, frontend, payroll = postings
    assert (data.title, data.company, data.locations) == ("Senior Data Engineer", "Acme Analytics", ("Austin, TX, US",))
    assert data.salary == Salary(140000, 175000, "USD", "year")
    assert data.remote is True and data.posted == date(2024, 5, 2) and data.employment_type == "Full-time"
    assert data.url == "https://www.indeed.com/viewjob?jk=8f1c2a"
    assert data.source == "jobspy.csv#row2" and data.raw.startswith("id,site,job_url")
    # JobSpy writes Markdown with escapes: "5\+ years" must read as "5+ years".
    assert [(r.text, r.kind, r.years) for r in data.requirements] == [
        ("5+ years of experience with Python and SQL", "required", 5),
        ("Hands-on experience with Apache Spark and Kafka", "required", None),
        ("Experience with AWS (S3, Glue, Redshift)", "required", None),
        ("Familiarity with dbt", "preferred", None),
        ("Terraform is a plus", "preferred", None),
    ]
    assert frontend.remote is True and frontend.locations == ("US",)  # "Remote, US"
    assert frontend.employment_type == "Full-time, Contract"
    assert payroll.salary == Salary(32, 38, "USD", "hour") and payroll.employment_type == "Part-time"


def test_malformed_row_is_reported_and_others_import(data_dir: Path) -> None:
    postings, issues = parse_csv((data_dir / "malformed.csv").read_text(encoding="utf-8"), "m.csv", NOW)
    assert [p.title for p in postings] == ["Backend Engineer", "QA Analyst"]
    assert len(issues) == 1 and issues[0].item == "row 3" and "malformed CSV row" in issues[0].reason
    assert postings[0].requirements[0].years == 3


def test_json_with_variant_column_names(data_dir: Path) -> None:
    postings, issues = parse_json((data_dir / "variants.json").read_text(encoding="utf-8"), "v.json", NOW)
    assert issues == []
    ml, writer = postings
    assert (ml.title, ml.company, ml.locations) == ("Machine Learning Engineer", "Hooli", ("Europe",))
    assert ml.salary == Salary(80000, 100000, "EUR", "year") and ml.tags == ("python", "pytorch", "mlops")
    assert ml.posted == date(2024, 3, 18) and ml.url == "https://jobs.example.com/hooli/ml-engineer"
    assert "- Strong Python skills" in ml.description and "<li>" not in ml.description
    assert [r.kind for r in ml.requirements] == ["required", "required", "preferred"]  # perks dropped
    assert writer.company == "Pied Piper" and writer.remote is True
    assert writer.posted == date(2024, 4, 1)  # epoch milliseconds
    assert writer.requirements[0].years == 2


def test_json_lines_with_a_broken_line(data_dir: Path) -> None:
    postings, issues = parse_json((data_dir / "postings.jsonl").read_text(encoding="utf-8"), "p.jsonl", NOW, lines=True)
    assert [p.title for p in postings] == ["Site Reliability Engineer", "Data Analyst"]
    assert postings[0].remote is False and postings[1].salary == Salary(70000, 85000, "USD", "year")
    assert [i.item for i in issues] == ["line 3"]


def test_json_that_holds_no_postings() -> None:
    for text in ("42", '{"name_of_thing": 1}', '["a", "b"]'):
        postings, issues = parse_json(text, "x.json", NOW)
        assert postings == [] and issues[0].reason == "JSON holds no list or object of job postings"


def test_google_careers_csv(shared_dir: Path) -> None:
    text = (shared_dir / "data" / "dev" / "google_job_skills.csv").read_text(encoding="utf-8")
    postings, issues = parse_csv(text, "google.csv", NOW)
    assert issues == [] and len(postings) == 1250
    strategist = postings[5]
    assert strategist.title.startswith("Associate Account Strategist (Czech/Slovak)")
    assert strategist.company == "Google" and strategist.locations == ("Dublin, Ireland",)
    assert strategist.tags == ("Technical Solutions",)
    kinds = [r.kind for r in strategist.requirements]
    assert kinds == ["required"] * 2 + ["preferred"] * 6
    assert "Responsibilities:\n- Communicate with customers" in strategist.description
    untitled = postings[1]
    assert untitled.title_derived and untitled.title  # the CSV has an empty Title there
    assert any(r.years == 3 for r in postings[0].requirements)


def test_remoteok_style_list_with_a_metadata_record() -> None:
    text = ('[{"legal": "API terms of service"}, {"position": "Growth Marketer", "company": "Tailwind Traders", '
            '"tags": ["marketing", "seo"], "salary_min": 60000, "salary_max": 80000, "location": "Worldwide", '
            '"date": "2024-05-05T10:00:00+00:00", "url": "https://remoteok.example/1", '
            '"description": "<p>Grow our funnel.</p><p>Requirements</p><ul><li>3 years of SEO experience</li></ul>"}]')
    postings, issues = parse_json(text, "remoteok.json", NOW)
    assert issues == []
    [posting] = postings
    assert posting.title == "Growth Marketer" and posting.tags == ("marketing", "seo")
    assert posting.salary is not None and (posting.salary.min, posting.salary.max) == (60000, 80000)
    assert posting.posted == date(2024, 5, 5) and posting.requirements[0].years == 3


def test_other_real_export_layouts() -> None:
    # Column sets of well-known public job datasets (LinkedIn, Glassdoor, EMSCAD), one row each.
    linkedin = ("job_id,company_name,title,description,max_salary,pay_period,location,min_salary,"
                "formatted_work_type,remote_allowed,job_posting_url,listed_time\n"
                '921716,Corcoran Sawyer Smith,Marketing Coordinator,"Requirements:\n- 2 years of marketing experience",'
                "22.0,HOURLY,\"Princeton, NJ\",17.0,Full-time,1.0,https://www.linkedin.com/jobs/view/921716,"
                "1713397508000.0\n")
    [job], issues = parse_csv(linkedin, "li.csv", NOW)
    assert issues == [] and job.salary == Salary(17, 22, None, "hour") and job.remote is True
    assert job.employment_type == "Full-time" and job.posted == date(2024, 4, 17)
    glassdoor = ('Job Title,Salary Estimate,Job Description,Rating,Company Name,Location\n'
                 'Data Scientist,$137K-$171K (Glassdoor est.),"Experience with Python and R is required.",3.1,'
                 '"Healthfirst\n3.1","New York, NY"\n')
    [job], _ = parse_csv(glassdoor, "gd.csv", NOW)
    assert job.company == "Healthfirst" and job.salary == Salary(137000, 171000, "USD", "year")
    assert job.requirements[0].text == "Experience with Python and R is required."
    emscad = ("title,location,company_profile,description,requirements,telecommuting,employment_type\n"
              'Customer Service Rep,"US, TX, Austin","We sell solar panels.","Answer calls.",'
              '"High school diploma\n1 year of call centre experience",0,Full-time\n')
    [job], _ = parse_csv(emscad, "emscad.csv", NOW)
    assert job.company_blurb == "We sell solar panels." and job.remote is False
    assert [r.years for r in job.requirements] == [None, 1]
