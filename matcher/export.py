"""Export ranked postings with their explanations: CSV, Markdown, JSON and a printable PDF.

The CV's contact details stay out of every export unless the user asks for them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from matcher import jsonview
from matcher.domain import CV, Posting, RankedMatch, ShortlistEntry, format_salary, score_band
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
        evidence = f" — “{r.evidence}”" if r.evidence and r.status != "missing" else ""
        kind = "" if r.kind == "required" else " (preferred)"
        lines.append(f"{STATUS_MARK[r.status]} {r.text}{kind}{evidence}")
    return lines


def _write_csv(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*SUMMARY_FIELDS, "requirements"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row.summary(), "requirements": "\n".join(_requirement_lines(row))})


def _write_json(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    document = {
        "cv": {"name": cv.name, **({"contact": cv.contact} if options.include_contact else {})},
        "postings": [{**row.summary(), "explanation": jsonview.match(row.match)} for row in rows],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")


def _write_markdown(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    out = [f"# {options.title}", "", *(f"{line}  " for line in _cv_header(cv, options)), f"Exported {date.today()}", ""]
    for row in rows:
        s = row.summary()
        out.append(f"## {s['rank']}. {s['title']} — {s['company'] or 'unknown company'}")
        out.append("")
        facts = [f"**Score {s['score']}** ({s['band']})", str(s["locations"]), str(s["salary"]), str(s["status"])]
        out.append(" · ".join(f for f in facts if f))
        if s["why"]:
            out.append(f"\nWhy: {s['why']}")
        if s["url"]:
            out.append(f"<{s['url']}>")
        if s["notes"]:
            out.append(f"\n> {s['notes']}")
        out.append("")
        out.extend(f"- {line}" for line in _requirement_lines(row))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def _write_pdf(path: Path, rows: list[ExportRow], cv: CV, options: ExportOptions) -> None:
    from fpdf import FPDF  # only needed for this format

    pdf = FPDF(format="A4")
    # DejaVu covers the accents, Cyrillic and symbols that postings and CVs contain; the PDF
    # core fonts are Latin-1 only.
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
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
