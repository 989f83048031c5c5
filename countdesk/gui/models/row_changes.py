"""Bringing a table model's rows up to date by the rows that changed, not by a reset.

A reset makes every view of the model forget its selection and scroll position and measure every
row again: on a count night's three-thousandth sheet that costs far more than the entry itself. The
rows here are the count's frozen dataclasses (sheets, boxes, candidates), each with an `id`; a row
that was not touched is the very same object, so finding what changed is one pass of identity
checks. When the open count says which rows a change touched (a sheet added, corrected, removed),
those rows are found by their keys instead. The model is told of each run of removed rows
(beginRemoveRows), each run of new rows (beginInsertRows) and each run of changed rows
(dataChanged), in that order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Ascending positions as (first, last) runs of consecutive ones."""
    runs: list[tuple[int, int]] = []
    for position in positions:
        if runs and runs[-1][1] == position - 1:
            runs[-1] = (runs[-1][0], position)
        else:
            runs.append((position, position))
    return runs


def key_of(row: Any) -> Any:
    return row.id


class RowChanges:
    """How to get from `old` rows to `new` ones: the positions removed (in the old rows), inserted
    (in the new rows) and changed (in the new rows). `possible` is False when the rows that stay
    changed their order (or a key repeats): then only a reset describes the change."""

    def __init__(self, old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], Any] = key_of) -> None:
        self.removed: list[int] = []
        self.inserted: list[int] = []
        self.changed: list[int] = []
        self.possible = True
        if old is new:
            return
        # The usual changes first, in one pass of identity checks: rows appended after the same
        # rows (a new sheet), or the same number of rows with a few replaced by ones of the same key
        # (a corrected sheet, a verified box).
        if len(new) >= len(old) and all(a is b for a, b in zip(old, new, strict=False)):
            self.inserted = list(range(len(old), len(new)))
            return
        if len(new) == len(old):
            replaced = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a is not b]
            if all(key(old[i]) == key(new[i]) for i in replaced):
                self.changed = [i for i in replaced if old[i] != new[i]]
                return
        old_keys = [key(row) for row in old]
        new_keys = [key(row) for row in new]
        old_at = {k: i for i, k in enumerate(old_keys)}
        new_set = set(new_keys)
        if len(old_at) != len(old_keys) or len(new_set) != len(new_keys):
            self.possible = False
            return
        kept_in_old_order = [k for k in old_keys if k in new_set]
        kept_in_new_order = [k for k in new_keys if k in old_at]
        if kept_in_old_order != kept_in_new_order:
            self.possible = False
            return
        self.removed = [i for i, k in enumerate(old_keys) if k not in new_set]
        for i, k in enumerate(new_keys):
            before = old_at.get(k)
            if before is None:
                self.inserted.append(i)
            elif old[before] is not new[i] and old[before] != new[i]:
                self.changed.append(i)

    @property
    def none(self) -> bool:
        return self.possible and not (self.removed or self.inserted or self.changed)


def named_row_changes(old: Sequence[Any], new: Sequence[Any], added: Collection[Any] = (),
                      changed: Collection[Any] = (), removed: Collection[Any] = (),
                      key: Callable[[Any], Any] = key_of) -> RowChanges | None:
    """The positions of the rows a Change names by key (sheets added, changed, removed), found in
    one pass over each side; None when they do not account for the new rows (the model is behind
    by more than this change, as when several changes were queued): then compare the rows instead."""
    added, changed, removed = set(added), set(changed), set(removed)
    changes = RowChanges(old, old, key)
    if added and not (changed or removed) and len(new) == len(old) + len(added):
        # The usual change on a count night, a new sheet, goes last: only the new rows are looked at.
        if {key(row) for row in new[len(old):]} == added:
            changes.inserted = list(range(len(old), len(new)))
            return changes
    if removed:
        changes.removed = [i for i, row in enumerate(old) if key(row) in removed]
    if added or changed:
        for i, row in enumerate(new):
            k = key(row)
            if k in added:
                changes.inserted.append(i)
            elif k in changed:
                changes.changed.append(i)
    if (len(changes.removed) != len(removed) or len(changes.inserted) != len(added)
            or len(old) - len(removed) + len(added) != len(new)):
        return None
    return changes


def apply_row_changes(model: QAbstractItemModel, old: Sequence[Any], new: Sequence[Any],
                      store: Callable[[tuple], None], key: Callable[[Any], Any] = key_of,
                      changes: RowChanges | None = None) -> bool:
    """Tell `model` how its rows went from `old` to `new` (by `changes` when given, else by comparing
    them), calling `store(rows)` with the rows at each step (the model's data() must see the rows
    its views were last told of). Returns False, having done nothing, when only a reset can say
    what changed."""
    if changes is None:
        changes = RowChanges(old, new, key)
    if not changes.possible:
        return False
    rows = list(old)
    for first, last in reversed(_runs(changes.removed)):
        model.beginRemoveRows(QModelIndex(), first, last)
        del rows[first:last + 1]
        store(tuple(rows))
        model.endRemoveRows()
    for first, last in _runs(changes.inserted):
        model.beginInsertRows(QModelIndex(), first, last)
        rows[first:first] = new[first:last + 1]
        store(tuple(rows))
        model.endInsertRows()
    store(tuple(new))
    right = model.columnCount() - 1
    for first, last in _runs(changes.changed):
        model.dataChanged.emit(model.index(first, 0), model.index(last, max(right, 0)))
    return True
