"""Export ranked postings with their explanations: CSV, Markdown, JSON and a printable PDF.

The CV's contact details stay out of every export unless the user asks for them.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

from matcher import jsonview
from matcher.domain import CV, Posting, RankedMatch, ShortlistEntry, format_salary, score_band
from matcher.engine.explain import evidence_words
from matcher.paths import FONTS

STATUS_MARK = {"met": "✓", "partial": "~", "missing": "✗"}
SUMMARY_FIELDS = (
    "rank", "score", "band", "job_id", "title", "company", "locations", "salary", "posted", "url",
    "status", "notes", "met", "partial", "missing", "missing_skills", "why",
)
PDF_INDENT = 4.0  # mm: requirement lines sit under their posting's heading
PDF_MARK_WIDTH = 5.0  # mm: the ✓ / ~ / ✗ column, so every requirement's text starts at one edge


@dataclass(frozen=True)
class ExportOptions:
    include_contact: bool = False
    title: str = "Ranked postings"


@dataclass(frozen=True)
class ExportRow:
    """One posting as every format shows it."""

    rank: int
    match: RankedMatch
    posting: Posting
    entry: ShortlistEntry | None

    def summary(self) -> dict[str, object]:
        p, m = self.posting, self.match
        missing = sorted({s for r in m.requirements or [] if r.status == "missing" for s in (r.missing_skills or r.skills)})
        return {
            "rank": self.rank,
            "score": round(m.score, 1),
            "band": score_band(m.score),
            "job_id": m.posting_id,
            "title": p.title,
            "company": p.company or "",
            "locations": _where(p),
            "salary": format_salary(p.salary),
            "posted": p.posted.isoformat() if p.posted else "",
            "url": p.url or "",
            "status": self.entry.status if self.entry else "",
            "notes": self.entry.notes if self.entry else "",
            "met": m.met,
            "partial": m.counts.partial,
            "missing": m.missing,
            "missing_skills": ", ".join(missing),
            "why": m.why,
        }


def _where(p: Posting) -> str:
    """E.g. "Spain; Germany (remote)", "Remote", or "" when the posting says nothing."""
    places = "; ".join(p.locations)
    if not p.remote:
        return places
    return f"{places} (remote)" if places else "Remote"


def build_rows(
    matches: Sequence[RankedMatch], postings: Mapping[int, Posting], entries: Mapping[int, ShortlistEntry]
) -> list[ExportRow]:
    return [ExportRow(i, m, postings[m.posting_id], entries.get(m.posting_id)) for i, m in enumerate(matches, 1)]


def write_export(
    fmt: str,
    out: Path,
    matches: Sequence[RankedMatch],
    postings: Mapping[int, Posting],
    entries: Mapping[int, ShortlistEntry],
    cv: CV,
    options: ExportOptions = ExportOptions(),
) -> None:
    rows = build_rows(matches, postings, entries)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = {"csv": _write_csv, "md": _write_markdown, "json": _write_json, "pdf": _write_pdf}[fmt]
    # Write beside the target, then rename: a failed export never leaves half a file behind.
    partial = out.with_name(out.name + ".part")
    try:
        writer(partial, rows, cv, options)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def _cv_header(cv: CV, options: ExportOptions) -> list[str]:
    lines = [f"CV: {cv.name}"]
    if options.include_contact and cv.contact:
        lines.append("Contact: " + ", ".join(f"{k}: {v}" for k, v in sorted(cv.contact.items())))
    return lines


def _requirement_lines(row: ExportRow) -> list[str]:
    lines = []
    for r in row.match.requirements or []:
        words = evidence_words(r)
        evidence = f" — {words}" if words else ""
        kind = "" if r.kind == "required" else " (preferred)"
        lines.append(f"{STATUS_MARK[r.status]} {r.text}{kind}{evidence}")
    return lines


def _write_csv(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*SUMMARY_FIELDS, "requirements"])
        writer.writeheader()
        for row in rows:
            cells = {**row.summary(), "requirements": "\n".join(_requirement_lines(row))}
            writer.writerow({name: inert_cell(value) for name, value in cells.items()})


# A spreadsheet runs a cell that starts with one of these as a formula ("=HYPERLINK(...)",
# "+cmd|' /C calc'!A0"): OWASP's "CSV Injection". A leading apostrophe makes it text, and shows.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: "=1+1" → "'=1+1"; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_json(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    document = {
        "cv": {"name": cv.name, **({"contact": cv.contact} if options.include_contact else {})},
        "postings": [{**row.summary(), "explanation": jsonview.match(row.match)} for row in rows],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def _write_markdown(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    out = [f"# {md(options.title)}", "", *(f"{md(line)}  " for line in _cv_header(cv, options)),
           f"Exported {date.today()}", ""]
    for row in rows:
        s = row.summary()
        out.append(f"## {s['rank']}. {md(s['title'])} — {md(s['company'] or 'unknown company')}")
        out.append("")
        facts = [f"**Score {s['score']}** ({s['band']})", md(s["locations"]), md(s["salary"]), md(s["status"])]
        out.append(" · ".join(f for f in facts if f))
        if s["why"]:
            out.append(f"\nWhy: {s['why']}")
        if s["url"]:
            out.append(md_link(str(s["url"])))
        if s["notes"]:
            out.append("\n" + "\n".join(f"> {md(line)}" for line in str(s["notes"]).splitlines()))
        out.append("")
        out.extend(f"- {md(line)}" for line in _requirement_lines(row))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


# Text from postings is shown as text: no HTML (a <script> or <img onerror> would run in a viewer
# that renders it), no links or images made from brackets, no emphasis from stray markers.
MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # parentheses alone make no link: "[" is escaped
SAFE_SCHEMES = ("http", "https", "mailto")


def md(text: object) -> str:
    """`text` escaped for Markdown, on one line: "<b>*x*</b>" → "&lt;b&gt;\\*x\\*&lt;/b&gt;"."""
    plain = " ".join(str(text).split())
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MD_SPECIAL.sub(r"\\\1", plain)


def md_link(url: str) -> str:
    """An autolink for http(s) and mailto URLs, characters that would end it percent-encoded;
    any other scheme (javascript:, data:, file:) is shown as text, never as a link."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SAFE_SCHEMES or (parts.scheme.lower() != "mailto" and not parts.netloc):
        return f"Link (not opened: only web and mail links are): {md(url)}"
    return f"<{quote(url.strip(), safe=URL_SAFE)}>"


URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"  # RFC 3986's reserved and unreserved: everything else is encoded


# Fonts for the scripts DejaVu lacks (resources/fonts/README.md says where each comes from and
# why): Droid Sans Fallback (Apache-2.0, 4 MB) draws Chinese and Japanese, where Noto Sans CJK
# needs 16 MB per language; NanumGothic cut to Hangul (OFL-1.1, 1.9 MB) Korean; Noto Sans
# (OFL-1.1, 30–250 KB each) Thai, Devanagari, Arabic and Hebrew.
FALLBACK_FONTS = {
    "DroidSansFallback": "DroidSansFallbackFull.ttf", "MatcherHangul": "MatcherHangul-Regular.ttf",
    "NotoSansThai": "NotoSansThai-Regular.ttf",
    "NotoSansDevanagari": "NotoSansDevanagari-Regular.ttf", "NotoSansArabic": "NotoSansArabic-Regular.ttf",
    "NotoSansHebrew": "NotoSansHebrew-Regular.ttf",
}


def _write_pdf(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    from fpdf import FPDF  # only needed for this format

    pdf = FPDF(format="A4")
    # DejaVu covers the accents, Greek, Cyrillic and symbols that postings and CVs contain (the PDF
    # core fonts are Latin-1 only); a glyph it lacks is taken from the first fallback that has it.
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    for name, file in FALLBACK_FONTS.items():
        pdf.add_font(name, "", str(FONTS / file))
    pdf.set_fallback_fonts(list(FALLBACK_FONTS), exact_match=False)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(width, 9, options.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    for line in [*_cv_header(cv, options), f"Exported {date.today()} · {len(rows)} postings"]:
        pdf.multi_cell(width, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
    for row in rows:
        s = row.summary()
        pdf.ln(4)
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(width, 6, f"{s['rank']}. {s['title']} — {s['company']}", align="L", new_x="LMARGIN",
                       new_y="NEXT")
        pdf.set_font("DejaVu", "", 9)
        facts = [f"Score {s['score']} ({s['band']})", s["locations"], s["salary"], s["status"], s["url"]]
        # Left-aligned, never justified: justified lines stretch their spaces and the marks drift.
        pdf.multi_cell(width, 5, " · ".join(str(f) for f in facts if f), align="L", new_x="LMARGIN", new_y="NEXT")
        for label, text in (("Why", s["why"]), ("Notes", s["notes"])):
            if text:
                pdf.multi_cell(width, 5, f"{label}: {text}", align="L", new_x="LMARGIN", new_y="NEXT")
        for line in _requirement_lines(row):
            mark, _, text = line.partition(" ")
            pdf.set_x(pdf.l_margin + PDF_INDENT)
            pdf.cell(PDF_MARK_WIDTH, 4.5, mark)
            pdf.multi_cell(width - PDF_INDENT - PDF_MARK_WIDTH, 4.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
