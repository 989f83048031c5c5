"""Table columns sized once, not measured on every change.

A header in ResizeToContents mode reads every row of its column again after each change: on a
table of thousands of rows (boxes, sheets, the audit trail) that is most of the cost of showing
one entry. These tables size their columns to the contents when the model is reset (another
contest, another file) and otherwise leave the widths to the user (Interactive).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView


def size_columns_on_reset(table: QTableView, stretch: int, *, skip: frozenset[int] = frozenset()) -> None:
    """Interactive columns sized to their contents now and at each reset of the table's model;
    column `stretch` takes the spare width; the columns in `skip` keep the width they have."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def fit() -> None:
        for column in range(table.model().columnCount()):
            if column != stretch and column not in skip:
                table.resizeColumnToContents(column)

    table.model().modelReset.connect(fit)
    fit()
