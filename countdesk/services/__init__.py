"""Qt-free use cases that the GUI and the command line both call.

`CountSession` is an open count file; the names below are everything a caller needs to drive it.
"""

from __future__ import annotations

from ..store.audit import AuditRow, AuditVerdict
from ..store.lock import CountLockedError, LockHolder
from ..store.repository import ContestState, Stage
from ..store.state import SessionRecord
from .changes import NO_CHANGE, Change, SetUpPart
from .counts import CountSession
from .double_entry import Disagreement, FieldDifference, KeyingOutcome, KeyingStatus, PendingKeying
from .setup import KEEP

__all__ = [
    "KEEP",
    "NO_CHANGE",
    "AuditRow",
    "AuditVerdict",
    "Change",
    "ContestState",
    "CountLockedError",
    "CountSession",
    "Disagreement",
    "FieldDifference",
    "KeyingOutcome",
    "KeyingStatus",
    "LockHolder",
    "PendingKeying",
    "SessionRecord",
    "SetUpPart",
    "Stage",
]
