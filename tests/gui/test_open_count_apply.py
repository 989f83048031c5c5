"""The open count's one apply point: each use case's Change drops exactly the cached results it
touched and is told to the views as granular signals; commands, undo and redo apply the Change the
service returned (not the command's own input); the returning officer's acts and double entry go
through named operations that apply theirs too; a refusal that was audited reaches the audit log."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gui_helpers import Signals, make_count_file, open_count_file, round_one, small_sv_contest
from PySide6.QtCore import QObject

from countdesk.domain.model import Box
from countdesk.domain.tally import tally_contest
from countdesk.errors import CountdeskError
from countdesk.gui.commands import CompositeCommand, DeleteSheetCommand, SaveSheetCommand
from countdesk.gui.models.audit_model import AuditModel
from countdesk.gui.models.boxes_model import BoxesModel
from countdesk.gui.models.row_changes import named_row_changes
from countdesk.gui.setup_commands import AddBoxCommand, UpdateElectionCommand, VerifyBoxCommand
from countdesk.services.changes import Change
from countdesk.store.repository import Stage

CONTEST, OTHER = "mayor.testshire", "ward.other"
PASSPHRASE = "returning officer's words"
SIGNALS = ("sheets_changed", "boxes_changed", "setup_changed", "declaration_changed", "stage_changed",
           "keyings_changed", "operator_changed", "changed", "audited")


class Told(QObject):
    """What the open count told its views, in order."""

    def __init__(self, open_count) -> None:
        super().__init__()
        self.seen: list[tuple] = []
        for name in SIGNALS:
            getattr(open_count, name).connect(lambda *args, name=name: self.seen.append((name, *args)))

    def names(self) -> list[str]:
        return [seen[0] for seen in self.seen]

    def clear(self) -> None:
        self.seen.clear()


@pytest.fixture
def open_count(tmp_path, open_counts):
    """Two contests: Testshire with two sheets (140 of its 200 verified papers), the other with none."""
    testshire = small_sv_contest((round_one("T01", 40, 30, 20, 10), round_one("T02", 10, 10, 10, 10)))
    other = replace(small_sv_contest(), id=OTHER, title="Other ward")
    return open_count_file(make_count_file(tmp_path / "count.countdesk", (testshire, other)), open_counts)


def test_a_sheet_moves_its_own_contest_only_and_says_which_sheet(open_count):
    testshire, other = open_count.result(CONTEST), open_count.result(OTHER)
    told = Told(open_count)
    open_count.push(SaveSheetCommand(open_count, CONTEST, round_one("T03", 20, 15, 10, 5)))
    assert told.seen == [("sheets_changed", CONTEST, ("T03",), (), ()), ("changed", CONTEST), ("audited",)]
    assert open_count.result(OTHER) is other  # the other contest's result was kept
    assert open_count.result(CONTEST) is not testshire
    assert open_count.result(CONTEST).first == tally_contest(open_count.count().election,
                                                             open_count.session.contest(CONTEST)).first
    told.clear()
    open_count.push(DeleteSheetCommand(open_count, CONTEST, "T01", "keyed twice"))
    open_count.undo_stack.undo()  # the undo applies the Change its own service call returned
    open_count.undo_stack.redo()
    assert [seen for seen in told.seen if seen[0] == "sheets_changed"] == [
        ("sheets_changed", CONTEST, (), (), ("T01",)),
        ("sheets_changed", CONTEST, ("T01",), (), ()),
        ("sheets_changed", CONTEST, (), (), ("T01",)),
    ]
    assert [s.id for s in open_count.contest(CONTEST).count_sheets] == ["T02", "T03"]
    assert open_count.contest(CONTEST).count_sheets == open_count.session.contest(CONTEST).count_sheets


def test_sheets_are_followed_without_reading_the_count_again(open_count, monkeypatch):
    """Before any result was asked for, too: the running totals start from the cached contest."""
    open_count.count()
    reads = []
    for name in ("load", "contest"):
        monkeypatch.setattr(open_count.session, name, lambda *args, name=name: reads.append(name))
    open_count.push(SaveSheetCommand(open_count, CONTEST, round_one("T03", 20, 15, 10, 5)))
    open_count.push(DeleteSheetCommand(open_count, CONTEST, "T01", "keyed twice"))
    assert reads == []
    monkeypatch.undo()
    assert open_count.contest(CONTEST).count_sheets == open_count.session.contest(CONTEST).count_sheets
    assert open_count.result(CONTEST).first == tally_contest(open_count.count().election,
                                                             open_count.session.contest(CONTEST)).first


def test_what_the_service_committed_is_applied_not_what_the_command_asked(open_count):
    """The first sheet of a contest also moves it to the count stage: the command asked for a sheet
    only, the service's Change says both, and both reach the views."""
    assert open_count.contest_state(OTHER).stage is not Stage.COUNT
    told = Told(open_count)
    open_count.push(SaveSheetCommand(open_count, OTHER, round_one("W01", 40, 30, 20, 10)))
    assert "stage_changed" in told.names() and ("sheets_changed", OTHER, ("W01",), (), ()) in told.seen
    assert open_count.contest_state(OTHER).stage is Stage.COUNT


def test_a_box_verified_drops_only_its_contests_results_and_names_the_box(open_count):
    other = open_count.result(OTHER)
    told = Told(open_count)
    open_count.push(VerifyBoxCommand(open_count, CONTEST, "B1", 101, "one more paper found", reason="recounted"))
    assert ("boxes_changed", CONTEST, ("B1",)) in told.seen and "sheets_changed" not in told.names()
    assert open_count.contest(CONTEST).boxes[0].verified == 101 and open_count.result(OTHER) is other
    assert open_count.result(CONTEST).ballot_papers_verified == 201


def test_a_list_imported_as_one_step_is_applied_once(qtbot, open_count, monkeypatch):
    """Fifty boxes from a file, one undoable step: the open count re-reads the contest once and the
    boxes table gains them as one run of rows; undo takes them away as one run."""
    model = BoxesModel(open_count)
    model.set_contest(OTHER)
    rows = Signals(model)
    told = Told(open_count)
    reads = []
    contest = open_count.session.contest
    monkeypatch.setattr(open_count.session, "contest",
                        lambda contest_id: (reads.append(contest_id), contest(contest_id))[1])
    boxes = [Box(f"N{n:02d}", f"Hall {n}", False, 10, None) for n in range(50)]
    open_count.push(CompositeCommand("Import 50 boxes", [AddBoxCommand(open_count, OTHER, box) for box in boxes]))
    qtbot.wait(1)
    assert told.names().count("setup_changed") == 1 and reads == [OTHER]
    assert rows.seen == [("rowsInserted", 2, 51)]
    rows.clear()
    open_count.undo_stack.undo()
    qtbot.wait(1)
    assert rows.seen == [("rowsRemoved", 2, 51)] and len(open_count.contest(OTHER).boxes) == 2


def test_an_election_wide_change_re_reads_everything(open_count):
    open_count.result(CONTEST)
    told = Told(open_count)
    election = open_count.count().election
    open_count.push(UpdateElectionCommand(open_count, replace(election, title="Renamed election")))
    assert told.seen[:2] == [("setup_changed", ""), ("changed", "")]
    assert open_count.count().election.title == "Renamed election"
    open_count.undo_stack.undo()
    assert open_count.count().election.title == election.title


def test_declaring_and_reopening_are_named_operations_that_apply_their_change(open_count):
    open_count.save_sheet(CONTEST, round_one("T03", 55, 5, 0, 0))  # complete: ADAMS 105 of the 200 papers
    audit = AuditModel(open_count)
    open_count.set_ro_passphrase(PASSPHRASE)
    rows = audit.rowCount()
    told = Told(open_count)
    with pytest.raises(CountdeskError):
        open_count.declare(CONTEST, "a wrong guess")
    assert told.seen == [("audited",)] and audit.rowCount() == rows + 1  # the refusal is in the log
    assert not open_count.locked(CONTEST)
    told.clear()
    open_count.declare(CONTEST, PASSPHRASE)
    assert {"declaration_changed", "stage_changed", "changed", "audited"} <= set(told.names())
    assert open_count.locked(CONTEST) and open_count.contest(CONTEST).declared is not None
    told.clear()
    open_count.unlock(CONTEST, PASSPHRASE, "a sheet was keyed twice")
    assert ("declaration_changed", CONTEST) in told.seen and not open_count.locked(CONTEST)
    assert open_count.contest(CONTEST).declared is None


def test_an_empty_change_tells_nobody(open_count):
    told = Told(open_count)
    open_count.apply(Change(CONTEST))
    assert told.seen == []


def test_named_rows_are_found_by_key_and_a_model_behind_compares_instead():
    a, b, c, d = (round_one(i, 1, 1, 1, 1) for i in "ABCD")
    appended = named_row_changes((a, b), (a, b, c), added=("C",))
    assert (appended.removed, appended.inserted, appended.changed) == ([], [2], [])
    mixed = named_row_changes((a, b, c), (a, round_one("C", 2, 1, 1, 1), d), added=("D",), changed=("C",),
                              removed=("B",))
    assert (mixed.removed, mixed.inserted, mixed.changed) == ([1], [2], [1])
    # Two changes queued, the model told of the first after both happened: the names do not
    # account for the rows, so the model compares them instead.
    assert named_row_changes((a, b), (a, b, c, d), added=("C",)) is None
    assert named_row_changes((a, b), (a,), removed=("X",)) is None


def test_a_sheet_that_voids_an_accepted_difference_leaves_no_stale_acceptance_on_screen(open_count):
    """140 of 200 on the sheets; then 198, the RO accepts 198 against 200; a sheet found later voids
    the acceptance, and removing it again (198 against 200 once more) leaves the contest incomplete:
    the open count reads the contest again, never keeping an acceptance the count no longer holds."""
    from countdesk.domain.result import Status

    open_count.push(SaveSheetCommand(open_count, CONTEST, round_one("T03", 58, 0, 0, 0)))  # ADAMS 108 of 198
    open_count.session.passphrase.set(PASSPHRASE)
    open_count.accept_difference(CONTEST, PASSPHRASE, stage="round1", counted=198, expected=200, reason="2 lost")
    assert open_count.result(CONTEST).status is Status.ELECTED
    open_count.push(SaveSheetCommand(open_count, CONTEST, round_one("T04", 1, 0, 0, 0)))
    assert open_count.contest(CONTEST).accepted_differences == ()
    open_count.push(DeleteSheetCommand(open_count, CONTEST, "T04", "keyed against the wrong table"))
    result = open_count.result(CONTEST)
    assert result.status is Status.INCOMPLETE and result.ballot_papers_counted == 198
    assert result == tally_contest(open_count.session.load().election, open_count.session.contest(CONTEST))
