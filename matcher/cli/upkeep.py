"""Looking after the data: own skills and aliases, backups, settings, and `doctor`."""

from __future__ import annotations

import argparse
import json

from matcher.cli.output import EXIT_OK, Failure, emit, fail, note
from matcher.store import Store


def skills_add(store: Store, args: argparse.Namespace) -> int:
    store.add_user_skill(args.name.strip(), args.category)
    note(f"added skill {args.name.strip()!r}; stored postings and CVs are read with it at the next ranking")
    return EXIT_OK


def skills_alias(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import skill_extractor

    canonical = skill_extractor(store).taxonomy.canonical(args.skill) or args.skill.strip()
    store.add_user_alias(args.alias.strip(), canonical)
    note(f"{args.alias.strip()!r} now means {canonical!r}")
    return EXIT_OK


def skills_find(store: Store, args: argparse.Namespace) -> int:
    from matcher.services import skill_extractor

    found = skill_extractor(store).skills(args.text)
    emit(args.json, found, found or ["no skill found"])
    return EXIT_OK


def backup_export(store: Store, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from matcher.store.backup import write_backup

    stats = write_backup(store, args.file)
    lines = [f"wrote {stats.postings} postings, {stats.cvs} CVs and {stats.shortlist} shortlist entries to {args.file}"]
    emit(args.json, asdict(stats), lines)
    return EXIT_OK


def backup_import(store: Store, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from matcher.store.backup import BackupError, restore_backup

    try:
        stats = restore_backup(store, args.file)
    except BackupError as exc:
        raise Failure(str(exc)) from exc
    lines = [
        f"restored {stats.postings} postings ({stats.duplicates} already here), {stats.cvs} CVs, "
        f"{stats.shortlist} shortlist entries; {stats.kept} other items were already here and kept"
    ]
    emit(args.json, asdict(stats), lines)
    return EXIT_OK


def settings_list(store: Store, args: argparse.Namespace) -> int:
    stored = store.settings()
    lines = [f"{key} = {json.dumps(value)}" for key, value in stored.items()]
    emit(args.json, stored, lines or ["no stored settings: the defaults apply"])
    return EXIT_OK


def settings_reset(store: Store, args: argparse.Namespace) -> int:
    removed = store.reset_settings(args.keys)
    note(f"reset {removed} setting{'s' if removed != 1 else ''}; the defaults apply")
    return EXIT_OK


def doctor(store: Store, args: argparse.Namespace) -> int:
    from matcher.store.doctor import examine

    report = examine(store)
    emit(args.json, report.to_json(), report.lines())
    if not report.ok:
        return fail(report.summary())
    return EXIT_OK
