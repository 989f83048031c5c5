"""What opening a count loads. Start-up time is what a user feels first; these modules cost tens of
milliseconds each and none is needed to show a count, so a stray top-level import that pulls one
back into the start path fails here (the timings themselves are in benchmarks/run.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from gui_helpers import make_count_file, small_sv_contest

NOT_AT_START = (
    "reportlab",                                  # documents: loaded with the Documents dialog or an export
    "jsonschema",                                 # the count-file validator: loaded with the first import
    "cryptography",                               # bundle signing: loaded with an export or a collation
    "countdesk.reports",
    "countdesk.exchange.countfile",
    "countdesk.gui.dialogs.new_count_wizard",
    "countdesk.gui.collation_window",
    "countdesk.gui.dialogs.backup_dialog",        # automatic backups start a second after the count shows
    "countdesk.gui.widgets.setup_view",           # tabs other than the one the count opens on
    "countdesk.gui.widgets.verification_view",
    "countdesk.gui.widgets.result_view",
    "countdesk.gui.widgets.audit_view",
    "countdesk.gui.start_page",                   # the page shown while no count is open
    "countdesk.gui.dialogs.passphrase_dialog",    # declaring, unlocking
    # The session's use cases load when first used (services/count_session.py); a count file's
    # views claim nothing (gui/claims.py), and the readers below are for imports and round 2.
    "countdesk.services.sheets",
    "countdesk.services.double_entry",
    "countdesk.store.keyings",
    "countdesk.services.set_up",
    "countdesk.services.declaring",
    "countdesk.services.passphrase",
    "countdesk.services.acceptances",
    "countdesk.services.claims",
    "countdesk.store.claims",
    "countdesk.store.contests",
    "countdesk.store.sheets",
    "countdesk.services.round2_area",
    "countdesk.exchange.round2",
    "countdesk.exchange.countfile_legacy",
    "countdesk.domain.legacy_office",
    "countdesk.store.backup_files",  # the trail's check finds no backup folder beside a new count
    "countdesk.services.new_count",
    "socket",
    "sqlite_utils",  # the count's connection is plain sqlite3; sqlite-utils migrates (store/sqlite_file.py)
)

#: Not loaded by importing the main window either: what opening a count loads on its way (its first
#: result's round-2 check, the trail's check against the newest backup) and the tabs' views.
NOT_ON_IMPORT = NOT_AT_START + (
    "countdesk.services.instructions",
    "countdesk.store.instructions",
    "countdesk.services.trail_anchor",
    "countdesk.gui.widgets.sheets_view",
    "countdesk.gui.models.result_model",
    "countdesk.gui.widgets.result_chart",
    "countdesk.gui.widgets.checks_panel",
    "countdesk.gui.widgets.figure_grid",
    "countdesk.gui.widgets.wrapped_label",
    "countdesk.gui.dialogs",
)

SCRIPT = """
import json, sys
from pathlib import Path
from countdesk.gui.application import create_application
from countdesk.gui import main_window
from countdesk.gui.main_window import MainWindow
# Automatic backups start a second after the count shows, by design; on a busy machine that second
# can pass before the first paint below, so the check keeps them out of the start path it looks at.
main_window.AUTO_BACKUP_START_MS = 600_000
app = create_application(sys.argv[:1])
window = MainWindow(operator="Start-up check")
assert window.open_count(Path(sys.argv[1]), operator="Start-up check")
window.show()
app.processEvents()
print(json.dumps({"tab": window.workspace.tab_name(), "modules": sorted(sys.modules)}))
window.close_count()
"""


def stray_modules(loaded: set[str], unwanted: tuple[str, ...]) -> list[str]:
    return sorted(name for name in loaded for prefix in unwanted if name == prefix or name.startswith(prefix + "."))


def test_importing_the_main_window_loads_nothing_a_count_loads_when_opened():
    done = subprocess.run([sys.executable, "-c", "import json, sys\n"
                           "from countdesk.gui.application import create_application\n"
                           "from countdesk.gui.main_window import MainWindow\n"
                           "print(json.dumps(sorted(sys.modules)))"],
                          capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"countdesk.gui.main_window", "countdesk.services.count_session", "countdesk.store.database"} <= loaded
    assert stray_modules(loaded, NOT_ON_IMPORT) == []


def test_opening_a_count_loads_only_what_the_first_tab_needs(tmp_path):
    path = make_count_file(tmp_path / "start.countdesk", (small_sv_contest(),))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], capture_output=True, text=True, env=env,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["tab"] == "count"
    loaded = set(report["modules"])
    assert "countdesk.gui.widgets.sheets_view" in loaded  # the tab it opened on
    assert "countdesk.store.sqlite_file" in loaded
    assert stray_modules(loaded, NOT_AT_START) == []
