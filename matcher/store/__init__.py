"""Everything about the one SQLite file: the `Store` (one session per operation), its schema and
upgrade steps, the row ↔ dataclass conversions, and backups of the whole file's content."""

from matcher.store.errors import StoreError
from matcher.store.store import DB_ENV, AddResult, Store, default_db_path

__all__ = ["DB_ENV", "AddResult", "Store", "StoreError", "default_db_path"]
