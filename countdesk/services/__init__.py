"""Qt-free use cases that the GUI and the command line both call.

`CountSession` is an open count (a file or a server count); its use cases are named objects on
it (`session.sheets.confirm(...)`, `session.declaring.declare(...)`), each write returning the
`Change` it committed, and `session.result(contest_id)` is the one way to a contest's result.
The names below are everything a caller needs to drive it.
"""

from __future__ import annotations

from ..store.audit import AuditRow, AuditVerdict
from ..store.locations import describe_location, is_server_url
from ..store.lock import CountLockedError, LockHolder
from ..store.repository import ContestState, Stage
from ..store.state import SessionRecord
from .changes import NO_CHANGE, Change, SetUpPart
from .count_session import CountSession
from .double_entry import Disagreement, FieldDifference, KeyingOutcome, KeyingStatus, PendingKeying
from .set_up import KEEP

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
    "describe_location",
    "is_server_url",
]
