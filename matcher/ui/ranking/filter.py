"""What the filter bar asks for, as one plain dataclass, and the rows it keeps (no Qt here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from matcher.domain import Posting, RankedMatch, Salary, ShortlistEntry

# Salaries compare per year whatever the period the posting used: 40 h x 52 weeks, 260 working days.
PERIODS_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

ANY_STATUS = ""
NOT_SHORTLISTED = "Not shortlisted"


@dataclass(frozen=True)
class FilterCriteria:
    """Everything empty or zero lets every row through."""

    text: str = ""  # in title, company, tags or description
    location: str = ""  # part of a location name, e.g. "poland"
    remote_only: bool = False
    salary_min: float = 0.0  # per year, in the posting's own currency
    posted_within_days: int = 0  # 0: any age
    score_min: float = 0.0
    status: str = ANY_STATUS  # an application status, NOT_SHORTLISTED, or any
    starred_only: bool = False


NO_FILTER = FilterCriteria()


def yearly_salary(salary: Salary | None) -> float | None:
    """The top of the range per year, e.g. 19,800–23,800 PLN / month -> 285,600."""
    if salary is None:
        return None
    amount = salary.max if salary.max is not None else salary.min
    if amount is None:
        return None
    return amount * PERIODS_PER_YEAR.get(salary.period or "year", 1)


class RowFilter:
    """Which rows the filter bar's criteria keep. Plain Python: the ranking model applies it to its
    own rows, so a change is one pass over 10,000 postings, not 10,000 calls from Qt (see
    `RankingModel`)."""

    def __init__(self, today: date | None = None) -> None:
        self.criteria = NO_FILTER
        self._today = today or date.today()

    @property
    def reads_entries(self) -> bool:
        """Whether a star or a status change can change what it keeps."""
        return self.criteria.starred_only or self.criteria.status != ANY_STATUS

    def kept(self, rows: Iterable[tuple[int, RankedMatch | None, Posting, ShortlistEntry | None]],
             haystack: Callable[[int], str]) -> set[int] | None:
        """The posting ids of `rows` (id, match, posting, entry) it keeps; None: every one.
        `haystack`: a posting id's lower-cased searchable text."""
        if self.criteria == NO_FILTER:
            return None
        return {posting_id for posting_id, match, posting, entry in rows
                if self.accepts(posting_id, match, posting, entry, haystack)}

    def accepts(self, posting_id: int, match: RankedMatch | None, posting: Posting, entry: ShortlistEntry | None,
                haystack: Callable[[int], str]) -> bool:
        c = self.criteria
        if c.score_min and (match is None or match.score < c.score_min):
            return False  # a posting not ranked yet cannot be shown to pass a minimum score
        if c.starred_only and entry is None:
            return False
        if c.status == NOT_SHORTLISTED and entry is not None:
            return False
        if c.status not in (ANY_STATUS, NOT_SHORTLISTED) and (entry is None or entry.status != c.status):
            return False
        if c.remote_only and not posting.remote:
            return False
        if c.location and not any(c.location.lower() in place.lower() for place in posting.locations):
            return False
        if c.salary_min and (yearly_salary(posting.salary) or 0.0) < c.salary_min:
            return False
        if c.posted_within_days and (
            posting.posted is None or posting.posted < self._today - timedelta(days=c.posted_within_days)
        ):
            return False
        if c.text:
            text = haystack(posting_id)
            return all(word in text for word in c.text.lower().split())
        return True
