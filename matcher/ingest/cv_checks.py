"""Is this text a CV at all? Simple phrase counts, no model. (Its language: `matcher.language`.)

A job posting talks to the reader ("We are looking for", "What we offer"); a bank statement has
balances; a CV has neither, and has experience or education.
"""

from __future__ import annotations

import re

from matcher.domain import CVSection

POSTING_PHRASES = (
    "we are looking for", "we're looking for", "what we offer", "nice to have", "the ideal candidate",
    "how to apply", "apply now", "join our team", "about the role", "about us", "your profile", "you will",
    "requirements:", "responsibilities:", "benefits:", "job description", "buscamos", "ofrecemos", "requisitos:",
    "nous recherchons", "nous offrons", "wir suchen", "wir bieten", "procuramos", "oferecemos", "chúng tôi tìm",
)
STATEMENT_PHRASES = (
    "account statement", "statement period", "opening balance", "closing balance", "sort code", "iban",
    "account number", "balance brought forward", "paid out", "paid in", "direct debit", "standing order",
    "available balance", "statement date", "extracto", "saldo inicial", "saldo final", "kontoauszug",
)
MIN_SIGNALS = 2  # one phrase can occur in a CV ("Responsibilities:"); two that fit a posting do not
CERTAIN_SIGNALS = 4  # this many is a posting even when it has "Experience" and "Education" headings


def _signals(text: str, phrases: tuple[str, ...]) -> list[str]:
    lower = text.lower()
    return [p for p in phrases if re.search(r"(?<!\w)" + re.escape(p) + (r"(?!\w)" if p[-1].isalnum() else ""), lower)]


def not_a_cv(text: str, sections: list[CVSection]) -> str | None:
    """Why `text` is not a CV (a message for the user), or None when it may well be one."""
    names = {s.name for s in sections}
    has_cv_body = "experience" in names and ("education" in names or "skills" in names)
    statement = _signals(text, STATEMENT_PHRASES)
    if len(statement) >= MIN_SIGNALS and "experience" not in names:
        return ("This looks like a bank or account statement (it mentions "
                f"{', '.join(repr(s) for s in statement[:3])}), not a CV. Choose your CV file and load it again.")
    posting = _signals(text, POSTING_PHRASES)
    if len(posting) >= MIN_SIGNALS and not has_cv_body or len(posting) >= CERTAIN_SIGNALS:
        return ("This looks like a job posting (it says " + ", ".join(repr(p) for p in posting[:3]) +
                "), not a CV. Import postings with the job importer; load your own CV here.")
    return None
