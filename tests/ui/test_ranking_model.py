"""The ranking table model and its filter: valid for Qt's views, and sorting/filtering by real values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from matcher.domain import Posting, RankedMatch, RequirementMatch, Salary, ScoreBreakdown, ShortlistEntry, VerdictCounts
from matcher.ui.ranking import model as cols
from matcher.ui.ranking.filter import NOT_SHORTLISTED, FilterCriteria, yearly_salary
from matcher.ui.ranking.model import RankingModel, age_text

TODAY = date(2026, 11, 24)


def _posting(posting_id: int, title: str, **kw: object) -> Posting:
    description = str(kw.pop("description", f"{title} work"))
    return Posting(title, description, "", "t", id=posting_id, **kw)  # type: ignore[arg-type]


def _match(posting_id: int, title: str, score: float, statuses: tuple[str, ...] = ("met", "missing")) -> RankedMatch:
    reqs = [RequirementMatch(f"req {i}", "required", s, None, 1.0)  # type: ignore[arg-type]
            for i, s in enumerate(statuses)]
    return RankedMatch(posting_id, title, None, score, ScoreBreakdown(0.5, 0.5, 0.5, 0.5, 0.5), VerdictCounts.of(reqs),
                       requirements=reqs)


@pytest.fixture
def data() -> tuple[dict[int, RankedMatch], dict[int, Posting], dict[int, ShortlistEntry]]:
    postings = {
        1: _posting(1, "Senior Python Developer", company="Acme", locations=("Poland",), remote=True,
                    salary=Salary(19800, 23800, "PLN", "month"), posted=date(2026, 11, 21)),
        2: _posting(2, "Tax Accountant", company="Numbers Ltd", locations=("Germany",), remote=False,
                    salary=Salary(60000, 70000, "EUR", "year"), posted=date(2026, 8, 1), language="de"),
        3: _posting(3, "Scala Engineer", company=None, locations=("Worldwide",), remote=True),
    }
    matches = [_match(1, "Senior Python Developer", 81.0, ("met", "met", "partial")),
               _match(3, "Scala Engineer", 52.5), _match(2, "Tax Accountant", 12.0, ("missing",) * 3)]
    # As the window hands a ranking over: by posting id, best first (`RankingState.by_id`).
    return {m.posting_id: m for m in matches}, postings, {2: ShortlistEntry(2, "Applied", "called back")}


def test_model_passes_qt_model_tester(qtmodeltester, data) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)
    qtmodeltester.check(model, force_py=True)


def test_cells_show_what_a_person_reads(data) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)
    shown = [model.index(0, c).data() for c in range(len(cols.COLUMNS))]
    assert shown == ["☆", "81 Great", "Senior Python Developer", "Acme", "Remote · Poland", "",
                     "19,800–23,800 PLN / month", "3 d", "2", "0", ""]
    assert model.index(2, cols.STAR).data() == "★"
    assert model.index(2, cols.STATUS).data() == "Applied"
    assert model.index(2, cols.MISSING).data() == "3"


def test_a_posting_in_another_language_than_the_cv_is_flagged(data) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)
    german = model.index(2, cols.LANGUAGE)
    assert german.data() == "de"  # the CV's language is not known yet: nothing to compare
    assert cols.LANGUAGE in model.empty_columns()  # one language throughout: the column is hidden
    model.set_cv_language("en")
    assert german.data() == "de ⚑"
    assert german.data(Qt.ItemDataRole.ToolTipRole) == "Posting in German; your CV is in English"
    assert model.index(0, cols.LANGUAGE).data() == ""  # unknown language: never flagged
    assert cols.LANGUAGE not in model.empty_columns()
    model.set_cv_language("de")
    assert german.data() == "de" and german.data(Qt.ItemDataRole.ToolTipRole) == "German"


def test_sorting_uses_numbers_and_dates_not_text(data) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)

    def column(col: int) -> list[str]:
        return [model.index(r, cols.TITLE).data() for r in range(model.rowCount())]

    model.sort(cols.SALARY, Qt.SortOrder.DescendingOrder)  # 23,800/month = 285,600/year > 70,000/year
    assert column(cols.SALARY) == ["Senior Python Developer", "Tax Accountant", "Scala Engineer"]
    model.sort(cols.POSTED, Qt.SortOrder.DescendingOrder)
    assert column(cols.POSTED)[:2] == ["Senior Python Developer", "Tax Accountant"]
    model.sort(cols.SCORE, Qt.SortOrder.AscendingOrder)
    assert column(cols.SCORE) == ["Tax Accountant", "Scala Engineer", "Senior Python Developer"]


@pytest.mark.parametrize(
    ("criteria", "titles"),
    [
        (FilterCriteria(text="python"), ["Senior Python Developer"]),
        (FilterCriteria(text="numbers"), ["Tax Accountant"]),  # company matches too
        (FilterCriteria(location="germ"), ["Tax Accountant"]),
        (FilterCriteria(remote_only=True), ["Senior Python Developer", "Scala Engineer"]),
        (FilterCriteria(salary_min=100_000), ["Senior Python Developer"]),
        (FilterCriteria(posted_within_days=7), ["Senior Python Developer"]),
        (FilterCriteria(score_min=50), ["Senior Python Developer", "Scala Engineer"]),
        (FilterCriteria(status="Applied"), ["Tax Accountant"]),
        (FilterCriteria(status=NOT_SHORTLISTED), ["Senior Python Developer", "Scala Engineer"]),
        (FilterCriteria(starred_only=True), ["Tax Accountant"]),
        (FilterCriteria(), ["Senior Python Developer", "Scala Engineer", "Tax Accountant"]),
    ],
)
def test_filter_keeps_only_matching_rows(data, criteria: FilterCriteria, titles: list[str]) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)
    model.set_criteria(criteria)
    assert [model.index(r, cols.TITLE).data() for r in range(model.rowCount())] == titles
    assert model.total == 3


def test_starring_updates_cells_without_a_reset(qtbot, data) -> None:
    matches, postings, entries = data
    model = RankingModel(today=TODAY)
    model.set_data(matches, postings, entries)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_entries({1: ShortlistEntry(1)})
    assert model.index(0, cols.STAR).data() == "★"
    assert model.index(0, cols.STATUS).data() == "Saved"


def test_a_star_filter_follows_stars_as_they_change(qtbot, qtmodeltester, data) -> None:
    matches, postings, entries = data
    model = RankingModel(today=TODAY)
    model.set_data(matches, postings, entries)
    qtmodeltester.check(model, force_py=True)  # and watches every change below
    model.set_criteria(FilterCriteria(starred_only=True))
    assert [model.index(r, cols.TITLE).data() for r in range(model.rowCount())] == ["Tax Accountant"]
    with qtbot.assertNotEmitted(model.modelReset):
        model.set_entries({**entries, 1: ShortlistEntry(1)})  # starred: it joins the rows shown
    assert [model.index(r, cols.TITLE).data() for r in range(model.rowCount())] == [
        "Senior Python Developer", "Tax Accountant"]
    model.set_entries({1: ShortlistEntry(1)})  # the other one is unstarred: it leaves them
    assert model.rowCount() == 1 and model.total == 3 and model.index(0, cols.STAR).data() == "★"


def test_search_texts_are_prepared_while_the_window_is_idle(qtbot, data) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)
    assert not model._haystacks  # not in the call that shows the rows: that would hold the window
    qtbot.waitUntil(lambda: len(model._haystacks) == 3)  # the event loop's next turns, no search asked
    assert model._haystacks[2].startswith("tax accountant numbers ltd")
    matches, postings, entries = data
    renamed = {**postings, 2: replace(postings[2], title="Tax Adviser")}
    model.set_data(matches, renamed, entries)  # a re-rank: the postings it had keep their texts
    assert 1 in model._haystacks and 3 in model._haystacks and 2 not in model._haystacks
    qtbot.waitUntil(lambda: len(model._haystacks) == 3)
    assert model._haystacks[2].startswith("tax adviser")
    model.set_criteria(FilterCriteria(text="adviser"))
    assert [model.index(r, cols.TITLE).data() for r in range(model.rowCount())] == ["Tax Adviser"]


def test_helpers_worked_examples() -> None:
    assert yearly_salary(Salary(19800, 23800, "PLN", "month")) == 285_600
    assert yearly_salary(Salary(None, None, "EUR", "year")) is None
    assert age_text(date(2026, 11, 21), TODAY) == "3 d"
    assert age_text(date(2026, 1, 1), TODAY) == "46 w"
    assert age_text(None, TODAY) == ""


def test_sorting_keeps_persistent_indexes_on_their_posting(data) -> None:
    model = RankingModel(today=TODAY)
    model.set_data(*data)
    held = QPersistentModelIndex(model.index(0, cols.TITLE))  # what a view's selection holds
    assert held.data() == "Senior Python Developer"
    model.sort(cols.SCORE, Qt.SortOrder.AscendingOrder)
    assert held.row() == 2 and held.data() == "Senior Python Developer"
    model.set_criteria(FilterCriteria(text="python"))
    assert held.row() == 0 and model.rowCount() == 1
    hidden = QPersistentModelIndex(model.index(0, cols.TITLE))
    model.set_criteria(FilterCriteria(text="accountant"))  # the posting held leaves the table
    assert not hidden.isValid() and model.index(0, cols.TITLE).data() == "Tax Accountant"
    model.set_criteria(FilterCriteria())
    assert model.rowCount() == 3 and model.index(2, cols.TITLE).data() == "Senior Python Developer"


def test_score_text_never_shows_a_number_of_the_next_band() -> None:
    from matcher.ui.ranking.model import score_text

    assert score_text(74.6) == "74 Good"
    assert score_text(75.0) == "75 Great"
    assert score_text(59.99) == "59 Fair"


def test_postings_not_ranked_yet_are_listed_after_the_ranked_ones(qtmodeltester, data) -> None:
    matches, postings, entries = data
    model = RankingModel(today=TODAY)
    model.set_data({1: matches[1]}, postings, entries)  # only "Senior Python Developer" is ranked so far
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3 and model.ranked_count == 1
    assert [model.index(r, cols.TITLE).data() for r in range(3)] == [  # the rest in the order they came
        "Senior Python Developer", "Tax Accountant", "Scala Engineer"]
    assert [model.index(r, cols.SCORE).data() for r in range(3)] == ["81 Great", "", ""]
    assert model.index(1, cols.SCORE).data(Qt.ItemDataRole.ToolTipRole) == "Not ranked yet"
    model.sort(cols.SCORE, Qt.SortOrder.AscendingOrder)  # either way, the rows without a score wait below
    assert model.index(0, cols.TITLE).data() == "Senior Python Developer"
    model.sort(cols.TITLE, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, cols.TITLE).data() for r in range(3)] == [
        "Senior Python Developer", "Scala Engineer", "Tax Accountant"]
    model.set_criteria(FilterCriteria(score_min=10))
    assert model.rowCount() == 1  # a minimum score keeps only postings known to pass it
    qtmodeltester.check(model, force_py=True)
