"""The SQLite schema as SQLAlchemy 2 ORM tables, and its version history.

Every change to these tables bumps `SCHEMA_VERSION` and adds a step to `UPGRADES` (see
`matcher.store`), so a newer matcher opens a file made by an older one without losing anything.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_VERSION = 4


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class MetaRow(Base):
    """Key/value facts about the file itself, such as its schema version."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PostingRow(Base):
    # The tables keep the names of schema version 0 ("jobs", "job_id"): existing files open as they
    # are, without a table-renaming upgrade. In code a posting is a posting.
    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    title: Mapped[str] = mapped_column(Text)
    title_derived: Mapped[bool] = mapped_column(Boolean, default=False)
    company: Mapped[str | None] = mapped_column(Text)
    locations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    remote: Mapped[bool | None] = mapped_column(Boolean)
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_currency: Mapped[str | None] = mapped_column(String(8))
    salary_period: Mapped[str | None] = mapped_column(String(8))
    posted: Mapped[date | None] = mapped_column(Date)
    employment_type: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    url: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    company_blurb: Mapped[str | None] = mapped_column(Text)
    remote_policy: Mapped[str | None] = mapped_column(Text)
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    raw: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    links: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sources: Mapped[list[Any]] = mapped_column(JSON, default=list)
    skills_version: Mapped[str | None] = mapped_column(String(64))
    # Set when the user deletes the posting; cleared by Undo. Rows set long ago are purged.
    removed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    requirements: Mapped[list[RequirementRow]] = relationship(
        back_populates="posting", cascade="all, delete-orphan", order_by="RequirementRow.position"
    )


class RequirementRow(Base):
    __tablename__ = "requirements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Column names predate the word "posting" in the code; renaming them would need an upgrade step.
    posting_id: Mapped[int] = mapped_column("job_id", ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    years: Mapped[float | None] = mapped_column(Float)
    posting: Mapped[PostingRow] = relationship(back_populates="requirements")


class CVRow(Base):
    __tablename__ = "cvs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    sections: Mapped[list[Any]] = mapped_column(JSON, default=list)
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    removed_skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    years_experience: Mapped[float | None] = mapped_column(Float)
    report: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    contact: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created: Mapped[datetime] = mapped_column(DateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    roles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    as_of: Mapped[date | None] = mapped_column(Date)
    skills_version: Mapped[str | None] = mapped_column(String(64))


class ShortlistRow(Base):
    __tablename__ = "shortlist"
    posting_id: Mapped[int] = mapped_column("job_id", ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="Saved")
    notes: Mapped[str] = mapped_column(Text, default="")
    added: Mapped[datetime] = mapped_column(DateTime)


class EmbeddingRow(Base):
    """Vector cache: one row per (model, sha1 of text); float32 bytes."""

    __tablename__ = "embeddings"
    model: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class PostingStampRow(Base):
    """A random stamp per posting, renewed by the triggers below whenever the posting or one of its
    requirements is written. A ranking index saved with the stamps it was read at tells, by comparing
    them, which postings changed since, whichever process or code path wrote them (a restored or
    copied file has other stamps, so it never passes for the one the index was saved from)."""

    __tablename__ = "posting_stamps"
    posting_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stamp: Mapped[bytes] = mapped_column(LargeBinary)


_RESTAMP = "INSERT OR REPLACE INTO posting_stamps (posting_id, stamp) SELECT {0}, randomblob(8) WHERE EXISTS (SELECT 1 FROM jobs WHERE id = {0})"
STAMP_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS stamp_posting_insert AFTER INSERT ON jobs BEGIN {_RESTAMP.format('NEW.id')}; END",
    f"CREATE TRIGGER IF NOT EXISTS stamp_posting_update AFTER UPDATE ON jobs BEGIN {_RESTAMP.format('NEW.id')}; END",
    "CREATE TRIGGER IF NOT EXISTS stamp_posting_delete AFTER DELETE ON jobs BEGIN "
    "DELETE FROM posting_stamps WHERE posting_id = OLD.id; END",
    f"CREATE TRIGGER IF NOT EXISTS stamp_requirement_insert AFTER INSERT ON requirements BEGIN "
    f"{_RESTAMP.format('NEW.job_id')}; END",
    f"CREATE TRIGGER IF NOT EXISTS stamp_requirement_update AFTER UPDATE ON requirements BEGIN "
    f"{_RESTAMP.format('NEW.job_id')}; {_RESTAMP.format('OLD.job_id')}; END",
    f"CREATE TRIGGER IF NOT EXISTS stamp_requirement_delete AFTER DELETE ON requirements BEGIN "
    f"{_RESTAMP.format('OLD.job_id')}; END",
)


class PostingVectorsRow(Base):
    """Each posting's vectors packed in one row, so ranking 10,000 postings reads 10,000 rows, not
    110,000 cache entries. Derived data: keyed by model and by a digest of what was embedded, and
    rebuilt from the posting when either changes. float16 halves the size; cosines move < 1e-3."""

    __tablename__ = "posting_vectors"
    posting_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True)
    model: Mapped[str] = mapped_column(String(64), primary_key=True)
    digest: Mapped[str] = mapped_column(String(40))
    doc: Mapped[bytes] = mapped_column(LargeBinary)
    title: Mapped[bytes] = mapped_column(LargeBinary)
    requirements: Mapped[bytes] = mapped_column(LargeBinary)
    lexical_index: Mapped[bytes] = mapped_column(LargeBinary)
    lexical_value: Mapped[bytes] = mapped_column(LargeBinary)


class UserSkillRow(Base):
    __tablename__ = "user_skills"
    name: Mapped[str] = mapped_column(Text, primary_key=True)
    category: Mapped[str] = mapped_column(String(32), default="tool")


class UserAliasRow(Base):
    __tablename__ = "user_aliases"
    alias: Mapped[str] = mapped_column(Text, primary_key=True)
    skill: Mapped[str] = mapped_column(Text)


class SettingRow(Base):
    """Settings the engine needs outside the UI too (score weights): JSON values by key."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
