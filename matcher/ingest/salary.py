"""Salary text → Salary(min, max, currency, period).

Examples: "19800 to 23800 PLN per month", "€94,000 to €118,000 per year", "$160k-$200k",
"PLN 17,100 to PLN 32,900 per month", "$50/hour", "SEK 738,518 to SEK 923,148 per year".
"""

from __future__ import annotations

import re

from matcher.domain import Salary, SalaryPeriod

CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "zł": "PLN",
                                    "US$": "USD", "A$": "AUD", "C$": "CAD", "CA$": "CAD", "AU$": "AUD", "R$": "BRL"}
# ISO codes we accept when written as words next to an amount (an unknown three-letter word is not money).
ISO_CODES = frozenset(
    "USD EUR GBP PLN SEK NOK DKK CHF CAD AUD NZD JPY INR BRL MXN CZK HUF RON BGN UAH TRY ZAR SGD HKD CNY ILS AED "
    "ARS COP CLP PHP IDR MYR THB VND KRW NGN KES EGP".split()
)
PERIOD_WORDS: dict[str, SalaryPeriod] = {
    "hour": "hour", "hr": "hour", "hourly": "hour", "h": "hour",
    "day": "day", "daily": "day",
    "week": "week", "weekly": "week", "wk": "week",
    "month": "month", "monthly": "month", "mo": "month",
    "year": "year", "yearly": "year", "annual": "year", "annually": "year", "yr": "year", "annum": "year",
    "a": "year", "y": "year",
}
_CUR = r"(?:US\$|CA\$|AU\$|[ACR]\$|[$€£¥₹]|zł|\b[A-Z]{3}\b)"
_NUM = r"\d(?:[\d,.]*\d)?"
AMOUNT = re.compile(rf"(?P<pre>{_CUR})?\s?(?P<num>{_NUM})\s?(?P<k>[kKmM]\b)?\s?(?P<post>{_CUR})?")
RANGE = re.compile(
    rf"(?P<a>(?:{_CUR})?\s?(?:{_NUM})\s?(?:[kKmM]\b)?\s?(?:{_CUR})?)"
    rf"\s*(?:-|–|—|to|until)\s*"
    rf"(?P<b>(?:{_CUR})?\s?(?:{_NUM})\s?(?:[kKmM]\b)?\s?(?:{_CUR})?)"
)
PERIOD = re.compile(r"(?:per|/|a|an|each)\s*(hour|hr|h|day|week|wk|month|mo|year|yr|annum|y)\b|\b(hourly|daily|weekly|monthly|yearly|annual(?:ly)?)\b", re.I)
SALARY_WORDS = re.compile(r"salary|compensation|\bpay\b|pay range|base pay|rate|per (?:hour|year|month|annum)|"
                          r"\b(?:OTE|gross|net|brutto|netto)\b", re.I)
SALARY_LINE_MAX_CHARS = 240
# A cheap test before the full parse: a digit next to something that can name a currency.
MONEY_HINT = re.compile(r"\d.*(?:[$€£¥₹]|zł|\b[A-Z]{3}\b)|(?:[$€£¥₹]|\b[A-Z]{3}\b).*\d")
BARE_SALARY_LINE_CHARS = 60
# "Up to $150k" is a maximum only, "From €60,000" a minimum only.
UP_TO = re.compile(r"\b(?:up to|max(?:imum)?|to)\s*$", re.I)
FROM = re.compile(r"\b(?:from|starting at|min(?:imum)?|at least)\s*$", re.I)
# With no period stated: below $500 it can only be hourly ("$50"), and from 30,000 up
# ("$160k-$200k") only yearly; in between (a monthly or a weekly figure?) we do not guess.
HOURLY_CEILING = 500
YEARLY_FLOOR = 30_000


def parse_salary(text: str) -> Salary | None:
    """The first salary in `text`, or None when it names no amount with a currency or period."""
    if not text or not re.search(r"\d", text):
        return None
    text = text.replace("\u00a0", " ")
    rng = RANGE.search(text)
    if rng and _has_money(rng.group(0)):
        low, cur_a = _amount(rng["a"])
        high, cur_b = _amount(rng["b"])
        currency = cur_a or cur_b or _currency_anywhere(text)
        if low is None or high is None:
            return None
        if currency is None and not PERIOD.search(text):
            return None
        return Salary(min(low, high), max(low, high), currency, _period(text, high))
    for match in AMOUNT.finditer(text):
        if not (match["pre"] or match["post"]) or not _code_ok(match["pre"] or match["post"]):
            continue
        value, currency = _amount(match.group(0))
        if value is not None:
            before = text[: match.start()]
            low = None if UP_TO.search(before) else value
            high = None if FROM.search(before) else value
            return Salary(low, high, currency, _period(text, value))
    return None


def find_salary(description: str) -> Salary | None:
    """A salary stated in a description, looking only at lines that speak of pay, so that
    "$5M in funding" or "3 to 5 years" elsewhere is never read as one."""
    for line in description.splitlines():
        if len(line) > SALARY_LINE_MAX_CHARS or not MONEY_HINT.search(line):
            continue
        salary = parse_salary(line)
        if salary is None:
            continue
        # A short line that is only money with a period ("$120,000 - $150,000 a year") is pay too.
        bare = len(line) <= BARE_SALARY_LINE_CHARS and salary.currency is not None and PERIOD.search(line)
        if SALARY_WORDS.search(line) or bare:
            return salary
    return None


def salary_from_fields(low: object, high: object, currency: object, interval: object) -> Salary | None:
    """JobSpy-style columns (min_amount, max_amount, currency, interval) → Salary."""
    lo, hi = _number(low), _number(high)
    if lo is None and hi is None:
        return None
    cur = str(currency).strip().upper() if currency not in (None, "") else None
    cur = CURRENCY_SYMBOLS.get(cur or "", cur)
    period = PERIOD_WORDS.get(str(interval).strip().lower()) if interval not in (None, "") else None
    return Salary(lo, hi, cur, period)


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value == value else None  # NaN from pandas exports means empty
    text = re.sub(r"[^\d.]", "", str(value))
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _has_money(text: str) -> bool:
    symbols = re.findall(_CUR, text)
    return any(_code_ok(s) for s in symbols)


def _code_ok(token: str | None) -> bool:
    return bool(token) and (token in CURRENCY_SYMBOLS or token in ISO_CODES)


def _currency_anywhere(text: str) -> str | None:
    for token in re.findall(_CUR, text):
        if _code_ok(token):
            return str(CURRENCY_SYMBOLS.get(token, token))
    return None


def _amount(text: str) -> tuple[float | None, str | None]:
    match = AMOUNT.search(text.strip())
    if not match:
        return None, None
    digits = match["num"].replace(" ", "")
    # "94,000" and "94.000" are thousands; "66.01" is cents (two digits after the last mark).
    if re.search(r"[.,]\d{3}$", digits) or re.search(r"[.,]\d{3}[.,]", digits):
        digits = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", digits)
    digits = digits.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None, None
    if match["k"]:
        value *= 1000 if match["k"].lower() == "k" else 1_000_000
    token = match["pre"] or match["post"]
    currency = CURRENCY_SYMBOLS.get(token, token) if token and _code_ok(token) else None
    return value, currency


def _period(text: str, amount: float) -> SalaryPeriod | None:
    match = PERIOD.search(text)
    if match:
        word = (match.group(1) or match.group(2)).lower()
        return PERIOD_WORDS.get(word, "year" if word.startswith("annual") else None)
    if amount < HOURLY_CEILING:
        return "hour"
    return "year" if amount >= YEARLY_FLOOR else None
