"""Backup: the user's whole data leaves as one file and comes back whole, or not at all."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from matcher.store.backup import BackupError, read_backup, restore_backup, write_backup
from matcher.domain import CV, CVSection, Posting, ParseReport, Requirement, Salary, SkillEvidence
from matcher.paths import SAMPLES
from matcher.store import Store


def posting(title: str, company: str = "Acme") -> Posting:
    raw = (SAMPLES / "jobs" / "003_38a88ba91144b235.txt").read_text(encoding="utf-8")
    return Posting(
        title=title,
        company=company,
        description=f"{title} at {company}. Build APIs in Python and Go.",
        raw=raw,
        source="003_38a88ba91144b235.txt",
        locations=("Poland",),
        remote=True,
        salary=Salary(19800, 23800, "PLN", "month"),
        posted=date(2026, 11, 20),
        tags=("backend",),
        requirements=(Requirement("3+ years of Python", "required", ["Python"], 3), Requirement("Go", "preferred", ["Go"])),
        skills=("Python", "Go"),
    )


def make_cv() -> CV:
    return CV(
        name="John Doe",
        text="Backend engineer. Python for 6 years.",
        source="john_doe.pdf",
        sections=[CVSection("experience", "Experience", "Python for 6 years.")],
        skills=[SkillEvidence("Python", "Python for 6 years."), SkillEvidence("Rust", "Added by hand", "manual")],
        removed_skills=["Excel"],
        years_experience=6.0,
        report=ParseReport(pages=1, chars=37, sections=["experience"], skills_found=2, warnings=["no summary"]),
        contact={"email": "john@example.com"},
    )


@pytest.fixture
def full_store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "full.db")
    ids = store.add_postings([posting("Backend Engineer"), posting("Data Engineer"), posting("SRE")]).added_ids
    store.add_cv(make_cv())
    store.set_application(ids[1], "Interview", "Call on Monday; ask about on-call")
    store.shortlist_add([ids[2]])
    store.add_user_skill("Bazel", "tool")
    store.add_user_alias("k8s", "Kubernetes")
    store.set_setting("score_weights", {"required": 0.5, "semantic": 0.2})
    store.put_many("minilm", {"abc": np.ones(4, np.float32)})
    yield store
    store.close()


def snapshot(store: Store) -> tuple[object, ...]:
    postings = [(p.title, p.raw, p.requirements) for p in store.postings()]
    titles = {p.id: p.title for p in store.postings()}
    shortlist = [(titles[e.posting_id], e.status, e.notes) for e in store.shortlist()]
    cvs = [(c.name, c.text, c.skills, c.removed_skills, c.contact, c.report) for c in store.cvs()]
    return postings, shortlist, cvs, store.user_taxonomy(), store.setting("score_weights")


def test_round_trip_into_an_empty_store_keeps_everything_but_the_vector_cache(full_store: Store, tmp_path: Path) -> None:
    written = write_backup(full_store, tmp_path / "all.zip")
    fresh = Store(tmp_path / "fresh.db")
    restored = restore_backup(fresh, tmp_path / "all.zip")
    assert (written.postings, written.cvs, written.shortlist) == (3, 1, 2)
    assert (restored.postings, restored.cvs, restored.shortlist, restored.duplicates) == (3, 1, 2, 0)
    assert snapshot(fresh) == snapshot(full_store)
    original = full_store.postings()[0]
    copy = fresh.postings()[0]
    copy.id = original.id
    assert copy == original  # every field, salary and dates included
    assert fresh.get_many("minilm", ["abc"]) == {}  # rebuilt on the next ranking, not carried
    assert fresh.integrity_ok()
    fresh.close()


def test_restoring_twice_changes_nothing(full_store: Store, tmp_path: Path) -> None:
    write_backup(full_store, tmp_path / "all.zip")
    before = snapshot(full_store)
    again = restore_backup(full_store, tmp_path / "all.zip")
    assert (again.postings, again.cvs, again.shortlist, again.duplicates) == (0, 0, 0, 3)
    assert snapshot(full_store) == before


def test_merge_remaps_shortlist_ids_and_keeps_what_the_user_has_now(full_store: Store, tmp_path: Path) -> None:
    write_backup(full_store, tmp_path / "all.zip")
    other = Store(tmp_path / "other.db")
    # Different postings first, so the backup's ids are taken by other postings here.
    ids = other.add_postings([posting("Designer", "Studio"), posting("SRE"), posting("QA", "Studio")]).added_ids
    other.set_application(ids[1], "Applied", "sent on Friday")
    restored = restore_backup(other, tmp_path / "all.zip")
    assert (restored.postings, restored.duplicates) == (2, 1)
    titles = {p.id: p.title for p in other.postings()}
    entries = {titles[e.posting_id]: (e.status, e.notes) for e in other.shortlist()}
    assert entries == {"Data Engineer": ("Interview", "Call on Monday; ask about on-call"), "SRE": ("Applied", "sent on Friday")}
    assert other.integrity_ok()
    other.close()


def damaged_copies(good: Path, tmp_path: Path) -> dict[str, Path]:
    blob = good.read_bytes()
    flipped = bytearray(blob)
    flipped[len(blob) // 2] ^= 0xFF
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "something-else", "version": 1}))
        archive.writestr("data.json", "{}")
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(newer, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        dst.writestr("manifest.json", json.dumps({**manifest, "version": 99}))
        dst.writestr("data.json", src.read("data.json"))
    files = {"truncated": blob[: len(blob) // 3], "flipped": bytes(flipped), "empty": b"", "text": b"hello\n"}
    paths = {name: tmp_path / f"{name}.zip" for name in files}
    for name, data in files.items():
        paths[name].write_bytes(data)
    return {**paths, "foreign": foreign, "newer": newer, "missing": tmp_path / "nope.zip"}


def test_a_damaged_or_foreign_file_is_refused_with_a_reason_and_nothing_changes(full_store: Store, tmp_path: Path) -> None:
    write_backup(full_store, tmp_path / "all.zip")
    fresh = Store(tmp_path / "fresh.db")
    fresh.add_postings([posting("Designer", "Studio")])
    before = snapshot(fresh)
    for name, path in damaged_copies(tmp_path / "all.zip", tmp_path).items():
        with pytest.raises(BackupError) as caught:
            restore_backup(fresh, path)
        assert str(path) in str(caught.value), name
        assert snapshot(fresh) == before, name
    assert "newer matcher" in str(pytest.raises(BackupError, read_backup, tmp_path / "newer.zip").value)
    fresh.close()


def test_a_bad_record_late_in_the_file_rolls_back_the_good_ones(full_store: Store, tmp_path: Path) -> None:
    write_backup(full_store, tmp_path / "all.zip")
    data = read_backup(tmp_path / "all.zip")
    data["shortlist"].append({"job_id": 12345, "status": "Saved", "notes": "", "added": None})
    rewrite(tmp_path / "all.zip", tmp_path / "bad.zip", data)
    fresh = Store(tmp_path / "fresh.db")
    with pytest.raises(BackupError, match="12345"):
        restore_backup(fresh, tmp_path / "bad.zip")
    assert fresh.count_postings() == 0 and fresh.cvs() == []
    data = read_backup(tmp_path / "all.zip")
    del data["postings"][1]["title"]
    rewrite(tmp_path / "all.zip", tmp_path / "bad2.zip", data)
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(fresh, tmp_path / "bad2.zip")
    data = read_backup(tmp_path / "all.zip")
    data["postings"][2]["requirements"][0]["years"] = "three"  # SQLite would store it; reading it back would fail
    rewrite(tmp_path / "all.zip", tmp_path / "bad3.zip", data)
    with pytest.raises(BackupError, match="Requirement.years"):
        restore_backup(fresh, tmp_path / "bad3.zip")
    assert fresh.count_postings() == 0
    data = read_backup(tmp_path / "all.zip")
    data["postings"][0]["field_from_a_later_matcher"] = 1  # ignored, not fatal
    rewrite(tmp_path / "all.zip", tmp_path / "later.zip", data)
    assert restore_backup(fresh, tmp_path / "later.zip").postings == 3
    fresh.close()
    with sqlite3.connect(tmp_path / "fresh.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def rewrite(good: Path, out: Path, data: dict[str, object]) -> None:
    """A self-consistent backup (valid checksum) holding `data`: damage a checksum cannot see."""
    import hashlib

    payload = json.dumps(data).encode()
    with zipfile.ZipFile(good) as src:
        manifest = json.loads(src.read("manifest.json"))
    with zipfile.ZipFile(out, "w") as dst:
        dst.writestr("manifest.json", json.dumps({**manifest, "sha256": hashlib.sha256(payload).hexdigest()}))
        dst.writestr("data.json", payload)


def test_the_cli_exports_and_imports_a_backup(full_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from matcher import cli

    full_store.close()
    out = tmp_path / "mine.matcher-backup"
    assert cli.main(["--db", str(full_store.path), "backup", "export", str(out)]) == cli.EXIT_OK
    assert "wrote 3 postings" in capsys.readouterr().out
    assert cli.main(["--db", str(tmp_path / "new.db"), "backup", "import", str(out), "--json"]) == cli.EXIT_OK
    assert json.loads(capsys.readouterr().out)["postings"] == 3
    (tmp_path / "junk.zip").write_bytes(b"not a backup")
    assert cli.main(["--db", str(tmp_path / "new.db"), "backup", "import", str(tmp_path / "junk.zip")]) == cli.EXIT_NOTHING_DONE
    assert "not a matcher backup" in capsys.readouterr().err
