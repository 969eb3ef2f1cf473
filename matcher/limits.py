"""What reading one file may cost: its bytes, what a zip inside it inflates to, how many records it
holds, and how big one posting may be. Every reader asks here before it inflates, parses or stores.

A small file can be made to cost a lot: a 3.5 MB DOCX whose text inflates to 1.2 GB, a 19 MB CSV
of a million one-word rows, a 49 MB page read as one posting with 440,000 requirements. What is
over a limit is refused before the work starts, or cut with a message that names the limit.

The posting bounds come from `scripts/posting_bounds.py`, which reads the 1,843 real postings in
../shared: the longest description has 4,570 characters, the most requirements are 21, the
largest file holds 1,250 rows, the longest title 94 characters. Each limit is 10–20 times that,
so no real posting comes near it while a hostile one stays cheap.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path
from typing import IO

from matcher.domain import Posting

# -- files ------------------------------------------------------------------------------------
# 50 MB: far above any export a person collects (the 1,250-row Google CSV is 1.9 MB).
MAX_POSTING_FILE_BYTES = 50_000_000
# A saved job page is 0.1–3 MB. Reading one costs ~35 bytes of memory and ~3 s per MB of page
# (a 7.9 MB page: 350 MB, 28 s), so 5 MB stays near 250 MB where 49 MB took 1.5 GB.
MAX_HTML_BYTES = 5_000_000
MAX_CV_FILE_BYTES = 20_000_000

# -- zip archives (DOCX, backups) ---------------------------------------------------------------
MAX_ZIP_MEMBERS = 1_000  # a DOCX CV has 10–30 parts, a backup 2
# One DOCX part inflated: a 300-page report's document.xml is ~10 MB. The XML tree costs about
# ten times the part's size, so this keeps a DOCX under ~200 MB of memory.
MAX_DOCX_PART_BYTES = 16_000_000
MAX_DOCX_TOTAL_BYTES = 64_000_000  # all parts with their images
STREAM_CHUNK = 1 << 20

# -- records and postings -------------------------------------------------------------------
# One record of a JSON export or backup: a posting with its description and source is a few KB;
# a value this long is not one, and decoding it whole is what the limit prevents.
MAX_RECORD_CHARS = 10_000_000
MAX_RECORDS_PER_FILE = 20_000  # rows, items, lines or cards; 16x the largest real file (1,250)
MAX_DESCRIPTION_CHARS = 100_000  # 22x the longest real description (4,570): ~40 printed pages
MAX_REQUIREMENTS = 200  # 10x the most any real posting lists (21)
MAX_TITLE_CHARS = 300  # 3x the longest real title (94)
MAX_RAW_CHARS = 1_000_000  # the source kept beside a posting: a whole saved page fits


class TooLarge(ValueError):
    """The input is over a limit; the message names it."""

    def __init__(self, message: str, size: int = 0, limit: int = 0) -> None:
        super().__init__(message)
        self.size, self.limit = size, limit


class NotARegularFile(ValueError):
    """A folder, pipe or device: reading it could block for ever or never end."""


def mb(size: int) -> str:
    """E.g. "1,200 MB", "0.5 MB"."""
    return f"{size / 1e6:,.0f} MB" if size >= 1e6 else f"{size / 1e6:.1f} MB"


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes`.

    Opened without blocking and checked on the open handle: a FIFO would block `open` until a
    writer came, and /dev/zero would never end. Raises OSError, NotARegularFile or TooLarge.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile("not a regular file (a folder, pipe or device)")
        if info.st_size > max_bytes:
            raise TooLarge(f"the file is {mb(info.st_size)}; the limit is {mb(max_bytes)}", info.st_size, max_bytes)
        data = handle.read(max_bytes + 1)  # a file that grows while read still stops here
    if len(data) > max_bytes:
        raise TooLarge(f"the file is over {mb(max_bytes)}, the limit", len(data), max_bytes)
    return data


def open_regular_file(path: Path) -> IO[bytes]:
    """`path` opened for reading when it is a regular file (see `read_regular_file`)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise NotARegularFile("not a regular file (a folder, pipe or device)")
    return handle


def check_zip(archive: zipfile.ZipFile, max_part_bytes: int, max_total_bytes: int) -> None:
    """Refuse an archive whose parts would inflate past the limits, judged on the sizes its
    directory declares, before anything is inflated. CPython's zipfile never inflates a part
    past its declared size (it stops there and checks the CRC), so a lying size cannot get by."""
    parts = archive.infolist()
    if len(parts) > MAX_ZIP_MEMBERS:
        raise TooLarge(f"it holds {len(parts):,} parts; the limit is {MAX_ZIP_MEMBERS:,}")
    total = 0
    for part in parts:
        if part.file_size > max_part_bytes:
            raise TooLarge(f"its part {part.filename!r} inflates to {mb(part.file_size)}; "
                           f"the limit is {mb(max_part_bytes)}")
        total += part.file_size
    if total > max_total_bytes:
        raise TooLarge(f"its parts inflate to {mb(total)}; the limit is {mb(max_total_bytes)}")


def check_docx(data: bytes) -> None:
    """Check a DOCX's declared sizes, then inflate each part in chunks with the same caps, so
    damage or a size that lies is found here and python-docx only ever reads what fits."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, MAX_DOCX_PART_BYTES, MAX_DOCX_TOTAL_BYTES)
        total = 0
        for part in archive.infolist():
            with archive.open(part) as member:
                size = 0
                while chunk := member.read(STREAM_CHUNK):
                    size += len(chunk)
                    if size > MAX_DOCX_PART_BYTES:
                        raise TooLarge(f"its part {part.filename!r} inflates past {mb(MAX_DOCX_PART_BYTES)}, the limit")
                total += size
                if total > MAX_DOCX_TOTAL_BYTES:
                    raise TooLarge(f"its parts inflate past {mb(MAX_DOCX_TOTAL_BYTES)}, the limit")


def bound_posting(posting: Posting) -> list[str]:
    """Cut what is over the posting limits; returns one note per cut, naming the limit."""
    notes: list[str] = []
    if len(posting.title) > MAX_TITLE_CHARS:
        posting.title = posting.title[:MAX_TITLE_CHARS].rstrip() + "…"
        notes.append(f"title cut to {MAX_TITLE_CHARS} characters")
    if len(posting.description) > MAX_DESCRIPTION_CHARS:
        notes.append(f"description cut from {len(posting.description):,} to {MAX_DESCRIPTION_CHARS:,} characters")
        posting.description = posting.description[:MAX_DESCRIPTION_CHARS]
    if len(posting.requirements) > MAX_REQUIREMENTS:
        notes.append(f"only the first {MAX_REQUIREMENTS} of {len(posting.requirements):,} requirements kept")
        posting.requirements = posting.requirements[:MAX_REQUIREMENTS]
    if len(posting.raw) > MAX_RAW_CHARS:
        posting.raw = posting.raw[:MAX_RAW_CHARS]  # provenance only: nothing reads it back
    return notes
