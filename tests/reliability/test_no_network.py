"""countdesk is offline: a whole count night (import, counting, declaration, documents, backups,
restore, the USB export, collation and the app's main window) attempts no connection and no name
lookup, and no module even imports a networking library."""

from __future__ import annotations

import ast
import json
import re
import socket
from datetime import datetime, timedelta, timezone

import pytest
from reliability_builders import LIVERPOOL, NIGHT, PASSPHRASE, ROOT, count_small_sv, minutes, small_sv

from countdesk.cli import main
from countdesk.exchange.bundle import verify_bundle
from countdesk.exchange.signing import generate_key
from countdesk.services import CountSession
from countdesk.services.backups import backup_now, find_good_backups, maybe_backup, restore_open_count
from countdesk.services.document_registry import documents_for
from countdesk.services.documents import document_context, render_document
from countdesk.services.export import export_bundle
from countdesk.services.integrity import verify_count

LIVERPOOL_ID = "mayor.liverpool.2021-05-06"
LCR_AREAS = sorted((ROOT / "tests" / "golden" / "lcr-mayor-2021" / "areas").glob("*.json"))
BST = timezone(timedelta(hours=1))


@pytest.fixture
def network_attempts(monkeypatch):
    """Every way Python code reaches the network, replaced by a recorder that refuses."""
    attempts: list[str] = []

    def refuse(name: str):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:3] if name.startswith('socket.') else args[:2]}")
            raise OSError(f"{name}: countdesk must not use the network")
        return blocked

    for name in ("connect", "connect_ex", "sendto", "sendmsg"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
                 "getnameinfo", "getfqdn"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_a_whole_count_night_makes_no_network_attempt(tmp_path, network_attempts, capsys):
    db = tmp_path / "liverpool.countdesk"
    stick = tmp_path / "stick"
    assert main(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    capsys.readouterr()
    assert main(["tally", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["contests"][0]["final"] == {"anderson-j": 46493, "yip-s": 32079}
    with CountSession.open(db, "Count Supervisor") as session:
        session.set_up.add_contest(small_sv())
        count_small_sv(session)
        maybe_backup(session, NIGHT, backup_dir=stick / "backups")
        session.passphrase.set(PASSPHRASE)
        session.declaring.declare(LIVERPOOL_ID, PASSPHRASE)
        assert maybe_backup(session, NIGHT + minutes(1), backup_dir=stick / "backups") is not None
        count = session.load()
        for kind in documents_for(count.contest(LIVERPOOL_ID)):
            assert render_document(kind.name, document_context(count, LIVERPOOL_ID)).data.startswith(b"%PDF")
        report = export_bundle(session, stick, signing_key=generate_key(),
                               generated_at=datetime(2021, 5, 8, 16, 30, tzinfo=BST))
        assert verify_bundle(report.path).ok
        backup = backup_now(session, stick / "backups", now=NIGHT + minutes(2))
        session = restore_open_count(session, backup.path, PASSPHRASE, reason="rehearsal of a restore")
        assert verify_count(session).ok
        session.close()
    assert [b.path for b in find_good_backups(db, stick / "backups")][0] == backup.path
    assert main(["audit", "--db", str(db), "--verify"]) == 0
    assert main(["collate", *map(str, LCR_AREAS), "--json"]) == 0
    assert network_attempts == []


def test_the_app_window_opens_a_count_without_touching_the_network(tmp_path, network_attempts, qapp, monkeypatch):
    from PySide6.QtCore import QSettings

    from countdesk.gui.main_window import MainWindow
    from countdesk.gui.workspace import TAB_NAMES

    monkeypatch.setenv("COUNTDESK_HOME", str(tmp_path / "home"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    db = tmp_path / "liverpool.countdesk"
    assert main(["import", str(LIVERPOOL), "--db", str(db), "--operator", "Count Supervisor"]) == 0
    window = MainWindow(operator="Count Supervisor")
    try:
        window.show()
        assert window.open_count(db, operator="Count Supervisor")
        for tab in TAB_NAMES:
            window.show_tab(tab)
            qapp.processEvents()
        assert window.close_count()
    finally:
        window.close()
        window.deleteLater()
        qapp.processEvents()
    assert network_attempts == []


# Static: no networking library anywhere -------------------------------------------------------------

FORBIDDEN_MODULES = {
    "urllib", "urllib3", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "poplib", "imaplib",
    "telnetlib", "xmlrpc", "ssl", "socketserver", "websocket", "websockets", "paramiko", "grpc",
}
FORBIDDEN_QT = re.compile(r"^PySide6\.Qt(Network|Web|Http|RemoteObjects|Mqtt|Coap|Bluetooth|Nfc|Serial)")


def _imports(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def network_offenders(text: str, where: str) -> list[str]:
    tree = ast.parse(text, where)
    offenders = []
    for name in _imports(tree):
        if name.split(".")[0] in FORBIDDEN_MODULES or FORBIDDEN_QT.match(name):
            offenders.append(f"{where}: imports {name}")
        if name.startswith("socket."):
            offenders.append(f"{where}: imports {name} from socket")
    if "socket" in _imports(tree):
        used = {n.attr for n in ast.walk(tree)
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "socket"}
        if used - {"gethostname"}:  # the lock file names the machine; that connects to nothing
            offenders.append(f"{where}: uses socket.{', socket.'.join(sorted(used - {'gethostname'}))}")
    for node in ast.walk(tree):  # a web address handed to Qt to open
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "QUrl", "openUrl", "fromUserInput", "setUrl"):
            for child in ast.walk(node):
                if isinstance(child, ast.Constant) and isinstance(child.value, str) \
                        and re.match(r"^(https?|ftp)://", child.value):
                    offenders.append(f"{where}: opens {child.value}")
    return offenders


def test_no_module_imports_a_networking_library():
    offenders = []
    for source in sorted((ROOT / "countdesk").rglob("*.py")):
        offenders += network_offenders(source.read_text(encoding="utf-8"), str(source.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("snippet", [
    "import urllib.request",
    "from http.client import HTTPSConnection",
    "import requests",
    "from PySide6.QtNetwork import QNetworkAccessManager",
    "from PySide6 import QtWebEngineWidgets",
    "import socket\nsocket.create_connection(('example.org', 80))",
    "from socket import create_connection",
    "QDesktopServices.openUrl(QUrl('https://example.org/results'))",
])
def test_the_static_check_catches_each_kind_of_offender(snippet):
    assert network_offenders(snippet, "snippet.py")


def test_the_static_check_allows_naming_the_machine():
    assert network_offenders("import socket\nhost = socket.gethostname()", "lock.py") == []
