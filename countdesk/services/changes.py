"""What a committed write changed, as data: every use case returns a `Change`.

Why: the app keeps views of the count (tables, trees, documents) and must bring them up to date
after each write. Patching them from what a command *asked* for drifts from the database the
moment the service did something else too (moved the contest's stage, dropped a keying, wrote a
refusal row); a `Change` says what was *committed*, so the app applies exactly that, in one
place, and updates only the rows named. The model is Anki's `OpChanges`: the operation reports
which parts of the collection it touched and each view asks "does this concern me?".

A `Change` names ids, never figures: a view re-reads what it shows from the session, so there
is one copy of the count. Changes combine with `|` (an undo macro, an import of many contests).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class SetUpPart(StrEnum):
    """Which part of the count's set-up a write changed."""

    ELECTION = "election"            # the election's details (name, nation, poll date, officer, ...)
    CONTESTS = "contests"            # a contest added or removed: the list of contests changed
    CONTEST = "contest"              # a contest's own details (title, system, seats, electorate, ...)
    CANDIDATES = "candidates"        # candidates added, removed, corrected or put in another order
    BOXES = "boxes"                  # boxes added, removed or their details changed (not verification)
    PASSPHRASE = "passphrase"        # the RO passphrase set or changed


def _ids(value: object) -> tuple[str, ...]:
    """Ids in the order given, each once (a tuple keeps insertion order for the views' rows)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(dict.fromkeys(value))  # type: ignore[call-overload]


@dataclass(frozen=True)
class Change:
    """What one committed write changed.

    `contest_id`: the contest written, or None for an election-wide change (the election's
    details, an import of the whole count, the operator). The sheet and box fields name the ids the
    store wrote; the flags say which other parts moved. `audit_id` is the sequence number of the
    last audit row the write appended (None when it appended none), so a view of the trail can
    fetch just the new rows.
    """

    contest_id: str | None = None
    sheets_added: tuple[str, ...] = ()
    sheets_changed: tuple[str, ...] = ()
    sheets_removed: tuple[str, ...] = ()
    boxes_changed: tuple[str, ...] = ()       # verified figure or details changed (added/removed: set-up)
    lots: bool = False                        # a lot recorded or withdrawn
    stage: bool = False                       # the contest moved stage (first box verified, first sheet, ...)
    instruction: bool = False                 # a round-2 instruction received (the finalists may differ)
    setup: frozenset[SetUpPart] = frozenset()
    declaration: bool = False                 # declared or unlocked
    acceptance: bool = False                  # a difference accepted by the returning officer
    keyings: bool = False                     # double entry: a keying held, disputed, settled or discarded
    operator: bool = False                    # another operator took over the desk
    whole_count: bool = False                 # everything may have changed (an import): reload it all
    audit_id: int | None = None

    def __post_init__(self) -> None:
        for name in ("sheets_added", "sheets_changed", "sheets_removed", "boxes_changed"):
            object.__setattr__(self, name, _ids(getattr(self, name)))
        object.__setattr__(self, "setup", frozenset(SetUpPart(part) for part in self.setup))

    @property
    def sheets(self) -> bool:
        """Any sheet added, changed or removed."""
        return bool(self.sheets_added or self.sheets_changed or self.sheets_removed)

    @property
    def figures(self) -> bool:
        """Whether the contest's result may differ: its figures, lots, finalists or set-up moved."""
        return bool(self.sheets or self.boxes_changed or self.lots or self.instruction or self.acceptance
                    or self.whole_count or self.setup - {SetUpPart.PASSPHRASE})

    @property
    def audited(self) -> bool:
        """The write appended at least one audit row."""
        return self.audit_id is not None

    def __bool__(self) -> bool:
        """False for a write that changed nothing (the same value again, an empty reorder)."""
        return any(getattr(self, f.name) for f in fields(self) if f.name not in ("contest_id", "audit_id")) \
            or self.audit_id is not None

    @property
    def contest_scoped(self) -> bool:
        """Whether it changed something inside its contest (not only election-wide parts)."""
        return bool(self.sheets or self.boxes_changed or self.lots or self.stage or self.instruction
                    or self.declaration or self.acceptance or self.keyings
                    or self.setup & {SetUpPart.CONTEST, SetUpPart.CANDIDATES, SetUpPart.BOXES})

    def __or__(self, other: Change) -> Change:
        """This change, then `other`, as one (an undo macro of several writes). Sheets keep their
        net effect: added then removed is nothing, removed then added again is changed. Changes
        inside two different contests cannot name their sheets by id alone: they combine into a
        `whole_count` change."""
        if not isinstance(other, Change):
            return NotImplemented
        if not self:
            return other
        if not other:
            return self
        if self.contest_id == other.contest_id or not other.contest_scoped:
            contest_id, whole = self.contest_id, False
        elif not self.contest_scoped:
            contest_id, whole = other.contest_id, False
        else:
            contest_id, whole = None, True
        sheets = _net_sheets(self, other)
        return Change(
            contest_id=contest_id,
            sheets_added=tuple(s for s, how in sheets.items() if how == "added"),
            sheets_changed=tuple(s for s, how in sheets.items() if how == "changed"),
            sheets_removed=tuple(s for s, how in sheets.items() if how == "removed"),
            boxes_changed=(*self.boxes_changed, *other.boxes_changed),
            lots=self.lots or other.lots, stage=self.stage or other.stage,
            instruction=self.instruction or other.instruction, setup=self.setup | other.setup,
            declaration=self.declaration or other.declaration, acceptance=self.acceptance or other.acceptance,
            keyings=self.keyings or other.keyings, operator=self.operator or other.operator,
            whole_count=self.whole_count or other.whole_count or whole,
            audit_id=max((a for a in (self.audit_id, other.audit_id) if a is not None), default=None),
        )


def _sheet_effects(change: Change) -> dict[str, str]:
    effects = {s: "added" for s in change.sheets_added}
    effects.update({s: "changed" for s in change.sheets_changed})
    effects.update({s: "removed" for s in change.sheets_removed})
    return effects


#: (first effect, then effect) -> net effect on a sheet; None: as if never there.
_NET: dict[tuple[str, str], str | None] = {
    ("added", "changed"): "added", ("added", "removed"): None, ("added", "added"): "added",
    ("changed", "changed"): "changed", ("changed", "removed"): "removed", ("changed", "added"): "changed",
    ("removed", "added"): "changed", ("removed", "changed"): "changed", ("removed", "removed"): "removed",
}


def _net_sheets(first: Change, then: Change) -> dict[str, str]:
    """Each sheet's net effect over two writes in turn, in the order the sheets were first named."""
    net: dict[str, str | None] = dict(_sheet_effects(first))
    for sheet_id, how in _sheet_effects(then).items():
        before = net.get(sheet_id)
        net[sheet_id] = how if before is None else _NET[(before, how)]
    return {s: how for s, how in net.items() if how is not None}


#: A write that changed nothing (refused before writing, or the same value given again).
NO_CHANGE = Change()
