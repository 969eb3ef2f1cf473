"""Requirement verdicts against judgments made by reading: benchmarks/data/verdicts/gold_<cv>.json,
about 75 requirement lines per sample CV labelled met / partial / missing, with the CV sentence that
shows it (see that folder's README).

Each CV's gold lines become postings of their own (the lines as written, skills found by the app's
extractor) in a fresh Store; the CV is imported from its PDF; `RankingSession.explain` judges them.
Reported per half of the CVs: precision and recall of "met" and of "missing", accuracy, and how often
the quoted evidence is the sentence the reader chose. Run: `.venv/bin/python -m benchmarks.verdicts`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from benchmarks.harness import DATA, RELEVANCE_REPORT, RELEVANCE_TUNE, SHARED, Bench
from matcher import services
from matcher.domain import Posting, Requirement, RequirementMatch
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.years import years_stated

GOLD = DATA / "verdicts"
POOL = DATA / "relevance" / "pool.jsonl"


@dataclass
class Judged:
    cv: str
    gold: dict[str, object]
    match: RequirementMatch


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def judge_cv(name: str, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[Judged]:
    gold = json.loads((GOLD / f"gold_{name}.json").read_text(encoding="utf-8"))
    titles = {e["pid"]: e["title"] for e in map(json.loads, POOL.read_text(encoding="utf-8").splitlines())}
    bench = Bench.fresh()
    try:
        extractor = services.skill_extractor(bench.store)
        groups: dict[str, list[dict[str, object]]] = {}
        for line in gold:
            groups.setdefault(str(line["pid"]), []).append(line)
        postings = []
        for pid, lines in groups.items():
            reqs = [Requirement(str(x["requirement"]), x["kind"], years=years_stated(str(x["requirement"])))  # type: ignore[arg-type]
                    for x in lines]
            posting = Posting(title=titles[pid], description="\n".join(r.text for r in reqs), raw="",
                              source=f"gold:{pid}", requirements=tuple(reqs))
            postings.append(services.annotate_posting(posting, extractor))
        ids = bench.store.add_postings(postings).added_ids
        cv = services.import_cv(bench.store, SHARED / "samples" / "cvs" / f"{name}.pdf")
        assert cv.id is not None
        bench.session.thresholds_changed(thresholds)
        explained = {m.posting_id: m for m in bench.session.explain(cv.id, ids)}
        out = []
        for posting_id, lines in zip(ids, groups.values()):
            for line, match in zip(lines, explained[posting_id].requirements or []):
                out.append(Judged(name, line, match))
        return out
    finally:
        bench.close()


def scores(judged: list[Judged]) -> dict[str, float]:
    def pr(status: str) -> tuple[float, float]:
        predicted = [j for j in judged if j.match.status == status]
        actual = [j for j in judged if j.gold["status"] == status]
        hit = sum(j.gold["status"] == status for j in predicted)
        return hit / max(len(predicted), 1), hit / max(len(actual), 1)

    met_p, met_r = pr("met")
    miss_p, miss_r = pr("missing")
    shown = [j for j in judged if j.match.status != "missing" and j.match.evidence and j.gold.get("evidence")]
    same = sum(_norm(j.match.evidence) == _norm(str(j.gold["evidence"])) for j in shown)
    quoted_bad = [j for j in judged if j.match.status == "met" and j.gold["status"] == "missing"]
    return {"lines": len(judged), "met P": met_p, "met R": met_r, "missing P": miss_p, "missing R": miss_r,
            "accuracy": sum(j.match.status == j.gold["status"] for j in judged) / max(len(judged), 1),
            "same evidence": same / max(len(shown), 1), "met but missing": len(quoted_bad)}


def main() -> None:
    print("Requirement verdicts vs judgments by reading (benchmarks/data/verdicts)")
    header = ["lines", "met P", "met R", "missing P", "missing R", "accuracy", "same evidence", "met but missing"]
    print(f"{'half':<8}" + "".join(f"{h:>16}" for h in header))
    for half, names in (("tune", RELEVANCE_TUNE), ("report", RELEVANCE_REPORT)):
        judged = [j for name in names for j in judge_cv(name)]
        row = scores(judged)
        print(f"{half:<8}" + "".join(f"{row[h]:>16.3f}" if isinstance(row[h], float) else f"{row[h]:>16}"
                                     for h in header))


if __name__ == "__main__":
    main()
