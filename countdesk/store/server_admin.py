"""Setting a count up on a fresh server, as its superuser: the count's owner and a role per
station, each with a SCRAM-SHA-256 password, and the count's database that only they may enter.

The password verifiers are computed here (RFC 5802/7677), so no plain password ever reaches the
server, its logs or its statistics: only the verifier is sent, which cannot be used to log in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

import psycopg
from psycopg import sql

from ..errors import CountdeskError
from .server_roles import check_role_name

SCRAM_ITERATIONS = 4096


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (as `password_encryption` makes)."""
    salt = salt if salt is not None else os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def create_count_database(admin_url: str, dbname: str, owner: str, owner_password: str,
                          stations: dict[str, str]) -> None:
    """Roles and database for one count (run once, as the cluster's superuser)."""
    for role in (owner, *stations):
        check_role_name(role)
    check_role_name(dbname)
    try:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            for role, password in ((owner, owner_password), *stations.items()):
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(role), sql.Literal(scram_verifier(password))))
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
                         .format(sql.Identifier(dbname), sql.Identifier(owner)))
            conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(dbname)))
        with psycopg.connect(admin_url.replace("/postgres?", f"/{dbname}?"), autocommit=True) as conn:
            conn.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
            conn.execute(sql.SQL("ALTER SCHEMA public OWNER TO {}").format(sql.Identifier(owner)))
    except psycopg.Error as exc:
        raise CountdeskError(f"could not set the count up on the server: {str(exc).strip().splitlines()[0]}") from exc
