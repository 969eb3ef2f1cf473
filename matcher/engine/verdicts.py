"""Per requirement line: met, partial or missing, with what shows it — for many lines at once.

Evidence, in order of trust:
1. Named hard skills (languages, frameworks, databases, cloud, tools, certifications) are judged by
   name only: the CV names the skill (exact or alias), or a skill that implies it (Django ⇒ Python).
   A sentence about another skill never meets it ("Docker containers" does not show "IoC
   containers"); a close sibling (PostgreSQL for MySQL) is at most partial and says so. Alternatives
   ("Java or Go") need one; other names are each needed, a bracket of examples with the name it
   illustrates counting as one ("ERP systems (e.g. Oracle ERP) and SQL": an ERP, and SQL).
2. Years asked for a named skill ("5+ years of Python"), or for a field of work or a method ("10
   years of relevant work experience in public accounting"), are judged on the years of the CV's
   dated roles that name it; when no dated role does, a skill's line is partial and says the years
   are not known, and a field's or method's line is judged on the CV's years (rule 4).
3. Lines that name no hard skill ("excellent communication skills", "a degree in computer science")
   are judged on meaning: the cosine of the line and its best quotable CV sentence against
   calibrated thresholds (`calibration.Thresholds`); a sentence that also uses the line's rarest
   word is met from a lower cosine (`met_same_word`). Soft skills, methods and domains named in the
   line count by name as well as by meaning; as well shown either way, the sentence that names them
   is quoted.
4. Years alone ("5+ years of experience") are judged on the CV's years; years asked in a line judged
   on meaning can only lower its verdict.
5. A name the taxonomy does not know ("IGBTs", "WCF": `unknown_names`) that the CV never writes
   keeps a line judged on meaning or on named skills from being met, unless one of several will do.
6. A kind of skill ("one or more programming languages", "databases") is met by any skill of that
   kind the CV shows; when the line also names a skill the CV lacks ("Database optimization"), the
   kind shows only part of it.
7. A degree ("BA/BS degree or equivalent practical experience") is judged on the highest degree the
   CV names (`degrees`): that level or above meets it, unless the line names a field the CV lacks
   (partial); one level below is partial, two below missing. Where the line takes equivalent
   experience, enough years meet it. A CV that names no degree leaves the line to meaning. A line
   that asks to be studying now ("Currently enrolled in a Bachelor's or Master's program") is met
   only by studies the CV says are under way; a finished degree, however high, does not meet it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from matcher.domain import MatchStatus
from matcher.engine.calibration import DEFAULT_THRESHOLDS, Thresholds
from matcher.engine.degrees import EQUIVALENT_YEARS, DegreeAsked
from matcher.engine.posting_index import PostingIndex
from matcher.engine.requirement_info import RequirementInfo, VerdictKey, skill_keys
from matcher.engine.profile import IMPLIED_MET, IMPLIED_PARTIAL, CVProfile, Offered
from matcher.engine.taxonomy import Taxonomy
from matcher.engine.unknown_names import lacking

MISSING, PARTIAL, MET = 0, 1, 2
STATUSES: tuple[MatchStatus, ...] = ("missing", "partial", "met")
RELATED_CREDIT = 0.4  # a sibling skill (MySQL for PostgreSQL): partial, and not much
RELATED_MIN = 0.5  # sibling strength from which it counts at all
YEARS_UNKNOWN_CREDIT = 0.6  # the skill is there, its years are not shown: benefit of some doubt
YEARS_PARTIAL_RATIO = 0.5  # 3 years with the skill against "5+ years" is partial; 2 years is missing

# Where a verdict came from, per line (explanations read it back).
BY_MEANING, BY_SKILL, BY_YEARS, BY_CATEGORY, BY_DEGREE = 0, 1, 2, 3, 4


@dataclass(frozen=True)
class SkillVerdict:
    code: int
    credit: float
    offered: Offered | None  # what shows it (the best offered skill); None when missing
    met_skills: tuple[str, ...]  # canonical names the CV has (exactly or implied)
    missing: tuple[str, ...]  # canonical names the CV lacks
    reason: str


def judge_skills(names: tuple[str, ...], keys: tuple[str, ...], any_of: bool, profile: CVProfile,
                 taxonomy: Taxonomy | None) -> SkillVerdict:
    """Verdict on named skills alone; alternatives ("Java or Go") need one, lists need all."""
    credits: list[float] = []
    reasons: list[str] = []
    shown: list[str] = []  # the reasons of the names the CV shows
    offered: Offered | None = None
    met: list[str] = []
    missing: list[str] = []
    by_key = {n.lower(): n for n in names}
    for key in keys:
        name = by_key.get(key, key)
        if key in profile.skills:
            credits.append(1.0)
            reasons.append(f"exact skill: {name}")
            shown.append(reasons[-1])
            offered = offered or profile.skills[key]
            met.append(name)
        elif key in profile.implied and profile.implied[key][0] >= IMPLIED_PARTIAL:
            strength, via, source = profile.implied[key]
            credits.append(strength)
            reasons.append(f"{name} implied by {via}")
            shown.append(reasons[-1])
            offered = offered or source
            met.append(name)
        else:
            related = _related(name, profile, taxonomy)
            if related is not None:
                credits.append(RELATED_CREDIT)
                reasons.append(f"related skill {related.name}, not {name}")
                offered = offered or related
            else:
                credits.append(0.0)
                reasons.append(f"not in your CV: {name}")
            missing.append(name)
    credit = max(credits) if any_of else sum(credits) / len(credits)
    if any_of and met:
        # One alternative is enough: the others are not gaps, and the reason says what showed it
        # ("exact skill: Java; one of 3 will do", not "not in your CV: C#; exact skill: Java; …").
        missing = []
        # A group of one name offers no choice: "exact skill: Django", not "…; one of 1 will do".
        reasons = [*shown, f"one of {len(keys)} will do"] if len(keys) > 1 else shown
    code = _named_code(credit) if any_of else _all_needed_code(credits)
    return SkillVerdict(code, credit if code else 0.0, offered if code else None, tuple(met), tuple(missing),
                        "; ".join(reasons))


def _named_code(credit: float) -> int:
    """Met, partial or missing from the credit of a line's named skills."""
    return MET if credit >= IMPLIED_MET else PARTIAL if credit >= RELATED_CREDIT else MISSING


def _all_needed_code(credits: list[float]) -> int:
    """The code of things each asked for (a list's names, a line's groups), from their mean credit;
    one the CV lacks altogether keeps it from met: ten names of which nine are shown averaged 0.9, a
    ✓ beside "not in your CV: Networking" (rjdb #87)."""
    code = _named_code(sum(credits) / len(credits))
    return PARTIAL if code == MET and 0.0 in credits else code


def judge_groups(names: tuple[str, ...], groups: tuple[tuple[str, ...], ...], profile: CVProfile,
                 taxonomy: Taxonomy | None) -> SkillVerdict:
    """Named skills in groups: every group is needed, one of a group is enough ("Java, Web Services
    (e.g. RESTful, SOAP), and JavaScript": Java, one of the three, and JavaScript)."""
    parts = [judge_skills(names, group, True, profile, taxonomy) for group in groups]
    credit = sum(p.credit for p in parts) / len(parts)
    code = _all_needed_code([p.credit for p in parts])
    offered = next((p.offered for p in parts if p.offered is not None), None)
    return SkillVerdict(code, credit if code else 0.0, offered if code else None,
                        tuple(m for p in parts for m in p.met_skills), tuple(m for p in parts for m in p.missing),
                        "; ".join(p.reason for p in parts))


def judge_spoken(groups: tuple[tuple[str, ...], ...], profile: CVProfile) -> SkillVerdict:
    """Spoken languages: every group is needed ("English and German"), one of a group is enough
    ("Mandarin or Cantonese"); the CV's own language counts (see `profile`)."""
    met: list[str] = []
    missing: list[str] = []
    offered: Offered | None = None
    for group in groups:
        have = [k for k in group if k in profile.skills]
        if have:
            shown = profile.skills[have[0]]
            met.append(shown.name)
            # A CV sentence that names a language is quoted before "your CV is written in English":
            # "English and Chinese" is shown by the CV's "…, Chinese, …", the English by the CV itself.
            if offered is None or (offered.unit is None and shown.unit is not None):
                offered = shown
        else:
            missing.append(" or ".join(k.title() for k in group))
    code = MET if not missing else PARTIAL if met else MISSING
    reasons = [f"speaks {m}" for m in met] + [f"no sign you speak {m}" for m in missing]
    return SkillVerdict(code, {MET: 1.0, PARTIAL: 0.5, MISSING: 0.0}[code], offered if code else None, tuple(met),
                        tuple(missing), "; ".join(reasons))


def _related(name: str, profile: CVProfile, taxonomy: Taxonomy | None) -> Offered | None:
    if taxonomy is None:
        return None
    closest = profile.closest_shown(name, taxonomy)
    return closest[1] if closest is not None and closest[0] >= RELATED_MIN else None


FIELDWORK_CATEGORIES = frozenset({"domain", "method"})  # kinds of skill a career's years are spent in
FIELD_ONLY_CREDIT = 0.5  # a degree or method in another field than the one asked: partial at best
UNKNOWN_NAME_CREDIT = FIELD_ONLY_CREDIT  # the same doubt: the line names something the CV never writes
DEGREE_BELOW_CREDIT = 0.5  # a bachelor's against "Master's degree": part of it


class _SkillColumns:
    """Skill verdicts as columns by key number (`LineKeys.keys`), to be spread over their lines."""

    def __init__(self, keys: int) -> None:
        self.code = np.zeros(keys, dtype=np.int64)
        self.credit = np.zeros(keys)
        self.unit = np.full(keys, -1, dtype=np.int64)
        self.missing = np.zeros(keys, dtype=bool)
        self.met = np.zeros(keys, dtype=bool)
        self.years = np.full(keys, np.nan)  # the most years a dated role shows with a met skill
        self.fieldwork = np.zeros(keys, dtype=bool)  # met by fields of work or methods only: years count

    def put(self, k: int, sv: SkillVerdict, profile: CVProfile, taxonomy: Taxonomy | None) -> None:
        self.code[k], self.credit[k], self.missing[k], self.met[k] = sv.code, sv.credit, bool(sv.missing), bool(sv.met_skills)
        self.unit[k] = sv.offered.unit if sv.offered is not None and sv.offered.unit is not None else -1
        if sv.code != MET:  # years asked are weighed only against a skill the CV has
            return
        with_skill = [y for y in (profile.years_with(s) for s in sv.met_skills) if y is not None]
        if with_skill:
            self.years[k] = max(with_skill)
        categories = {skill.category for skill in (taxonomy.get(s) for s in sv.met_skills)
                      if skill is not None} if taxonomy is not None else set()
        # "10 years in public accounting" asks for years in the field; "10 years of experience,
        # strong communication skills" does not ask for ten years of communicating.
        self.fieldwork[k] = bool(categories) and categories <= FIELDWORK_CATEGORIES


@dataclass
class Verdicts:
    """Aligned with the requirement rows of a `PostingIndex`."""

    code: np.ndarray  # (R,) 0 missing, 1 partial, 2 met
    credit: np.ndarray  # (R,) 0..1
    unit: np.ndarray  # (R,) quotable unit that shows it, -1 when none
    source: np.ndarray  # (R,) BY_MEANING, BY_SKILL or BY_YEARS
    years_seen: np.ndarray  # (R,) the years the CV shows for the line's ask, NaN when unknown or none asked
    must: np.ndarray  # (R,) a required hard skill named in the title that the CV lacks
    skills: dict[VerdictKey, SkillVerdict] = field(default_factory=dict)


def _judge_key(info: RequirementInfo, keys: tuple[str, ...], profile: CVProfile, taxonomy: Taxonomy | None) -> SkillVerdict:
    if info.spoken:
        return judge_spoken(info.spoken, profile)
    if info.groups:
        return judge_groups(info.names, info.groups, profile, taxonomy)
    return judge_skills(info.names, keys, info.any_of, profile, taxonomy)


def rejudged(index: PostingIndex, base: Verdicts, profile: CVProfile, best_sim: np.ndarray, best_unit: np.ndarray,
             years_unit: int, taxonomy: Taxonomy | None, t: Thresholds = DEFAULT_THRESHOLDS) -> Verdicts:
    """`base` as `profile` would judge it, when only the skills it shows differ (a what-if): a line's
    verdict changes only with its skill verdict or the kinds of skill shown, so only the lines whose
    skill verdict differs and the lines asking for a kind of skill are judged again."""
    memo: dict[VerdictKey, SkillVerdict] = {}
    lk = index.line_keys()
    keys, first = np.unique(lk.key_of, return_index=True)
    changed = np.zeros(max(len(lk.keys), 1), dtype=bool)  # lines with no key read row 0, masked out
    for k, row in zip(keys.tolist(), first.tolist()):
        if k < 0:
            continue
        info = index.infos[row]  # the first line of the key, whose names the base verdict was worded with
        sv = memo[lk.keys[k]] = _judge_key(info, skill_keys(info), profile, taxonomy)
        changed[k] = sv != base.skills.get(lk.keys[k])  # absent: no line reached it (a kind of skill decided them)
    # The words a CV writes change with the skills a what-if adds, and with them lines naming unknown names.
    lines = np.flatnonzero(lk.categories | lk.unknown | ((lk.key_of >= 0) & changed[np.maximum(lk.key_of, 0)]))
    part = judge_all(index, profile, best_sim, best_unit, years_unit, taxonomy, t, memo, lines)
    out = Verdicts(base.code.copy(), base.credit.copy(), base.unit.copy(), base.source.copy(), base.years_seen.copy(),
                   base.must.copy(), memo)
    for name in ("code", "credit", "unit", "source", "years_seen", "must"):
        getattr(out, name)[lines] = getattr(part, name)
    return out


def judge_all(index: PostingIndex, profile: CVProfile, best_sim: np.ndarray, best_unit: np.ndarray,
              years_unit: int, taxonomy: Taxonomy | None, t: Thresholds = DEFAULT_THRESHOLDS,
              memo: dict[VerdictKey, SkillVerdict] | None = None,
              lines: np.ndarray | None = None) -> Verdicts:
    """`best_sim[i]`/`best_unit[i]`: line i's best quotable CV unit and its cosine; `years_unit`:
    the unit that states the CV's years (-1 if none); `memo`: skill verdicts to reuse, judged with
    this profile; `lines`: judge only these rows, in ascending order (the verdicts are aligned with them).

    Column-wise: each skill verdict is judged once for all the lines that share it, then the rules
    below apply to whole columns (a loop over 97,000 lines took 0.3 s at 10,000 postings)."""
    lines = np.arange(len(index.infos)) if lines is None else lines
    lk = index.line_keys()
    key_of, spoken, fields = lk.key_of[lines], lk.spoken[lines], lk.fields[lines]
    owner, years_only, hard = index.owner[lines], index.years_only[lines], index.hard[lines]
    required, asked = index.required[lines], index.years[lines]
    sim = np.asarray(best_sim[lines], dtype=np.float64)
    code = (sim >= t.partial).astype(np.int64) + (sim >= t.met)
    credit = np.where(code == MET, 1.0, np.where(code == PARTIAL, np.clip((sim - t.floor) / (t.met - t.floor), 0, 1), 0.0))
    unit = np.where(code > 0, best_unit[lines], -1).astype(np.int64)
    # A sentence nearly close enough that also uses the line's rarest word shows it (rule 3).
    for j in np.flatnonzero((code == PARTIAL) & (sim >= t.met_same_word)).tolist():
        if uses_key_word(index.infos[int(lines[j])], profile, int(unit[j])):
            code[j], credit[j] = MET, 1.0
    source = np.zeros(len(sim), dtype=np.int64)
    years_seen = np.full(len(sim), np.nan)
    must = np.zeros(len(sim), dtype=bool)
    memo = {} if memo is None else memo
    # "One or more programming languages": met when the CV shows a skill of that kind (few lines),
    # quoting it, even where meaning met it too: a role's title close in meaning ("Software Engineer")
    # is no proof of the languages.
    for j in np.flatnonzero(lk.categories[lines]).tolist():
        info = index.infos[int(lines[j])]
        offered = next((profile.by_category[c] for c in info.categories if c in profile.by_category), None)
        if offered is not None:
            code[j], credit[j], source[j] = MET, 1.0, BY_CATEGORY
            unit[j] = offered.unit if offered.unit is not None else -1
    # A line judged by names: each skill verdict once, worded with the names of its first line.
    named = key_of >= 0
    used, first = np.unique(key_of[named], return_index=True)
    rows_named = np.flatnonzero(named)
    table = _SkillColumns(max(len(lk.keys), 1))  # one at least: lines with no key read row 0, masked out
    for k, j in zip(used.tolist(), rows_named[first].tolist()):
        key = lk.keys[k]
        sv = memo.get(key)
        if sv is None:
            info = index.infos[int(lines[j])]
            sv = memo[key] = _judge_key(info, skill_keys(info), profile, taxonomy)
        table.put(k, sv, profile, taxonomy)
    k = np.maximum(key_of, 0)
    sv_code, sv_credit, sv_unit = table.code[k], table.credit[k], table.unit[k]
    # Spoken languages: the names decide; a required one the CV lacks is a must-have.
    said = named & spoken
    code, credit, source, unit = (np.where(said, sv_code, code), np.where(said, sv_credit, credit),
                                  np.where(said, BY_SKILL, source), np.where(said, sv_unit, unit))
    must |= said & required & table.missing[k]
    rest = named & ~spoken
    # A field the CV never names: a sentence close in meaning shows part of it at most.
    down = rest & ~hard & fields & (sv_code == MISSING) & (code == MET)
    code, credit = np.where(down, PARTIAL, code), np.where(down, np.minimum(credit, FIELD_ONLY_CREDIT), credit)
    # A kind of skill shown while the skill the line names with it is not ("Database optimization"
    # from a CV listing Firebase): part of it.
    kind_only = rest & (source == BY_CATEGORY) & (sv_code < MET)
    code, credit = np.where(kind_only, PARTIAL, code), np.where(kind_only, np.minimum(credit, FIELD_ONLY_CREDIT), credit)
    # A soft skill whose meaning showed it better than its name keeps that; so does a kind of skill
    # shown when the named examples are missing. As well shown either way, the sentence that names
    # it is quoted. When neither shows it, the name says what is missing ("not in your CV: CI/CD"
    # rather than a cosine).
    neither = (sv_code == MISSING) & (code == MISSING)
    take = rest & ~(~hard & (sv_credit < credit) & ~neither) & ~kind_only
    code, credit = np.where(take, sv_code, code), np.where(take, sv_credit, credit)
    source, unit = np.where(take, BY_SKILL, source), np.where(take, sv_unit, unit)
    # Years asked for a named skill: judged on the years of the dated roles that use it.
    timed = take & (hard | table.fieldwork[k]) & (sv_code == MET) & ~np.isnan(asked)
    seen = table.years[k]
    unknown = timed & hard & np.isnan(seen)  # a field no dated role names: the CV's years judge it below
    code, credit = np.where(unknown, PARTIAL, code), np.where(unknown, YEARS_UNKNOWN_CREDIT, credit)
    known = timed & ~np.isnan(seen)
    years_seen = np.where(known, seen, years_seen)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = seen / asked
    short = known & (ratio < 1.0)
    code = np.where(short, np.where(ratio >= YEARS_PARTIAL_RATIO, PARTIAL, MISSING), code)
    credit = np.where(short, np.where(code > MISSING, ratio, 0.0), credit)
    # A required hard skill the CV lacks that the posting's title names: a must-have.
    for j in np.flatnonzero(take & hard & required & table.missing[k] & ~table.met[k]).tolist():
        title_hard = index.heads[int(owner[j])].title_hard
        if title_hard:
            must[j] = bool(title_hard.intersection(m.lower() for m in memo[lk.keys[key_of[j]]].missing))
    # Names the taxonomy does not know that the CV never writes: "Proficiency in .Net, WCF, HTML5"
    # without WCF is one named thing of three missing, whatever meaning or the other names show.
    lacks_of: dict[int, int] = {}  # id(info) → how many of its names the CV lacks (lines share infos)
    for j in np.flatnonzero(lk.unknown[lines] & (code == MET) & ((source == BY_MEANING) | (source == BY_SKILL))).tolist():
        info = index.infos[int(lines[j])]
        lacks = lacks_of.get(id(info))
        if lacks is None:
            lacks = lacks_of[id(info)] = len(lacking(info.unknown, profile.words))
        if lacks:
            code[j] = PARTIAL
            named_skills = len(skill_keys(info))
            credit[j] = (credit[j] * named_skills / (named_skills + lacks) if source[j] == BY_SKILL
                         else min(credit[j], UNKNOWN_NAME_CREDIT))
    for j in np.flatnonzero(lk.degree[lines]).tolist():
        decided = _judge_degree(index.infos[int(lines[j])], profile, years_unit, named_missing=bool(
            key_of[j] >= 0 and sv_code[j] == MISSING))
        if decided is not None:
            code[j], credit[j], unit[j] = decided
            source[j] = BY_DEGREE
    if profile.years is not None:
        with np.errstate(invalid="ignore", divide="ignore"):
            ratio = profile.years / asked
            by_years = years_only & (asked > 0)
            yv = np.where(ratio >= 1.0, MET, np.where(ratio >= YEARS_PARTIAL_RATIO, PARTIAL, MISSING))
            lowers = ((asked > 0) & ((source == BY_MEANING) | (source == BY_DEGREE) | ((source == BY_SKILL) & ~hard))
                      & ~by_years & (yv < code))
        code = np.where(by_years | lowers, yv, code)
        credit = np.where(by_years, np.clip(ratio, 0, 1), np.where(lowers, np.minimum(credit, np.clip(ratio, 0, 1)), credit))
        credit = np.where(code == MISSING, 0.0, credit)
        years_seen = np.where(by_years | lowers, profile.years, years_seen)
        source = np.where(by_years, BY_YEARS, source)
        unit = np.where(by_years, np.where(code > 0, years_unit, -1), unit)
    else:  # the CV's years are unknown: a years-only line can be neither met nor missed
        by_years = years_only
        code = np.where(by_years, PARTIAL, code)
        credit = np.where(by_years, YEARS_UNKNOWN_CREDIT, credit)
        source = np.where(by_years, BY_YEARS, source)
        unit = np.where(by_years, -1, unit)
    return Verdicts(code, credit, unit, source, years_seen, must, memo)


def uses_key_word(info: RequirementInfo, profile: CVProfile, unit: int) -> bool:
    """Does CV unit `unit` use the line's rarest word, in any form ("troubleshooting" for "troubleshoot")?"""
    return bool(info.key_word) and profile.unit_uses(unit, [info.key_word])


def _judge_degree(info: RequirementInfo, profile: CVProfile, years_unit: int,
                  named_missing: bool) -> tuple[int, float, int] | None:
    """(code, credit, unit) of a line asking for a degree, or None to leave it to meaning.
    `named_missing`: the line names fields the CV lacks ("in Finance or Accounting")."""
    assert info.degree is not None
    if info.degree.enrolled:
        return _judge_enrolment(info.degree, profile, named_missing)
    level, equivalent = info.degree.level, info.degree.equivalent
    shown, meeting = profile.degree, profile.degree_meeting(info.degree, info.names)
    if meeting is not None and not named_missing:
        return MET, 1.0, meeting[1]
    # "BA/BS degree in Business or equivalent practical experience": the years stand in for the
    # degree, and so for one in another field ("Bachelor's of Arts: Political Science").
    if equivalent and profile.years is not None and profile.years >= EQUIVALENT_YEARS:
        return MET, 1.0, years_unit
    if meeting is not None:
        return PARTIAL, FIELD_ONLY_CREDIT, meeting[1]
    if shown is not None:
        return (PARTIAL, DEGREE_BELOW_CREDIT, shown[1]) if level - shown[0] == 1 else (MISSING, 0.0, -1)
    return None


def _judge_enrolment(asked: DegreeAsked, profile: CVProfile, named_missing: bool) -> tuple[int, float, int]:
    """(code, credit, unit) of a line asking to be a student now: the studies the CV says are under
    way at the level asked or above meet it (in another field than named, part of it); one level
    below, part of it; none under way, missing — an internship's "Currently enrolled in a degree
    program" was met by a designer's Bachelor of Fine Arts of 2013."""
    best = profile.studying
    if best is None or best[0] < asked.level - 1:
        return MISSING, 0.0, -1
    if best[0] < asked.level:
        return PARTIAL, DEGREE_BELOW_CREDIT, best[1]
    return (PARTIAL, FIELD_ONLY_CREDIT, best[1]) if named_missing else (MET, 1.0, best[1])
