"""The command-line contract, end to end on real sample files and a real SQLite file.

Other tools call these commands exactly as written and read the JSON by field name, so the tests
check names, types, exit codes and that stdout holds nothing but the JSON document.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matcher import services
from matcher.cli import main
from matcher.paths import SAMPLES
from matcher.store import Store

JOBS = SAMPLES / "jobs"
CV_PDF = SAMPLES / "cvs" / "john_doe.pdf"
POSTING_KEYS = {"id", "title", "company", "locations", "remote", "salary", "posted", "url", "tags", "description", "requirements"}


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> object:
    code, out, err = run(capsys, db, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def sample(prefix: str) -> Path:
    return next(JOBS.glob(f"{prefix}_*.txt"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "matcher.db"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "frobnicate"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "rank", "--top", "0"])
    assert exit_info.value.code == 2


def test_empty_database_lists_nothing_and_rank_explains_why_it_cannot(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run_json(capsys, db, "jobs", "list") == []
    assert run_json(capsys, db, "cv", "list") == []
    code, out, err = run(capsys, db, "rank", "--json")
    assert code == 1 and out == "" and "cv import" in err


def test_importing_the_four_sample_files_gives_93_postings_once(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    first = run_json(capsys, db, "jobs", "import", str(JOBS))
    assert first == {"imported": 86 + 3 + 3 + 1, "duplicates": 0, "errors": [], "merged": 0}
    again = run_json(capsys, db, "jobs", "import", *map(str, sorted(JOBS.glob("*.txt"))))
    assert again == {"imported": 0, "duplicates": 93, "errors": [], "merged": 0}
    postings = run_json(capsys, db, "jobs", "list")
    assert isinstance(postings, list) and len(postings) == 93
    assert all(POSTING_KEYS <= set(p) for p in postings)
    loki = next(p for p in postings if p["title"] == "Senior Software Engineer - Loki Query")
    assert loki["company"] == "Grafana Labs"
    assert loki["salary"] == {"min": 94000, "max": 118000, "currency": "EUR", "period": "year"}
    assert loki["locations"] == ["United Kingdom", "Germany", "Spain", "Sweden"]
    assert {"text", "kind", "skills", "years"} == set(loki["requirements"][0])
    assert "Go" in {s for r in loki["requirements"] for s in r["skills"]}


def test_partial_import_exits_0_and_lists_each_error(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\xff\xfe" * 500)
    result = run_json(capsys, db, "jobs", "import", str(sample("003")), str(broken), str(tmp_path / "missing.csv"))
    assert result["imported"] == 1
    assert {e["path"] for e in result["errors"]} == {str(broken), str(tmp_path / "missing.csv")}
    assert all(e["reason"] for e in result["errors"])


def test_import_with_nothing_importable_exits_1_and_keeps_stored_data(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    run_json(capsys, db, "jobs", "import", str(sample("003")))
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, db, "jobs", "import", str(empty), "--json")
    assert code == 1 and json.loads(out)["errors"][0]["path"] == str(empty) and "empty" in err
    assert len(run_json(capsys, db, "jobs", "list")) == 1


def test_database_can_be_chosen_by_environment(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATCHER_DB", str(tmp_path / "env.db"))
    assert main(["jobs", "import", str(sample("003"))]) == 0
    assert (tmp_path / "env.db").exists()


def test_unknown_shortlist_ids_are_refused(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, _, err = run(capsys, db, "shortlist", "add", "42")
    assert code == 1 and "42" in err


def test_console_script_and_module_run_the_same_command(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    script = Path(sys.executable).with_name("matcher")
    for command in ([str(script)], [sys.executable, "-m", "matcher"]):
        done = subprocess.run([*command, "--db", str(db), "jobs", "list", "--json"], capture_output=True, text=True)
        assert done.returncode == 0 and json.loads(done.stdout) == []



def test_a_reader_that_stops_reading_is_no_error(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert main(["--db", str(db), "jobs", "import", str(sample("001"))]) == 0
    capsys.readouterr()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before a line is written, as `matcher jobs list | head -0` does
    done = subprocess.run([sys.executable, "-m", "matcher", "--db", str(db), "jobs", "list"], stdout=write_end,
                          stderr=subprocess.PIPE, text=True)
    os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")

# -- with a CV and the real embedding model ------------------------------------------------------
@pytest.fixture(scope="module")
def ranked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ranked") / "matcher.db"
    assert main(["--db", str(db), "jobs", "import", str(sample("001")), str(sample("003"))]) == 0
    assert main(["--db", str(db), "cv", "import", str(CV_PDF)]) == 0
    return db


def test_cv_import_reports_id_name_skills_and_years(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    cv = run_json(capsys, db, "cv", "import", str(CV_PDF))
    assert {"id", "name", "skills", "years_experience", "chars"} <= set(cv)
    assert isinstance(cv["id"], int) and cv["name"].lower() == "john doe"
    assert {"Java", "Spring Boot", "Angular"} <= set(cv["skills"])
    assert cv["chars"] > 1000
    assert [c["id"] for c in run_json(capsys, db, "cv", "list")] == [cv["id"]]


def test_unreadable_cv_exits_1_and_stores_nothing(capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "cv.pdf"
    damaged.write_bytes(CV_PDF.read_bytes()[:400])
    code, out, err = run(capsys, db, "cv", "import", str(damaged), "--json")
    assert code == 1 and out == "" and str(damaged) in err
    assert run_json(capsys, db, "cv", "list") == []


@pytest.mark.slow
def test_rank_json_is_best_first_with_explained_requirements(capsys: pytest.CaptureFixture[str], ranked_db: Path) -> None:
    ranked = run_json(capsys, ranked_db, "rank")
    assert isinstance(ranked, list) and len(ranked) == 4
    scores = [r["score"] for r in ranked]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 100 for s in scores)
    # the score as the engine computes it, to two decimals: scores 0.04 apart stay apart
    store = Store(ranked_db)
    engine = {m.posting_id: m.score for m in services.rank(store, store.cvs()[-1])}
    store.close()
    assert {r["job_id"]: r["score"] for r in ranked} == engine
    cv_text = json.dumps(run_json(capsys, ranked_db, "cv", "list"))
    for entry in ranked:
        assert {"job_id", "title", "company", "score", "requirements"} <= set(entry)
        for requirement in entry["requirements"]:
            assert requirement["kind"] in ("required", "preferred")
            assert requirement["status"] in ("met", "partial", "missing")
            if requirement["status"] == "met":  # a CV sentence, or what else shows it, said as such
                assert requirement["evidence"] or (requirement["evidence_kind"] != "cv" and requirement["basis"])
            if requirement["evidence"]:
                assert requirement["evidence_kind"] == "cv"
    assert run_json(capsys, ranked_db, "rank", "--top", "2") == ranked[:2]
    assert cv_text  # the CV list is still readable after ranking

    _, piped, _ = run(capsys, ranked_db, "rank", "--json")
    assert len(piped.splitlines()) == len(ranked) + 2  # into a file or a pipe: one posting per line


def test_json_at_a_terminal_is_indented_and_says_the_same() -> None:
    from matcher.cli.output import json_text

    document = [{"job_id": 1, "requirements": [{"status": "met", "evidence": "Wrote 600 unit tests — pytest"}]}]
    shown = json_text(document, for_terminal=True)
    assert '\n        "status": "met"' in shown and json.loads(shown) == document
    assert json.loads(json_text(document, for_terminal=False)) == document


@pytest.mark.slow
def test_shortlist_and_exports_in_every_format(capsys: pytest.CaptureFixture[str], ranked_db: Path, tmp_path: Path) -> None:
    ranked = run_json(capsys, ranked_db, "rank")
    best, second = ranked[0]["job_id"], ranked[1]["job_id"]
    assert main(["--db", str(ranked_db), "shortlist", "add", str(best), str(second)]) == 0
    assert main(["--db", str(ranked_db), "shortlist", "remove", str(second)]) == 0
    capsys.readouterr()
    listed = run_json(capsys, ranked_db, "shortlist", "list")
    assert [e["job_id"] for e in listed] == [best] and listed[0]["status"] == "Saved"

    for fmt in ("csv", "md", "json", "pdf"):
        out = tmp_path / f"shortlist.{fmt}"
        assert main(["--db", str(ranked_db), "export", "--format", fmt, "--out", str(out), "--shortlist"]) == 0
        data = out.read_bytes()
        assert b"john.doe@email.com" not in data  # contact details stay out unless asked
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
        elif fmt == "csv":
            rows = list(csv.DictReader(out.open(encoding="utf-8")))
            assert [int(r["job_id"]) for r in rows] == [best] and rows[0]["requirements"]
        else:
            assert ranked[0]["title"] in data.decode()
    top = tmp_path / "top.json"
    assert main(["--db", str(ranked_db), "export", "--format", "json", "--out", str(top), "--top", "3"]) == 0
    assert len(json.loads(top.read_text())["postings"]) == 3
    with_contact = tmp_path / "contact.md"
    main(["--db", str(ranked_db), "export", "--format", "md", "--out", str(with_contact), "--top", "1", "--include-contact"])
    assert "john.doe@email.com" in with_contact.read_text()


def test_user_skills_and_aliases_are_used_by_the_extractor(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    text = "We run Zorblax on our klusterz"
    assert run_json(capsys, db, "skills", "find", text) == []
    assert main(["--db", str(db), "skills", "add", "Zorblax", "--category", "tool"]) == 0
    assert main(["--db", str(db), "skills", "alias", "klusterz", "kubernetes"]) == 0
    capsys.readouterr()
    assert run_json(capsys, db, "skills", "find", text) == ["Zorblax", "Kubernetes"]
