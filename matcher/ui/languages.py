"""Languages as a person reads them: "German" for "de", and whether a posting's differs from the CV's."""

from __future__ import annotations

# ISO 639-1 codes of the languages job postings here come in most; any other shows as its code.
NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "pl": "Polish", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian",
    "fi": "Finnish", "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "el": "Greek",
    "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian", "ja": "Japanese", "zh": "Chinese", "ko": "Korean",
}


def language_name(code: str | None) -> str:
    """E.g. "de" -> "German"; "" when unknown."""
    if not code:
        return ""
    return NAMES.get(code.lower(), code.upper())


def language_differs(posting_language: str | None, cv_language: str | None) -> bool:
    """True only when both are known and differ: an unknown language is never flagged."""
    return bool(posting_language and cv_language and posting_language.lower() != cv_language.lower())


def language_notice(posting_language: str | None, cv_language: str | None) -> str:
    """E.g. "Posting in German; your CV is in English", or "" when they agree or one is unknown."""
    if not language_differs(posting_language, cv_language):
        return ""
    return f"Posting in {language_name(posting_language)}; your CV is in {language_name(cv_language)}"
