"""Audit rows for acts that change no figure: a bundle exported, a document printed or saved.

CountSession has no public method for such a row yet (services/counts.py belongs to the count
database's owner), so this one helper reaches the session's open file and operator in one
place. When CountSession gains a `record_event`, this helper becomes a one-line call to it.
"""

from __future__ import annotations

from typing import Any

from ..store.audit import AuditRow
from ..store.state import record_event
from .counts import CountSession


def record_session_event(
    session: CountSession, action: str, entity: str, *, contest_id: str | None = None, key: str | None = None,
    after: Any = None, reason: str | None = None,
) -> AuditRow:
    """Append one audit row in its own durable transaction and return it. Raises CountdeskError
    for a count open read-only or closed (nothing is written then)."""
    cdb = session._require_writable()  # noqa: SLF001 - see the module docstring
    record_event(cdb, session._actor, action, entity, contest_id=contest_id, key=key,  # noqa: SLF001
                 after=after, reason=reason)
    head_id, _ = session.audit_head()
    return session.audit_rows(after_id=head_id - 1, limit=1)[0]
