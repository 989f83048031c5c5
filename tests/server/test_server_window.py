"""The app on a count server: the start page connects, the window names the server and count,
follows other stations live, says when it is cut off and comes back by itself."""

from __future__ import annotations

import psycopg
from PySide6.QtWidgets import QInputDialog, QMessageBox
from server_builders import CONTEST_ID, sheet, votes

from countdesk.services import CountSession


def test_connect_to_a_count_server_from_the_start_page(window, qtbot, server_count, station_url, monkeypatch):
    url = station_url("hall")
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(a[1]) or (url, True)))
    assert "&server" in window.start_page.server_button.text()  # Alt+S on the start page
    window.start_page.server_button.click()
    assert asked == ["Connect to a count server"]
    assert window.current_count is not None and window.current_count.session.shared
    assert "(count server)" in window.windowTitle() and "on " in window.windowTitle()
    assert "connected" in window.server_status.text() and "DISCONNECTED" not in window.server_status.text()

    with CountSession.open(station_url("desk"), "Bob") as other:
        other.sheets.confirm(CONTEST_ID, sheet("desk", 1))
    qtbot.waitUntil(lambda: window.current_count.result(CONTEST_ID).first["a"] == votes(1)["a"], timeout=1000)

    # The server ends this station's connections (a network cut): it says so, then comes back.
    with psycopg.connect(server_count, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE pid <> pg_backend_pid() AND usename LIKE 'hall%'")
    qtbot.waitUntil(lambda: "DISCONNECTED" in window.server_status.text(), timeout=3000)
    window.server_status._retry.setInterval(100)
    window.server_status._retry.start()
    qtbot.waitUntil(lambda: "— connected" in window.server_status.text(), timeout=5000)
    with CountSession.open(station_url("desk"), "Bob") as other:
        other.sheets.confirm(CONTEST_ID, sheet("desk", 2))
    qtbot.waitUntil(lambda: len(window.current_count.contest(CONTEST_ID).count_sheets) == 2, timeout=1000)


def test_a_station_of_another_schema_version_is_refused_with_a_message(window, server_count, monkeypatch):
    with psycopg.connect(server_count, autocommit=True) as conn:
        conn.execute("INSERT INTO countdesk_migrations VALUES (99, 'countdesk', 'm9999_future', 'now')")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text() + " " + box.informativeText()))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (server_count, True))
    window.start_page.server_button.click()
    assert window.current_count is None
    assert any("newer version of countdesk" in s for s in shown), shown


def test_a_server_count_opens_with_a_backup_folder_chosen(window, server_count, station_url, tmp_path,
                                                           monkeypatch):
    """The trail-length check (issue 14 item 8) compares count files with their backups; a count
    on a server has none, and opening it with a backup folder chosen in the app must not fail."""
    from countdesk.gui import settings

    monkeypatch.setattr(settings, "chosen_backup_folder", lambda store=None: tmp_path)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (station_url("hall"), True))
    window.start_page.server_button.click()
    assert window.current_count is not None and window.current_count.session.shared
    assert window.current_count.session.trail_warning is None


def test_a_sheet_typed_while_cut_off_is_kept_and_saved_once_back(window, qtbot, server_count, station_url):
    window.open_count(station_url("desk"), default_tab="count")
    form = window.workspace.sheets_view.form
    for key, figure in (("papers", "21"), ("votes.a", "5"), ("votes.b", "7"), ("votes.c", "9")):
        form.field(key).setFocus()
        qtbot.keyClicks(form.field(key), figure)
    # The network cut under the station while the sheet is typed (its first figure claimed it).
    with psycopg.connect(server_count, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE pid <> pg_backend_pid() AND usename LIKE 'desk%'")
    sheet_id = form.sheet_id_edit.text()
    try:
        form.request_save()
        form.request_save()  # the blank rejected heads, confirmed as 0
        assert "Not saved" in form.message.text() and "connection" in form.message.text()
        assert [form.field(k).text() for k in ("votes.a", "votes.b", "votes.c")] == ["5", "7", "9"]  # kept
        form.request_save()  # the station connects again by itself on the next try
        assert "Not saved" not in form.message.text()
        with CountSession.open(server_count, "Checker", read_only=True) as session:
            assert dict(session.sheets.sheet(CONTEST_ID, sheet_id).votes) == {"a": 5, "b": 7, "c": 9}
    finally:
        form.cancel()  # nothing typed left to ask about when the window closes
