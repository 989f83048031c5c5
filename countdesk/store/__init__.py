"""The count database: one SQLite file per count, the only importer of sqlite_utils.

Services call the functions here; every write of counting data goes through one transaction that
also appends its hash-chained audit row (audit.py), so a figure never changes without a record.
"""

from __future__ import annotations

from .audit import AuditRow, AuditVerdict
from .database import COUNT_FILE_SUFFIX, CountDatabase, create_database, open_database
from .lock import CountLock, CountLockedError, LockHolder, acquire_lock

__all__ = [
    "COUNT_FILE_SUFFIX",
    "AuditRow",
    "AuditVerdict",
    "CountDatabase",
    "CountLock",
    "CountLockedError",
    "LockHolder",
    "acquire_lock",
    "create_database",
    "open_database",
]
