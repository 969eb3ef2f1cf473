"""The records of a backup's data.json: domain objects to JSON and back, each field checked.

A hand-edited or foreign file must not put text where a number goes: SQLite would store it, and
every later read of the store would fail. So every field is checked against its type hint in
`matcher.domain` before anything is written.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date, datetime
from pathlib import Path
from types import UnionType
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from matcher.domain import (
    APPLICATION_STATUSES, CV, CVSection, Posting, ParseReport, Requirement, Role, Salary, SkillEvidence)
from matcher.safe_text import file_name, printable


def to_json(obj: Posting | CV) -> dict[str, Any]:
    """Every field but the id, dates as ISO text."""
    document = asdict(obj)
    document.pop("id", None)
    return {k: _plain(v) for k, v in document.items()}


def _plain(value: Any) -> Any:
    """`value` with every date in it as ISO text (a CV's roles hold dates too)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def when(value: object) -> datetime:
    """A stored timestamp; now when the record has none."""
    return datetime.fromisoformat(value) if isinstance(value, str) else datetime.now()


def status(value: object) -> str:
    """An application status the app knows; the shortlist's status menu offers no other."""
    if value not in APPLICATION_STATUSES:
        raise ValueError(f"unknown application status {value!r}")
    return str(value)


def items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The list of records under `key`; raises TypeError when it is anything else."""
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise TypeError(f"{key} is not a list of records")
    return value


def posting(item: dict[str, Any]) -> Posting:
    result: Posting = _record(Posting, item, "salary", "posted", "requirements")
    salary = item.get("salary")
    result.salary = _record(Salary, salary) if isinstance(salary, dict) and salary else None
    result.posted = date.fromisoformat(item["posted"]) if item.get("posted") else None
    result.requirements = tuple(_record(Requirement, r) for r in items(item, "requirements"))
    return result


def cv(item: dict[str, Any]) -> CV:
    result: CV = _record(CV, item, "sections", "skills", "report", "created", "roles", "as_of")
    result.sections = [_record(CVSection, section) for section in items(item, "sections")]
    result.skills = [_record(SkillEvidence, evidence) for evidence in items(item, "skills")]
    report = item.get("report")
    result.report = _record(ParseReport, report) if isinstance(report, dict) and report else None
    result.created = when(item.get("created"))
    result.roles = [_role(role) for role in items(item, "roles")]
    result.as_of = date.fromisoformat(item["as_of"]) if item.get("as_of") else None
    return result


def _role(item: dict[str, Any]) -> Role:
    result: Role = _record(Role, item, "start", "end", "skills")
    result.start = date.fromisoformat(item["start"]) if item.get("start") else None
    result.end = date.fromisoformat(item["end"]) if item.get("end") else None
    skills = item.get("skills")  # derived: what is not a list of names is found again
    result.skills = tuple(skills) if isinstance(skills, list) and all(isinstance(s, str) for s in skills) else None
    return result


def _record(cls: type, item: dict[str, Any], *converted: str) -> Any:
    """`cls` built from the fields of `item` it has, each checked against its type hint. A key a
    later matcher added is ignored, not fatal; `converted` names the fields the caller builds itself."""
    hints = get_type_hints(cls)
    known = {f.name: item[f.name] for f in fields(cls) if f.name in item and f.name != "id"}
    for name, value in known.items():
        if name not in converted and not _conforms(value, hints[name]):
            raise TypeError(f"{cls.__name__}.{name} is {type(value).__name__}, not {hints[name]}")
        if get_origin(hints[name]) is tuple and isinstance(value, list):  # JSON writes a tuple as a list
            known[name] = tuple(value)
    return cls(**known)


def _conforms(value: object, hint: Any) -> bool:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, UnionType):
        return any(_conforms(value, arg) for arg in args)
    if origin is Literal:
        return value in args
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if origin is tuple and args[1:] == (Ellipsis,):
        return isinstance(value, (list, tuple)) and all(_conforms(v, args[0]) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(_conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items())
    if hint is type(None):
        return value is None
    if hint in (int, float):  # JSON has one number type; a bool is not a number here
        return isinstance(value, (int, float)) and not isinstance(value, bool) and (hint is float or value == int(value))
    return isinstance(value, hint)


def convert(section: str, item: Any) -> Any:
    """A record of a backup's `section`, checked and built: (old id, Posting, imported at) for a
    posting, a CV, (posting id, status, notes, added) for a shortlist entry, (name, category) for a
    skill, the dict itself for aliases and settings. Raises TypeError, ValueError or KeyError."""
    if section in ("user_aliases", "settings"):
        if not isinstance(item, dict) or (section == "user_aliases" and not all(isinstance(v, str) for v in item.values())):
            raise TypeError(f"{section} is not a set of named values")
        return item
    if not isinstance(item, dict):
        raise TypeError(f"a record of {section} is {type(item).__name__}, not a record")
    if section == "postings":
        old_id = item.get("id")
        if old_id is not None and not _whole(old_id):
            raise TypeError("a posting's id is not a whole number")
        return old_id, posting(item), when(item.get("imported_at"))
    if section == "cvs":
        return cv(item)
    if section == "shortlist":
        if not _whole(item["job_id"]) or not isinstance(item["notes"], str):
            raise TypeError("a shortlist entry's job_id or notes are of the wrong kind")
        return item["job_id"], status(item["status"]), item["notes"], when(item.get("added"))
    name, category = item["name"], item.get("category") or "tool"
    if not isinstance(name, str) or not name.strip() or not isinstance(category, str):
        raise TypeError("a skill without a name")
    return name, category


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def shown(path: Path) -> str:
    return printable(file_name(path))


def what(error: BaseException) -> str:
    """The error in a few words, safe to print (a crafted record could put escapes in it)."""
    text = str(error) if not isinstance(error, KeyError) else f"no {error.args[0]!r}"
    return printable(text)[:200]
