"""`matcher shortlist ...`: star postings, unstar them, list them."""

from __future__ import annotations

import argparse

from matcher import jsonview
from matcher.cli.output import EXIT_OK, Failure, emit, note
from matcher.store import Store


def shortlist_add(store: Store, args: argparse.Namespace) -> int:
    unknown = store.shortlist_add(args.posting_ids)
    for posting_id in unknown:
        note(f"no posting with id {posting_id}")
    if len(unknown) == len(args.posting_ids):
        raise Failure("nothing added to the shortlist")
    return EXIT_OK


def shortlist_remove(store: Store, args: argparse.Namespace) -> int:
    if store.shortlist_remove(args.posting_ids) == 0:
        raise Failure("none of those postings is on the shortlist")
    return EXIT_OK


def shortlist_list(store: Store, args: argparse.Namespace) -> int:
    postings = {p.id: p for p in store.postings([e.posting_id for e in store.shortlist()])}
    entries = [e for e in store.shortlist() if e.posting_id in postings]  # a damaged posting is named, not shown
    documents = [jsonview.shortlist_entry(e, postings[e.posting_id]) for e in entries]
    lines = [f"{e.posting_id:>5}  [{e.status}] {postings[e.posting_id].title} — {postings[e.posting_id].company or '?'}" for e in entries]
    emit(args.json, documents, lines or ["the shortlist is empty: matcher shortlist add JOB_ID"])
    return EXIT_OK
