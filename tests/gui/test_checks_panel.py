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


def _measured(panel: ChecksPanel, column: int) -> int:
    """What the header's ResizeToContents makes of a column: its entries' and its title's widest."""
    header = panel.tree.header()
    width = max(panel.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
    return min(max(width, header.minimumSectionSize()), header.maximumSectionSize())


def test_the_columns_fit_their_entries_measured_once_per_change(qtbot):
    """Code, check and place are as wide as their widest entry (measured when the warnings change,
    not at every layout pass); the message takes the rest; a place that grows widens its column."""
    from PySide6.QtWidgets import QHeaderView

    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.set_warnings([W03, W04])
    header = panel.tree.header()
    columns = range(header.count() - 1)
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Fixed for c in columns)
    assert header.stretchLastSection()
    widths = [header.sectionSize(c) for c in columns]
    assert widths == [_measured(panel, c) for c in columns]
    farther = Warning_("W04", "a place much farther away than any box so far: the whole county", W04.message)
    panel.set_warnings([W03, farther])
    assert header.sectionSize(2) == _measured(panel, 2) > widths[2]
    assert [header.sectionSize(c) for c in columns] == [_measured(panel, c) for c in columns]
