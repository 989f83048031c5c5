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
    assert "sqlite_utils" in loaded
    stray = sorted(name for name in loaded for unwanted in NOT_AT_START
                   if name == unwanted or name.startswith(unwanted + "."))
    assert stray == []
