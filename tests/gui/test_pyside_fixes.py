"""A table model answering None to most roles must not bring the process down (PySide6 6.12 on
CPython 3.11 drops a reference to None on every such answer; gui/pyside_fixes.py guards it)."""

import subprocess
import sys
import textwrap


def test_returning_none_from_data_more_often_than_none_has_references():
    script = textwrap.dedent("""
        import sys
        import countdesk.gui  # applies the fix
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
        from PySide6.QtWidgets import QApplication

        app = QApplication([])

        class Model(QAbstractTableModel):
            def rowCount(self, parent=QModelIndex()): return 1
            def columnCount(self, parent=QModelIndex()): return 1
            def data(self, index, role=Qt.ItemDataRole.DisplayRole): return None

        model = Model()
        index = model.index(0, 0)
        calls = 300_000  # None starts with a few thousand references: far fewer than this
        for _ in range(calls):
            index.data(Qt.ItemDataRole.ToolTipRole)
        del model, index
        import gc; gc.collect()
        print("survived", calls)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert "survived" in proc.stdout
