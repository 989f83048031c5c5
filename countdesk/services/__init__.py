"""Qt-free use cases that the GUI and the command line both call.

`CountSession` is an open count (a file or a server count); its use cases are named objects on
it (`session.sheets.confirm(...)`, `session.declaring.declare(...)`), each write returning the
`Change` it committed, and `session.result(contest_id)` is the one way to a contest's result.
The names below are everything a caller needs to drive it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..store.audit import AuditRow, AuditVerdict
from ..store.locations import describe_location, is_server_url
from ..store.lock import CountLockedError, LockHolder
from ..store.repository import ContestState, Stage
from ..store.state import SessionRecord
from .changes import NO_CHANGE, Change, SetUpPart
from .count_session import CountSession

if TYPE_CHECKING:
    from .double_entry import Disagreement, FieldDifference, KeyingOutcome, KeyingStatus, PendingKeying
    from .set_up import KEEP

#: Names whose modules load when a name is first asked for (`__getattr__`): opening a count needs
#: neither double entry nor set-up, and their modules cost start-up time.
_LOADED_WHEN_ASKED = {
    "Disagreement": ".double_entry", "FieldDifference": ".double_entry", "KeyingOutcome": ".double_entry",
    "KeyingStatus": ".double_entry", "PendingKeying": ".double_entry", "KEEP": ".set_up",
}

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


def __getattr__(name: str) -> Any:
    """A name of `_LOADED_WHEN_ASKED`, imported from its module on first use (then kept here)."""
    module = _LOADED_WHEN_ASKED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value
