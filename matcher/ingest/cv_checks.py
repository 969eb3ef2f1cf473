"""Is this text a CV at all, and in which language? Simple word counts, no model.

A job posting talks to the reader ("We are looking for", "What we offer"); a bank statement has
balances; a CV has neither, and has experience or education. The language is the one whose common
short words occur most often, when they are frequent enough to be sure.
"""

from __future__ import annotations

import re

from matcher.domain import CVSection

STOPWORDS: dict[str, frozenset[str]] = {
    "English": frozenset("the and of to in with for on as by at from my i is was an this that".split()),
    "Spanish": frozenset("de el la los las del y en con para por una un que se al como más años su".split()),
    "French": frozenset("de le la les des et en du une un pour avec dans sur au aux est été ans".split()),
    "German": frozenset("der die das und mit für von im bei zu den des ein eine ich auf als jahre".split()),
    "Portuguese": frozenset("de da do das dos e em para com uma um na no como não anos ao pela".split()),
    "Italian": frozenset("il lo gli della delle e di per con una un nel nella che sono anni".split()),
    "Dutch": frozenset("de het een en van met voor op in bij als jaar ik aan".split()),
    "Polish": frozenset("i w z na do się oraz dla od jako przy lat".split()),
    "Vietnamese": frozenset("và của các với cho trong là có được những một người làm việc năm tại".split()),
}
MIN_LANGUAGE_HITS = 5  # fewer common words than this and any guess is noise
# The winner must beat the runner-up by this factor: languages share words ("de", "en", "la"), and a
# text with two languages in equal measure has no one language.
MIN_LANGUAGE_LEAD = 1.5

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


def detect_language(text: str) -> str | None:
    """'English', 'Spanish', …, or None when the text has too few common words to tell."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    hits = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    best, runner_up = sorted(hits, key=lambda lang: hits[lang], reverse=True)[:2]
    if hits[best] < MIN_LANGUAGE_HITS or hits[best] < MIN_LANGUAGE_LEAD * hits[runner_up]:
        return None
    return best


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
