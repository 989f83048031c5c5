"""`countdesk server init`: PostgreSQL on the count server machine, prepared in one command.

It makes a cluster of its own in a folder (PostgreSQL's `initdb`, as the `postgres` user when run
as root), the venue's certificate authority and the server's TLS certificate (venue_tls.py), a
configuration that accepts only TLS connections with SCRAM passwords from the venue's subnet,
starts it, and sets the count up: its owner, a role per station, the schema, the stations' rights.
What each station needs (its address, its password line for ~/.pgpass, the CA certificate) is
written to a folder, readable by root alone, to carry to the stations; the CA's fingerprint is
printed to read out at each one.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
import pwd
import re
import secrets
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CountdeskError
from ..store.locations import create_store
from ..store.server import open_server_count
from ..store.server_admin import create_count_database
from ..store.server_roles import check_role_name, grant_station
from .venue_tls import make_venue_certificates

SUPERUSER = "postgres"
CA_FILE = "venue-ca.crt"


def postgres_bin() -> Path:
    """The newest installed PostgreSQL server's programs (Debian: /usr/lib/postgresql/<ver>/bin)."""
    found = sorted((p for p in Path("/usr/lib/postgresql").glob("*/bin") if (p / "initdb").exists()),
                   key=lambda p: int(re.sub(r"\D", "", p.parent.name) or 0))
    if found:
        return found[-1]
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise CountdeskError("PostgreSQL's server programs are not installed (Debian: apt-get install postgresql)")


@dataclass(frozen=True)
class ServerPlan:
    data: Path                    # the cluster's folder (must not exist, or be empty)
    count: str                    # the count's database name
    stations: tuple[str, ...]     # a role per station
    subnet: str                   # the venue's network, e.g. 192.168.50.0/24
    listen: tuple[str, ...]       # the server's addresses on that network
    port: int = 5432
    names: tuple[str, ...] = ()   # host names stations use, besides the addresses
    out: Path | None = None       # where the stations' files go (default: DATA-stations beside DATA)

    @property
    def owner(self) -> str:
        return f"{self.count}_owner"

    @property
    def station_folder(self) -> Path:
        return self.out or self.data.with_name(self.data.name + "-stations")


@dataclass(frozen=True)
class ServerReport:
    ca_fingerprint: str
    station_urls: dict[str, str]
    station_folder: Path
    owner_url: str
    admin_url: str = field(repr=False, default="")


def quote(text: str) -> str:
    """Percent-encoding for a URL part (a folder in a libpq address)."""
    return "".join(chr(b) if chr(b).isalnum() or chr(b) in "/-_.~" else f"%{b:02X}" for b in text.encode("utf-8"))


def check_plan(plan: ServerPlan) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    for name in (plan.count, *plan.stations):
        check_role_name(name)
    if not plan.stations:
        raise CountdeskError("name at least one station")
    if len(set(plan.stations)) != len(plan.stations) or plan.owner in plan.stations:
        raise CountdeskError("each station needs a name of its own")
    try:
        subnet = ipaddress.ip_network(plan.subnet, strict=True)
    except ValueError as exc:
        raise CountdeskError(f"--subnet {plan.subnet}: {exc} (write it like 192.168.50.0/24)") from exc
    for address in plan.listen:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError as exc:
            raise CountdeskError(f"--listen {address}: not an IP address of this machine") from exc
        if ip not in subnet and not ip.is_loopback:
            raise CountdeskError(f"--listen {address} is not in the venue's subnet {subnet}")
    if plan.data.exists() and any(plan.data.iterdir()):
        raise CountdeskError(f"{plan.data} is not empty: give a new folder for the server's data", str(plan.data))
    if plan.station_folder.exists():
        raise CountdeskError(f"{plan.station_folder} already exists: the stations' files go to a new folder",
                             str(plan.station_folder))
    return subnet


def init_server(plan: ServerPlan) -> ServerReport:
    """Make, configure and start the cluster, and set the count up. Refuses to touch anything that
    exists; on failure the half-made cluster is stopped (its folder is left for inspection)."""
    subnet = check_plan(plan)
    programs = postgres_bin()
    run_as = "postgres" if os.geteuid() == 0 else None
    plan.data.mkdir(parents=True, exist_ok=True, mode=0o700)
    if run_as and subprocess.run(["runuser", "-u", run_as, "--", "test", "-x", str(plan.data.parent)]).returncode:
        raise CountdeskError(f"the {run_as} user cannot reach {plan.data.parent}: choose a folder it can enter "
                             "(for example under /var/lib)", str(plan.data))
    if run_as:
        entry = pwd.getpwnam(run_as)
        os.chown(plan.data, entry.pw_uid, entry.pw_gid)

    def run(*args: str) -> None:
        command = [str(programs / args[0]), *args[1:]]
        if run_as:
            command = ["runuser", "-u", run_as, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=plan.data)
        if result.returncode != 0:
            raise CountdeskError(f"{args[0]} failed: {(result.stderr or result.stdout).strip()[-500:]}")

    run("initdb", "-D", str(plan.data), "-U", SUPERUSER, "--encoding=UTF8", "--locale=C",
        "--auth-local=peer", "--auth-host=reject", "--no-instructions")
    certificates = make_venue_certificates(plan.count, [*plan.names, *plan.listen])
    _write(plan.data / "server.crt", certificates.server_pem, run_as)
    _write(plan.data / "server.key", certificates.server_key_pem, run_as)
    _write(plan.data / CA_FILE, certificates.ca_pem, run_as)
    _write(plan.data / "countdesk.conf", _server_conf(plan).encode(), run_as)
    with (plan.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write("\ninclude 'countdesk.conf'\n")
    _write(plan.data / "pg_hba.conf", _hba(plan, subnet).encode(), run_as)
    admin_os_user = getpass.getuser()
    _write(plan.data / "pg_ident.conf",
           f"countdesk_admin {admin_os_user} {SUPERUSER}\ncountdesk_admin postgres {SUPERUSER}\n".encode(), run_as)
    run("pg_ctl", "start", "-w", "-t", "60", "-D", str(plan.data), "-l", str(plan.data / "server.log"))
    try:
        return _set_up_count(plan, certificates.ca_pem, certificates.ca_fingerprint)
    except BaseException:
        run("pg_ctl", "stop", "-w", "-D", str(plan.data), "-m", "fast")
        raise


def _set_up_count(plan: ServerPlan, ca_pem: bytes, fingerprint: str) -> ServerReport:
    socket = quote(str(plan.data))
    admin_url = f"postgresql://{SUPERUSER}@/postgres?host={socket}&port={plan.port}"
    passwords = {name: secrets.token_urlsafe(18) for name in (plan.owner, *plan.stations)}
    create_count_database(admin_url, plan.count, plan.owner, passwords[plan.owner],
                          {s: passwords[s] for s in plan.stations})
    # The schema is made as the owner (the superuser taking the owner's role), so the owner alone
    # can alter it; stations get a station's rights only.
    as_owner = f"postgresql://{SUPERUSER}@/{plan.count}?host={socket}&port={plan.port}&options=-crole%3D{plan.owner}"
    store = create_store(as_owner)
    store.close()
    owner_store = open_server_count(as_owner)
    try:
        for station in plan.stations:
            grant_station(owner_store, station)
    finally:
        owner_store.close()
    host = (plan.names or plan.listen)[0]
    folder = plan.station_folder
    folder.mkdir(mode=0o700, parents=True)
    (folder / CA_FILE).write_bytes(ca_pem)
    urls = {}
    for role in (plan.owner, *plan.stations):
        urls[role] = (f"postgresql://{role}@{host}:{plan.port}/{plan.count}"
                      f"?sslmode=verify-full&sslrootcert={CA_FILE}")
        _private(folder / f"{role}.pgpass", f"{host}:{plan.port}:{plan.count}:{role}:{passwords[role]}\n")
        _private(folder / f"{role}.url", urls[role] + "\n")
    _private(folder / "README.txt", _station_readme(plan, fingerprint))
    return ServerReport(fingerprint, {s: urls[s] for s in plan.stations}, folder, urls[plan.owner], admin_url)


def _server_conf(plan: ServerPlan) -> str:
    return (
        "# Written by countdesk server init: the count server's settings.\n"
        f"listen_addresses = '{','.join(plan.listen)}'\n"
        f"port = {plan.port}\n"
        f"unix_socket_directories = '{plan.data}'\n"
        "password_encryption = 'scram-sha-256'\n"
        "ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n"
        "ssl_min_protocol_version = 'TLSv1.2'\n"
        "synchronous_commit = on\nfsync = on\nfull_page_writes = on\n"
    )


def _hba(plan: ServerPlan, subnet: ipaddress.IPv4Network | ipaddress.IPv6Network) -> str:
    stations = ",".join(plan.stations)
    lines = [
        "# Written by countdesk server init. Only TLS, only SCRAM passwords, only the venue's subnet.",
        "# TYPE    DATABASE  USER  ADDRESS  METHOD",
        f"local     all       {SUPERUSER}  peer map=countdesk_admin",
        f"hostssl   {plan.count}  {stations}  {subnet}  scram-sha-256",
        f"hostssl   {plan.count}  {plan.owner}  {subnet}  scram-sha-256",
        f"hostssl   {plan.count}  {plan.owner}  127.0.0.1/32  scram-sha-256",
    ]
    return "\n".join(lines) + "\n"


def _station_readme(plan: ServerPlan, fingerprint: str) -> str:
    return (
        f"countdesk count server for {plan.count}\n\n"
        f"Certificate authority fingerprint (SHA-256), to read out and compare at each station:\n"
        f"  {fingerprint}\n\n"
        "For each station, copy venue-ca.crt and that station's NAME.pgpass and NAME.url to the station:\n"
        "  append NAME.pgpass to the station user's ~/.pgpass (chmod 600), put venue-ca.crt where\n"
        "  countdesk runs, check its fingerprint, and open the count with the address in NAME.url.\n"
        "Keep this folder away from the network: it holds every station's password.\n"
    )


def _write(path: Path, data: bytes, owner: str | None) -> None:
    path.write_bytes(data)
    os.chmod(path, 0o600)
    if owner:
        entry = pwd.getpwnam(owner)
        os.chown(path, entry.pw_uid, entry.pw_gid)


def _private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
