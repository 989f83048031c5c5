"""Everything around the figures: settings and who had the file open (keyings awaiting a second
operator: keyings.py, loaded with double entry rather than with every count opened)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ..errors import CountdeskError
from .audit import Actor, append_audit, audit_trigger_problems, canonical_json, restore_audit_triggers
from .sql import CountStore

# Settings -----------------------------------------------------------------------------------------

#: The audit field holding a setting record's SHA-256 (settings_under_chain checks it).
RECORD_DIGEST = "record_sha256"


def setting_digest(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def recorded_setting_digest(cdb: CountStore, key: str) -> tuple[bool, str | None]:
    """(whether the trail records this setting being stored, the digest it recorded last). A store
    recorded before digests were kept gives (True, None): it cannot be checked."""
    with cdb.guard():
        row = cdb.db.execute(
            "SELECT after FROM audit WHERE entity = 'setting' AND key = ? AND action NOT LIKE '%_refused' "
            "ORDER BY id DESC LIMIT 1", (key,)).fetchone()
    if row is None:
        return False, None
    after = json.loads(row[0]) if row[0] else None
    digest = after.get(RECORD_DIGEST) if isinstance(after, dict) else None
    return True, digest if isinstance(digest, str) else None


def setting_problem(cdb: CountStore, key: str) -> str | None:
    """Why the stored setting is not the one the audit trail records storing, or None."""
    value = get_setting(cdb, key)
    recorded, digest = recorded_setting_digest(cdb, key)
    if value is None:
        return f"the setting {key} was removed outside the app" if digest is not None else None
    if not recorded:
        return f"the setting {key} was put into the file outside the app: the audit trail never records it"
    if digest is not None and digest != setting_digest(value):
        return f"the setting {key} was changed outside the app: it is not the record the audit trail records"
    return None


def get_setting(cdb: CountStore, key: str) -> Any:
    with cdb.guard():
        row = cdb.db.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def put_setting(
    cdb: CountStore, actor: Actor, key: str, value: Any, *, action: str,
    audit_before: Any = None, audit_after: Any = None, reason: str | None = None,
) -> None:
    """Store a setting; the audit row gets `audit_before`/`audit_after`, so a secret never reaches it,
    and the SHA-256 of the stored record (`record_sha256`): the record itself is under the chain, so
    a record swapped in the table (the RO passphrase's) no longer matches the trail's."""
    audit_after = {**(audit_after or {}), RECORD_DIGEST: setting_digest(value)}
    with cdb.transaction() as db:
        db.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, canonical_json(value)),
        )
        append_audit(db, actor, action, "setting", key=key, before=audit_before, after=audit_after, reason=reason)


def record_event(
    cdb: CountStore, actor: Actor, action: str, entity: str, *, contest_id: str | None = None,
    key: str | None = None, before: Any = None, after: Any = None, reason: str | None = None,
) -> None:
    """An audit row with no data change: a refused declaration, a session opened."""
    with cdb.transaction() as db:
        append_audit(db, actor, action, entity, contest_id=contest_id, key=key, before=before,
                     after=after, reason=reason)


def restore_audit_protection(cdb: CountStore, actor: Actor) -> list[str]:
    """On opening for writing: triggers dropped or altered outside the app are put back, and that
    is recorded in the trail ("audit.triggers_restored"), in one transaction. A count server's
    owner alone can touch them: there a station refuses to open a count whose trail is unguarded."""
    if cdb.shared:
        with cdb.guard():
            problems = audit_trigger_problems(cdb.db)
        if problems:
            raise CountdeskError(f"{cdb.path.name}: {'; '.join(problems)}: the count server's administrator "
                                 "must put it back before anyone writes", str(cdb.path))
        return []
    with cdb.guard():
        if not audit_trigger_problems(cdb.db):
            return []
    with cdb.transaction() as db:
        problems = audit_trigger_problems(db)
        restored = restore_audit_triggers(db)
        append_audit(db, actor, "audit.triggers_restored", "audit", after={"restored": restored},
                     reason="; ".join(problems))
    return restored


# Sessions -----------------------------------------------------------------------------------------

def start_session(cdb: CountStore, actor: Actor, host: str, pid: int, details: dict[str, Any]) -> int:
    with cdb.transaction() as db:
        opened_at = actor.clock()
        # The id is chosen here, not by the database: the same on a file and on a server (where the
        # write lock makes max + 1 safe), and a copied count keeps its ids.
        session_id = int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM operator_session").fetchone()[0])
        db.execute(
            "INSERT INTO operator_session (id, operator, host, pid, opened_at) VALUES (?, ?, ?, ?, ?)",
            (session_id, actor.operator, host, pid, opened_at),
        )
        append_audit(db, actor, "session.open", "session", key=str(session_id),
                     after={"host": host, "pid": pid, **details})
    return session_id


def end_session(cdb: CountStore, actor: Actor, session_id: int) -> None:
    with cdb.transaction() as db:
        db.execute("UPDATE operator_session SET closed_at = ? WHERE id = ?", (actor.clock(), session_id))


@dataclass(frozen=True)
class SessionRecord:
    id: int
    operator: str
    host: str
    pid: int
    opened_at: str
    closed_at: str | None


def sessions(cdb: CountStore) -> list[SessionRecord]:
    with cdb.guard():
        return [SessionRecord(*row) for row in cdb.db.execute(
            "SELECT id, operator, host, pid, opened_at, closed_at FROM operator_session ORDER BY id")]
