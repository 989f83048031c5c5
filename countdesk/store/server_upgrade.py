"""`countdesk server upgrade`: a server count brought up to this version's schema, audited.

Stations refuse a count of another schema version (server.check_schema_same), so after installing
a new countdesk on every station someone upgrades the count once, as the count's owner (the schema
is the owner's: a station's role cannot change a table). The migrations are the ones a count file
runs when it is opened; each runs under the write lock in its own transaction together with its
record and an audit row (`schema.upgrade`, naming who ran it from which role), so the trail says
when the count changed shape and a failed step leaves the count as it was before that step.
Tables a migration adds are granted to every station of the count, as `server init` granted theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

from ..errors import CountdeskError
from .audit import Actor, append_audit
from .migrations import MIGRATION_SET, Migration, migration_names, migration_steps
from .server import (
    MIGRATIONS_TABLE,
    ServerDatabase,
    applied_migrations,
    check_not_newer,
    connect,
    install_notify_trigger,
)
from .server_roles import grant_station
from .sql import first_value

UPGRADE_ACTION = "schema.upgrade"


@dataclass(frozen=True)
class UpgradeReport:
    #: The migrations this upgrade applied, in order (empty: the count was already this version's).
    applied: tuple[str, ...]
    #: The station roles whose rights now cover every table.
    stations: tuple[str, ...]
    schema: str


def upgrade_server_count(url: str, operator: str, *, made_by: str) -> UpgradeReport:
    """Apply the migrations the count at `url` lacks; `made_by` names this countdesk in the audit row."""
    sdb = connect(url)
    try:
        with sdb.guard("could not upgrade"):
            applied = applied_migrations(sdb)
            if applied is None:
                raise CountdeskError(f"{sdb.path.name} holds no countdesk count: nothing to upgrade", str(sdb.path))
            check_not_newer(applied, sdb.path.name)
            _require_owner(sdb)
            actor = Actor(operator, station=str(first_value(sdb.db.execute("SELECT session_user"))))
            applied_now = [_apply(sdb, actor, name, step, made_by)
                           for name, step in migration_steps() if name not in applied]
            done = [name for name in applied_now if name is not None]
            stations = _station_roles(sdb)
            for role in stations:
                grant_station(sdb, role)
        return UpgradeReport(tuple(done), tuple(stations), migration_names()[-1])
    finally:
        sdb.close()


def _apply(sdb: ServerDatabase, actor: Actor, name: str, step: Migration, made_by: str) -> str | None:
    """One migration, its record and its audit row in one transaction, under the write lock (two
    upgrades started at once apply each step once: the second finds it recorded)."""
    with sdb.db.atomic(pipelined=False):
        if name in (applied_migrations(sdb) or []):
            return None
        step(sdb.db)
        sdb.db.execute(
            f"INSERT INTO {MIGRATIONS_TABLE} (seq, migration_set, name, applied_at) "
            f"SELECT coalesce(max(seq), 0) + 1, ?, ?, ? FROM {MIGRATIONS_TABLE}", (MIGRATION_SET, name, actor.clock()))
        append_audit(sdb.db, actor, UPGRADE_ACTION, "schema", key=name,
                     after={"migration": name, "by": made_by}, reason=(step.__doc__ or name).strip().splitlines()[0])
        install_notify_trigger(sdb)
    return name


def _require_owner(sdb: ServerDatabase) -> None:
    """Only the count's owner (or a superuser) may change its tables: say so before trying."""
    row = sdb.db.execute(
        "SELECT pg_get_userbyid(relowner), session_user, "
        "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user) FROM pg_class WHERE relname = ?",
        (MIGRATIONS_TABLE,)).fetchone()
    if row is None:
        raise CountdeskError(f"{sdb.path.name} holds no countdesk count: nothing to upgrade", str(sdb.path))
    owner, me, superuser = row
    if me != owner and not superuser:
        raise CountdeskError(
            f"only the count's owner ({owner}) can upgrade {sdb.path.name}, not the station {me}: run "
            f"`countdesk server upgrade` with the owner's address ({owner}.url in the stations' folder "
            "that `countdesk server init` wrote)", str(sdb.path))


def _station_roles(sdb: ServerDatabase) -> list[str]:
    """The roles holding a station's rights on this count: those that may append to its audit trail
    without owning it."""
    try:
        return [r[0] for r in sdb.db.execute(
            "SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_name = 'audit' "
            "AND privilege_type = 'INSERT' AND grantee <> pg_get_userbyid("
            "(SELECT relowner FROM pg_class WHERE relname = 'audit')) ORDER BY 1")]
    except psycopg.Error as exc:  # pragma: no cover - the catalogue is always readable by the owner
        raise CountdeskError(f"could not list the stations of {sdb.path.name}: {exc}") from exc
