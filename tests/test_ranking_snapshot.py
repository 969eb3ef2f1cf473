"""Ranking only what changed, exactly as if everything had been read and computed again: the index
saved beside the database (a reopened app, the next CLI command read from it and read again only the
postings changed since, whoever changed them), and a long-lived session told of changes (it computes
similarities and verdicts for the new rows only)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from matcher import services
from matcher.paths import SAMPLES
from matcher.services.ranking import RankingSession
from matcher.services.saved_index import SAVED_INDEX_SUFFIX
from matcher.store import Store

pytestmark = pytest.mark.slow  # loads the embedding model

SMALL = [SAMPLES / "jobs" / "003_38a88ba91144b235.txt", SAMPLES / "jobs" / "001_597ea3e9281e08b6.txt"]
PASTED = "Platform Engineer\nAcme Payments - Berlin\nRequirements:\n- 5+ years of Go\n- Kubernetes in production\n- PostgreSQL"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "m.db"
    store = Store(path)
    services.import_postings(store, SMALL)
    services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    _rank(store)
    store.close()
    yield path


def _cv_id(store: Store) -> int:
    cv = store.cv()
    assert cv is not None and cv.id is not None
    return cv.id


def _rank(store: Store) -> list[tuple[int, float, str]]:
    return [(m.posting_id, m.score, m.why) for m in RankingSession(store).rank(_cv_id(store)).matches]


def _from_every_posting(path: Path) -> list[tuple[int, float, str]]:
    """The ranking a session gives with no saved index: every posting read and indexed."""
    snapshot = path.with_name(path.name + SAVED_INDEX_SUFFIX)
    saved = snapshot.read_bytes()
    snapshot.unlink()
    store = Store(path)
    try:
        return _rank(store)
    finally:
        store.close()
        snapshot.write_bytes(saved)


class ReadPostings:
    """Which postings a session reads from the database (the ids it asks `posting_facts` for)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[list[int] | None] = []
        real = Store.posting_facts

        def recording(store: Store, ids: object = None):  # type: ignore[no-untyped-def]
            self.asked.append(None if ids is None else sorted(ids))  # type: ignore[call-overload]
            return real(store, ids)  # type: ignore[arg-type]

        monkeypatch.setattr(Store, "posting_facts", recording)


def test_a_new_session_ranks_from_the_saved_index_without_reading_the_postings(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.with_name(db.name + SAVED_INDEX_SUFFIX).stat().st_size > 0
    expected = _from_every_posting(db)
    read = ReadPostings(monkeypatch)
    store = Store(db)
    assert _rank(store) == expected
    assert read.asked == [], "nothing changed: no posting is read again"
    store.close()


def test_postings_changed_by_another_process_are_read_again_and_only_they(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = Store(db)  # another process's connection: this session is never told what it did
    added = services.import_posting_text(other, PASTED).posting_ids
    first, second = sorted(m[0] for m in _from_every_posting(db) if m[0] not in added)[:2]
    other.remove_postings([first])
    services.import_posting_text(other, PASTED.replace("Platform Engineer", "Platform Engineer II"))
    other.close()
    expected = _from_every_posting(db)
    assert {m[0] for m in expected} >= set(added) and first not in {m[0] for m in expected}
    read = ReadPostings(monkeypatch)
    store = Store(db)
    assert _rank(store) == expected
    [asked] = read.asked
    assert asked is not None and first in asked and set(added) <= set(asked) and second not in asked
    store.close()


def test_a_damaged_saved_index_is_ignored_and_written_again(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = db.with_name(db.name + SAVED_INDEX_SUFFIX)
    expected = _from_every_posting(db)
    snapshot.write_bytes(snapshot.read_bytes()[: snapshot.stat().st_size // 2])
    store = Store(db)
    assert _rank(store) == expected
    read = ReadPostings(monkeypatch)
    assert _rank(store) == expected
    assert read.asked == [], "the next session ranks from the index written whole again"
    store.close()



def test_an_index_saved_by_an_older_matcher_is_replaced_without_a_warning(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    import numpy as np

    snapshot = db.with_name(db.name + SAVED_INDEX_SUFFIX)
    expected = _from_every_posting(db)
    with snapshot.open("wb") as f:  # formats 1 and 2 were np.savez zips
        np.savez(f, meta=np.frombuffer(b'{"format": 2}', dtype=np.uint8))
    store = Store(db)
    assert _rank(store) == expected
    store.close()
    assert not [r for r in caplog.records if "saved ranking index" in r.getMessage()]
    assert snapshot.read_bytes().startswith(b"\x93NUMPY"), "written again in today's format"

def test_a_taxonomy_change_makes_the_saved_index_stale(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db)
    store.add_user_skill("Acme Payments")  # a user's skill: what postings name may change
    read = ReadPostings(monkeypatch)
    _rank(store)
    assert read.asked == [None], "every posting is read again with the new taxonomy"
    store.close()


def test_a_session_told_of_changes_ranks_and_explains_as_a_fresh_one(db: Path) -> None:
    store = Store(db)
    cv_id = _cv_id(store)
    session = RankingSession(store)
    before = session.rank(cv_id).matches
    added = services.import_posting_text(store, PASTED).posting_ids
    gone = store.remove_postings([before[0].posting_id])
    session.postings_changed([*added, *gone])
    after = session.rank(cv_id).matches
    store.close()
    expected = _from_every_posting(db)
    assert [(m.posting_id, m.score, m.why) for m in after] == expected
    assert set(added) <= {m.posting_id for m in after} and gone[0] not in {m.posting_id for m in after}
    fresh = Store(db)
    ids = [m.posting_id for m in after]
    assert _verdicts(session.explain(cv_id, ids)) == _verdicts(RankingSession(fresh).explain(cv_id, ids))
    fresh.close()


def _verdicts(matches: list) -> list:  # type: ignore[type-arg]
    return [(m.posting_id, [(r.text, r.status, r.evidence) for r in m.requirements or []]) for m in matches]


def test_a_session_told_of_a_removal_alone_ranks_as_a_fresh_one(db: Path) -> None:
    store = Store(db)
    session = RankingSession(store)
    before = session.rank(_cv_id(store)).matches
    session.postings_changed(store.remove_postings([before[-1].posting_id]))
    after = [(m.posting_id, m.score, m.why) for m in session.rank(_cv_id(store)).matches]
    store.close()
    assert after == _from_every_posting(db) and len(after) == len(before) - 1


def test_a_session_started_with_no_postings_ranks_the_first_ones_imported(tmp_path: Path) -> None:
    store = Store(tmp_path / "empty.db")
    services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    session = RankingSession(store)
    assert session.rank(_cv_id(store)).matches == []
    session.postings_changed(services.import_posting_text(store, PASTED).posting_ids)
    first = session.rank(_cv_id(store)).matches
    session.postings_changed(services.import_postings(store, SMALL[:1]).posting_ids)
    after = [(m.posting_id, m.score, m.why) for m in session.rank(_cv_id(store)).matches]
    store.close()
    assert len(first) == 1 and len(after) > 1
    assert after == _from_every_posting(tmp_path / "empty.db")


def test_a_what_if_judges_again_only_what_the_skills_change_and_agrees_with_judging_everything(db: Path) -> None:
    from matcher.engine.ranking import Ranker
    from matcher.services.skills import skill_extractor

    store = Store(db)
    cv_id = _cv_id(store)
    session = RankingSession(store)
    skills = ["Kubernetes", "Go", "PostgreSQL", "Spanish"]
    ranking = session.what_if(cv_id, skills)
    base_ranker, base = session.scored(cv_id)
    extractor = skill_extractor(store)
    everything = Ranker(base_ranker.weights, extractor.taxonomy, base_ranker.thresholds)
    everything.fit(base.cvx.with_skills(skills, extractor.taxonomy, extractor.skills))
    judged = everything.score(base.index, base_ranker.similarities(base.index))  # every line judged afresh
    expected = everything.matches(judged)
    assert [(m.posting_id, m.score, m.why) for m in ranking.matches] == [(m.posting_id, m.score, m.why) for m in expected]
    ids = [m.posting_id for m in expected]
    assert _verdicts(session.explain(cv_id, ids, skills)) == _verdicts(everything.explain(judged, ids))
    assert ranking.matches != session.rank(cv_id).matches, "the skills changed something"
    store.close()


def test_a_saved_index_whose_arrays_disagree_is_ignored(db: Path) -> None:
    import numpy as np

    snapshot = db.with_name(db.name + SAVED_INDEX_SUFFIX)
    expected = _from_every_posting(db)
    with snapshot.open("rb") as f:  # the right key and stamps, but vectors of two widths
        meta = np.load(f)
        arrays = {name: np.load(f) for name in json.loads(meta.tobytes())["arrays"]}
    arrays["doc"] = arrays["doc"][:, :-1]
    with snapshot.open("wb") as f:
        for array in [meta, *arrays.values()]:
            np.save(f, array)
    store = Store(db)
    assert _rank(store) == expected
    store.close()


def test_a_session_reading_everything_again_does_not_keep_scores_of_what_it_held(db: Path) -> None:
    store = Store(db)
    session = RankingSession(store)
    session.rank(_cv_id(store))
    added = services.import_posting_text(store, PASTED).posting_ids
    session.postings_changed(added)
    assert set(added) <= {m.posting_id for m in session.rank(_cv_id(store)).matches}
    store.delete_postings(added)  # the file is as the saved index has it again
    session.postings_changed()  # read everything again (as after a restore)
    after = [(m.posting_id, m.score, m.why) for m in session.rank(_cv_id(store)).matches]
    store.close()
    assert not set(added) & {m[0] for m in after}
    assert after == _from_every_posting(db)


def test_a_saved_index_keeps_the_names_a_line_writes_that_the_taxonomy_does_not_know(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.db"
    store = Store(path)
    [added] = services.import_posting_text(store, PASTED + "\n- Proficiency in .Net, WCF, HTML5").posting_ids
    services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    _rank(store)  # the first ranking saves the index of every posting
    store.close()
    read = ReadPostings(monkeypatch)
    store = Store(path)
    [match] = RankingSession(store).explain(_cv_id(store), [added])
    store.close()
    assert read.asked == [], "ranked from the saved index"
    line = next(r for r in match.requirements or [] if "WCF" in r.text)
    assert "your CV never names WCF" in line.reason


def test_skills_found_again_after_a_taxonomy_change_leave_the_saved_index_current(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Writing the skills found again renews every posting's stamp; the index saved by the ranking
    # that wrote them holds those skills, so the next session must not read every posting again.
    store = Store(db)
    [named] = services.import_posting_text(store, PASTED + "\n- Acme Widgets in production").posting_ids
    _rank(store)
    store.add_user_skill("Acme Widgets")  # a new taxonomy version: every posting's skills are found again
    told: list[tuple[int, int, str]] = []
    RankingSession(store).rank(_cv_id(store), progress=lambda done, total, what: told.append((done, total, what)))
    assert any(what.startswith("Finding skills again") and total == store.count_postings() for _, total, what in told)
    posting = store.posting(named)
    assert posting is not None and "Acme Widgets" in posting.skills
    assert [r.skills for r in posting.requirements if "Acme" in r.text] == [["Acme Widgets"]]
    store.close()
    read = ReadPostings(monkeypatch)
    store = Store(db)
    _rank(store)
    store.close()
    assert read.asked == [], "the saved index is current: no posting is read again"


def test_the_saved_index_is_keyed_by_all_the_code_its_rows_come_from() -> None:
    # A saved index computed by older code must not pass for today's: every matcher module the index
    # builders import is digested into its key (the taxonomy has its own version; domain is data).
    import ast
    import importlib

    from matcher.services.saved_index import INDEX_MODULES

    for builder in ("matcher.engine.posting_index", "matcher.engine.requirement_info", "matcher.engine.unknown_names"):
        tree = ast.parse(Path(importlib.import_module(builder).__file__ or "").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        used = {m for m in imported if m.startswith("matcher.")} - {"matcher.domain", "matcher.engine.taxonomy"}
        assert used <= set(INDEX_MODULES), (builder, used - set(INDEX_MODULES))


def test_what_a_saved_index_keeps_of_a_line_reads_back_the_same() -> None:
    """Every fact of a requirement line goes through the saved index's JSON and comes back equal (a
    fact dropped there would judge a reopened app's lines otherwise than a fresh ranking's)."""
    from matcher.domain import Requirement
    from matcher.engine import index_snapshot
    from matcher.engine.lexical import default_reference
    from matcher.engine.requirement_info import requirement_info
    from matcher.engine.taxonomy import default_taxonomy

    lines = ["Ability to troubleshoot", "Experience with IGBTs and MOSFETs",
             "BA/BS degree or equivalent practical experience", "Fluent English or German", "5+ years of experience",
             "Java or Go", "Currently enrolled in a Bachelor's or Master's degree program"]
    infos = [requirement_info(Requirement(text), default_taxonomy(), default_reference()) for text in lines]
    infos.append(requirement_info(Requirement("SQL (e.g. MySQL, PostgreSQL) and Python", skills=[
        "SQL", "MySQL", "PostgreSQL", "Python"]), default_taxonomy(), default_reference()))
    for info in infos:
        assert index_snapshot._info(json.loads(json.dumps(index_snapshot._info_fields(info)))) == info
    assert infos[0].key_word == "troubleshoot"
    assert infos[-2].degree is not None and infos[-2].degree.enrolled
    assert infos[-1].groups == (("sql", "mysql", "postgresql"), ("python",))
