"""How many years a text states: "5+ years of Python", "3 años de experiencia", "mindestens 3 Jahre".

The one parser of such phrases, for postings (years a requirement asks) and CVs (years a CV says it
has), in English, Spanish, German, French, Portuguese, Italian and Dutch. Date ranges ("2019 –
Present") are another matter: `matcher.ingest.cv_dates` reads those.

    >>> years_stated("3-5 years of experience in Scala")     # a range asks for its lower bound
    3.0
    >>> years_stated("at least five years of Java")
    5.0
    >>> years_stated("mindestens 3 Jahre Berufserfahrung")
    3.0
    >>> years_stated("founded 12 years ago") is None           # an age, not a requirement
    True
"""

from __future__ import annotations

import re

# Number words up to twenty, as postings write them ("five years", "cinco años", "fünf Jahre").
_NUMBER_WORDS: dict[str, int] = {}
for _lang in (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty",
    "uno dos tres cuatro cinco seis siete ocho nueve diez",
    "ein zwei drei vier fünf sechs sieben acht neun zehn",
    "un deux trois quatre cinq six sept huit neuf dix",
    "um dois três quatro cinco seis sete oito nove dez",
):
    for _number, _word in enumerate(_lang.split(), start=1):
        _NUMBER_WORDS.setdefault(_word, _number)
_NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "eine": 1, "einem": 1, "einen": 1, "zwei": 2, "drei": 3,
                      "una": 1, "une": 1, "uma": 1})
_WORDS = "|".join(sorted((w for w in _NUMBER_WORDS if len(w) > 2), key=len, reverse=True))
_NUMBER = rf"\d{{1,2}}(?:[.,]5)?|{_WORDS}"
# The unit in every language we read: years, años, Jahre(n), ans/années, anos, anni, jaar, lat, năm.
UNIT = r"(?:years?|yrs?|años?|anos?|jahre?n?|ans|années?|anni|anno|jaar|lat|lata|năm)"
_RANGE_TAIL = rf"(?:\s*(?:-|–|—|to|a|bis|à|até)\s*(?:{_NUMBER})\s*\+?)?"
# "5+ years", "5 plus years", "3-5 years", "3 to 5 years", "2 yrs", "1,5 Jahre", "más de 3 años".
YEARS_PHRASE = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUMBER})\s*(?:\+|plus)?{_RANGE_TAIL}\s*\+?\s*(?P<unit>{UNIT})\b(?!\s+(?:ago|old|alt|atrás))",
    re.IGNORECASE)
# A count above this is a company's age or a typo, not a requirement nor a career.
MAX_YEARS = 40.0
# After the number: what makes "N years" a statement about experience, for CV sentences
# ("over 7 years of experience", "11 years' expertise") rather than "a 3-year degree".
EXPERIENCE_WORDS = re.compile(
    r"experience|expertise|background|in the (?:field|industry)|experiencia|expérience|erfahrung|"
    r"berufserfahrung|experiência|esperienza|ervaring|doświadczenia|kinh nghiệm", re.IGNORECASE)
EXPERIENCE_WINDOW = 40  # characters after the unit in which an experience word must appear


def _value(raw: str) -> float | None:
    raw = raw.lower().replace(",", ".")
    if raw[0].isdigit():
        return float(raw)
    found = _NUMBER_WORDS.get(raw)
    return float(found) if found is not None else None


def year_phrases(text: str) -> list[tuple[float, re.Match[str]]]:
    """Every "N years" phrase of `text` with its value (the lower bound of a range)."""
    found: list[tuple[float, re.Match[str]]] = []
    for match in YEARS_PHRASE.finditer(text):
        value = _value(match["n"])
        if value is not None and 0 < value <= MAX_YEARS:
            found.append((value, match))
    return found


def years_stated(text: str) -> float | None:
    """The years the first "N years" phrase of `text` states: what a requirement asks for."""
    phrases = year_phrases(text)
    return phrases[0][0] if phrases else None


def years_of_experience(text: str) -> float | None:
    """The most years of experience `text` claims: "over 7 years of experience" → 7.0.

    Only phrases followed closely by an experience word count, so "a 4-year degree" or "3 years
    at Acme" do not; a CV's dated roles are the better source, this is the fallback.
    """
    values = [value for value, match in year_phrases(text)
              if EXPERIENCE_WORDS.search(text, match.end(), match.end() + EXPERIENCE_WINDOW)]
    return max(values) if values else None


def without_years(text: str) -> str:
    """`text` with its "N years" phrases blanked: what is left says what the years are of."""
    return YEARS_PHRASE.sub(" ", text)
