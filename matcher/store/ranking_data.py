"""What a ranking reads and keeps, fast: postings' facts without their text, the stamps that say
which postings changed, and the vectors cached per model (plain rows, never ORM objects)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import Text, bindparam, select, type_coerce, update
from sqlalchemy.orm import Session

from matcher.domain import PostingFacts, Requirement
from matcher.store import convert
from matcher.store.base import StoreBase, for_ids, insert_or_replace
from matcher.store.reading import DAMAGE, load_each
from matcher.store.schema import Base, EmbeddingRow, PostingRow, PostingStampRow, PostingVectorsRow, RequirementRow


class RankingData(StoreBase):
    """What a ranking reads and keeps: `Store` serves it through this part."""

    def posting_facts(self, ids: Iterable[int] | None = None) -> list[PostingFacts]:
        """Stored postings without description or source text, read with two plain queries per
        chunk (10,000 postings in a fraction of a second; ORM objects would take seconds). A
        damaged one is skipped and recorded in `damaged`."""
        jobs = PostingRow.__table__
        query = select(jobs.c.id).where(jobs.c.removed_at.is_(None)).order_by(jobs.c.id)
        found: list[int] = []
        with self.session() as s:
            for chunk in for_ids(query, jobs.c.id, ids):
                found += s.scalars(chunk)
        return load_each(found, _load_facts, self.session, "posting", self.damaged)

    def posting_stamps(self, ids: Iterable[int] | None = None) -> dict[int, bytes]:
        """posting id → its stamp, renewed on every write to the posting (`schema.PostingStampRow`)."""
        with self.session() as s:
            return _stamps(s, ids)

    def packed_vectors(self, model: str, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
        """posting id → (digest, doc, title, requirements, lexical index, lexical value) as stored bytes.
        A chunk that cannot be read is left out: it is a cache, computed again."""
        table = PostingVectorsRow.__table__
        query = select(table.c.posting_id, table.c.digest, table.c.doc, table.c.title, table.c.requirements,
                       table.c.lexical_index, table.c.lexical_value).where(table.c.model == model)
        out: dict[int, tuple[str, ...]] = {}
        for chunk in for_ids(query, table.c.posting_id, ids):
            try:
                with self.session() as s:
                    out.update({row[0]: tuple(row[1:]) for row in s.execute(chunk)})
            except DAMAGE:
                continue
        return out

    def put_packed_vectors(self, model: str, rows: dict[int, tuple[str, bytes, bytes, bytes, bytes, bytes]]) -> None:
        if not rows:
            return

        def write(s: Session) -> None:
            s.execute(insert_or_replace(PostingVectorsRow), [
                {"posting_id": posting_id, "model": model, "digest": digest, "doc": doc, "title": title,
                 "requirements": reqs, "lexical_index": lex_idx, "lexical_value": lex_val}
                for posting_id, (digest, doc, title, reqs, lex_idx, lex_val) in rows.items()])

        self._write_derived(f"vectors of {len(rows)} postings", write)

    def update_skills(self, postings: Sequence[PostingFacts]) -> dict[int, tuple[bytes, bytes]]:
        """Store skills found again with a newer taxonomy (each posting's and its requirements').
        Returns each posting's stamp before and after the write, both read in its transaction: the
        write renews them, and a ranking index that read the postings before and holds these skills
        is still current for every posting whose stamp it read is the one before."""
        ids = [p.id for p in postings if p.id is not None]
        # The tables as `Table` (what a Core update over many rows takes), not the ORM classes.
        jobs, reqs = (Base.metadata.tables[row.__tablename__] for row in (PostingRow, RequirementRow))

        def write(s: Session) -> dict[int, tuple[bytes, bytes]]:
            before = _stamps(s, ids)
            # One statement run over many rows: one statement per row through the ORM took ~80 s
            # for the ~100,000 rows of 10,000 postings.
            s.execute(update(jobs).where(jobs.c.id == bindparam("b_id"))
                      .values(skills=bindparam("b_skills", type_=jobs.c.skills.type),
                              skills_version=bindparam("b_version")),
                      [{"b_id": p.id, "b_skills": p.skills, "b_version": p.skills_version} for p in postings])
            lines = [{"b_id": p.id, "b_position": position, "b_skills": r.skills}
                     for p in postings for position, r in enumerate(p.requirements)]
            if lines:
                s.execute(update(reqs).where((reqs.c.job_id == bindparam("b_id")) & (reqs.c.position == bindparam("b_position")))
                          .values(skills=bindparam("b_skills", type_=reqs.c.skills.type)), lines)
            after = _stamps(s, ids)
            return {i: (before[i], after[i]) for i in ids if i in before and i in after}

        return self._write_derived("skills found again with the current taxonomy", write) or {}

    # -- vector cache (engine's VectorCache protocol) -------------------------------------------
    def get_many(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        query = select(EmbeddingRow.key, EmbeddingRow.vector).where(EmbeddingRow.model == model)
        with self.session() as s:
            for chunk in for_ids(query, EmbeddingRow.key, keys):
                for key, blob in s.execute(chunk):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return

        def write(s: Session) -> None:
            s.execute(insert_or_replace(EmbeddingRow), [{"model": model, "key": key, "vector": np.asarray(vector, np.float32).tobytes()}
                                                 for key, vector in vectors.items()])

        self._write_derived(f"{len(vectors)} new vectors", write)


@functools.lru_cache(maxsize=65_536)
def _skill_list(stored: str | None) -> object:
    """A stored skills list (JSON text); what is not one comes back as it is, for the reader to refuse.
    Callers copy the list (`convert.requirement`), so the cached one is never changed."""
    if stored is None:
        return None
    try:
        return json.loads(stored)
    except ValueError:
        return stored


def _load_facts(s: Session, ids: list[int]) -> list[PostingFacts]:
    jobs, reqs = PostingRow.__table__, RequirementRow.__table__
    head = s.execute(select(jobs.c.id, jobs.c.title, jobs.c.company, jobs.c.language, jobs.c.skills, jobs.c.skills_version)
                     .where(jobs.c.id.in_(ids)).order_by(jobs.c.id)).all()
    # The skills of each line as stored text, decoded once per distinct value: ranking 10,000
    # postings read ~100,000 lines, most of whose lists repeat ("[]", '["Python"]'); decoding each
    # through the JSON column type took a second.
    lines = s.execute(select(reqs.c.job_id, reqs.c.text, reqs.c.kind, type_coerce(reqs.c.skills, Text), reqs.c.years)
                      .where(reqs.c.job_id.in_(ids)).order_by(reqs.c.job_id, reqs.c.position)).all()
    by_posting: dict[int, list[Requirement]] = {}
    for posting_id, text_, kind, skills, years in lines:
        by_posting.setdefault(posting_id, []).append(convert.requirement(text_, kind, _skill_list(skills), years))
    return [convert.facts(i, title, company, by_posting.get(i, []), skills, language, version)
            for i, title, company, language, skills, version in head]


def _stamps(s: Session, ids: Iterable[int] | None) -> dict[int, bytes]:
    table = PostingStampRow.__table__
    return {posting_id: stamp for chunk in for_ids(select(table.c.posting_id, table.c.stamp), table.c.posting_id, ids)
            for posting_id, stamp in s.execute(chunk)}
