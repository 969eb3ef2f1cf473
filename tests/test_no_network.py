"""Privacy: import, CV reading, ranking, export and backup never open a network connection.

Every way Python reaches the network (connect, name lookups, datagrams) is replaced by a function
that records the attempt and raises, so a library that swallows the error still fails the test.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from matcher.paths import SAMPLES
from matcher.store import Store


class NetworkAttempt(OSError):
    """Raised in place of any network call; an OSError so callers take their offline path."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The list of attempted network calls, made while the test ran; each one also raised."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            target = args[1:] if args and isinstance(args[0], socket.socket) else args
            attempts.append(f"{name}{target!r}")
            raise NetworkAttempt(f"network access attempted: {name}{target!r}")

        return blocked

    for method in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))
    for function in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, function, refuse(function))
    yield attempts


def test_the_guard_catches_a_connection(no_network: list[str]) -> None:
    """The fixture itself works: a plain connection attempt is seen and refused."""
    with pytest.raises(OSError):
        socket.create_connection(("example.com", 80), timeout=1)
    with socket.socket() as raw, pytest.raises(OSError):
        raw.connect(("127.0.0.1", 9))
    assert len(no_network) == 2


@pytest.mark.slow
def test_import_rank_export_and_backup_open_no_socket_and_exports_leak_no_contact(no_network: list[str], tmp_path: Path) -> None:
    from matcher import services
    from matcher.store.backup import write_backup
    from matcher.export import ExportOptions, write_export

    store = Store(tmp_path / "m.db")
    # Every shipped sample: plain text and HTML with links, apply buttons and images.
    summary = services.import_postings(store, [SAMPLES / "jobs"])
    assert summary.imported > 0
    cv = services.import_cv(store, SAMPLES / "cvs" / "john_doe.pdf")
    postings = store.postings()[:8]  # the real model on a small input keeps this test short
    matches = services.rank(store, cv, postings=postings)
    assert len(matches) == len(postings)
    store.shortlist_add([postings[0].id or 0])
    entries = {e.posting_id: e for e in store.shortlist()}
    by_id = {p.id: p for p in postings if p.id is not None}
    for fmt in ("csv", "md", "json", "pdf"):
        write_export(fmt, tmp_path / f"out.{fmt}", matches, by_id, entries, cv, ExportOptions())
        # Exports are shared with others: the CV's contact details stay out unless asked for.
        shown = exported_text(tmp_path / f"out.{fmt}")
        assert shown and not [value for value in cv.contact.values() if value and value in shown], fmt
    write_backup(store, tmp_path / "backup.zip")
    store.close()
    assert cv.contact, "the sample CV has contact details, so the check above means something"
    assert no_network == []


def exported_text(path: Path) -> str:
    if path.suffix != ".pdf":
        return path.read_text(encoding="utf-8")
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
