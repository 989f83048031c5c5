"""Who may do what on a count server: the owner sets the count up; a station only keys it.

A station's role may read every table and write the count's figures, but on the audit trail it may
only read and append: no station can alter or remove an audit row, nor switch the append-only
triggers off (that needs the table's owner). The schema itself is the owner's alone.
"""

from __future__ import annotations

import re

from ..errors import CountdeskError
from .server import MIGRATIONS_TABLE, ServerDatabase
from .sql import first_value

#: Tables whose rows a station appends to but never changes.
APPEND_ONLY = {"audit": "SELECT, INSERT", "audit_head": "SELECT, INSERT, UPDATE", MIGRATIONS_TABLE: "SELECT"}
_ROLE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")


def check_role_name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise CountdeskError(
            f'"{name}" cannot name a station: lower-case letters, digits and _ only, starting with a letter')
    return name


def grant_station(sdb: ServerDatabase, role: str) -> None:
    """Give an existing role a station's rights on this count (run as the count's owner)."""
    check_role_name(role)
    with sdb.guard("could not grant rights on"):
        dbname = first_value(sdb.db.execute("SELECT current_database()"))
        tables = [r[0] for r in sdb.db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")]
        with sdb.db.atomic():
            sdb.db.execute(f'GRANT CONNECT ON DATABASE "{dbname}" TO {role}')
            sdb.db.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
            for table in tables:
                rights = APPEND_ONLY.get(table, "SELECT, INSERT, UPDATE, DELETE")
                sdb.db.execute(f"GRANT {rights} ON {table} TO {role}")
