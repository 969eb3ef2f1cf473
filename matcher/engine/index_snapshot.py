"""A `PostingIndex` saved as arrays, so a new process ranks without reading and indexing every
posting again: at 10,544 postings, reading them from SQLite and building the index took ~2 s of a
2.9 s `matcher rank --top 10`; loading this file takes a fraction of that.

The file is derived data, like the vector cache: `key` says what it was computed from (model,
taxonomy, code) and `stamps` which version of each posting it holds (`Store.posting_stamps`). The
caller compares both and reads again only what differs; a file that cannot be read is ignored and
written again. Only arrays and JSON are stored (`allow_pickle=False`): loading runs no code. The
file is plain `.npy` arrays one after another, the JSON first (it says which follow): a zip (`np.savez`)
checked a CRC over every byte as it read, 0.09 s of loading 10,000 postings.
"""

from __future__ import annotations

import io
import json
import logging
import os
import tempfile
from pathlib import Path

import numpy as np

from matcher.engine.degrees import DegreeAsked
from matcher.engine.lexical import HashedRows
from matcher.engine.posting_index import PostingHead, PostingIndex, title_skills
from matcher.engine.requirement_info import RequirementInfo

log = logging.getLogger(__name__)
FORMAT = 9  # bumped when what is saved changes (4: a line's names the taxonomy does not know; 5: degrees;
# 6: a line's rarest word; 7: a line's groups of names beside brackets of examples; 8: a degree line's
# highest level named; 9: whether it asks to be studying now)
OLD_ZIP_FORMAT = b"PK\x03\x04"  # formats 1 and 2 were np.savez zips


def save(path: Path, index: PostingIndex, key: str, stamps: dict[int, bytes]) -> None:
    """Write atomically (a temporary file renamed over the old one): a reader never sees half a file."""
    unique: dict[RequirementInfo, int] = {}
    info_of = np.array([unique.setdefault(info, len(unique)) for info in index.infos], dtype=np.int32)
    meta = {"format": FORMAT, "key": key, "stamps": {str(i): s.hex() for i, s in stamps.items()},
            "heads": [[h.title, h.company, h.language, sorted(h.title_hard)] for h in index.heads],
            "infos": [_info_fields(info) for info in unique], "texts": index.texts}
    lexical = index.lexical
    arrays: dict[str, np.ndarray] = {"ids": index.ids,
              "counts": np.diff(index.offsets), "levels": index.levels, "required": index.required,
              "years": index.years, "info_of": info_of,
              # Vectors come from float16 storage (services.ranking): float16 here loses nothing.
              "doc": index.doc.astype(np.float16), "title": index.title.astype(np.float16),
              "req_vectors": index.req_vectors.astype(np.float16, copy=False), "lex_data": lexical.data,
              "lex_indices": lexical.indices, "lex_indptr": lexical.indptr}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, scratch = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as f:
            np.save(f, np.frombuffer(json.dumps({**meta, "arrays": list(arrays)}).encode("utf-8"), dtype=np.uint8))
            for array in arrays.values():
                np.save(f, array, allow_pickle=False)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise


def load(path: Path, key: str) -> tuple[PostingIndex, dict[int, bytes]] | None:
    """The saved index and the stamps it holds, or None when there is none for `key` or it cannot be read."""
    try:
        with path.open("rb") as f:
            if f.read(len(OLD_ZIP_FORMAT)) == OLD_ZIP_FORMAT:
                return None  # saved by an older matcher (formats 1 and 2): built again, nothing to report
            f.seek(0)
            meta = json.loads(np.lib.format.read_array(f, allow_pickle=False).tobytes().decode("utf-8"))
            if meta.get("format") != FORMAT or meta.get("key") != key:
                return None
            arrays = {name: np.lib.format.read_array(f, allow_pickle=False) for name in meta["arrays"]}
            if f.read(1):
                raise ValueError("more bytes than the arrays it lists")
        return _index(meta, arrays), {int(i): bytes.fromhex(s) for i, s in meta["stamps"].items()}
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, io.UnsupportedOperation) as exc:
        log.warning("ignoring the saved ranking index %s (%s); it is built again", path, exc)
        return None


def _index(meta: dict, arrays: dict[str, np.ndarray]) -> PostingIndex:  # type: ignore[type-arg]
    ids = arrays["ids"]
    infos = [_info(fields) for fields in meta["infos"]]
    heads = [PostingHead(int(i), title, company, language, title_skills(hard))
             for i, (title, company, language, hard) in zip(ids.tolist(), meta["heads"], strict=True)]
    lexical = HashedRows(arrays["lex_data"], arrays["lex_indices"], arrays["lex_indptr"])
    index = PostingIndex.__new__(PostingIndex)
    index._set(ids=ids, heads=heads, counts=arrays["counts"], doc=arrays["doc"].astype(np.float32),
               title=arrays["title"].astype(np.float32), lexical=lexical, levels=arrays["levels"],
               req_vectors=arrays["req_vectors"].astype(np.float16, copy=False),
               infos=[infos[k] for k in arrays["info_of"].tolist()], texts=list(meta["texts"]),
               required=arrays["required"], years=arrays["years"])
    rows = {len(index.ids), len(index.doc), len(index.title), len(index.levels), len(index.lexical)}
    lines = {len(index.infos), len(index.texts), len(index.req_vectors), len(index.required), len(index.years),
             int(index.offsets[-1])}
    widths = {index.doc.shape[1], index.title.shape[1], index.req_vectors.shape[1]} if len(index.ids) else set()
    words = {len(index.lexical.data), len(index.lexical.indices), int(index.lexical.indptr[-1])}
    if len(rows) != 1 or len(lines) != 1 or len(widths) > 1 or len(words) != 1:
        raise ValueError("arrays of different lengths")
    return index


def _info_fields(info: RequirementInfo) -> list[object]:
    return [info.hard, info.soft, info.names, info.any_of, info.years_only, info.weight, info.categories,
            info.fields, info.spoken, info.unknown, info.degree, info.key_word, info.groups]


def _info(fields: list) -> RequirementInfo:  # type: ignore[type-arg]
    (hard, soft, names, any_of, years_only, weight, categories, named_fields, spoken, unknown, degree, key_word,
     groups) = fields
    return RequirementInfo(tuple(hard), tuple(soft), tuple(names), bool(any_of), bool(years_only), float(weight),
                           tuple(categories), bool(named_fields), tuple(tuple(group) for group in spoken),
                           tuple((str(w), str(k), str(s)) for w, k, s in unknown),
                           DegreeAsked(int(degree[0]), bool(degree[1]), int(degree[2]), bool(degree[3]))
                           if degree is not None else None,
                           str(key_word),
                           tuple(tuple(group) for group in groups))
