"""Which language a text is written in, as an ISO 639-1 code: the one detector for postings, CVs
and the engine's profile.

Postings and CVs are long texts, and a count of each language's commonest short words tells them
apart reliably (the dev set's 1,250 postings and the shared CVs; see tests/test_language.py), with
no model to load and no dependency. Scripts without spaces between words are told by their
characters: kana is Japanese, Hangul Korean, Han alone Chinese.

    >>> detect_language("Buscamos un desarrollador con experiencia en Python y conocimientos de SQL para el equipo.")
    'es'
    >>> detect_language("hello") is None          # too few words to be sure
    True
    >>> language_name("de")
    'German'
"""

from __future__ import annotations

import re

# The commonest short words of each language; together with MIN_HITS and MIN_LEAD below.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in with for on as by at from my i is was an this that are you we our".split()),
    "es": frozenset("de el la los las del y en con para por una un que se al como más años su es".split()),
    "fr": frozenset("de le la les des et en du une un pour avec dans sur au aux est été ans vous nous".split()),
    "de": frozenset("der die das und mit für von im bei zu den des ein eine ich auf als jahre sie wir du ist".split()),
    "pt": frozenset("de da do das dos e em para com uma um na no como não anos ao pela você".split()),
    "it": frozenset("il lo gli della delle e di per con una un nel nella che sono anni".split()),
    "nl": frozenset("de het een en van met voor op in bij als jaar ik aan".split()),
    "pl": frozenset("i w z na do się oraz dla od jako przy lat".split()),
    "vi": frozenset("và của các với cho trong là có được những một người làm việc năm tại".split()),
}
NAMES: dict[str, str] = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "pl": "Polish", "vi": "Vietnamese", "ja": "Japanese", "ko": "Korean", "zh": "Chinese",
}
MIN_HITS = 5  # fewer common words than this and any guess is noise
# The winner must beat the runner-up by this factor. A word several languages share ("de", "en",
# "la") counts as a fraction, one over the number of lists it is in: Spanish and French are told
# apart by "los", "que", "y" against "les", "des", "et". A text with two languages in equal
# measure has no one language.
MIN_LEAD = 1.5
_SHARED_BY: dict[str, int] = {}
for _words in STOPWORDS.values():
    for _word in _words:
        _SHARED_BY[_word] = _SHARED_BY.get(_word, 0) + 1
# Characters of scripts written without spaces; a text with this many is in that script's language.
MIN_SCRIPT_CHARS = 10
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """"en", "es", "de", … for `text`, or None when it has too few common words to tell."""
    if len(_KANA.findall(text)) >= MIN_SCRIPT_CHARS:
        return "ja"
    if len(_HANGUL.findall(text)) >= MIN_SCRIPT_CHARS:
        return "ko"
    if len(_HAN.findall(text)) >= MIN_SCRIPT_CHARS:
        return "zh"
    words = [w for w in _WORD.findall(text.lower()) if w in _SHARED_BY]
    if len(words) < MIN_HITS:
        return None
    score = {code: sum(1 / _SHARED_BY[w] for w in words if w in stop) for code, stop in STOPWORDS.items()}
    best, runner_up = sorted(score, key=lambda code: score[code], reverse=True)[:2]
    return best if score[best] >= MIN_LEAD * score[runner_up] and score[best] > 0 else None


def language_name(code: str | None) -> str:
    """"de" → "German", for messages; an unknown code is returned as it is."""
    return NAMES.get(code or "", code or "unknown")
