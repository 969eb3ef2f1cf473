"""Two imports of one posting (same fingerprint) become one row that keeps what each knew.

Job boards list one posting per city (Google's CSV: "Software Engineer" in Mountain View, New York and
London), or the same posting from two files: the stored row gains the places, links and sources it
did not have, so de-duplication never loses a city or a link.
"""

from __future__ import annotations

from collections.abc import Sequence

from matcher.domain import Posting
from matcher.store.schema import PostingRow

ITEM_MARK = "#"  # sources name an item of a file as "jobs.csv#row12", "page.html#3"


def source_file(source: str) -> str:
    """The file a posting's source names, e.g. "/data/jobs.csv#row12" -> "/data/jobs.csv"."""
    head, mark, item = source.rpartition(ITEM_MARK)
    return head if mark and (item.isdigit() or (item.startswith("row") and item[3:].isdigit())) else source


def merge_into(row: PostingRow, posting: Posting) -> bool:
    """Add to `row` the places, links and sources of `posting` it lacks; True when it gained any."""
    known_links = [link for link in [row.url, *(row.links or [])] if link]
    places = _union(row.locations or [], posting.locations, fold=True)
    links = _union(known_links, [link for link in [posting.url, *posting.links] if link])
    sources = _union([row.source, *(row.sources or [])], [posting.source, *posting.sources])
    gained = (len(places) > len(row.locations or []) or len(links) > len(known_links)
              or len(sources) > 1 + len(row.sources or []))
    if gained:
        row.locations, row.sources = places, sources[1:]
        row.url, row.links = (links[0], links[1:]) if links else (None, [])
    return gained


def _union(first: Sequence[str], second: Sequence[str], fold: bool = False) -> list[str]:
    """`first`, then what `second` adds, in order; `fold`: "Berlin" and "berlin" are one."""
    def key(item: str) -> str:
        return item.casefold() if fold else item

    seen = {key(item) for item in first}
    out = list(first)
    for item in second:
        if item and key(item) not in seen:
            seen.add(key(item))
            out.append(item)
    return out
