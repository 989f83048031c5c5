"""The checks panel under the result: a warning someone opened to read stays open while sheets
are entered; a change in the warnings shows at once."""

from countdesk.domain.result import Warning_
from countdesk.gui.widgets.checks_panel import ChecksPanel

W03 = Warning_("W03", "boxes[1]", "box B2: 101 papers verified, the ballot paper account says 100")
W04 = Warning_("W04", "boxes[2]", "box B3: not yet verified")


def test_the_same_warnings_again_leave_an_opened_warning_open(qtbot):
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_warnings([W03, W04])
    first = panel.tree.topLevelItem(0)
    first.setExpanded(True)
    panel.set_warnings((W03, W04))  # a sheet entered: the result is new, its warnings the same
    assert panel.tree.topLevelItem(0) is first and first.isExpanded()
    assert panel.warning_count() == 2


def test_changed_warnings_are_shown_at_once(qtbot):
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_warnings([W03, W04])
    panel.set_warnings([W04])
    assert panel.warning_count() == 1
    assert panel.tree.topLevelItem(0).text(0) == "W04"
    assert panel.heading.text().startswith("Checks: 1 warning.")
    panel.set_warnings([])
    assert panel.warning_count() == 0 and "no warnings" in panel.heading.text()


def test_new_figures_in_the_same_warnings_update_their_words_and_keep_them_open(qtbot):
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_warnings([W03, W04])
    first = panel.tree.topLevelItem(0)
    first.setExpanded(True)
    moved = Warning_("W03", "boxes[1]", "box B2: 102 papers verified, the ballot paper account says 100")
    panel.set_warnings([moved, W04])
    assert panel.tree.topLevelItem(0) is first and first.isExpanded()
    assert first.text(3) == moved.message
    from PySide6.QtCore import Qt

    assert moved.message in first.data(0, Qt.ItemDataRole.AccessibleTextRole)


def test_each_explanation_spans_the_whole_row(qtbot):
    """The explanation under a warning reads across every column (spanned once all warnings are
    in the tree, as a span only takes effect inside one)."""
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_warnings([W03, W04])
    for row in range(panel.warning_count()):
        item = panel.tree.topLevelItem(row)
        assert item.childCount() == 1 and item.child(0).isFirstColumnSpanned()
        assert panel.explanation(row) == item.child(0).text(0) != ""
