"""What an import did, in the words the window shows until the user dismisses it."""

from __future__ import annotations

from matcher.services import ImportSummary


def _postings(count: int) -> str:
    return f"{count:,} posting" if count == 1 else f"{count:,} postings"


def import_summary_text(summary: ImportSummary) -> str:
    """E.g. "Imported 843 new postings · 407 listed again for another place, merged (every place, link and
    file kept) · 2 could not be read"."""
    parts = [f"Imported {_postings(summary.imported).replace('posting', 'new posting')}"]
    if summary.merged:
        parts.append(f"{summary.merged:,} listed again for another place, link or file: merged (every place, "
                     "link and file kept)")
    if summary.duplicates:
        parts.append(f"{summary.duplicates:,} already here or listed twice, nothing new")
    if summary.errors:
        parts.append(f"{len(summary.errors):,} could not be read")
    if summary.cancelled:
        parts.append("cancelled: the files finished before that are kept")
    if not (summary.imported or summary.merged):
        parts.append("nothing new, so the ranking stays as it was")
    return " · ".join(parts)
