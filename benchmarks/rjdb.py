"""Requirement verdicts on rjdb triples (../shared/data/dev/rjdb): a job description, a CV written for
it, and the same CV with some skills and years taken out.

Each description is imported as a pasted posting, each CV as a CV (through the app's services), and
the app's session ranks and explains. Reported per half of the triples (first half TUNE, second
REPORT):
- pairwise: how often the matched CV scores above the weakened one (ties count half), beside TF-IDF
  and embedding cosine computed the same way;
- detection (all): of the lines naming a removed skill, how many get a worse verdict for the weakened CV;
- false moves (all): of the lines naming neither a removed skill nor years or experience, how many change.

The generator does not only remove what `Filtered-information` says: it rewrites the whole CV, so
some "removed" skills are still there ("SDI (Spatial Data Infrastructure)" → "Spatial Data
Infrastructure"; "iOS" still in a role title) and some skills it does not list are gone too (the
CV's only line on communication skills, "Oracle" with "Subversion"). A verdict that does not get
worse for a skill the weakened CV still shows, or that moves for one it dropped, is right. So beside
the figures above (kept as they were), the same figures measured where the protocol can tell:
- detection (could worsen): over the lines not already missing for the matched CV (the README's
  protocol is "met → partial/missing": a missing line cannot get worse);
- still shown: of those, the lines whose every named removed skill the weakened CV still names by
  the same word rule that says a line names it (`_names_removed` over the CV's whole text);
- detection (honest): over the lines that could worsen and whose removed skill is really gone;
- dropped too: of the other lines, those asking something the weakened CV lost although the
  generator does not list it (`_dropped`);
- false moves (honest): over the other lines less those.
Run: `.venv/bin/python -m benchmarks.rjdb`; `--examples N` prints N random TUNE lines of each kind of
failure (undetected with the skill really gone, false moves not explained by a drop) with both verdicts,
their evidence and similarity, to diagnose on TUNE without looking at REPORT.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from benchmarks.harness import DEV, Bench, model_embedder
from matcher import services
from matcher.domain import CV
from matcher.engine.lexical import default_reference, tokens

TRIPLES = DEV / "rjdb" / "triples.jsonl"
ORDER = {"missing": 0, "partial": 1, "met": 2}
GENERIC = {"skills", "skill", "ability", "knowledge", "proficiency", "experience", "strong", "excellent", "good"}
YEARS_OR_EXPERIENCE = re.compile(r"\b(?:years?|experience|experienced)\b", re.I)


@dataclass
class Triple:
    posting_id: int
    matched: CV
    weakened: CV
    removed: list[str]  # skill names taken out of the weakened CV
    job_text: str


def _names_removed(line: str, removed: list[str]) -> bool:
    """A line names a removed skill when it holds the skill's most specific word (rarest in the
    reference postings: "stamina" of "Physical Strength and Stamina", not "management" of "Time
    Management Skills"), or two thirds of its words."""
    words = set(tokens(line))
    reference = default_reference()
    for skill in removed:
        key = {w for w in tokens(skill) if w not in GENERIC} or set(tokens(skill))
        if not key:
            continue
        rarest = max(key, key=lambda w: (reference.rarity(w), w))
        if rarest in words or len(key & words) / len(key) >= 2 / 3:
            return True
    return False


def _dropped(line: str, skills: list[str], matched: CV, weakened: CV) -> bool:
    """The weakened CV lost what `line` asks: one of its named skills the matched CV shows and the
    weakened does not (by the app's extractor), or, for a line naming none, its most specific word
    (rarest in the reference postings, generic words aside) is in the matched CV and not in the weakened."""
    if skills:
        have = [{e.skill.lower() for e in cv.effective_skills()} for cv in (matched, weakened)]
        return any(s.lower() in have[0] and s.lower() not in have[1] for s in skills)
    rarest = default_reference().rarest([w for w in tokens(line) if w not in GENERIC])  # the app's own pick
    return bool(rarest) and rarest in tokens(matched.text) and rarest not in tokens(weakened.text)


def load(limit: int | None = None) -> tuple[Bench, list[Triple]]:
    records = [json.loads(line) for line in TRIPLES.read_text(encoding="utf-8").splitlines()][:limit]
    bench = Bench.fresh()
    folder = Path(tempfile.mkdtemp(prefix="rjdb-", dir=bench.folder.name))
    triples = []
    for k, r in enumerate(records):
        summary = services.import_posting_text(bench.store, r["Job-Description"], source=f"rjdb #{k}")
        if not summary.posting_ids:
            continue
        cvs = []
        for side in ("Resume-matched", "Resume-unmatched"):
            path = folder / f"{k}-{side}.md"
            path.write_text(r[side], encoding="utf-8")
            cvs.append(services.import_cv(bench.store, path))
        removed = list(r["Filtered-information"].get("Skills") or [])
        triples.append(Triple(summary.posting_ids[0], cvs[0], cvs[1], removed, r["Job-Description"]))
    return bench, triples


def evaluate(bench: Bench, triples: list[Triple]) -> dict[str, float | int]:
    wins = detected = named = moved = others = 0.0
    could = could_detected = still = honest = honest_detected = dropped = kept = kept_moved = 0.0
    tfidf_wins = embed_wins = 0.0
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit([t.job_text for t in triples])
    embedder = model_embedder()
    for t in triples:
        assert t.matched.id is not None and t.weakened.id is not None
        [a] = bench.session.explain(t.matched.id, [t.posting_id])
        [b] = bench.session.explain(t.weakened.id, [t.posting_id])
        wins += 1.0 if a.score > b.score else 0.5 if a.score == b.score else 0.0
        job = vectorizer.transform([t.job_text])
        ta, tb = (float((vectorizer.transform([cv.text]) @ job.T).toarray()[0, 0]) for cv in (t.matched, t.weakened))
        tfidf_wins += 1.0 if ta > tb else 0.5 if ta == tb else 0.0
        vj, va, vb = embedder.embed([t.job_text, t.matched.text, t.weakened.text])
        embed_wins += 1.0 if vj @ va > vj @ vb else 0.5 if vj @ va == vj @ vb else 0.0
        for ra, rb in zip(a.requirements or [], b.requirements or []):
            if _names_removed(ra.text, t.removed):
                worse = ORDER[rb.status] < ORDER[ra.status]
                named += 1
                detected += worse
                if ra.status == "missing":
                    continue
                could += 1
                could_detected += worse
                if all(_names_removed(t.weakened.text, [s]) for s in t.removed if _names_removed(ra.text, [s])):
                    still += 1
                else:
                    honest += 1
                    honest_detected += worse
            elif not YEARS_OR_EXPERIENCE.search(ra.text):
                others += 1
                moved += ra.status != rb.status
                if _dropped(ra.text, ra.skills, t.matched, t.weakened):
                    dropped += 1
                else:
                    kept += 1
                    kept_moved += ra.status != rb.status
    n = max(len(triples), 1)
    return {"triples": len(triples), "matcher above weakened": wins / n, "TF-IDF above": tfidf_wins / n,
            "embedding above": embed_wins / n, "removed-skill lines": int(named),
            "detected (all)": detected / max(named, 1), "could worsen": int(could),
            "detected (could worsen)": could_detected / max(could, 1), "still shown": int(still),
            "detected (honest)": honest_detected / max(honest, 1),
            "other lines": int(others), "false moves (all)": moved / max(others, 1), "dropped too": int(dropped),
            "false moves (honest)": kept_moved / max(kept, 1)}


def examples(bench: Bench, triples: list[Triple], n: int, seed: int = 0) -> None:
    """Print `n` random undetected lines (removed skill really gone) and `n` false moves (not
    explained by a drop) of `triples`, each with both verdicts, evidence and similarity."""
    undetected, false_moves = [], []
    for k, t in enumerate(triples):
        assert t.matched.id is not None and t.weakened.id is not None
        [a] = bench.session.explain(t.matched.id, [t.posting_id])
        [b] = bench.session.explain(t.weakened.id, [t.posting_id])
        for ra, rb in zip(a.requirements or [], b.requirements or []):
            named = [s for s in t.removed if _names_removed(ra.text, [s])]
            if named and ra.status != "missing" and ORDER[rb.status] >= ORDER[ra.status]:
                if not all(_names_removed(t.weakened.text, [s]) for s in named):
                    undetected.append((k, named, ra, rb))
            elif (not named and not YEARS_OR_EXPERIENCE.search(ra.text) and ra.status != rb.status
                  and not _dropped(ra.text, ra.skills, t.matched, t.weakened)):
                false_moves.append((k, named, ra, rb))
    rng = np.random.default_rng(seed)
    for title, rows in (("undetected, skill gone", undetected), ("false moves, nothing dropped", false_moves)):
        print(f"\n== {title}: {len(rows)}")
        for j in rng.permutation(len(rows))[:n]:
            k, named, ra, rb = rows[j]
            print(f"\n#{k} removed {named or triples[k].removed}\n  line: {ra.text!r} skills {ra.skills}")
            for side, m in (("matched", ra), ("weakened", rb)):
                print(f"  {side:<8} {m.status:<7} sim {m.similarity:.2f} [{m.reason}] evidence {m.evidence!r}")


def main() -> None:
    bench, triples = load()
    try:
        if len(sys.argv) > 2 and sys.argv[1] == "--examples":
            examples(bench, triples[:len(triples) // 2], int(sys.argv[2]))
            return
        half = len(triples) // 2
        print("rjdb triples: matched CV vs the same CV with skills and years removed")
        print("targets (issue 12): above at least as often as TF-IDF; >= 80% of removed-skill lines worse; <= 5% of other lines move")
        for name, part in (("tune", triples[:half]), ("report", triples[half:])):
            row = evaluate(bench, part)
            print(f"{name:<7} " + "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in row.items()))
    finally:
        bench.close()


if __name__ == "__main__":
    main()
