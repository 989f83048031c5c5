"""`countdesk server init`: one command makes a count server that takes only TLS connections with
SCRAM passwords from the venue's subnet, with a role per station, and prints the CA fingerprint."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pg_cluster import free_port
from server_builders import CONTEST, ELECTION, sheet

from countdesk.cli import main
from countdesk.errors import CountdeskError
from countdesk.services import CountSession
from countdesk.services.server_setup import ServerPlan, check_plan, postgres_bin


def _password(folder, role):
    return (folder / f"{role}.pgpass").read_text().strip().rsplit(":", 1)[1]


def _url(folder, role, host="127.0.0.1"):
    url = (folder / f"{role}.url").read_text().strip()
    return url.replace("sslrootcert=venue-ca.crt", f"sslrootcert={folder / 'venue-ca.crt'}")


def test_server_init_makes_a_tls_scram_subnet_only_server_with_a_role_per_station(capsys, monkeypatch):
    tmp_path = Path(tempfile.mkdtemp(prefix="countdesk-init-"))  # the postgres user must reach it
    os.chmod(tmp_path, 0o711)
    data, port = tmp_path / "server", free_port()
    args = ["server", "init", "--data", str(data), "--count", "night", "--station", "desk1", "--station", "desk2",
            "--subnet", "127.0.0.0/8", "--listen", "127.0.0.1", "--port", str(port)]
    try:
        assert main(args) == 0
        out = capsys.readouterr().out
        folder = tmp_path / "server-stations"
        ca = x509.load_pem_x509_certificate((folder / "venue-ca.crt").read_bytes())
        digest = hashlib.sha256(ca.public_bytes(serialization.Encoding.DER)).hexdigest().upper()
        assert ":".join(re.findall("..", digest)) in out  # the fingerprint to read out at each station
        assert oct((folder / "desk1.pgpass").stat().st_mode & 0o777) == "0o600"

        # A station connects with TLS checked against the venue's CA and its SCRAM password.
        monkeypatch.setenv("PGPASSWORD", _password(folder, "desk1"))
        with psycopg.connect(_url(folder, "desk1")) as conn:
            assert conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()[0]
            assert conn.info.password  # it authenticated with the password
        # Only TLS: a connection without it is refused by pg_hba, as is a wrong password.
        with pytest.raises(psycopg.OperationalError, match="no pg_hba.conf entry|SSL off"):
            psycopg.connect(f"postgresql://desk1@127.0.0.1:{port}/night?sslmode=disable", connect_timeout=5)
        monkeypatch.setenv("PGPASSWORD", "wrong")
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(_url(folder, "desk1"), connect_timeout=5)
        # Another count's database, and the superuser over the network: no entry at all.
        monkeypatch.setenv("PGPASSWORD", _password(folder, "desk1"))
        with pytest.raises(psycopg.OperationalError, match="no pg_hba.conf entry"):
            psycopg.connect(_url(folder, "desk1").replace("/night?", "/postgres?"), connect_timeout=5)
        hba = (data / "pg_hba.conf").read_text()
        assert not re.search(r"^host\s", hba, re.M) and "127.0.0.0/8" in hba and "trust" not in hba

        # Passwords are stored as SCRAM verifiers.
        admin = f"postgresql://postgres@/postgres?host={data}&port={port}"
        with psycopg.connect(admin) as conn:
            stored = dict(conn.execute("SELECT rolname, rolpassword FROM pg_authid WHERE rolname LIKE 'desk%'"))
        assert set(stored) == {"desk1", "desk2"} and all(p.startswith("SCRAM-SHA-256$4096:") for p in stored.values())

        # The owner sets the count up; stations key it, each row naming its station.
        monkeypatch.setenv("PGPASSWORD", _password(folder, "night_owner"))
        from countdesk.domain.model import Count

        with CountSession.open(_url(folder, "night_owner"), "Supervisor") as owner:  # the schema is ready
            owner.import_count(Count(ELECTION, (CONTEST,)), replace=True)
        monkeypatch.setenv("PGPASSWORD", _password(folder, "desk2"))
        with CountSession.open(_url(folder, "desk2"), "Bob") as station:
            station.sheets.confirm(CONTEST.id, sheet("d2", 1))
            assert station.audit_rows(action="sheet.save")[-1].station == "desk2"
            assert "night on 127.0.0.1" in station.path.name
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", str(postgres_bin() / "pg_ctl"), "stop", "-D", str(data),
                        "-m", "immediate"], capture_output=True)
        shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.mark.parametrize("change, message", [
    ({"subnet": "192.168.50.7/24"}, "has host bits set"),
    ({"listen": ("10.0.0.5",)}, "not in the venue's subnet"),
    ({"stations": ()}, "at least one station"),
    ({"stations": ("Desk 1",)}, "cannot name a station"),
])
def test_server_init_refuses_a_plan_it_cannot_make_safely(tmp_path, change, message):
    plan = {"data": tmp_path / "d", "count": "night", "stations": ("desk1",), "subnet": "192.168.50.0/24",
            "listen": ("192.168.50.2",)}
    with pytest.raises(CountdeskError, match=message):
        check_plan(ServerPlan(**{**plan, **change}))
