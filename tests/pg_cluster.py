"""A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, a unix socket in that
folder, a TCP port on loopback only, started with `pg_ctl start -w` and stopped at the end.

Run as the `postgres` OS user when the tests run as root (PostgreSQL refuses to run as root); as
the current user otherwise. Nothing here listens beyond 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from countdesk.services.server_setup import postgres_bin

SUPERUSER = "countdesk_test"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path
    run_as: str | None

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, dbname: str = "postgres", user: str = SUPERUSER) -> str:
        """A libpq URL that reaches the cluster through its unix socket."""
        return f"postgresql://{quote(user)}@/{quote(dbname)}?host={quote(str(self.folder))}&port={self.port}"

    def tcp_url(self, dbname: str, user: str = SUPERUSER, password: str | None = None) -> str:
        auth = quote(user) + (f":{quote(password)}" if password else "")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{quote(dbname)}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, cwd=self.folder)

    def init(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                  "--locale=C", "--no-instructions")

    def start(self) -> None:
        options = (f"-c port={self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories={self.folder} -c max_connections=60 "
                   "-c shared_buffers=32MB -c log_min_messages=warning")
        result = self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data),
                           "-l", str(self.folder / "server.log"), "-o", options, check=False)
        if result.returncode != 0:
            log = (self.folder / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"pg_ctl start failed: {result.stderr}\n{log}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "stop", "-w", "-D", str(self.data), "-m", mode, check=False)

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8')
        return self.url(name)


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    """A started cluster, stopped and removed at the end (also when the block fails)."""
    folder = Path(tempfile.mkdtemp(prefix="countdesk-pg-"))
    run_as = "postgres" if os.geteuid() == 0 else None
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    cluster = Cluster(folder, free_port(), postgres_bin(), run_as)
    try:
        cluster.init()
        cluster.start()
        yield cluster
    finally:
        cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)
