"""Words for a ranking: each requirement's verdict with its evidence and reason, and one line per
posting that says why its score is what it is ("6 of 8 required met; missing must-have: Kubernetes;
similar work 0.71"). Built only for the postings someone looks at or exports."""

from __future__ import annotations


import numpy as np

from matcher.domain import JudgedBy, MatchStatus, RankedMatch, RequirementMatch
from matcher.engine.degrees import LEVEL_NAMES
from matcher.engine.features import CVIndex
from matcher.engine.posting_index import PostingIndex
from matcher.engine.requirement_info import verdict_key
from matcher.engine.unknown_names import lacking
from matcher.engine.verdicts import (BY_CATEGORY, BY_DEGREE, BY_MEANING, BY_SKILL, BY_YEARS, STATUSES, Verdicts,
                                     uses_key_word)

JUDGED_BY: dict[int, JudgedBy] = {BY_MEANING: "meaning", BY_SKILL: "skill", BY_YEARS: "years", BY_CATEGORY: "kind",
                                  BY_DEGREE: "degree"}


def requirement_matches(index: PostingIndex, verdicts: Verdicts, cvx: CVIndex, best_sim: np.ndarray,
                        rows: range) -> list[RequirementMatch]:
    """`best_sim`: each line's cosine with its best quotable CV unit (`ranking.Similarities`), what a
    "meaning" verdict rests on."""
    out = []
    profile = cvx.profile
    for i, cosine in zip(rows, best_sim[rows.start:rows.stop].tolist(), strict=True):
        req, info = index.requirement(i), index.infos[i]
        code, source = int(verdicts.code[i]), int(verdicts.source[i])
        unit = int(verdicts.unit[i])
        evidence = cvx.units[unit].text if unit >= 0 and code > 0 else None
        kind, basis, missing = "cv", None, []
        reason = f"meaning {cosine:.2f}"
        if source == BY_CATEGORY:
            shown = next(profile.by_category[c] for c in info.categories if c in profile.by_category)
            reason = f"asks for a kind of skill ({', '.join(info.categories)}); your CV shows {shown.name}"
            if shown.kind != "cv":
                kind, basis, evidence = shown.kind, shown.basis, None
        elif source == BY_SKILL:
            sv = verdicts.skills[verdict_key(info)]
            reason, missing = sv.reason, list(sv.missing)
            if sv.offered is not None and sv.offered.kind != "cv":
                kind, basis, evidence = sv.offered.kind, sv.offered.basis, None
            if req.years is not None and sv.code == 2:  # met or not, say what the years were judged on
                seen = verdicts.years_seen[i]
                names = ", ".join(sv.met_skills)
                if seen == seen:
                    reason += f"; {req.years:g} years asked, your dated roles show {seen:g} with {names}"
                    if code == 0:
                        basis = f"{req.years:g} years asked; your dated roles show {seen:g} with {names}"
                elif info.hard or profile.years is None:
                    reason += f"; {req.years:g} years asked: years with {names} not known (no dated role in your CV names it)"
                else:  # a field or method no dated role names: judged on the CV's years (verdicts, rule 2)
                    reason += f"; {req.years:g} years asked, your CV shows {profile.years:g}"
        elif source == BY_DEGREE and info.degree is not None and info.degree.enrolled:
            reason = f"asks that you be studying for {LEVEL_NAMES[info.degree.level]} now"
            studying, finished = profile.studying, profile.degree
            reason += (f"; your CV shows studies for {LEVEL_NAMES[studying[0]]} under way" if studying is not None
                       else f"; your CV shows {LEVEL_NAMES[finished[0]]}, finished, and no studies under way"
                       if finished is not None else "; your CV shows no studies under way")
        elif source == BY_DEGREE:
            assert info.degree is not None
            level, equivalent = info.degree.level, info.degree.equivalent
            reason = f"asks for {LEVEL_NAMES[level]}" + (" or equivalent experience" if equivalent else "")
            degree = profile.degree_meeting(info.degree, info.names) or profile.degree  # the one quoted
            by_degree = degree is not None and degree[0] >= level and unit == degree[1]
            if code < 2 or by_degree:
                reason += f"; your CV shows {LEVEL_NAMES[degree[0]]}" if degree is not None else ""
            else:  # met by the years the line takes instead
                reason += f"; your CV shows {profile.years:g} years of experience (from its dates)"
                if degree is not None:
                    reason += f", which the line takes instead of a degree; your CV shows {LEVEL_NAMES[degree[0]]}"
                if evidence is None:
                    kind, basis = "dates", (
                        f"No degree in your CV; its dates show {profile.years:g} years of experience" if degree is None
                        else f"Your CV's dates show {profile.years:g} years of experience, which the line takes "
                             f"instead of the degree it asks for")
        elif source == BY_YEARS:
            years = profile.years
            reason = (f"{req.years:g} years asked, your CV shows {years:g} (from its dates)" if years is not None
                      else f"{req.years:g} years asked; your CV's years are not known (no dates found)")
            if evidence is None and years is not None and code > 0:
                kind, basis = "dates", f"Your CV's dates show {years:g} years of experience"
            elif years is not None and code == 0:
                basis = f"{req.years:g} years asked; your CV's dates show {years:g}"
        elif req.years is not None and profile.years is not None:  # short of them or not, the years judged
            reason += f"; {req.years:g} years asked, your CV shows {profile.years:g}"
            if code == 0 and profile.years < req.years:
                basis = f"{req.years:g} years asked; your CV's dates show {profile.years:g}"
        if source == BY_DEGREE and code == 0:  # what was weighed, before the names it lacks join the reason
            basis = _sentence(reason)
        if source == BY_MEANING and code == 2 and uses_key_word(info, profile, unit):
            reason += f"; the sentence uses the line's word \"{info.key_word}\""
        if source in (BY_CATEGORY, BY_MEANING, BY_DEGREE) and code < 2 and info.names:
            # Decided by a kind of skill, by meaning or by the degree, not met: the skills it names that
            # the CV lacks are still what is missing ("Database optimization": Performance optimization;
            # "Bachelor's degree in Finance": Finance).
            named = verdicts.skills.get(verdict_key(info))
            if named is not None and named.missing:
                reason, missing = f"{reason}; {named.reason}", list(named.missing)
        if info.asks_unknown and source != BY_YEARS:
            if never := lacking(info.unknown, profile.words):
                reason += f"; your CV never names {', '.join(never)}"
                missing += [name for name in never if name not in missing]  # shown as "Missing: …" too
        if evidence is None and kind == "cv":
            kind = "none"
        status: MatchStatus = STATUSES[code]
        out.append(RequirementMatch(req.text, req.kind, status, evidence, float(index.weights[i]),
                                    list(req.skills), missing, round(cosine, 4),
                                    reason, kind, basis, JUDGED_BY[source]))  # type: ignore[arg-type]
    return out


def evidence_words(r: RequirementMatch) -> str | None:
    """What shows a requirement, in words, wherever it is shown (detail pane, exports). A CV sentence
    that proves it is quoted as "Your CV: …"; a line only partly met on meaning quotes the CV's
    closest sentence as that, not as proof; anything not from the CV says what it is (a skill added
    by hand, the CV's dates or language, a link in its contact details). A line missing for want of
    a degree, of studies under way or of years says what was weighed ("Asks for a doctorate; your CV
    shows a bachelor's degree"); one missing a named skill leaves that to "Missing: …"."""
    if r.status == "missing":
        return r.basis
    if r.evidence and r.evidence_kind == "cv":
        closest = r.status == "partial" and r.judged_by == "meaning"
        return f"{'Closest in your CV' if closest else 'Your CV'}: “{r.evidence}”"
    return r.basis or (f"“{r.evidence}”" if r.evidence else None)


def _sentence(reason: str) -> str:
    return reason[:1].upper() + reason[1:]


def why_line(m: RankedMatch, missing_must: list[str]) -> str:
    """E.g. "6 of 8 required met; missing must-have: Kubernetes; similar work 0.71"."""
    c = m.counts
    if c.required:
        parts = [f"{c.met} of {c.required} required met" + (f", {c.partial} partly" if c.partial else "")]
    else:
        parts = ["no required lines could be read"]
    if missing_must:
        parts.append("missing must-have: " + ", ".join(missing_must))
    elif m.breakdown.cap is not None:
        parts.append("asks far more years than your CV shows")
    elif c.required and c.missing * 2 > c.required:
        parts.append("most required lines missing")
    if c.preferred:
        parts.append(f"{c.preferred_met} of {c.preferred} nice-to-haves")
    parts.append(role_words(m.breakdown.role))
    parts.append(f"similar work {m.breakdown.semantic:.2f}")
    return "; ".join(parts)


# The role part (0..1) in words; cut points of the rescaled title cosine.
ROLE_SAME, ROLE_CLOSE = 0.6, 0.3


def role_words(role: float) -> str:
    if role >= ROLE_SAME:
        return "the kind of role you do"
    if role >= ROLE_CLOSE:
        return "a role close to yours"
    return "a different role from yours"
